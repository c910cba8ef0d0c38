#!/bin/sh
# Build the Debian package from the one-folder build (make dist):
#   installer/linux/build_deb.sh [BUNDLE] [OUT_DIR]
# BUNDLE defaults to build/dist/redoffice, OUT_DIR to build/. Only dpkg-deb is needed.
# Layout: /opt/redoffice (the frozen program), /usr/bin/redoffice and redoffice-cli (links),
# the desktop entry (社区红色工作台), the icon, the .rosync/.rosack file types.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUNDLE=${1:-$ROOT/build/dist/redoffice}
OUT=${2:-$ROOT/build}
[ -x "$BUNDLE/redoffice" ] && [ -x "$BUNDLE/redoffice-cli" ] || {
    echo "no one-folder build in $BUNDLE: run make dist" >&2; exit 1; }
# the version of the program in the bundle (an older commit's build makes that version's .deb)
VERSION=$("$BUNDLE/redoffice-cli" --version | sed -n 's/^RedOffice \([0-9][0-9.a-z]*\)$/\1/p')
[ -n "$VERSION" ] || { echo "no version from $BUNDLE/redoffice-cli --version" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/redoffice-deb.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
PKG="$STAGE/redoffice"

mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" \
         "$PKG/usr/share/mime/packages" "$PKG/usr/share/icons/hicolor/256x256/apps" \
         "$PKG/usr/share/icons/hicolor/48x48/apps" "$PKG/usr/share/doc/redoffice"
cp -a "$BUNDLE" "$PKG/opt/redoffice"
ln -s /opt/redoffice/redoffice "$PKG/usr/bin/redoffice"
ln -s /opt/redoffice/redoffice-cli "$PKG/usr/bin/redoffice-cli"
install -m 644 "$HERE/redoffice.desktop" "$PKG/usr/share/applications/redoffice.desktop"
install -m 644 "$HERE/redoffice-mime.xml" "$PKG/usr/share/mime/packages/redoffice.xml"
install -m 644 "$ROOT/installer/icons/redoffice.png" \
    "$PKG/usr/share/icons/hicolor/256x256/apps/redoffice.png"
install -m 644 "$ROOT/installer/icons/redoffice-48.png" \
    "$PKG/usr/share/icons/hicolor/48x48/apps/redoffice.png"
{
    echo "RedOffice 社区红色工作台 ${VERSION}"
    echo
    echo "Bundled fonts:"
    cat "$ROOT/resources/fonts/wqy-microhei.COPYRIGHT"
    echo
    cat "$ROOT/resources/fonts/hanazono.COPYRIGHT"
} > "$PKG/usr/share/doc/redoffice/copyright"
install -m 755 "$HERE/postinst" "$HERE/postrm" "$PKG/DEBIAN/"
find "$PKG" -type d -exec chmod 755 {} +

# What the frozen Qt needs from the system beyond what the bundle carries (checked on a bare
# Debian 12 root with ldd: installer/README.md); glibc as new as the build machine's
GLIBC=$(ldd --version | sed -n '1s/.* \([0-9][0-9.]*\)$/\1/p')
SIZE=$(du -sk --apparent-size "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: redoffice
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: RedOffice <redoffice@example.invalid>
Installed-Size: ${SIZE}
Depends: libc6 (>= ${GLIBC}), libegl1, libgl1, libfontconfig1, libfreetype6, libx11-6, libx11-xcb1, libxcb1, libxkbcommon0, libwayland-cursor0, libwayland-egl1
Recommends: shared-mime-info, desktop-file-utils
Section: misc
Priority: optional
Description: 社区红色工作台 RedOffice — offline desktop client for community offices
 社区党委、居委会日常工作的离线桌面软件：居民台账、入户走访、民情诉求、三方联席会议
 与督办、微心愿、红色基金、Excel 导入导出、打印表格、向街道办同步数据。
 .
 The program is installed in /opt/redoffice; each user's data (database, backups,
 attachments, keys) lives in ~/.local/share/RedOffice and is kept on uninstall.
CONTROL
mkdir -p "$OUT"
DEB="$OUT/redoffice_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null
echo "$DEB: $(du -m "$DEB" | cut -f1) MB, installed $((SIZE / 1024)) MB"

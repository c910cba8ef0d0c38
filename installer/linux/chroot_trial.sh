#!/bin/bash
# The .deb on a bare Debian 12 (issue 17), as root on a Debian host with debootstrap:
#   installer/linux/chroot_trial.sh fresh   NEW.deb            [OUT]
#   installer/linux/chroot_trial.sh upgrade NEW.deb OLD.deb    [OUT]
# fresh: NEW installed on a minimal debootstrapped bookworm (apt resolves its Depends), every
#   library of /opt/redoffice found, --version, --self-test on Xvfb, a demo, the main window.
# upgrade: OLD installed, a community (200 demo households) and its street office made with it,
#   keys in gnome-keyring's Secret Service, the window resized and closed (QSettings); NEW over
#   it; then remove, purge and reinstall: every table's count and sampled records equal, the
#   same key ids and fingerprints, a package signed by the community verified by the street,
#   the settings file unchanged and the window restored where it was closed.
# The minimal root is made once and kept as build/chroot/bookworm-minbase.tar; downloaded
# packages are kept in build/chroot/archives. Each run starts from a fresh copy of the root.
# Results in OUT (default build/chroot/out-MODE): trial.log, screenshots (.png), snapshots.
set -euo pipefail
MODE=$1
NEW=$(realpath "$2")
OLD=
if [ "$MODE" = upgrade ]; then OLD=$(realpath "$3"); shift; fi
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=$ROOT/build/chroot
OUT=$(realpath -m "${3:-$CACHE/out-$MODE}")
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE=$CACHE/bookworm-minbase.tar
TREE=$CACHE/root-$MODE

mkdir -p "$CACHE/archives/partial"
if [ ! -s "$BASE" ]; then
    rm -rf "$CACHE/base"
    debootstrap --variant=minbase bookworm "$CACHE/base" "$MIRROR" > "$CACHE/debootstrap.log"
    tar -C "$CACHE/base" -cf "$BASE.tmp" . && mv "$BASE.tmp" "$BASE"
    rm -rf "$CACHE/base"
fi

cleanup() {
    for m in var/cache/apt/archives dev/shm dev/pts dev proc; do
        mountpoint -q "$TREE/$m" && umount -l "$TREE/$m"
    done
    return 0
}
trap cleanup EXIT
cleanup
if grep -q " $TREE/" /proc/mounts; then  # never delete through a mount into the host's /dev
    echo "still mounted under $TREE: $(grep " $TREE/" /proc/mounts)" >&2
    exit 1
fi
rm -rf "$TREE" "$OUT"
mkdir -p "$TREE" "$OUT"
tar -C "$TREE" -xf "$BASE"
mount -t proc proc "$TREE/proc"
mount --bind /dev "$TREE/dev"
mount --bind /dev/pts "$TREE/dev/pts"
! mountpoint -q /dev/shm || mount --bind /dev/shm "$TREE/dev/shm"
mount --bind "$CACHE/archives" "$TREE/var/cache/apt/archives"
cp /etc/resolv.conf "$TREE/etc/resolv.conf"
echo "deb $MIRROR bookworm main" > "$TREE/etc/apt/sources.list"

mkdir -p "$TREE/trial/new" "$TREE/trial/old" "$TREE/trial/out"
cp "$NEW" "$TREE/trial/new/"
[ -z "$OLD" ] || cp "$OLD" "$TREE/trial/old/"
cp "$HERE/chroot_inside.sh" "$HERE/trial_helper.py" "$ROOT/installer/upgrade_check.py" "$TREE/trial/"
chmod -R a+rX "$TREE/trial"
chmod 777 "$TREE/trial/out"

started=$SECONDS
status=0
env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin TERM=dumb chroot "$TREE" /trial/chroot_inside.sh "$MODE" \
    2>&1 | tee "$OUT/trial.log" || status=$?
echo "== trial $MODE: exit $status in $((SECONDS - started)) s" | tee -a "$OUT/trial.log"
for shot in "$TREE"/trial/out/*.xwd; do
    [ -e "$shot" ] && convert "xwd:$shot" "$OUT/$(basename "${shot%.xwd}").png"
done
cp "$TREE"/trial/out/*.log "$TREE"/trial/out/*.json "$OUT/" 2> /dev/null || true
exit "$status"

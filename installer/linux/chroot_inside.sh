#!/bin/bash
# Run by installer/linux/chroot_trial.sh inside a fresh debootstrapped Debian 12 root (as root):
#   /trial/chroot_inside.sh fresh     NEW_DEB: installed on the bare system, started, demo
#   /trial/chroot_inside.sh upgrade   OLD_DEB, data made, NEW_DEB over it, remove, purge,
#                                     reinstall: records, keyring keys and settings kept
# The program runs as an ordinary user, `secretary`, with a D-Bus session, gnome-keyring's
# Secret Service (unlocked with a password, as a desktop login does) and Xvfb :7.
# Results: /trial/out (log lines on stdout, screenshots as .xwd, snapshots as .json).
set -euo pipefail
MODE=$1
T=/trial
OUT=$T/out
U=secretary
H=/home/$U
DATA=$H/.local/share/RedOffice
CONF=$H/.config/RedOffice/RedOffice.ini  # QSettings, IniFormat, user scope
STREET=$H/street.sqlite
KEYRING_PASSWORD="secretary-login"
BUS=unix:path=/tmp/trial-bus
NEW_DEB=$(ls $T/new/redoffice_*.deb)
OLD_DEB=$(ls $T/old/redoffice_*.deb 2>/dev/null || true)
export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
PIDS=()

say() { echo "== $(date -u +%H:%M:%S) $*"; }
fail() { echo "TRIAL FAILED: $*"; exit 1; }
as_user() {
    runuser -u "$U" -- env HOME="$H" USER="$U" LOGNAME="$U" LANG=zh_CN.UTF-8 \
        XDG_RUNTIME_DIR=/tmp/runtime-$U DISPLAY=:7 DBUS_SESSION_BUS_ADDRESS="$BUS" "$@"
}
cli() { as_user redoffice-cli "$@"; }
helper() { as_user python3 $T/trial_helper.py "$@"; }

install_deb() {  # apt resolves the package's Depends from Debian's archive, as a user's would
    local started=$SECONDS
    apt-get install -y -q "$1" > "$OUT/apt-$(basename "$1").log" 2>&1 \
        || { tail -20 "$OUT/apt-$(basename "$1").log"; fail "apt-get install $1"; }
    say "installed $(basename "$1") in $((SECONDS - started)) s:" \
        "$(dpkg-query -W -f='${Package} ${Version}, Installed-Size ${Installed-Size} kB' redoffice)"
}

missing_libraries() {  # every ELF file of the installed program, its libraries all found
    # (in the bundle's _internal, which PyInstaller's bootloader puts on LD_LIBRARY_PATH, or
    # on the system)
    local missing
    missing=$(find /opt/redoffice -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
        | LD_LIBRARY_PATH=/opt/redoffice/_internal xargs -0 ldd 2>/dev/null \
        | grep 'not found' | sort -u || true)
    [ -z "$missing" ] || fail "libraries not found on the bare system: $missing"
    say "ldd: every library of /opt/redoffice found on the bare system"
}

tools() {  # the trial's own tools, installed only after the program's dependencies were checked
    apt-get install -y -q --no-install-recommends xvfb xdotool python3 python3-xlib dbus \
        gnome-keyring locales > "$OUT/apt-tools.log" 2>&1 || fail "trial tools"
    id "$U" > /dev/null 2>&1 || useradd -m -s /bin/bash "$U"
    install -d -m 700 -o "$U" -g "$U" "/tmp/runtime-$U"
    sed -i 's/^# *zh_CN.UTF-8/zh_CN.UTF-8/' /etc/locale.gen && locale-gen > /dev/null
    rm -f /tmp/.X7-lock
    Xvfb :7 -screen 0 1366x768x24 -fbdir /tmp -nolisten tcp > "$OUT/xvfb.log" 2>&1 &
    PIDS+=($!)
    sleep 2
}

session_start() {  # a desktop login: the session bus, the keyring unlocked by the login password
    rm -f /tmp/trial-bus
    as_user dbus-daemon --session --nofork --address="$BUS" > "$OUT/dbus.log" 2>&1 &
    BUS_PID=$!
    sleep 1
    printf '%s' "$KEYRING_PASSWORD" | as_user gnome-keyring-daemon --foreground --unlock \
        --components=secrets > "$OUT/keyring.log" 2>&1 &
    KEYRING_PID=$!
    sleep 2
}

session_end() {  # logging out: the keyring daemon and the bus stop; only files remain
    kill "$KEYRING_PID" "$BUS_PID" 2> /dev/null || true
    wait "$KEYRING_PID" "$BUS_PID" 2> /dev/null || true
}

screenshot() {
    cp /tmp/Xvfb_screen0 "$OUT/$1.xwd"
    say "screenshot $1"
}

gui_start() {  # start `redoffice` from the PATH like the menu entry, wait for its main window
    as_user redoffice > "$OUT/gui-$1.log" 2>&1 &
    GUI_PID=$!
    local started=$SECONDS
    WINDOW=$(as_user timeout 180 xdotool search --sync --onlyvisible --class redoffice \
        | head -1) || fail "no RedOffice window within 180 s ($1)"
    say "window $WINDOW shown $((SECONDS - started)) s after the start ($1)"
    sleep "${2:-15}"  # the 工作台's counts and lists arrive
    kill -0 "$GUI_PID" || fail "redoffice exited ($1): $(cat "$OUT/gui-$1.log")"
}

geometry() {
    as_user xdotool getwindowgeometry --shell "$WINDOW" | grep -E '^(X|Y|WIDTH|HEIGHT)=' \
        | tr '\n' ' '
}

gui_close() {  # the title bar's close button: closeEvent saves the window's geometry
    helper close "$WINDOW"
    for _ in $(seq 60); do kill -0 "$GUI_PID" 2> /dev/null || break; sleep 1; done
    kill -0 "$GUI_PID" 2> /dev/null && fail "redoffice did not close"
    wait "$GUI_PID" || fail "redoffice exited with an error: $(cat "$OUT/gui-$1.log")"
    say "closed ($1)"
}

keys() {  # the node's key id and fingerprint, and where its private keys are kept
    local out
    out=$(cli "$@" sync keys --json)
    echo "$(helper field "$out" key_id) $(helper field "$out" fingerprint) $(helper field "$out" store)"
}

self_test() {
    as_user env QT_QPA_PLATFORM=xcb redoffice --self-test > "$OUT/self-test.log" 2>&1 \
        || fail "self-test: $(cat "$OUT/self-test.log")"
    grep -q "self-test ok" "$OUT/self-test.log" || fail "self-test said $(cat "$OUT/self-test.log")"
    say "redoffice --self-test (xcb on Xvfb): $(grep 'self-test ok' "$OUT/self-test.log")"
}

sync_round() {  # the community signs and encrypts a package, the street decrypts and verifies
    # it with the keys enrolled under 0.1.0, and its signed receipt goes back to the community
    rm -rf "$H/usb" && as_user mkdir "$H/usb"
    cli cases add --category 设施维修 --urgency 一般 --source 来电 \
        --description "楼道灯不亮（$1）" > /dev/null  # a new record for the package to carry
    cli sync export --out "$H/usb" | tail -1 | tee /tmp/export.txt
    grep -q '，0 条记录' /tmp/export.txt && fail "the package carries no record ($1)"
    local package
    package=$(ls "$H"/usb/*.rosync | tail -1)
    cli --db "$STREET" sync import "$package" | tail -2 || fail "the street refused $package"
    cli sync ack-import "$(ls "$H"/usb/*.rosack | tail -1)" | tail -1 || fail "receipt refused"
    say "sync ($1): the street verified and imported $(basename "$package"), its receipt imported"
}

make_data() {
    cli init --community-name 幸福社区 --community-code 420106001001 --street-name 中南路街道 \
        --street-code 420106001 --operator 张秘书
    cli demo --households 200 | tail -1
    cli --db "$STREET" init --street --street-name 中南路街道 --street-code 420106001 \
        --operator 王主任
    C_KEYS=$(keys)
    S_KEYS=$(keys --db "$STREET")
    say "community keys: $C_KEYS; street keys: $S_KEYS"
    case "$C_KEYS $S_KEYS" in *file*) fail "keys not in the keyring: $C_KEYS / $S_KEYS" ;; esac
    cli sync enrol-export --out "$H/c.enrol"
    cli --db "$STREET" sync enrol-export --out "$H/s.enrol"
    cli --db "$STREET" sync enrol-import "$H/c.enrol" --fingerprint "$(echo "$C_KEYS" | cut -d' ' -f2)"
    cli sync enrol-import "$H/s.enrol" --fingerprint "$(echo "$S_KEYS" | cut -d' ' -f2)"
}

same_keys() {
    local now_c now_s
    now_c=$(keys) && now_s=$(keys --db "$STREET")
    [ "$now_c" = "$C_KEYS" ] || fail "community keys $C_KEYS became $now_c ($1)"
    [ "$now_s" = "$S_KEYS" ] || fail "street keys $S_KEYS became $now_s ($1)"
    say "keys unchanged ($1): community $now_c, street $now_s"
}

same_records() {
    helper snapshot "$DATA/redoffice.sqlite" "/tmp/after-$1.json"
    helper compare /tmp/before.json "/tmp/after-$1.json" || fail "records lost ($1)"
    cp /tmp/after-"$1".json "$OUT/"
}

same_settings() {
    local now
    now=$(sha256sum < "$CONF")
    [ "$now" = "$CONF_SUM" ] || fail "$CONF changed ($1)"
    say "$CONF unchanged ($1)"
}

restored_geometry() {
    local now
    now=$(geometry)
    [ "$now" = "$SAVED" ] || fail "window at $now, closed at $SAVED ($1)"
    say "window restored where it was closed ($1): $now"
}

fresh() {
    install_deb "$NEW_DEB"
    missing_libraries
    say "$(redoffice-cli --version)"
    tools
    session_start
    self_test
    cli init --community-name 幸福社区 --community-code 420106001001 --street-name 中南路街道 \
        --street-code 420106001 --operator 张秘书
    local started=$SECONDS
    cli demo --households 200 | tail -1
    say "demo of 200 households in $((SECONDS - started)) s: $(cli stats --json | tr -d '\n ')"
    gui_start fresh
    screenshot "fresh-0.2.0"
    gui_close fresh
    session_end
}

upgrade() {
    [ -n "$OLD_DEB" ] || fail "no old .deb in $T/old"
    install_deb "$OLD_DEB"
    missing_libraries
    say "$(redoffice-cli --version)"
    tools
    session_start
    make_data
    sync_round "0.1.0"
    gui_start "0.1.0"
    screenshot "upgrade-1-0.1.0"
    as_user xdotool windowsize "$WINDOW" 1320 700 windowmove "$WINDOW" 20 40
    sleep 2
    SAVED=$(geometry)
    gui_close "0.1.0"
    [ -s "$CONF" ] || fail "no $CONF after closing the window"
    CONF_SUM=$(sha256sum < "$CONF")
    say "settings written by 0.1.0: $(grep -c . "$CONF") lines in $CONF, window $SAVED"
    helper snapshot "$DATA/redoffice.sqlite" /tmp/before.json
    cp /tmp/before.json "$OUT/"
    session_end

    install_deb "$NEW_DEB"  # over 0.1.0, while the user is logged out
    missing_libraries
    say "$(redoffice-cli --version)"
    session_start
    same_settings "after the upgrade"
    cli stats --json > /dev/null  # the first open: backup, migration
    say "backups: $(ls "$DATA/backups")"
    same_records upgrade
    same_keys "after the upgrade"
    sync_round "0.2.0 over 0.1.0"
    self_test
    gui_start upgraded
    screenshot "upgrade-2-0.2.0"
    restored_geometry "after the upgrade"
    gui_close upgraded
    helper snapshot "$DATA/redoffice.sqlite" /tmp/before.json  # now with the round's records
    CONF_SUM=$(sha256sum < "$CONF")
    session_end

    apt-get remove -y -q redoffice > "$OUT/apt-remove.log" 2>&1 || fail "apt-get remove"
    [ ! -e /opt/redoffice ] && ! command -v redoffice > /dev/null || fail "program left after remove"
    say "removed: $(grep -a 'RedOffice removed' "$OUT/apt-remove.log" || true)"
    apt-get purge -y -q redoffice > "$OUT/apt-purge.log" 2>&1 || fail "apt-get purge"
    dpkg-query -W redoffice > /dev/null 2>&1 && fail "redoffice still known to dpkg after purge"
    say "purged; left in $H: $(cd "$H" && find .local/share/RedOffice .local/share/keyrings .config/RedOffice -maxdepth 1 | tr '\n' ' ')"

    install_deb "$NEW_DEB"
    session_start
    same_settings "after purge and reinstall"
    same_records reinstall
    same_keys "after purge and reinstall"
    sync_round "reinstalled 0.2.0"
    gui_start reinstalled
    screenshot "upgrade-3-reinstalled"
    restored_geometry "after purge and reinstall"
    gui_close reinstalled
    session_end
}

trap 'kill "${PIDS[@]}" 2> /dev/null || true' EXIT
mkdir -p "$OUT"
apt-get update -q > "$OUT/apt-update.log" 2>&1 || fail "apt-get update"
"$MODE"
say "trial $MODE ok"

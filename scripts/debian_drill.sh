#!/usr/bin/env bash
# The Debian drill: docs/DEPLOYMENT.md "Debian with systemd, step by step" done for real on a
# fresh Debian with systemd as PID 1 (docs/DEPLOYMENT.md, "Tested for real").
#
# Needs root on a Debian host, the Debian mirror and PyPI; takes about 10 minutes. Not part
# of `make test`. It
#   1. debootstraps a fresh Debian ($SUITE) into $ROOT (removed first if it is there),
#   2. boots it with systemd-nspawn on a private network (its own 5432, 6379, 443: nothing
#      clashes with the host's services); the host end of the veth link gets $HOST_IP and
#      a tinyproxy there is the machine's only way out (to the mirror and PyPI: apt and pip
#      are given it as their proxy),
#   3. offers the committed HEAD of this repository as a bare clone inside the machine
#      (the administrator's "git clone <repository>"),
#   4. runs scripts/debian_drill_steps.sh inside: the doc's steps, then the checks (a web
#      report with scripts/drill_report.py, a first staff login and the chat page with
#      scripts/drill_staff.py, the timers, a backup and restore, nginx's log, and last
#      the chat-expire timer left to fire on its own, up to 330 s of waiting),
#   5. powers the machine off, stops the proxy and removes the tree (KEEP_TREE=1 keeps it
#      for a look afterwards). REUSE_BASE=1 starts from the tree the last debootstrap
#      left in $ROOT.base.tar instead of a new debootstrap.
# Usage: sudo scripts/debian_drill.sh | tee drill.log   (boot and proxy logs: $ROOT.*.log)
set -euo pipefail
REPO=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
ROOT=${ROOT:-/var/tmp/meldpunt-debian}
SUITE=${SUITE:-trixie}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
MACHINE=meldpunt
HOST_IP=10.77.0.1
GUEST_IP=10.77.0.2
PROXY="http://$HOST_IP:8888"
KEEP_TREE=${KEEP_TREE:-0}
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
START=$SECONDS
say() { printf '\n### [%4ss] %s\n' "$((SECONDS - START))" "$*"; }

NSPAWN_PID=
PROXY_PID=
cleanup() {
    if [ -n "$NSPAWN_PID" ] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
        say "power off the machine"
        in_machine systemctl poweroff || kill "$NSPAWN_PID"
        for _ in $(seq 60); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 1; done
        kill "$NSPAWN_PID" 2>/dev/null || true
    fi
    [ -z "$PROXY_PID" ] || kill "$PROXY_PID" 2>/dev/null || true
    [ "$KEEP_TREE" = 1 ] || rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT

leader() { pgrep -P "$(pgrep -P "$NSPAWN_PID" -x systemd-nspawn || echo "$NSPAWN_PID")" -x systemd; }
in_machine() {
    nsenter -t "$(leader)" -m -u -i -n -p -- /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 http_proxy="$PROXY" https_proxy="$PROXY" \
        no_proxy=localhost,127.0.0.1,meldpunt.example.nl "$@"
}

say "host tools"
command -v debootstrap >/dev/null && command -v systemd-nspawn >/dev/null && command -v tinyproxy >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap systemd-container tinyproxy-bin >/dev/null

say "debootstrap $SUITE into $ROOT"
rm -rf --one-file-system "$ROOT"
if [ "${REUSE_BASE:-0}" = 1 ] && [ -f "$ROOT.base.tar" ]; then
    mkdir "$ROOT" && tar -C "$ROOT" -xf "$ROOT.base.tar"   # the same fresh tree, 3 minutes sooner
else
    debootstrap --include=systemd,systemd-sysv,dbus,ca-certificates "$SUITE" "$ROOT" "$MIRROR" >"$ROOT.debootstrap.log"
    tar -C "$ROOT" -cf "$ROOT.base.tar" .
fi
echo meldpunt-drill >"$ROOT/etc/hostname"
echo "127.0.0.1 meldpunt.example.nl" >>"$ROOT/etc/hosts"
# The machine's network: a fixed address on its end of the veth link, no route out.
printf 'auto host0\niface host0 inet static\n    address %s/24\n' "$GUEST_IP" >"$ROOT/etc/network/interfaces.d/host0"
echo "Acquire::http::Proxy \"$PROXY\";" >"$ROOT/etc/apt/apt.conf.d/80drill-proxy"
# Where the host's way out inspects TLS with a CA of its own, the machine trusts it too.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
    chroot "$ROOT" update-ca-certificates >/dev/null
fi
git clone --quiet --bare "$REPO" "$ROOT/var/tmp/meldpunt.git"
install -m 755 "$REPO/scripts/debian_drill_steps.sh" "$ROOT/root/debian_drill_steps.sh"

say "proxy on $HOST_IP:8888 for the mirror and PyPI"
cat >"$ROOT.tinyproxy.conf" <<CONF
Port 8888
Listen $HOST_IP
Timeout 600
Allow 10.77.0.0/24
LogLevel Warning
CONF

say "boot with systemd-nspawn"
# --register=no --keep-unit: the host's PID 1 need not be systemd (no machined, no bus).
systemd-nspawn -D "$ROOT" -M "$MACHINE" -b --register=no --keep-unit --network-veth \
    --console=passive >"$ROOT.boot.log" 2>&1 &
NSPAWN_PID=$!
for _ in $(seq 30); do ip link show "ve-$MACHINE" >/dev/null 2>&1 && break; sleep 1; done
ip addr add "$HOST_IP/24" dev "ve-$MACHINE"
ip link set "ve-$MACHINE" up
tinyproxy -d -c "$ROOT.tinyproxy.conf" >"$ROOT.tinyproxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 60); do leader >/dev/null && break; sleep 1; done
in_machine systemctl is-system-running --wait || in_machine systemctl --failed --no-pager
in_machine sh -c 'echo "PID 1: $(cat /proc/1/comm)"; systemctl --version | head -1; . /etc/os-release; echo "$PRETTY_NAME"'

say "the doc's steps inside the machine"
in_machine /root/debian_drill_steps.sh /var/tmp/meldpunt.git
say "drill passed in $((SECONDS - START)) s"

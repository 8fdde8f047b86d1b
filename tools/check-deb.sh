#!/usr/bin/env bash
# Proves the .deb on a clean Debian 12: builds it with cpack, installs it with apt in a
# debootstrapped bookworm chroot (apt resolves the Depends), then runs the installed app
# as a normal user from a folder outside the source tree: --version, shape, eval, a
# screenshot under Xvfb and the desktop entry's Exec command. Xvfb is installed in the
# chroot for the check only; it is not one of the package's Depends.
#   sudo tools/check-deb.sh [BUILD_DIR] [CHROOT_DIR]
# BUILD_DIR defaults to ./build; CHROOT_DIR to /var/tmp/convscope-deb-chroot. A missing
# CHROOT_DIR is made with debootstrap (a few minutes, needs the network); an existing one
# has convscope purged first. Exit 0 when every check passes, 1 otherwise.
set -uo pipefail

build=$(realpath "${1:-build}")
root=${2:-/var/tmp/convscope-deb-chroot}
mirror=http://deb.debian.org/debian

if [ "$(id -u)" -ne 0 ]; then
    echo "check-deb.sh: needs root (debootstrap, mount and chroot): run it with sudo" >&2
    exit 1
fi
for tool in cpack debootstrap dpkg-deb; do
    command -v $tool >/dev/null || {
        echo "check-deb.sh: $tool is missing: apt-get install -y ${tool/cpack/cmake}" >&2
        exit 1
    }
done
[ -f "$build/CPackConfig.cmake" ] || {
    echo "check-deb.sh: $build is not a configured build folder: run cmake -S . -B build" >&2
    exit 1
}

started=$(date +%s)
failed=0
step() { echo "== $*"; }
fail() { echo "FAIL: $*"; failed=1; }
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
as_student() { in_root runuser -u student -- env HOME=/home/student \
    XDG_CONFIG_HOME=/home/student/.config sh -c "cd /home/student/elsewhere && $1"; }

step "building the .deb in $build"
(cd "$build" && cmake --build . -j2 >/dev/null && cpack -G DEB >/dev/null) || {
    echo "check-deb.sh: cpack failed in $build" >&2
    exit 1
}
deb=$(ls -t "$build"/convscope_*.deb | head -n 1)
dpkg-deb --field "$deb" Package Version Depends
echo "size: $(stat -c %s "$deb") bytes"

if [ ! -f "$root/etc/debian_version" ]; then
    step "debootstrap bookworm $root"
    debootstrap bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
        echo "check-deb.sh: debootstrap failed: see $root.debootstrap.log" >&2
        exit 1
    }
    echo "debootstrap took $(($(date +%s) - started)) s"
fi

mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
# Xvfb may still be closing its files when the checks end: a second try a moment later.
unmount() { umount "$1" 2>/dev/null || { sleep 2; umount "$1"; } || umount --lazy "$1"; }
trap 'for m in dev/pts dev proc; do unmount "$root/$m"; done' EXIT
cp /etc/resolv.conf "$root/etc/resolv.conf"

if in_root dpkg -s convscope >/dev/null 2>&1; then
    step "purging the convscope of an earlier check"
    in_root apt-get purge -y -qq convscope >/dev/null
    in_root apt-get autoremove -y -qq >/dev/null
fi

step "apt-get install ./$(basename "$deb") in the chroot"
cp "$deb" "$root/tmp/"
in_root apt-get update -qq
install_started=$(date +%s)
in_root sh -c "cd /tmp && apt-get install -y -q ./$(basename "$deb")" >"$root/tmp/apt.log" 2>&1 ||
    fail "apt-get install: $(tail -n 5 "$root/tmp/apt.log")"
sed -n '/NEW packages will be installed/,/newly installed/p' "$root/tmp/apt.log"
echo "apt-get install took $(($(date +%s) - install_started)) s"
listed=$(in_root dpkg -L convscope)
for path in $listed; do [ -f "$root$path" ] && [[ $path != */assets/* ]] && echo "$path"; done
echo "and $(grep -c /assets/ <<<"$listed") files and folders under /usr/share/convscope/assets"

in_root sh -c "id student >/dev/null 2>&1 || useradd -m student"
in_root runuser -u student -- mkdir -p /home/student/elsewhere

step "convscope --version, shape, eval (as student, in /home/student/elsewhere)"
out=$(as_student "convscope --version" 2>&1) && [[ $out == convscope\ * ]] || fail "--version: $out"
echo "$out"
out=$(as_student "convscope shape -i 28 -k 5 -p 2" 2>&1) || fail "shape: $out"
echo "$out"
out=$(as_student "convscope eval --threads 2" 2>&1)
[[ $? -eq 0 && $out == *"test accuracy: 0.9"* && $out == *"/usr/"*"share/convscope/assets/mnist"* ]] ||
    fail "eval: $out"
echo "$out"

step "installing xvfb and xauth in the chroot (for this check only)"
in_root apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null || fail "xvfb install"
as_student "rm -f shot.png shot-zh.png"
out=$(as_student "xvfb-run -a -s '-screen 0 1600x900x24' convscope --scene conv-basic \
    --screenshot shot.png --size 1280x720" 2>&1)
[[ $? -eq 0 && -s "$root/home/student/elsewhere/shot.png" ]] || fail "screenshot: $out"
echo "$out" | tail -n 3
out=$(as_student "xvfb-run -a -s '-screen 0 1600x900x24' convscope --lang zh --scene conv-basic \
    --screenshot shot-zh.png --size 1280x720" 2>&1)
[[ $? -eq 0 && -s "$root/home/student/elsewhere/shot-zh.png" && $out == *"fonts: zh"* ]] ||
    fail "Chinese screenshot: $out"
cp "$root/home/student/elsewhere/"shot*.png "$build/" 2>/dev/null &&
    echo "screenshots copied to $build/shot.png and $build/shot-zh.png"

step "the desktop entry's Exec command, left running for 8 s under Xvfb"
exec_line=$(sed -n 's/^Exec=//p' "$root/usr/share/applications/convscope.desktop")
echo "Exec=$exec_line"
# timeout's 124 means the window was still up after 8 s: it started and kept drawing.
out=$(as_student "xvfb-run -a -s '-screen 0 1600x900x24' sh -c 'timeout 8 $exec_line; echo exit \$?'" 2>&1)
[[ $out == *"exit 124"* ]] || fail "Exec=$exec_line did not stay up: $out"
echo "$out" | tail -n 3

echo "check-deb.sh: $([ $failed -eq 0 ] && echo all checks passed || echo FAILED)" \
    "in $(($(date +%s) - started)) s"
exit $failed

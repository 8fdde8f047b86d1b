#!/usr/bin/env bash
# `cpack -G DEB` makes the .deb; dpkg-deb reads back its control fields (name, the
# project's version, maintainer, section, the Depends dpkg-shlibdeps found plus the fonts)
# and its files (the `cmake --install` tree under /usr, nothing elsewhere); the binary
# unpacked from it finds its assets. The apt install on a clean Debian 12 is
# tools/check-deb.sh (root, minutes), not this test.
#   bash tests/install/test_deb.sh CPACK BUILD_DIR VERSION
set -u
cpack=${1:?usage: test_deb.sh CPACK BUILD_DIR VERSION}
build=${2:?usage: test_deb.sh CPACK BUILD_DIR VERSION}
version=${3:?usage: test_deb.sh CPACK BUILD_DIR VERSION}
command -v dpkg-deb >/dev/null || { echo "dpkg-deb missing: skipped"; exit 77; }
[ -x "$cpack" ] || { echo "cpack missing: skipped"; exit 77; }

source "$(dirname "$0")/../cli/cli_test_lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if "$cpack" --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1; then
    pass; else fail "cpack: $(tail -n 5 "$work/cpack.log")"; fi
deb=$(ls "$work"/convscope_*.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || { fail "cpack made no convscope_*.deb"; finish; exit; }

field() { dpkg-deb --field "$deb" "$1"; }
check "Package" test "$(field Package)" = convscope
check "Version $version" test "$(field Version)" = "$version"
check "Architecture" test "$(field Architecture)" = "$(dpkg --print-architecture)"
check "Section" test "$(field Section)" = education
check "Maintainer" test -n "$(field Maintainer)"
check "Description" test -n "$(field Description)"
depends=$(field Depends)
# The libraries the binary links (found by dpkg-shlibdeps) and the fonts read at run time.
for package in libc6 libstdc++6 libglfw3 libepoxy0 zlib1g libgif7 fonts-dejavu-core \
    fonts-wqy-microhei; do
    if [[ ", $depends," == *", $package "* || ", $depends," == *", $package,"* ]]; then pass
    else fail "Depends lacks $package: $depends"; fi
done

dpkg-deb --contents "$deb" | awk '{print $6}' >"$work/files"
for file in usr/bin/convscope usr/share/applications/convscope.desktop \
    usr/share/metainfo/io.github.convscope.metainfo.xml usr/share/man/man1/convscope.1 \
    usr/share/icons/hicolor/scalable/apps/convscope.svg \
    usr/share/icons/hicolor/48x48/apps/convscope.png \
    usr/share/convscope/assets/weights/simpleconvnet.weights \
    usr/share/convscope/assets/weights/deepconvnet.weights \
    usr/share/convscope/assets/mnist/t10k-images-idx3-ubyte.gz \
    usr/share/convscope/assets/lang/zh/messages.po usr/share/doc/convscope/LICENSE; do
    if grep -qx "\./$file" "$work/files"; then pass; else fail "the .deb lacks /$file"; fi
done
outside=$(grep -v '^\./usr/' "$work/files" | grep -vx '\./')
check "no file outside /usr ($outside)" test -z "$outside"

dpkg-deb --extract "$deb" "$work/root"
out=$("$work/root/usr/bin/convscope" eval 2>&1)
if [[ $? -eq 0 && $out == *"test images from $work/root/usr/bin/../share/convscope/assets/mnist"* ]]
then pass; else fail "the unpacked binary's eval: $out"; fi
finish

#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then the installed binary run from another
# temporary folder: it finds the weights, the MNIST test set and the Chinese catalogue
# under the prefix; the man page, icons, desktop entry and metainfo are in place.
#   bash tests/install/test_install.sh CMAKE BUILD_DIR
set -u
cmake=${1:?usage: test_install.sh CMAKE BUILD_DIR}
build=${2:?usage: test_install.sh CMAKE BUILD_DIR}

source "$(dirname "$0")/../cli/cli_test_lib.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
mkdir -p "$work/elsewhere"
cd "$work/elsewhere" || exit 1

check "cmake --install" "$cmake" --install "$build" --prefix "$prefix"
bin=$prefix/bin/convscope
share=$prefix/share
for file in man/man1/convscope.1 applications/convscope.desktop \
    metainfo/io.github.convscope.metainfo.xml icons/hicolor/scalable/apps/convscope.svg \
    icons/hicolor/48x48/apps/convscope.png icons/hicolor/128x128/apps/convscope.png \
    icons/hicolor/256x256/apps/convscope.png convscope/assets/lang/zh/messages.po \
    doc/convscope/LICENSE doc/convscope/LICENSES.md; do
    check "installed $file" test -s "$share/$file"
done
if grep -q "print the version" "$share/man/man1/convscope.1"; then pass; else fail "man page lacks --version"; fi

# eval: the pretrained weights and the bundled test set, found under the prefix.
out=$("$bin" eval 2>&1)
if [[ $? -eq 0 && $out == *"test images from $prefix/bin/../share/convscope/assets/mnist"* &&
    $out == *"test accuracy: 0.9"* ]]; then pass; else fail "installed eval: $out"; fi

# The window in Chinese, when Xvfb is here and the build has a window (the sanitizer
# build has none): the catalogue found under the prefix.
if ! "$bin" --list-scenes >/dev/null 2>&1; then
    echo "note: this build has no window, the Chinese screenshot is not checked"
elif command -v xvfb-run >/dev/null 2>&1; then
    out=$(XDG_CONFIG_HOME=$work/config xvfb-run -a -s "-screen 0 1600x900x24" "$bin" \
        --lang zh --scene conv-basic --screenshot x.png 2>&1)
    if [[ $? -eq 0 && -s x.png && $out == *"fonts: zh"* && $out != *"showing English"* ]]; then
        pass; else fail "installed --lang zh screenshot: $out"; fi
else
    echo "note: xvfb-run missing, the Chinese screenshot is not checked"
fi
finish

#!/usr/bin/env bash
# The installed desktop entry and AppStream metadata pass Debian's validators
# (desktop-file-utils, appstream); exit 77 (skipped) when either is missing.
#   bash tests/install/validate_installed.sh CMAKE BUILD_DIR
set -u
cmake=${1:?usage: validate_installed.sh CMAKE BUILD_DIR}
build=${2:?usage: validate_installed.sh CMAKE BUILD_DIR}
for tool in desktop-file-validate appstreamcli; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "skip: $tool is missing (Debian: apt-get install desktop-file-utils appstream)"
        exit 77
    fi
done

source "$(dirname "$0")/../cli/cli_test_lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cmake" --install "$build" --prefix "$work" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
out=$(desktop-file-validate "$work/share/applications/convscope.desktop" 2>&1)
if [[ $? -eq 0 && -z $out ]]; then pass; else fail "desktop-file-validate: $out"; fi
check "appstreamcli validate" appstreamcli validate --no-net \
    "$work/share/metainfo/io.github.convscope.metainfo.xml"
finish

#!/usr/bin/env bash
# GUI smoke test: every scene renders under Xvfb to a PNG that is not blank, and the
# window's arguments fail the way they should.
#   bash tests/gui/smoke_test.sh <path-to-convscope> <output-dir>
# Exits 77 (CTest's skip) when xvfb-run is not installed.
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"

# Renders one scene and checks the PNG and the colour count the binary reports.
check_scene() {
    local scene=$1 size=$2
    local png="$out_dir/$scene-$size.png"
    rm -f "$png" "$png".tmp*
    local output
    if ! output=$(run_in_xvfb --scene "$scene" --screenshot "$png" --size "$size" 2>&1); then
        fail "$scene at $size: convscope failed: $output"
        return
    fi
    [[ -s "$png" ]] || { fail "$scene at $size: no PNG at $png"; return; }
    ! compgen -G "$png.tmp*" >/dev/null ||
        fail "$scene at $size: a temporary file $png.tmp* was left behind"
    # "screenshot: FILE WxH, N distinct colours, pixels HASH"
    local line colours
    line=$(grep '^screenshot: ' <<<"$output")
    colours=$(sed -n 's/.* \([0-9][0-9]*\) distinct colours, pixels [0-9a-f]*$/\1/p' <<<"$line")
    if [[ -z "$colours" ]]; then
        fail "$scene at $size: no 'N distinct colours' in: $output"
    elif ((colours < 8)); then
        fail "$scene at $size: the image looks blank ($colours distinct colours)"
    elif [[ "$line" != *" ${size} "* && "$line" != *" ${size},"* ]]; then
        fail "$scene at $size: wrong size reported: $line"
    else
        echo "ok: $line"
    fi
}

# The scene the window opens on, at the size in the issue.
check_scene conv-basic 1600x900

# Every listed scene.
if ! scenes=$("$convscope" --list-scenes); then
    fail "--list-scenes failed"
    scenes=""
fi
[[ $(wc -l <<<"$scenes") -ge 2 ]] || fail "--list-scenes lists fewer than two scenes: $scenes"
for scene in $scenes; do
    check_scene "$scene" 1280x720
done

# Bad arguments exit 2 with a message, before any window opens.
expect_exit_2() {
    local what=$1 pattern=$2
    shift 2
    local message status
    message=$("$convscope" "$@" 2>&1 >/dev/null)
    status=$?
    if [[ $status -ne 2 ]]; then
        fail "$what: exit $status, expected 2"
    elif [[ "$message" != *"$pattern"* ]]; then
        fail "$what: message '$message' does not mention '$pattern'"
    else
        echo "ok: $what -> exit 2: $message"
    fi
}
expect_exit_2 "unknown scene" "unknown scene 'no-such-scene'; scenes are: conv-basic" \
    --scene no-such-scene --screenshot "$out_dir/never.png"
expect_exit_2 "bad --size" "--size" --screenshot "$out_dir/never.png" --size 100
[[ ! -e "$out_dir/never.png" ]] || fail "a failed run wrote $out_dir/never.png"

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all GUI smoke checks passed"

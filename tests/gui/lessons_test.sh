#!/usr/bin/env bash
# Every lesson under Xvfb, in one process (--all-scenes): each lesson at step 0 and at a
# later step, each picture not blank, the two pictures different. Then --step and
# presentation mode from the command line, and --step out of range.
#   bash tests/gui/lessons_test.sh <path-to-convscope> <output-dir>
# Exits 77 (CTest's skip) when xvfb-run is not installed.
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
rm -rf "$out_dir" && mkdir -p "$out_dir"  # stale pictures would hide a missing one

# --list-scenes also names the live-mode scenes (tests/gui/live_scenes_test.sh) and the
# quiz (quiz_test.sh); keep the lessons.
lessons=$("$convscope" --list-scenes | grep -vxE 'training|features|network-receptive-field|draw|quiz|explain|explain-photo|training-slow|training-replay|network-deep|network-deep-training') ||
    fail "--list-scenes failed"
count=$(wc -l <<<"$lessons")
((count >= 30)) || fail "--list-scenes lists only $count lessons"

if ! output=$(run_in_xvfb --all-scenes --screenshot-dir "$out_dir" --size 1280x720 2>&1); then
    fail "--all-scenes failed: $output"
fi

# "screenshot: DIR/<id>-step<T>.png 1280x720, N distinct colours, pixels HASH"
for lesson in $lessons; do
    lines=$(grep "^screenshot: $out_dir/$lesson-step[0-9]*\.png " <<<"$output")
    if [[ $(wc -l <<<"$lines") -ne 2 || -z "$lines" ]]; then
        fail "$lesson: expected two screenshots, got: $lines"
        continue
    fi
    hashes=()
    files=()
    while read -r line; do
        file=$(awk '{print $2}' <<<"$line")
        colours=$(sed -n 's/.* \([0-9][0-9]*\) distinct colours.*/\1/p' <<<"$line")
        [[ -s "$file" ]] || fail "$lesson: no PNG at $file"
        if [[ -z "$colours" ]] || ((colours < 8)); then
            fail "$lesson: $file looks blank: $line"
        fi
        hashes+=("$(sed -n 's/.*pixels \([0-9a-f]*\)$/\1/p' <<<"$line")")
        files+=("$file")
    done <<<"$lines"
    if [[ "${hashes[0]}" == "${hashes[1]}" ]] || cmp -s "${files[0]}" "${files[1]}"; then
        fail "$lesson: ${files[0]} and ${files[1]} are the same picture"
    else
        echo "ok: $lesson: $(basename "${files[0]}") and $(basename "${files[1]}") differ"
    fi
done

# One lesson at a chosen step, and presentation mode at the smallest supported size.
for args in "--scene conv-basic --step 8" "--scene channels --step 3 --presentation"; do
    png="$out_dir/single-$(tr -c 'a-z0-9' '_' <<<"$args").png"
    # shellcheck disable=SC2086
    if line=$(run_in_xvfb $args --screenshot "$png" --size 1280x720 2>&1) && [[ -s "$png" ]]; then
        echo "ok: $args: $line"
    else
        fail "$args: $line"
    fi
done

# A step past the end exits 2 with a message that names the range.
message=$("$convscope" --scene conv-basic --step 9 --screenshot "$out_dir/never.png" 2>&1 >/dev/null)
status=$?
if [[ $status -ne 2 || "$message" != *"conv-basic has 9 steps (0 to 8)"* ]]; then
    fail "--step 9: exit $status, message '$message'"
else
    echo "ok: --step 9 -> exit 2: $message"
fi
[[ ! -e "$out_dir/never.png" ]] || fail "a refused --step wrote $out_dir/never.png"

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all lesson checks passed"

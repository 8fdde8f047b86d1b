#!/usr/bin/env bash
# Lesson files and --set in the window, under Xvfb: a saved lesson with a changed setup,
# opened with --open, renders differently from the lesson's default and exactly like the
# same setup given with --set (pixel hashes from --screenshot); bad --open / --set
# arguments exit 2 with their reason before any window opens.
#   bash tests/gui/lesson_file_test.sh <path-to-convscope> <output-dir>
# Exits 77 (CTest's skip) when xvfb-run is not installed.
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
rm -rf "$out_dir" && mkdir -p "$out_dir"

# conv-basic with a 6x6 input, same padding, stride 2, two filters with their own kernels
# and biases: what Save lesson writes (the input drawn from seed 1, as --set's would be).
lesson="$out_dir/talk.json"
cat >"$lesson" <<'JSON'
{
  "format": "convscope-lesson",
  "version": 1,
  "lesson": "conv-basic",
  "step": 3,
  "setup": {
    "op": "conv",
    "batch": 1,
    "channels": 1,
    "filters": 2,
    "input": [6, 6],
    "kernel": [3, 3],
    "padding": ["same", "same"],
    "stride": [2, 2],
    "dilation": [1, 1],
    "output_padding": [0, 0],
    "bias": true,
    "seed": 1,
    "kernel_values": [
      [1, 0, -1],
      [2, 0, -2],
      [1, 0, -1],
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0]
    ],
    "bias_values": [0.5, -1]
  }
}
JSON
same_by_set="input=6,padding=same,stride=2,filters=2,bias=[0.5,-1]"
same_by_set+=",kernel_values=[[1,0,-1],[2,0,-2],[1,0,-1],[0,1,0],[1,-4,1],[0,1,0]]"

# Renders and prints the pixel hash of "screenshot: FILE WxH, N distinct colours, pixels HASH".
hash_of() {
    local png=$1
    shift
    local output
    if ! output=$(run_in_xvfb "$@" --screenshot "$png" --size 1280x720 2>&1); then
        fail "$*: convscope failed: $output"
        return
    fi
    [[ -s "$png" ]] || fail "$*: no PNG at $png"
    sed -n 's/^screenshot: .* pixels \([0-9a-f]*\)$/\1/p' <<<"$output"
}

opened=$(hash_of "$out_dir/opened.png" --open "$lesson")
default=$(hash_of "$out_dir/default.png" --scene conv-basic --step 3)
by_set=$(hash_of "$out_dir/set.png" --scene conv-basic --step 3 --set "$same_by_set")
# --set given in two parts joins them; --open with --set on top changes the picture.
by_two_sets=$(hash_of "$out_dir/two-sets.png" --scene conv-basic --step 3 \
    --set "input=6,padding=same,stride=2" --set "${same_by_set#*stride=2,}")
opened_strided=$(hash_of "$out_dir/opened-stride1.png" --open "$lesson" --set stride=1)

[[ -n "$opened" && -n "$default" && -n "$by_set" ]] || fail "a screenshot printed no hash"
if [[ "$opened" == "$default" ]]; then
    fail "--open $lesson looks like the default conv-basic ($opened)"
else
    echo "ok: the opened lesson differs from the default ($opened vs $default)"
fi
if [[ "$opened" != "$by_set" ]] || ! cmp -s "$out_dir/opened.png" "$out_dir/set.png"; then
    fail "--open ($opened) and the same setup by --set ($by_set) differ"
else
    echo "ok: --open and --set '$same_by_set' give the same picture ($opened)"
fi
[[ "$by_two_sets" == "$by_set" ]] || fail "two --set parts ($by_two_sets) differ from one ($by_set)"
[[ "$opened_strided" != "$opened" ]] || fail "--open with --set stride=1 did not change the picture"

# Bad arguments exit 2 with their reason, and write no picture.
expect_exit_2() {
    local what=$1 pattern=$2
    shift 2
    local message status
    message=$("$convscope" "$@" --screenshot "$out_dir/never.png" 2>&1 >/dev/null)
    status=$?
    if [[ $status -ne 2 || "$message" != *"$pattern"* ]]; then
        fail "$what: exit $status, message '$message' (expected 2 and '$pattern')"
    else
        echo "ok: $what -> exit 2: $message"
    fi
}
sed 's/"version": 1/"version": 7/' "$lesson" >"$out_dir/v7.json"
expect_exit_2 "--open a missing file" "lesson file '$out_dir/none.json' does not exist" \
    --open "$out_dir/none.json"
expect_exit_2 "--open a folder" "is a folder, not a file" --open "$out_dir"
expect_exit_2 "--open a newer version" "version 7 is not supported" --open "$out_dir/v7.json"
expect_exit_2 "--open with --scene" "drop --scene" --open "$lesson" --scene padding
expect_exit_2 "--set an unknown key" "unknown setting 'strides'; the keys are op, input" \
    --scene conv-basic --set strides=2
expect_exit_2 "--set a setup core refuses" "--set: kernel k=9 is larger than" \
    --scene conv-basic --set kernel=9
expect_exit_2 "--set on a live scene" "--set applies to lessons" --scene training --set stride=2
expect_exit_2 "--step past the --set trace" "--step 4 is out of range: conv-basic has 4 steps" \
    --scene conv-basic --set stride=2 --step 4
[[ ! -e "$out_dir/never.png" ]] || fail "a refused run wrote $out_dir/never.png"

if ((failures > 0)); then
    echo "$failures check(s) failed"
    exit 1
fi
echo "all lesson file checks passed"

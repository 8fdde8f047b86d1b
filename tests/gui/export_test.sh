#!/usr/bin/env bash
# `convscope export` under Xvfb: a GIF has one frame per step at the asked size, loops and
# stays small; a PNG equals the screenshot of the same step (--board-only); an SVG is
# valid XML holding the step's numbers as text; --all writes every lesson; bad requests
# exit 2 and write nothing.
#   bash tests/gui/export_test.sh <path-to-convscope> <output-dir>
set -u

source "$(dirname "$0")/xvfb_test_setup.sh" "$@"
rm -rf "$out_dir" && mkdir -p "$out_dir"
here=$(dirname "$0")
python=/usr/bin/python3
[[ -x $python ]] || python=python3

# --- GIF: conv-basic has 9 steps; frames = steps, the size asked, looping, under 1 MB.
run_in_xvfb export --scene conv-basic --size 800x600 --fps 4 "$out_dir/conv.gif" ||
    fail "GIF export failed"
info=$($python "$here/gif_info.py" "$out_dir/conv.gif") || fail "GIF does not parse: $info"
read -r size frames loop delays <<<"$info"
[[ $size == 800x600 ]] || fail "GIF size $size, expected 800x600"
[[ $frames == 9 ]] || fail "GIF has $frames frames, conv-basic has 9 steps"
[[ $loop == loop ]] || fail "GIF does not loop"
[[ ${delays%%,*} == 25 ]] || fail "GIF delay ${delays%%,*} cs at 4 fps, expected 25"
bytes=$(stat -c %s "$out_dir/conv.gif")
((bytes < 1000000)) || fail "9-step 800x600 GIF is $bytes bytes, over 1 MB"
echo "conv-basic 9-step 800x600 GIF: $bytes bytes"

# A range of steps gives that many frames.
run_in_xvfb export --scene transposed --steps 2-5 --size 640x480 "$out_dir/range.gif" ||
    fail "GIF range export failed"
read -r size frames _ <<<"$($python "$here/gif_info.py" "$out_dir/range.gif")"
[[ $size == 640x480 && $frames == 4 ]] || fail "--steps 2-5 gave $size with $frames frames"

# --- --set and lesson files reach export: a 6x6 input gives 4x4 = 16 steps.
run_in_xvfb export --scene conv-basic --set input=6x6 "$out_dir/set.gif" >/dev/null ||
    fail "--set export failed"
read -r _ frames _ <<<"$($python "$here/gif_info.py" "$out_dir/set.gif")"
[[ $frames == 16 ]] || fail "--set input=6x6 gave $frames frames, expected 16"
cat >"$out_dir/stride.json" <<'JSON'
{"format": "convscope-lesson", "version": 1, "lesson": "stride", "step": 2,
 "setup": {"op": "conv", "batch": 1, "channels": 1, "filters": 1, "input": [7, 7],
  "kernel": [3, 3], "padding": [1, 1], "stride": [2, 2], "dilation": [1, 1],
  "output_padding": [0, 0], "bias": false, "seed": 3}}
JSON
run_in_xvfb export --open "$out_dir/stride.json" "$out_dir/opened.gif" >/dev/null ||
    fail "--open export failed"
read -r _ frames _ <<<"$($python "$here/gif_info.py" "$out_dir/opened.gif")"
[[ $frames == 16 ]] || fail "the lesson file (7x7, k3, p1, s2) gave $frames frames, expected 16"

# --- PNG: the same pixels as the screenshot of the lesson view alone at that step.
run_in_xvfb export --scene padding --step 5 --size 1024x768 "$out_dir/padding.png" ||
    fail "PNG export failed"
run_in_xvfb --scene padding --step 5 --board-only --size 1024x768 \
    --screenshot "$out_dir/padding-screenshot.png" >/dev/null || fail "board-only screenshot failed"
$python "$here/same_pixels.py" "$out_dir/padding.png" "$out_dir/padding-screenshot.png" ||
    fail "PNG export differs from the screenshot of the same step"
# The same through a lesson file: export takes the file's step.
run_in_xvfb export --open "$out_dir/stride.json" "$out_dir/opened.png" >/dev/null ||
    fail "--open PNG export failed"
run_in_xvfb --open "$out_dir/stride.json" --board-only --size 800x600 \
    --screenshot "$out_dir/opened-screenshot.png" >/dev/null || fail "--open screenshot failed"
$python "$here/same_pixels.py" "$out_dir/opened.png" "$out_dir/opened-screenshot.png" ||
    fail "PNG export of a lesson file differs from the window's screenshot of it"

# --- SVG: valid XML; the chapter's output of conv-basic as text at its last step.
run_in_xvfb export --scene conv-basic --step 8 "$out_dir/conv.svg" || fail "SVG export failed"
if ! $python - "$out_dir/conv.svg" <<'PY'; then
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
texts = ["".join(t.itertext()) for t in root.iter(ns + "text")]
rects = list(root.iter(ns + "rect"))
output = [12, 12, 17, 10, 17, 19, 9, 6, 14]  # the chapter's 3x3 output
missing = [v for v in set(output) if texts.count(str(v)) < output.count(v)]
if missing: sys.exit("output values missing as text: %s" % missing)
if not any(t.startswith("2.2") for t in texts): sys.exit("no lesson title 2.2 in the SVG")
if len(rects) < 5 * 5 + 3 * 3 + 3 * 3: sys.exit("only %d rects: grids missing" % len(rects))
PY
    fail "SVG export is not what the step shows"
fi

# --- --all: every lesson, one valid SVG each.
lessons=$("$convscope" --list-scenes | grep -vxE 'training|features|network-receptive-field|draw|quiz|explain|explain-photo|training-slow|training-replay|network-deep|network-deep-training')
run_in_xvfb export --all --dir "$out_dir/all" --format svg >/dev/null || fail "--all failed"
for lesson in $lessons; do
    $python -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' \
        "$out_dir/all/$lesson.svg" 2>/dev/null || fail "--all: $lesson.svg missing or not XML"
done
[[ -z $(ls -A "$out_dir/all" | grep -v '\.svg$') ]] || fail "--all left other files behind"

# --- Bad requests: exit 2, a message, no file.
expect_refused() {
    local name=$1
    shift
    local message
    message=$(run_in_xvfb export "$@" 2>&1 >/dev/null)
    local code=$?
    [[ $code == 2 ]] || fail "$name: exit $code, expected 2 ($message)"
    [[ -n $message ]] || fail "$name: no message"
}
expect_refused "unknown extension" --scene conv-basic "$out_dir/x.jpg"
expect_refused "steps out of range" --scene conv-basic --steps 3-40 "$out_dir/y.gif"
expect_refused "unknown lesson" --scene nonsense "$out_dir/z.gif"
expect_refused "tiny size" --scene conv-basic --size 10x10 "$out_dir/t.gif"
expect_refused "missing folder" --scene conv-basic "$out_dir/no/such/folder/a.gif"
[[ ! -e $out_dir/y.gif && ! -e $out_dir/x.jpg && ! -e $out_dir/no ]] ||
    fail "a refused export left a file"
ls "$out_dir"/*.tmp* >/dev/null 2>&1 && fail "temporary files left behind"

if ((failures > 0)); then
    echo "$failures export check(s) failed"
    exit 1
fi
echo "export: GIF, PNG, SVG, --all and refusals as expected"

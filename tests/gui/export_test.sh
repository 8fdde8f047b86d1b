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

# --- PNG: the same pixels as the screenshot of the lesson view alone at that step.
run_in_xvfb export --scene padding --step 5 --size 1024x768 "$out_dir/padding.png" ||
    fail "PNG export failed"
run_in_xvfb --scene padding --step 5 --board-only --size 1024x768 \
    --screenshot "$out_dir/padding-screenshot.png" >/dev/null || fail "board-only screenshot failed"
if ! $python - "$out_dir/padding.png" "$out_dir/padding-screenshot.png" <<'PY'; then
import struct, sys, zlib
def pixels(path):
    data = open(path, "rb").read()
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunk = data[at + 8:at + 8 + length]
        if kind == b"IHDR": header = struct.unpack(">IIBB", chunk[:10])
        if kind == b"IDAT": idat += chunk
        at += 12 + length
    width, height, depth, colour = header
    channels = {2: 3, 6: 4}[colour]
    raw, rows, prev = zlib.decompress(idat), [], bytearray(width * channels)
    stride = width * channels
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line[j] for j in range(stride) if j % channels < 3))
        prev = line
    return width, height, b"".join(rows)
a, b = pixels(sys.argv[1]), pixels(sys.argv[2])
if a[:2] != b[:2]: sys.exit("sizes differ: %s %s" % (a[:2], b[:2]))
if a[2] != b[2]:
    diff = sum(1 for i in range(0, len(a[2]), 3) if a[2][i:i + 3] != b[2][i:i + 3])
    sys.exit("%d pixels differ" % diff)
PY
    fail "PNG export differs from the screenshot of the same step"
fi

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
lessons=$("$convscope" --list-scenes | grep -vxE 'training|features|network-receptive-field|draw')
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

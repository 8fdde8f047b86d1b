#!/usr/bin/env bash
# Feature maps of a big photo, convscope against PyTorch + Pillow, side by side in one
# run: a deterministic SIDExSIDE JPEG (assets/images/coffee.png enlarged by Pillow),
# then `convscope features --image photo.jpg --max-side SIDE --out DIR` and
# bench/pytorch_features.py (the same grey image, conv 30@5x5 with the same weights,
# each map coloured and written as a PNG) in turn, each under /usr/bin/time -v.
# Prints wall time and peak memory (maximum resident set size) of each, and the ratios.
# usage: bench/features_bigphoto.sh [--side 4000] [--threads 2] [--work DIR]
#                                   [--convscope PATH/TO/convscope]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
side=4000
threads=2
work=""
convscope=""
while [ $# -gt 0 ]; do
    case $1 in
        --side) side=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --convscope) convscope=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | cut -c3-; exit 0 ;;
        *) echo "features_bigphoto: unknown option '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$convscope" ]; then  # the first Release build found beside the sources
    for candidate in "$here"/../build*/app/convscope; do
        [ -x "$candidate" ] && { convscope=$candidate; break; }
    done
fi
[ -x "$convscope" ] || { echo "features_bigphoto: no convscope binary: pass --convscope PATH" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "features_bigphoto: needs GNU time (apt-get install time)" >&2; exit 2; }
/usr/bin/python3 -c 'import torch, PIL' 2>/dev/null ||
    { echo "features_bigphoto: needs PyTorch and Pillow for /usr/bin/python3 (apt-get install python3-torch python3-pil)" >&2; exit 2; }
if [ -z "$work" ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"

photo=$work/photo.jpg
/usr/bin/python3 - "$here/../assets/images/coffee.png" "$photo" "$side" <<'PY'
import sys
from PIL import Image
source, target, side = sys.argv[1], sys.argv[2], int(sys.argv[3])
Image.open(source).convert("RGB").resize((side, side), Image.BICUBIC).save(target, quality=90)
PY
weights=$here/../assets/weights/simpleconvnet.weights

# "seconds kilobytes" of one command run under /usr/bin/time -v.
measure() {
    local log=$work/time.log
    /usr/bin/time -v -o "$log" "$@" >"$work/stdout.log"
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; ++i) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    echo "$wall $rss"
}

rm -rf "$work/convscope" "$work/pytorch"
read -r ours_s ours_kb < <(measure "$convscope" features --image "$photo" --max-side "$side" \
    --out "$work/convscope" --weights "$weights")
read -r theirs_s theirs_kb < <(measure /usr/bin/python3 "$here/pytorch_features.py" \
    --image "$photo" --weights "$weights" --max-side "$side" --threads "$threads" --out "$work/pytorch")
ours_maps=$(ls "$work/convscope" | grep -c '^conv1_[0-9]*\.png$' || true)
theirs_maps=$(ls "$work/pytorch" | grep -c '^conv1_[0-9]*\.png$' || true)
[ "$ours_maps" -eq 30 ] && [ "$theirs_maps" -eq 30 ] ||
    { echo "features_bigphoto: expected 30 maps from each, got $ours_maps and $theirs_maps" >&2; exit 1; }
size_of() { du -sm "$1" | cut -f1; }

echo "photo: ${side}x${side} JPEG, conv 30@5x5, 30 PNG maps each, $threads threads, $(nproc) cores"
awk -v s="$ours_s" -v k="$ours_kb" -v m="$(size_of "$work/convscope")" \
    'BEGIN { printf "convscope: %.1f s, peak %.0f MB, output %d MB\n", s, k / 1024, m }'
awk -v s="$theirs_s" -v k="$theirs_kb" -v m="$(size_of "$work/pytorch")" \
    'BEGIN { printf "pytorch+pillow: %.1f s, peak %.0f MB, output %d MB\n", s, k / 1024, m }'
awk -v a="$ours_s" -v b="$theirs_s" -v ka="$ours_kb" -v kb="$theirs_kb" 'BEGIN {
    printf "speed ratio (pytorch time / convscope time): %.2f\n", b / a
    printf "memory ratio (pytorch peak / convscope peak): %.2f\n", kb / ka }'

#!/usr/bin/env bash
# `convscope explain` as a user runs it: saliency and Grad-CAM of a scanned "2" through
# the pretrained SimpleConvNet write a 280x280 PNG (whole: no temporary left beside
# it) and name the predicted class; --class picks another class; bad input exits 2
# with a one-line message naming the problem.
# usage: test_explain_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

digit=$source_dir/tests/fixtures/digit_2_scan.png

# PNG width and height from the IHDR chunk.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }

for method in saliency gradcam; do
    out=$work/$method.png
    line=$("$bin" explain --image "$digit" --method $method --out "$out" 2>&1)
    rc=$?
    if [ $rc -eq 0 ] && [[ "$line" == "simpleconvnet: prediction 2, explained class 2 "*"$method -> $out" ]]; then
        pass; else fail "$method: exit $rc, printed '$line'"; fi
    check "$method writes a 280x280 PNG ($(png_size "$out"))" [ "$(png_size "$out")" = "280x280" ]
done
check "only the two PNGs in the folder" [ "$(ls "$work" | wc -l)" -eq 2 ]
# Saliency and Grad-CAM are different pictures of the same input.
if cmp -s "$work/saliency.png" "$work/gradcam.png"; then fail "saliency and Grad-CAM are the same picture"; else pass; fi

line=$("$bin" explain --image "$digit" --method gradcam --class 7 --scale 2 --out "$work/seven.png")
if [[ "$line" == *"prediction 2, explained class 7 "* ]]; then pass; else fail "--class 7: '$line'"; fi
check "--scale 2 gives 56x56" [ "$(png_size "$work/seven.png")" = "56x56" ]

expect_error "no method" "--method" "$bin" explain --image "$digit" --out "$work/x.png"
expect_error "unknown method" "unknown method 'lime': choose saliency or gradcam" \
    "$bin" explain --image "$digit" --method lime --out "$work/x.png"
expect_error "class out of range" "class 10 does not exist: choose 0 to 9" \
    "$bin" explain --image "$digit" --method saliency --class 10 --out "$work/x.png"
expect_error "opacity out of range" "--opacity 2 is not a number from 0 to 1" \
    "$bin" explain --image "$digit" --method saliency --opacity 2 --out "$work/x.png"
expect_error "missing picture" "$work/none.png" \
    "$bin" explain --image "$work/none.png" --method saliency --out "$work/x.png"
expect_error "folder missing" "cannot write" \
    "$bin" explain --image "$digit" --method saliency --out "$work/no/such/x.png"
expect_error "ONNX not here yet" "--model (ONNX) is not supported" \
    "$bin" explain --image "$digit" --model m.onnx --method saliency --out "$work/x.png"
expect_error "weights not weights" "not a convscope weights file" \
    "$bin" explain --image "$digit" --weights "$digit" --method saliency --out "$work/x.png"
check "no picture left by the failures" [ ! -e "$work/x.png" ]

finish

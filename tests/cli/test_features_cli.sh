#!/usr/bin/env bash
# `convscope features` and `convscope eval` with the bundled assets: every feature map
# and the contact sheet are written as PNG, a scanned digit is recognised, the pretrained
# weights reach 97% on the bundled test subset, and bad input exits 2 with a message
# naming the problem.
# usage: test_features_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

# A photo through the pretrained SimpleConvNet (no --weights): 30 conv1 maps and a sheet.
if "$bin" features --image "$source_dir/assets/images/coffee.png" --out "$out/coffee" >"$out/log" 2>&1; then
    pass
else
    fail "features on coffee.png: $(cat "$out/log")"
fi
check "30 conv1 maps" [ "$(ls "$out/coffee" | grep -c '^conv1_[0-9][0-9]\.png$')" -eq 30 ]
check "contact sheet" [ -s "$out/coffee/conv1_sheet.png" ]
check "input picture" [ -s "$out/coffee/input.png" ]
check "no temporary files" [ -z "$(ls "$out/coffee" | grep '\.tmp')" ]
# The photo is 512x341, shrunk to 256 wide; a 5x5 conv without padding gives 252x167.
check "map size reported" grep -q "conv1: 30 maps 252x167" "$out/log"
check "PNG signature" bash -c "head -c 8 '$out/coffee/conv1_00.png' | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a'"

check "no staging folder left" [ -z "$(ls -A "$out/coffee" | grep '^\.staging')" ]

# A folder where the 7th map goes: the run fails and writes none of the set (issue 17).
mkdir -p "$out/blocked/conv1_06.png"
if "$bin" features --image "$source_dir/assets/images/coffee.png" --out "$out/blocked" >"$out/blocked.log" 2>&1; then
    fail "features wrote into a folder with conv1_06.png taken by a folder"
else
    pass
fi
check "the failure names the file: $(cat "$out/blocked.log")" grep -q "conv1_06.png" "$out/blocked.log"
check "no partial set of maps" [ "$(ls -A "$out/blocked")" = "conv1_06.png" ]

# A scanned digit (dark ink on white, 84x84) is preprocessed as MNIST and recognised.
"$bin" features --digit --image "$source_dir/tests/fixtures/digit_2_scan.png" --out "$out/digit" >"$out/digit.log" 2>&1
check "digit recognised: $(head -n 1 "$out/digit.log")" grep -qx "prediction: 2" "$out/digit.log"
check "digit maps are 24x24" grep -q "conv1: 30 maps 24x24" "$out/digit.log"

# eval without --weights and --data: the pretrained file on the bundled test subset.
accuracy=$("$bin" eval --threads 2 | sed -n 's/^test accuracy: //p')
check "pretrained accuracy $accuracy >= 0.97" awk -v a="$accuracy" 'BEGIN { exit !(a >= 0.97) }'

check "features --help" bash -c "'$bin' features --help | grep -q 'usage: convscope features'"
check "listed in usage" bash -c "'$bin' --help | grep -q '^  features'"

printf 'not a picture\n' >"$out/notes.png"
expect_error "missing image" "$out/missing.png" "$bin" features --image "$out/missing.png" --out "$out/x"
expect_error "not an image" "not a picture stb_image can read" "$bin" features --image "$out/notes.png" --out "$out/x"
expect_error "missing --out" "--out is required" "$bin" features --image "$source_dir/assets/images/coffee.png"
expect_error "missing weights" "nowhere.weights" "$bin" features --image "$source_dir/assets/images/coffee.png" --out "$out/x" --weights "$out/nowhere.weights"

finish

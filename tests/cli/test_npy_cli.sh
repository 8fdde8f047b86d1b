#!/usr/bin/env bash
# NumPy .npy files on the CLI without NumPy: `conv`/`pool --npy` write the printed output
# as a float32 .npy (header bytes checked), `--input`/`--kernel FILE.npy` read them back
# (and the fixtures numpy wrote), `features --npy` writes one file per conv layer, and
# bad files or paths exit 2 with a message naming the file. test_npy_numpy.sh loads the
# files with NumPy itself.
# usage: test_npy_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
fixtures=$source_dir/tests/fixtures/npy
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

seed_input='[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]'
seed_kernel='[[0,1,2],[2,2,0],[0,1,2]]'

# The chapter's 2.2 example to a file: a note after the grid, the header np.save writes.
expect_output "conv --npy note" "$(printf 'output (3, 3)\n12 12 17\n10 17 19\n 9  6 14\nsaved (3, 3) float32 to %s' "$work/seed.npy")" \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --npy "$work/seed.npy"
check "magic and version 1.0" bash -c "head -c 8 '$work/seed.npy' | od -An -c | grep -q '223   N   U   M   P   Y 001  \\\\0'"
check "header names float32, C order, (3, 3)" \
    grep -qa "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }" "$work/seed.npy"
check "128 header bytes + 9 floats" [ "$(stat -c %s "$work/seed.npy")" -eq $((128 + 9 * 4)) ]
# --json keeps stdout pure JSON.
expect_output "conv --npy --json" '{"output":[[12,12,17],[10,17,19],[9,6,14]]}' \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --npy "$work/seed2.npy" --json
check "same file with --json" cmp -s "$work/seed.npy" "$work/seed2.npy"

# Read back: the output as the next op's input, and as a kernel.
expect_output "pool of a conv's .npy" '{"output":[[17]]}' "$bin" pool --input "$work/seed.npy" -k 2 --json
# A 1x1 kernel of 1 copies its input: the seed kernel to a file, then used as --kernel.
"$bin" conv --input "$seed_kernel" --kernel '[[1]]' --npy "$work/k.npy" >/dev/null
expect_output "kernel from .npy" '{"output":[[12,12,17],[10,17,19],[9,6,14]]}' \
    "$bin" conv --input "$seed_input" --kernel "$work/k.npy" --json
expect_output "numpy's float32 grid as input" '{"output":[[3.25,2]]}' \
    "$bin" pool --input "$fixtures/f4_2x3.npy" -k 2 -s 1 --json
expect_output "numpy's uint8 as input" '{"output":[[128,255]]}' \
    "$bin" pool --input "$fixtures/u1_2x3.npy" -k 2 -s 1 --json
expect_output "numpy's float64 kernel" '{"output":[[4097.5]]}' \
    "$bin" conv --input '[[1,0],[0,1]]' --kernel "$fixtures/f8_2x2.npy" --json
expect_output "pool --npy keeps the rank" "saved (2, 1, 2) float32 to $work/p.npy" \
    bash -c "'$bin' pool --input '[[[1,2,3,4],[5,6,7,8]],[[0,0,0,0],[9,9,9,9]]]' -k 2 --npy '$work/p.npy' | tail -n 1"
expect_output "and reads back" '{"output":[[[6,8]],[[9,9]]]}' "$bin" pool --input "$work/p.npy" -k 1 --json

# features --npy: DIR/conv1.npy of 30 24x24 maps and DIR/input.npy, beside the PNGs.
"$bin" features --digit --image "$source_dir/tests/fixtures/digit_2_scan.png" --out "$work/digit" --npy >"$work/log" 2>&1
check "features --npy says where: $(tail -n 1 "$work/log")" grep -q "values $work/digit/conv1.npy" "$work/log"
check "conv1.npy shape (30, 24, 24)" grep -qa "'shape': (30, 24, 24)" "$work/digit/conv1.npy"
check "conv1.npy size" [ "$(stat -c %s "$work/digit/conv1.npy")" -eq $((128 + 30 * 24 * 24 * 4)) ]
check "input.npy shape (1, 28, 28)" grep -qa "'shape': (1, 28, 28)" "$work/digit/input.npy"
expect_output "conv1.npy reads back" "output (30, 12, 12)" \
    bash -c "'$bin' pool --input '$work/digit/conv1.npy' -k 2 | head -n 1"

# Bad files and paths: exit 2, the file named, nothing half-written.
head -c 100 "$work/seed.npy" >"$work/short.npy"
head -c 150 "$work/seed.npy" >"$work/cut.npy"
mkdir "$work/folder.npy"
expect_error "missing file" "--input: $work/none.npy: no such .npy file" \
    "$bin" pool --input "$work/none.npy" -k 2
expect_error "folder" "$work/folder.npy: is a folder" "$bin" pool --input "$work/folder.npy" -k 2
expect_error "truncated header" "$work/short.npy: the .npy file is truncated" \
    "$bin" pool --input "$work/short.npy" -k 2
expect_error "truncated data" "the data is truncated: shape (3, 3) of '<f4' needs 36 bytes, the file holds 22" \
    "$bin" conv --input "$work/cut.npy" --kernel '[[1]]'
expect_error "fortran order" "fortran_order is True" \
    "$bin" conv --input "$fixtures/fortran_2x3.npy" --kernel '[[1]]'
expect_error "big-endian" "big-endian" "$bin" conv --input "$fixtures/big_endian_2x3.npy" --kernel '[[1]]'
expect_error "rank 5 kernel" "--kernel: $fixtures/rank5.npy: shape (1, 1, 1, 2, 2) has rank 5" \
    "$bin" conv --input '[[1,2],[3,4]]' --kernel "$fixtures/rank5.npy"
expect_error "rank 1 input" "--input must have rank 2 to 4, got shape (5)" \
    "$bin" conv --input "$fixtures/f4_5.npy" --kernel '[[1]]'
expect_error "--npy without a path" "--npy: '--json' does not end in .npy" \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --npy --json
expect_error "unwritable path" "cannot write .npy file '$work/no/such/out.npy'" \
    "$bin" pool --input "$seed_input" -k 2 --npy "$work/no/such/out.npy"
check "no temporary left" [ -z "$(find "$work" -name '*.tmp*')" ]

check "conv --help mentions .npy" bash -c "'$bin' conv --help | grep -q -- '--npy OUT.npy'"
check "pool --help mentions .npy" bash -c "'$bin' pool --help | grep -q -- '--input JSON|FILE.npy'"
check "features --help mentions .npy" bash -c "'$bin' features --help | grep -q -- '--npy'"

finish

#!/usr/bin/env bash
# The CLI as a user runs it: outputs of the chapter's examples, --json shapes,
# --help for every subcommand, exit code 2 with a message for bad input.
# usage: test_cli.sh PATH/TO/convscope
set -u
bin=$1

source "$(dirname "$0")/cli_test_lib.sh"

seed_input='[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]'
seed_kernel='[[0,1,2],[2,2,0],[0,1,2]]'

# Seed 2.2, as JSON and as a grid.
expect_output "seed conv json" '{"output":[[12,12,17],[10,17,19],[9,6,14]]}' \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --json
expect_output "seed conv grid" "$(printf 'output (3, 3)\n12 12 17\n10 17 19\n 9  6 14')" \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel"
expect_output "seed conv bias" '{"output":[[13,13,18],[11,18,20],[10,7,15]]}' \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --bias 1 --json

# Shapes of the chapter's examples (--json "output").
shape_output() { "$bin" shape --json "$@" | grep -oE '"output":(\[[0-9,]*\]|[0-9]+)' | head -n 1 | cut -d: -f2; }
expect_output "2.3 padding" 4 shape_output -i 4 -k 3 -p 1
expect_output "2.3 arbitrary" 6 shape_output -i 5 -k 4 -p 2
expect_output "2.3 same" 5 shape_output -i 5 -k 3 -p same
expect_output "2.3 full" 7 shape_output -i 5 -k 3 -p full
expect_output "2.4 stride" 3 shape_output -i 5 -k 3 -s 2 -p 1
expect_output "floor" 2 shape_output -i 4 -k 3 -s 2 -p 1
expect_output "dilated" 3 shape_output -i 7 -k 3 -d 2
expect_output "transposed" 6 shape_output -i 3 -k 3 -s 2 -p 1 --transposed --output-padding 1
expect_output "pool default stride" 2 shape_output -i 5 -k 2 --pool
expect_output "non-square" "[2,3]" shape_output -i 4x6 -k 3 -s 2 -p 1
expect_output "formula" "o = (i + 2p - k) + 1 = (5 + 2*2 - 3) + 1 = 7" \
    bash -c "'$bin' shape -i 5 -k 3 -p full | sed -n 3p"

# Seed 2.5: a (3,5,5) input and a (3,3,3) kernel give one 3x3 map (rank kept: (1,3,3)).
ones3='[[1,1,1],[1,1,1],[1,1,1]]'
ones5='[[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1],[1,1,1,1,1]]'
expect_output "3-D conv" '{"output":[[[27,27,27],[27,27,27],[27,27,27]]]}' \
    "$bin" conv --input "[$ones5,$ones5,$ones5]" --kernel "[$ones3,$ones3,$ones3]" --json
# Two filters on a (H,W) input add a filter axis; bias per filter.
expect_output "filters and bias" '{"output":[[[9,9],[9,9]],[[-9,-9],[-9,-9]]]}' \
    "$bin" conv --input '[[1,1,1,1],[1,1,1,1],[1,1,1,1],[1,1,1,1]]' \
    --kernel "[[$ones3],[[[-1,-1,-1],[-1,-1,-1],[-1,-1,-1]]]]" --bias '[0,0]' --json
expect_output "transposed values" '{"output":[[1,2,0,0],[3,4,0,0],[0,0,2,4],[0,0,6,8]]}' \
    "$bin" conv --input '[[1,0],[0,2]]' --kernel '[[1,2],[3,4]]' -s 2 --transposed --json

# Grouped: G=2 over C=2, FN=2 is depthwise; each filter reads its own channel.
expect_output "groups depthwise" '{"output":[[[1,2],[3,4]],[[2,2],[2,2]]]}' \
    "$bin" conv --input '[[[1,2],[3,4]],[[1,1],[1,1]]]' --kernel '[[[[1]]],[[[2]]]]' --groups 2 --json
# 1-D as torch's conv1d: a difference kernel with padding, a moving sum with stride and dilation.
expect_output "1d difference" '{"output":[-1,-3,-1,-2,-2,5]}' \
    "$bin" conv --1d --input '[0,1,3,2,5,4]' --kernel '[1,0,-1]' -p 1 --json
expect_output "1d stride dilation" '{"output":[9,15]}' \
    "$bin" conv --1d --input '[1,2,3,4,5,6,7]' --kernel '[1,1,1]' -s 2 -d 2 --json
expect_output "1d batch grids" "$(printf 'output (2, 2, 3)\n[n=0]\n 3  5  7\n-1 -1 -1\n\n[n=1]\n 7  5  3\n 1  1  1')" \
    "$bin" conv --1d --input '[[[1,2,3,4]],[[4,3,2,1]]]' --kernel '[[[1,1]],[[1,-1]]]'
expect_output "1d grouped trace" "5/8  out[0,1,0]  1x1 + 1x1 + 1x1 = 3" \
    bash -c "'$bin' conv --1d --input '[[0,1,3,2,5,4],[1,1,1,1,1,1]]' --kernel '[[[1,0,-1]],[[1,1,1]]]' -g 2 --trace | grep '^5/8'"

# Pooling.
pool_input='[[1,2,1,0],[0,1,2,3],[3,0,1,2],[2,4,0,1]]'
expect_output "max pool" '{"output":[[2,3],[4,2]]}' "$bin" pool --input "$pool_input" -k 2 --json
expect_output "avg pool" '{"output":[[1,1.5],[2.25,1]]}' "$bin" pool --input "$pool_input" -k 2 --avg --json

# --trace: every step, in input coordinates (padding negative), value = sum + bias.
expect_output "trace first step" "1/9  out[0,0,0,0]  3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12" \
    bash -c "'$bin' conv --input '$seed_input' --kernel '$seed_kernel' --trace | grep '^1/9'"
expect_output "trace json padded" \
    '{"out":[0,0,0,0],"inputs":[[0,0,-1,-1],[0,0,-1,0],[0,0,0,-1],[0,0,0,0]],"kernel":[[0,0,0,0],[0,0,0,1],[0,0,1,0],[0,0,1,1]],"products":[0,0,0,1],"bias":5,"value":6},' \
    bash -c "'$bin' conv --input '[[1,2],[3,4]]' --kernel '[[1,1],[1,1]]' --bias 5 -p 1 --trace --json | sed -n 2p"
expect_output "trace step count" 9 \
    bash -c "'$bin' pool --input '$pool_input' -k 2 -p 1 --trace --json | grep -c '\"out\"'"
expect_output "pool trace" "5/9  out[0,0,1,1]  max(1, 2, 0, 1) = 2" \
    bash -c "'$bin' pool --input '$pool_input' -k 2 -p 1 --trace | grep '^5/9'"

# Help for every subcommand.
for command in shape conv pool; do
    if "$bin" $command --help | grep -q "usage: convscope $command"; then pass; else fail "$command --help"; fi
done
if "$bin" --help | grep -q "commands:"; then pass; else fail "--help"; fi
if "$bin" --help | grep -q "exit status: 0 success, 1 failure"; then pass; else fail "--help exit codes"; fi
# --version: "convscope X.Y.Z", then " (git abcdef1)" when built from a git checkout.
if "$bin" --version | grep -qE '^convscope [0-9]+\.[0-9]+\.[0-9]+( \(git [0-9a-f]{7,}\))?$'; then pass; else fail "--version"; fi

# Bad input: a message naming the problem, exit 2.
expect_error "stride 0" "stride s=0 must be at least 1" "$bin" shape -i 5 -k 3 -s 0
expect_error "kernel too big" "larger than the padded input" "$bin" shape -i 3 -k 5
expect_error "bad padding" "padding 'half'" "$bin" shape -i 5 -k 3 -p half
expect_error "missing input" "--input is required" "$bin" shape -k 3
expect_error "not a number" "'five' is not a whole number" "$bin" shape -i five -k 3
expect_error "unknown option" "unknown option '--frob'" "$bin" conv --frob
expect_error "ragged" "ragged" "$bin" conv --input '[[1,2],[3]]' --kernel '[[1]]'
expect_error "bad json" "not valid JSON" "$bin" conv --input '[[1,2' --kernel '[[1]]'
expect_error "channel mismatch" "kernel has 2 channels but the input has 3" \
    "$bin" conv --input "[$ones5,$ones5,$ones5]" --kernel "[$ones3,$ones3]"
expect_error "bias count" "bias has 3 values but there are 1 filters" \
    "$bin" conv --input "$seed_input" --kernel "$seed_kernel" --bias '[1,2,3]'
expect_error "pool padding" "must be at most half the window" "$bin" pool --input "$pool_input" -k 2 -p 2
expect_error "huge value" "out of range" "$bin" shape -i 99999999999 -k 3
expect_error "groups not dividing" "groups G=3 must divide channels C=2 and filters FN=2: choose G among 1, 2" \
    "$bin" conv --input '[[[1,2],[3,4]],[[1,1],[1,1]]]' --kernel '[[[[1]]],[[[2]]]]' --groups 3
expect_error "1d two axes" "with --1d give one number" "$bin" conv --1d --input '[1,2,3]' --kernel '[1]' -s 2x1
expect_error "unknown command" "unknown command 'frob'" "$bin" frob
# --pytorch with --backward prints the autograd code (run under torch by test_pytorch_cli.sh)
if "$bin" conv --input '[[1,2],[3,4]]' --kernel '[[2]]' --backward --grad-output '[[1,0],[0,-1]]' \
    --pytorch | grep -q '^y.backward(dy)'; then pass; else fail "conv --backward --pytorch"; fi
if "$bin" pool --input '[[1,2],[3,4]]' -k 2 --backward --pytorch | grep -q '^print(x.grad)'; then
    pass; else fail "pool --backward --pytorch"; fi
expect_error "pytorch and trace" "drop --trace" "$bin" conv --input '[[1]]' --kernel '[[1]]' --pytorch --trace

finish

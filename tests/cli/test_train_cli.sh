#!/usr/bin/env bash
# `convscope train` and `convscope eval` as a user runs them: a short training run on
# the bundled subset ends with `test accuracy: 0.XXXX` and `throughput: N img/s`, eval
# of the saved weights prints the same accuracy, and broken inputs (a missing data
# folder, a corrupt or truncated weights file, a bad option) exit 2 with a message
# naming the problem. Weights of another architecture: test_foreign_weights_cli.sh.
# usage: test_train_cli.sh PATH/TO/convscope
set -u
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

# A short run: 1,000 of the subset's images, one epoch, 2 threads (a few seconds).
weights=$work/simpleconvnet.weights
"$bin" train --epochs 1 --train-images 1000 --threads 2 --seed 3 --out "$weights" \
    >"$work/train.out" 2>"$work/train.err"
rc=$?
if [ $rc -eq 0 ]; then pass; else fail "train: exit $rc: $(cat "$work/train.err")"; fi
accuracy_line=$(tail -n 2 "$work/train.out" | head -n 1)
throughput_line=$(tail -n 1 "$work/train.out")
if [[ "$accuracy_line" =~ ^test\ accuracy:\ 0\.[0-9]{4}$ ]]; then pass; else
    fail "train: next-to-last line '$accuracy_line' is not 'test accuracy: 0.XXXX'"; fi
if [[ "$throughput_line" =~ ^throughput:\ [0-9]+\ img/s$ ]]; then pass; else
    fail "train: last line '$throughput_line' is not 'throughput: N img/s'"; fi
if [ -s "$weights" ]; then pass; else fail "train: --out wrote no weights file"; fi

# eval of the saved weights: the same test set, so the same accuracy line.
eval_line=$("$bin" eval --weights "$weights" --threads 2 2>"$work/eval.err" | tail -n 1)
rc=$?
if [ $rc -eq 0 ] && [ "$eval_line" = "$accuracy_line" ]; then pass; else
    fail "eval: exit $rc, printed '$eval_line', train printed '$accuracy_line' $(cat "$work/eval.err")"
fi

# A missing data folder, for both commands.
expect_error "train missing data" "MNIST folder '$work/nowhere' does not exist" \
    "$bin" train --data "$work/nowhere" --epochs 1
expect_error "eval missing data" "MNIST folder '$work/nowhere' does not exist" \
    "$bin" eval --weights "$weights" --data "$work/nowhere"

# A corrupt weights file: one parameter byte changed, so the checksum disagrees.
cp "$weights" "$work/corrupt.weights"
printf '\x55' | dd of="$work/corrupt.weights" bs=1 seek=400 conv=notrunc status=none
expect_error "corrupt weights" "corrupt.weights: weights file is corrupt (checksum mismatch)" \
    "$bin" eval --weights "$work/corrupt.weights"
head -c 300 "$weights" >"$work/truncated.weights"
expect_error "truncated weights" "truncated.weights: weights file is truncated" \
    "$bin" eval --weights "$work/truncated.weights"
expect_error "not weights" "not a convscope weights file" \
    "$bin" eval --weights "$work/train.out"
expect_error "missing weights" "cannot open the weights file" \
    "$bin" eval --weights "$work/none.weights"

# Options out of range.
expect_error "bad decay" "unknown learning-rate decay 'fast'" "$bin" train --lr-decay fast
expect_error "bad image count" "--train-images" "$bin" train --train-images 0

finish

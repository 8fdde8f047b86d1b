#!/usr/bin/env bash
# `convscope train` checkpoints as a user meets them: a run stopped after epoch 1 and
# resumed ends with the same weights file, byte for byte, as a run never stopped (same
# seed, same --threads); Ctrl+C (SIGINT) in the middle of a run stops it with exit 130
# and one line saying how to go on, and the checkpoint it leaves resumes to those same
# weights; damaged or mismatched checkpoints exit 2 with a line naming the problem.
# usage: test_train_checkpoint_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$(realpath "$1")
mnist=$(realpath "$2")/assets/mnist
source "$(dirname "$0")/cli_test_lib.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# 2,000 images in batches of 10: 200 batches an epoch, under a second for three epochs on a
# fast machine, yet long enough that a SIGINT sent once epoch 1 is out lands before the end
# (with 200 images a fast machine finished all three epochs between two polls).
run=(--epochs 3 --train-images 2000 --batch 10 --threads 2 --seed 5)

"$bin" train "${run[@]}" --out whole.weights >whole.out 2>whole.err
rc=$?
if [ $rc -eq 0 ] && [ -s whole.weights ] && [ -s whole.weights.checkpoint ]; then pass; else
    fail "uninterrupted train: exit $rc, $(cat whole.err)"; fi

# Stopped after epoch 1, then resumed with only --resume and --out.
"$bin" train "${run[@]}" --out split.weights --stop-after-epoch 1 >split1.out 2>split1.err
rc=$?
if [ $rc -eq 0 ] && [ ! -e split.weights ] &&
    grep -q "stopped after epoch 1/3: checkpoint saved to split.weights.checkpoint; go on with: convscope train --resume split.weights.checkpoint" split1.err
then pass; else fail "--stop-after-epoch 1: exit $rc, $(cat split1.err)"; fi
"$bin" train --resume split.weights.checkpoint --out split.weights >split2.out 2>split2.err
rc=$?
if [ $rc -eq 0 ] && cmp -s whole.weights split.weights; then pass; else
    fail "resumed after epoch 1: exit $rc, weights differ from the run never stopped $(cat split2.err)"
fi
# The resumed run reports epochs 2 and 3 only, and the same last lines' accuracy.
if [ "$(grep -c '^epoch ' split2.out)" -eq 2 ] &&
    [ "$(grep '^test accuracy' split2.out)" = "$(grep '^test accuracy' whole.out)" ]; then pass
else fail "resumed report: $(cat split2.out)"; fi

# Ctrl+C: SIGINT once epoch 1's line is out and its checkpoint written (the handler is
# in place by then), so the run is almost always among epoch 2's batches; a stop right
# after epoch 1 must resume just as well. Polls; gives up after 120 s of no progress.
"$bin" train "${run[@]}" --out int.weights >int.out 2>int.err &
pid=$!
for ((tries = 0; tries < 2400; ++tries)); do
    grep -q '^epoch 1/3' int.out 2>/dev/null && [ -s int.weights.checkpoint ] &&
        ! ls int.weights.checkpoint.tmp* >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
done
kill -INT $pid 2>/dev/null
wait $pid
rc=$?
line=$(cat int.err)
if [ $rc -eq 130 ] && [ "$(wc -l <int.err)" -eq 1 ] && [[ $line == interrupted\ * ]] &&
    [[ $line == *"checkpoint saved to int.weights.checkpoint; go on with: convscope train --resume int.weights.checkpoint --out int.weights --threads 2" ]]
then pass; else fail "SIGINT: exit $rc (want 130), stderr '$line'"; fi
echo "SIGINT: $line"
if [ ! -e int.weights ] && ! ls int.weights.checkpoint.tmp* >/dev/null 2>&1; then pass; else
    fail "SIGINT left weights or a temporary behind: $(ls)"; fi
"$bin" train --resume int.weights.checkpoint --out int.weights >int2.out 2>int2.err
rc=$?
if [ $rc -eq 0 ] && cmp -s whole.weights int.weights; then pass; else
    fail "resumed after SIGINT ($line): exit $rc, weights differ $(cat int2.err)"; fi

# Damaged and mismatched checkpoints: one line each, exit 2.
cp split.weights.checkpoint flipped.checkpoint
printf '\x55' | dd of=flipped.checkpoint bs=1 seek=5000 conv=notrunc status=none
expect_error "flipped byte" "flipped.checkpoint: training checkpoint is corrupt or truncated" \
    "$bin" train --resume flipped.checkpoint
head -c 4000 split.weights.checkpoint >cut.checkpoint
expect_error "truncated" "cut.checkpoint: training checkpoint is corrupt or truncated" \
    "$bin" train --resume cut.checkpoint
expect_error "weights, not a checkpoint" "not a convscope training checkpoint" \
    "$bin" train --resume whole.weights
expect_error "missing" "cannot open the training checkpoint" "$bin" train --resume none.checkpoint
"$bin" train "${run[@]}" --stop-after-epoch 1 --checkpoint one.checkpoint >/dev/null 2>&1
expect_error "another batch size" "--batch differs from the checkpoint's 10" \
    "$bin" train --resume one.checkpoint --batch 20
# Other data: the bundled test digits standing in as training digits.
mkdir other-mnist
cp "$mnist"/t10k-* other-mnist/
cp "$mnist"/t10k-images-idx3-ubyte.gz other-mnist/train-images-idx3-ubyte.gz
cp "$mnist"/t10k-labels-idx1-ubyte.gz other-mnist/train-labels-idx1-ubyte.gz
expect_error "other data" "the checkpoint was made on other training data" \
    "$bin" train --resume one.checkpoint --data "$work/other-mnist"
expect_error "finished run" "the run already finished its 3 epochs" \
    "$bin" train --resume whole.weights.checkpoint
finish

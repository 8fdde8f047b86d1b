#!/usr/bin/env bash
# SimpleConvNet training speed, convscope against PyTorch, side by side in one run:
# the same data, architecture, batch (100), optimizer (Adam, constant lr 0.001) and
# thread count (2). The two train in turn, never at once, ROUNDS times (A B A B ...);
# each figure is the median over the rounds of the `throughput:` line each prints
# (training images per second of the forward + backward + update loop only), and
# `ratio:` is the ratio of the two medians.
# usage: bench/run_benchmark.sh [--data DIR] [--epochs N] [--rounds R] [--threads T]
#                               [--convscope PATH/TO/convscope]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=$here/../assets/mnist
epochs=1
rounds=3
threads=2
convscope=""
while [ $# -gt 0 ]; do
    case $1 in
        --data) data=$2; shift 2 ;;
        --epochs) epochs=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --convscope) convscope=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0" | cut -c3-; exit 0 ;;
        *) echo "run_benchmark: unknown option '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$convscope" ]; then  # the first Release build found beside the sources
    for candidate in "$here"/../build*/app/convscope; do
        [ -x "$candidate" ] && { convscope=$candidate; break; }
    done
fi
[ -x "$convscope" ] || { echo "run_benchmark: no convscope binary: pass --convscope PATH" >&2; exit 2; }
[ -d "$data" ] || { echo "run_benchmark: data folder '$data' does not exist" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null ||
    { echo "run_benchmark: needs PyTorch for /usr/bin/python3 (apt-get install python3-torch)" >&2; exit 2; }

# The value of `throughput: N img/s` in a run's output.
throughput() { sed -n 's/^throughput: \([0-9]*\) img\/s$/\1/p' | tail -n 1; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ours=()
theirs=()
ratios=()  # round by round: both sides of a round saw about the same machine
for round in $(seq 1 "$rounds"); do
    ours+=("$("$convscope" train --data "$data" --epochs "$epochs" --batch 100 --optimizer adam \
        --lr 0.001 --lr-decay none --threads "$threads" --seed "$round" | throughput)")
    theirs+=("$(/usr/bin/python3 "$here/pytorch_simpleconvnet.py" --data "$data" --epochs "$epochs" \
        --batch 100 --lr 0.001 --threads "$threads" --seed "$round" | throughput)")
    ratios+=("$(awk -v a="${ours[-1]}" -v b="${theirs[-1]}" 'BEGIN { printf "%.2f", a / b }')")
    echo "round $round/$rounds: convscope ${ours[-1]} img/s, pytorch ${theirs[-1]} img/s," \
        "ratio ${ratios[-1]}" >&2
done

a=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${theirs[@]}" | median)
# Multiply-adds x 2 of one training image (conv forward and weight gradient; both affine
# layers forward, weight gradient and input gradient), as `convscope train` counts them.
probe=$("$convscope" train --data "$data" --epochs 1 --train-images 100 --threads 1)
mflop=$(sed -n 's/.*(\([0-9.]*\) MFLOP per training image)/\1/p' <<<"$probe")
kernel=$(sed -n 's/.*, gemm \(.*\)$/\1/p' <<<"$probe")
echo "data: $data, $epochs epoch(s), batch 100, adam, $threads threads, $rounds round(s), gemm $kernel"
echo "convscope: $a img/s"
echo "pytorch: $b img/s"
echo "ratio of the rounds' ratios (median): $(printf '%s\n' "${ratios[@]}" | median)"
awk -v a="$a" -v b="$b" -v f="$mflop" 'BEGIN {
    printf "ratio: %.2f\n", a / b
    printf "GFLOP/s: convscope %.1f, pytorch %.1f (%.2f MFLOP per training image)\n", a * f / 1000, b * f / 1000, f }'

#!/usr/bin/env bash
# An imported ONNX model's forward pass, convscope against PyTorch, side by side in one
# run: the fixture colour_bn (3x32x32: convs with BatchNorm, a strided grouped conv, a
# residual block, global average pooling, Gemm), batch 64, the same thread count (2).
# The two run in turn, never at once, ROUNDS times (A B A B ...); each round prints both
# throughputs (median of 30 timed batches, forward only); `ratio:` is convscope / PyTorch
# of the medians over the rounds (above 1: convscope is faster).
# usage: bench/onnx_forward.sh [--rounds R] [--threads T] [--batch B] [--bench PATH]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
model=$here/../tests/fixtures/onnx/colour_bn.onnx
rounds=3
threads=2
batch=64
bench=""
while [ $# -gt 0 ]; do
    case $1 in
        --rounds) rounds=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --batch) batch=$2; shift 2 ;;
        --bench) bench=$2; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | cut -c3-; exit 0 ;;
        *) echo "onnx_forward: unknown option '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$bench" ]; then  # the first build found beside the sources
    for candidate in "$here"/../build*/bench/onnx_forward_bench; do
        [ -x "$candidate" ] && { bench=$candidate; break; }
    done
fi
[ -x "$bench" ] || { echo "onnx_forward: no onnx_forward_bench binary: pass --bench PATH" >&2; exit 2; }
/usr/bin/python3 -c 'import torch' 2>/dev/null ||
    { echo "onnx_forward: needs PyTorch for /usr/bin/python3 (apt-get install python3-torch)" >&2; exit 2; }

throughput() { sed -n 's/^throughput: \([0-9]*\) img\/s$/\1/p' | tail -n 1; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ours=()
theirs=()
for round in $(seq 1 "$rounds"); do
    ours+=("$("$bench" "$model" --batch "$batch" --threads "$threads" | throughput)")
    theirs+=("$(/usr/bin/python3 "$here/pytorch_onnx_forward.py" --batch "$batch" \
        --threads "$threads" | throughput)")
    echo "round $round/$rounds: convscope ${ours[-1]} img/s, pytorch ${theirs[-1]} img/s" >&2
done
a=$(printf '%s\n' "${ours[@]}" | median)
b=$(printf '%s\n' "${theirs[@]}" | median)
echo "model: colour_bn (3x32x32), batch $batch, $threads threads, $rounds round(s)"
echo "convscope: $a img/s"
echo "pytorch: $b img/s"
awk -v a="$a" -v b="$b" 'BEGIN { printf "ratio: %.2f\n", a / b }'

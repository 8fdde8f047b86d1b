#!/usr/bin/env bash
# The safetensors round trip with PyTorch (tools/safetensors_roundtrip.py): convscope's
# file loads into the same nn.Sequential with load_state_dict(strict=True) and predicts
# the same, and PyTorch's file loads into convscope. Without PyTorch in Debian's python3
# the script exits 77, which CTest reports as Skipped (tools/install-deps.sh installs
# python3-torch).
# usage: test_safetensors_roundtrip.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python=/usr/bin/python3
[ -x "$python" ] || python=python3
"$python" "$source_dir/tools/safetensors_roundtrip.py" "$bin" "$source_dir" "$work"

#!/usr/bin/env bash
# The PyTorch code convscope prints (conv|pool --pytorch, pytorch --scene) runs under
# PyTorch and gives core's numbers, over every lesson and random settings
# (pytorch_check.py). Without PyTorch in Debian's python3 the script exits 77, which
# CTest reports as Skipped, not passed (tools/install-deps.sh installs python3-torch).
# usage: test_pytorch_cli.sh PATH/TO/convscope
set -u
bin=$1

# Debian's python3 before whatever PATH finds first (a pyenv shim may have no torch).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import torch' >/dev/null 2>&1; then
    echo "skipped: the PyTorch check needs python3-torch (apt-get install python3-torch)"
    exit 77
fi
"$python" "$(dirname "$0")/pytorch_check.py" "$bin"

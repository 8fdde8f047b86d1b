#!/usr/bin/env bash
# The NumPy check of the .npy files conv, pool and features write (npy_numpy_check.py):
# NumPy loads them and finds exactly the JSON output's numbers. Without NumPy in Debian's
# python3 the script exits 77, which CTest reports as Skipped, not passed
# (tools/install-deps.sh installs python3-numpy).
# usage: test_npy_numpy.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Debian's python3 before whatever PATH finds first (a pyenv shim may have no numpy).
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import numpy' >/dev/null 2>&1; then
    echo "skipped: the NumPy check needs python3-numpy (apt-get install python3-numpy)"
    exit 77
fi
"$python" "$(dirname "$0")/npy_numpy_check.py" "$bin" "$source_dir" "$work"

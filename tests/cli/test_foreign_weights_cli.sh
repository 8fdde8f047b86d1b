#!/usr/bin/env bash
# `convscope eval` of weights saved for an architecture no preset has, as a newer
# build or another tool might write: a valid file (its checksum recomputed) must exit 2
# naming the problem. Writing that file needs python3; without it the script exits 77,
# which CTest reports as Skipped (tools/install-deps.sh installs python3).
# usage: test_foreign_weights_cli.sh PATH/TO/convscope SOURCE_DIR
set -u
bin=$1
source_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

source "$(dirname "$0")/cli_test_lib.sh"

# Debian's python3, which tools/install-deps.sh installs, before whatever PATH finds
# first (a pyenv shim can stand there with no interpreter behind it); ask it to run.
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if ! "$python" -c 'import struct, zlib' >/dev/null 2>&1; then
    echo "skipped: writing weights of another architecture needs python3 (apt-get install python3)"
    exit 77
fi

# The bundled weights with the architecture line replaced: header, length, text, params, CRC.
"$python" - "$source_dir/assets/weights/simpleconvnet.weights" "$work/other.weights" <<'PYTHON'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()[:-4]
length = struct.unpack_from("<I", data, 12)[0]
architecture = b"input 1x28x28 | conv 7@3x3 s1 p0 d1 | relu | flatten | affine 10 | softmax"
body = data[:12] + struct.pack("<I", len(architecture)) + architecture + data[16 + length:]
open(sys.argv[2], "wb").write(body + struct.pack("<I", zlib.crc32(body)))
PYTHON
check "python3 wrote the file" [ -s "$work/other.weights" ]
expect_error "other architecture" "saved for an architecture this build has no preset for" \
    "$bin" eval --weights "$work/other.weights"

finish

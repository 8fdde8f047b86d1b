#!/usr/bin/env bash
# Installs what is missing, builds convscope (Release) in build/ and opens the window.
# Extra arguments go to convscope (e.g. --scene conv-padding).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
exec ./build/app/convscope "$@"

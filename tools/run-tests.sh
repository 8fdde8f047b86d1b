#!/usr/bin/env bash
# Installs what is missing, builds convscope and its tests in build/ and runs the
# whole suite with CTest: core unit tests, PyTorch parity, the CLI, and the GUI
# smoke test under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

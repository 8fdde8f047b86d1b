#!/usr/bin/env bash
# Installs what is missing, builds convscope and its tests in build/ and runs the
# whole suite with CTest: core unit tests, PyTorch parity, the CLI, and the GUI
# smoke test under Xvfb. CONVSCOPE_WERROR=ON in the environment makes warnings errors
# (CI does; left off by default so another compiler's new warnings do not stop a user).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCONVSCOPE_WERROR="${CONVSCOPE_WERROR:-OFF}" >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

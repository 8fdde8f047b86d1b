#!/usr/bin/env bash
# Installs the Debian 12 packages convscope builds, runs and tests with, if any is
# missing. Uses sudo when not root. Safe to run again: does nothing when all are present.
set -euo pipefail

packages=(
    build-essential cmake pkg-config          # compiler and build
    libglfw3-dev libimgui-dev libepoxy-dev    # window, UI, OpenGL loader
    libstb-dev nlohmann-json3-dev doctest-dev # images, JSON, tests
    zlib1g-dev                                # gzipped MNIST files
    libgif-dev                                # GIF export (giflib)
    libonnx-dev libprotobuf-dev               # ONNX import (onnx-ml.pb.h, protobuf)
    libspng-dev                               # big feature maps as PNG, row by row
    fonts-dejavu-core                         # the TTF font for numbers
    fonts-wqy-microhei                        # Chinese text (only the characters in use)
    help2man                                  # the man page, made from --help
    desktop-file-utils appstream              # install test: validates .desktop, metainfo
    xvfb xauth libgl1-mesa-dri                # GUI tests: Xvfb and Mesa's software GL
    x11-utils                                 # GUI test: xprop reads the window icon
    xdotool                                   # GUI test: keys and clicks for the settings
    python3                                   # CLI test: writes weights of another net
    python3-numpy                             # CLI test: loads the .npy files conv writes
    python3-torch                             # CLI test: runs the PyTorch code it prints
    python3-pil time                          # bench/features_bigphoto.sh: Pillow, peak memory
    clang-format                              # CI's formatting check (.ci/run)
    git                                       # CI lists the files to format (.ci/run)
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "convscope: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "convscope: run as root or install sudo" >&2; exit 1; }
    sudo=sudo
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"

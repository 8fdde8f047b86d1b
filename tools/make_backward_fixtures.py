#!/usr/bin/python3
"""Generate the backward-pass parity fixture that tests/test_backward_parity.cpp checks.

Writes tests/fixtures/backward.json (or into the folder given as the one argument):
random multi-channel, batched, strided, padded and dilated cases of conv2d (with a bias),
max_pool2d and avg_pool2d (count_include_pad=True), each with an upstream gradient
grad_output (small integers) and PyTorch autograd's grad_input, and for conv2d
grad_weight and grad_bias. Inputs are multiples of 1/2 or 1/8 and weights small
integers, so every number is exact in float32 and in JSON.

Deterministic (fixed seed, no wall-clock data); the file is written atomically. Rerun
from the repository root with Debian's Python, which has PyTorch (python3-torch):

    /usr/bin/python3 tools/make_backward_fixtures.py

Conventions as tools/make_fixtures.py's values.json: NCHW nested arrays, per-axis
[H, W] stride, padding (an integer or "same"), dilation, window (pools).
"""

import os
import random
import sys

import warnings

import torch

from make_fixtures import document
from parity_fixtures.backward_cases import (backward_case_text, conv2d_backward_cases,
                                            pool_backward_cases)
from parity_fixtures.json_text import write_atomically

SEED = 20261203
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE_DIR = os.path.join(ROOT, "tests", "fixtures")


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print("usage: make_backward_fixtures.py [OUTPUT_FOLDER]   (default: tests/fixtures)",
              file=sys.stderr)
        return 2
    output_dir = argv[1] if len(argv) == 2 else FIXTURE_DIR
    # PyTorch notes that even-kernel 'same' may copy the input; irrelevant here.
    warnings.filterwarnings("ignore", message="Using padding='same'")
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(SEED)
    gen = torch.Generator().manual_seed(SEED)
    cases = (conv2d_backward_cases(gen, rng) + pool_backward_cases(gen, rng, "max_pool2d") +
             pool_backward_cases(gen, rng, "avg_pool2d"))
    text = document(
        "PyTorch autograd's gradients (float32) for an upstream grad_output, NCHW nested "
        "arrays: conv2d (weight (F,C,KH,KW), bias F) gives grad_input, grad_weight and "
        "grad_bias; max_pool2d and avg_pool2d (count_include_pad=True) give grad_input. "
        "Per axis [H, W]: stride, padding (int or same), dilation, window (pools).",
        cases, backward_case_text).replace("tools/make_fixtures.py",
                                           "tools/make_backward_fixtures.py")
    text = text.replace('"seed": %d' % 20240611, '"seed": %d' % SEED)
    write_atomically(os.path.join(output_dir, "backward.json"), text)
    counts = {}
    for c in cases:
        counts[c["op"]] = counts.get(c["op"], 0) + 1
    print("backward.json: %d cases %s, %d bytes" % (len(cases), counts, len(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

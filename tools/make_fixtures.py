#!/usr/bin/python3
"""Generate the PyTorch parity fixtures that tests/test_pytorch_parity.cpp checks.

Writes two JSON files to tests/fixtures/ (or to the folder given as the one argument):

  shapes.json  Output sizes of Conv2d (explicit padding, 'same', 'valid', full),
               ConvTranspose2d, MaxPool2d and AvgPool2d over a parameter sweep,
               square and non-square, as PyTorch computes them by running the op
               on a zeros tensor. A case PyTorch refuses (kernel larger than the
               padded input, pool padding over half the window, output padding not
               below stride or dilation, ...) is recorded as "error": true.
  values.json  Small random multi-channel cases of conv2d, conv_transpose2d,
               max_pool2d and avg_pool2d (count_include_pad=True) with PyTorch's
               float32 outputs. Inputs, weights and biases are small integers or
               multiples of 1/2, 1/4 or 1/8, so they are exact in float and in JSON.

Both are deterministic (fixed seeds; no wall-clock or version data in the files), so
rerunning without changes reproduces them byte for byte. Each file is written to a
temporary file and renamed into place. One case per line (values cases: one line per
large array) keeps diffs readable.

Rerun from the repository root with Debian's Python, which has PyTorch:

    /usr/bin/python3 tools/make_fixtures.py

PyTorch is needed only here; the C++ tests read the JSON. The cases are built in
tools/parity_fixtures/: shape_cases.py, value_cases.py, and json_text.py for the text.

Conventions shared with the C++ test (per axis values are [H, W]):
  i input size, k kernel (window) size, s stride, d dilation, a output padding,
  p padding: an integer, or "same" / "valid" / "full" (convscope's modes; PyTorch
  runs full as explicit padding k_eff - 1, k_eff = (k - 1) * d + 1).
Pool strides are always recorded explicitly; where PyTorch's default (stride =
kernel) was used the case says "stride_default": true.
"""

import json
import os
import random
import sys
import warnings

import torch

from parity_fixtures.json_text import compact, write_atomically
from parity_fixtures.shape_cases import shape_cases
from parity_fixtures.value_cases import (conv2d_cases, conv_transpose2d_cases, pool_cases,
                                         value_case_text)

SEED = 20240611
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE_DIR = os.path.join(ROOT, "tests", "fixtures")


# ---- documents ------------------------------------------------------------------


def document(description, cases, case_text):
    lines = [
        "{",
        '"generator": "tools/make_fixtures.py (rerun: /usr/bin/python3 tools/make_fixtures.py)",',
        '"torch_version": ' + json.dumps(torch.__version__.split("+")[0]) + ",",
        '"seed": %d,' % SEED,
        '"description": ' + json.dumps(description) + ",",
        '"count": %d,' % len(cases),
        '"cases": [',
    ]
    for n, case in enumerate(cases):
        lines.append(case_text(case) + ("," if n + 1 < len(cases) else ""))
    lines.append("]")
    lines.append("}")
    return "\n".join(lines) + "\n"


# ---- main -----------------------------------------------------------------------


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1].startswith("-")):
        print("usage: make_fixtures.py [OUTPUT_FOLDER]   (default: tests/fixtures)",
              file=sys.stderr)
        return 2
    output_dir = argv[1] if len(argv) == 2 else FIXTURE_DIR
    # PyTorch notes that even-kernel 'same' may copy the input; irrelevant here.
    warnings.filterwarnings("ignore", message="Using padding='same'")
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(SEED)
    gen = torch.Generator().manual_seed(SEED)

    shapes = shape_cases(rng)
    shape_doc = document(
        "Output sizes as PyTorch computes them (zeros input), or error: true where PyTorch "
        "refuses. Per axis [H, W]: i input, k kernel, s stride, p padding (int or "
        "same/valid/full), d dilation, a output padding (transposed). ops: conv (Conv2d), "
        "transposed (ConvTranspose2d), max_pool (MaxPool2d), avg_pool (AvgPool2d, "
        "count_include_pad). Pool strides are explicit; stride_default marks PyTorch's "
        "default stride = kernel.",
        shapes, compact)

    values = (conv2d_cases(gen, rng) + conv_transpose2d_cases(gen, rng) +
              pool_cases(gen, rng, "max_pool2d") + pool_cases(gen, rng, "avg_pool2d"))
    values_doc = document(
        "Float32 outputs of PyTorch ops on small exact inputs, NCHW nested arrays. conv2d "
        "weight (F,C,KH,KW); conv_transpose2d weight (C,F,KH,KW); bias [] when absent. "
        "Per axis [H, W]: stride, padding (int or same/valid/full; full is explicit "
        "k_eff - 1 in PyTorch), dilation, output_padding, window (pools). avg_pool2d uses "
        "count_include_pad=True.",
        values, value_case_text)

    write_atomically(os.path.join(output_dir, "shapes.json"), shape_doc)
    write_atomically(os.path.join(output_dir, "values.json"), values_doc)

    def count(cases, key="op"):
        counts = {}
        for c in cases:
            counts[c[key]] = counts.get(c[key], 0) + 1
        return counts

    errors = sum(1 for c in shapes if c.get("error"))
    print("shapes.json: %d cases (%d errors) %s, %d bytes" %
          (len(shapes), errors, count(shapes), len(shape_doc)))
    print("values.json: %d cases %s, %d bytes" % (len(values), count(values), len(values_doc)))
    # Both documents must parse back.
    json.loads(shape_doc)
    json.loads(values_doc)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

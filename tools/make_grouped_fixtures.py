#!/usr/bin/python3
"""Generate tests/fixtures/grouped.json: PyTorch's outputs for grouped and 1-D convolutions.

tests/test_grouped_parity.cpp checks core's conv2d and conv1d (and the step trace) against
these cases; PyTorch is needed only here. Cases, all with small exact values:

  conv2d  groups 1, 2 and C (depthwise, also with FN = 2C, a depth multiplier), random
          N, C, H, W, kernel, stride, padding and dilation; weight (FN, C/G, KH, KW).
  conv1d  input (N, C, L), weight (FN, C/G, K), with stride, padding, dilation and
          groups 1, 2 and C.

Deterministic (fixed seed; no wall-clock data), written atomically; rerun from the
repository root with Debian's Python, which has PyTorch:

    /usr/bin/python3 tools/make_grouped_fixtures.py
"""

import json
import os
import random
import sys

import torch
import torch.nn.functional as F

from parity_fixtures.json_text import write_atomically
from parity_fixtures.value_cases import grid, value_case_text, values_of

SEED = 20261203
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE = os.path.join(ROOT, "tests", "fixtures", "grouped.json")


KINDS = ("plain", "grouped", "depthwise")  # G = 1, G = 2, G = C: a third of the cases each


def channels_and_groups(rng, kind):
    """C and G for one case of `kind`; C even for G = 2, C > 1 where G = C."""
    if kind == "plain":
        return rng.randint(1, 4), 1
    if kind == "grouped":
        return rng.choice([4, 6]), 2  # C = 2 with G = 2 would be depthwise
    c = rng.randint(2, 4)
    return c, c


def conv2d_grouped_cases(gen, rng):
    cases = []
    for n in range(24):
        while True:
            N = rng.randint(1, 2)
            C, G = channels_and_groups(rng, KINDS[n % 3])
            Fo = G * rng.randint(1, 2)  # FN a multiple of G: depthwise may double
            H, W = rng.randint(3, 7), rng.randint(3, 7)
            kh, kw = rng.randint(1, 3), rng.randint(1, 3)
            sh, sw = rng.randint(1, 2), rng.randint(1, 2)
            dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            ph, pw = rng.randint(0, 2), rng.randint(0, 2)
            x = grid(gen, (N, C, H, W), -3, 3, 2)
            w = grid(gen, (Fo, C // G, kh, kw), -2, 2)
            b = grid(gen, (Fo,), -2, 2, 4) if n % 3 != 1 else None
            try:
                y = F.conv2d(x, w, b, stride=(sh, sw), padding=(ph, pw), dilation=(dh, dw),
                             groups=G)
            except RuntimeError:
                continue
            break
        cases.append({"op": "conv2d", "name": "conv2d %d: %s, G=%d, C=%d, FN=%d" % (
                          n + 1, KINDS[n % 3], G, C, Fo),
                      "groups": G, "stride": [sh, sw], "padding": [ph, pw], "dilation": [dh, dw],
                      "input": values_of(x), "weight": values_of(w),
                      "bias": values_of(b) if b is not None else [], "output": values_of(y)})
    return cases


def conv1d_cases(gen, rng):
    cases = []
    for n in range(24):
        while True:
            N = rng.randint(1, 2)
            C, G = channels_and_groups(rng, KINDS[n % 3])
            Fo = G * rng.randint(1, 2)
            L, K = rng.randint(4, 12), rng.randint(1, 5)
            s, d, p = rng.randint(1, 3), rng.choice([1, 1, 2, 3]), rng.randint(0, 3)
            x = grid(gen, (N, C, L), -3, 3, 2)
            w = grid(gen, (Fo, C // G, K), -2, 2)
            b = grid(gen, (Fo,), -2, 2, 4) if n % 3 != 1 else None
            try:
                y = F.conv1d(x, w, b, stride=s, padding=p, dilation=d, groups=G)
            except RuntimeError:
                continue
            break
        cases.append({"op": "conv1d", "name": "conv1d %d: %s, G=%d, C=%d, FN=%d, L=%d, K=%d" % (
                          n + 1, KINDS[n % 3], G, C, Fo, L, K),
                      "groups": G, "stride": s, "padding": p, "dilation": d,
                      "input": values_of(x), "weight": values_of(w),
                      "bias": values_of(b) if b is not None else [], "output": values_of(y)})
    return cases


def document(cases):
    lines = [
        "{",
        '"generator": "tools/make_grouped_fixtures.py (rerun: /usr/bin/python3 '
        'tools/make_grouped_fixtures.py)",',
        '"torch_version": ' + json.dumps(torch.__version__.split("+")[0]) + ",",
        '"seed": %d,' % SEED,
        '"description": ' + json.dumps(
            "Float32 outputs of torch.nn.functional.conv2d and conv1d with groups on small "
            "exact inputs. conv2d: NCHW, weight (FN, C/G, KH, KW), per axis [H, W]. conv1d: "
            "input (N, C, L), weight (FN, C/G, K), one stride, padding, dilation. bias [] "
            "when absent.") + ",",
        '"count": %d,' % len(cases),
        '"cases": [',
    ]
    for n, case in enumerate(cases):
        lines.append(value_case_text(case) + ("," if n + 1 < len(cases) else ""))
    lines += ["]", "}"]
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) > 1:
        print("usage: make_grouped_fixtures.py   (writes tests/fixtures/grouped.json)",
              file=sys.stderr)
        return 2
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(SEED)
    gen = torch.Generator().manual_seed(SEED)
    cases = conv2d_grouped_cases(gen, rng) + conv1d_cases(gen, rng)
    text = document(cases)
    json.loads(text)  # must parse back
    write_atomically(FIXTURE, text)
    groups = {}
    for c in cases:
        key = c["op"] + " " + c["name"].split(": ")[1].split(",")[0]
        groups[key] = groups.get(key, 0) + 1
    print("grouped.json: %d cases %s, %d bytes" % (len(cases), groups, len(text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

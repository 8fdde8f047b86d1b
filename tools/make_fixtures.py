#!/usr/bin/python3
"""Generate the PyTorch parity fixtures that tests/test_pytorch_parity.cpp checks.

Writes two JSON files to tests/fixtures/:

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

PyTorch is needed only here; the C++ tests read the JSON.

Conventions shared with the C++ test (per axis values are [H, W]):
  i input size, k kernel (window) size, s stride, d dilation, a output padding,
  p padding: an integer, or "same" / "valid" / "full" (convscope's modes; PyTorch
  runs full as explicit padding k_eff - 1, k_eff = (k - 1) * d + 1).
Pool strides are always recorded explicitly; where PyTorch's default (stride =
kernel) was used the case says "stride_default": true.
"""

import itertools
import json
import os
import random
import sys
import tempfile
import warnings

import numpy as np
import torch
import torch.nn.functional as F

SEED = 20240611
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURE_DIR = os.path.join(ROOT, "tests", "fixtures")


# ---- output ---------------------------------------------------------------------


def number_text(value):
    """Shortest text that reads back as the same float32; whole numbers without '.0'."""
    v = np.float32(value)
    if not np.isfinite(v):
        raise ValueError("non-finite value %r in fixture" % value)
    if float(v).is_integer() and abs(v) < 2**24:
        return str(int(v))
    return str(v)


def compact(value):
    """Compact JSON with floats written via number_text."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(compact(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k) + ":" + compact(v) for k, v in value.items()) + "}"
    raise TypeError(type(value))


def write_atomically(path, text):
    directory = os.path.dirname(path)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


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


# ---- shapes ---------------------------------------------------------------------


def k_eff(k, d):
    return (k - 1) * d + 1


def torch_padding(p, k, d):
    """PyTorch's padding argument for one axis given a convscope padding."""
    if p == "full":
        return k_eff(k, d) - 1
    if p == "valid":
        return 0
    return p


def run_shape(case):
    """Runs the case on zeros in PyTorch; sets out=[oh, ow] or error=True."""
    op = case["op"]
    i, k, s, p, d = case["i"], case["k"], case["s"], case["p"], case["d"]
    x = torch.zeros(1, 1, i[0], i[1])
    try:
        with torch.no_grad():
            if op == "conv":
                w = torch.zeros(1, 1, k[0], k[1])
                if p[0] in ("same", "valid"):
                    assert p[0] == p[1]
                    pad = p[0]
                else:
                    pad = tuple(torch_padding(p[a], k[a], d[a]) for a in range(2))
                y = F.conv2d(x, w, stride=tuple(s), padding=pad, dilation=tuple(d))
            elif op == "transposed":
                # The module, not the functional form: only the module checks
                # output_padding < max(stride, dilation).
                m = torch.nn.ConvTranspose2d(1, 1, tuple(k), stride=tuple(s), padding=tuple(p),
                                             output_padding=tuple(case["a"]),
                                             dilation=tuple(d), bias=False)
                y = m(x)
            elif op == "max_pool":
                y = F.max_pool2d(x, tuple(k), stride=tuple(s), padding=tuple(p),
                                 dilation=tuple(d))
            elif op == "avg_pool":
                assert d == [1, 1]
                y = F.avg_pool2d(x, tuple(k), stride=tuple(s), padding=tuple(p))
            else:
                raise ValueError(op)
        case["out"] = [int(y.shape[2]), int(y.shape[3])]
    except RuntimeError:
        case["error"] = True
    return case


def shape_case(op, i, k, s, p, d, a=None, **extra):
    case = {"op": op, "i": list(i), "k": list(k), "s": list(s), "p": list(p), "d": list(d)}
    if a is not None:
        case["a"] = list(a)
    case.update(extra)
    return run_shape(case)


def sq(v):
    return (v, v)


def shape_cases(rng):
    cases = []
    # Conv2d, explicit padding: the full sweep (9*5*3*4*3 = 1620 cases).
    for i, k, s, p, d in itertools.product(range(1, 10), range(1, 6), range(1, 4), range(0, 4),
                                           range(1, 4)):
        cases.append(shape_case("conv", sq(i), sq(k), sq(s), sq(p), sq(d)))
    # padding='same': stride 1 only (PyTorch refuses strided 'same'); odd and even kernels.
    for i, k, d in itertools.product(range(1, 10), range(1, 7), range(1, 4)):
        cases.append(shape_case("conv", sq(i), sq(k), sq(1), sq("same"), sq(d)))
    # 'valid' and full padding (explicit k_eff - 1 in PyTorch).
    for mode in ("valid", "full"):
        for i, k, s, d in itertools.product(range(1, 10), range(1, 6), range(1, 4), range(1, 3)):
            cases.append(shape_case("conv", sq(i), sq(k), sq(s), sq(mode), sq(d)))
    # ConvTranspose2d: a sample of the valid output paddings, plus refused ones.
    grid = [(i, k, s, p, d, a)
            for i, k, s, p, d in itertools.product(range(1, 7), range(1, 5), range(1, 4),
                                                    range(0, 4), range(1, 4))
            for a in range(0, max(s, d))]
    for i, k, s, p, d, a in sorted(rng.sample(grid, 600)):
        cases.append(shape_case("transposed", sq(i), sq(k), sq(s), sq(p), sq(d), a=sq(a)))
    for s, d in itertools.product(range(1, 4), range(1, 4)):
        a = max(s, d)  # PyTorch: output padding must be smaller than stride or dilation
        for i, k, p in ((3, 3, 0), (5, 2, 1), (4, 4, 2)):
            cases.append(shape_case("transposed", sq(i), sq(k), sq(s), sq(p), sq(d), a=sq(a)))
    # Pools: stride = kernel (PyTorch's default) or explicit; padding <= kernel / 2,
    # plus padding just over it, which PyTorch refuses.
    for op, dilations in (("max_pool", (1, 2)), ("avg_pool", (1,))):
        for i, k, stride, d in itertools.product(range(1, 9), range(1, 5), (None, 1, 2, 3),
                                                 dilations):
            s = k if stride is None else stride
            extra = {"stride_default": True} if stride is None else {}
            for p in range(0, k // 2 + 1):
                cases.append(shape_case(op, sq(i), sq(k), sq(s), sq(p), sq(d), **extra))
            if i in (3, 6):
                cases.append(shape_case(op, sq(i), sq(k), sq(s), sq(k // 2 + 1), sq(d), **extra))
    # Non-square: each axis drawn independently.
    for _ in range(120):
        i = [rng.randint(1, 9), rng.randint(1, 9)]
        k = [rng.randint(1, 5), rng.randint(1, 5)]
        d = [rng.randint(1, 3), rng.randint(1, 3)]
        mode = rng.choice(["int", "int", "int", "same", "valid", "full", "mixed"])
        if mode == "same":
            s, p = [1, 1], ["same", "same"]
        elif mode == "valid":
            s, p = [rng.randint(1, 3), rng.randint(1, 3)], ["valid", "valid"]
        elif mode == "full":
            s, p = [rng.randint(1, 3), rng.randint(1, 3)], ["full", "full"]
        elif mode == "mixed":  # full on one axis, a number on the other
            s, p = [rng.randint(1, 3), rng.randint(1, 3)], ["full", rng.randint(0, 3)]
            rng.shuffle(p)
        else:
            s, p = [rng.randint(1, 3), rng.randint(1, 3)], [rng.randint(0, 3), rng.randint(0, 3)]
        cases.append(shape_case("conv", i, k, s, p, d))
    for _ in range(80):
        i = [rng.randint(1, 6), rng.randint(1, 6)]
        k = [rng.randint(1, 4), rng.randint(1, 4)]
        s = [rng.randint(1, 3), rng.randint(1, 3)]
        d = [rng.randint(1, 3), rng.randint(1, 3)]
        p = [rng.randint(0, 3), rng.randint(0, 3)]
        a = [rng.randint(0, max(s[0], d[0]) - 1), rng.randint(0, max(s[1], d[1]) - 1)]
        cases.append(shape_case("transposed", i, k, s, p, d, a=a))
    for op in ("max_pool", "avg_pool"):
        for _ in range(50):
            i = [rng.randint(1, 9), rng.randint(1, 9)]
            k = [rng.randint(1, 4), rng.randint(1, 4)]
            s = [rng.randint(1, 3), rng.randint(1, 3)]
            p = [rng.randint(0, k[0] // 2), rng.randint(0, k[1] // 2)]
            d = [rng.randint(1, 2), rng.randint(1, 2)] if op == "max_pool" else [1, 1]
            cases.append(shape_case(op, i, k, s, p, d))
    return cases


# ---- values ---------------------------------------------------------------------


def values_of(t):
    return t.detach().to(torch.float32).tolist()


def grid(gen, shape, low, high, denominator=1):
    """Random values low..high in steps of 1/denominator: exact in float32."""
    n = torch.randint(low * denominator, high * denominator + 1, shape, generator=gen)
    return n.to(torch.float32) / denominator


def value_case_text(case):
    big = ("input", "weight", "bias", "output")
    head = {k: v for k, v in case.items() if k not in big}
    parts = [compact(head)[:-1]]
    for key in big:
        if key in case:
            parts.append(json.dumps(key) + ":" + compact(case[key]))
    return ",\n ".join(parts) + "}"


def conv2d_cases(gen, rng):
    cases = []
    seed_in = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2],
                            [2, 0, 0, 0, 1]], dtype=torch.float32)
    seed_k = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=torch.float32)
    out = F.conv2d(seed_in.view(1, 1, 5, 5), seed_k.view(1, 1, 3, 3))
    assert out.view(3, 3).tolist() == [[12, 12, 17], [10, 17, 19], [9, 6, 14]], out
    cases.append({"op": "conv2d", "name": "seed example 5x5 * 3x3", "stride": [1, 1],
                  "padding": [0, 0], "dilation": [1, 1], "input": values_of(seed_in.view(1, 1, 5, 5)),
                  "weight": values_of(seed_k.view(1, 1, 3, 3)), "bias": [],
                  "output": values_of(out)})
    # Padding kinds to cover, then random parameters until PyTorch accepts them.
    kinds = ["int"] * 8 + ["same"] * 5 + ["valid", "full", "full", "mixed"] + ["int"] * 2
    for n, kind in enumerate(kinds):
        while True:
            N, C, Fo = rng.randint(1, 2), rng.randint(1, 3), rng.randint(1, 3)
            H, W = rng.randint(3, 7), rng.randint(3, 7)
            kh, kw = rng.randint(1, 4), rng.randint(1, 4)
            if kind == "same" and n % 2 == 0:
                kh, kw = rng.choice([2, 4]), rng.choice([1, 2, 3, 4])  # even: asymmetric split
            dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            if kind == "same":
                sh = sw = 1
            else:
                sh, sw = rng.randint(1, 3), rng.randint(1, 3)
            if kind == "int":
                padding = [rng.randint(0, 2), rng.randint(0, 2)]
            elif kind == "mixed":
                padding = ["full", rng.randint(0, 2)]
            else:
                padding = [kind, kind]
            if kind in ("same", "valid"):
                torch_pad = kind
            else:
                torch_pad = (torch_padding(padding[0], kh, dh), torch_padding(padding[1], kw, dw))
            x = grid(gen, (N, C, H, W), -3, 3, 2)
            w = grid(gen, (Fo, C, kh, kw), -2, 2)
            b = grid(gen, (Fo,), -2, 2, 4) if n % 3 != 1 else None
            try:
                y = F.conv2d(x, w, b, stride=(sh, sw), padding=torch_pad, dilation=(dh, dw))
            except RuntimeError:
                continue
            break
        cases.append({"op": "conv2d",
                      "name": "conv2d %d: %s padding, %s bias" % (n + 1, kind,
                                                                "with" if b is not None else "no"),
                      "stride": [sh, sw], "padding": padding, "dilation": [dh, dw],
                      "input": values_of(x), "weight": values_of(w),
                      "bias": values_of(b) if b is not None else [], "output": values_of(y)})
    return cases


def conv_transpose2d_cases(gen, rng):
    cases = []
    for n in range(20):
        while True:
            N, C, Fo = rng.randint(1, 2), rng.randint(1, 3), rng.randint(1, 3)
            H, W = rng.randint(3, 6), rng.randint(3, 6)
            kh, kw = rng.randint(1, 4), rng.randint(1, 4)
            sh, sw = rng.randint(1, 3), rng.randint(1, 3)
            dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            ph, pw = rng.randint(0, 2), rng.randint(0, 2)
            ah, aw = rng.randint(0, max(sh, dh) - 1), rng.randint(0, max(sw, dw) - 1)
            x = grid(gen, (N, C, H, W), -3, 3, 2)
            w = grid(gen, (C, Fo, kh, kw), -2, 2)
            b = grid(gen, (Fo,), -2, 2, 4) if n % 3 != 1 else None
            try:
                m = torch.nn.ConvTranspose2d(C, Fo, (kh, kw), stride=(sh, sw), padding=(ph, pw),
                                             output_padding=(ah, aw), dilation=(dh, dw),
                                             bias=b is not None)
                with torch.no_grad():
                    m.weight.copy_(w)
                    if b is not None:
                        m.bias.copy_(b)
                    y = m(x)
                    # The module and the functional form agree.
                    y2 = F.conv_transpose2d(x, w, b, stride=(sh, sw), padding=(ph, pw),
                                            output_padding=(ah, aw), dilation=(dh, dw))
                    assert torch.equal(y, y2)
            except RuntimeError:
                continue
            break
        cases.append({"op": "conv_transpose2d",
                      "name": "conv_transpose2d %d: %s bias" % (n + 1,
                                                                 "with" if b is not None else "no"),
                      "stride": [sh, sw], "padding": [ph, pw], "dilation": [dh, dw],
                      "output_padding": [ah, aw],
                      "input": values_of(x), "weight": values_of(w),
                      "bias": values_of(b) if b is not None else [], "output": values_of(y)})
    return cases


def pool_cases(gen, rng, op):
    cases = []
    for n in range(20):
        while True:
            N, C = rng.randint(1, 2), rng.randint(1, 3)
            H, W = rng.randint(3, 7), rng.randint(3, 7)
            kh, kw = rng.randint(1, 4), rng.randint(1, 4)
            default_stride = n % 4 == 0
            sh, sw = (kh, kw) if default_stride else (rng.randint(1, 3), rng.randint(1, 3))
            ph, pw = rng.randint(0, kh // 2), rng.randint(0, kw // 2)
            if op == "max_pool2d":
                dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            else:
                dh, dw = 1, 1
            # Negative values too: padded cells must never win a max (PyTorch pads with
            # -inf) and must count as zeros in an average (count_include_pad=True).
            x = grid(gen, (N, C, H, W), -4, 4, 8 if op == "avg_pool2d" else 2)
            try:
                if op == "max_pool2d":
                    y = F.max_pool2d(x, (kh, kw), stride=None if default_stride else (sh, sw),
                                     padding=(ph, pw), dilation=(dh, dw))
                else:
                    y = F.avg_pool2d(x, (kh, kw), stride=None if default_stride else (sh, sw),
                                     padding=(ph, pw), count_include_pad=True)
            except RuntimeError:
                continue
            break
        case = {"op": op, "name": "%s %d" % (op, n + 1), "window": [kh, kw], "stride": [sh, sw],
                "padding": [ph, pw], "dilation": [dh, dw]}
        if default_stride:
            case["stride_default"] = True
        case["input"] = values_of(x)
        case["output"] = values_of(y)
        cases.append(case)
    return cases


# ---- main -----------------------------------------------------------------------


def main():
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

    write_atomically(os.path.join(FIXTURE_DIR, "shapes.json"), shape_doc)
    write_atomically(os.path.join(FIXTURE_DIR, "values.json"), values_doc)

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
    sys.exit(main())

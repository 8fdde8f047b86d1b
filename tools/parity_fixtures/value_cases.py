"""values.json: PyTorch's float32 outputs on small exact multi-channel inputs."""

import json

import torch
import torch.nn.functional as F

from parity_fixtures.json_text import compact
from parity_fixtures.shape_cases import torch_padding


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

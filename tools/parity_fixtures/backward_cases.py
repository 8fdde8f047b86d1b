"""backward.json: PyTorch autograd's gradients of conv2d, max_pool2d and avg_pool2d."""

import json

import torch
import torch.nn.functional as F

from parity_fixtures.json_text import compact
from parity_fixtures.shape_cases import torch_padding
from parity_fixtures.value_cases import grid, values_of


def backward_case_text(case):
    big = ("input", "weight", "bias", "grad_output", "grad_input", "grad_weight", "grad_bias")
    head = {k: v for k, v in case.items() if k not in big}
    parts = [compact(head)[:-1]]
    for key in big:
        if key in case:
            parts.append(json.dumps(key) + ":" + compact(case[key]))
    return ",\n ".join(parts) + "}"


def conv2d_backward_cases(gen, rng, count=16):
    cases = []
    for n in range(count):
        while True:
            N, C, Fo = rng.randint(1, 3), rng.randint(1, 3), rng.randint(1, 3)
            H, W = rng.randint(3, 7), rng.randint(3, 7)
            kh, kw = rng.randint(1, 4), rng.randint(1, 4)
            dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            same = n % 5 == 4
            sh, sw = (1, 1) if same else (rng.randint(1, 3), rng.randint(1, 3))
            padding = ["same", "same"] if same else [rng.randint(0, 2), rng.randint(0, 2)]
            torch_pad = "same" if same else (torch_padding(padding[0], kh, dh),
                                             torch_padding(padding[1], kw, dw))
            x = grid(gen, (N, C, H, W), -3, 3, 2).requires_grad_()
            w = grid(gen, (Fo, C, kh, kw), -2, 2).requires_grad_()
            b = grid(gen, (Fo,), -2, 2, 4).requires_grad_()
            try:
                y = F.conv2d(x, w, b, stride=(sh, sw), padding=torch_pad, dilation=(dh, dw))
            except RuntimeError:
                continue
            break
        g = grid(gen, tuple(y.shape), -2, 2)
        y.backward(g)
        cases.append({"op": "conv2d",
                      "name": "conv2d backward %d: %s padding" % (n + 1,
                                                                   "same" if same else "int"),
                      "stride": [sh, sw], "padding": padding, "dilation": [dh, dw],
                      "input": values_of(x), "weight": values_of(w), "bias": values_of(b),
                      "grad_output": values_of(g), "grad_input": values_of(x.grad),
                      "grad_weight": values_of(w.grad), "grad_bias": values_of(b.grad)})
    return cases


def pool_backward_cases(gen, rng, op, count=14):
    cases = []
    for n in range(count):
        while True:
            N, C = rng.randint(1, 3), rng.randint(1, 3)
            H, W = rng.randint(3, 7), rng.randint(3, 7)
            kh, kw = rng.randint(1, 4), rng.randint(1, 4)
            sh, sw = rng.randint(1, 3), rng.randint(1, 3)
            ph, pw = rng.randint(0, kh // 2), rng.randint(0, kw // 2)
            if op == "max_pool2d":
                dh, dw = rng.choice([1, 1, 2]), rng.choice([1, 1, 2])
            else:
                dh, dw = 1, 1
            # Eighths from -4 to 4: ties happen in max pooling now and then, and the
            # first maximum in row-major order must win them, in PyTorch and in core.
            x = grid(gen, (N, C, H, W), -4, 4, 8 if op == "avg_pool2d" else 2).requires_grad_()
            try:
                if op == "max_pool2d":
                    y = F.max_pool2d(x, (kh, kw), stride=(sh, sw), padding=(ph, pw),
                                     dilation=(dh, dw))
                else:
                    y = F.avg_pool2d(x, (kh, kw), stride=(sh, sw), padding=(ph, pw),
                                     count_include_pad=True)
            except RuntimeError:
                continue
            break
        g = grid(gen, tuple(y.shape), -2, 2)
        y.backward(g)
        cases.append({"op": op, "name": "%s backward %d" % (op, n + 1), "window": [kh, kw],
                      "stride": [sh, sw], "padding": [ph, pw], "dilation": [dh, dw],
                      "input": values_of(x), "grad_output": values_of(g),
                      "grad_input": values_of(x.grad)})
    return cases

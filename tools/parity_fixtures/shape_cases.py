"""shapes.json: output sizes PyTorch computes (or refuses) over a parameter sweep."""

import itertools

import torch
import torch.nn.functional as F


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

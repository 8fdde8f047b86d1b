#!/usr/bin/python3
"""The PyTorch side of bench/onnx_forward.sh: the forward pass of the fixture model
colour_bn (tools/make_onnx_fixtures.py's ColourBn, 3x32x32), eval mode, no autograd,
batch B of the fixtures' input formula, repeated; prints `throughput: N img/s`, the
median of the repeats, as onnx_forward_bench does.

usage: bench/pytorch_onnx_forward.py [--batch 64] [--threads 2] [--repeats 30]
"""
import argparse
import os
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from make_onnx_fixtures import ColourBn, fixed_input  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    model = ColourBn().eval()
    x = fixed_input((args.batch, 3, 32, 32))
    rates = []
    with torch.no_grad():
        for _ in range(3):
            model(x)
        for _ in range(args.repeats):
            start = time.perf_counter()
            model(x)
            rates.append(args.batch / (time.perf_counter() - start))
    rates.sort()
    print("throughput: %.0f img/s" % rates[len(rates) // 2])


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Generate tests/fixtures/onnx/: small ONNX models exported by PyTorch and their outputs.

tests/test_onnx_*.cpp load every model with core/onnx and compare its forward pass with
PyTorch's output stored in expected.json, so the tests need no PyTorch. Models:

  lenet        1x28x28 LeNet-like chain, opset 11, dynamic batch axis (fixable).
  colour_bn    3x32x32: Conv+BatchNorm, a strided grouped conv, a residual Add block,
               global average pooling, Gemm; opset 17 (the bench model).
  branches     3x16x16: a 1x1 and a dilated 3x3 branch joined by Concat, LeakyRelu,
               Tanh, MaxPool and AveragePool with padding, Sigmoid, Reshape, MatMul+Add,
               Softmax; opset 13.
  transposed   1x12x12: a strided padded conv, a grouped ConvTranspose with output
               padding, Sigmoid; opset 11.
  unsupported  1x8x8 with an Abs node: refused by name.
  dynamic_hw   1x28x28 LeNet exported with dynamic H and W: refused.

The input of every model is fixed by a formula the tests repeat: element i of the
flattened (2, C, H, W) batch is ((i * 7919) % 1000) / 500 - 1. Deterministic (fixed
seed); rerun from the repository root with Debian's Python, which has PyTorch:

    /usr/bin/python3 tools/make_onnx_fixtures.py
"""

import os
import sys

import numpy as np
import torch
import torch.nn as nn

from parity_fixtures.json_text import compact, write_atomically

SEED = 20261203
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "tests", "fixtures", "onnx")
BATCH = 2


def fixed_input(shape):
    """The batch every test feeds: the formula of the module docstring."""
    count = int(np.prod(shape))
    i = np.arange(count, dtype=np.int64)
    values = ((i * 7919) % 1000).astype(np.float64) / 500.0 - 1.0
    return torch.from_numpy(values.astype(np.float32).reshape(shape))


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 32)
        self.fc2 = nn.Linear(32, 10)

    def forward(self, x):
        x = torch.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
        return self.fc2(torch.relu(self.fc1(torch.flatten(x, 1))))


class ColourBn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, stride=2, padding=1, groups=2)
        self.bn2 = nn.BatchNorm2d(32)
        self.res1 = nn.Conv2d(32, 32, 3, padding=1)
        self.res_bn = nn.BatchNorm2d(32)
        self.res2 = nn.Conv2d(32, 32, 3, padding=1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = torch.relu(self.bn1(self.conv1(x)))
        x = torch.relu(self.bn2(self.conv2(x)))
        y = self.res2(torch.relu(self.res_bn(self.res1(x))))
        x = torch.relu(x + y)
        x = nn.functional.adaptive_avg_pool2d(x, 1)
        return self.fc(torch.flatten(x, 1))


class Branches(nn.Module):
    def __init__(self):
        super().__init__()
        self.narrow = nn.Conv2d(3, 4, 1)
        self.wide = nn.Conv2d(3, 4, 3, padding=2, dilation=2)
        self.pool_max = nn.MaxPool2d(3, stride=2, padding=1)
        self.pool_avg = nn.AvgPool2d(2, stride=2, padding=1)
        self.weight = nn.Parameter(torch.randn(8 * 5 * 5, 6) * 0.1)
        self.bias = nn.Parameter(torch.randn(6) * 0.1)

    def forward(self, x):
        a = nn.functional.leaky_relu(self.narrow(x), 0.1)
        b = torch.tanh(self.wide(x))
        x = torch.cat([a, b], dim=1)
        x = torch.sigmoid(self.pool_avg(self.pool_max(x)))
        x = x.reshape(-1, 8 * 5 * 5)
        return torch.softmax(torch.matmul(x, self.weight) + self.bias, dim=1)


class Transposed(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Conv2d(1, 4, 3, stride=2, padding=1)
        self.up = nn.ConvTranspose2d(4, 2, 3, stride=2, padding=1, output_padding=1, groups=2)

    def forward(self, x):
        return torch.sigmoid(self.up(torch.relu(self.down(x))))


class Unsupported(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)

    def forward(self, x):
        return torch.abs(self.conv(x))


def randomise_batch_norms(model, generator):
    """Running statistics and affine terms away from 0 and 1, so folding is tested."""
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            c = module.num_features
            module.running_mean.copy_(torch.randn(c, generator=generator) * 0.2)
            module.running_var.copy_(torch.rand(c, generator=generator) + 0.5)
            module.weight.data.copy_(torch.rand(c, generator=generator) + 0.5)
            module.bias.data.copy_(torch.randn(c, generator=generator) * 0.1)


def export(model, name, shape, opset, dynamic_axes=None):
    """Writes NAME.onnx and returns its manifest entry (PyTorch's output on the input)."""
    model.eval()
    x = fixed_input((BATCH,) + shape)
    with torch.no_grad():
        y = model(x)
    os.makedirs(FOLDER, exist_ok=True)
    path = os.path.join(FOLDER, name + ".onnx")
    tmp = path + ".tmp"
    axes = dynamic_axes or {}
    torch.onnx.export(model, x, tmp, opset_version=opset, input_names=["input"],
                      output_names=["output"], dynamic_axes=axes,
                      training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=True)
    os.replace(tmp, path)
    return {
        "file": name + ".onnx",
        "opset": opset,
        "input_shape": [BATCH] + list(shape),
        "parameters": sum(p.numel() for p in model.parameters()),
        "output_shape": list(y.shape),
        "output": [float(v) for v in y.flatten().tolist()],
    }


def main():
    torch.manual_seed(SEED)
    generator = torch.Generator().manual_seed(SEED)
    entries = []
    entries.append(export(LeNet(), "lenet", (1, 28, 28), 11, {"input": {0: "batch"}}))
    colour = ColourBn()
    randomise_batch_norms(colour, generator)
    entries.append(export(colour, "colour_bn", (3, 32, 32), 17))
    entries.append(export(Branches(), "branches", (3, 16, 16), 13))
    entries.append(export(Transposed(), "transposed", (1, 12, 12), 11))
    refused = [
        export(Unsupported(), "unsupported", (1, 8, 8), 13),
        export(LeNet(), "dynamic_hw", (1, 28, 28), 13, {"input": {2: "h", 3: "w"}}),
    ]
    manifest = {
        "input_formula": "x[i] = ((i * 7919) % 1000) / 500 - 1 over the flattened batch",
        "models": entries,
        "refused": [{"file": r["file"]} for r in refused],
    }
    write_atomically(os.path.join(FOLDER, "expected.json"), compact(manifest) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""SimpleConvNet in PyTorch, the reference convscope's speed is measured against.

The same network (conv 30@5x5 s1 p0, ReLU, maxpool 2x2 s2, affine 100, ReLU,
affine 10), the same data (the four MNIST IDX files, raw or .gz, scaled to [0, 1]),
He initialisation, Adam, batch 100, 2 threads by default. Prints per-epoch lines
and, like `convscope train`, `test accuracy: 0.XXXX` and `throughput: N img/s`
(training images per second of the forward + backward + update loop only).

usage: bench/pytorch_simpleconvnet.py [--data assets/mnist] [--epochs 1] [--threads 2]
                                      [--batch 100] [--lr 0.001] [--seed 1]
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
from torch import nn


def read_idx(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(path, "rb") as f:
                return f.read()
    raise SystemExit(f"{folder} has no {name} (nor {name}.gz)")


def load_split(folder, images_name, labels_name):
    images = read_idx(folder, images_name)
    _, count, rows, cols = struct.unpack(">IIII", images[:16])
    pixels = np.frombuffer(images, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
    labels = np.frombuffer(read_idx(folder, labels_name), dtype=np.uint8, offset=8)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0), torch.from_numpy(labels.astype(np.int64))


def simpleconvnet():
    net = nn.Sequential(
        nn.Conv2d(1, 30, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten(),
        nn.Linear(30 * 12 * 12, 100), nn.ReLU(), nn.Linear(100, 10))
    for layer in net:
        if isinstance(layer, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            nn.init.zeros_(layer.bias)
    return net


def accuracy(net, images, labels):
    with torch.no_grad():
        correct = sum((net(images[i:i + 1000]).argmax(1) == labels[i:i + 1000]).sum().item()
                      for i in range(0, len(images), 1000))
    return correct / len(images)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(os.path.dirname(__file__), "..", "assets", "mnist"))
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--lr", type=float, default=0.001)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    train_x, train_y = load_split(args.data, "train-images-idx3-ubyte", "train-labels-idx1-ubyte")
    test_x, test_y = load_split(args.data, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
    net = simpleconvnet()
    optimizer = torch.optim.Adam(net.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()
    print(f"pytorch {torch.__version__}, {args.threads} threads, {len(train_x)} training images")
    total_images, total_seconds = 0, 0.0
    for epoch in range(1, args.epochs + 1):
        order = torch.randperm(len(train_x))
        seconds, loss_sum = 0.0, 0.0
        for first in range(0, len(train_x), args.batch):
            index = order[first:first + args.batch]
            x, y = train_x[index], train_y[index]
            start = time.perf_counter()
            optimizer.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            optimizer.step()
            seconds += time.perf_counter() - start
            loss_sum += loss.item() * len(index)
        total_images += len(train_x)
        total_seconds += seconds
        print(f"epoch {epoch}/{args.epochs}  loss {loss_sum / len(train_x):.4f}  "
              f"test accuracy {accuracy(net, test_x, test_y):.4f}  {len(train_x) / seconds:.0f} img/s")
    print(f"test accuracy: {accuracy(net, test_x, test_y):.4f}")
    print(f"throughput: {total_images / total_seconds:.0f} img/s")


if __name__ == "__main__":
    main()

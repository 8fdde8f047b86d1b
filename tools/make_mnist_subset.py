#!/usr/bin/python3
"""Cuts the bundled MNIST subset out of the full set: the first N training and the
first M test digits, as the four IDX files gzipped (no timestamp, so the output is
byte-for-byte reproducible).

usage: tools/make_mnist_subset.py SOURCE_DIR [--out assets/mnist] [--train 20000] [--test 2000]

SOURCE_DIR holds the four original files, raw or .gz (tools/fetch_mnist.sh gets them).
"""
import argparse
import gzip
import os
import struct
import sys

FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}


def read(folder, name):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.exists(path):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(path, "rb") as f:
                return f.read()
    sys.exit(f"make_mnist_subset: {folder} has no {name} (nor {name}.gz)")


def cut_images(data, count):
    magic, total, rows, cols = struct.unpack(">IIII", data[:16])
    if magic != 0x803 or count > total:
        sys.exit(f"make_mnist_subset: bad images file (magic {magic:#x}, {total} images)")
    return struct.pack(">IIII", magic, count, rows, cols) + data[16 : 16 + count * rows * cols]


def cut_labels(data, count):
    magic, total = struct.unpack(">II", data[:8])
    if magic != 0x801 or count > total:
        sys.exit(f"make_mnist_subset: bad labels file (magic {magic:#x}, {total} labels)")
    return struct.pack(">II", magic, count) + data[8 : 8 + count]


def write_gz(path, data):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source")
    parser.add_argument("--out", default="assets/mnist")
    parser.add_argument("--train", type=int, default=20000)
    parser.add_argument("--test", type=int, default=2000)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for split, count in (("train", args.train), ("test", args.test)):
        images, labels = FILES[split]
        write_gz(os.path.join(args.out, images + ".gz"), cut_images(read(args.source, images), count))
        write_gz(os.path.join(args.out, labels + ".gz"), cut_labels(read(args.source, labels), count))
    print(f"wrote {args.train} training and {args.test} test digits to {args.out}")


if __name__ == "__main__":
    main()

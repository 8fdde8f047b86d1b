#!/usr/bin/python3
"""The `convscope features` job in plain PyTorch + Pillow, the reference its speed and
memory are measured against (bench/features_bigphoto.sh).

The same job: the picture turned grey (Pillow's "L", Rec. 601 luma) and shrunk to at
most --max-side pixels per side (box filter), through one conv layer of 30 5x5 filters
(the first layer of the weights file convscope reads), each map coloured as convscope
colours conv outputs (blue negative, white zero, red positive, scaled by the map's
largest magnitude) and written as a PNG (Pillow's defaults). Prints `maps: N WxH`.

usage: bench/pytorch_features.py --image FILE --weights FILE --out DIR
                                 [--max-side 4000] [--threads 2]
"""
import argparse
import os
import struct

import numpy as np
import torch
from PIL import Image


def first_conv(weights_path, filters=30, kernel=5):
    """Weight (30, 1, 5, 5) and bias (30) of the first layer of a convscope weights file."""
    with open(weights_path, "rb") as f:
        data = f.read()
    if data[:8] != b"CSWEIGHT":
        raise SystemExit(f"{weights_path} is not a convscope weights file")
    (text_length,) = struct.unpack_from("<I", data, 12)
    offset = 16 + text_length + 8  # architecture text, then the u64 parameter count
    count = filters * kernel * kernel + filters
    values = np.frombuffer(data, dtype="<f4", count=count, offset=offset)
    weight = torch.from_numpy(values[: filters * kernel * kernel].copy()).reshape(filters, 1, kernel, kernel)
    return weight, torch.from_numpy(values[filters * kernel * kernel :].copy())


def coloured(plane):
    """(H, W) float -> (H, W, 3) uint8 on convscope's diverging map."""
    largest = plane.abs().max()
    t = plane / largest if largest > 0 else torch.zeros_like(plane)
    fade = 1.0 - t.abs()
    strong = 1.0 - 0.30 * (1.0 - fade)
    positive = t >= 0
    r = torch.where(positive, strong, fade)
    g = fade
    b = torch.where(positive, fade, strong)
    rgb = torch.stack([r, g, b], dim=-1).clamp(0, 1).mul(255).round()
    return rgb.to(torch.uint8).numpy()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image", required=True)
    parser.add_argument("--weights", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--max-side", type=int, default=4000)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)

    picture = Image.open(args.image).convert("L")
    if max(picture.size) > args.max_side:
        scale = args.max_side / max(picture.size)
        size = (max(1, round(picture.width * scale)), max(1, round(picture.height * scale)))
        picture = picture.resize(size, Image.BOX)
    picture.save(os.path.join(args.out, "input.png"))
    grey = torch.from_numpy(np.asarray(picture, dtype=np.float32) / 255.0)[None, None]

    weight, bias = first_conv(args.weights)
    with torch.no_grad():
        maps = torch.nn.functional.conv2d(grey, weight, bias)[0]
    for c in range(maps.shape[0]):
        Image.fromarray(coloured(maps[c])).save(os.path.join(args.out, f"conv1_{c:02d}.png"))
    print(f"maps: {maps.shape[0]} {maps.shape[2]}x{maps.shape[1]}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The safetensors round trip with PyTorch (issue 13).

convscope trains a small network and saves it with `train --out w.safetensors`; this
script reads the file with json + struct + torch.frombuffer (no `safetensors` package),
builds the same torch.nn.Sequential from the architecture text in its __metadata__,
loads it with load_state_dict(strict=True) and checks that PyTorch predicts what
convscope predicts:
  * the whole bundled MNIST test set: the same accuracy as `convscope eval`;
  * a few test digits: the same class and probabilities as `convscope features --digit
    --json` (on the very 28x28 input convscope shows it used).
Then the other way: PyTorch writes its state_dict as safetensors without metadata and
`convscope eval` reads it (found by its names and shapes) with the same accuracy.

usage: /usr/bin/python3 tools/safetensors_roundtrip.py PATH/TO/convscope SOURCE_DIR WORK_DIR
Needs Debian's python3-torch; exits 77 (skipped) without it.
"""
import gzip
import json
import os
import re
import struct
import subprocess
import sys

try:
    import torch
    from torch import nn
except ImportError:
    print("skipped: the round trip needs PyTorch (apt-get install python3-torch)")
    sys.exit(77)


def read_safetensors(path):
    """name -> tensor, and the metadata, parsed by hand."""
    with open(path, "rb") as f:
        raw = f.read()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length])
    metadata = header.pop("__metadata__", {})
    data = bytearray(raw[8 + length:])
    tensors = {}
    for name, entry in header.items():
        assert entry["dtype"] == "F32", entry
        begin, end = entry["data_offsets"]
        values = torch.frombuffer(data[begin:end], dtype=torch.float32) if end > begin \
            else torch.zeros(0)
        tensors[name] = values.reshape(entry["shape"]).clone()
    return tensors, metadata


def write_safetensors(path, state):
    """A state_dict as safetensors, the Hugging Face way: sorted names, no metadata."""
    header, blobs, offset = {}, [], 0
    for name in sorted(state):
        blob = state[name].detach().contiguous().float().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(state[name].shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def padding_of(text):
    if text in ("same", "valid"):
        return text
    parts = [int(p) for p in text.split("x")]
    return parts[0] if len(parts) == 1 else tuple(parts)


def axes(text):
    parts = [int(p) for p in text.split("x")]
    return parts[0] if len(parts) == 1 else tuple(parts)


def sequential_from(architecture):
    """'input 1x28x28 | conv 30@5x5 s1 p0 d1 | relu | ... | affine 10 | softmax' -> model."""
    parts = [p.strip() for p in architecture.split("|")]
    channels, height, width = (int(v) for v in parts[0].split()[1].split("x"))
    layers = []
    probe = torch.zeros(1, channels, height, width)
    for part in parts[1:]:
        words = part.split()
        if words[0] == "conv":
            filters, kernel = words[1].split("@")
            layer = nn.Conv2d(probe.shape[1], int(filters), axes(kernel), stride=axes(words[2][1:]),
                              padding=padding_of(words[3][1:]), dilation=axes(words[4][1:]))
        elif words[0] in ("maxpool", "avgpool"):
            pool = nn.MaxPool2d if words[0] == "maxpool" else nn.AvgPool2d
            layer = pool(axes(words[1]), stride=axes(words[2][1:]), padding=padding_of(words[3][1:]))
        elif words[0] == "relu":
            layer = nn.ReLU()
        elif words[0] == "flatten":
            layer = nn.Flatten()
        elif words[0] == "affine":
            layer = nn.Linear(probe.reshape(1, -1).shape[1], int(words[1]))
        elif words[0] == "softmax":
            continue  # the loss's, not a module
        else:
            raise SystemExit("unknown layer in the architecture: " + part)
        layers.append(layer)
        probe = layer(probe)
    return nn.Sequential(*layers)


def mnist_test(source_dir):
    folder = os.path.join(source_dir, "assets", "mnist")
    with gzip.open(os.path.join(folder, "t10k-images-idx3-ubyte.gz")) as f:
        raw = f.read()
    count, rows, cols = struct.unpack(">III", raw[4:16])
    images = torch.frombuffer(bytearray(raw[16:]), dtype=torch.uint8).float() / 255
    with gzip.open(os.path.join(folder, "t10k-labels-idx1-ubyte.gz")) as f:
        labels = torch.frombuffer(bytearray(f.read()[8:]), dtype=torch.uint8).long()
    return images.reshape(count, 1, rows, cols), labels


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit("FAIL: %s: exit %d: %s" % (" ".join(args), done.returncode, done.stderr))
    return done.stdout


def accuracy_line(text):
    return re.search(r"test accuracy: (0\.\d{4})", text).group(1)


def check_net(binary, source_dir, work, net):
    path = os.path.join(work, net + ".safetensors")
    run(binary, "train", "--net", net, "--epochs", "1", "--train-images", "3000", "--threads",
        "2", "--seed", "3", "--out", path)
    tensors, metadata = read_safetensors(path)
    model = sequential_from(metadata["architecture"]).eval()
    model.load_state_dict(tensors, strict=True)  # every name and shape, nothing left over
    print("%s: %s loaded with strict=True: %s" % (net, path, ", ".join(sorted(tensors))))

    images, labels = mnist_test(source_dir)
    with torch.no_grad():
        predicted = model(images).argmax(1)
    torch_accuracy = "%.4f" % (predicted == labels).float().mean().item()
    ours = accuracy_line(run(binary, "eval", "--weights", path, "--threads", "2"))
    print("%s: test accuracy convscope %s, PyTorch %s" % (net, ours, torch_accuracy))
    if ours != torch_accuracy:
        raise SystemExit("FAIL: the accuracies differ")

    # A few digits through `features --digit --json`: the same class and probabilities.
    for index in (0, 1, 2, 3, 4):
        pgm = os.path.join(work, "digit%d.pgm" % index)
        pixels = (images[index, 0] * 255).round().byte()
        with open(pgm, "wb") as f:
            f.write(b"P5 28 28 255\n" + bytes(pixels.flatten().tolist()))
        result = json.loads(run(binary, "features", "--digit", "--json", "--weights", path,
                                "--image", pgm, "--out", os.path.join(work, "features")))
        seen = torch.tensor(result["input"], dtype=torch.float32).reshape(1, 1, 28, 28)
        with torch.no_grad():
            probabilities = torch.softmax(model(seen), 1)[0]
        theirs = torch.tensor(result["probabilities"])
        gap = (probabilities - theirs).abs().max().item()
        print("%s: digit %d: convscope says %d, PyTorch %d, largest probability gap %.2e"
              % (net, index, result["prediction"], probabilities.argmax().item(), gap))
        if result["prediction"] != probabilities.argmax().item() or gap > 1e-4:
            raise SystemExit("FAIL: the predictions differ")

    # PyTorch's own file, without metadata, read back by convscope.
    back = os.path.join(work, net + "-from-torch.safetensors")
    write_safetensors(back, model.state_dict())
    again = accuracy_line(run(binary, "eval", "--weights", back, "--threads", "2"))
    print("%s: PyTorch's file read by convscope eval: test accuracy %s" % (net, again))
    if again != ours:
        raise SystemExit("FAIL: convscope reads PyTorch's file differently")


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    binary, source_dir, work = sys.argv[1:]
    for net in ("simpleconvnet", "lenet"):
        check_net(binary, source_dir, work, net)
    print("round trip ok")


if __name__ == "__main__":
    main()

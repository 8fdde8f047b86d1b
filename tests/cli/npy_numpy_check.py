"""NumPy loads the .npy files convscope writes and finds exactly the numbers its JSON prints.

Run by test_npy_numpy.sh (which skips when NumPy is missing):
    npy_numpy_check.py PATH/TO/convscope SOURCE_DIR WORK_DIR
Random float32 inputs are made here with NumPy and handed to conv and pool as .npy; each
command runs once with --json and --npy, and the two outputs must agree bit for bit, with
dtype float32, C order, the JSON's shape and a version 1.0 header aligned to 64 bytes.
Float64, int32, int64 and uint8 inputs must read as NumPy's own astype(float32).
Prints one line per check and exits 1 on the first difference.
"""
import json
import os
import subprocess
import sys

import numpy as np

binary, source_dir, work = sys.argv[1:4]
checks = 0


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def run(args):
    result = subprocess.run([binary] + args, capture_output=True, text=True)
    if result.returncode != 0:
        fail(" ".join(args) + f": exit {result.returncode}: {result.stderr.strip()}")
    return result.stdout


def load_checked(path):
    with open(path, "rb") as f:
        version = np.lib.format.read_magic(f)
        shape, fortran_order, dtype = np.lib.format.read_array_header_1_0(f)
        offset = f.tell()
    if version != (1, 0) or fortran_order or dtype != np.dtype("<f4") or offset % 64:
        fail(f"{path}: version {version}, fortran {fortran_order}, {dtype}, data at {offset}")
    array = np.load(path, allow_pickle=False)
    if array.shape != shape or not array.flags.c_contiguous:
        fail(f"{path}: loaded shape {array.shape}, header {shape}")
    return array


def same(name, from_json, from_npy):
    global checks
    expected = np.array(from_json, dtype=np.float32)
    if from_npy.shape != expected.shape:
        fail(f"{name}: .npy shape {from_npy.shape}, JSON shape {expected.shape}")
    if from_npy.tobytes() != expected.tobytes():
        worst = np.max(np.abs(from_npy.astype(np.float64) - expected))
        fail(f"{name}: values differ (largest difference {worst})")
    checks += 1
    print(f"ok {name}: {from_npy.shape} {from_npy.size} values")


def compare_op(name, args):
    out = os.path.join(work, name + ".npy")
    printed = json.loads(run(args + ["--json", "--npy", out]))
    same(name, printed["output"], load_checked(out))


def save(name, array):
    path = os.path.join(work, name + ".npy")
    np.save(path, array)
    return path


rng = np.random.default_rng(7)
image = save("image", rng.standard_normal((2, 3, 9, 8)).astype(np.float32))
kernel = save("kernel", rng.standard_normal((4, 3, 3, 3)).astype(np.float32))
bias = save("bias", rng.standard_normal(4).astype(np.float32))
grid = save("grid", rng.standard_normal((7, 6)))  # float64: converted on reading
up = save("up", rng.standard_normal((3, 2, 4, 4)).astype(np.float32))  # (C, FN, KH, KW)

compare_op("conv", ["conv", "--input", image, "--kernel", kernel, "--bias", bias])
compare_op("conv_same_stride", ["conv", "--input", image, "--kernel", kernel, "-p", "same", "-s", "2"])
compare_op("conv_dilated", ["conv", "--input", image, "--kernel", kernel, "-d", "2", "-p", "1"])
compare_op("conv_grid", ["conv", "--input", grid, "--kernel", "[[0,1,2],[2,2,0],[0,1,2]]"])
compare_op("conv_transposed",
           ["conv", "--input", image, "--kernel", up, "--transposed", "-s", "2", "-p", "1"])
compare_op("conv_trace", ["conv", "--input", grid, "--kernel", "[[1,-1],[0.5,2]]", "--trace"])
compare_op("max_pool", ["pool", "--input", image, "-k", "2"])
compare_op("avg_pool", ["pool", "--input", image, "-k", "3", "-s", "2", "-p", "1", "--avg"])
compare_op("pool_grid", ["pool", "--input", grid, "-k", "2x3"])

# Reading converts as NumPy's astype(float32) does: pool with a 1x1 window copies its input.
for dtype, array in [("<f8", rng.standard_normal((3, 5)) * 1e3),
                     ("<i4", rng.integers(-2**31, 2**31, (2, 3, 4))),
                     ("<i8", rng.integers(-2**40, 2**40, (4, 4))),
                     ("|u1", rng.integers(0, 256, (1, 2, 3, 3)))]:
    source = array.astype(dtype)
    path = save("copy_" + dtype[1:], source)
    out = os.path.join(work, "copied_" + dtype[1:] + ".npy")
    run(["pool", "--input", path, "-k", "1", "--npy", out])
    same("read " + dtype, source.astype(np.float32), load_checked(out))

# features: every conv layer's maps and the input, JSON against the files.
digit = os.path.join(source_dir, "tests", "fixtures", "digit_2_scan.png")
folder = os.path.join(work, "features")
printed = json.loads(run(["features", "--digit", "--image", digit, "--out", folder,
                          "--npy", "--json"]))
same("features input", printed["input"], load_checked(os.path.join(folder, "input.npy")))
for layer, maps in printed["layers"].items():
    same("features " + layer, maps, load_checked(os.path.join(folder, layer + ".npy")))
if not printed["layers"]:
    fail("features printed no layers")

print(f"{checks} checks passed")

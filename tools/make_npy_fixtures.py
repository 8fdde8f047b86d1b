#!/usr/bin/python3
"""Writes the .npy fixtures tests/test_npy_file.cpp reads, exactly as NumPy writes them.

  f4_2x3.npy, f4_5.npy, f4_2x1x3x10.npy   float32 arrays: the test encodes the same
                                          values and compares every byte (header too)
  f8_2x2.npy, i4_3.npy, i8_2x2.npy, u1_2x3.npy   converted to float32 on reading
  scalar.npy                               np.save of a 0-d array: read as shape (1,)
  v2_2x3.npy, v3_2x3.npy                   format versions 2.0 and 3.0 (4-byte header length)
  fortran_2x3.npy, big_endian_2x3.npy, object_3.npy, rank5.npy, c8_2.npy   refused

Rerun from the repository root with Debian's Python and python3-numpy:

    /usr/bin/python3 tools/make_npy_fixtures.py [OUT_DIR]   (default tests/fixtures/npy)

The values are small integers and halves, so every dtype holds them exactly.
"""
import os
import sys

import numpy as np


def save(folder, name, array, version=None, allow_pickle=False):
    path = os.path.join(folder, name)
    if version is None:
        np.save(path, array, allow_pickle=allow_pickle)
    else:
        with open(path, "wb") as f:
            np.lib.format.write_array(f, array, version=version, allow_pickle=allow_pickle)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/npy"
    os.makedirs(folder, exist_ok=True)
    grid = np.array([[0.5, -1, 2], [3.25, 0, -7]])
    save(folder, "f4_2x3.npy", grid.astype("<f4"))
    save(folder, "f4_5.npy", np.arange(5, dtype="<f4") - 2)
    save(folder, "f4_2x1x3x10.npy", (np.arange(60, dtype="<f4") / 4).reshape(2, 1, 3, 10))
    save(folder, "f8_2x2.npy", np.array([[1.5, -2], [1e-3, 4096]], dtype="<f8"))
    save(folder, "i4_3.npy", np.array([-3, 0, 70000], dtype="<i4"))
    save(folder, "i8_2x2.npy", np.array([[-1, 2], [1 << 20, 7]], dtype="<i8"))
    save(folder, "u1_2x3.npy", np.array([[0, 1, 255], [128, 7, 9]], dtype="|u1"))
    save(folder, "scalar.npy", np.array(2.5, dtype="<f4"))
    save(folder, "v2_2x3.npy", grid.astype("<f4"), version=(2, 0))
    save(folder, "v3_2x3.npy", grid.astype("<f4"), version=(3, 0))
    save(folder, "fortran_2x3.npy", np.asfortranarray(grid.astype("<f4")))
    save(folder, "big_endian_2x3.npy", grid.astype(">f4"))
    save(folder, "object_3.npy", np.array([1, "two", None], dtype=object), allow_pickle=True)
    save(folder, "rank5.npy", np.zeros((1, 1, 1, 2, 2), dtype="<f4"))
    save(folder, "c8_2.npy", np.array([1 + 2j, 3], dtype="<c8"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Exits 0 when two 8-bit RGB or RGBA PNG files hold the same RGB pixels, else says how
many differ. Decodes with zlib and the five PNG filters, so it needs no imaging library.
   python3 same_pixels.py A.png B.png
"""
import struct, sys, zlib
def pixels(path):
    data = open(path, "rb").read()
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunk = data[at + 8:at + 8 + length]
        if kind == b"IHDR": header = struct.unpack(">IIBB", chunk[:10])
        if kind == b"IDAT": idat += chunk
        at += 12 + length
    width, height, depth, colour = header
    channels = {2: 3, 6: 4}[colour]
    raw, rows, prev = zlib.decompress(idat), [], bytearray(width * channels)
    stride = width * channels
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line[j] for j in range(stride) if j % channels < 3))
        prev = line
    return width, height, b"".join(rows)
a, b = pixels(sys.argv[1]), pixels(sys.argv[2])
if a[:2] != b[:2]: sys.exit("sizes differ: %s %s" % (a[:2], b[:2]))
if a[2] != b[2]:
    diff = sum(1 for i in range(0, len(a[2]), 3) if a[2][i:i + 3] != b[2][i:i + 3])
    sys.exit("%d pixels differ" % diff)

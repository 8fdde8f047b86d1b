#!/usr/bin/env python3
"""Reads a GIF's structure without decoding pixels: prints "WxH FRAMES LOOP DELAYS".

Walks the blocks as the GIF89a spec lays them out (header, logical screen, global
colour table, extensions, image descriptors with their LZW sub-blocks, trailer) and
fails loudly on anything malformed, so a truncated or mis-framed file cannot pass.
   python3 gif_info.py FILE.gif
"""
import struct
import sys


def skip_sub_blocks(data, at):
    while True:
        size = data[at]
        at += 1
        if size == 0:
            return at
        at += size


def main(path):
    data = open(path, "rb").read()
    if data[:6] not in (b"GIF87a", b"GIF89a"):
        sys.exit("not a GIF: " + repr(data[:6]))
    width, height, flags = struct.unpack("<HHB", data[6:11])
    at = 13
    if flags & 0x80:
        at += 3 * (2 << (flags & 7))
    frames, loop, delays = 0, False, []
    while True:
        block = data[at]
        at += 1
        if block == 0x3B:  # trailer
            break
        if block == 0x21:  # extension
            label = data[at]
            at += 1
            if label == 0xF9:
                delays.append(struct.unpack("<H", data[at + 2:at + 4])[0])
            if label == 0xFF and data[at + 1:at + 12] == b"NETSCAPE2.0":
                loop = True
            at = skip_sub_blocks(data, at)
        elif block == 0x2C:  # image descriptor
            x, y, w, h, image_flags = struct.unpack("<HHHHB", data[at:at + 9])
            if x + w > width or y + h > height:
                sys.exit("frame %d (%d,%d %dx%d) outside the %dx%d screen" %
                         (frames, x, y, w, h, width, height))
            at += 9
            if image_flags & 0x80:
                at += 3 * (2 << (image_flags & 7))
            at += 1  # LZW minimum code size
            at = skip_sub_blocks(data, at)
            frames += 1
        else:
            sys.exit("unexpected block 0x%02x at byte %d" % (block, at - 1))
    print("%dx%d %d %s %s" % (width, height, frames, "loop" if loop else "once",
                              ",".join(map(str, delays))))


if __name__ == "__main__":
    main(sys.argv[1])

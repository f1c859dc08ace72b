#!/usr/bin/env python3
"""Seeds for fuzz_bz2_block: real bzip2 blocks in the target's input format.

  make_bz2_seeds.py OUT_DIR FILE...

Each seed is one byte (level - 1 + 9 * (bits of the last byte that belong to the block - 1))
followed by one block, from its 48-bit magic to the end of its bits. The blocks come from
compressing slices of the given files (small enough for the fuzzer's -max_len) and a few
shapes the decoder treats specially: long runs of one byte, a single byte, all 256 byte values.
"""
import bz2
import os
import sys

END_MAGIC = format(0x177245385090, "048b")


def block_of(data, level):
    """The bits of the single block of bz2.compress(data, level), as a '0'/'1' string."""
    stream = bz2.compress(data, level)
    bits = "".join(format(b, "08b") for b in stream)
    # A one-block stream: "BZh" + level (32 bits), the block, the end magic, the 32-bit CRC, and
    # padding to a byte (fewer than 8 bits).
    for pad in range(8):
        end = len(bits) - pad - 32 - 48
        if bits[end:end + 48] == END_MAGIC:
            return bits[32:end]
    raise ValueError("not a one-block stream")


def seed_bytes(block_bits, level):
    last_bits = len(block_bits) % 8 or 8
    padded = block_bits + "0" * (-len(block_bits) % 8)
    body = bytes(int(padded[i:i + 8], 2) for i in range(0, len(padded), 8))
    return bytes([(level - 1) + 9 * (last_bits - 1)]) + body


def main():
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    samples = [b"a", bytes(range(256)), b"x" * 5000 + b"yz" * 300 + b"\0" * 70000]
    for f in files:
        data = open(f, "rb").read()
        samples += [data[:2000], data[:40000]]
    n = 0
    for i, data in enumerate(samples):
        for level in (1, 9):
            block = block_of(data, level)
            seed = seed_bytes(block, level)
            if len(seed) > 65536:
                continue
            with open(os.path.join(out, "block-%02d-level%d" % (i, level)), "wb") as o:
                o.write(seed)
            n += 1
    print("%d seeds in %s" % (n, out))


if __name__ == "__main__":
    main()

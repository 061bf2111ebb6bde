#!/usr/bin/python3
"""Writes the weight files the inference-only benchmarks compile in (InferenceOnlyBenchmarks.cs): 4-8-3 and
16-64-64-1 in NetGen's safetensors naming (layers.k.weight [out, in], layers.k.bias [out]), with weights uniform in
±sqrt(6 / (in + out)) and biases in ±0.1 from a fixed seed. Plain Python, no packages; rerunning writes the same files.
    python3 benchmarks/NetGen.Benchmarks/Models/make_weights.py
"""
import json
import os
import random
import struct

OUT = os.path.dirname(os.path.abspath(__file__))


def write(name, sizes, seed):
    rng = random.Random(seed)
    header, data = {}, bytearray()
    for k in range(len(sizes) - 1):
        fan_in, fan_out = sizes[k], sizes[k + 1]
        limit = (6.0 / (fan_in + fan_out)) ** 0.5
        for kind, shape, count, bound in (("weight", [fan_out, fan_in], fan_out * fan_in, limit), ("bias", [fan_out], fan_out, 0.1)):
            raw = struct.pack("<%df" % count, *[rng.uniform(-bound, bound) for _ in range(count)])
            header["layers.%d.%s" % (k, kind)] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
            data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


write("net4x8x3.safetensors", [4, 8, 3], 1)
write("net16x64x64x1.safetensors", [16, 64, 64, 1], 2)

#!/usr/bin/python3
"""Writes the trained-model fixtures the tests compile in and read: small PyTorch multilayer perceptrons
of every activation NetGen has, each saved as safetensors (written here, without the safetensors package)
and exported to ONNX by torch.onnx.export, with the outputs PyTorch computes for a few inputs.

Run from anywhere with Debian's python3-torch (torch 1.13) and python3-onnx:
    /usr/bin/python3 tests/Fixtures/make_models.py
The files it writes are committed, so the tests and CI do not need Python. The script is deterministic
(fixed seeds); rerunning it rewrites the same weights and outputs.
"""
import json
import os
import struct
import zlib

import onnx
import onnx.helper
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
INPUTS_PER_MODEL = 4


def write_safetensors(path, tensors, metadata=None):
    """The safetensors layout: u64 little-endian header length, the JSON header padded with spaces to a
    multiple of 8, then the tensors' little-endian bytes in the header's order."""
    header = {}
    if metadata:
        header["__metadata__"] = metadata
    data = bytearray()
    for name, tensor in tensors:
        values = tensor.detach().to(torch.float32).contiguous().reshape(-1).tolist()
        raw = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(data)


def write_netgen_model(path, inputs, layers, loss=0):
    """NetGen's model file, format version 1 (docs/model-format.md), without a scaler: layers are
    (linear, activation code, slope) with activation codes 0 Identity, 1 Sigmoid, 2 Tanh, 3 ReLU, 4 LeakyReLU, 5 Softmax."""
    body = struct.pack("<III", loss, inputs, len(layers))
    for linear, activation, slope in layers:
        body += struct.pack("<IIf", linear.out_features, activation, slope)
    values = []
    for linear, _, _ in layers:
        values += linear.weight.detach().reshape(-1).tolist() + linear.bias.detach().tolist()
    body += struct.pack("<I", len(values)) + struct.pack("<%df" % len(values), *values)
    length = 24 + len(body) + 4
    content = b"\x89NGM\r\n\x1a\n" + struct.pack("<IIQ", 1, 0, length) + body
    with open(path, "wb") as f:
        f.write(content + struct.pack("<I", zlib.crc32(content)))


class MatMulAdd(nn.Module):
    """A linear layer written as x @ Wᵀ + b, which torch.onnx exports as MatMul and Add, not Gemm."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(outputs, inputs))
        self.bias = nn.Parameter(torch.empty(outputs))
        nn.init.uniform_(self.weight, -0.8, 0.8)
        nn.init.uniform_(self.bias, -0.3, 0.3)

    def forward(self, x):
        return torch.matmul(x, self.weight.t()) + self.bias


def models():
    """(name, module, inputs): every activation as a hidden or output layer, PyTorch's nn.Sequential
    naming (0.weight, 2.weight, …), a lone nn.Linear (weight, bias), and a MatMul + Add export."""
    yield "relu_identity", nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)), 4
    yield "tanh_sigmoid", nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2), nn.Sigmoid()), 3
    yield "leaky_tanh", nn.Sequential(nn.Linear(4, 6), nn.LeakyReLU(0.2), nn.Linear(6, 6), nn.Tanh(), nn.Linear(6, 2)), 4
    yield "sigmoid_softmax", nn.Sequential(nn.Linear(5, 7), nn.Sigmoid(), nn.Linear(7, 4), nn.Softmax(dim=-1)), 5
    yield "identity_relu", nn.Sequential(nn.Linear(2, 3), nn.Identity(), nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1)), 2
    yield "linear", nn.Linear(3, 2), 3
    yield "matmul_add", nn.Sequential(MatMulAdd(3, 4), nn.Tanh(), MatMulAdd(4, 2)), 3


class Residual(nn.Module):
    """x + tanh(W x + b): a graph that is not a chain, which NetGen must refuse."""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 3)

    def forward(self, x):
        return x + torch.tanh(self.linear(x))


def export(model, width, path, dtype=torch.float32, input_axes=None):
    torch.onnx.export(
        model, torch.zeros(1, width, dtype=dtype), path,
        input_names=["input"], output_names=["output"],
        dynamic_axes={"input": input_axes or {0: "batch"}, "output": {0: "batch"}},
        opset_version=13, do_constant_folding=True)


def invalid_models():
    """ONNX files NetGen must refuse with a diagnostic naming the node and its op type."""
    torch.manual_seed(14)
    export(nn.Sequential(nn.Linear(3, 4), nn.ELU(), nn.Linear(4, 2)), 3, os.path.join(OUT, "invalid_elu.onnx"))
    export(Residual(), 3, os.path.join(OUT, "invalid_residual.onnx"))
    export(nn.Sequential(nn.Linear(3, 2)).double(), 3, os.path.join(OUT, "invalid_double.onnx"), torch.float64)
    export(nn.Sequential(nn.Linear(3, 2)), 3, os.path.join(OUT, "invalid_dynamic.onnx"), input_axes={0: "batch", 1: "features"})


def with_identity_node():
    """relu_identity.onnx with an explicit Identity node between the ReLU and the second Gemm, as other
    exporters write it (torch.onnx drops nn.Identity)."""
    model = onnx.load(os.path.join(OUT, "relu_identity.onnx"))
    nodes = list(model.graph.node)
    relu = next(i for i, n in enumerate(nodes) if n.op_type == "Relu")
    relu_output = nodes[relu].output[0]
    identity = onnx.helper.make_node("Identity", [relu_output], [relu_output + "_identity"], name="/extra/Identity")
    for node in nodes[relu + 1:]:
        for i, name in enumerate(node.input):
            if name == relu_output:
                node.input[i] = relu_output + "_identity"
    del model.graph.node[:]
    model.graph.node.extend(nodes[:relu + 1] + [identity] + nodes[relu + 1:])
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(OUT, "identity_node.onnx"))


def main():
    torch.manual_seed(12)
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, model, width in models():
        model.eval()
        with torch.no_grad():
            for p in model.parameters():
                # Larger than PyTorch's default init, so every activation is exercised in its curved part.
                p.mul_(1.5)
            x = torch.randn(INPUTS_PER_MODEL, width) * 1.5
            y = model(x)
        state = model.state_dict()
        write_safetensors(os.path.join(OUT, name + ".safetensors"), [(k, v) for k, v in state.items()], {"format": "pt"})
        export(model, width, os.path.join(OUT, name + ".onnx"))
        expected[name] = {"inputs": x.tolist(), "outputs": y.tolist()}

    # NetGen's own naming (a ModuleList called layers), as SafeTensors.Save writes it, for 4 → 5 (ReLU) → 3.
    torch.manual_seed(13)
    layers = nn.ModuleList([nn.Linear(4, 5), nn.Linear(5, 3)])
    with torch.no_grad():
        x = torch.randn(INPUTS_PER_MODEL, 4)
        y = layers[1](torch.relu(layers[0](x)))
    write_safetensors(os.path.join(OUT, "netgen_naming.safetensors"),
                      [("layers.%d.%s" % (i, kind), getattr(layer, kind)) for i, layer in enumerate(layers) for kind in ("weight", "bias")],
                      {"format": "pt"})
    expected["netgen_naming"] = {"inputs": x.tolist(), "outputs": y.tolist()}
    write_netgen_model(os.path.join(OUT, "netgen_naming.ngm"), 4, [(layers[0], 3, 0.0), (layers[1], 0, 0.0)])

    with_identity_node()
    expected["identity_node"] = expected["relu_identity"]
    invalid_models()

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

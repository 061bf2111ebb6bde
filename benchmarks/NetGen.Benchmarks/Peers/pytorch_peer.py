"""PyTorch contender of the NetGen peer suite's `--pytorch` probe (PyTorchProbe.cs).

Usage: pytorch_peer.py WORK_FILE RESULT_FILE

WORK_FILE, written by the probe (little-endian): int32 L, int32 sizes[L + 1], int32 activations[L] (NetGen's
Activation values), float32 slopes[L], int32 loss (NetGen's Loss value), int32 batch, int32 minibatch,
float32 learning rate, then every parameter in NetGen's layout (per layer W as [outputs, inputs] row-major, then b),
the batch's inputs [batch, inputs] and targets [batch, outputs].

RESULT_FILE receives float32: the batch's outputs, then every parameter (NetGen's layout) after one SGD step on the
first minibatch from the initial parameters. Standard output gets one JSON line with the timings (the fastest of
the rounds, each the mean of a calibrated number of calls), the versions and the BLAS library in use.

One thread (the probe also sets OPENBLAS_NUM_THREADS and OMP_NUM_THREADS to 1). The loss is NetGen's: cross-entropy
from the logits of a softmax output, or half the squared error summed over the outputs; both averaged over the
minibatch, so the gradients are NetGen's too.
"""

import json
import struct
import sys
import time

import torch

ROUNDS = 9
ROUND_SECONDS = 0.05


def read(stream, fmt, count):
    size = struct.calcsize("<" + fmt) * count
    data = stream.read(size)
    if len(data) != size:
        raise ValueError(f"work file ends early: {size} bytes wanted, {len(data)} read")
    return struct.unpack(f"<{count}{fmt}", data)


ACTIVATIONS = {1: torch.nn.Sigmoid, 2: torch.nn.Tanh, 3: torch.nn.ReLU}


def build(sizes, activations, slopes):
    modules = []
    last = len(activations) - 1
    for k, activation in enumerate(activations):
        modules.append(torch.nn.Linear(sizes[k], sizes[k + 1]))
        if activation == 4:
            modules.append(torch.nn.LeakyReLU(slopes[k]))
        elif activation in ACTIVATIONS:
            modules.append(ACTIVATIONS[activation]())
        elif activation == 5 and k != last or activation not in (0, 5):
            raise ValueError(f"activation {activation} of layer {k + 1} is not supported here")
        # Identity adds nothing; the output softmax is applied by forward() and folded into the loss.
    return torch.nn.Sequential(*modules)


def load(model, parameters):
    offset = 0
    with torch.no_grad():
        for layer in (m for m in model if isinstance(m, torch.nn.Linear)):
            w = layer.out_features * layer.in_features
            layer.weight.copy_(torch.tensor(parameters[offset:offset + w]).view(layer.out_features, layer.in_features))
            offset += w
            layer.bias.copy_(torch.tensor(parameters[offset:offset + layer.out_features]))
            offset += layer.out_features


def flat(model):
    return torch.cat([t.detach().reshape(-1) for layer in model if isinstance(layer, torch.nn.Linear)
                      for t in (layer.weight, layer.bias)])


def fastest(call):
    call()
    start = time.perf_counter()
    call()
    once = max(time.perf_counter() - start, 1e-7)
    calls = max(1, int(ROUND_SECONDS / once))
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for _ in range(calls):
            call()
        best = min(best, (time.perf_counter() - start) / calls)
    return best


def blas_library():
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            if "blas" in path.lower():
                return path
    return "none found"


def main():
    torch.set_num_threads(1)
    with open(sys.argv[1], "rb") as stream:
        (layers,) = read(stream, "i", 1)
        sizes = read(stream, "i", layers + 1)
        activations = read(stream, "i", layers)
        slopes = read(stream, "f", layers)
        loss_kind, batch, minibatch = read(stream, "i", 3)
        (learning_rate,) = read(stream, "f", 1)
        count = sum(sizes[k] * sizes[k + 1] + sizes[k + 1] for k in range(layers))
        parameters = read(stream, "f", count)
        inputs = torch.tensor(read(stream, "f", batch * sizes[0])).view(batch, sizes[0])
        targets = torch.tensor(read(stream, "f", batch * sizes[-1])).view(batch, sizes[-1])

    softmax = activations[-1] == 5
    if loss_kind == 1 and not softmax or loss_kind not in (0, 1):
        raise ValueError(f"loss {loss_kind} with output activation {activations[-1]} is not supported")

    model = build(sizes, activations, slopes)
    load(model, parameters)

    def forward(x):
        y = model(x)
        return torch.softmax(y, dim=1) if softmax else y

    def loss_of(x, t):
        y = model(x)
        if loss_kind == 1:
            return -(t * torch.log_softmax(y, dim=1)).sum(dim=1).mean()
        return 0.5 * ((y - t) ** 2).sum(dim=1).mean()

    optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
    minibatches = batch // minibatch
    state = {"next": 0}

    def step():
        b = state["next"]
        state["next"] = (b + 1) % minibatches
        optimizer.zero_grad()
        loss_of(inputs[b * minibatch:(b + 1) * minibatch], targets[b * minibatch:(b + 1) * minibatch]).backward()
        optimizer.step()

    with torch.no_grad():
        outputs = forward(inputs)
    state["next"] = 0
    step()
    trained = flat(model)
    with open(sys.argv[2], "wb") as result:
        result.write(outputs.contiguous().numpy().astype("<f4").tobytes())
        result.write(trained.numpy().astype("<f4").tobytes())

    load(model, parameters)
    with torch.no_grad():
        forward_seconds = fastest(lambda: forward(inputs))
    step_seconds = fastest(step)
    capability = next((line.split(":", 1)[1].strip() for line in torch.__config__.show().splitlines()
                       if "CPU capability usage" in line), "unknown")
    print(json.dumps({
        "forward_batch_us": forward_seconds * 1e6,
        "step_us": step_seconds * 1e6,
        "torch": torch.__version__,
        "capability": capability,
        "blas": blas_library(),
        "threads": torch.get_num_threads(),
    }))


if __name__ == "__main__":
    main()

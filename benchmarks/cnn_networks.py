"""The networks the speed benchmarks train, as network dicts (engine_vs_torch, mnist_epoch)."""
from __future__ import annotations


def chain(input_shape, layers):
    """A network dict of a plain chain: [(id, type, params), ...] after the input."""
    nodes = [{"id": "in", "type": "Input", "params": {"shape": list(input_shape)}}]
    nodes += [{"id": i, "type": t, "params": p} for i, t, p in layers]
    ids = [n["id"] for n in nodes]
    return {"nodes": nodes, "edges": [{"from": a, "to": b} for a, b in zip(ids, ids[1:])]}


def conv(filters):
    return "Conv2D", {"filters": filters, "kernel_size": 3, "padding": "same"}


MLP = chain([784], [("d1", "Dense", {"units": 256}), ("r1", "ReLU", {}),
                    ("d2", "Dense", {"units": 128}), ("r2", "ReLU", {}),
                    ("d3", "Dense", {"units": 10})])
CNN = chain([1, 28, 28], [
    ("c1", *conv(8)), ("r1", "ReLU", {}), ("p1", "MaxPool2D", {"pool_size": 2}),
    ("c2", *conv(16)), ("r2", "ReLU", {}), ("p2", "MaxPool2D", {"pool_size": 2}),
    ("f", "Flatten", {}), ("d", "Dense", {"units": 10})])
# The larger CNN a learner builds for MNIST.
MNIST_CNN = chain([1, 28, 28], [
    ("c1", *conv(32)), ("r1", "ReLU", {}), ("c2", *conv(32)), ("r2", "ReLU", {}),
    ("p1", "MaxPool2D", {"pool_size": 2}),
    ("c3", *conv(64)), ("r3", "ReLU", {}), ("p2", "MaxPool2D", {"pool_size": 2}),
    ("f", "Flatten", {}), ("d1", "Dense", {"units": 128}), ("r4", "ReLU", {}),
    ("d2", "Dense", {"units": 10})])

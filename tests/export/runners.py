"""Running what the exporters write: the generated model.py in torch, the ONNX model in
onnxruntime. Each needs its package: call ``pytest.importorskip`` first."""
from __future__ import annotations

import types

import numpy as np

from engine.export.onnx_model import onnx_proto
from engine.export.pytorch.model_code import model_source

TOLERANCE = 1e-5


def model_module(net, model) -> types.ModuleType:
    """The generated model.py, executed as a module."""
    module = types.ModuleType("model")
    exec(compile(model_source(net, model), "model.py", "exec"), module.__dict__)
    return module


def torch_model(net, model):
    """Model() from the generated model.py, holding the engine's weights, in eval mode."""
    import torch
    tm = model_module(net, model).Model()
    tm.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in model.state_dict().items()})
    return tm.eval()


def torch_run(tm, *xs: np.ndarray) -> np.ndarray:
    import torch
    with torch.no_grad():
        return tm(*[torch.from_numpy(x) for x in xs]).numpy()


def onnx_run(proto, feeds: dict[str, np.ndarray]) -> np.ndarray:
    import onnxruntime
    session = onnxruntime.InferenceSession(proto.SerializeToString(),
                                           providers=["CPUExecutionProvider"])
    return session.run(["output"], feeds)[0]


def onnx_model_run(net, model, x: np.ndarray) -> np.ndarray:
    import onnx
    return onnx_run(onnx_proto(onnx, net, model), {"input": x})


def batch(model, n: int = 8, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((n, *model.input_shape)).astype(
        np.float32)


def max_diff(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape, (a.shape, b.shape)
    return float(np.max(np.abs(a.astype(np.float64) - b))) if a.size else 0.0

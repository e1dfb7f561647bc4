"""Every registered layer type writes itself in both export targets (issue 17), and what it
writes computes what the engine computes: from the registry's own examples, with random
weights (and BatchNorm statistics), the PyTorch module and the ONNX nodes equal the engine's
forward(training=False) to 1e-5. A new layer type is checked here without a line added."""
from __future__ import annotations

import numpy as np
import pytest

from engine.errors import ExportError
from engine.export.onnx_graph import OnnxGraph
from engine.nn.layers import LAYERS, Layer
from tests.export.runners import TOLERANCE, max_diff, onnx_run

CASES = [pytest.param(spec, config, shapes, id=f"{spec.type}-{i}")
         for spec in LAYERS.in_order()
         for i, (config, shapes) in enumerate(spec.examples or [({}, [])])]


def built(spec, config, shapes, seed=0):
    """The layer with random weights and buffers (positive variances), and random inputs."""
    rng = np.random.default_rng(seed)
    layer = spec.cls("node", spec.complete(config), shapes)
    layer.init_weights(rng)
    for key, a in {**layer.weights, **layer.buffers}.items():
        if a.dtype.kind == "f":
            a[...] = rng.standard_normal(a.shape)
            if key == "running_var":
                a[...] = np.abs(a) + 0.5
    xs = [rng.standard_normal((3, *s)).astype(np.float32) for s in shapes or [layer.out_shape]]
    return layer, xs


def test_every_layer_type_but_input_has_examples_for_these_tests():
    missing = [s.type for s in LAYERS.values() if s.min_inputs > 0 and not s.examples]
    assert not missing, f"add registry examples to: {missing}"


@pytest.mark.parametrize("spec, config, shapes", CASES)
def test_layer_writes_itself_for_both_targets(spec, config, shapes):
    layer, xs = built(spec, config, shapes)
    names = [f"x{i}" for i in range(len(xs))]
    assert layer.torch_module() is None or layer.torch_module().startswith("nn.")
    assert isinstance(layer.torch_call("self.node", names), str)
    assert isinstance(layer.onnx_nodes(OnnxGraph(), names), str)


@pytest.mark.parametrize("spec, config, shapes", CASES)
def test_pytorch_form_equals_the_engine(spec, config, shapes):
    torch = pytest.importorskip("torch")
    from torch import nn
    from torch.nn import functional
    layer, xs = built(spec, config, shapes)
    names = [f"x{i}" for i in range(len(xs))]
    scope = {"torch": torch, "nn": nn, "F": functional}
    source = layer.torch_module()
    module = None if source is None else eval(source, scope)
    if module is not None:
        state = {**layer.weights, **layer.buffers}
        assert list(module.state_dict()) == list(state)      # PyTorch's names and layouts
        module.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in state.items()})
        module.eval()
    scope.update({"m": module, **{n: torch.from_numpy(x) for n, x in zip(names, xs)}})
    with torch.no_grad():
        got = eval(layer.torch_call("m", names), scope).numpy()
    assert max_diff(got, layer.forward(xs, training=False)) <= TOLERANCE


@pytest.mark.parametrize("spec, config, shapes", CASES)
def test_onnx_form_equals_the_engine(spec, config, shapes):
    onnx = pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    from engine.export.onnx_model import to_proto
    layer, xs = built(spec, config, shapes)
    names = [f"x{i}" for i in range(len(xs))]
    graph = OnnxGraph()
    last = layer.onnx_nodes(graph, names)
    proto = to_proto(onnx, graph, spec.type, {n: x.shape[1:] for n, x in zip(names, xs)},
                     (last, layer.out_shape))
    got = onnx_run(proto, dict(zip(names, xs)))
    assert max_diff(got, layer.forward(xs, training=False)) <= TOLERANCE


def test_a_layer_without_an_export_is_refused_naming_its_node():
    class Unexported(Layer):
        pass
    layer = Unexported("odd one", {}, [(2,)])
    for write in (layer.torch_module, lambda: layer.onnx_nodes(OnnxGraph(), ["x"])):
        with pytest.raises(ExportError) as e:
            write()
        assert e.value.node_id == "odd one"
        assert "Unexported layer cannot be exported" in str(e.value)

"""Whole networks exported (issue 17): for every example in resources/examples, random graphs
from the compiler's hypothesis strategy, and ids that are no Python names, the generated
model.py's Model().eval() and the ONNX model in onnxruntime equal the engine's
forward(training=False) to 1e-5, Model() has the engine's state_dict keys, and the
weights.pt the PyTorch export writes restores the engine's weights through torch.load +
load_state_dict."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from engine import Network, compile_network
from engine.errors import GraphError
from engine.export.pytorch.model_code import RESERVED, python_names
from engine.export.pytorch.project import weights_pt
from tests.engine.test_compiler import random_chain
from tests.export.runners import (TOLERANCE, batch, max_diff, model_module, onnx_model_run,
                                  torch_model, torch_run)

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples")
                  .glob("*.nw.json"))


def trained_a_little(net):
    """The example compiled with its seed, its BatchNorm statistics moved off 0 and 1 by
    a few training passes (no weight update needed for the comparison)."""
    model = compile_network(net, seed=int(net.training.get("seed", 0)))
    for seed in range(3):
        model.forward(batch(model, 16, seed=100 + seed) * 2 + 0.5, training=True)
    return model


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name.split(".")[0] for p in EXAMPLES])
def test_example_exports_equal_the_engine(path):
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    net = Network.load(path)
    model = trained_a_little(net)
    x = batch(model, 32)
    want = model.forward(x, training=False)
    tm = torch_model(net, model)
    assert list(tm.state_dict()) == list(model.state_dict())
    assert max_diff(torch_run(tm, x), want) <= TOLERANCE
    assert max_diff(onnx_model_run(net, model, x), want) <= TOLERANCE


@pytest.mark.parametrize("path", EXAMPLES[:3] + [p for p in EXAMPLES if "cnn" in p.name])
def test_saved_state_dict_restores_the_engine_weights(path, tmp_path):
    torch = pytest.importorskip("torch")
    net = Network.load(path)
    model = trained_a_little(net)
    (tmp_path / "weights.pt").write_bytes(weights_pt(model))     # as --to pytorch writes it
    fresh = model_module(net, model).Model()
    fresh.load_state_dict(torch.load(tmp_path / "weights.pt"))
    restored = {k: v.numpy() for k, v in fresh.state_dict().items()}
    for key, value in model.state_dict().items():
        np.testing.assert_array_equal(restored[key], value, err_msg=key)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_chain())
def test_random_graphs_export_equal_the_engine(d):
    pytest.importorskip("torch")
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    net = Network.from_dict(d)
    try:
        model = compile_network(net, seed=0)
    except GraphError:                   # an invalid random graph: nothing to export
        return
    x = batch(model, 4)
    want = model.forward(x, training=False)
    assert max_diff(torch_run(torch_model(net, model), x), want) <= TOLERANCE
    assert max_diff(onnx_model_run(net, model, x), want) <= TOLERANCE


# ---- ids that are no Python names ----------------------------------------------------------
ODD_IDS = ["1x", "class", "a-b", "a.b", "forward", "training", "input", "output", "x", "F",
           "ﬁ", "a b", "_private", "a_b"]


def odd_id_network() -> Network:
    """A chain through nodes named by ODD_IDS, with a skip connection (Add) at the end."""
    ids = ODD_IDS[1:]
    nodes = [{"id": "1x", "type": "Input", "params": {"shape": [3]}}]
    nodes += [{"id": i, "type": "Dense" if k % 2 == 0 else "Tanh", "params": {"units": 3}
               if k % 2 == 0 else {}} for k, i in enumerate(ids[:-1])]
    nodes.append({"id": ids[-1], "type": "Add", "params": {}})
    chain = ["1x"] + ids
    edges = [{"from": a, "to": b} for a, b in zip(chain, chain[1:])]
    edges.append({"from": "1x", "to": ids[-1], "port": 1})
    return Network.from_dict({"format": "netwright-network", "name": "odd",
                              "nodes": nodes, "edges": edges})


def test_python_names_are_distinct_identifiers_and_keep_usable_ids():
    names = python_names(ODD_IDS)
    assert len(set(names.values())) == len(ODD_IDS)
    assert all(n.isidentifier() and n not in RESERVED for n in names.values())
    assert names["a_b"] == "a_b" and names["a-b"] != "a_b"     # the real id keeps its name
    assert names["x"] == "x" and names["_private"] != "_private"


def test_ids_that_are_no_python_names_keep_the_engine_state_dict_keys(tmp_path):
    torch = pytest.importorskip("torch")
    net = odd_id_network()
    model = compile_network(net, seed=1)
    tm = torch_model(net, model)
    assert list(tm.state_dict()) == list(model.state_dict())
    assert "a.b.weight" in tm.state_dict() and "class.bias" in tm.state_dict()
    (tmp_path / "weights.pt").write_bytes(weights_pt(model))
    fresh = model_module(net, model).Model()
    fresh.load_state_dict(torch.load(tmp_path / "weights.pt"))     # strict
    x = batch(model, 5)
    assert max_diff(torch_run(fresh.eval(), x), model.forward(x)) <= TOLERANCE


def test_ids_that_are_no_python_names_keep_their_keys_before_torch_2_5(monkeypatch):
    torch = pytest.importorskip("torch")
    monkeypatch.delattr(torch.nn.Module, "register_state_dict_post_hook")   # as in torch 2.4
    net = odd_id_network()
    model = compile_network(net, seed=2)
    tm = torch_model(net, model)                 # load_state_dict with the engine's keys
    assert list(tm.state_dict()) == list(model.state_dict())
    x = batch(model, 5)
    assert max_diff(torch_run(tm, x), model.forward(x)) <= TOLERANCE


def test_ids_that_are_no_python_names_export_to_onnx():
    pytest.importorskip("onnx")
    pytest.importorskip("onnxruntime")
    net = odd_id_network()
    model = compile_network(net, seed=1)
    x = batch(model, 5)
    assert max_diff(onnx_model_run(net, model, x), model.forward(x)) <= TOLERANCE


def test_reserved_names_cover_every_attribute_of_a_torch_module():
    torch = pytest.importorskip("torch")
    module = torch.nn.Module()
    public = {n for n in dir(module) if not n.startswith("_")}
    assert public <= RESERVED, sorted(public - RESERVED)

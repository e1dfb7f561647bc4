"""engine.graph.analysis: one pass over a network gives each node's shape, weight shapes and
counts, its problems and the output node; validation, the compiler and ``check`` read it
instead of working any of it out again."""
from pathlib import Path

import pytest

from engine.graph.analysis import Analysis, analyse
from engine.graph.compiler import compile_network, infer_shapes
from engine.graph.network import Network
from engine.graph.validation import validate

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "resources" / "examples")
                  .glob("*.nw.json"))


def net(nodes, edges) -> Network:
    return Network.from_dict({
        "nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes],
        "edges": [{"from": a, "to": b, **({"port": k} if k is not None else {})}
                  for a, b, k in edges]})


def words(shapes: dict) -> dict:
    """GraphErrors compare by identity: compare shapes and messages."""
    return {k: v if isinstance(v, tuple) else str(v) for k, v in shapes.items()}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_weights_known_without_building_equal_the_built_models(path):
    network = Network.load(path)
    analysis = analyse(network)
    model = compile_network(network, seed=0)
    assert analysis.problems == []
    assert analysis.order == [n.id for n in model.nodes]
    assert analysis.output == model.output_id
    assert analysis.total_params() == model.num_parameters()
    for node in model.nodes:
        facts, layer = analysis.nodes[node.id], node.layer
        assert facts.shape == layer.out_shape
        assert facts.weight_shapes == {k: w.shape for k, w in layer.weights.items()}
        assert facts.param_count == sum(w.size for w in layer.weights.values())
        weight = layer.weights.get("weight")
        assert facts.weight_ndim == (None if weight is None else weight.ndim)
        assert facts.frozen == (not layer.trainable and bool(layer.weights))


def test_a_broken_network_is_analysed_not_raised():
    n = net([("in", "Input", {"shape": [1, 6, 6]}), ("c", "Conv2D", {"filters": 3}),
             ("d", "Dense", {"units": 2}), ("lost", "ReLU", {}), ("x", "Nope", {})],
            [("in", "c", None), ("c", "d", None), ("ghost", "d", None)])
    analysis = analyse(n)
    assert words(analysis.shapes()) == words(infer_shapes(n))
    assert [str(e) for e in analysis.problems] == [str(e) for e in validate(n)]
    assert analysis.nodes["c"].shape == (3, 6, 6) and analysis.param_counts["c"] == 3 * 9 + 3
    assert analysis.nodes["c"].weight_shapes == {"weight": (3, 1, 3, 3), "bias": (3,)}
    assert analysis.nodes["d"].shape is None and analysis.nodes["d"].param_count is None
    assert any("insert a Flatten before 'd'" in m for m in analysis.messages["d"])
    assert analysis.known_shapes == {"in": (1, 6, 6), "c": (3, 6, 6)}
    assert set(analysis.messages) >= {"d", "lost", "x"}


def test_frozen_layers_and_layers_without_weights():
    n = net([("in", "Input", {"shape": [3]}), ("h", "Dense", {"units": 2, "trainable": False}),
             ("a", "ReLU", {})], [("in", "h", None), ("h", "a", None)])
    analysis = analyse(n)
    assert analysis.nodes["h"].frozen and analysis.nodes["h"].weight_ndim == 2
    assert analysis.nodes["a"].weight_shapes == {} and analysis.nodes["a"].param_count == 0
    assert analysis.nodes["a"].weight_ndim is None and not analysis.nodes["a"].frozen
    assert analysis.output == "a" and analysis.param_counts == {"in": 0, "h": 8, "a": 0}


def test_inputs_come_in_port_order_wherever_they_are_read():
    n = net([("in", "Input", {"shape": [2]}), ("a", "Dense", {"units": 3}),
             ("b", "Dense", {"units": 1}), ("cat", "Concat", {})],
            [("in", "a", None), ("in", "b", None), ("a", "cat", 1), ("b", "cat", 0)])
    assert n.inputs_of("cat") == ["b", "a"]
    assert analyse(n).graph.inputs["cat"] == ["b", "a"]
    assert compile_network(n).by_id["cat"].inputs == ["b", "a"]


def test_validation_and_compiling_each_index_the_graph_once(graph_indexings):
    n = Network.load(EXAMPLES[0])
    validate(n)
    assert len(graph_indexings) == 1
    compile_network(n)
    assert len(graph_indexings) == 2


def test_a_failed_analysis_stands_in_with_one_problem():
    failed = Analysis.failed("boom")
    assert failed.messages == {None: ["boom"]} and failed.node("x") is None
    assert failed.known_shapes == {} and failed.total_params() == 0

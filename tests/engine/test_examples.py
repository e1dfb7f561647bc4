"""The example networks: each loads, validates clean, compiles, round-trips unchanged, explains
itself, is laid out left to right, and shows the concept it is there for."""
from pathlib import Path

import numpy as np
import pytest

from engine.nn.layers import LAYERS
from engine.graph.compiler import compile_network, infer_shapes
from engine.graph.network import Network
from engine.graph.validation import validate

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
REQUIRED = {"xor_mlp", "xor_perceptron", "spiral", "circles_deep_sigmoid", "circles_deep_relu",
            "sine_regression", "iris", "breast_cancer", "digits_mlp", "digits_cnn", "residual",
            "conv_sobel", "shapes_cnn", "circles_features"}
PATHS = sorted(EXAMPLES.glob("*.nw.json"))


def load(name: str) -> Network:
    return Network.load(EXAMPLES / f"{name}.nw.json")


def test_every_required_example_exists():
    assert REQUIRED <= {p.name.removesuffix(".nw.json") for p in PATHS}


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_example_is_valid_compiles_and_round_trips(path, tmp_path):
    net = Network.load(path)
    assert validate(net) == []
    model = compile_network(net, seed=0)
    x = np.zeros((2, *model.input_shape), np.float32)
    assert model.forward(x).shape == (2, *model.output_shape)
    copy = tmp_path / path.name
    net.save(copy)
    assert Network.load(copy).to_dict() == net.to_dict()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_example_explains_itself_in_one_paragraph(path):
    net = Network.load(path)
    assert 200 <= len(net.description) <= 1200 and "\n" not in net.description
    assert net.name and net.name != "Untitled"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_example_is_laid_out_left_to_right(path):
    net = Network.load(path)
    x = {n["id"]: n["ui"]["x"] for n in net.nodes}
    assert all(x[e["from"]] < x[e["to"]] for e in net.edges)
    spots = [(n["ui"]["x"], n["ui"]["y"]) for n in net.nodes]
    assert len(set(spots)) == len(spots)             # no two nodes on top of each other


def param_count(net: Network) -> int:
    return compile_network(net).num_parameters()


def test_the_cnn_uses_fewer_parameters_than_the_mlp_on_the_same_digits():
    mlp, cnn = load("digits_mlp"), load("digits_cnn")
    assert mlp.training["dataset"] == cnn.training["dataset"]
    assert param_count(cnn) < param_count(mlp)
    categories = [LAYERS[n["type"]].category for n in cnn.nodes]
    assert {"Convolution", "Pooling"} <= set(categories)   # feature extractor + classifier
    assert categories.index("Convolution") < categories.index("Core")


def test_the_deep_sigmoid_and_relu_nets_differ_only_in_their_activations():
    sig, relu = load("circles_deep_sigmoid"), load("circles_deep_relu")
    assert sig.training == relu.training and sig.edges == relu.edges
    swapped = [{**n, "type": "ReLU"} if n["type"] == "Sigmoid" and n["id"] != "p" else n
               for n in sig.nodes]
    assert swapped == relu.nodes
    assert sum(n["type"] == "Sigmoid" for n in sig.nodes) >= 5


def test_the_perceptron_has_no_hidden_layer_and_the_mlp_has_one():
    assert [n["type"] for n in load("xor_perceptron").nodes] == ["Input", "Dense", "Sigmoid"]
    shapes = infer_shapes(load("xor_mlp"))
    assert shapes["h1"] == (4,) and shapes["out"] == (1,)


def test_the_sobel_example_freezes_hand_made_filters():
    convs = [n for n in load("conv_sobel").nodes if n["type"] == "Conv2D"]
    assert any(n["params"]["init"] == "sobel" and n["params"]["trainable"] is False
               for n in convs)


def test_the_residual_example_has_a_skip_into_an_add():
    net = load("residual")
    adds = [n["id"] for n in net.nodes if n["type"] == "Add"]
    assert adds and len(net.inputs_of(adds[0])) == 2


def test_the_sine_example_has_outliers_and_a_regression_loss():
    t = load("sine_regression").training
    assert t["dataset"]["params"]["outliers"] > 0 and t["loss"] == "mae"


# ---- the descriptions' promises, measured ----------------------------------------------------
def final_epoch(net: Network, seed: int):
    from engine.training.messages import EpochEvent
    from engine.training.trainer import Trainer
    last = None
    for event in Trainer(net, seed=seed).run():
        if isinstance(event, EpochEvent):
            last = event
    return last


def test_the_perceptron_fails_as_its_description_says():
    """Loss at ln 2 and accuracy around chance, in the range of seeds 0-9 the text gives
    (it promised 50-75 %; runs gave 36-69 %)."""
    import math
    import re
    net = load("xor_perceptron")
    ends = [final_epoch(load("xor_perceptron"), seed) for seed in range(10)]
    assert all(abs(e.val_loss - math.log(2)) < 0.04 for e in ends)
    accuracy = [round(100 * e.metrics["val_accuracy"]) for e in ends]
    low, high = map(int, re.search(r"reads (\d+)% to (\d+)% over seeds 0 to 9",
                                   net.description).groups())
    assert (min(accuracy), max(accuracy)) == (low, high)


def test_the_sobel_example_has_four_different_filters_and_maps():
    # Its four filters were the two Sobel kernels twice: the maps came in identical pairs.
    from engine.data import load_dataset
    net = load("conv_sobel")
    model = compile_network(net, seed=0)
    weight = model.by_id["sobel"].layer.weights["weight"]
    digits = load_dataset(net.training["dataset"], 0).x_val[:8]
    model.forward(digits, training=False)
    maps = model.outputs["sobel"]
    for i in range(4):
        for j in range(i):
            assert not np.allclose(weight[i], weight[j])
            assert not np.allclose(maps[:, i], maps[:, j])


def test_the_sobel_example_trains_as_its_description_says():
    """About 94 % with the frozen hand-made filters, a little better (about 96 %) learned."""
    hand = final_epoch(load("conv_sobel"), 0).metrics["val_accuracy"]
    learned_net = load("conv_sobel")
    learned_net.node("sobel")["params"].update(init="he_uniform", trainable=True)
    learned = final_epoch(learned_net, 0).metrics["val_accuracy"]
    assert abs(hand - 0.94) <= 0.015 and abs(learned - 0.96) <= 0.015 and learned > hand
    assert "about 94%" in load("conv_sobel").description
    assert "about 96%" in load("conv_sobel").description

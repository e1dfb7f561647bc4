"""The Features layer's own promises, beyond the registry-driven gradient, PyTorch and export
checks: what its output holds and in which order, its shape without data, the card's line,
and the problems it names."""
from pathlib import Path

import numpy as np
import pytest

from engine.errors import ShapeError
from engine.graph.network import Network
from engine.graph.validation import validate
from engine.nn.layers import LAYERS

SPEC = LAYERS["Features"]
EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / \
    "circles_features.nw.json"


def built(config, n=3):
    return SPEC.cls("f", SPEC.complete(config), [(n,)])


def test_output_is_x_then_squares_then_pair_products_then_sines():
    x = np.array([[1.0, 2.0, 3.0]], np.float32)
    out = built({"square": True, "products": True, "sine": True}).forward([x], False)
    expected = [1, 2, 3, 1, 4, 9, 2, 3, 6, *np.sin([1.0, 2.0, 3.0])]
    np.testing.assert_allclose(out[0], expected, rtol=1e-6)
    assert out.dtype == np.float32


@pytest.mark.parametrize("config, n, size", [
    ({}, 2, 4), ({"square": False, "products": True}, 4, 4 + 6),
    ({"products": True, "sine": True}, 784, 784 * 3 + 784 * 783 // 2)])
def test_output_shape_needs_no_data(config, n, size):
    assert SPEC.cls.output_shape(SPEC.complete(config), [(n,)]) == (size,)
    assert SPEC.cls.param_count(SPEC.complete(config), [(n,)]) == 0


def test_an_image_input_is_refused_with_the_fix():
    with pytest.raises(ShapeError, match="insert a Flatten"):
        SPEC.cls.output_shape(SPEC.complete({}), [(1, 8, 8)])


def test_the_card_says_what_the_output_holds():
    assert SPEC.cls.summary(SPEC.complete({})) == "x + x²"
    assert SPEC.cls.summary(SPEC.complete({"products": True, "sine": True})) == \
        "x + x² + xᵢxⱼ + sin x"
    assert "nothing ticked" in SPEC.cls.summary(SPEC.complete({"square": False}))


def test_nothing_ticked_is_a_problem_on_the_node():
    net = Network.load(EXAMPLE)
    net.set_param("sq", "square", False)
    problems = [(p.node_id, str(p)) for p in validate(net)]
    assert any(node == "sq" and "tick at least one" in text for node, text in problems)

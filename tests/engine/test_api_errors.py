"""Bad data given to the public API raises a ValueError that says what is wrong and where
(the layer, the expected and the given shapes; the loss and the output node), never a
bare NumPy broadcasting error."""
import numpy as np
import pytest

from engine import compile_network
from engine.nn.layers import LAYERS
from engine.errors import ShapeError

MLP = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [4]}},
                 {"id": "h", "type": "Dense", "params": {"units": 5}},
                 {"id": "out", "type": "Dense", "params": {"units": 3}}],
       "edges": [{"from": "in", "to": "h"}, {"from": "h", "to": "out"}]}

CNN = {"nodes": [{"id": "img", "type": "Input", "params": {"shape": [1, 8, 8]}},
                 {"id": "c", "type": "Conv2D", "params": {"filters": 2}},
                 {"id": "f", "type": "Flatten"},
                 {"id": "out", "type": "Dense", "params": {"units": 2}},
                 {"id": "p", "type": "Softmax"}],
       "edges": [{"from": "img", "to": "c"}, {"from": "c", "to": "f"},
                 {"from": "f", "to": "out"}, {"from": "out", "to": "p"}]}


@pytest.fixture
def mlp():
    return compile_network(MLP)


@pytest.fixture
def cnn():
    return compile_network(CNN)


def _call(model, how, x, y=None):
    if how == "forward":
        return model.forward(x)
    return model.loss_and_grads(x, np.zeros((len(x), 3), np.float32) if y is None else y)


@pytest.mark.parametrize("how", ["forward", "loss_and_grads"])
@pytest.mark.parametrize("x, given", [
    (np.zeros((8, 5)), "(8, 5)"),            # one feature too many
    (np.zeros((8, 4, 1)), "(8, 4, 1)"),      # an extra axis
    (np.zeros((8, 2, 2)), "(8, 2, 2)"),      # right size, wrong shape
], ids=["features", "extra-axis", "reshaped"])
def test_wrong_input_shape_names_the_layer_and_both_shapes(mlp, how, x, given):
    with pytest.raises(ValueError) as info:
        _call(mlp, how, x)
    text = str(info.value)
    assert "'in'" in text and "(N, 4)" in text and given in text


def test_a_single_example_without_batch_axis_is_refused_clearly(mlp):
    with pytest.raises(ValueError, match=r"'in'.*\(N, 4\).*\(4,\)"):
        mlp.forward(np.zeros(4))


def test_flat_rows_given_to_an_image_network_name_the_image_shape(cnn):
    with pytest.raises(ValueError, match=r"'img'.*\(N, 1, 8, 8\).*\(2, 64\)"):
        cnn.forward(np.zeros((2, 64), np.float32))


@pytest.mark.parametrize("how", ["forward", "loss_and_grads"])
@pytest.mark.parametrize("x", [
    np.array([["a", "b", "c", "d"]]),
    np.array([[None, 1, 2, 3]], dtype=object),
    np.zeros((2, 4), np.complex64),
    None,
], ids=["strings", "objects", "complex", "none"])
def test_non_numeric_input_names_the_layer_and_the_dtype(mlp, how, x):
    with pytest.raises(ValueError, match=r"'in'.*numbers"):
        _call(mlp, how, x, y=np.zeros((1, 3)))


def test_ragged_rows_are_refused_naming_the_layer(mlp):
    with pytest.raises(ValueError, match=r"'in'.*\(N, 4\)"):
        mlp.forward([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0]])


@pytest.mark.parametrize("how", ["forward", "loss_and_grads"])
def test_an_empty_batch_is_refused_naming_the_layer(cnn, how):
    with pytest.raises(ValueError, match=r"'img'.*empty batch \(0, 1, 8, 8\)"):
        _call(cnn, how, np.zeros((0, 1, 8, 8)), y=np.zeros(0, int))


def test_numeric_input_of_any_real_dtype_is_accepted_as_float32(mlp):
    for dtype in (np.float64, np.int64, np.uint8, np.float16):
        assert mlp.forward(np.ones((2, 4), dtype)).dtype == np.float32
    assert mlp.forward([[1, 2, 3, 4]]).shape == (1, 3)       # nested lists too


@pytest.mark.parametrize("loss, y", [
    ("mse", np.zeros((8, 2))),
    ("mse", np.zeros((7, 3))),
    ("cross_entropy", np.zeros((8, 5))),
    ("cross_entropy", np.full(8, 3)),
    ("bce", np.zeros((8, 1))),
], ids=["mse-columns", "mse-rows", "ce-onehot-width", "ce-class-range", "bce-width"])
def test_wrong_target_names_the_loss_and_the_output_node(mlp, loss, y):
    with pytest.raises(ValueError) as info:
        mlp.loss_and_grads(np.zeros((8, 4), np.float32), y, loss=loss)
    text = str(info.value)
    assert f"loss {loss!r}" in text and "'out'" in text


def test_wrong_target_of_a_fused_softmax_still_names_the_output_node(cnn):
    with pytest.raises(ValueError, match=r"loss 'cross_entropy'.*'p'"):
        cnn.loss_and_grads(np.zeros((3, 1, 8, 8)), np.array([0, 1]), loss="cross_entropy")


def test_non_numeric_target_names_the_loss(mlp):
    with pytest.raises(ValueError, match=r"loss 'mse'.*'out'"):
        mlp.loss_and_grads(np.zeros((2, 4)), np.array([["a"] * 3] * 2), loss="mse")


def test_unknown_loss_lists_the_known_ones(mlp):
    with pytest.raises(ValueError, match=r"unknown loss 'hinge'.*cross_entropy"):
        mlp.loss_and_grads(np.zeros((2, 4)), np.zeros((2, 3)), loss="hinge")


def test_a_failed_call_leaves_the_model_usable(mlp):
    with pytest.raises(ValueError):
        mlp.loss_and_grads(np.zeros((8, 4)), np.zeros((8, 2)), loss="mse")
    assert np.isfinite(mlp.loss_and_grads(np.ones((8, 4)), np.zeros((8, 3)), loss="mse"))


# ---- shape errors the canvas shows on a wire (raised without data, by output_shape) ----


def _shape_of(type_name, *shapes):
    spec = LAYERS[type_name]
    return spec.cls.output_shape(spec.complete({}), list(shapes))


def test_add_names_the_mismatching_inputs_by_position_and_shape():
    assert _shape_of("Add", (4,), (4,), (4,)) == (4,)
    with pytest.raises(ShapeError, match=r"input 0 is \[4\] but input 2 is \[5\]"):
        _shape_of("Add", (4,), (4,), (5,))


def test_concat_names_the_axes_that_must_match():
    assert _shape_of("Concat", (2, 5, 5), (3, 5, 5)) == (5, 5, 5)
    assert _shape_of("Concat", (2,), (3,), (1,)) == (6,)
    with pytest.raises(ShapeError, match=r"height must match.*\[2, 5, 5\].*input 1.*\[3, 4, 5\]"):
        _shape_of("Concat", (2, 5, 5), (3, 4, 5))
    with pytest.raises(ShapeError, match=r"height and width"):
        _shape_of("Concat", (2, 5, 5), (3, 4, 4))
    with pytest.raises(ShapeError, match=r"number of axes.*\[2, 5, 5\].*\[10\]"):
        _shape_of("Concat", (2, 5, 5), (10,))


@pytest.mark.parametrize("type_name", ["Add", "Concat"])
def test_merge_layers_refuse_a_single_input(type_name):
    with pytest.raises(ShapeError, match="2 or more inputs, got 1"):
        _shape_of(type_name, (4,))


def test_batchnorm_refuses_shapes_other_than_features_or_images():
    with pytest.raises(ShapeError, match=r"BatchNorm needs \[features\].*got \[3, 4\]"):
        _shape_of("BatchNorm", (3, 4))


def test_batchnorm_training_on_one_value_per_channel_says_what_to_do():
    net = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [3]}},
                     {"id": "bn", "type": "BatchNorm"}],
           "edges": [{"from": "in", "to": "bn"}]}
    model = compile_network(net)
    with pytest.raises(ValueError, match=r"'bn'.*batch size of at least 2"):
        model.forward(np.zeros((1, 3)), training=True)
    assert model.forward(np.zeros((1, 3))).shape == (1, 3)     # eval is fine

"""The layer registry is complete and self-consistent: help for the palette and inspector,
defaults that validate, ranges that refuse bad values by name, parameter counts that match
the built layers, and activation curves that match the layers' own maths."""
import math

import numpy as np
import pytest

from engine.nn.layers import LAYERS
from engine.schema import Param
from engine.nn.registry import CATEGORIES, register

SPECS = LAYERS.in_order()
PARAMS = [pytest.param(spec, p, id=f"{spec.type}.{p.name}") for spec in SPECS
          for p in spec.params]


def _ids(specs):
    return [s.type for s in specs]


@pytest.mark.parametrize("spec", SPECS, ids=_ids(SPECS))
def test_every_layer_type_has_help_a_known_category_and_sane_input_counts(spec):
    assert len(spec.help.split()) >= 6, "help should be a sentence a learner can read"
    assert spec.category in CATEGORIES
    assert spec.min_inputs >= 0
    assert spec.max_inputs is None or spec.max_inputs >= spec.min_inputs
    assert LAYERS[spec.type] is spec and (spec.type in LAYERS)


@pytest.mark.parametrize("spec, param", PARAMS)
def test_every_param_has_help_and_a_default_that_validates(spec, param):
    assert len(param.help.split()) >= 3
    assert param.validate(param.default) == param.default
    assert spec.complete({}) == {p.name: p.validate(p.default) for p in spec.params}


def _out_of_range(param):
    """Values just outside the range of a numeric param (empty if it is unbounded)."""
    step = 1 if param.kind == "int" else 1e-6
    bad = []
    if param.min is not None:
        bad.append(param.min if param.min_exclusive else param.min - step)
    if param.max is not None:
        bad.append(param.max if param.max_exclusive else param.max + step)
    return bad


@pytest.mark.parametrize("spec, param", PARAMS)
def test_validate_refuses_a_bad_value_naming_the_param(spec, param):
    bad = {"int": _out_of_range(param) + [1.5, "3", True, float("inf"), float("nan")],
           "float": _out_of_range(param) + ["x", float("nan"), float("inf"), None],
           "bool": [1, "yes", None], "choice": ["no such choice", 3],
           "shape": [[], [0], [1, 2, 3, 4], "28"], "padding": ["full", -1, 1.5],
           "str": [3, None]}[param.kind]
    for value in bad:
        with pytest.raises(ValueError, match=param.name):
            param.validate(value)
        with pytest.raises(ValueError, match=param.name):
            spec.complete({param.name: value})


def test_range_text_and_messages_read_as_plain_words():
    p = Param("rate", "float", 0.5, "Fraction dropped.", min=0.0, max=1.0, max_exclusive=True)
    assert p.range_text() == "at least 0 and below 1"
    with pytest.raises(ValueError, match="rate must be at least 0 and below 1, got 1"):
        p.validate(1.0)
    assert Param("n", "int", 1, "How many.", min=1).range_text() == "at least 1"


@pytest.mark.parametrize("spec", SPECS, ids=_ids(SPECS))
def test_complete_refuses_unknown_param_names(spec):
    with pytest.raises(ValueError, match="unknown parameter 'colour'"):
        spec.complete({"colour": "red"})


def test_unknown_type_lists_the_known_ones():
    with pytest.raises(KeyError, match="Dense"):
        LAYERS["Dense3D"]
    assert "Dense3D" not in LAYERS


def test_register_refuses_duplicates_and_unknown_categories():
    with pytest.raises(ValueError, match="registered twice"):
        register("Core", "again")(type("Dense", (), {}))
    with pytest.raises(ValueError, match="unknown category"):
        register("Magic", "no")


def test_by_category_lists_every_type_once_in_category_order():
    groups = LAYERS.by_category()
    assert list(groups) == [c for c in CATEGORIES if c in groups]
    assert sorted(s.type for g in groups.values() for s in g) == sorted(_ids(SPECS))
    for wanted in ["Input", "Dense", "Flatten", "Dropout", "BatchNorm", "Sigmoid", "Tanh",
                   "ReLU", "LeakyReLU", "ELU", "Softmax", "Add", "Concat"]:
        assert (wanted in LAYERS)


def test_merge_layers_take_two_or_more_inputs():
    for name in ("Add", "Concat"):
        spec = LAYERS[name]
        assert (spec.min_inputs, spec.max_inputs) == (2, None)
        assert spec.inputs_text() == "2 or more"


EXAMPLES = [pytest.param(spec, params, shapes, id=f"{spec.type}-{i}")
            for spec in SPECS for i, (params, shapes) in enumerate(spec.examples)]


@pytest.mark.parametrize("spec, params, shapes", EXAMPLES)
def test_param_count_without_data_equals_the_built_layer(spec, params, shapes):
    full = spec.complete(params)
    layer = spec.cls("x", full, shapes)
    layer.init_weights(np.random.default_rng(0))
    assert spec.cls.param_count(full, shapes) == sum(p.size for p in layer.weights.values())
    for k, shape in spec.cls.weight_shapes(full, shapes).items():
        assert layer.weights[k].shape == shape and layer.weights[k].dtype == np.float32
        assert layer.grads[k].shape == shape


ACTIVATIONS = [s for s in SPECS if s.category == "Activation"]


@pytest.mark.parametrize("spec", ACTIVATIONS, ids=_ids(ACTIVATIONS))
def test_activation_layers_say_whether_the_gui_can_plot_a_curve(spec):
    assert isinstance(spec.cls.elementwise, bool)
    assert spec.cls.elementwise == hasattr(spec.cls, "curve")
    assert spec.cls.elementwise or spec.type == "Softmax"


ELEMENTWISE = [s for s in ACTIVATIONS if s.cls.elementwise]


@pytest.mark.parametrize("spec", ELEMENTWISE, ids=_ids(ELEMENTWISE))
def test_curve_is_the_layers_own_function_and_derivative(spec):
    x = np.linspace(-4, 4, 801) + 0.0025        # no point exactly at a kink
    f, df = spec.cls.curve(x)
    assert f.shape == df.shape == x.shape
    layer = spec.cls("a", spec.complete({}), [(len(x),)])
    np.testing.assert_allclose(f, layer.forward([x[None].astype(np.float32)], False)[0],
                               rtol=1e-5, atol=1e-6)
    h = 1e-5
    numeric = (spec.cls.curve(x + h)[0] - spec.cls.curve(x - h)[0]) / (2 * h)
    np.testing.assert_allclose(df, numeric, rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize("name, lo, hi, max_slope", [
    ("Sigmoid", 0.0, 1.0, 0.25), ("Tanh", -1.0, 1.0, 1.0), ("ELU", -1.0, math.inf, 1.0)])
def test_curves_show_the_ranges_and_slopes_the_help_text_promises(name, lo, hi, max_slope):
    f, df = LAYERS[name].cls.curve(np.linspace(-30, 30, 2001))
    assert lo <= f.min() and f.max() <= hi
    assert df.max() == pytest.approx(max_slope, rel=1e-3) and df.min() >= 0


def test_relu_derivative_at_zero_is_zero_as_pytorch():
    relu = LAYERS["ReLU"].cls
    assert relu.curve(np.array([0.0]))[1][0] == 0.0
    assert relu.curve(np.array([-1.0, 2.0]), {})[1].tolist() == [0.0, 1.0]
    leaky = LAYERS["LeakyReLU"].cls
    assert leaky.curve(np.array([-2.0]), {"negative_slope": 0.2})[0][0] == pytest.approx(-0.4)


def test_a_config_whose_name_is_not_text_is_refused_with_a_message():
    from engine.optim.optimizers import validate_optimizer_config
    from engine.optim.schedulers import validate_scheduler_config
    for validate in (validate_optimizer_config, validate_scheduler_config):
        with pytest.raises(ValueError, match="unknown"):
            validate({"name": ["adam"]})

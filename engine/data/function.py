"""A regression set from a formula the learner types: y = f(x) (or f(x1, x2, ...)) at random
inputs in [low, high], with noise and outliers as in the ``sine`` set. The formula is parsed
safely (engine/data/expression.py) when the file is checked, so a bad one is named there."""
from __future__ import annotations

import numpy as np

from engine.data.dataset import DatasetInfo, register_dataset, samples_param
from engine.data.expression import (Expression, ExpressionError, check_expression, evaluate,
                                    parse_expression)
from engine.data.toy import noise_param
from engine.errors import DataError
from engine.schema import Param

NAME = "function"
RANGE_LIMIT = 1e6
_GRID_POINTS = 4096      # inputs tried at check time: a formula undefined in the range is named


def _fail(message: str) -> DataError:
    return DataError(f"dataset {NAME!r}: {message}")


def _parsed(params: dict) -> Expression:
    try:
        expression = parse_expression(params["expression"])
    except ExpressionError as e:
        raise _fail(f"expression: {e}") from None
    if not params["low"] < params["high"]:
        raise _fail(f"low ({params['low']:g}) must be below high ({params['high']:g})")
    return expression


def _grid(expression: Expression, low: float, high: float) -> dict[str, np.ndarray]:
    """Evenly spaced inputs over the whole range (its ends included), every input at once."""
    k = len(expression.variables)
    per_axis = int(round(_GRID_POINTS ** (1.0 / k))) | 1    # odd: the middle (often 0) too
    axes = np.meshgrid(*[np.linspace(low, high, per_axis)] * k, indexing="ij")
    return {v: a.ravel() for v, a in zip(expression.variables, axes)}


def _check_finite(expression: Expression, inputs: dict[str, np.ndarray], y: np.ndarray):
    bad = ~np.isfinite(y)
    if bad.any():
        i = int(np.argmax(bad))
        where = ", ".join(f"{v} = {inputs[v][i]:.4g}" for v in expression.variables)
        raise _fail(f"{expression.text} is not a finite number at {where} (undefined there, "
                    f"or too big): change the formula or the range low..high")
    if np.abs(y).max() > 1e30:
        raise _fail(f"{expression.text} reaches {np.abs(y).max():.3g} in the range: too big "
                    f"to train on; change the formula or the range low..high")


def _describe(params: dict) -> DatasetInfo:
    expression = _parsed(params)
    grid = _grid(expression, params["low"], params["high"])
    _check_finite(expression, grid, evaluate(expression, grid))
    return DatasetInfo(name=NAME, task="regression",
                       feature_shape=(len(expression.variables),), target_dim=1,
                       feature_names=expression.variables, standardized=False)


@register_dataset(
    NAME, "Points on a formula you type, such as sin(3*x) + 0.3*x or x1*x2 (the inputs are "
    "the names it uses), with noise; 'outliers' throws a fraction far off it.",
    [Param("expression", "str", "sin(3*x) + 0.3*x", "The formula of y: numbers, inputs such "
           "as x or x1, x2 (at most 4), + - * / ** ( ), the functions sin cos tan exp log "
           "sqrt abs tanh sinh cosh arcsin arccos arctan sigmoid relu sign floor round, and "
           "pi, e. At most 200 characters.", check=check_expression),
     Param("low", "float", -2.0, "Smallest value of each input.", min=-RANGE_LIMIT,
           max=RANGE_LIMIT),
     Param("high", "float", 2.0, "Largest value of each input (above low).",
           min=-RANGE_LIMIT, max=RANGE_LIMIT),
     samples_param(300),
     noise_param(0.1, help="Standard deviation of the random error added to every y: the "
                 "scatter around the formula."),
     Param("outliers", "float", 0.0, "Fraction of points moved far off the formula (2 to 4 "
           "units up or down).", min=0.0, max=0.5)],
    "regression", "regression", _describe)
def load_function(params: dict, rng: np.random.Generator):
    expression = _parsed(params)
    n, k = params["samples"], len(expression.variables)
    x = rng.uniform(params["low"], params["high"], size=(n, k))
    inputs = {v: x[:, i] for i, v in enumerate(expression.variables)}
    clean = np.broadcast_to(evaluate(expression, inputs), (n,))
    _check_finite(expression, inputs, clean)
    y = clean[:, None] + params["noise"] * rng.standard_normal((n, 1))
    n_out = int(round(params["outliers"] * n))       # as the sine set: 2 to 4 units off
    moved = rng.choice(n, size=n_out, replace=False)
    y[moved, 0] += rng.choice([-1.0, 1.0], size=n_out) * rng.uniform(2.0, 4.0, size=n_out)
    return x, y

"""The sine set's outliers (one-sided on request, as before by default), the true curve the
fitted-curve probe carries, and the sine example's promise: MSE lifts the fit towards
one-sided outliers, MAE does not."""
from pathlib import Path

import numpy as np
import pytest

from engine.data import load_dataset
from engine.graph.network import Network
from engine.training.messages import CurveProbe, ProbeEvent, ProbeRequest
from engine.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "sine_regression.nw.json"


def sine(**params) -> tuple[np.ndarray, np.ndarray]:
    ds = load_dataset({"name": "sine", "params": {"samples": 400, "outliers": 0.1, **params},
                       "validation_split": 0.0}, seed=3)
    return ds.x_train[:, 0], ds.y_train[:, 0]


def test_one_sided_outliers_all_lie_on_their_side():
    for side, sign in (("up", 1), ("down", -1)):
        x, y = sine(outlier_side=side)
        far = np.abs(y - np.sin(x)) > 1.5
        assert far.sum() == 40 and np.all(np.sign(y[far] - np.sin(x[far])) == sign)


def test_both_sides_is_the_default_and_draws_what_it_always_drew():
    """Old files (no outlier_side) get the very points the loader made before the option."""
    x, y = sine()
    assert np.array_equal((x, y), sine(outlier_side="both"))
    rng = np.random.default_rng(3)                # the loader as it was, draw for draw
    old_x = rng.uniform(-3.0, 3.0, size=(400, 1))
    old_y = np.sin(old_x) + 0.1 * rng.standard_normal((400, 1))
    moved = rng.choice(400, size=40, replace=False)
    old_y[moved, 0] += rng.choice([-1.0, 1.0], size=40) * rng.uniform(2.0, 4.0, size=40)
    assert sorted(x.tolist()) == sorted(old_x[:, 0].astype(np.float32).tolist())
    assert sorted(y.tolist()) == sorted(old_y[:, 0].astype(np.float32).tolist())
    up = np.abs(y - np.sin(x)) > 1.5
    assert 0 < np.sum(y[up] > np.sin(x[up])) < 40     # both sides


def test_an_unknown_side_is_refused_by_name():
    from engine.errors import DataError
    with pytest.raises(DataError, match="outlier_side must be one of both, up, down"):
        sine(outlier_side="left")


def _fit(loss: str) -> tuple[Trainer, CurveProbe]:
    network = Network.load(EXAMPLE).to_dict()
    network["training"]["loss"] = loss
    trainer = Trainer(network)
    for _event in trainer.run():
        pass
    trainer.set_probes(ProbeRequest({"grid": 201}))
    run = trainer.run()                 # a finished run ends at once, with a last probe
    probe = next(e for e in run if isinstance(e, ProbeEvent))
    run.close()
    return trainer, probe.get("grid")


def test_the_curve_probe_carries_the_true_sine_and_the_validation_points():
    trainer, curve = _fit("mae")
    np.testing.assert_allclose(curve.true_ys[:, 0], np.sin(curve.xs), atol=1e-6)
    assert len(curve.val_x) == len(trainer.dataset.x_val) > 0
    assert len(curve.points_x) == len(trainer.dataset.x_train)


def test_mse_lifts_the_fit_towards_one_sided_outliers_and_mae_does_not():
    """What sine_regression promises: one point in ten sits 2 to 4 above the curve; the MSE
    fit is lifted by about their mean pull (0.1 x 3), the MAE fit stays on the sine."""
    offsets, errors = {}, {}
    for loss in ("mae", "mse"):
        _trainer, curve = _fit(loss)
        inside = np.abs(curve.xs) <= 3
        error = curve.ys[inside, 0] - curve.true_ys[inside, 0]
        offsets[loss], errors[loss] = error.mean(), np.sqrt(np.mean(error ** 2))
    assert offsets["mse"] > 0.2 and abs(offsets["mae"]) < 0.12
    assert errors["mse"] > 2.5 * errors["mae"]

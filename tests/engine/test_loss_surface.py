"""The loss surface around the weights and the optimizer's path (engine/loss_surface.py)."""
import threading
import time

import numpy as np
import pytest

from engine.training import loss_surface as ls
from engine.graph.compiler import compile_network
from engine.training.messages import ProbeEvent, ProbeRequest
from engine.nn.losses import get_loss
from engine.graph.network import Network
from engine.training.trainer import Trainer
from engine.training.weight_path import WeightTrail, principal_directions
from tests.probing import probe_after

EXAMPLES = "resources/examples"


def _linear_model(seed=0):
    net = Network.from_dict({
        "format": "netwright-network", "version": 1,
        "nodes": [{"id": "in", "type": "Input", "params": {"shape": [3]}},
                  {"id": "out", "type": "Dense", "params": {"units": 1}}],
        "edges": [{"from": "in", "to": "out"}]})
    return compile_network(net, seed=seed)


def _regression_data(n=200):
    rng = np.random.default_rng(1)
    x = rng.standard_normal((n, 3)).astype(np.float32)
    y = (x @ np.array([[1.5], [-2.0], [0.5]], dtype=np.float32) + 0.3).astype(np.float32)
    return x, y


def _fit_exactly(model, x, y):
    """Least squares: the mse optimum of a single Dense layer."""
    xb = np.concatenate([x, np.ones((len(x), 1), np.float32)], axis=1)
    sol, *_ = np.linalg.lstsq(xb.astype(np.float64), y.astype(np.float64), rcond=None)
    layer = model.by_id["out"].layer
    layer.weights["weight"][...] = sol[:3].T
    layer.weights["bias"][...] = sol[3]


def test_centre_is_the_current_loss_and_weights_are_restored_bitwise():
    model = _linear_model()
    x, y = _regression_data()
    mse = get_loss("mse")
    before = model.state_dict()
    dirs = ls.make_directions(model, seed=3)
    grid = ls.surface(model, x, y, mse, dirs, span=0.5, res=11)
    after = model.state_dict()
    assert all(np.array_equal(before[k], after[k]) for k in before)
    assert grid.losses.shape == (11, 11) and grid.losses.dtype == np.float32
    current, _ = mse.value_and_grad(model.forward(x), y)
    assert grid.losses[5, 5] == pytest.approx(current, rel=1e-5)
    assert grid.alphas[5] == pytest.approx(0.0, abs=1e-6)


def test_convex_case_has_its_minimum_in_the_middle_and_rises_outward():
    model = _linear_model()
    x, y = _regression_data()
    _fit_exactly(model, x, y)
    dirs = ls.make_directions(model, seed=0)
    losses = ls.surface(model, x, y, get_loss("mse"), dirs, span=1.0, res=9).losses
    c = 4
    assert np.unravel_index(np.argmin(losses), losses.shape) == (c, c)
    # Along every line through the optimum (row, column, diagonals) the loss rises outward.
    for line in (losses[c], losses[:, c], np.diag(losses), np.diag(losses[::-1])):
        assert np.all(np.diff(line[:c + 1]) < 0) and np.all(np.diff(line[c:]) > 0)


def test_directions_are_filter_normalised_and_skip_biases():
    model = _linear_model()
    w = model.by_id["out"].layer.weights["weight"]
    dirs = ls.make_directions(model, seed=0)
    d = dirs.d1["out.weight"]
    assert np.linalg.norm(d, axis=1) == pytest.approx(np.linalg.norm(w, axis=1), rel=1e-5)
    assert not np.any(dirs.d1["out.bias"]) and not np.any(dirs.d2["out.bias"])


def test_projection_gives_back_the_coordinates():
    model = _linear_model()
    dirs = ls.make_directions(model, seed=5)
    for k, (p, _g) in model.parameters().items():
        p[...] = dirs.origin[k] + 0.7 * dirs.d1[k] - 0.25 * dirs.d2[k]
    a, b = ls.project(model, dirs)
    assert (a, b) == pytest.approx((0.7, -0.25), abs=1e-4)


def test_deterministic_for_a_seed_and_different_across_seeds():
    x, y = _regression_data()
    grids = []
    for seed in (7, 7, 8):
        model = _linear_model()
        dirs = ls.make_directions(model, seed=seed)
        grids.append(ls.surface(model, x, y, get_loss("mse"), dirs, res=5).losses)
    assert np.array_equal(grids[0], grids[1])
    assert not np.array_equal(grids[0], grids[2])


def test_bad_arguments_say_what_is_wrong():
    model = _linear_model()
    x, y = _regression_data()
    dirs = ls.make_directions(model)
    with pytest.raises(ValueError, match="res must be"):
        ls.surface(model, x, y, get_loss("mse"), dirs, res=1)
    with pytest.raises(ValueError, match="span must be"):
        ls.surface(model, x, y, get_loss("mse"), dirs, span=-1)


def test_costly_models_get_a_coarser_grid_within_the_budget():
    def cheap(n):
        return 1e-5 + 1e-7 * n
    assert ls.plan_grid(cheap) == (21, 256)

    def conv(n):                                  # a fixed overhead plus a part per example
        return 1e-3 + 1e-5 * n
    res, examples = ls.plan_grid(conv, budget_s=0.15)
    assert res < 21 and res * res * conv(examples) <= 0.15
    assert ls.plan_grid(lambda n: 0.1) == (9, 64)  # never coarser than 9 x 9


def test_trail_keeps_the_weights_from_step_0_spread_over_the_run():
    model = _linear_model()
    params = ls.trainable(model)
    w = params["out.weight"]
    trail = WeightTrail(params, step=0, capacity=16)
    for step in range(1, 1001):
        w[...] = step                      # the weights after each step say which it was
        trail.record(step)
    steps, rows = trail.steps(), trail.rows()
    assert trail.count <= 16 and steps[0] == 0 and steps[-1] > 1000 - trail.every
    assert np.all(np.diff(steps) == trail.every)       # evenly spread over the run
    w_cols = trail.layout.split(rows[0])               # every row holds its step's weights
    assert np.all(trail.layout.split(rows[-1])["out.weight"] == steps[-1])
    assert not np.any(w_cols["out.weight"] == 1)


def test_trail_drops_the_steps_a_divergence_took_back():
    model = _linear_model()
    trail = WeightTrail(ls.trainable(model), step=0)
    for step in range(1, 11):
        trail.record(step)
    for step in range(4, 8):               # the weights of step 3 were restored
        trail.record(step)
    assert trail.steps().tolist() == list(range(8))


def test_principal_directions_find_the_plane_a_path_moves_in():
    rng = np.random.default_rng(0)
    n = 500
    a, b = np.linalg.qr(rng.standard_normal((n, 2)))[0].T      # an orthonormal plane
    t = np.linspace(0, 1, 61)[:-1, None]   # cos(2 pi t) is uncorrelated with t
    points = 5.0 * t * a + np.cos(2 * np.pi * t) * b + 0.001 * rng.standard_normal((60, n))
    v1, v2, (s1, s2) = principal_directions(points.astype(np.float32))
    assert abs(v1 @ a) > 0.99 and abs(v2 @ b) > 0.99
    assert s1 > s2 > 0 and s1 + s2 > 0.99
    with pytest.raises(ValueError, match="two directions"):
        principal_directions(np.outer(t[:, 0], a).astype(np.float32))   # a straight line


def _surface_after(steps: int, kinds: dict, example="spiral"):
    """Train ``steps`` steps without a surface view, then ask for one: (trainer, surface)."""
    trainer, probe = probe_after(example, steps, kinds)
    return trainer, probe.get("surface")


def test_a_surface_asked_for_late_draws_the_path_from_step_0():
    trainer, s = _surface_after(600, {"surface": {"res": 7}})
    assert s.path_steps[0] == 0 and s.path_steps[-1] == trainer.step
    assert len(s.path) > 100 and tuple(s.path[0]) == (0.0, 0.0)       # the start: the origin
    assert s.current == pytest.approx(tuple(s.path[-1]), abs=1e-5)


def test_principal_directions_show_the_path_random_ones_hide():
    """On random directions a long path projects to a short one (they are nearly orthogonal
    to it in 1,218 dimensions); on the principal ones the plane keeps its length."""
    for directions in ("pca", "random"):
        trainer, s = _surface_after(1500, {"surface": {"res": 7, "directions": directions}})
        trail = trainer._prober.trail
        moved = np.linalg.norm(trail.now() - trail.rows()[0])
        on_plane = np.linalg.norm(np.asarray(s.current) - s.path[0])
        assert s.directions == directions
        if directions == "pca":
            assert on_plane > 0.9 * moved and s.shares[0] > s.shares[1] > 0
            for axis, steps in ((0, s.alphas), (1, s.betas)):     # the grid holds the path
                assert steps[0] < s.path[:, axis].min() < s.path[:, axis].max() < steps[-1]
        else:
            assert s.shares is None


def test_a_plot_of_another_shape_gets_a_grid_of_that_shape_at_once():
    trainer, s = _surface_after(300, {"surface": {"res": 11, "aspect": 1.0}})
    assert s.losses.shape == (11, 11)
    for aspect, shape in ((2.0, (6, 11)), (0.5, (11, 6))):
        trainer.set_probes(ProbeRequest({"surface": {"res": 11, "aspect": aspect}},
                                        every_ms=0))
        run = trainer.run()
        s = next(e for e in run if isinstance(e, ProbeEvent)).get("surface")
        run.close()
        assert s.losses.shape == shape               # (rows: beta, columns: alpha)
        width, height = np.ptp(s.alphas), np.ptp(s.betas)
        assert width / height == pytest.approx(aspect, rel=0.01)


def test_principal_directions_wait_for_a_path_to_have_points():
    _trainer, s = _surface_after(1, {"surface": {"res": 7, "directions": "pca"}})
    assert s.directions == "random" and len(s.path) == 2


def test_trainer_streams_a_surface_and_a_growing_path_only_when_asked():
    trainer = Trainer(Network.load(f"{EXAMPLES}/xor_mlp.nw.json"))
    trainer.set_probes(ProbeRequest({"confusion": None}, every_ms=0, every_steps=5))
    run = trainer.run()
    first = next(e for e in run if isinstance(e, ProbeEvent))
    run.close()
    assert first.get("surface") is None and trainer._prober._surface is None
    trainer.set_probes(ProbeRequest({"surface": {"res": 7, "every_ms": 0}}, every_ms=0,
                                    every_steps=5))
    surfaces = []
    for event in trainer.run():
        if isinstance(event, ProbeEvent):
            surfaces.append(event.get("surface"))
            if len(surfaces) == 3:
                trainer.stop()
    assert all(s is not None and s.losses.shape == (7, 7) for s in surfaces)
    lengths = [len(s.path) for s in surfaces]
    assert lengths[0] >= 1 and lengths[1] > lengths[0] and lengths[2] > lengths[1]
    assert tuple(surfaces[0].path[0]) == (0.0, 0.0)          # the origin: the first request
    last = surfaces[-1]
    assert last.current == pytest.approx(tuple(last.path[-1]), abs=1e-5)
    assert np.all(np.isfinite(last.losses))


def test_time_spent_paused_does_not_earn_a_new_surface():
    """A surface costs ~0.1 s of training; its refresh interval counts training time only,
    so a run paused and resumed often (Step, the GUI benchmark) is not charged again."""
    trainer = Trainer(Network.load(f"{EXAMPLES}/xor_mlp.nw.json"))
    trainer.set_probes(ProbeRequest({"surface": {"res": 5, "every_ms": 400}}, every_ms=0,
                                    every_steps=1))
    surfaces = []

    def consume():
        for event in trainer.run():
            if isinstance(event, ProbeEvent):
                surfaces.append(event.get("surface").grid_step)
                if len(surfaces) == 1:
                    trainer.pause()       # the run waits before its next step
                if len(surfaces) == 8:
                    trainer.stop()
    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    try:
        assert trainer.wait_until_paused(30)
        paused_at = trainer.training_time()
        time.sleep(0.6)                   # wall time passes, training time does not
        assert trainer.training_time() - paused_at < 0.05
    finally:
        trainer.resume()
        thread.join(30)
    assert len(surfaces) == 8 and len(set(surfaces)) == 1     # still the first surface


def test_a_headless_run_keeps_no_weight_path_until_a_surface_is_asked_for():
    """The path (up to 32 MB of weight copies) is the window's: `main.py train` and library
    runs kept it on every step although nothing would ever draw it."""
    from engine.graph.network import Network
    from engine.training.messages import StepEvent
    from engine.training.trainer import Trainer
    from tests.probing import EXAMPLES
    trainer = Trainer(Network.load(EXAMPLES / "spiral.nw.json"))
    run = trainer.run()
    for event in run:
        if isinstance(event, StepEvent) and event.step >= 50:
            break
    run.close()
    assert trainer._prober.trail is None


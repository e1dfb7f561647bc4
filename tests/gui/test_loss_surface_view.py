"""The loss-surface view on the Data tab: its empty state, a real surface and path from a
Trainer, and the real window asking for surfaces only while the view is visible.
Waits on conditions (qtbot.waitUntil), never on fixed sleeps."""
from __future__ import annotations

import numpy as np

from gui.training.run_setup import run_info
from gui.training.views.loss_surface import LossSurfaceView
from tests.gui.waits import PATIENCE_MS
from tests.gui.test_training_controller import (loss_points, sent_probe_requests,  # noqa: F401
                                                trigger, window, xor_network)
from tests.gui.test_training_views import first_probe


def test_view_says_press_train_then_draws_log_loss_and_the_path(qtbot):
    view = LossSurfaceView()
    qtbot.addWidget(view)
    assert view.is_empty and "press Train" in view.empty_text
    trainer, probe = first_probe("spiral", {"surface": {"res": 11, "every_ms": 0}}, every_ms=0)
    view.start_run(run_info(trainer, 1))
    view.show_probe(probe)
    assert not view.is_empty
    s = probe.get("surface")
    # log10 of the loss, interpolated for display: the grid points keep their values
    k = (view.image.image.shape[0] - 1) // (len(s.betas) - 1)
    np.testing.assert_allclose(view.image.image[::k, ::k], np.log10(s.losses), rtol=1e-5)
    lo, hi = view.colour_bar.levels()
    assert lo <= view.image.image.min() + 1e-6 and hi >= view.image.image.max() - 1e-6
    x, y = view.path_line.getData()
    assert (x[0], y[0]) == (0.0, 0.0)                       # the start of the path: the origin
    assert (x[-1], y[-1]) == tuple(np.float64(s.current))   # ...up to the weights now
    assert f"now (step {probe.step})" in view.footer.text
    assert "start (step 0)" in view.footer.text
    assert s.directions == "random"          # one step: too short for principal directions
    assert view.plot.getAxis("bottom").labelText == "random direction 1"
    assert view.plot.getAxis("left").labelText == "random direction 2"
    assert "until the path is long enough" in view.footer.text
    view.start_run(run_info(trainer, 2))                     # a new run: waits for its own
    assert view.is_empty and "Appears after the first probe" in view.empty_text
    assert len(view.path) == 0


def test_training_with_the_data_tab_shown_draws_a_surface_and_a_growing_path(
        qtbot, window, monkeypatch):
    requests = sent_probe_requests(monkeypatch)
    d = window.training.dashboard
    surface = d.view(LossSurfaceView)
    d.show_page("Data")
    trigger(window, "train")
    qtbot.waitUntil(lambda: not surface.is_empty, timeout=PATIENCE_MS)
    assert surface.image.image is not None and np.all(np.isfinite(surface.image.image))
    first = surface.path_steps[-1]         # the path reaches further (its length need not
    qtbot.waitUntil(lambda: surface.path_steps[-1] > first + 5,   # grow: it is thinned)
                    timeout=PATIENCE_MS)
    assert requests[-1] is not None and requests[-1].wants("surface")


def test_nothing_is_computed_while_the_view_is_hidden(qtbot, window, monkeypatch):
    c, d = window.training, window.training.dashboard
    surface = d.view(LossSurfaceView)
    requests = sent_probe_requests(monkeypatch)
    probes = []
    c.session.probeArrived.connect(probes.append)
    d.show_page("Curves")
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 100 and len(probes) > 0,
                    timeout=PATIENCE_MS)
    assert requests and not any(r is not None and r.wants("surface") for r in requests)
    assert all(p.get("surface") is None for p in probes)  # the process computed none
    assert surface.is_empty
    d.show_page("Data")                                   # shown: surfaces start coming
    qtbot.waitUntil(lambda: not surface.is_empty, timeout=PATIENCE_MS)
    assert requests[-1].wants("surface")
    # ...with the whole path since step 0, though nobody asked for it then (was: a dot)
    assert "start (step 0)" in surface.footer.text and len(surface.path) > 20


def test_the_random_directions_toggle_redraws_the_plane_on_them(qtbot, window, monkeypatch):
    requests = sent_probe_requests(monkeypatch)
    d = window.training.dashboard
    surface = d.view(LossSurfaceView)
    d.show_page("Data")
    trigger(window, "train")
    qtbot.waitUntil(lambda: surface.plot.getAxis("bottom").labelText.startswith("PC 1"),
                    timeout=PATIENCE_MS)              # principal directions, once it can
    surface.random_check.setChecked(True)
    assert requests[-1].options("surface")["directions"] == "random"
    qtbot.waitUntil(lambda: surface.plot.getAxis("bottom").labelText == "random direction 1",
                    timeout=PATIENCE_MS)

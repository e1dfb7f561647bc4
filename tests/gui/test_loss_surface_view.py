"""The loss-surface view on the Data tab: its empty state, a real surface and path from a
Trainer, and the real window asking for surfaces only while the view is visible.
Waits on conditions (qtbot.waitUntil), never on fixed sleeps."""
from __future__ import annotations

import numpy as np

from tests.gui.waits import PATIENCE_MS
from tests.gui.test_training_controller import loss_points, trigger, window, xor_network  # noqa: F401
from tests.gui.test_training_views import first_probe


def test_view_says_press_train_then_draws_log_loss_and_the_path(qtbot):
    from gui.training.views.loss_surface import LossSurfaceView
    view = LossSurfaceView()
    qtbot.addWidget(view)
    assert view.is_empty and "press Train" in view.empty_text
    trainer, probe = first_probe("spiral", surface=True, surface_res=11, every_ms=0)
    view.set_probe(probe)
    assert not view.is_empty
    s = probe.surface
    # log10 of the loss, interpolated for display: the grid points keep their values
    k = (view.image.image.shape[0] - 1) // (len(s.betas) - 1)
    np.testing.assert_allclose(view.image.image[::k, ::k], np.log10(s.losses), rtol=1e-5)
    lo, hi = view.colour_bar.levels()
    assert lo <= view.image.image.min() + 1e-6 and hi >= view.image.image.max() - 1e-6
    x, y = view.path_line.getData()
    assert (x[0], y[0]) == (0.0, 0.0)                       # the start of the path: the origin
    assert (x[-1], y[-1]) == tuple(np.float64(s.current))   # ...up to the weights now
    item = view.plot
    assert "Loss around the current weights" in item.titleLabel.text
    assert f"path to step {probe.step}" in view.caption.text
    assert item.getAxis("bottom").labelText == "direction 1"
    assert item.getAxis("left").labelText == "direction 2"
    view.set_unavailable("Appears after the first probe")
    assert view.is_empty


def test_training_with_the_data_tab_shown_draws_a_surface_and_a_growing_path(qtbot, window):
    d = window.training.dashboard
    d.show_page("Data")
    trigger(window, "train")
    qtbot.waitUntil(lambda: not d.surface.is_empty, timeout=PATIENCE_MS)
    assert d.surface.image.image is not None and np.all(np.isfinite(d.surface.image.image))
    first = len(d.surface.path)
    qtbot.waitUntil(lambda: len(d.surface.path) > first + 5, timeout=PATIENCE_MS)
    assert window.training.worker.probes.surface


def test_nothing_is_computed_while_the_view_is_hidden(qtbot, window):
    c, d = window.training, window.training.dashboard
    probes = []
    c.worker.batchReady.connect(lambda b: b.probe is not None and probes.append(b.probe))
    d.show_page("Curves")
    trigger(window, "train")
    qtbot.waitUntil(lambda: loss_points(window) > 100, timeout=PATIENCE_MS)
    req = c.worker.probes
    assert req is None or not req.surface
    assert all(p.surface is None for p in probes)         # the trainer computed none
    assert d.surface.is_empty
    d.show_page("Data")                                   # shown: surfaces start coming
    qtbot.waitUntil(lambda: not d.surface.is_empty, timeout=PATIENCE_MS)

"""A view is one LiveView class plus one line in the dashboard's VIEWS list: a throw-away view
registered that way is put on its page, receives the run's steps, asks for a probe kind
while it is visible and receives those probes, and follows the canvas selection."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine.graph.network import Network
from gui.training.views.base import LiveView
from tests.gui.waits import PATIENCE_MS

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


class CountingView(LiveView):
    """Counts what the dashboard hands it; wants the confusion matrix while visible."""
    page = "Data"

    def __init__(self, parent=None):
        super().__init__("counting", parent)
        self.runs, self.steps, self.probes, self.nodes = [], [], [], []

    def start_run(self, run) -> None:
        self.runs.append(run)

    def add_steps(self, chunk) -> None:
        self.steps.extend(chunk.steps.tolist())

    def show_probe(self, probe) -> None:
        self.probes.append(probe)

    def follow_node(self, node) -> bool:
        self.nodes.append(node.id if node is not None else None)
        return True

    def needs(self, run, node) -> dict:
        return {"confusion": None}


@pytest.fixture
def window(qtbot, monkeypatch):
    from gui.document import Document
    from gui.main_window import MainWindow
    from gui.training import dashboard
    monkeypatch.setattr(dashboard, "VIEWS", [*dashboard.VIEWS, CountingView])   # the one line
    net = Network.load(EXAMPLES / "xor_mlp.nw.json")
    net.set_training({**net.training, "epochs": 100_000})
    w = MainWindow(Document(net))
    w.files.autosave_enabled = w.files.interactive = False
    w.files.maybe_save = lambda: True
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def test_a_registered_view_receives_steps_and_the_probes_it_asks_for(qtbot, window):
    c = window.training
    view = c.dashboard.view(CountingView)
    assert view in c.dashboard.pages["Data"].views
    c.dashboard.show_page("Data")
    assert c.train(pause_after=40)
    qtbot.waitUntil(lambda: c.state == "paused" and any(p.step == 40 for p in view.probes),
                    timeout=PATIENCE_MS)
    assert view.runs[-1].run_id == c.info.run_id
    assert view.steps == list(range(1, 41))
    assert all(p.get("confusion") is not None for p in view.probes)
    c.set_selection(["h1"])                               # what the canvas calls
    assert view.nodes[-1] == "h1"


def test_a_hidden_view_asks_for_nothing(qtbot, window):
    c = window.training
    view = c.dashboard.view(CountingView)
    c.dashboard.show_page("Data")
    qtbot.waitUntil(view.isVisible, timeout=PATIENCE_MS)
    assert c.train(pause_after=3)
    qtbot.waitUntil(lambda: c.state == "paused", timeout=PATIENCE_MS)
    assert "confusion" in c.dashboard.needs(c.info, None)
    c.dashboard.show_page("Curves")
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=PATIENCE_MS)
    assert "confusion" not in c.dashboard.needs(c.info, None)

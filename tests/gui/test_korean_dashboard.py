"""The Training dock in Korean: with the Korean catalogue of gui/training and gui/race
(resources/translations/training_ko.ts, compiled here) installed before the window is built,
every tab, every visible view's title, axis label, key and message on each page, side by
side too, is Korean or a name that stays (node ids, layer types, numbers); and no Korean
text is cut: a single-line label, a button, a tab, a plot's title or axis label is as wide
as its text at 1440 x 900."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

from engine.graph.network import Network
from engine.nn.layers import LAYERS
from gui.translations_build import FOLDER, tool
from gui.training.dashboard import PAGES, SIDE_BY_SIDE_PAGES
from tests.gui.waits import PATIENCE_MS

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SCREEN = (1440, 900)
HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD = re.compile(r"[A-Za-z][A-Za-z_]*")
# what stays as it is in Korean, besides node ids and layer types
NAMES = {"RMSE", "RMS", "PC", "L2", "log", "softmax", "weight", "bias", "dL", "dW", "db", "dx",
         "dy", "dz", "max", "min", "out"}
# example, node selected for the Layer page, the views that must show their content
CASES = {"digits_cnn": ("c1", {"Curves": ["LossView", "MetricView", "GradNormView"],
                               "Layer": ["HistogramView", "FiltersView", "ConvByHandView"],
                               "Data": ["ConfusionView", "LossSurfaceView"],
                               "Backprop": ["HealthView", "SamplePassView"]}),
         "xor_mlp": ("h1", {"Curves": ["LossView", "MetricView", "GradNormView"],
                            "Layer": ["HistogramView", "WeightsView", "UnitMapsView"],
                            "Data": ["BoundaryView", "ConfusionView", "LossSurfaceView"],
                            "Backprop": ["HealthView", "SamplePassView"]})}
STEPS = {"digits_cnn": 50, "xor_mlp": 30}      # past the first epoch: accuracy has a point


def korean_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True)
    return bool(found.stdout.strip())


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> Path:
    """training_ko.ts compiled on its own: this test checks the dock's translation, whatever
    the state of the shipped .qm (its own test checks that it is built from the .ts files)."""
    lrelease = tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is missing (it comes with PySide6)")
    qm = tmp_path_factory.mktemp("qm") / "training_ko.qm"
    subprocess.run([lrelease, str(FOLDER / "training_ko.ts"), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


@pytest.fixture
def korean(qapp, catalogue):
    """The dock's catalogue and Qt's own (standard buttons), as the window installs them;
    yields whether Qt's could be loaded."""
    ours, qts = QTranslator(), QTranslator()
    assert ours.load(str(catalogue))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    has_qt = qts.load(str(Path(qt_folder) / "qtbase_ko.qm"))
    for translator in (ours, qts):
        qapp.installTranslator(translator)
    yield has_qt
    for translator in (ours, qts):
        qapp.removeTranslator(translator)


@pytest.fixture(params=list(CASES))
def trained(request, korean, qtbot, monkeypatch, tmp_path):
    """A window built in Korean on the example, trained past its first epoch and paused."""
    from gui.app import train_steps_then
    from gui.document import Document
    from gui.main_window import MainWindow
    from tests.gui.conftest import quiet_close
    monkeypatch.setenv("NETWRIGHT_DATA_DIR", str(tmp_path / "data"))
    name = request.param
    window = MainWindow(Document(Network.load(EXAMPLES / f"{name}.nw.json")))
    window.files.autosave_enabled = False
    window.files.interactive = False
    qtbot.addWidget(window, before_close_func=quiet_close)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    done = []
    train_steps_then(window, STEPS[name], lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)
    return name, window


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText().replace("\xa0", " ").strip()


def stays(text: str, names: set[str]) -> bool:
    """Korean, or only names that stay (node ids, layer types, numbers and symbols)."""
    return bool(HANGUL.search(text)) or all(w in names for w in WORD.findall(text))


def plot_items(view) -> list:
    return [item for gv in view.findChildren(pg.GraphicsView) if gv.isVisible()
            for item in gv.scene().items() if isinstance(item, pg.PlotItem)]


def axis_labels(item: pg.PlotItem):
    """(where, text, needed px, room px) of each shown axis label of the plot."""
    for side in ("left", "bottom", "right"):
        axis = item.getAxis(side)
        if axis.isVisible() and axis.label.isVisible() and axis.labelText:
            length = axis.size().height() if side in ("left", "right") else axis.size().width()
            yield (f"{side} axis", plain(axis.label.toHtml()),
                   axis.label.boundingRect().width(), length)


def title(item: pg.PlotItem):
    label = item.titleLabel
    if label.isVisible() and label.text:
        yield "title", plain(label.text), label.item.boundingRect().width(), item.size().width()


def colour_bar_labels(view):
    for gv in view.findChildren(pg.GraphicsView):
        for bar in (i for i in gv.scene().items() if isinstance(i, pg.ColorBarItem)):
            axis = bar.axis
            if axis.isVisible() and axis.labelText:
                yield ("colour bar", plain(axis.label.toHtml()),
                       axis.label.boundingRect().width(), axis.size().height())


def texts_of(view):
    """(where, text, needed px, room px or None) of everything the view says."""
    name = type(view).__name__
    if view.is_empty:
        yield name, view.empty_text, None, None
        return
    for label in view.findChildren(QLabel):
        if label.isVisible() and label.text().strip():
            room = None if label.wordWrap() or label.textFormat() == label.textFormat().RichText \
                else label.contentsRect().width()
            need = label.fontMetrics().horizontalAdvance(label.text())
            yield f"{name} label", plain(label.text()), need, room
    for button in view.findChildren(QAbstractButton):
        if button.isVisible():
            yield f"{name} button", button.text(), button.sizeHint().width(), button.width()
    for item in plot_items(view):
        for where, text, need, room in (*title(item), *axis_labels(item)):
            yield f"{name} {where}", text, need, room
    for where, text, need, room in colour_bar_labels(view):
        yield f"{name} {where}", text, need, room


def show_page(qtbot, window, page: str, wanted: list[str]) -> list:
    """The page's visible views, once those in ``wanted`` have drawn their content."""
    dashboard = window.training.dashboard
    dashboard.show_page(page)
    views = [v for v in dashboard.views if v.page == page and v.isVisible()]
    must = [v for v in views if type(v).__name__ in wanted]

    def drawn() -> bool:
        dashboard.redraw_visible()
        return all(not v.is_empty for v in must)
    qtbot.waitUntil(drawn, timeout=PATIENCE_MS)
    return views


def select(qtbot, window, node_id: str) -> None:
    window.view.scene().select_nodes([node_id])
    qtbot.waitUntil(lambda: window.training.binding.selected == node_id)


def check_pages(qtbot, window, name: str, pages) -> tuple[list, list]:
    node, wanted = CASES[name]
    names = {n["id"] for n in window.document.to_dict()["nodes"]} | set(LAYERS) | NAMES
    english, cut = [], []
    select(qtbot, window, node)
    for page in pages:
        for view in show_page(qtbot, window, page, wanted[page]):
            for where, text, need, room in texts_of(view):
                if not stays(text, names):
                    english.append(f"{page} / {where}: {text!r}")
                if room is not None and HANGUL.search(text) and need > room + 1:
                    cut.append(f"{page} / {where}: {text!r} needs {need:.0f} px, has {room:.0f}")
    return english, cut


def test_every_text_of_the_dock_is_korean_and_none_is_cut(trained, qtbot):
    name, window = trained
    dashboard = window.training.dashboard
    tabs = dashboard.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["곡선", "레이어", "데이터", "역전파"]
    controls = [w.text() for w in [*dashboard.findChildren(QLabel),
                                   *dashboard.findChildren(QAbstractButton)]
                if w.isVisible() and w.parentWidget() is dashboard and w.text()
                and w.objectName() != "training_progress"]
    assert len(controls) >= 6 and all(HANGUL.search(t) for t in controls), controls
    font = korean_font_installed()
    if font:
        bar = tabs.findChild(QTabBar)
        for i in range(bar.count()):
            assert bar.fontMetrics().horizontalAdvance(bar.tabText(i)) <= bar.tabRect(i).width()
    for side_by_side, pages in ((False, PAGES), (True, SIDE_BY_SIDE_PAGES)):
        dashboard.set_side_by_side(side_by_side)
        english, cut = check_pages(qtbot, window, name, pages)
        mode = "side by side" if side_by_side else "in tabs"
        assert not english, f"left in English ({mode}):\n" + "\n".join(english)
        if font:
            assert not cut, f"cut off ({mode}):\n" + "\n".join(cut)


def test_the_race_dialog_and_the_racers_names_are_korean(korean, qtbot):
    import json

    from gui.race.dialog import RaceDialog
    from gui.race.window import label_text
    dialog = RaceDialog(json.loads((EXAMPLES / "xor_mlp.nw.json").read_text()))
    qtbot.addWidget(dialog)
    texts = [dialog.windowTitle()] + [plain(label.text()) for label in dialog.findChildren(QLabel)
                                      if label.text()]
    if korean:                                    # Qt's catalogue names Cancel
        texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.text()]
    assert len(texts) >= 9 and all(HANGUL.search(t) for t in texts), texts
    assert label_text("optimizer sgd, lr 0.1, momentum 0.9") == "옵티마이저 sgd, lr 0.1, 모멘텀 0.9"
    assert label_text("same settings (racer 2)") == "같은 설정 (참가자 2)"
    changes = dialog.rows[0].changes()        # "as in the file", in Korean, still means it
    assert "activation" not in changes and "init" not in changes, changes

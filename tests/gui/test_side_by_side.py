"""The dashboard at 1440 x 900, side by side and in tabs: no view, and nothing inside a
view, is cut off by its parent; a page that cannot fit scrolls instead; the canvas keeps
its room. Side by side once cut the Data page off at the right, cut the second histogram
off inside its view, and squeezed the canvas to 230 pixels."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from engine.graph.network import Network
from gui.training.dashboard import SIDE_BY_SIDE_PAGES
from gui.training.view_grid import ViewPage, rows_for, grid_size, share_widths
from tests.gui.waits import PATIENCE_MS

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SCREEN = (1440, 900)


# ---- the arithmetic --------------------------------------------------------------------------
def test_a_grid_needs_its_widest_column_and_tallest_row():
    sizes = [QSize(100, 50), QSize(200, 60), QSize(150, 40)]
    assert grid_size(sizes, 1) == QSize(450 + 2 * 4 + 4, 60 + 4)
    assert grid_size(sizes, 2) == QSize(150 + 200 + 4 + 4, 60 + 40 + 4 + 4)   # 2 columns
    assert rows_for(sizes, 500, 100) == 1           # only one row fits
    assert rows_for(sizes, 400, 200) == 2           # 1 row: cells 133 x 200; 2: 200 x 100
    assert rows_for(sizes, 300, 100) == 3           # nothing fits: one column, scrolling
    assert rows_for(sizes, 900, 130) == 1           # 300 x 130 beats 450 x 65 (too low)


def test_side_by_side_widths_fit_the_pages_or_let_the_biggest_scroll():
    # each page: widths that need no scrolling (fewest rows first), its one-column width
    assert share_widths([[400, 200], [300]], [150, 160], 600) == [240, 360]   # 200 + 300 + 100
    pages = [[400, 300], [900, 500], [300]], [250, 420, 200]
    assert share_widths(*pages, 1100) == [300, 500, 300]                   # all fit
    assert share_widths(*pages, 1050) == [308, 432, 308]   # the middle scrolls, in a column
    widths = share_widths(*pages, 900)                                     # every page does
    assert sum(widths) <= 900 and widths[1] > widths[0] > 0


# ---- the window ------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot):
    from gui.document import Document
    from gui.main_window import MainWindow
    w = MainWindow(Document(Network.load(EXAMPLES / "digits_cnn.nw.json")))
    w.files.autosave_enabled = False
    w.files.interactive = False
    w.files.maybe_save = lambda: True
    qtbot.addWidget(w)
    w.resize(*SCREEN)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.training.shutdown()


def train_a_little(qtbot, window) -> None:
    from gui.app import train_steps_then
    done = []
    train_steps_then(window, 3, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=PATIENCE_MS)


def in_window(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())


def cut_by_parent(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return parent is not None and not in_window(parent).contains(in_window(widget))


def cut_widgets(dashboard) -> list[str]:
    """Every visible view, and every visible widget in one, its parent does not hold whole;
    and every view a page shows in part although the page does not scroll."""
    found = []
    for view in [v for v in dashboard.views if v.isVisible()]:
        for widget in [view, *view.findChildren(QWidget)]:
            if widget.isVisible() and cut_by_parent(widget):
                found.append(f"{type(widget).__name__} in {type(view).__name__}: "
                             f"{in_window(widget).getRect()} out of its parent's "
                             f"{in_window(widget.parentWidget()).getRect()}")
        page = next(p for p in dashboard.pages.values() if view in p.views)
        if not scrolls(page) and not in_window(page.viewport()).contains(in_window(view)):
            found.append(f"{type(view).__name__}: shown in part, no scroll bar")
    return found


def scrolls(page: ViewPage) -> bool:
    return page.verticalScrollBar().maximum() > 0 or page.horizontalScrollBar().maximum() > 0


def cuts_once_settled(qtbot, dashboard) -> list[str]:
    """cut_widgets once the layouts had their turns on the event loop (a page measures what
    its views' wrapped text needs after they are placed); [] as soon as nothing is cut."""
    try:
        qtbot.waitUntil(lambda: not cut_widgets(dashboard), timeout=3000)
    except qtbot.TimeoutError:
        pass
    return cut_widgets(dashboard)


@pytest.mark.parametrize("node", [None, "c1", "r1", "out", "p"])
def test_side_by_side_cuts_no_view_and_keeps_the_canvas(qtbot, window, node):
    d = window.training.dashboard
    d.set_side_by_side(True)
    if node:
        window.view.scene().select_nodes([node])
    train_a_little(qtbot, window)
    assert cuts_once_settled(qtbot, d) == []
    window_rect = window.rect()
    for name in SIDE_BY_SIDE_PAGES:             # Backprop stays in the tabs
        page = d.pages[name]
        assert page.isVisible() and window_rect.contains(in_window(page)), name
    assert not scrolls(d.pages["Curves"]) and not scrolls(d.pages["Data"])
    assert window.view.height() >= 300            # was 230: the network hard to read


def test_in_tabs_every_page_shows_its_views_whole_or_scrolls(qtbot, window):
    d = window.training.dashboard
    train_a_little(qtbot, window)
    for name in ("Curves", "Layer", "Data"):
        d.show_page(name)
        assert cuts_once_settled(qtbot, d) == [], name


def test_a_page_reflows_when_the_selection_changes_its_views(qtbot, window):
    """Six Layer views with no node selected take more rows (and scroll) than the two of
    a ReLU, which then fit."""
    d = window.training.dashboard
    d.set_side_by_side(True)
    layer = d.pages["Layer"]
    qtbot.waitUntil(lambda: len(layer.visible_views()) == len(layer.views))
    qtbot.waitUntil(lambda: scrolls(layer))
    window.view.scene().select_nodes(["r1"])
    qtbot.waitUntil(lambda: len(layer.visible_views()) < len(layer.views) and not scrolls(layer))
    assert cuts_once_settled(qtbot, d) == []

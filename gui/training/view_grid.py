"""The dashboard's pages and their side-by-side arrangement.

A ViewPage lays its visible views out in a grid whose cells fit its space and are closest
to a plot's shape (reflow: a page with more views or less width takes more rows), and
scrolls when no grid fits, so a view is never squeezed below what its content needs (a
view whose plots were cut at the right showed a false picture). SideBySide puts the pages
next to each other and shares its width out so that each page fits, with as few rows as
the height allows; when they cannot all fit, the biggest scrolls.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSplitter, QStyle, QWidget

SPACING = 4
MARGIN = 2
PLOT_ASPECT = 4 / 3      # width / height a plot reads best at


def min_size(widget: QWidget) -> QSize:
    """What a widget needs: its own minimum or its layout's, whichever is larger (a view's
    explicit minimum smaller than its two plots let a grid cut the second plot off)."""
    return widget.minimumSize().expandedTo(widget.minimumSizeHint())


def overflow(view: QWidget) -> int:
    """How far a widget inside ``view`` reaches below its parent. Qt's minimum sizes do not
    count wrapped text: a title that wraps to two lines pushed its plot 16 pixels out."""
    reach = [w.y() + w.height() - w.parentWidget().height()
             for w in view.findChildren(QWidget) if w.isVisible()]
    return max([0, *reach])


def grid_size(sizes: list[QSize], rows: int) -> QSize:
    """The smallest size of a grid of ``sizes`` filled row by row into ``rows`` rows."""
    if not sizes:
        return QSize(0, 0)
    columns = -(-len(sizes) // max(rows, 1))
    widths = [max(s.width() for s in sizes[c::columns]) for c in range(columns)]
    heights = [max(s.height() for s in sizes[r:r + columns])
               for r in range(0, len(sizes), columns)]
    return QSize(sum(widths) + SPACING * (len(widths) - 1) + 2 * MARGIN,
                 sum(heights) + SPACING * (len(heights) - 1) + 2 * MARGIN)


def rows_for(sizes: list[QSize], width: int, height: int, scroll_bar: int = 0) -> int:
    """The rows that fit the grid in width x height with cells closest to a plot's shape
    (4:3; fewer rows on a tie); failing that, the fewest that fit the width beside a
    vertical scroll bar (the page scrolls down); else one column."""
    options = range(1, len(sizes) + 1)
    fit = [r for r in options if _fits(grid_size(sizes, r), width, height)]
    if fit:
        return min(fit, key=lambda r: abs(math.log(_cell_aspect(len(sizes), r, width, height)
                                                   / PLOT_ASPECT)))
    narrow = [r for r in options if grid_size(sizes, r).width() <= width - scroll_bar]
    return narrow[0] if narrow else max(len(sizes), 1)


def _cell_aspect(count: int, rows: int, width: int, height: int) -> float:
    columns = -(-count // rows)
    used_rows = -(-count // columns)
    return (max(width, 1) / columns) / (max(height, 1) / used_rows)


def _fits(size: QSize, width: int, height: int) -> bool:
    return size.width() <= width and size.height() <= height


def share_widths(options: list[list[int]], narrowest: list[int], width: int) -> list[int]:
    """Widths of pages side by side in ``width``. ``options[i]``: the widths at which page
    i needs no scrolling, fewest rows first (maybe none); ``narrowest[i]``: its width in one
    scrolling column. The widest page takes more rows until all fit; if they cannot, the
    page that needs most scrolls in one column (and in a small window every page scrolls).
    Spare width is shared out in proportion."""
    needs = [o[0] if o else n for o, n in zip(options, narrowest)]
    taken = [0] * len(needs)
    while sum(needs) > width:
        taller = [i for i, o in enumerate(options) if taken[i] + 1 < len(o)]
        if not taller:
            break
        i = max(taller, key=lambda k: needs[k])
        taken[i] += 1
        needs[i] = options[i][taken[i]]
    if sum(needs) > width:                     # the biggest scrolls, in one column
        i = max(range(len(needs)), key=lambda k: needs[k])
        needs[i] = narrowest[i]
    if sum(needs) > width:                     # a small window: every page scrolls
        return [need * width // sum(needs) for need in needs]
    spare, total = max(width - sum(needs), 0), max(sum(needs), 1)
    return [need + spare * need // total for need in needs]


class _Grid(QGridLayout):
    """A grid that is not height-for-width. A view's word-wrapped hint makes it so, and a
    scroll area then sized the page by the heights the wrapped text wanted: views 500
    pixels tall in a page 470 high, a scroll bar where everything fitted."""

    def hasHeightForWidth(self) -> bool:
        return False


class ViewPage(QScrollArea):
    """One page (Curves, Layer or Data): its views in a reflowing grid. ``arranged`` is
    emitted when the set of visible views changed (the side-by-side shares change)."""
    arranged = Signal()

    def __init__(self, views, parent=None):
        super().__init__(parent)
        self.views = list(views)
        self._placed: tuple = ()            # (visible views, their sizes, rows)
        self._minimums: tuple = ()          # (visible views, their minimums): shares follow
        self._extra: dict[int, tuple[int, int]] = {}   # id(view): (its width, height to add)
        self._measuring = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(QWidget())
        self.grid = _Grid(self.widget())
        self.grid.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self.grid.setSpacing(SPACING)
        for view in self.views:
            view.setParent(self.widget())
            view.installEventFilter(self)
        self.reflow()

    def visible_views(self) -> list:
        return [v for v in self.views if not v.isHidden()]

    def need(self, view: QWidget) -> QSize:
        """A view's minimum, plus what its wrapped text needs at its width (measured)."""
        width, extra = self._extra.get(id(view), (view.width(), 0))
        return min_size(view) + QSize(0, extra if width == view.width() else 0)

    def needed_size(self, rows: int, measured: bool = True) -> QSize:
        """The grid's size in ``rows``; ``measured``: with what wrapped text needs at the
        views' present widths, else with their own minimums."""
        need = self.need if measured else min_size
        return grid_size([need(v) for v in self.visible_views()], rows)

    def row_options(self, height: int, measured: bool = True) -> list[tuple[int, QSize]]:
        """(rows, size needed) for each number of rows whose grid is at most ``height``."""
        n = len(self.visible_views())
        sizes = [(r, self.needed_size(r, measured)) for r in range(1, n + 1)]
        return [(r, s) for r, s in sizes if s.height() <= height]

    def reflow(self) -> None:
        views = self.visible_views()
        sizes = [self.need(v) for v in views]
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        room = self.contentsRect()
        rows = rows_for(sizes, room.width(), room.height(), bar)
        placed = (tuple(map(id, views)), tuple(s.toTuple() for s in sizes), rows)
        if placed == self._placed:
            return
        # the shares follow the views and their minimums only (see SideBySide.share)
        minimums = (placed[0], tuple(min_size(v).toTuple() for v in views))
        new_content = minimums != self._minimums
        self._place(views, rows)
        self._placed, self._minimums = placed, minimums
        if new_content:
            self.arranged.emit()

    def _place(self, views: list, rows: int) -> None:
        grid = self.grid
        for view in self.views:
            grid.removeWidget(view)
        for k in range(max(grid.columnCount(), grid.rowCount())):
            grid.setColumnMinimumWidth(k, 0)
            grid.setRowMinimumHeight(k, 0)
            grid.setColumnStretch(k, 0)
            grid.setRowStretch(k, 0)
        columns = -(-len(views) // max(rows, 1)) if views else 1
        for i, view in enumerate(views):
            r, c = divmod(i, columns)
            span = columns - c if i == len(views) - 1 else 1     # no empty cell at the end
            grid.addWidget(view, r, c, 1, span)
            need = self.need(view)     # the grid would honour the view's smaller minimum
            grid.setColumnMinimumWidth(c, max(grid.columnMinimumWidth(c), need.width()))
            grid.setRowMinimumHeight(r, max(grid.rowMinimumHeight(r), need.height()))
            grid.setColumnStretch(c, 1)
            grid.setRowStretch(r, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.reflow()

    def eventFilter(self, watched, event) -> bool:
        if watched in self.views:
            kind = event.type()
            if kind in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent,
                        QEvent.Type.LayoutRequest):
                self.reflow()             # a view came or went, or needs another size
            elif kind == QEvent.Type.Resize and not self._measuring:
                self._measuring = True    # once its own layout has placed its widgets
                QTimer.singleShot(0, self, self._measure_overflow)
        return super().eventFilter(watched, event)

    def _measure_overflow(self) -> None:
        self._measuring = False
        grown = False
        for view in self.visible_views():
            width, extra = self._extra.get(id(view), (view.width(), 0))
            extra = extra if width == view.width() else 0    # wrapping changes with width
            more = overflow(view)
            self._extra[id(view)] = (view.width(), extra + more)
            grown = grown or more > 0
        if grown:
            self.reflow()


class SideBySide(QSplitter):
    """The pages next to each other. Each gets the width its views need in as few rows
    as the height allows, plus a share of what is left; a page that cannot fit scrolls."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setChildrenCollapsible(False)
        self._followed: list[ViewPage] = []

    def add_page(self, page: ViewPage) -> None:
        self.addWidget(page)
        if page not in self._followed:          # pages come back after each turn in the tabs
            self._followed.append(page)
            page.arranged.connect(self.share)

    def pages(self) -> list[ViewPage]:
        return [self.widget(i) for i in range(self.count())]

    def share(self) -> None:
        pages = self.pages()
        if not pages or not self.isVisible():
            return
        width = self.width() - self.handleWidth() * (len(pages) - 1)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        # by the views' own minimums: what wrapped text needs depends on the width this
        # share gives, and sharing by it handed the width back and forth for ever
        options = [[s.width() for _, s in page.row_options(self.height(), measured=False)]
                   for page in pages]
        narrowest = [page.needed_size(len(page.visible_views()), measured=False).width()
                     + bar for page in pages]
        self.setSizes(share_widths(options, narrowest, width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.share()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.share()

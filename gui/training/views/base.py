"""What every dashboard view shares: the LiveView interface the dashboard drives, an empty
state that says what to do, and pyqtgraph plots styled for the light theme."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

pg.setConfigOptions(antialias=False, background="w", foreground="#1f2a36",
                    imageAxisOrder="row-major")

# class colours (points, boundary map, bars): readable on white, distinct in print
CLASS_COLOURS = np.array([(31, 119, 180), (214, 39, 40), (44, 160, 44), (255, 127, 14),
                          (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127),
                          (188, 189, 34), (23, 190, 207)], dtype=np.float32)
TRAIN_PEN = pg.mkPen("#1f77b4", width=1.5)
VAL_PEN = pg.mkPen("#d62728", width=2)
FADED_ALPHA = 70


def class_colour(k: int) -> tuple[int, int, int]:
    return tuple(int(c) for c in CLASS_COLOURS[k % len(CLASS_COLOURS)])


class TidyLogAxis(pg.AxisItem):
    """pyqtgraph labels every 2..9 x 10^k on a log axis spanning a decade or two, and on a
    small plot those labels overprint each other. This one labels decades and 2 and 5 times
    them; the other minor ticks keep their marks but no text."""

    def __init__(self, orientation: str, **kwargs):
        super().__init__(orientation, **kwargs)
        self.setStyle(maxTextLevel=1)

    def logTickValues(self, minVal, maxVal, size, stdTicks):
        levels = [(spacing, t) for spacing, t in stdTicks if spacing >= 1.0]
        if len(levels) < 3:                      # a few decades: add the minor ticks
            decades = range(int(np.floor(minVal)), int(np.ceil(maxVal)) + 1)
            if not levels:
                levels.append((None, [float(d) for d in decades if minVal < d < maxVal]))
            for mantissas in ((2, 5), (3, 4, 6, 7, 8, 9)):
                ticks = [d + np.log10(m) for d in decades for m in mantissas]
                levels.append((None, [t for t in ticks if minVal < t < maxVal]))
        return levels


def steady_axes(plot_item) -> None:
    """Axes that make room for longer tick labels but never give it back: pyqtgraph
    resizes an axis while painting it whenever its labels get shorter, and every resize
    re-lays the plot out and paints it again (two to five paints per redraw)."""
    for name in ("left", "bottom", "right", "top"):
        plot_item.getAxis(name).setStyle(autoReduceTextSpace=False)


def make_plot(title: str, x_label: str, y_label: str, units: str | None = None) -> pg.PlotWidget:
    """A PlotWidget with a title and labelled axes (every plot must say what it shows)."""
    w = pg.PlotWidget(axisItems={"left": TidyLogAxis("left")})
    item = w.getPlotItem()
    item.setTitle(f"<span style='font-size:10pt'>{title}</span>")
    item.setLabel("bottom", x_label)
    item.setLabel("left", y_label, units=units)
    item.showGrid(x=False, y=False)     # grid lines make every curve update repaint the axes
    for axis in ("left", "bottom"):
        item.getAxis(axis).enableAutoSIPrefix(False)     # "loss (x0.001)" reads badly
    steady_axes(item)
    item.setMenuEnabled(False)
    w.setMinimumSize(180, 140)
    return w


def diverging_colormap() -> pg.ColorMap:
    """Blue (negative) - white (0) - red (positive): weights and gradients."""
    return pg.ColorMap([0.0, 0.5, 1.0], [(33, 102, 172), (247, 247, 247), (178, 24, 43)])


class View(QWidget):
    """A view: its content, or an empty-state message saying what to do."""

    def __init__(self, empty_text: str, parent=None):
        super().__init__(parent)
        self.stack = QStackedWidget(self)
        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setObjectName("view_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet("color: #6b7280; background: #ffffff;"
                                       "border: 1px dashed #c9d1da; padding: 8px;")
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.stack)
        self.setMinimumSize(200, 150)

    def set_content(self, widget: QWidget) -> None:
        self.stack.addWidget(widget)

    def show_empty(self, text: str | None = None) -> None:
        if text is not None:
            self.empty_label.setText(text)
        self.stack.setCurrentIndex(0)

    def show_content(self) -> None:
        self.stack.setCurrentIndex(1)

    def settle(self) -> None:
        """Apply pending range and transform changes now, not in the coming paint.
        pyqtgraph applies them while painting (ViewBox.prepareForPaint); that moves the
        items, which asks for another paint: a redraw cost two to five paints."""
        for plot in self.findChildren(pg.GraphicsView):
            plot.scene().prepareForPaint()

    def hasHeightForWidth(self) -> bool:
        """No: the page's grid sizes a view by its minimum and the overflow it measures
        (view_grid). Qt placed a view whose wrapped title made it height-for-width taller
        than its row, pushing the views below it out of the page."""
        return False

    @property
    def is_empty(self) -> bool:
        return self.stack.currentIndex() == 0

    @property
    def empty_text(self) -> str:
        return self.empty_label.text()


class LiveView(View):
    """A view of the dashboard. The dashboard builds one of each class in its VIEWS list,
    puts it on ``page``, and calls these methods; each has a harmless default, so a view
    implements only what it shows.

    start_run(run)     a new run (RunInfo): fade or clear what the last one drew
    add_steps(chunk)   new steps (StepChunk, with their epoch ends): append, cheaply;
                       the dashboard calls redraw() later, when the view's turn comes
    show_probe(probe)  the newest probe (ProbeEvent) the view asked for: draw it
    follow_node(node)  the node selected on the canvas (NodeInfo or None); returns whether
                       the view shows anything for it (the dashboard hides it if not)
    needs(run, node)   the probe kinds it wants while it is visible: {kind: options}
    needsChanged       a signal the view emits when what needs() returns changed (a toggle)
    """
    page = "Curves"
    needsChanged = Signal()

    def start_run(self, run) -> None:
        pass

    def add_steps(self, chunk) -> None:
        pass

    def show_probe(self, probe) -> None:
        pass

    def follow_node(self, node) -> bool:
        return True

    def needs(self, run, node) -> dict:
        return {}

    def redraw(self) -> None:
        pass

    def clear_old_runs(self) -> None:
        pass


def tile(images: np.ndarray, columns: int, pad: float = np.nan) -> np.ndarray:
    """(n, h, w) images -> one mosaic of ``columns`` per row with a ``pad`` line between."""
    n, h, w = images.shape
    rows = -(-n // columns)
    cells = np.full((rows * columns, h + 1, w + 1), pad, dtype=np.float32)
    cells[:n, :h, :w] = images
    mosaic = cells.reshape(rows, columns, h + 1, w + 1).transpose(0, 2, 1, 3)
    return mosaic.reshape(rows * (h + 1), columns * (w + 1))[:-1, :-1]

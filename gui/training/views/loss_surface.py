"""The loss around the current weights along two fixed random directions (log10 colour map
with a colour bar) and the optimizer's path projected on them, the current point marked.

The axes are the coordinates of the run's frame (engine/loss_surface.py): (0, 0) is where
the weights were when this view was first shown in the run; each surface is centred on the
weights of its probe, so the map follows the path."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from gui.training.views.base import LiveView, steady_axes

EMPTY = ("The loss surface around the current weights, with the optimizer's path, appears "
         "here when training runs: press Train")
TITLE = "Loss around the current weights"
SURFACE_RES = 21             # grid points per axis at most (fewer for costly models)
UPSAMPLE = 4                 # display pixels per grid step (bilinear): smooth, still cheap
PATH_PEN = pg.mkPen("#ffffff", width=2.5)
PATH_SHADOW = pg.mkPen("#1f2a36", width=4.5)      # a dark rim keeps the path visible anywhere


class LossSurfaceView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(EMPTY, parent)
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.plot = self.layout_widget.addPlot()
        steady_axes(self.plot)
        _style(self.plot)
        item = self.plot
        item.setAspectLocked(True)            # both axes are steps of the same size
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(colorMap=pg.colormap.get("viridis"),
                                          label="log₁₀ loss", interactive=False, width=10)
        self.colour_bar.setImageItem(self.image)
        self.layout_widget.addItem(self.colour_bar)
        self.layout_widget.nextRow()
        # A caption, not the title: a long title would squeeze the colour bar out of view.
        self.caption = self.layout_widget.addLabel("", col=0, colspan=2, size="8pt",
                                                   color="#4b5563")
        self.layout_widget.setMinimumSize(240, 150)
        self.path_shadow = self.plot.plot([], [], pen=PATH_SHADOW)
        self.path_line = self.plot.plot([], [], pen=PATH_PEN, name="optimizer's path")
        self.start = pg.ScatterPlotItem(size=9, symbol="o", pen=pg.mkPen("#1f2a36", width=1.5),
                                        brush=pg.mkBrush("#ffffff"))
        self.current = pg.ScatterPlotItem(size=13, symbol="star",
                                          pen=pg.mkPen("#1f2a36", width=1),
                                          brush=pg.mkBrush("#d62728"))
        item.addItem(self.start)
        item.addItem(self.current)
        self.layout_widget.setToolTip("Colour: log10 of the training loss (on a fixed subset) if the "
                             "weights moved along two random directions, each scaled to the "
                             "size of every unit's weights.\nWhite line: where the optimizer "
                             "went (projected); circle: where this view started; star: now.")
        self.set_content(self.layout_widget)
        self.grid_step: int | None = None    # the step of the grid drawn
        self.path = np.zeros((0, 2), np.float32)
        self.available = False

    def start_run(self, run) -> None:
        self.grid_step = None
        self.path = np.zeros((0, 2), np.float32)
        self.available = run is not None and bool(run.layer_ids)
        self.show_empty(EMPTY if run is None else
                        "Appears after the first probe, a moment after training starts"
                        if self.available else "This network has no weights to move")

    def needs(self, run, node) -> dict:
        return {"surface": {"res": SURFACE_RES}} if self.available else {}

    def show_probe(self, probe) -> None:
        s = probe.get("surface")
        if s is None:
            return
        if s.grid_step != self.grid_step:      # a new grid (between them: the path moves on)
            self._show_grid(s)
        self.path = np.asarray(s.path, dtype=np.float64).reshape(-1, 2)
        pts = np.vstack([self.path, [s.current]])
        for line in (self.path_shadow, self.path_line):
            line.setData(pts[:, 0], pts[:, 1])
        self.start.setData(pos=pts[:1])
        self.current.setData(pos=[s.current])
        # The grid is recomputed less often than the path: say which weights it shows.
        self.caption.setText(f"map at step {s.grid_step} · path to step {probe.step} · "
                             f"{s.examples} examples")
        self.show_content()

    def _show_grid(self, s) -> None:
        log_loss = _log10_finite(s.losses)
        lo, hi = float(np.min(log_loss)), float(np.max(log_loss))
        if hi - lo < 1e-6:                     # a flat surface still needs a colour range
            lo, hi = lo - 0.5, hi + 0.5
        self.image.setImage(_smooth(log_loss), autoLevels=False)
        self.colour_bar.setLevels((lo, hi))
        a, b = _fine(s.alphas), _fine(s.betas)
        da = (a[-1] - a[0]) / max(len(a) - 1, 1)
        db = (b[-1] - b[0]) / max(len(b) - 1, 1)
        # Pixel centres sit on the grid points, so the image reaches half a step further.
        rect = QRectF(a[0] - da / 2, b[0] - db / 2, a[-1] - a[0] + da, b[-1] - b[0] + db)
        self.image.setRect(rect)
        self.plot.setRange(rect=rect, padding=0.0)
        self.grid_step = s.grid_step


def _style(plot: pg.PlotItem) -> None:
    """Title and labelled axes as every dashboard plot has (see base.make_plot)."""
    plot.setTitle(f"<span style='font-size:10pt'>{TITLE}</span>")
    plot.setLabel("bottom", "direction 1")
    plot.setLabel("left", "direction 2")
    for axis in ("left", "bottom"):
        plot.getAxis(axis).enableAutoSIPrefix(False)
    plot.setMenuEnabled(False)


def _interpolation(n: int) -> np.ndarray:
    """(UPSAMPLE*(n-1)+1, n): linear interpolation between n grid points."""
    t = np.linspace(0, n - 1, UPSAMPLE * (n - 1) + 1)
    return np.maximum(0.0, 1.0 - np.abs(t[:, None] - np.arange(n)[None, :]))


def _smooth(grid: np.ndarray) -> np.ndarray:
    """The coarse grid, linearly interpolated for display (a 9 x 9 grid reads as blocks)."""
    rows, cols = _interpolation(grid.shape[0]), _interpolation(grid.shape[1])
    return (rows @ grid.astype(np.float64) @ cols.T).astype(np.float32)


def _fine(axis: np.ndarray) -> np.ndarray:
    return _interpolation(len(axis)) @ np.asarray(axis, np.float64)


def _log10_finite(losses: np.ndarray) -> np.ndarray:
    """log10 of the losses; a loss that blew up (inf/NaN) shows as the highest finite one."""
    x = np.asarray(losses, dtype=np.float64)
    ok = np.isfinite(x) & (x > 0)
    if not ok.any():
        return np.zeros(x.shape, np.float32)
    out = np.full(x.shape, np.log10(x[ok]).max())
    out[ok] = np.log10(x[ok])
    return out.astype(np.float32)

"""The loss around the current weights on a plane through them (log10 colour map with a
colour bar), and the optimizer's whole path since step 0 projected on it, with its start
and the weights now marked.

The plane is spanned by the path's two principal directions (by default, once the path has
a few points) or by two random filter-normalised directions (the "random directions"
toggle); the axes say which, and how much of the path's movement each principal direction
holds (engine/training/surface_probe.py). (0, 0) is the weights at the start of the path.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.views.base import LiveView, steady_axes
from engine.training.surface_probe import MAX_ASPECT, MIN_ASPECT
from gui.training.views.plot_parts import (Footer, fit_title, plot_aspect, swatch,
                                           with_footer)

EMPTY = QT_TRANSLATE_NOOP(
    "LossSurfaceView",
    "The loss surface around the current weights, with the optimizer's "
    "path, appears here when training runs: press Train",
)
TITLES = [
    QT_TRANSLATE_NOOP("LossSurfaceView", "Loss around the current weights, and the path to them"),
    QT_TRANSLATE_NOOP("LossSurfaceView", "Loss around the weights"),
    QT_TRANSLATE_NOOP("LossSurfaceView", "Loss surface"),
]
SURFACE_RES = 21             # grid points per axis at most (fewer for costly models)
UPSAMPLE = 4                 # display pixels per grid step (bilinear): smooth, still cheap
PATH_PEN = pg.mkPen("#ffffff", width=2.5)
PATH_SHADOW = pg.mkPen("#1f2a36", width=4.5)      # a dark rim keeps the path visible anywhere
START_COLOUR, NOW_COLOUR, RIM = "#ffffff", "#d62728", "#1f2a36"
TOOLTIP = QT_TRANSLATE_NOOP(
    "LossSurfaceView",
    "Colour: log10 of the training loss (on a fixed subset) if the weights moved "
    "within the plane drawn.\nPrincipal directions: the two along which the weights "
    "moved most (a PCA of the path, as in Li et al. 2018); random directions: two "
    "random ones, each scaled to the size of every unit's weights.\nWhite line: the "
    "weights' path since step 0, projected on the plane (off the plane the loss may "
    "differ from the map); circle: the start; star: now.",
)


class LossSurfaceView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(_tr(EMPTY), parent)
        self.layout_widget = pg.GraphicsLayoutWidget()
        self.plot = self.layout_widget.addPlot()
        steady_axes(self.plot)
        _style(self.plot)
        self.plot.setAspectLocked(True)       # both axes are steps of the same size
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.colour_bar = pg.ColorBarItem(
            colorMap=pg.colormap.get("viridis"),
            label=translate("LossSurfaceView", "log₁₀ loss"),
            interactive=False,
            width=10,
        )
        self.colour_bar.setImageItem(self.image)
        self.layout_widget.addItem(self.colour_bar)
        self.layout_widget.setMinimumSize(240, 150)
        self.path_shadow = self.plot.plot([], [], pen=PATH_SHADOW)
        self.path_line = self.plot.plot(
            [], [], pen=PATH_PEN, name=translate("LossSurfaceView", "optimizer's path")
        )
        self.start = _marker("o", 11, START_COLOUR)
        self.current = _marker("star", 15, NOW_COLOUR)
        for marker in (self.start, self.current):
            self.plot.addItem(marker)
        self.layout_widget.setToolTip(_tr(TOOLTIP))
        self.footer = Footer()
        self.random_check = self.footer.add_toggle(
            translate("LossSurfaceView", "random directions"),
            False,
            translate(
                "LossSurfaceView",
                "Span the plane with two random directions instead of the path's principal "
                "directions",
            ),
        )
        self.random_check.toggled.connect(lambda _on: self.needsChanged.emit())
        self.set_content(with_footer(self.layout_widget, self.footer))
        self.plot.getViewBox().sigResized.connect(self._resized)
        fit_title(self.plot, _titles())
        self.aspect = 1.0                    # the plot's width / height, as last asked for
        self.grid: tuple | None = None       # which grid is drawn (its step, plane, shape)
        self.path = np.zeros((0, 2), np.float32)
        self.path_steps = np.zeros(0, np.int64)
        first, second = translate("LossSurfaceView", "direction 1"), translate(
            "LossSurfaceView", "direction 2"
        )
        self.axis_names = ((first, first), (second, second))
        self.available = False

    @property
    def directions(self) -> str:
        return "random" if self.random_check.isChecked() else "pca"

    def start_run(self, run) -> None:
        self.grid = None
        self.path = np.zeros((0, 2), np.float32)
        self.path_steps = np.zeros(0, np.int64)
        self.available = run is not None and bool(run.layer_ids)
        self.show_empty(
            _tr(EMPTY)
            if run is None
            else (
                translate(
                    "LossSurfaceView",
                    "Appears after the first probe, a moment after training starts",
                )
                if self.available
                else translate("LossSurfaceView", "This network has no weights to move")
            )
        )

    def needs(self, run, node) -> dict:
        if not self.available:
            return {}
        return {"surface": {"res": SURFACE_RES, "directions": self.directions,
                            "aspect": self.aspect}}

    def _resized(self) -> None:
        """Fit the labels; a grid of another shape is asked for when the plot's changed."""
        self._fit_labels()
        aspect = plot_aspect(self.plot.getViewBox(), self.aspect, MIN_ASPECT, MAX_ASPECT)
        if aspect != self.aspect:
            self.aspect = aspect
            if self.available:
                self.needsChanged.emit()

    def show_probe(self, probe) -> None:
        s = probe.get("surface")
        if s is None:
            return
        if _grid_key(s) != self.grid:     # a new grid (between grids only the path moves
            self._show_grid(s)            # on); at one step too: another plane or shape
        self.path = np.asarray(s.path, dtype=np.float64).reshape(-1, 2)
        self.path_steps = np.asarray(s.path_steps)
        for line in (self.path_shadow, self.path_line):
            line.setData(self.path[:, 0], self.path[:, 1])
        self.start.setData(pos=self.path[:1])
        self.current.setData(pos=[s.current])
        self.footer.set_legend(
            [
                (
                    swatch(RIM, "○"),
                    translate("LossSurfaceView", "start (step {step})").format(
                        step=f"{int(s.path_steps[0]):,}"
                    ),
                ),
                (
                    swatch(NOW_COLOUR, "★"),
                    translate("LossSurfaceView", "now (step {step})").format(
                        step=f"{probe.step:,}"
                    ),
                ),
                (swatch(RIM, "━"), translate("LossSurfaceView", "path")),
            ],
            translate("LossSurfaceView", "Map at step {step}, on {n} examples.").format(
                step=f"{s.grid_step:,}", n=s.examples
            )
            + _fallback_note(self.directions, s.directions),
        )
        self.show_content()

    def _show_grid(self, s) -> None:
        log_loss = log10_finite(s.losses)
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
        self.grid = _grid_key(s)
        self.axis_names = axis_names(s.directions, s.shares)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """The long axis names where they fit (the left axis runs along the plot's height)."""
        box = self.plot.getViewBox()
        (long_x, short_x), (long_y, short_y) = self.axis_names
        for side, long, short, room in (("bottom", long_x, short_x, box.width()),
                                        ("left", long_y, short_y, box.height())):
            text = long if _fits(long, room) else short
            axis = self.plot.getAxis(side)
            if axis.labelText != text:
                self.plot.setLabel(side, text)
                axis.resizeEvent()        # centres the new label (pyqtgraph does on resize)
        fit_title(self.plot, _titles())


def _grid_key(s) -> tuple:
    """What tells one grid from another (a step can have several: plane, shape)."""
    return s.grid_step, s.directions, s.losses.shape, float(s.alphas[0]), float(s.betas[0])


def axis_names(directions: str, shares) -> tuple:
    """((long, short) name of the x axis, the same of the y axis)."""
    if directions == "pca" and shares is not None:
        return tuple(
            (
                translate("LossSurfaceView", "PC {i} ({share} % of the path's variance)").format(
                    i=i, share=f"{100 * share:.0f}"
                ),
                translate("LossSurfaceView", "PC {i} ({share} %)").format(
                    i=i, share=f"{100 * share:.0f}"
                ),
            )
            for i, share in zip((1, 2), shares)
        )
    first, second = translate("LossSurfaceView", "random direction 1"), translate(
        "LossSurfaceView", "random direction 2"
    )
    return ((first,) * 2, (second,) * 2)


def _fallback_note(asked: str, got: str) -> str:
    if asked == "pca" and got != "pca":
        return " " + translate(
            "LossSurfaceView",
            "Random directions until the path is long enough for its principal ones.",
        )
    return ""


def _fits(text: str, pixels: float) -> bool:
    # ~6.5 px a character at the axis font; a Hangul syllable is about twice as wide
    return sum(13 if ord(c) >= 0x1100 else 6.5 for c in text) <= pixels


def _marker(symbol: str, size: int, colour: str) -> pg.ScatterPlotItem:
    marker = pg.ScatterPlotItem(size=size, symbol=symbol, pen=pg.mkPen(RIM, width=1.5),
                                brush=pg.mkBrush(colour))
    marker.setZValue(10)                      # above the path, whatever it crosses
    return marker


def _style(plot: pg.PlotItem) -> None:
    """Title and labelled axes as every dashboard plot has (see base.make_plot)."""
    plot.setTitle(f"<span style='font-size:10pt'>{_titles()[-1]}</span>")
    plot.setLabel("bottom", translate("LossSurfaceView", "direction 1"))
    plot.setLabel("left", translate("LossSurfaceView", "direction 2"))
    for axis in ("left", "bottom"):
        plot.getAxis(axis).enableAutoSIPrefix(False)
    plot.setMenuEnabled(False)


def _titles() -> list[str]:
    return [_tr(title) for title in TITLES]


def _tr(text: str) -> str:
    """One of this module's QT_TRANSLATE_NOOP texts, translated (lupdate finds them there)."""
    return translate("LossSurfaceView", text)


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


def log10_finite(losses: np.ndarray) -> np.ndarray:
    """log10 of the losses; a loss that blew up (inf/NaN) shows as the highest finite one."""
    x = np.asarray(losses, dtype=np.float64)
    ok = np.isfinite(x) & (x > 0)
    if not ok.any():
        return np.zeros(x.shape, np.float32)
    out = np.full(x.shape, np.log10(x[ok]).max())
    out[ok] = np.log10(x[ok])
    return out.astype(np.float32)

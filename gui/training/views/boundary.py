"""The decision boundary of a 2-D classifier (the predicted class's colour, paler where the
model is less sure, the lines between the classes, and the data points) and the fitted
curve of a 1-D input over its data (with the true curve where the dataset knows it)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QT_TRANSLATE_NOOP

from engine.training.messages import GridProbe
from engine.training.probes import MAX_ASPECT, MIN_ASPECT
from gui.i18n import translate
from gui.training.views.base import LiveView, class_colour, make_plot
from gui.training.views.boundary_map import boundary_rgb, class_boundaries, image_rect
from gui.training.views.plot_parts import (Footer, fit_title, plot_aspect, swatch,
                                           with_footer)

EMPTY = QT_TRANSLATE_NOOP(
    "BoundaryView",
    "The decision boundary (2-D inputs) or the fitted curve (1-D inputs) "
    "appears here when training runs: press Train",
)
WAITING = QT_TRANSLATE_NOOP(
    "BoundaryView", "Appears after the first probe, a moment after training starts"
)
GRID_RES = 80                # points along the map's shorter side / of the fitted curve
POINT_ALPHA = 150            # training points let the map and its lines show through
LINE_COLOUR = "#1f2a36"
FIT_COLOUR = class_colour(1)
TRUE_COLOUR = "#2ca02c"
GREY = (110, 110, 110)
TITLES = {
    "grid": [
        QT_TRANSLATE_NOOP(
            "BoundaryView", "Decision boundary: colour = predicted class, paler = less sure"
        ),
        QT_TRANSLATE_NOOP("BoundaryView", "Decision boundary (paler = less sure)"),
        QT_TRANSLATE_NOOP("BoundaryView", "Decision boundary"),
    ],
    "curve": [
        QT_TRANSLATE_NOOP("BoundaryView", "Fitted curve over the data"),
        QT_TRANSLATE_NOOP("BoundaryView", "Fitted curve"),
    ],
}


class BoundaryView(LiveView):
    page = "Data"

    def __init__(self, parent=None):
        super().__init__(_tr(EMPTY), parent)
        self.plot = make_plot(
            translate("BoundaryView", "Decision boundary"),
            translate("BoundaryView", "x₀ (feature 0)"),
            translate("BoundaryView", "x₁ (feature 1)"),
        )
        item = self.plot.getPlotItem()
        self.image = pg.ImageItem()
        self.image.setZValue(-10)
        item.addItem(self.image)
        self.lines = pg.PlotCurveItem(pen=pg.mkPen(LINE_COLOUR, width=2))
        item.addItem(self.lines)
        self.true_curve = self.plot.plot([], [], pen=pg.mkPen(TRUE_COLOUR, width=2.5,
                                                               style=Qt.PenStyle.DashLine))
        # The first curve is the regression fit, with the gap to the true curve shaded.
        self.fit_curves: list = [self.plot.plot([], [], pen=pg.mkPen(FIT_COLOUR, width=2.5))]
        self.error_fill = pg.FillBetweenItem(self.true_curve, self.fit_curves[0],
                                             brush=pg.mkBrush(*FIT_COLOUR, 45))
        item.addItem(self.error_fill)
        self.points = pg.ScatterPlotItem(size=5, pen=None)
        self.val_points = pg.ScatterPlotItem(size=6, brush=pg.mkBrush(255, 255, 255, 90))
        for scatter in (self.points, self.val_points):
            item.addItem(scatter)
        # Lines over the points: the fit and the truth must stay visible among them.
        for z, part in enumerate((self.error_fill, self.true_curve, *self.fit_curves,
                                  self.lines), start=1):
            part.setZValue(z)
        self.footer = Footer()
        self.points_check = self.footer.add_toggle(
            translate("BoundaryView", "points"),
            True,
            translate("BoundaryView", "Show the data points (hide them to see the whole map)"),
        )
        self.points_check.toggled.connect(self._show_points)
        self.set_content(with_footer(self.plot, self.footer))
        self._points_key = None
        self.mode: str | None = None         # "grid" | "curve"
        self.available = False
        self.class_names: tuple = ()
        self.aspect = 1.0                    # the plot's width / height, as last asked for
        item.getViewBox().sigResized.connect(self._resized)
        fit_title(item, titles("grid"))

    def start_run(self, run) -> None:
        self.mode = None
        why = unavailable(run)
        self.available = why is None
        self.class_names = tuple(run.class_names) if run is not None else ()
        self.show_empty(why or _tr(WAITING))

    def needs(self, run, node) -> dict:
        return {"grid": {"res": GRID_RES, "aspect": self.aspect}} if self.available else {}

    def show_probe(self, probe) -> None:
        found = probe.get("grid")
        if isinstance(found, GridProbe):
            self._show_grid(found)
        elif found is not None:
            self._show_curve(found)

    def _resized(self) -> None:
        """Fit the title; a map of another shape is asked for when the plot's changed (so
        the map fills it with both axes at the same scale)."""
        if self.mode is not None:
            fit_title(self.plot.getPlotItem(), titles(self.mode))
        aspect = plot_aspect(self.plot.getPlotItem().getViewBox(), self.aspect,
                             MIN_ASPECT, MAX_ASPECT)
        if aspect != self.aspect:
            self.aspect = aspect
            if self.available:
                self.needsChanged.emit()

    # ---- the decision boundary --------------------------------------------------------------
    def _show_grid(self, g) -> None:
        if self.mode != "grid":
            self._enter_mode(
                "grid",
                translate("BoundaryView", "x₀ (feature 0)"),
                translate("BoundaryView", "x₁ (feature 1)"),
            )
        rgb, stretch = boundary_rgb(g.probs)
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255))
        rect = QRectF(*image_rect(g.xs, g.ys))
        self.image.setRect(rect)
        self.plot.getPlotItem().setRange(rect=rect, padding=0.0)
        segments = class_boundaries(g.probs, g.xs, g.ys)
        self.lines.setData(segments[:, 0], segments[:, 1], connect="pairs")
        key = ("grid", len(g.labels), float(np.sum(g.points)), len(g.val_labels))
        if key != self._points_key:        # the data points do not move during a run
            self._set_points(self.points, g.points, _class_brushes(g.labels, POINT_ALPHA),
                             None)
            self._set_points(self.val_points, g.val_points, pg.mkBrush(255, 255, 255, 90),
                             [pg.mkPen(class_colour(int(c)), width=1.4) for c in g.val_labels])
            self._points_key = key
        self.footer.set_legend(self._grid_legend(g.probs.shape[-1]),
                               _stretch_note(g.probs, stretch))
        self.show_content()

    def _grid_legend(self, k: int) -> list:
        names = self._names(k)
        line = (
            translate("BoundaryView", "P = 0.5 line")
            if k == 2
            else translate("BoundaryView", "class boundaries")
        )
        return [(swatch(class_colour(c)), names[c]) for c in range(k)] + [
            (swatch(LINE_COLOUR, "━"), line),
            (swatch(GREY, "●"), translate("BoundaryView", "train")),
            (swatch(GREY, "○"), translate("BoundaryView", "validation")),
        ]

    def _names(self, k: int) -> tuple:
        return (
            self.class_names
            if len(self.class_names) == k
            else tuple(translate("BoundaryView", "class {n}").format(n=c) for c in range(k))
        )

    # ---- the fitted curve ---------------------------------------------------------------------
    def _show_curve(self, c) -> None:
        classes = self.class_names
        if self.mode != "curve":
            self._enter_mode(
                "curve",
                translate("BoundaryView", "x (input)"),
                (
                    translate("BoundaryView", "P(class)")
                    if classes
                    else translate("BoundaryView", "y (output)")
                ),
            )
        outputs = c.ys.shape[1]
        while len(self.fit_curves) < outputs:
            self.fit_curves.append(self.plot.plot([], []))
            self.fit_curves[-1].setZValue(3)
        for k in range(outputs):
            self.fit_curves[k].setPen(pg.mkPen(class_colour(k) if classes else FIT_COLOUR,
                                               width=2.5))
            self.fit_curves[k].setData(c.xs, c.ys[:, k])
        truth = c.true_ys is not None and not classes
        if truth:
            self.true_curve.setData(c.xs, c.true_ys[:, 0])
        else:
            self.true_curve.setData([], [])
        self.error_fill.setVisible(truth)
        key = ("curve", len(c.points_x), float(np.sum(c.points_x)), len(c.val_x))
        if key != self._points_key:
            self._set_curve_points(c)
            self._points_key = key
        self.footer.set_legend(self._curve_legend(outputs, truth), _error_note(c) if truth
                               else "")
        self.show_content()

    def _set_curve_points(self, c) -> None:
        grey = pg.mkBrush(*GREY, POINT_ALPHA)
        self._set_points(self.points, _xy(c.points_x, c.points_y), grey, None)
        self._set_points(self.val_points, _xy(c.val_x, c.val_y),
                         pg.mkBrush(255, 255, 255, 90), pg.mkPen(GREY, width=1.4))

    def _curve_legend(self, outputs: int, truth: bool) -> list:
        if self.class_names:
            fits = [(swatch(class_colour(k), "━"), f"P({self.class_names[k]})")
                    for k in range(min(outputs, len(self.class_names)))]
        else:
            fits = [(swatch(FIT_COLOUR, "━"), translate("BoundaryView", "model"))]
        if truth:
            fits.append((swatch(TRUE_COLOUR, "╍"), translate("BoundaryView", "true curve")))
        return fits + [
            (swatch(GREY, "●"), translate("BoundaryView", "train")),
            (swatch(GREY, "○"), translate("BoundaryView", "validation")),
        ]

    # ---- shared -------------------------------------------------------------------------------
    def _set_points(self, scatter, pos: np.ndarray, brush, pen) -> None:
        pos = np.asarray(pos, np.float64).reshape(-1, 2)
        scatter.setData(pos=pos, brush=brush, pen=pen)

    def _show_points(self, on: bool) -> None:
        self.points.setVisible(on)
        self.val_points.setVisible(on)

    def _enter_mode(self, mode: str, x_label: str, y_label: str) -> None:
        self.mode = mode
        self._points_key = None
        item = self.plot.getPlotItem()
        fit_title(item, titles(mode))
        item.setLabel("bottom", x_label)
        item.setLabel("left", y_label)
        grid = mode == "grid"
        for part in (self.image, self.lines):
            part.setVisible(grid)
        for part in (*self.fit_curves, self.true_curve, self.error_fill):
            part.setVisible(not grid)
        item.setAspectLocked(grid)       # both axes are features: keep shapes round


def _class_brushes(labels: np.ndarray, alpha: int) -> list:
    return [pg.mkBrush(*class_colour(int(c)), alpha) for c in labels]


def _xy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64)
    y = y[:, 0] if y.ndim == 2 else y
    return np.stack([np.asarray(x, np.float64), y], axis=1)


def _stretch_note(probs: np.ndarray, stretch: float) -> str:
    """Say so when the colours are stretched: the map would otherwise claim a sureness the
    model does not have."""
    if stretch <= 1.0:
        return ""
    return translate(
        "BoundaryView",
        "Nowhere sure (P ≤ {p}): colours stretched ×{stretch} to show where it leans.",
    ).format(p=f"{float(probs.max()):.2f}", stretch=f"{stretch:.0f}")


def _error_note(c) -> str:
    """How far the fit is from the true curve, over the data's range (not the margins)."""
    inside = (c.xs >= np.min(c.points_x)) & (c.xs <= np.max(c.points_x))
    if not inside.any():
        return ""
    error = np.sqrt(np.mean((c.ys[inside, 0] - c.true_ys[inside, 0]) ** 2))
    return translate(
        "BoundaryView", "Model off the true curve by {error} (RMSE over the data's x)."
    ).format(error=f"{error:.3f}")


def unavailable(run) -> str | None:
    """Why this view cannot show ``run`` (None: it can)."""
    if run is None:
        return _tr(EMPTY)
    shape = list(run.input_shape)
    if not (len(shape) == 1 and shape[0] in (1, 2)):
        return translate(
            "BoundaryView",
            "The decision boundary needs a 2-D input and the fitted curve a "
            "1-D input; this network's input is {shape}",
        ).format(shape=shape)
    if shape[0] == 2 and run.task != "classification":
        return translate(
            "BoundaryView", "The decision boundary is drawn for classification with a 2-D input"
        )
    return None


def titles(mode: str) -> list[str]:
    """The title's wordings for ``mode`` ("grid" or "curve"), longest first, translated."""
    return [_tr(title) for title in TITLES[mode]]


def _tr(text: str) -> str:
    """One of this module's QT_TRANSLATE_NOOP texts, translated (lupdate finds them there)."""
    return translate("BoundaryView", text)

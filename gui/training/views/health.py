"""Network health, live: for each element-wise activation node in graph order (left: near
the input), the share of saturated units (Sigmoid, Tanh: f'(z) below 0.1 of its maximum)
or dead units (ReLU: never positive on the probe batch), and, on a log axis, the spread of
its outputs and of the gradient reaching them. A sigmoid stack's gradient falls by decades
towards the input (vanishing gradients); a bad weight scale saturates or kills a layer.
The numbers are the engine's "health" probe (engine/training/health_probe.py)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QWidget

from engine.training.health_probe import MOSTLY, SATURATION, HealthProbe
from gui.i18n import translate
from gui.training.previews import badge_text
from gui.training.views.base import LiveView, make_plot
from gui.training.views.plot_parts import Footer, fit_title, swatch, with_footer

EMPTY = QT_TRANSLATE_NOOP(
    "HealthView",
    "Network health (saturated and dead units, activation and gradient "
    "spread by depth) appears here when training runs: press Train",
)
NO_ACTIVATIONS = QT_TRANSLATE_NOOP(
    "HealthView",
    "This network has no element-wise activation (Sigmoid, Tanh, "
    "ReLU, LeakyReLU, ELU): there is no saturation or dead "
    "unit to show",
)
WAITING = QT_TRANSLATE_NOOP(
    "HealthView", "Appears after the first probe, a moment after training starts"
)
SATURATED_COLOUR = "#e6862e"
DEAD_COLOUR = "#6a3d9a"
ACT_COLOUR = "#1f77b4"
GRAD_COLOUR = "#d62728"
SHARE_TITLES = [
    QT_TRANSLATE_NOOP("HealthView", "Saturated or dead units by layer"),
    QT_TRANSLATE_NOOP("HealthView", "Saturated / dead units"),
    QT_TRANSLATE_NOOP("HealthView", "Saturated / dead"),
]
SPREAD_TITLES = [
    QT_TRANSLATE_NOOP("HealthView", "Activation and gradient spread by depth"),
    QT_TRANSLATE_NOOP("HealthView", "Spread by depth"),
    QT_TRANSLATE_NOOP("HealthView", "Spread"),
]
LABEL_PX = 30            # a bar's share is written above it when bars are this far apart
MIN_WIDTH = 440          # two plots side by side, each with room for its axis labels
TINY = 1e-12             # a zero cannot be drawn on a log axis


class HealthView(LiveView):
    page = "Backprop"

    def __init__(self, parent=None):
        super().__init__(_tr(EMPTY), parent)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        share_titles = [_tr(t) for t in SHARE_TITLES]
        spread_titles = [_tr(t) for t in SPREAD_TITLES]
        layers = translate("HealthView", "layers, input → output")
        self.share_plot = make_plot(
            share_titles[-1], layers, translate("HealthView", "share of units")
        )
        self.spread_plot = make_plot(
            spread_titles[-1], layers, translate("HealthView", "std, RMS (log)")
        )
        for plot, titles in ((self.share_plot, share_titles), (self.spread_plot, spread_titles)):
            item = plot.getPlotItem()
            item.getViewBox().sigResized.connect(
                lambda _vb, item=item, titles=titles: fit_title(item, titles))
        self.share_plot.getPlotItem().getViewBox().sigResized.connect(self._relabel)
        self._build_share_plot()
        self._build_spread_plot()
        row.addWidget(self.share_plot)
        row.addWidget(self.spread_plot)
        self.footer = Footer()
        self.footer.set_legend(self._legend())
        self.set_content(with_footer(box, self.footer))
        self.last: HealthProbe | None = None
        self.setMinimumWidth(MIN_WIDTH)

    def _build_share_plot(self) -> None:
        item = self.share_plot.getPlotItem()
        item.setYRange(0, 1, padding=0.02)
        item.setMouseEnabled(False, False)
        item.hideButtons()
        item.addLine(y=MOSTLY, pen=pg.mkPen("#9aa3ad", style=pg.QtCore.Qt.PenStyle.DashLine))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.6)
        item.addItem(self.bars)
        self.share_text: list = []
        self.share_plot.setToolTip(
            translate(
                "HealthView",
                "Saturated (Sigmoid, Tanh): the share of the probe batch's values whose slope "
                "f'(z) is below {saturation} of its maximum (Sigmoid |z| > 3.6, Tanh "
                "|z| > 1.8): they pass almost no gradient back.\nDead (ReLU): the share of "
                "units never above 0 on the probe batch: they get no gradient and stop learning."
                "\nThe dashed line is {mostly}: past it the card gets a badge.",
            ).format(saturation=f"{SATURATION:g}", mostly=f"{MOSTLY:.0%}")
        )

    def _build_spread_plot(self) -> None:
        item = self.spread_plot.getPlotItem()
        item.setLogMode(y=True)
        item.setMouseEnabled(False, False)
        item.hideButtons()
        self.act_curve = item.plot([], [], pen=pg.mkPen(ACT_COLOUR, width=2), symbol="o",
                                   symbolSize=6, symbolBrush=ACT_COLOUR, symbolPen=None)
        self.grad_curve = item.plot([], [], pen=pg.mkPen(GRAD_COLOUR, width=2), symbol="s",
                                    symbolSize=6, symbolBrush=GRAD_COLOUR, symbolPen=None)
        self.spread_plot.setToolTip(
            translate(
                "HealthView",
                "Blue: the standard deviation of each layer's outputs over the probe batch.\n"
                "Red: the RMS of the gradient of each sample's loss reaching those outputs.\n"
                "A red line falling by decades towards the input: vanishing gradients (early "
                "layers barely learn). Activations shrinking or growing layer by layer: a bad "
                "weight scale (try he for ReLU, xavier for Sigmoid/Tanh).",
            )
        )

    @staticmethod
    def _legend() -> list:
        return [
            (swatch(SATURATED_COLOUR), translate("HealthView", "saturated")),
            (swatch(DEAD_COLOUR), translate("HealthView", "dead (ReLU)")),
            (swatch(ACT_COLOUR, "●"), translate("HealthView", "activation std")),
            (swatch(GRAD_COLOUR, "■"), translate("HealthView", "gradient RMS")),
        ]

    # ---- LiveView ---------------------------------------------------------------------------
    def start_run(self, run) -> None:
        self.last = None
        self.show_empty(_tr(WAITING if run is not None else EMPTY))

    def needs(self, run, node) -> dict:
        return {"health": None}

    def show_probe(self, probe) -> None:
        found = probe.get("health")
        if found is None:
            return
        self.last = found
        self.draw(found)

    def draw(self, health: HealthProbe) -> None:
        layers = health.layers
        if not layers:
            self.show_empty(_tr(NO_ACTIVATIONS))
            return
        x = np.arange(len(layers), dtype=float)
        ticks = [[(i, h.id) for i, h in enumerate(layers)]]
        for plot in (self.share_plot, self.spread_plot):
            plot.getPlotItem().getAxis("bottom").setTicks(ticks)
            plot.getPlotItem().setXRange(-0.6, len(layers) - 0.4, padding=0)
        self._draw_shares(x, layers)
        self._draw_spread(x, layers)
        self.footer.set_legend(self._legend(), self._note(health))
        self.show_content()

    def _draw_shares(self, x: np.ndarray, layers) -> None:
        shares = [h.saturated if h.saturated is not None else h.dead for h in layers]
        heights = np.array([s if s is not None else 0.0 for s in shares], dtype=float)
        brushes = [pg.mkBrush(pg.mkColor(DEAD_COLOUR if h.dead is not None else SATURATED_COLOUR)
                              .lighter(100 if not h.is_output else 160)) for h in layers]
        self.bars.setOpts(x=x, height=heights, width=0.6, brushes=brushes, pens=[None] * len(x))
        item = self.share_plot.getPlotItem()
        for text in self.share_text:
            item.removeItem(text)
        self.share_text = []
        room = self.share_plot.getPlotItem().getViewBox().width() / max(len(layers), 1)
        if room < LABEL_PX:              # the labels would overprint: the bars and tooltip say it
            return
        for i, (h, s) in enumerate(zip(layers, shares)):
            label = translate("HealthView", "n/a") if s is None else f"{s:.0%}"
            inside = heights[i] > 0.8             # over a tall bar the title would cut it
            text = pg.TextItem(label, color="#ffffff" if inside and not h.is_output else "#1f2a36",
                               anchor=(0.5, 0.0 if inside else 1.0))
            text.setPos(i, float(heights[i]) + (-0.02 if inside else 0.02))
            item.addItem(text)
            self.share_text.append(text)

    def _relabel(self) -> None:
        if self.last is not None and self.last.layers:
            self._draw_shares(np.arange(len(self.last.layers), dtype=float), self.last.layers)

    def _draw_spread(self, x: np.ndarray, layers) -> None:
        self.act_curve.setData(x, np.maximum([h.act_std for h in layers], TINY))
        with_grad = [(i, h.grad_rms) for i, h in enumerate(layers) if h.grad_rms is not None]
        gx = np.array([i for i, _g in with_grad], dtype=float)
        gy = np.maximum(np.array([g for _i, g in with_grad], dtype=float), TINY)
        self.grad_curve.setData(gx, gy)
        values = np.concatenate([np.maximum([h.act_std for h in layers], TINY), gy])
        finite = values[np.isfinite(values)]
        if finite.size:
            low, high = np.log10(finite.min()), np.log10(finite.max())
            pad = max(0.2, 0.08 * (high - low))
            self.spread_plot.getPlotItem().setYRange(low - pad, high + pad, padding=0)

    @staticmethod
    def _note(health: HealthProbe) -> str:
        note = translate("HealthView", "step {step}, {n} validation samples").format(
            step=f"{health.step:,}", n=health.samples
        )
        badges = health.badges()
        if badges:
            note += " · " + ", ".join(f"{nid}: {badge_text(b)}" for nid, b in badges.items())
        out = [h.id for h in health.layers if h.is_output]
        if out:
            note += " · " + translate(
                "HealthView", "{id} is the output (its saturation is confidence)"
            ).format(id=out[0])
        return note


def _tr(text: str) -> str:
    """One of this module's QT_TRANSLATE_NOOP texts, translated (lupdate finds them there)."""
    return translate("HealthView", text)

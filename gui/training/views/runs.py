"""Curves of several runs on one plot: the current run's in colour, earlier runs faded, each
labelled with what it had that the current run has not ("run 2: lr 0.1, batch size 1")."""
from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate
from gui.training.buffers import LiveCurve
from gui.training.views.base import FADED_ALPHA

MAX_OLD_RUNS = 8        # older faded runs beyond this are dropped (memory stays bounded)
MAX_DIFFERENCES = 3     # a label names at most this many differences
MAX_VALUE_CHARS = 32    # a longer setting (a Conv2D's parameters) is cut short
# the settings' names a label may give (run_setup.run_settings), in the window's language;
# node ids, parameter names and values stay as they are
SETTING_NAMES = {
    "optimizer": QT_TRANSLATE_NOOP("RunCurves", "optimizer"),
    "batch size": QT_TRANSLATE_NOOP("RunCurves", "batch size"),
    "scheduler": QT_TRANSLATE_NOOP("RunCurves", "scheduler"),
    "loss": QT_TRANSLATE_NOOP("RunCurves", "loss"),
    "data": QT_TRANSLATE_NOOP("RunCurves", "data"),
    "validation split": QT_TRANSLATE_NOOP("RunCurves", "validation split"),
    "epochs": QT_TRANSLATE_NOOP("RunCurves", "epochs"),
    "seed": QT_TRANSLATE_NOOP("RunCurves", "seed"),
}


@dataclass
class _Run:
    info: object                 # its RunInfo (None: not known)
    curves: list                 # its LiveCurves, faded
    label: str = ""


class RunCurves:
    """Named LiveCurves for the current run; ``new_run`` fades them and starts fresh ones.
    x is appended in epochs; ``set_in_steps`` draws every run's x in its own steps."""

    def __init__(self, plot_item, styles: dict[str, dict]):
        self.plot_item = plot_item
        self.styles = styles               # name -> PlotDataItem keyword arguments
        self.info = None                   # the current run's RunInfo
        self.in_steps = False
        self.current: dict[str, LiveCurve] = {}
        self.old: list[_Run] = []
        self._make_current()

    def _make_current(self) -> None:
        self.current = {name: LiveCurve(self.plot_item, **kw) for name, kw in self.styles.items()}
        self._scale(self.info, self.current.values())

    def new_run(self, info=None) -> None:
        """Keep the current curves faded (if they have data) and start empty ones for the
        run ``info`` (a RunInfo; None: no run)."""
        kept = [c for c in self.current.values() if len(c)]
        for curve in self.current.values():
            if not len(curve):
                self.plot_item.removeItem(curve.item)
        for curve in kept:
            _fade(curve)
        if kept:
            self.old.append(_Run(self.info, kept))
        while len(self.old) > MAX_OLD_RUNS:
            self._remove(self.old.pop(0))
        self.info = info
        self._make_current()
        self._label_old_runs()

    def _label_old_runs(self) -> None:
        for run in self.old:
            run.label = run_label(run.info, self.info)
            for curve in run.curves:
                _set_tooltip(
                    curve, translate("RunCurves", "Faded: {label}").format(label=run.label)
                )

    @property
    def old_labels(self) -> list[str]:
        return [run.label for run in self.old]

    def clear_old(self) -> None:
        for run in self.old:
            self._remove(run)
        self.old.clear()

    def _remove(self, run: _Run) -> None:
        for curve in run.curves:
            self.plot_item.removeItem(curve.item)

    def append(self, name: str, x, y) -> None:
        self.current[name].append(x, y)

    def redraw(self) -> None:
        for curve in self.current.values():
            curve.redraw()

    def set_in_steps(self, on: bool) -> None:
        """x in steps (each run's epochs times its batches per epoch) or in epochs."""
        self.in_steps = on
        self._scale(self.info, self.current.values())
        for run in self.old:
            self._scale(run.info, run.curves)
            for curve in run.curves:
                curve.redraw()

    def _scale(self, info, curves) -> None:
        n_batches = max(1, int(info.n_batches)) if info is not None else 1
        for curve in curves:
            curve.set_x_scale(n_batches if self.in_steps else 1)

    def all_curves(self) -> list[LiveCurve]:
        return [*self.current.values(), *(c for run in self.old for c in run.curves)]

    def x_end(self) -> float | None:
        """The furthest x any run draws (None: no point)."""
        ends = [e for e in (c.x_end() for c in self.all_curves()) if e is not None]
        return max(ends) if ends else None

    def has_data(self) -> bool:
        return any(len(c) for c in self.all_curves())

    def key_entries(self) -> list[tuple[str, str, bool]]:
        """(colour, name, marked) of each current curve, for the plot's key."""
        return [(pg.mkPen(kw.get("pen")).color().name(), kw.get("name", name),
                 kw.get("symbol") is not None) for name, kw in self.styles.items()]

    def __getitem__(self, name: str) -> LiveCurve:
        return self.current[name]


def run_label(old, new) -> str:
    """'run 2: lr 0.1, batch size 1': the run ``old`` (RunInfo) named by the settings it had
    that the current run ``new`` has not (None: no current run to compare with)."""
    if old is None:
        return translate("RunCurves", "an earlier run")
    name = translate("RunCurves", "run {run}").format(run=old.run_id)
    if new is None:
        return name
    was, now = old.settings, new.settings
    keys = [*was, *(k for k in now if k not in was)]
    differences = [_difference(k, was.get(k)) for k in keys if was.get(k) != now.get(k)]
    if not differences:
        return translate("RunCurves", "{run}: same settings").format(run=name)
    more = len(differences) - MAX_DIFFERENCES
    text = ", ".join(differences[:MAX_DIFFERENCES])
    if more > 0:
        text = translate("RunCurves", "{list} and {n} more").format(list=text, n=more)
    return f"{name}: {text}"


def _difference(key: str, value) -> str:
    if key == "wiring":
        return translate("RunCurves", "other wiring")
    if key in SETTING_NAMES:
        key = translate("RunCurves", SETTING_NAMES[key])
    if value is None:
        return translate("RunCurves", "no {setting}").format(setting=key)
    value = str(value)
    if len(value) > MAX_VALUE_CHARS:
        value = value[:MAX_VALUE_CHARS - 1] + "…"
    return f"{key} {value}"


def _set_tooltip(curve: LiveCurve, text: str) -> None:
    """Hovering a faded curve (its line or its markers) names its run."""
    for part in (curve.item.curve, curve.item.scatter):
        part.setToolTip(text)


def _fade(curve: LiveCurve) -> None:
    curve.redraw()
    pen = pg.mkPen(curve.item.opts["pen"])
    colour = pen.color()
    colour.setAlpha(FADED_ALPHA)
    pen.setColor(colour)
    pen.setWidthF(1.0)
    curve.item.setPen(pen)
    curve.item.setSymbolBrush(pg.mkBrush(colour))
    curve.item.setSymbolPen(None)

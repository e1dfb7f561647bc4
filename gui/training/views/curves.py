"""What the views of the Curves page share: one x axis (epochs or steps, see set_x_unit) whose
range the dashboard shares between them, and a key under the plot instead of a legend on it
(a legend inside the plot covered the data: the loss on a log axis, the gradient norms late
in a run)."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import translate
from gui.training.buffers import SharedXRange
from gui.training.views.base import LiveView, make_plot

X_UNITS = {
    "epoch": QT_TRANSLATE_NOOP("CurvesView", "epoch"),  # unit -> the x axis'
    "step": QT_TRANSLATE_NOOP("CurvesView", "step (batch)"),
}  # label
FADED_COLOUR = "#aab4bf"
LABEL_OVERHANG_PX = 12


def x_label(unit: str) -> str:
    """The x axis' label for ``unit`` ("epoch" or "step"), in the window's language."""
    return translate("CurvesView", X_UNITS[unit])


class FittedTitle(QLabel):
    """A plot's title above it, the first of its wordings (longest first) that fits. In
    the plot, pyqtgraph makes a title's width the plot's minimum width: a long title
    widened the plot past its column and cut off its right side."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("curve_title")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet("background: white; color: #1f2a36; font-size: 10pt;"
                           "padding: 3px 0px 4px 0px;")
        self.wordings: list[str] = []

    def set_wordings(self, wordings) -> None:
        self.wordings = [wordings] if isinstance(wordings, str) else list(wordings)
        self.fit()

    def fit(self) -> None:
        room = self.contentsRect().width() - 8
        metrics = self.fontMetrics()
        fits = [w for w in self.wordings if metrics.horizontalAdvance(w) <= room]
        text = fits[0] if fits else self.wordings[-1] if self.wordings else ""
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class CurveKey(QLabel):
    """The key of a plot, under it: a stroke of each curve's colour and its name, then the
    faded earlier runs and what each had that the current run has not. It wraps rather than
    widening its column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("curve_key")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setStyleSheet("color: #4b5563; font-size: 8pt; padding: 0px 4px;")

    def minimumSizeHint(self) -> QSize:
        """One line, whatever it says: a longer key (a faded run's label) must not change
        what the view needs, or the page would lay its views out anew between runs."""
        return QSize(0, self.fontMetrics().lineSpacing())

    def show_entries(self, entries, faded=(), note: str = "") -> None:
        """``entries``: (colour, name, marked) per curve; ``faded``: labels of earlier runs."""
        parts = [f"<span style='color:{colour}'><b>{'━●━' if marked else '━━'}</b></span>"
                 f"&nbsp;{escape(name).replace(' ', '&nbsp;')}"
                 for colour, name, marked in entries]
        if faded:
            faded_words = translate("CurvesView", "faded:")
            parts.append(
                f"<span style='color:{FADED_COLOUR}'><b>━━</b></span>&nbsp;"
                f"{faded_words} " + " · ".join(escape(label) for label in faded)
            )
        if note:
            parts.append(escape(note))
        text = " &nbsp; ".join(parts)
        if text != self.text():
            self.setText(text)

    @property
    def plain_text(self) -> str:
        """What it says, without the markup."""
        document = QTextDocument()
        document.setHtml(self.text())
        return document.toPlainText()


class CurvesView(LiveView):
    """A Curves-page view: a plot of some quantity against the epoch (or the step) with its
    key under it. Subclasses say how far their data reach (``x_end``) and rescale their
    curves when the unit changes (``apply_x_unit``)."""
    page = "Curves"

    def __init__(self, empty_text: str, titles, y_label: str, parent=None):
        super().__init__(empty_text, parent)
        self.plot = make_plot("", x_label("epoch"), y_label)
        self.plot_item.setTitle(None)
        # the x range ends close to the data: let the last tick's label stick out a little
        # (pyqtgraph hid it, and the newest epoch went unlabelled), and the first one's too
        self.plot_item.getAxis("bottom").setStyle(hideOverlappingLabels=LABEL_OVERHANG_PX)
        self.plot_item.layout.setContentsMargins(1, 1, LABEL_OVERHANG_PX, 1)
        self.title = FittedTitle()
        self.title.set_wordings(titles)
        self.key = CurveKey()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.title)
        column.addWidget(self.plot, 1)
        column.addWidget(self.key)
        self.set_content(box)
        self.x_unit = "epoch"
        self.x_range = SharedXRange()
        self.x_range.add_plot(self.plot.getPlotItem())

    @property
    def plot_item(self):
        return self.plot.getPlotItem()

    def share_x_range(self, shared: SharedXRange) -> None:
        """Use ``shared`` (the page's) instead of this view's own x range."""
        shared.join(self.x_range)
        self.x_range = shared
        self.note_x(everywhere=True)

    def set_x_unit(self, unit: str) -> None:
        """"epoch" or "step": x of every run in that unit (a run with batch size 1 has as
        many steps per epoch as examples: per epoch its noise is squashed into a sliver)."""
        if unit not in X_UNITS or unit == self.x_unit:
            return
        self.x_unit = unit
        self.plot_item.setLabel("bottom", x_label(unit))
        self.apply_x_unit()
        self.note_x(everywhere=True)
        self.redraw()

    def x_scale(self, n_batches: int) -> float:
        """From epochs to the x unit, for a run of ``n_batches`` batches per epoch."""
        return float(max(1, n_batches)) if self.x_unit == "step" else 1.0

    def note_x(self, everywhere: bool = False) -> None:
        """Tell the shared x range how far this view's data (or its plan) reach. A plot
        takes a new range when it is redrawn; ``everywhere``: every plot at once (a new
        run, a cleared plot: no redraw may follow)."""
        self.x_range.note(self, self.x_end(), self.plan_end())
        if everywhere:
            self.x_range.apply_all()

    def redraw(self) -> None:
        self.draw()
        self.x_range.apply(self.plot_item)

    def draw(self) -> None:
        """Push the new data to the plot (its turn has come: see scheduler.py)."""

    def apply_x_unit(self) -> None:
        pass

    def x_end(self) -> float | None:
        return None

    def plan_end(self) -> float | None:
        return None

"""The status bar: parameter count, training memory, whether the network is valid,
training state."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar

from engine.graph.memory import MemoryEstimate, format_bytes, memory_budget
from gui.i18n import translate

OVER_BUDGET_STYLE = "color: #b3261e;"       # the problems label's red (resources/style.qss)


class StatusBar(QStatusBar):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.params_label = QLabel(self)
        self.params_label.setObjectName("status_params")
        self.memory_label = QLabel(self)
        self.memory_label.setObjectName("status_memory")
        self.problems_label = ElidedLabel(self)
        self.problems_label.setObjectName("status_problems")
        self.training_label = QLabel(translate("StatusBar", "Not training"), self)
        self.training_label.setObjectName("status_training")
        # a normal widget: a passing message ("Saved ...") covers it for a moment
        self.addWidget(self.problems_label, 1)
        self.addPermanentWidget(self.params_label)
        self.addPermanentWidget(self.memory_label)
        self.addPermanentWidget(self.training_label)
        document.analysisChanged.connect(self.refresh)
        document.networkReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        doc = self.document
        self.params_label.setText(translate("StatusBar", "{count:,} parameters").format(
            count=doc.total_params()))
        self.params_label.setToolTip(translate("StatusBar", "Trainable numbers in the whole "
                                                            "network (weights and biases)"))
        self._show_memory(doc.analysis.memory)
        count = doc.problem_count()
        first = doc.first_problem()
        if count == 0 and doc.network.nodes:
            text, state = translate("StatusBar", "✔ valid"), "ok"
        elif count == 0:
            text, state = translate("StatusBar", "Empty network: drag a layer from the "
                                                 "palette"), "ok"
        else:
            text = (translate("StatusBar", "⚠ 1 problem: {first}") if count == 1 else
                    translate("StatusBar", "⚠ {count} problems: {first}"))
            text, state = text.format(count=count, first=first), "bad"
        self.problems_label.setText(_elide(text, 140))
        self.problems_label.setToolTip(self._all_problems() or text)
        self.problems_label.setProperty("state", state)
        self.problems_label.style().unpolish(self.problems_label)
        self.problems_label.style().polish(self.problems_label)

    def _show_memory(self, memory: MemoryEstimate | None) -> None:
        """The training memory estimate, red when over the budget; the tooltip breaks it
        down. Hidden while a shape is unknown (the problems label says why)."""
        label = self.memory_label
        label.setVisible(memory is not None)
        if memory is None:
            return
        budget = memory_budget()
        over = memory.total > budget.bytes
        size = translate("StatusBar", "{size} to train").format(size=format_bytes(memory.total))
        label.setText(f"⚠ {size}" if over else size)
        verdict = (translate("StatusBar", "More than Netwright allows: training would be "
                                          "refused.") if over
                   else translate("StatusBar", "Fits the budget."))
        label.setToolTip("\n".join(
            [translate("StatusBar", "Memory to train: {memory} (without Python and NumPy "
                                    "themselves)").format(memory=memory.line())]
            + [f"  {line}" for line in memory.breakdown()]
            + [translate("StatusBar", "Budget: {size} ({why}). {verdict}").format(
                size=format_bytes(budget.bytes), why=budget.why, verdict=verdict)]))
        label.setProperty("over_budget", over)
        label.setStyleSheet(OVER_BUDGET_STYLE if over else "")

    def set_training_state(self, text: str) -> None:
        self.training_label.setText(text)

    def _all_problems(self) -> str:
        lines = []
        for node_id, messages in self.document.analysis.messages.items():
            for m in messages:
                lines.append(f"{node_id}: {m}" if node_id else m)
        return "\n".join(lines)


class ElidedLabel(QLabel):
    """A one-line label drawn with "…" where its text does not fit (``text()`` stays
    whole). Its text must not set the window's minimum width: a long problem next to the
    other labels pushed the window past a 1440 px screen."""

    def minimumSizeHint(self) -> QSize:
        return QSize(120, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()), shown)


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"

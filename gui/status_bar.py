"""The status bar: parameter count, whether the network is valid, training state."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar


class StatusBar(QStatusBar):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.params_label = QLabel(self)
        self.params_label.setObjectName("status_params")
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("status_problems")
        self.training_label = QLabel("Not training", self)
        self.training_label.setObjectName("status_training")
        # a normal widget: a passing message ("Saved ...") covers it for a moment
        self.addWidget(self.problems_label, 1)
        self.addPermanentWidget(self.params_label)
        self.addPermanentWidget(self.training_label)
        document.analysisChanged.connect(self.refresh)
        document.networkReplaced.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        doc = self.document
        self.params_label.setText(f"{doc.total_params():,} parameters")
        self.params_label.setToolTip("Trainable numbers in the whole network (weights and "
                                     "biases)")
        count = doc.problem_count()
        first = doc.first_problem()
        if count == 0 and doc.network.nodes:
            text, state = "✔ valid", "ok"
        elif count == 0:
            text, state = "Empty network: drag a layer from the palette", "ok"
        else:
            noun = "problem" if count == 1 else "problems"
            text, state = f"⚠ {count} {noun}: {first}", "bad"
        self.problems_label.setText(_elide(text, 140))
        self.problems_label.setToolTip(self._all_problems() or text)
        self.problems_label.setProperty("state", state)
        self.problems_label.style().unpolish(self.problems_label)
        self.problems_label.style().polish(self.problems_label)

    def set_training_state(self, text: str) -> None:
        self.training_label.setText(text)

    def _all_problems(self) -> str:
        lines = []
        for node_id, messages in self.document.analysis.messages.items():
            for m in messages:
                lines.append(f"{node_id}: {m}" if node_id else m)
        return "\n".join(lines)


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"

"""Training > Race optimizers...: the user picks 2-4 racers, each a variation of the document's
training section (optimizer, lr, momentum, batch size, hidden activation, init)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QGridLayout, QLabel, QSpinBox, QVBoxLayout)

from engine.nn.initializers import WEIGHT_INITS
from engine.optim.optimizers import OPTIMIZERS
from engine.training.race import (HIDDEN_ACTIVATIONS, MAX_RACERS, MIN_RACERS, hidden_activations,
                                  racer_network)
from gui.i18n import translate

AS_IN_FILE = QT_TRANSLATE_NOOP("RaceDialog", "as in the file")
HEADERS = (
    QT_TRANSLATE_NOOP("RaceDialog", "race"),
    QT_TRANSLATE_NOOP("RaceDialog", "optimizer"),
    QT_TRANSLATE_NOOP("RaceDialog", "learning rate"),
    QT_TRANSLATE_NOOP("RaceDialog", "momentum"),
    QT_TRANSLATE_NOOP("RaceDialog", "batch size"),
    QT_TRANSLATE_NOOP("RaceDialog", "activation"),
    QT_TRANSLATE_NOOP("RaceDialog", "init"),
)


def default_racers(training: dict) -> list[dict]:
    """sgd, sgd with momentum, the document's own optimizer (raced) and rmsprop (not raced)."""
    optimizer = training.get("optimizer") or {}
    own = {"optimizer": optimizer.get("name", "adam"), "lr": float(optimizer.get("lr", 0.01))}
    return [{"optimizer": "sgd", "lr": 0.1}, {"optimizer": "sgd", "lr": 0.1, "momentum": 0.9},
            own, {"optimizer": "rmsprop", "lr": 0.01}]


class RacerRow:
    """The widgets of one racer's settings."""

    def __init__(self, changes: dict, batch_size: int, raced: bool, activations: bool):
        self.raced = QCheckBox(checked=raced)
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setCurrentText(changes["optimizer"])
        self.lr = QDoubleSpinBox(decimals=4, minimum=0.0001, maximum=10.0, singleStep=0.01,
                                 value=changes["lr"])
        self.momentum = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=0.99, singleStep=0.1,
                                       value=changes.get("momentum", 0.0))
        self.batch = QSpinBox(minimum=1, maximum=100000, value=batch_size)
        as_in_file = translate("RaceDialog", AS_IN_FILE)
        self.activation = _choice([as_in_file, *HIDDEN_ACTIVATIONS])
        self.activation.setEnabled(activations)
        self.init = _choice([as_in_file, *WEIGHT_INITS])
        self.optimizer.currentTextChanged.connect(self._optimizer_chosen)
        self._optimizer_chosen(self.optimizer.currentText())

    def widgets(self) -> list:
        return [self.raced, self.optimizer, self.lr, self.momentum, self.batch, self.activation,
                self.init]

    def _optimizer_chosen(self, name: str) -> None:
        self.momentum.setEnabled(any(p.name == "momentum" for p in OPTIMIZERS[name].params))

    def changes(self) -> dict:
        out = {"optimizer": self.optimizer.currentText(), "lr": self.lr.value(),
               "batch_size": self.batch.value()}
        if self.momentum.isEnabled():
            out["momentum"] = self.momentum.value()
        for key, combo in (("activation", self.activation), ("init", self.init)):
            if combo.isEnabled() and combo.currentText() != translate("RaceDialog", AS_IN_FILE):
                out[key] = combo.currentText()
        return out


def _choice(items: list[str]) -> QComboBox:
    combo = QComboBox()
    combo.addItems(items)
    return combo


class RaceDialog(QDialog):
    """``networks`` holds the racers' networks once accepted."""

    def __init__(self, document_dict: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(translate("RaceDialog", "Race optimizers"))
        self.document_dict = document_dict
        self.networks: list[dict] = []
        training = document_dict.get("training") or {}
        batch = int(training.get("batch_size", 32))
        activations = bool(hidden_activations(document_dict))
        self.rows = [RacerRow(c, batch, raced=i < 3, activations=activations)
                     for i, c in enumerate(default_racers(training)[:MAX_RACERS])]
        column = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "RaceDialog",
                "Each ticked row trains a copy of this network with these settings, all "
                "from the same initial weights (the same seed) on the same shuffled "
                "batches, side by side. Tick 2 to 4 rows.",
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        grid = QGridLayout()
        for c, header in enumerate(HEADERS):
            grid.addWidget(QLabel(f"<b>{translate('RaceDialog', header)}</b>"), 0, c)
        for r, row in enumerate(self.rows, start=1):
            for c, widget in enumerate(row.widgets()):
                grid.addWidget(widget, r, c)
        column.addLayout(grid)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("RaceDialog", "Race"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def racer_changes(self) -> list[dict]:
        return [row.changes() for row in self.rows if row.raced.isChecked()]

    def accept(self) -> None:
        """Closes only on 2-4 racers that fit the network; otherwise says what is wrong."""
        changes = self.racer_changes()
        if not MIN_RACERS <= len(changes) <= MAX_RACERS:
            self.error.setText(
                translate("RaceDialog", "Tick {low} to {high} rows to race ({n} ticked).").format(
                    low=MIN_RACERS, high=MAX_RACERS, n=len(changes)
                )
            )
            return
        try:
            self.networks = [racer_network(self.document_dict, c) for c in changes]
        except ValueError as e:
            self.error.setText(str(e))
            return
        super().accept()

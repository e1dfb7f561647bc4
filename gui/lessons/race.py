"""A lesson's `open_race`: Training > Race optimizers... opened with the lesson's optimizers
ticked (one row each, the others unticked), shown without blocking the window; Race starts
the race as the menu's dialog does."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from engine.optim.optimizers import OPTIMIZERS
from gui.i18n import translate


def open_race_dialog(window, optimizers: list[str], notes: list):
    """The race dialog, open; None (said in ``notes``) when the network has no data."""
    from gui.race.dialog import RaceDialog
    from gui.race.launch import open_race
    doc = window.document.to_dict()
    training = doc.get("training") or {}
    if "dataset" not in training:
        notes.append((translate(
            "LessonsDock", "This network has no training section, so there is nothing to "
                           "race: open the lesson's example first."), "error"))
        return None
    dialog = RaceDialog(doc, window)
    tick(dialog, optimizers, training)

    def finished(code: int) -> None:
        if code == QDialog.DialogCode.Accepted:
            open_race(window, dialog.networks)
        dialog.deleteLater()
    dialog.finished.connect(finished)
    dialog.open()
    window.lesson_race_dialog = dialog      # reachable by tests
    return dialog


def tick(dialog, optimizers: list[str], training: dict) -> None:
    """Tick one row per optimizer: a row already on it keeps its settings; else a free row
    takes it with the file's rate when the file uses that optimizer, else its own default."""
    wanted = [name for name in optimizers if name in OPTIMIZERS][:len(dialog.rows)]
    if not wanted:
        return
    free, chosen, missing = list(dialog.rows), [], []
    for name in wanted:
        row = next((r for r in free if r.optimizer.currentText() == name), None)
        if row is None:
            missing.append(name)
        else:
            free.remove(row)
            chosen.append(row)
    for name in missing:
        row = free.pop(0)
        row.optimizer.setCurrentText(name)
        row.lr.setValue(_rate(name, training))
        chosen.append(row)
    for row in dialog.rows:
        row.raced.setChecked(row in chosen)


def _rate(name: str, training: dict) -> float:
    optimizer = training.get("optimizer") or {}
    if optimizer.get("name") == name and isinstance(optimizer.get("lr"), (int, float)):
        return float(optimizer["lr"])
    return float(next(p.default for p in OPTIMIZERS[name].params if p.name == "lr"))

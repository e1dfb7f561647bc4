"""Training > Race optimizers...: the dialog, then the race window on the document's data."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from engine.data import load_dataset, share
from engine.data.paths import with_absolute_paths
from engine.errors import NetwrightError
from gui.i18n import translate
from gui.race.dialog import RaceDialog
from gui.race.window import RaceWindow


def start_race(window) -> RaceWindow | None:
    """Ask for the racers, then open a race window training them (None: cancelled, or a
    racer that cannot train, said in a message box)."""
    doc = window.document.to_dict()
    training = doc.get("training") or {}
    if "dataset" not in training:
        QMessageBox.information(
            window,
            translate("RaceLaunch", "Race optimizers"),
            translate(
                "RaceLaunch",
                "This network has no training section: choose its data, loss and optimizer first "
                "(Training tab).",
            ),
        )
        return None
    dialog = RaceDialog(doc, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return open_race(window, dialog.networks)


def open_race(window, networks: list[dict]) -> RaceWindow | None:
    folder = window.document.network.folder
    networks = [_with_data_paths(n, folder) for n in networks]
    training = networks[0]["training"]
    seed = int(training.get("seed", 0) or 0)
    race = RaceWindow(window)
    try:
        dataset = share(load_dataset(training["dataset"], seed))
        race.start(networks, seed, dataset)
    except (NetwrightError, ValueError) as e:
        race.session.close()
        race.deleteLater()
        QMessageBox.warning(
            window,
            translate("RaceLaunch", "Race optimizers"),
            translate("RaceLaunch", "The race cannot start: {why}").format(why=e),
        )
        return None
    race.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    race.show()
    window.race_window = race         # kept alive, and reachable by tests
    return race


def _with_data_paths(network: dict, folder) -> dict:
    """The racer travels as a dict, without the document's folder: its data paths go whole."""
    training = network.get("training")
    if not isinstance(training, dict) or "dataset" not in training:
        return network
    dataset = with_absolute_paths(training["dataset"], folder)
    return {**network, "training": {**training, "dataset": dataset}}

"""The race window: Pause/Resume and Stop acting on every racer, the loss and accuracy curves
overlaid, and the shared plane with every path (drawn live on the last plane) and the loss over
it. The plane (a PCA of all paths) and its surface are computed in a worker thread every few
seconds and when the race ends, in a worker process: a PCA of the paths and a 31 x 31 grid of
forwards took 0.3-0.9 s on spiral, and in a thread of the window they held Python's lock from
it for up to 25 ms at a time. The worker gets at most PLANE_ROWS points of each path; the window
projects every point itself, each once, on the plane in force."""
from __future__ import annotations

import re
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from PySide6.QtCore import Qt, QTimer, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from engine.training.process import _context as process_context
from engine.training.race import (CHANGES_ORDER, compute_plane, race_labels, spread_rows,
                                  surface_examples)
from gui.i18n import translate
from gui.race.plots import RaceCurves, RacePlane
from gui.race.session import ENDED, PAUSED, RUNNING, RaceSession

# the engine's names of the settings racers differ in ('optimizer sgd, lr 0.1'), translated
SETTING_NAMES = {"optimizer": QT_TRANSLATE_NOOP("RaceWindow", "optimizer"),
                 "momentum": QT_TRANSLATE_NOOP("RaceWindow", "momentum"),
                 "batch size": QT_TRANSLATE_NOOP("RaceWindow", "batch size"),
                 "activation": QT_TRANSLATE_NOOP("RaceWindow", "activation"),
                 "init": QT_TRANSLATE_NOOP("RaceWindow", "init")}
REDRAW_MS = 100           # curves and paths drawn at most 10 times a second
PLANE_MS = 3000           # a new plane and surface at most this often while racing
SAME_START = QT_TRANSLATE_NOOP(
    "RaceWindow",
    "Same start: every racer compiles the network with seed {seed}, so they begin "
    "from identical weights{arch}. Same batches: the same shuffled order of examples "
    "in every epoch{batch}.",
)


class RaceWindow(QWidget):
    planeReady = Signal(object, int)      # PlaneResult, race generation

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("RaceWindow", "Optimizer race"))
        self.resize(1280, 760)
        self.session = RaceSession(self)
        self.networks: list[dict] = []
        self.seed, self.examples = 0, None
        self.paths: list[list[np.ndarray]] = []
        self.n_batches: list[int] = []
        self.plane = None
        self._generation = 0
        self._pool: ProcessPoolExecutor | None = None
        self._future = None
        self.plane_pid: int | None = None     # the process that computed the plane shown
        self._projected: list[list[np.ndarray]] = []      # each racer's points on the plane
        self._dirty = False
        self._build()
        self.session.chunkArrived.connect(self._chunk)
        self.session.pathArrived.connect(self._path)
        self.session.stateChanged.connect(self._state_changed)
        self.session.racerFailed.connect(self._failed)
        self.session.racerEnded.connect(self._racer_ended)
        self.planeReady.connect(self._plane_ready)
        self._redraw = QTimer(self, interval=REDRAW_MS, timeout=self._draw)
        self._plane_timer = QTimer(self, interval=PLANE_MS, timeout=self._new_plane)

    def _build(self) -> None:
        self.status = QLabel()
        self.pause_button = QPushButton(
            translate("RaceWindow", "Pause"), clicked=self._pause_or_resume
        )
        self.stop_button = QPushButton(translate("RaceWindow", "Stop"), clicked=self.session.stop)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.pause_button)
        top.addWidget(self.stop_button)
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("color: #4b5563;")
        self.loss = RaceCurves(
            translate("RaceWindow", "Training loss (each batch)"),
            translate("RaceWindow", "loss"),
            log_y=True,
        )
        self.accuracy = RaceCurves(
            translate("RaceWindow", "Validation accuracy (each epoch)"),
            translate("RaceWindow", "accuracy"),
            log_y=False,
        )
        curves = QSplitter(Qt.Orientation.Vertical)
        curves.addWidget(self.loss)
        curves.addWidget(self.accuracy)
        self.plane_view = RacePlane()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(curves)
        split.addWidget(self.plane_view)
        split.setSizes([620, 660])
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.note)
        column.addWidget(split, 1)

    # ---- the race --------------------------------------------------------------------------------
    def start(self, networks: list[dict], seed: int, dataset) -> None:
        """Start racing ``networks`` (racer_network copies of one document); raises the
        engine's errors for a racer that cannot train."""
        self.session.start(networks, seed, dataset)
        self.networks, self.seed = networks, seed
        # the worker gets plain arrays: a shared dataset's memory would go as file handles,
        # which a worker ended mid-hand-over leaves the window's side of failing
        self.examples = surface_examples(dataset)
        trainers = [p.trainer for p in self.session.processes]
        self.n_batches = [t.n_batches for t in trainers]
        self.paths = [[] for _ in networks]
        self.plane, self._generation = None, self._generation + 1
        self.labels = race_labels(networks)
        shown = [label_text(label) for label in self.labels]
        self.problems: list[str] = []     # racers that diverged or failed, said in the status
        classification = trainers[0].task == "classification"
        self.metric_key = "val_accuracy" if classification else "val_rmse"
        self.accuracy.plot.getPlotItem().setLabel(
            "left", translate("RaceWindow", "accuracy") if classification else "RMSE"
        )
        title = (
            translate("RaceWindow", "Validation accuracy (each epoch)")
            if classification
            else translate("RaceWindow", "Validation RMSE (each epoch)")
        )
        self.accuracy.plot.getPlotItem().setTitle(f"<span style='font-size:10pt'>{title}</span>")
        self.loss.start(shown)
        self.accuracy.start(shown, symbols=True)
        self.plane_view.start(
            shown,
            translate(
                "RaceWindow",
                "Circle: the start; star: where each racer is. "
                "Colour and contours: the loss of racer 1's network on the plane "
                "(the racers' weights also move off it: there the loss differs).",
            ),
        )
        self.note.setText(self._same_text(networks, trainers))
        self.status.setText(
            translate("RaceWindow", "Racing {n} configurations on {data} ...").format(
                n=len(networks), data=trainers[0].network.training['dataset']['name']
            )
        )
        self._redraw.start()
        self._plane_timer.start()

    def _same_text(self, networks, trainers) -> str:
        labels = " ".join(self.labels)
        arch = (
            translate(
                "RaceWindow",
                " (racers with another activation or init differ in "
                "architecture or in how weights are drawn: for "
                "them, the same seed)",
            )
            if "activation" in labels or "init" in labels
            else ""
        )
        batches = {t.batch_size for t in trainers}
        batch = (
            translate(
                "RaceWindow",
                "; with other batch sizes that order is cut into batches of "
                "other sizes, so the curves are compared by epoch "
                "(the same examples), not by step",
            )
            if len(batches) > 1
            else ""
        )
        return translate("RaceWindow", SAME_START).format(seed=self.seed, arch=arch, batch=batch)

    def _pause_or_resume(self) -> None:
        if self.session.state == RUNNING:
            self.session.pause()
        elif self.session.state == PAUSED:
            self.session.resume()

    def _state_changed(self, state: str) -> None:
        self.pause_button.setText(
            translate("RaceWindow", "Resume")
            if state == PAUSED
            else translate("RaceWindow", "Pause")
        )
        self.pause_button.setEnabled(state != ENDED)
        self.stop_button.setEnabled(state != ENDED)
        if state == ENDED:
            self._plane_timer.stop()
            self._draw()
            self._new_plane()
            over = translate("RaceWindow", "The race is over ({n} racers).").format(
                n=len(self.networks)
            )
            self.status.setText(" ".join([over, *self.problems]))
        elif state == PAUSED:
            self.status.setText(translate("RaceWindow", "Paused: every racer waits."))
        else:
            self.status.setText(
                translate("RaceWindow", "Racing {n} configurations ...").format(
                    n=len(self.networks)
                )
            )

    def _failed(self, i: int, text: str) -> None:
        self._problem(
            translate("RaceWindow", "Racer {n} ({label}) stopped: {why}.").format(
                n=i + 1, label=label_text(self.labels[i]), why=text
            )
        )

    def _racer_ended(self, i: int, finished) -> None:
        if finished is not None and finished.reason == "diverged":
            self._problem(
                translate(
                    "RaceWindow",
                    "Racer {n} ({label}) diverged: its loss blew up, so it stopped.",
                ).format(n=i + 1, label=label_text(self.labels[i]))
            )

    def _problem(self, text: str) -> None:
        self.problems.append(text)
        if self.session.state != ENDED:
            self.status.setText(text)

    # ---- what the racers send ---------------------------------------------------------------------
    def _chunk(self, i: int, chunk) -> None:
        if len(chunk.steps):
            self.loss.add(i, chunk.steps / self.n_batches[i], chunk.losses)
        for end in chunk.epoch_ends:
            value = end.metrics.get(self.metric_key)
            if value is not None:
                self.accuracy.add(i, np.array([end.epoch]), np.array([value]))
        self._dirty = True

    def _path(self, i: int, points) -> None:
        self.paths[i].append(points.rows)
        self._dirty = True

    def _draw(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        self.loss.draw()
        self.accuracy.draw()
        if self.plane is not None:      # new points on the last plane: live
            self.plane_view.show_paths(self._plane_paths(), self.plane.shares)

    # ---- the plane, in a worker process ---------------------------------------------------------
    def _new_plane(self) -> None:
        if self._future is not None and not self._future.done():
            return                       # one at a time; the next timer tick tries again
        if not self.paths or not all(self.paths):
            return
        paths = [spread_rows(np.vstack(p)) for p in self.paths]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=process_context())
        try:
            self._future = self._pool.submit(compute_plane, paths, self.networks[0], self.seed,
                                             *self.examples)
        except RuntimeError:             # the pool broke (its process died): a new one next time
            self._pool = None
            return
        generation = self._generation
        self._future.add_done_callback(lambda f: self._plane_done(f, generation))

    def _plane_done(self, future, generation: int) -> None:
        """In the pool's thread: hand the result to the GUI thread (a queued signal)."""
        if future.cancelled() or future.exception() is not None:
            return                       # no plane yet (the paths span no plane), or closing
        try:
            self.planeReady.emit(future.result(), generation)
        except RuntimeError:
            pass                         # the window is gone

    def _plane_ready(self, result, generation: int) -> None:
        if generation != self._generation:
            return                       # a plane of an earlier race
        self.plane, self.plane_pid = result.plane, result.pid
        self._projected = [[] for _ in self.paths]
        self.plane_view.show_surface(result.grid)
        self._dirty = True
        self._draw()

    def _plane_paths(self) -> list[np.ndarray]:
        """Every racer's points on the plane in force, each projected once."""
        plane = self.plane
        basis = np.stack([plane.v1, plane.v2], axis=1)
        out = []
        for rows, done in zip(self.paths, self._projected):
            new = rows[len(done):]                    # rows arrive in chunks: one per chunk
            done.extend((r - plane.origin) @ basis for r in new)
            out.append(np.vstack(done) if done else np.zeros((0, 2), np.float32))
        return out

    def closeEvent(self, event) -> None:
        self._redraw.stop()
        self._plane_timer.stop()
        self.session.close()
        self._end_pool()
        super().closeEvent(event)

    def _end_pool(self) -> None:
        """End the plane's worker at once and join it (a surface of a big model may take
        seconds: closing must not wait for it)."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        workers = list(getattr(pool, "_processes", {}).values())
        for worker in workers:
            worker.kill()
        pool.shutdown(wait=True, cancel_futures=True)
        for worker in workers:
            worker.join()


def label_text(label: str) -> str:
    """A racer's label from the engine ('optimizer sgd, momentum 0.9', 'same settings (racer
    2)') in the window's language: the settings' names translated, their values as they are."""
    same = re.fullmatch(r"same settings \(racer (\d+)\)", label)
    if same:
        return translate("RaceWindow", "same settings (racer {n})").format(n=same.group(1))
    parts = []
    for part in label.split(", "):
        key = next((k for k in CHANGES_ORDER if part.startswith(k + " ")), None)
        if key in SETTING_NAMES:
            part = translate("RaceWindow", SETTING_NAMES[key]) + part[len(key):]
        parts.append(part)
    return ", ".join(parts)

"""One sample, forward and backward (concept 21): a validation sample stepped through the
network node by node. Forward shows each node's input, weights and output; the loss step
the prediction, the target and where the gradient starts; backward the gradient arriving
at each node, an activation's local factor f'(z), the weights' gradients and what is
passed back. "Check gradients" compares every parameter's gradient with central
differences (engine.nn.gradcheck) and marks each.

Where the numbers come from: the "sample_pass" probe (engine/training/sample_pass.py),
computed in the training process on a copy of the model, running or paused; so what is
shown is the live run's, and a run trains the same with this view on or off. The gradient
check runs here, in the window's process, on a background thread (it perturbs up to
CHECK_ELEMENTS random entries of each array, two forwards each: 0.02 s for XOR, ~0.4 s for
the digits CNN): it never waits on, slows or changes the training process. It needs the
run's layers, which the parent's Trainer has (gui/training/session.py); it loads into a copy
of them the very weights of the pass shown, so it checks exactly the numbers on screen,
also while the run goes on and the parent's weights are older.
"""
from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import Qt, QTimer, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QPushButton, QSizePolicy, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from engine.nn.losses import get_loss
from engine.training.sample_pass import (CHECK_ELEMENTS, FINE_EPS, KINK_EPS,
                                         check_pass_gradients, kink_notes)
from gui.i18n import translate
from gui.training.views.base import LiveView
from gui.training.views.layer_parts import panel_row, title_label, titled
from gui.training.views.sample_pass_pictures import picture
from gui.training.views.sample_pass_parts import BACKWARD, FORWARD, ArrayPanel, steps_of

EMPTY = QT_TRANSLATE_NOOP(
    "SamplePassView",
    "Press Train or Step: one validation sample (the Sample box above) is "
    "then stepped forward and backward through the network, node by "
    "node, with its numbers",
)
POLL_MS = 30                 # how often a running gradient check is looked at
_CHECKS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="gradient-check")


class SamplePassView(LiveView):
    page = "Backprop"

    def __init__(self, parent=None):
        super().__init__(translate("SamplePassView", EMPTY), parent)
        self.result = None                 # the SamplePass shown
        self.steps: list = []
        self.report = None                 # (GradCheckReport, the SamplePass it checked)
        self.class_names: tuple = ()
        self.model_source = None           # () -> a Model of the run (None: the window's)
        self._future = None
        self._checking = None              # the SamplePass being checked
        self._placing = False              # the list's row is set by code, not the user
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check_done)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(self._step_column(), 0)
        row.addLayout(self._detail_column(), 1)
        self.set_content(box)
        self.setMinimumSize(640, 230)

    def _step_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.step_list = QListWidget(self)
        self.step_list.setFixedWidth(236)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.step_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.step_list.currentRowChanged.connect(self._on_row)
        buttons = QHBoxLayout()
        self.prev_button = QPushButton(translate("SamplePassView", "◀ Prev"), self)
        self.next_button = QPushButton(translate("SamplePassView", "Next ▶"), self)
        self.prev_button.clicked.connect(lambda: self.step_by(-1))
        self.next_button.clicked.connect(lambda: self.step_by(1))
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        self.check_button = QPushButton(translate("SamplePassView", "Check gradients"), self)
        self.check_button.setToolTip(
            translate(
                "SamplePassView",
                "Compare each parameter's gradient from backprop with a numerical one (central "
                "differences in float64) on this sample and these weights. Up to "
                "{n} random entries of each array are checked, in the background: "
                "training goes on undisturbed",
            ).format(n=CHECK_ELEMENTS)
        )
        self.check_button.clicked.connect(self.check_gradients)
        column.addWidget(self.step_list, 1)
        column.addLayout(buttons)
        column.addWidget(self.check_button)
        return column

    def _detail_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold; font-size: 10pt;")
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setStyleSheet("color: #1f2a36;")
        self.words.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.panels = [ArrayPanel() for _ in range(3)]
        self.captions = [title_label() for _ in self.panels]
        self.boxes = [titled(c, p) for c, p in zip(self.captions, self.panels)]
        self.detail = QStackedWidget(self)
        self.detail.addWidget(panel_row(self, *self.boxes))
        self.detail.addWidget(self._check_page())
        column.addWidget(self.heading)
        column.addWidget(self.words)
        column.addWidget(self.detail, 1)
        return column

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.check_table = QTableWidget(0, 5, page)
        self.check_table.setHorizontalHeaderLabels(
            [
                translate("SamplePassView", "parameter"),
                translate("SamplePassView", "entries checked"),
                translate("SamplePassView", "max relative error (ε {eps})").format(
                    eps=f"{KINK_EPS:g}"
                ),
                f"(ε {FINE_EPS:g})",
                translate("SamplePassView", "pass"),
            ]
        )
        self.check_table.verticalHeader().hide()
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.check_notes = QLabel(page)
        self.check_notes.setWordWrap(True)
        self.check_notes.setSizePolicy(QSizePolicy.Policy.Ignored,
                                       QSizePolicy.Policy.Preferred)
        column.addWidget(self.check_table, 1)
        column.addWidget(self.check_notes)
        return page

    # ---- the LiveView interface ----------------------------------------------------------------
    def start_run(self, run) -> None:
        self.result, self.steps, self.report = None, [], None
        self.class_names = tuple(run.class_names) if run is not None else ()
        self._placing = True
        self.step_list.clear()
        self._placing = False
        self.show_empty(translate("SamplePassView", EMPTY))

    def needs(self, run, node) -> dict:
        return {"sample_pass": None} if run is not None else {}

    def show_probe(self, probe) -> None:
        result = probe.get("sample_pass")
        if result is None:
            return
        keep = self.current_step()
        self.result = result
        steps = steps_of(result)
        if steps != self.steps:
            self.steps = steps
            self._fill_list()
        self._place(self._row_of(keep) if keep is not None else 0)
        self._draw()
        self.show_content()

    def follow_node(self, node) -> bool:
        """The node selected on the canvas: go to its step in the phase shown (forward if
        no gradient reaches it)."""
        step = self.current_step()
        if node is None or self.result is None or (step is not None and step.node_id == node.id):
            return True
        phase = step.phase if step is not None and step.phase == BACKWARD else FORWARD
        for wanted in (phase, FORWARD):
            row = next((i for i, s in enumerate(self.steps)
                        if s.phase == wanted and s.node_id == node.id), None)
            if row is not None:
                self._place(row)
                self._draw()
                break
        return True

    # ---- stepping ------------------------------------------------------------------------------
    def current_step(self):
        row = self.step_list.currentRow()
        return self.steps[row] if 0 <= row < len(self.steps) else None

    def step_by(self, by: int) -> None:
        """Prev (-1) or Next (+1) through the steps."""
        if not self.steps:
            return
        row = self.step_list.currentRow()
        row = min(max(row + by if 0 <= row < len(self.steps) else 0, 0), len(self.steps) - 1)
        self.step_list.setCurrentRow(row)

    def _fill_list(self) -> None:
        self._placing = True
        try:
            self.step_list.clear()
            for step in self.steps:
                node_type = self.result.node(step.node_id).type if step.node_id else ""
                self.step_list.addItem(step.label(node_type))
            if self.report is not None:
                self.step_list.addItem(_check_label(self.report[0]))
        finally:
            self._placing = False

    def _row_of(self, step) -> int:
        if step is None:
            return len(self.steps) if self.report is not None else 0
        same = [i for i, s in enumerate(self.steps)
                if (s.phase, s.node_id) == (step.phase, step.node_id)]
        return same[0] if same else 0

    def _place(self, row: int) -> None:
        self._placing = True
        try:
            self.step_list.setCurrentRow(row)
        finally:
            self._placing = False

    def _on_row(self, row: int) -> None:
        self._draw()
        step = self.current_step()
        if not self._placing and step is not None and step.node_id is not None:
            _select_on_canvas(self, step.node_id)

    def _draw(self) -> None:
        row = self.step_list.currentRow()
        if self.report is not None and row == len(self.steps):
            self._draw_check()
            return
        step = self.current_step()
        if self.result is None or step is None:
            return
        self.detail.setCurrentIndex(0)
        shown = picture(self.result, step, self.class_names)
        self.heading.setText(shown.heading)
        self.words.setText(shown.words)
        for box, caption, panel, spec in zip(self.boxes, self.captions, self.panels,
                                             shown.panels + [None] * 3):
            box.setVisible(spec is not None)
            if spec is not None:
                caption.setText(spec.caption)
                panel.show_array(spec.array, spec.column, spec.unit)
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self.steps) - 1)

    # ---- the gradient check --------------------------------------------------------------------
    def check_gradients(self) -> None:
        """Start the check of the pass shown, off the GUI thread."""
        result = self.result
        if result is None or self._future is not None:
            return
        model = self._run_model()
        if model is None:
            self.words.setText(
                translate("SamplePassView", "No run to check: press Train or Step first")
            )
            return
        # The copy is made here: the parent's Trainer reloads its model on the GUI thread.
        template = copy.deepcopy(model)
        self._future = _CHECKS.submit(check_pass_gradients, template, result,
                                      get_loss(result.loss_name))
        self._checking = result
        self.check_button.setEnabled(False)
        self.check_button.setText(translate("SamplePassView", "Checking…"))
        self._poll.start(POLL_MS)

    def _run_model(self):
        if self.model_source is not None:
            return self.model_source()
        training = getattr(self.window(), "training", None)
        trainer = getattr(getattr(training, "session", None), "trainer", None)
        return getattr(trainer, "model", None)

    def _check_done(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._poll.stop()
        self._future = None
        self.check_button.setEnabled(True)
        self.check_button.setText(translate("SamplePassView", "Check gradients"))
        try:
            report = future.result()
        except (ValueError, ArithmeticError) as e:      # weights of another network
            self.words.setText(
                translate("SamplePassView", "The gradient check could not run: {why}").format(why=e)
            )
            return
        self.report = (report, self._checking)
        self._fill_list()
        self._place(len(self.steps))
        self._draw_check()

    def _draw_check(self) -> None:
        check, checked = self.report
        self.detail.setCurrentIndex(1)
        heading = (
            translate(
                "SamplePassView", "Gradient check: passed · sample {n} · weights of step {step}"
            )
            if check.ok
            else translate(
                "SamplePassView", "Gradient check: FAILED · sample {n} · weights of step {step}"
            )
        )
        self.heading.setText(heading.format(n=checked.sample, step=f"{checked.step:,}"))
        self.words.setText(
            translate(
                "SamplePassView",
                "Backprop's gradient of each parameter against central "
                "differences (L(w + ε) − L(w − ε)) / 2ε in float64, eval mode; "
                "relative error |analytic − numeric| / max(|analytic|, "
                "|numeric|). An array that fails at ε = {eps} is checked "
                "again at ε = {fine}",
            ).format(eps=f"{KINK_EPS:g}", fine=f"{FINE_EPS:g}")
        )
        rows = check.rows()
        table = self.check_table
        table.setRowCount(len(rows))
        for r, (first, fine, passes) in enumerate(rows):
            total = int(np.prod(checked.state[first.name].shape))
            cells = [
                first.name,
                translate("SamplePassView", "{n} of {total}").format(
                    n=f"{first.checked:,}", total=f"{total:,}"
                ),
                f"{first.max_rel_error:.1e}",
                f"{fine.max_rel_error:.1e}" if fine is not None else "—",
                _verdict(first, fine, passes),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == len(cells) - 1:
                    item.setForeground(Qt.GlobalColor.darkGreen if passes
                                       else Qt.GlobalColor.red)
                table.setItem(r, c, item)
        self.check_notes.setText(_check_notes(check, checked))
        self.prev_button.setEnabled(bool(self.steps))
        self.next_button.setEnabled(False)


def _verdict(first, fine, passes: bool) -> str:
    if first.ok:
        return "✓ " + translate("SamplePassView", "pass")
    if passes:
        return "✓ " + translate("SamplePassView", "pass at ε {eps} (a kink)").format(
            eps=f"{FINE_EPS:g}"
        )
    return "✗ " + translate("SamplePassView", "FAIL")


def _check_notes(check, checked) -> str:
    if check.report.ok:
        return translate("SamplePassView", "Backprop's gradients equal the numerical ones.")
    lines = []
    if check.ok:
        lines.append(
            translate(
                "SamplePassView",
                "Where the check failed at ε = {eps} and passed at {fine}, "
                "a kink lay within ε of the weights (a ReLU input near 0, a max-pool "
                "window whose two largest values are that close): the numerical slope "
                "averaged both sides of it. A backprop error would not vanish so.",
            ).format(eps=f"{KINK_EPS:g}", fine=f"{FINE_EPS:g}")
        )
    return "\n".join(lines + kink_notes(checked)) or translate(
        "SamplePassView", "A failure is a gradient backprop gets wrong."
    )


def _check_label(report) -> str:
    return (
        translate("SamplePassView", "Gradient check: ✓ passed")
        if report.ok
        else translate("SamplePassView", "Gradient check: ✗ FAILED")
    )


def _select_on_canvas(widget: QWidget, node_id: str) -> None:
    """Highlight the step's node on the canvas through its selection (the Layer views and
    the inspector follow it too); nothing when the view is not in a window with a canvas."""
    view = getattr(widget.window(), "view", None)
    scene = view.scene() if view is not None and hasattr(view, "scene") else None
    if scene is not None and hasattr(scene, "select_nodes"):
        scene.select_nodes([node_id])

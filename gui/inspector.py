"""The inspector dock: what is selected, and its settings.

One node selected: its id, type, help, output shape, parameter count, problems and one
editor per Param (generated from the registry). Several nodes: a short summary. Nothing:
the training section. Every edit is a command on the document's undo stack, and every
view here redraws from the document's signals (so undo updates it too).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGroupBox, QHBoxLayout, QLabel, QLineEdit, QScrollArea,
                               QStackedWidget, QVBoxLayout, QWidget)

from gui.canvas.summary import format_shape
from gui.commands import SetParam
from gui.i18n import engine_text, translate
from gui.palette import category_name
from gui.param_form import ParamForm, help_label
from gui.param_shapes import param_shape_lines
from gui.rename import RenameNode


def _page(parent=None) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    page.setObjectName("inspector_page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.setSpacing(8)
    return page, layout


def _title(text: str, parent=None) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("inspector_title")
    label.setWordWrap(True)
    return label


def parameters_text(facts) -> str:
    """A node's parameter count, saying whether training changes them (a frozen Conv2D
    keeps its hand-made filters: calling them trainable would be false)."""
    count = facts.param_count if facts else None
    if count is None:
        return translate("Inspector", "Parameters: unknown")
    if facts.frozen:
        return translate("Inspector", "Parameters: {count:,}, frozen (trainable is off: "
                                      "training leaves them as they are)").format(count=count)
    return translate("Inspector", "Trainable parameters: {count:,}").format(count=count)


class NodePage(QWidget):
    """Everything about one node. Rebuilt when another node is shown; values refreshed in
    place on edits, so a spin box keeps its focus while it is dragged."""

    renamed = Signal(str)           # the node's new id, after a RenameNode
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.node_id: str | None = None
        self.form: ParamForm | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._body: QWidget | None = None

    def show_node(self, node_id: str) -> None:
        if self._body is not None:
            self._layout.removeWidget(self._body)
            self._body.hide()
            self._body.deleteLater()
        self.node_id, self.form = node_id, None
        self._body, layout = _page(self)
        self._layout.addWidget(self._body)
        spec = self.document.spec(node_id)
        self.title = _title(node_id, self._body)
        layout.addWidget(self.title)
        node_type = self.document.node(node_id)["type"]
        subtitle = QLabel(translate("Inspector", "{type} · {category} layer").format(
            type=node_type, category=category_name(spec.category)) if spec else
            translate("Inspector", "{type} (unknown layer type)").format(type=node_type),
            self._body)
        subtitle.setObjectName("inspector_subtitle")
        layout.addWidget(subtitle)
        layout.addLayout(self._id_row())
        self.id_error = help_label("", self._body, role="error")
        self.id_error.hide()
        layout.addWidget(self.id_error)
        self.locked_note = help_label(translate("Inspector", "A training run is active: press "
                                                             "Stop to edit this node."),
                                      self._body)
        layout.addWidget(self.locked_note)
        if spec:
            layout.addWidget(help_label(engine_text(spec.help), self._body))
        layout.addWidget(self._facts_box())
        if spec and spec.params:
            layout.addWidget(self._params_box(spec))
        layout.addStretch(1)
        self.refresh()

    def _id_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(translate("Inspector", "Id"), self._body)
        self.id_edit = QLineEdit(self.node_id, self._body)
        self.id_edit.setToolTip(translate("Inspector", "The node's name in the file, the wires "
                                                       "and the weights (e.g. 'h1.weight'); "
                                                       "press Enter to rename"))
        label.setBuddy(self.id_edit)
        row.addWidget(label)
        row.addWidget(self.id_edit, 1)
        self.id_edit.editingFinished.connect(self._rename)
        return row

    def _rename(self) -> None:
        old, new = self.node_id, self.id_edit.text().strip()
        if old is None or new == old or not self.document.has_node(old):
            return
        try:
            command = RenameNode(self.document, old, new)
        except ValueError as e:
            self.id_error.setText(str(e))
            self.id_error.show()
            self.id_edit.setProperty("invalid", True)
            self.id_edit.style().polish(self.id_edit)
            return
        self.document.undo_stack.push(command)
        self.renamed.emit(new)

    def _facts_box(self) -> QGroupBox:
        box = QGroupBox(translate("Inspector", "Output"), self._body)
        layout = QVBoxLayout(box)
        self.shape_label = QLabel(box)
        self.params_label = QLabel(box)
        self.arrays_label = QLabel(box)     # each weight array's shape (concept 2)
        self.arrays_label.setToolTip(translate("Inspector", "The trainable arrays of this layer "
                                                            "and what their axes mean; the "
                                                            "Weights view draws the matrix"))
        self.inputs_label = QLabel(box)
        for label in (self.shape_label, self.params_label, self.arrays_label,
                      self.inputs_label):
            label.setProperty("role", "fact")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.errors_label = help_label("", box, role="error")
        layout.addWidget(self.errors_label)
        return box

    def _params_box(self, spec) -> QGroupBox:
        box = QGroupBox(translate("Inspector", "Parameters"), self._body)
        layout = QVBoxLayout(box)
        self.form = ParamForm(spec.params, box)
        self.form.edited.connect(self._push)
        self.form.resetRequested.connect(lambda name: self._push(name, None))
        layout.addWidget(self.form)
        return box

    def _push(self, name: str, value) -> None:
        if self.node_id is None or not self.document.has_node(self.node_id):
            return
        try:
            command = SetParam(self.document, self.node_id, name, value)
        except ValueError as e:           # the editors validate first; this is a backstop
            self.form._show_error(name, str(e))
            return
        self.document.undo_stack.push(command)

    def refresh(self) -> None:
        """Re-read the node's params and its analysis from the document."""
        nid = self.node_id
        if nid is None or not self.document.has_node(nid):
            return
        if self.form is not None:
            self.form.set_values(self.document.node(nid).get("params") or {})
            self.form.setEnabled(not self.document.locked)
        self.id_edit.setEnabled(not self.document.locked)
        self.locked_note.setVisible(self.document.locked)
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        nid = self.node_id
        if nid is None or not self.document.has_node(nid):
            return
        analysis = self.document.analysis
        facts = analysis.node(nid)
        shape = facts.shape if facts else None
        shown = format_shape(shape) if shape is not None else translate("Inspector", "unknown")
        self.shape_label.setText(translate("Inspector", "Output shape: {shape}  (batch axis "
                                                        "excluded)").format(shape=shown))
        self.params_label.setText(parameters_text(facts))
        arrays = param_shape_lines(self.document, nid)
        self.arrays_label.setText("\n".join(f"• {line}" for line in arrays))
        self.arrays_label.setVisible(bool(arrays))
        ins = self.document.input_edges(nid)
        sources = ", ".join(e["from"] for e in ins) or translate("Inspector", "none")
        self.inputs_label.setText(translate("Inspector", "Inputs: {sources}").format(
            sources=sources))
        problems = analysis.messages.get(nid) or []
        self.errors_label.setText("\n".join(f"⚠ {m}" for m in problems))
        self.errors_label.setVisible(bool(problems))


class SummaryPage(QWidget):
    """Several nodes selected: how many, of which types, and their parameters."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.ids: list[str] = []
        page, layout = _page(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(page)
        self.title = _title("", page)
        self.text = help_label("", page, role="fact")
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(help_label(translate("Inspector", "Select a single node to edit its "
                                                           "parameters; click the empty canvas "
                                                           "to edit the training settings."),
                                    page))
        layout.addStretch(1)

    def show_nodes(self, ids: list[str]) -> None:
        self.ids = [i for i in ids if self.document.has_node(i)]
        self.title.setText(translate("Inspector", "{n} nodes selected").format(n=len(self.ids)))
        types: dict[str, int] = {}
        for nid in self.ids:
            t = self.document.node(nid)["type"]
            types[t] = types.get(t, 0) + 1
        analysis = self.document.analysis
        params = sum(analysis.param_counts.get(i, 0) for i in self.ids)
        frozen = sum(analysis.param_counts.get(i, 0) for i in self.ids
                     if analysis.nodes[i].frozen)
        problems = sum(len(analysis.messages.get(i) or []) for i in self.ids)
        lines = [", ".join(f"{n} × {t}" for t, n in types.items()),
                 translate("Inspector", "Parameters: {count:,}").format(count=params)
                 + (translate("Inspector", " ({count:,} frozen)").format(count=frozen)
                    if frozen else ""),
                 translate("Inspector", "Problems: {n}").format(n=problems) if problems
                 else translate("Inspector", "No problems")]
        self.text.setText("\n".join(lines))


class Inspector(QScrollArea):
    """Follows the canvas selection (``set_selection``) and the document's signals."""

    nodeRenamed = Signal(str)       # the window reselects the node under its new id

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("inspector_scroll")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document = document
        self.selection: list[str] = []
        self.stack = QStackedWidget(self)
        self.node_page = NodePage(document, self.stack)
        self.summary_page = SummaryPage(document, self.stack)
        from gui.training_inspector import TrainingInspector
        self.training_page = TrainingInspector(document, self.stack)
        for page in (self.training_page, self.node_page, self.summary_page):
            self.stack.addWidget(page)
        self.setWidget(self.stack)
        self.node_page.renamed.connect(self._on_renamed)
        self._connect(document)

    def _connect(self, doc) -> None:
        doc.nodeChanged.connect(self._on_node_changed)
        doc.nodeRemoved.connect(self._on_node_removed)
        doc.analysisChanged.connect(self._on_analysis)
        doc.networkReplaced.connect(self._on_replaced)
        doc.lockedChanged.connect(self._on_locked)

    def set_selection(self, ids: list[str]) -> None:
        self.selection = [i for i in ids if self.document.has_node(i)]
        if len(self.selection) == 1:
            if self.node_page.node_id != self.selection[0]:
                self.node_page.show_node(self.selection[0])
            else:
                self.node_page.refresh()
            self.stack.setCurrentWidget(self.node_page)
        elif self.selection:
            self.summary_page.show_nodes(self.selection)
            self.stack.setCurrentWidget(self.summary_page)
        else:
            self.node_page.node_id = None
            self.training_page.refresh()
            self.stack.setCurrentWidget(self.training_page)

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def _on_node_changed(self, node_id) -> None:
        if node_id is not None and node_id == self.node_page.node_id:
            self.node_page.refresh()

    def _on_renamed(self, new_id: str) -> None:
        self.set_selection([new_id])
        self.nodeRenamed.emit(new_id)

    def _on_replaced(self) -> None:
        self.set_selection([])

    def _on_locked(self, _locked: bool) -> None:
        self._on_node_changed(self.node_page.node_id)

    def _on_node_removed(self, node_id: str) -> None:
        if node_id in self.selection:
            self.set_selection([i for i in self.selection if i != node_id])

    def _on_analysis(self) -> None:
        page = self.stack.currentWidget()
        if page is self.node_page:
            self.node_page.refresh_analysis()
        elif page is self.summary_page:
            self.summary_page.show_nodes(self.selection)

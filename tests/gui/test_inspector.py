"""The inspector: editors generated from the registry's Params, undoable edits, refusals,
the training page and the schedule plot."""
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from engine.nn.layers import LAYERS
from gui import param_widgets as pw
from gui.document import Document
from gui.inspector import Inspector
from gui.training_inspector import combo_names

from tests.gui.conftest import xor_network
from tests.gui.waits import PATIENCE_MS

KIND_WIDGETS = {"int": pw.IntEditor, "float": pw.FloatEditor, "bool": pw.BoolEditor,
                "choice": pw.ChoiceEditor, "shape": pw.ShapeEditor,
                "padding": pw.PaddingEditor, "str": pw.StrEditor}


@pytest.fixture
def inspector(qtbot):
    doc = Document(xor_network())
    widget = Inspector(doc)
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    return widget


def select(inspector, node_id):
    inspector.set_selection([node_id])
    assert inspector.current_page() is inspector.node_page
    return inspector.node_page


@pytest.mark.parametrize("spec", LAYERS.in_order(), ids=lambda s: s.type)
def test_every_layer_type_gets_one_editor_per_param(inspector, spec):
    doc = inspector.document
    node_id = doc.add_node(spec.type)
    page = select(inspector, node_id)
    form_names = list(page.form.editors) if page.form else []
    assert form_names == [p.name for p in spec.params]
    for p in spec.params:
        editor = page.form.editors[p.name]
        assert isinstance(editor, KIND_WIDGETS[p.kind])
        assert editor.value() == p.default
        assert p.help in editor.toolTip()
    assert page.title.text() == node_id


def test_int_ranges_come_from_the_param(inspector):
    page = select(inspector, "h1")
    spin = page.form.editors["units"].spin
    units = LAYERS["Dense"].param("units")
    assert (spin.minimum(), spin.maximum()) == (units.min, units.max)
    assert spin.value() == 4


def test_edit_pushes_set_param_and_undo_restores(inspector):
    doc = inspector.document
    before = doc.to_dict()
    spin = select(inspector, "h1").form.editors["units"].spin
    spin.setValue(16)
    assert doc.node("h1")["params"]["units"] == 16
    assert doc.shapes["h1"] == (16,)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    assert spin.value() == 4                      # the editor follows the document


def test_spin_box_drag_is_one_undo_step(inspector):
    doc = inspector.document
    spin = select(inspector, "h1").form.editors["units"].spin
    for _ in range(5):
        spin.stepUp()
    assert doc.node("h1")["params"]["units"] == 9
    assert doc.undo_stack.count() == 1


def test_choice_and_bool_edits(inspector):
    doc = inspector.document
    form = select(inspector, "h1").form
    form.editors["init"].combo.setCurrentText("he_normal")
    form.editors["bias"].check.setChecked(False)
    assert doc.node("h1")["params"] == {"units": 4, "init": "he_normal", "bias": False}
    assert doc.param_counts["h1"] == 8            # no bias: 4 x 2 weights


def test_reset_button_returns_to_the_default(inspector):
    doc = inspector.document
    form = select(inspector, "h1").form
    assert form.reset_buttons["units"].isEnabled()      # 4 is not the default
    form.reset_buttons["units"].click()
    assert "units" not in doc.node("h1")["params"]
    assert form.editors["units"].value() == LAYERS["Dense"].param("units").default


def test_invalid_shape_is_refused_with_the_reason(inspector, qtbot):
    doc = inspector.document
    editor = select(inspector, "in").form.editors["shape"]
    line = editor.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "2, -1")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert doc.undo_stack.count() == 0
    assert doc.node("in")["params"]["shape"] == [2]
    assert "positive whole numbers" in editor.error_text()
    assert editor.line.property("invalid") is True
    assert inspector.node_page.form.error_labels["shape"].text() == editor.error_text()
    line.setText("1, 28, 28")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert doc.node("in")["params"]["shape"] == [1, 28, 28]
    assert editor.error_text() == "" and not editor.line.property("invalid")


def test_excluded_bound_cannot_be_reached(inspector):
    doc = inspector.document
    node_id = doc.add_node("Dropout")
    spin = select(inspector, node_id).form.editors["rate"].spin
    spin.setValue(1.0)                             # clamped below the excluded maximum
    assert 0.99 <= doc.node(node_id)["params"]["rate"] < 1.0


def test_padding_editor_modes(inspector):
    doc = inspector.document
    node_id = doc.add_node("Conv2D")
    editor = select(inspector, node_id).form.editors["padding"]
    editor.combo.setCurrentText("custom")
    editor.spin.setValue(2)
    assert doc.node(node_id)["params"]["padding"] == 2
    editor.combo.setCurrentText("same")
    assert doc.node(node_id)["params"]["padding"] == "same"
    assert not editor.spin.isEnabled()


def test_node_facts_and_errors(inspector):
    doc = inspector.document
    page = select(inspector, "h1")
    assert "[4]" in page.shape_label.text() and "12" in page.params_label.text()
    assert page.errors_label.isHidden()
    lone = doc.add_node("Dense")                   # no input wired: a problem
    page = select(inspector, lone)
    assert not page.errors_label.isHidden() and "not connected" in page.errors_label.text()


def test_several_nodes_show_a_summary(inspector):
    inspector.set_selection(["h1", "out"])
    assert inspector.current_page() is inspector.summary_page
    assert "2 nodes" in inspector.summary_page.title.text()
    assert "17" in inspector.summary_page.text.text()


def test_removed_node_leaves_the_node_page(inspector):
    doc = inspector.document
    select(inspector, "p")
    from gui.commands import RemoveItems
    doc.undo_stack.push(RemoveItems(doc, ["p"]))
    assert inspector.current_page() is inspector.training_page


# ---- training page -------------------------------------------------------------------------
def training_page(inspector):
    inspector.set_selection([])
    assert inspector.current_page() is inspector.training_page
    return inspector.training_page


def test_training_page_lists_the_engine_registries(inspector):
    from engine.data import DATASETS
    from engine.nn.losses import LOSSES
    from engine.optim.optimizers import OPTIMIZERS
    from engine.optim.schedulers import SCHEDULERS
    page = training_page(inspector)
    for section, names in ((page.dataset, DATASETS), (page.loss, LOSSES),
                           (page.optimizer, OPTIMIZERS), (page.scheduler, SCHEDULERS)):
        assert combo_names(section.combo) == list(names)
    assert page.dataset.combo.currentText() == "xor"
    assert list(page.dataset.form.editors) == [p.name for p in DATASETS["xor"].params]


def test_training_edits_are_undoable_commands(inspector):
    doc = inspector.document
    before = doc.to_dict()                 # a graph alone: no training section
    lr = doc.network.training["optimizer"]["lr"]
    page = training_page(inspector)
    page.dataset.combo.setCurrentText("moons")
    page.loss.combo.setCurrentText("mse")
    page.optimizer.combo.setCurrentText("sgd")
    page.scheduler.combo.setCurrentText("cosine")
    t = doc.network.training
    assert t["dataset"]["name"] == "moons" and t["loss"] == "mse"
    assert t["optimizer"] == {"name": "sgd", "lr": lr}
    assert t["scheduler"] == {"name": "cosine"}
    page.optimizer.form.editors["momentum"].spin.setValue(0.9)
    page.run_form.editors["batch_size"].spin.setValue(8)
    assert doc.network.training["optimizer"]["momentum"] == pytest.approx(0.9)
    assert doc.network.training["batch_size"] == 8
    assert doc.undo_stack.count() == 6
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.to_dict() == before
    assert page.dataset.combo.currentText() == "xor"     # the page follows undo


def test_dataset_params_edit(inspector):
    doc = inspector.document
    page = training_page(inspector)
    page.dataset.form.editors["samples"].spin.setValue(200)
    page.split_form.editors["validation_split"].spin.setValue(0.3)
    data = doc.network.training["dataset"]
    assert data["params"]["samples"] == 200
    assert data["validation_split"] == pytest.approx(0.3)


def test_schedule_plot_follows_scheduler_lr_and_epochs(inspector, qtbot):
    from engine.optim.schedulers import preview_lrs
    doc = inspector.document
    page = training_page(inspector)
    page.schedule_plot.ensure_built()
    page.scheduler.combo.setCurrentText("step")
    page.run_form.editors["epochs"].spin.setValue(30)
    sched = doc.network.training["scheduler"]
    lr = doc.network.training["optimizer"]["lr"]
    expected = [float(v) for v in preview_lrs(sched, lr, 30)]
    assert page.schedule_plot.values == pytest.approx(expected)
    xs, ys = page.schedule_plot.curve.getData()
    assert len(xs) == 30 and list(ys) == pytest.approx(expected)
    assert min(expected) < max(expected)           # the step schedule decays


def test_plot_is_built_shortly_after_it_is_shown(inspector, qtbot):
    plot = training_page(inspector).schedule_plot
    qtbot.waitUntil(lambda: plot.curve is not None, timeout=3000)
    assert len(plot.curve.getData()[0]) == inspector.document.network.training["epochs"]


def test_locked_document_disables_editing(inspector):
    doc = inspector.document
    page = select(inspector, "h1")
    doc.set_locked(True)
    assert not page.form.isEnabled() and not page.id_edit.isEnabled()
    assert not page.locked_note.isHidden()
    assert not any(box.isEnabled() for box in inspector.training_page.boxes)
    assert not inspector.training_page.locked_note.isHidden()
    doc.set_locked(False)
    assert page.form.isEnabled()


def test_training_problems_show_on_the_training_page(inspector):
    doc = inspector.document
    page = training_page(inspector)
    assert page.problems.isHidden()
    page.run_form.editors["batch_size"].spin.setValue(5)      # valid: still no problem
    doc.set_training({**doc.network.training, "loss": "no_such_loss"})
    assert not page.problems.isHidden() and "no_such_loss" in page.problems.text()


def test_rename_rewrites_the_wires_and_undo_restores(inspector, qtbot):
    doc = inspector.document
    before = doc.to_dict()
    page = select(inspector, "h1")
    page.id_edit.setText("hidden")
    QTest.keyClick(page.id_edit, Qt.Key.Key_Return)
    assert doc.has_node("hidden") and not doc.has_node("h1")
    assert doc.network.inputs_of("a1") == ["hidden"]
    assert doc.network.inputs_of("hidden") == ["in"]
    assert doc.network.node_ids() == ["in", "hidden", "a1", "out", "p"]   # same place
    assert inspector.node_page.node_id == "hidden"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before


@pytest.mark.parametrize("bad, reason", [("a1", "already called"), ("", "empty"),
                                         ("two words", "letters, digits")])
def test_rename_refuses_bad_ids(inspector, bad, reason):
    doc = inspector.document
    page = select(inspector, "h1")
    page.id_edit.setText(bad)
    page.id_edit.editingFinished.emit()
    assert doc.has_node("h1") and doc.undo_stack.count() == 0
    assert reason in page.id_error.text()


def test_unknown_layer_type_is_shown_not_crashed_on(inspector):
    doc = inspector.document
    doc.network.nodes.append({"id": "odd", "type": "Dnse", "params": {"units": 3},
                              "ui": {"x": 0, "y": 300}})
    doc.replace(doc.network)
    page = select(inspector, "odd")
    assert page.form is None
    assert "unknown" in page.findChild(QLabel, "inspector_subtitle").text()
    assert "Dnse" in page.errors_label.text()


# ---- a file without a training section -------------------------------------------------------
def test_a_graph_alone_says_train_uses_the_defaults_until_training_is_set(inspector):
    doc = inspector.document                       # the test network has no training section
    page = training_page(inspector)
    assert page.defaults_note.isVisible()
    assert "no training section" in page.defaults_note.text()
    page.run_form.editors["epochs"].spin.setValue(7)
    assert not page.defaults_note.isVisible() and doc.network.has_training
    doc.undo_stack.undo()                          # back to a graph alone
    assert page.defaults_note.isVisible() and not doc.network.has_training


# ---- the open network's description; frozen layers ---------------------------------------------
EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def example(name: str):
    from engine.graph.network import Network
    return Network.load(EXAMPLES / f"{name}.nw.json")


def described(name: str, text: str):
    net = xor_network()
    net.name, net.description = name, text
    return net


def test_the_description_panel_shows_the_open_network_and_what_to_try(inspector):
    # The description was only a tooltip of the Examples menu.
    doc, panel = inspector.document, inspector.training_page.description
    training_page(inspector)
    assert not panel.isVisible()                   # the test network has no description
    doc.replace(described("XOR", "Two layers solve XOR. Watch it. Try deleting the Tanh."))
    assert panel.isVisible() and panel.expanded
    assert panel.toggle.text() == "XOR"
    assert panel.about.text() == "Two layers solve XOR. Watch it."
    assert panel.try_title.isVisible() and panel.try_text.text() == "Try deleting the Tanh."
    panel.toggle.click()                            # folded to its title line
    assert not panel.expanded and not panel.about.isVisible()
    doc.replace(described("Spiral", "Two arms."))   # another file: its own text, unfolded
    assert panel.expanded and panel.toggle.text() == "Spiral"
    assert panel.about.text() == "Two arms." and not panel.try_title.isVisible()


def test_the_description_panel_leaves_room_for_the_training_settings(qtbot, inspector):
    inspector.document.replace(example("circles_deep_sigmoid"))    # the longest text
    panel = training_page(inspector).description
    laid_out = lambda: panel.height() == panel.heightForWidth(panel.width())  # noqa: E731
    qtbot.waitUntil(laid_out, timeout=PATIENCE_MS)
    assert panel.height() < 0.45 * inspector.viewport().height()     # 700 px high
    panel.toggle.click()
    qtbot.waitUntil(lambda: panel.height() < 50, timeout=PATIENCE_MS)   # its title line


def test_a_text_without_a_try_sentence_is_one_paragraph():
    from gui.description_panel import split_description
    assert split_description("Fit a curve. Switch the loss.") == (
        "Fit a curve. Switch the loss.", "")
    assert split_description("Entry point. Then try this.") == ("Entry point.", "Then try this.")
    assert split_description("Country roads. Trying is fine.") == (
        "Country roads. Trying is fine.", "")


def test_a_frozen_layer_s_parameters_are_not_called_trainable(inspector):
    inspector.document.replace(example("conv_sobel"))
    page = select(inspector, "sobel")
    assert page.params_label.text().startswith("Parameters: 36, frozen")
    assert "Trainable" not in page.params_label.text()
    assert select(inspector, "out").params_label.text() == "Trainable parameters: 650"
    inspector.set_selection(["sobel", "out"])
    assert "Parameters: 686 (36 frozen)" in inspector.summary_page.text.text()


# ---- the examples' own texts --------------------------------------------------------------------
EVERY_EXAMPLE = sorted(p.name.removesuffix(".nw.json") for p in EXAMPLES.glob("*.nw.json"))


@pytest.mark.parametrize("name", EVERY_EXAMPLE)
def test_every_example_says_what_it_shows_and_what_to_try(name):
    from gui.description_panel import split_description
    about, to_try = split_description(example(name).description)
    assert len(about) > 100 and to_try.startswith("Try ")

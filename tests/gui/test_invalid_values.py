"""A file's invalid values are shown as they are, marked invalid with the reason, never
stale and never raising; typing a valid value fixes them, undoably (issue 13, item 10)."""
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from engine.graph.network import Network
from engine.nn.layers import LAYERS
from gui.document import Document
from gui.inspector import Inspector
from tests.gui.conftest import xor_network

# (value as written in the file, as the inspector shows it)
HOSTILE_UNITS = [("1e400", "inf"), ('"four"', "four"), ("[4]", "[4]"), ("null", "null"),
                 ("-3", "-3"), ("2.5", "2.5"), ("1" + "0" * 30, "1" + "0" * 30),
                 ("true", "true"), ('{"n": 4}', '{"n": 4}')]


def hostile_file(tmp_path, units="4", lr="0.03", batch_size="32", shape="[2]",
                 loss='"bce"', optimizer='"adam"') -> Network:
    """The XOR network written with these JSON texts in its fields, opened from disk."""
    network = xor_network()
    d = {**network.to_dict(), "training": network.training}
    marks = {"units": "@U@", "lr": "@L@", "batch": "@B@", "shape": "@S@", "loss": "@O@",
             "opt": "@N@"}
    d["nodes"][1]["params"]["units"] = marks["units"]
    d["nodes"][0]["params"]["shape"] = marks["shape"]
    d["training"].update(batch_size=marks["batch"], loss=marks["loss"])
    d["training"]["optimizer"] = {"name": marks["opt"], "lr": marks["lr"]}
    text = json.dumps(d)
    for key, value in (("units", units), ("lr", lr), ("batch", batch_size),
                       ("shape", shape), ("loss", loss), ("opt", optimizer)):
        text = text.replace(json.dumps(marks[key]), value)
    path = tmp_path / "hostile.nw.json"
    path.write_text(text)
    return Network.load(path)


@pytest.fixture
def inspector(qtbot):
    widget = Inspector(Document(xor_network()))
    qtbot.addWidget(widget)
    widget.resize(380, 900)
    widget.show()
    widget.set_selection(["h1"])          # shows units 4 first: a stale 4 would show
    return widget


def shown(editor) -> str:
    """What the editor shows: its text box's text when the value is shown as stored."""
    if editor.stored is not None and not editor.stored.isHidden():
        return editor.stored.text()
    return str(editor.value())


@pytest.mark.parametrize("text, expected", HOSTILE_UNITS, ids=[t for t, _ in HOSTILE_UNITS])
def test_each_hostile_units_value_is_shown_as_stored_with_the_analysis_reason(
        inspector, tmp_path, text, expected):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, units=text))
    inspector.set_selection(["h1"])
    form = inspector.node_page.form
    editor = form.editors["units"]
    assert shown(editor) == expected
    reason = editor.error_text()
    assert reason and reason in doc.analysis.messages["h1"]        # the analysis's words
    assert form.error_labels["units"].isVisible() and form.error_labels["units"].text() == reason
    assert editor.property("invalid") and not editor.spin.isVisible()
    assert reason in inspector.node_page.errors_label.text()


def test_typing_a_valid_value_fixes_it_undoably(inspector, tmp_path, qtbot):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, units='"four"'))
    inspector.set_selection(["h1"])
    editor = inspector.node_page.form.editors["units"]
    editor.stored.setFocus()
    editor.stored.selectAll()
    QTest.keyClicks(editor.stored, "five")                 # still refused: said, not saved
    QTest.keyClick(editor.stored, Qt.Key.Key_Return)
    assert doc.node("h1")["params"]["units"] == "four"
    assert "whole number" in editor.error_text()
    editor.stored.selectAll()
    QTest.keyClicks(editor.stored, "8")
    QTest.keyClick(editor.stored, Qt.Key.Key_Return)
    assert doc.node("h1")["params"]["units"] == 8
    editor = inspector.node_page.form.editors["units"]
    qtbot.waitUntil(lambda: editor.spin.isVisible())
    assert editor.spin.value() == 8 and not editor.error_text()
    assert "h1" not in doc.analysis.messages or not doc.analysis.messages["h1"]
    doc.undo_stack.undo()
    assert doc.node("h1")["params"]["units"] == "four" and shown(editor) == "four"


@pytest.mark.parametrize("shape, expected", [('"abc"', "abc"), ("[1e400]", "[Infinity]"),
                                             ("7", "7")])
def test_a_hostile_input_shape_is_shown_as_stored(inspector, tmp_path, shape, expected):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, shape=shape))
    inspector.set_selection(["in"])
    editor = inspector.node_page.form.editors["shape"]
    assert shown(editor) == expected and editor.error_text()


@pytest.mark.parametrize("lr, expected", [('"abc"', "abc"), ("1e400", "inf"),
                                          ("[0.1]", "[0.1]"), ("1e300", "1e+300")])
def test_a_hostile_learning_rate_is_shown_as_stored(inspector, tmp_path, lr, expected):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, lr=lr))
    inspector.set_selection([])
    page = inspector.training_page
    editor = page.optimizer.form.editors["lr"]
    assert shown(editor) == expected
    assert bool(editor.error_text()) == (lr != "1e300")      # 1e300 is valid, yet no box holds it
    assert not page.schedule_plot.message.isHidden() or lr == "1e300"


@pytest.mark.parametrize("batch", ["1" + "0" * 30, "1e400", '"many"', "0"])
def test_a_hostile_batch_size_is_shown_as_stored(inspector, tmp_path, batch):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, batch_size=batch))
    inspector.set_selection([])
    editor = inspector.training_page.run_form.editors["batch_size"]
    assert shown(editor) == {"1e400": "inf", '"many"': "many"}.get(batch, batch)
    assert editor.error_text()


def test_unknown_names_leave_the_combo_blank_and_say_so(inspector, tmp_path):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, loss='"hinge"', optimizer="[1]"))
    inspector.set_selection([])
    page = inspector.training_page
    assert page.loss.combo.currentIndex() == -1 and "'hinge'" in page.loss.help.text()
    assert page.optimizer.combo.currentIndex() == -1 and "[1]" in page.optimizer.help.text()
    page.loss.combo.setCurrentText("mse")                 # choosing a name fixes it
    assert doc.network.training["loss"] == "mse" and page.loss.combo.currentText() == "mse"
    doc.undo_stack.undo()
    assert page.loss.combo.currentIndex() == -1


def test_a_valid_file_after_a_hostile_one_shows_its_own_values(inspector, tmp_path):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, units='"four"'))
    inspector.set_selection(["h1"])
    doc.replace(xor_network())
    inspector.set_selection(["h1"])
    editor = inspector.node_page.form.editors["units"]
    assert editor.spin.isVisible() and editor.spin.value() == 4 and not editor.error_text()


def test_typing_a_valid_learning_rate_over_a_stored_one_is_an_undoable_training_edit(
        inspector, tmp_path):
    doc = inspector.document
    doc.replace(hostile_file(tmp_path, lr='"abc"'))
    inspector.set_selection([])
    editor = inspector.training_page.optimizer.form.editors["lr"]
    editor.stored.setFocus()
    editor.stored.selectAll()
    QTest.keyClicks(editor.stored, "0.05")
    QTest.keyClick(editor.stored, Qt.Key.Key_Return)
    assert doc.network.training["optimizer"]["lr"] == 0.05
    editor = inspector.training_page.optimizer.form.editors["lr"]
    assert editor.spin.isVisible() and editor.spin.value() == 0.05
    assert inspector.training_page.schedule_plot.message.isHidden()
    doc.undo_stack.undo()
    assert doc.network.training["optimizer"]["lr"] == "abc" and shown(editor) == "abc"


# ---- every field of every layer type and of the training section ---------------------------
HOSTILE_JSON = ['"four"', "1e400", "[4, [5]]", "null", "-1e300", '{"a": 1}', "1" + "0" * 40]


def refused(param, value) -> str | None:
    try:
        param.validate(value)
    except ValueError as e:
        return str(e)
    return None


def open_text(tmp_path, d: dict, marks: dict) -> Network:
    text = json.dumps({"format": "netwright-network", "version": 1, **d})
    for mark, value in marks.items():
        text = text.replace(json.dumps(mark), value)
    path = tmp_path / "every.nw.json"
    path.write_text(text)
    return Network.load(path)


def check_shown(editor, param, stored) -> None:
    reason = refused(param, stored)
    if reason is None:                     # a valid value: the box or the text shows it
        return
    assert editor.error_text() == reason and editor.property("invalid")
    assert editor.stored is not None and not editor.stored.isHidden()


@pytest.mark.parametrize("spec", [s for s in LAYERS.in_order() if s.params],
                         ids=lambda s: s.type)
def test_every_layer_field_shows_any_stored_value_marked_invalid(inspector, tmp_path, spec):
    doc = inspector.document
    for text in HOSTILE_JSON:
        marks = {f"@{p.name}@": text for p in spec.params}
        d = {"nodes": [{"id": "n", "type": spec.type,
                        "params": {p.name: f"@{p.name}@" for p in spec.params}}]}
        network = open_text(tmp_path, d, marks)
        doc.replace(network)
        inspector.set_selection(["n"])
        form = inspector.node_page.form
        for p in spec.params:
            stored = network.node("n")["params"][p.name]
            check_shown(form.editors[p.name], p, stored)
            assert form.error_labels[p.name].text() == form.editors[p.name].error_text()


def test_every_training_field_shows_any_stored_value_marked_invalid(inspector, tmp_path):
    from engine.graph.training_checks import TRAINING_PARAMS
    from engine.optim.optimizers import OPTIMIZERS
    from engine.optim.schedulers import SCHEDULERS
    doc = inspector.document
    for text in HOSTILE_JSON:
        for opt in OPTIMIZERS:
            for sched in [s for s in SCHEDULERS if SCHEDULERS[s].params]:
                opt_params, sched_params = OPTIMIZERS[opt].params, SCHEDULERS[sched].params
                training = {
                    "dataset": {"name": "xor", "params": {"samples": "@samples@"}},
                    "loss": "bce",
                    "optimizer": {"name": opt, **{p.name: f"@o{p.name}@" for p in opt_params}},
                    "scheduler": {"name": sched,
                                  **{p.name: f"@s{p.name}@" for p in sched_params}},
                    **{p.name: f"@r{p.name}@" for p in TRAINING_PARAMS}}
                marks = {"@samples@": text, **{f"@o{p.name}@": text for p in opt_params},
                         **{f"@s{p.name}@": text for p in sched_params},
                         **{f"@r{p.name}@": text for p in TRAINING_PARAMS}}
                network = open_text(tmp_path, {"nodes": [], "training": training}, marks)
                doc.replace(network)
                inspector.set_selection([])
                page = inspector.training_page
                t = network.training
                for form, params, section in (
                        (page.optimizer.form, opt_params, t["optimizer"]),
                        (page.scheduler.form, sched_params, t["scheduler"]),
                        (page.run_form, TRAINING_PARAMS, t)):
                    for p in params:
                        check_shown(form.editors[p.name], p, section[p.name])


@pytest.mark.parametrize("lr, expected", [('"abc"', "abc"), ("1e400", "inf"), ("[1]", "[1]")])
def test_the_dashboards_learning_rate_shows_the_stored_one_too(main_window, tmp_path, lr,
                                                                 expected):
    main_window.document.replace(hostile_file(tmp_path, lr=lr))
    editor = main_window.training.dashboard.lr_editor
    assert shown(editor) == expected and editor.error_text()
    main_window.document.replace(xor_network())              # a valid file: no stale value
    assert editor.error_text() == "" and editor.value() == xor_network().training[
        "optimizer"]["lr"]


def test_a_refused_paste_is_said_in_the_status_bar(main_window, qtbot):
    from PySide6.QtGui import QGuiApplication
    QGuiApplication.clipboard().setText('{"nodes": [{"id": "a", "type": "Dense", '
                                        '"params": [1]}]}')
    action = main_window.view.canvas_actions["paste"]
    qtbot.waitUntil(action.isEnabled)
    action.trigger()
    assert main_window.status.currentMessage().startswith("Cannot paste: nodes[0] ('a'): "
                                                          "params must be an object")

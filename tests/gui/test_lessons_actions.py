"""A lesson step's "Show me": open the example (never over the user's unsaved work), select
a node, show a view on the dashboard, open the optimizer race; and the view keys a lesson
may name are real views on real pages."""
from __future__ import annotations

import pytest

from tests.gui.conftest import quiet_close
from tests.gui.lessons_fixtures import write_lessons


@pytest.fixture
def window(main_window, tmp_path):
    main_window.lessons.set_folder(write_lessons(tmp_path / "lessons"))
    main_window.show()
    return main_window


def close_lesson_windows():
    from gui.lessons import show_me
    for w in list(show_me._windows):
        quiet_close(w)
        w.close()


def test_show_me_opens_the_example_in_place_when_nothing_is_unsaved(window, qtbot):
    from gui.lessons import show_me
    controller = window.lessons
    controller.show_lesson(1)
    controller.panel.page.show_button.click()
    assert window.document.network.name.startswith("XOR") and window.document.path is None
    assert not window.document.is_modified
    assert controller.owns_document and not show_me._windows
    assert window.view.scene().selected_node_ids() == ["h1"]
    assert window.inspector.selection == ["h1"]                # the inspector follows
    assert window.inspector_dock.isVisible()                  # and the dock leaves it in view
    dashboard = window.training.dashboard
    assert dashboard.tabs.currentWidget() is dashboard.pages["Layer"]


def test_show_me_never_touches_unsaved_work_it_opens_a_new_window(window, qtbot):
    from gui.commands import SetParam
    from gui.lessons import show_me
    doc = window.document
    doc.undo_stack.push(SetParam(doc, "h1", "units", 7))       # the user's own edit
    before = doc.to_dict()
    controller = window.lessons
    controller.show_lesson(1)
    try:
        controller.panel.page.show_button.click()
        assert doc.to_dict() == before and doc.is_modified     # as the user left it
        assert len(show_me._windows) == 1
        new = next(iter(show_me._windows))
        assert new.document.node("h1")["params"]["units"] == 4 and not new.document.is_modified
        assert new.lessons.dock.isVisible() and new.lessons.lesson.concept == 1
        assert not controller.dock.isVisible()                 # the lesson went on there
        assert "new window" in new.lessons.panel.page.note.text()
        assert new.view.scene().selected_node_ids() == ["h1"]  # later actions act there
        assert not new.files.autosave_enabled                   # one recovery file: the user's
    finally:
        close_lesson_windows()


def test_lesson_edits_on_the_lessons_own_example_do_not_count_as_the_users_work(window):
    from gui.lessons import show_me
    controller = window.lessons
    controller.show_lesson(1)
    controller.panel.page.show_button.click()
    controller.go_to_step(1)
    controller.panel.page.do_button.click()
    assert window.document.is_modified and controller.may_replace_document()
    controller.go_to_step(0)
    controller.panel.page.show_button.click()
    assert not show_me._windows and window.document.node("h1")["params"]["units"] == 4


def test_a_hand_edit_on_the_lessons_example_is_the_users_work(window):
    from gui.commands import SetParam
    controller = window.lessons
    controller.show_lesson(1)
    controller.panel.page.show_button.click()
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", 5))
    assert not controller.may_replace_document()


def test_show_frames_the_view_for_a_moment(window, qtbot):
    from gui.lessons.highlight import Highlight
    from gui.training.views.loss import LossView
    controller = window.lessons
    controller.show_lesson(8)
    controller.panel.page.show_button.click()
    dashboard = window.training.dashboard
    assert dashboard.tabs.currentWidget() is dashboard.pages["Curves"]
    view = dashboard.view(LossView)
    frames = view.findChildren(Highlight)
    assert len(frames) == 1 and frames[0].isVisible()
    qtbot.waitUntil(lambda: not view.findChildren(Highlight), timeout=10_000)   # faded, gone


def test_show_says_when_the_view_has_nothing_for_this_network(window):
    from gui.lessons.highlight import Highlight
    controller = window.lessons
    controller.show_lesson(8, 1)                      # Filters on XOR: no convolution
    controller.panel.page.show_button.click()
    note = controller.panel.page.note
    assert not note.isHidden() and "Conv2D" in note.text()
    assert not window.training.dashboard.findChildren(Highlight)


def test_open_race_without_data_says_so_in_the_dock(window):
    controller = window.lessons
    controller.show_lesson(1, 4)                               # the bare XOR graph: no data
    controller.panel.page.show_button.click()
    assert "nothing to race" in controller.panel.page.note.text()


def test_select_node_of_a_missing_node_says_so(window):
    from gui.lessons.show_me import select_node
    notes = []
    select_node(window, "nope", notes)
    assert notes and "nope" in notes[0][0]


def test_open_race_ticks_the_lessons_optimizers(window, qtbot):
    controller = window.lessons
    controller.show_lesson(1)
    controller.panel.page.show_button.click()                 # the example: it has data
    controller.go_to_step(4)
    controller.panel.page.show_button.click()
    dialog = window.lesson_race_dialog
    try:
        assert dialog.isVisible()
        ticked = [r.optimizer.currentText() for r in dialog.rows if r.raced.isChecked()]
        assert sorted(ticked) == ["adam", "sgd"]
        assert dialog.rows[0].raced.isChecked() and dialog.rows[0].lr.value() == 0.1
    finally:
        dialog.reject()


def test_every_view_key_is_a_dashboard_view_and_every_tab_a_page(window):
    from engine.lessons.parts import TABS, VIEW_KEYS
    from gui.lessons.views import VIEW_CLASSES, VIEW_NAMES
    dashboard = window.training.dashboard
    assert set(VIEW_CLASSES) == set(VIEW_KEYS) == set(VIEW_NAMES)
    for key in VIEW_KEYS:
        view = dashboard.view(VIEW_CLASSES[key])          # StopIteration if not a real view
        assert view in dashboard.pages[view.page].views, key
    assert set(TABS) == set(dashboard.pages)


def test_view_keys_are_the_stems_of_the_view_modules():
    from pathlib import Path
    import gui.training.views as views
    from engine.lessons.parts import VIEW_KEYS
    from gui.lessons.views import VIEW_CLASSES
    stems = {p.stem for p in Path(views.__file__).parent.glob("*.py")}
    assert set(VIEW_KEYS) <= stems
    for key in VIEW_KEYS:
        if key not in ("runs", "curves"):                 # the loss and boundary views draw these
            assert VIEW_CLASSES[key].__module__.rsplit(".", 1)[-1] == key


def test_command_line_lesson_opens_its_example_and_step(window, tmp_path):
    controller = window.lessons
    assert controller.start_at(1, 2) is None
    assert controller.lesson.concept == 1 and controller.step_index == 1
    assert controller.dock.isVisible() and controller.owns_document
    assert window.document.node("h1")["params"]["units"] == 4     # step 2 is still to do
    assert "no lesson 99" in controller.start_at(99)


def test_command_line_lesson_at_a_later_step_has_the_earlier_steps_edits(window):
    controller = window.lessons
    assert controller.start_at(1, 3) is None
    doc = window.document
    assert doc.node("h1")["params"]["units"] == 8 and not doc.is_modified
    assert doc.network.folder is not None                          # the example's own folder
    assert controller.panel.page.check_state == "waiting"


def test_network_at_follows_the_open_example_actions():
    from engine.lessons.format import parse_lesson
    from gui.lessons.controller import network_at
    from tests.gui.lessons_fixtures import lesson, text
    data = lesson(2, "basics", "Two", [
        {"text": text("a"), "edits": [{"do": "set_param", "node": "h1", "param": "units",
                                       "value": 2}]},
        {"text": text("b"), "actions": [{"do": "open_example", "example": "spiral"}]},
        {"text": text("c"), "edits": [{"do": "bypass_node", "node": "a1"}]},
        {"text": text("d")}], example="xor_mlp")
    parsed = parse_lesson(data, "02_two.json")
    assert network_at(parsed, 0) == ("xor_mlp", [])
    assert [e.param for e in network_at(parsed, 1)[1]] == [] and network_at(parsed, 1)[0] == \
        "spiral"
    stem, edits = network_at(parsed, 3)
    assert stem == "spiral" and [e.do for e in edits] == ["bypass_node"]


def test_a_view_that_needs_a_run_says_press_train(window):
    from gui.lessons.show_me import show_view
    from gui.training.views.unit_maps import UnitMapsView
    window.training.dashboard
    window.view.scene().select_nodes(["h1"])       # unit maps know a 2-D input from a run
    assert window.training.dashboard.view(UnitMapsView).isHidden()
    notes = []
    show_view(window, "Layer", "unit_maps", notes)
    assert notes == [("The Unit maps view appears here once training runs: press Train.",
                      "info")]


def test_show_me_again_keeps_the_open_example_and_its_run(window, qtbot):
    controller = window.lessons
    controller.show_lesson(1)
    controller.panel.page.show_button.click()
    with qtbot.assertNotEmitted(window.document.networkReplaced):
        controller.panel.page.show_button.click()


def test_a_note_from_before_the_run_goes_when_a_run_starts(window):
    controller = window.lessons
    controller.show_lesson(8, 1)
    controller.panel.page.show_button.click()
    assert not controller.panel.page.note.isHidden()
    window.training.runStarted.emit(None)
    assert controller.panel.page.note.isHidden()


def test_do_it_for_me_lays_inserted_nodes_out_in_one_undo_step(window, tmp_path):
    from tests.gui.lessons_fixtures import lesson, text
    insert = lesson(4, "basics", "Insert", [{"text": text("Insert two."), "edits": [
        {"do": "insert_after", "node": "in", "new": "h0", "type": "Dense",
         "params": {"units": 3}},
        {"do": "insert_after", "node": "h0", "new": "a0", "type": "Tanh"}]}])
    controller, doc = window.lessons, window.document
    controller.set_folder(write_lessons(tmp_path / "insert", insert))
    controller.show_lesson(4)
    before = doc.to_dict()
    controller.panel.page.do_button.click()
    from gui.canvas.style import CARD_WIDTH
    xs = [doc.node(i)["ui"]["x"] for i in ["in", "h0", "a0", "h1", "a1", "out", "p"]]
    assert all(b - a >= CARD_WIDTH for a, b in zip(xs, xs[1:]))       # left to right, apart
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before

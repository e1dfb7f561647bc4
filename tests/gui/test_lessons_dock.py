"""The Lessons dock: Help > Lessons, the list by group with ticks, one step at a time, the
live check, Do it for me as one undo step, progress kept between sessions."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from engine.training.messages import EpochEvent, StepChunk
from gui.training.states import IDLE
from tests.gui.conftest import quiet_close
from tests.gui.waits import PATIENCE_MS
from tests.gui.lessons_fixtures import BASICS, OPTIMISATION, lesson, text, write_lessons


@pytest.fixture
def window(main_window, tmp_path):
    main_window.lessons.set_folder(write_lessons(tmp_path / "lessons"))
    main_window.show()
    return main_window


def test_help_lessons_opens_the_dock_with_f1(window, qtbot):
    action = window.lessons.action
    assert action in window.menus["help"].actions()
    assert action.shortcut().toString() == "F1"
    dock = window.findChild(type(window.training_dock), "lessons_dock")
    assert dock is not None and not dock.isVisible()
    action.trigger()
    assert dock.isVisible()
    # in front of the layer palette it shares the left side with (it opened behind it)
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5000)
    assert window.palette_dock.visibleRegion().isEmpty()
    assert window.lessons.panel.list.tree.topLevelItemCount() == 2     # two groups


def test_the_dock_is_remembered_with_the_window_state(window, qtbot, monkeypatch):
    from gui import main_window
    from gui.main_window import MainWindow
    monkeypatch.setattr(main_window, "settings", QSettings)    # the test's own settings
    window.lessons.show_lesson(1)
    window.save_settings()
    again = MainWindow()
    qtbot.addWidget(again, before_close_func=quiet_close)
    again.restore_settings()
    again.show()
    assert again.lessons.dock.isVisible()


def test_lessons_are_grouped_and_titled_in_the_language(window):
    controller = window.lessons
    controller.lang = "ko"
    controller.action.trigger()
    tree = controller.panel.list.tree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == ["Basics", "Optimisation"]
    assert tree.topLevelItem(0).child(0).text(0) == "1. Neurons 한국어"
    controller.show_lesson(1)
    assert controller.panel.page.title_label.text() == "Neurons 한국어"
    assert "(ko)" in controller.panel.page.step_text.text()


def test_steps_one_at_a_time(window):
    controller = window.lessons
    assert controller.show_lesson(1)
    page = controller.panel.page
    assert page.step_label.text() == "Step 1 of 5"
    assert not page.previous_button.isEnabled() and page.next_button.isEnabled()
    assert not page.show_button.isHidden() and page.do_button.isHidden()
    page.next_button.click()
    assert page.step_label.text() == "Step 2 of 5"
    assert page.show_button.isHidden() and not page.do_button.isHidden()
    for _ in range(5):
        page.next_button.click()
    assert page.step_label.text() == "Step 5 of 5" and not page.next_button.isEnabled()
    page.previous_button.click()
    assert page.step_label.text() == "Step 4 of 5"
    assert "σ(z)" in page.formula_label.text()


def test_a_document_check_holds_at_once_and_the_lesson_ticks_when_all_steps_are_done(window):
    controller = window.lessons
    controller.show_lesson(1)
    page = controller.panel.page
    assert page.check_state == "pass"                      # h1 has 4 units
    assert "h1 has 4 units" in page.check_text.text()
    page.next_button.click()
    assert page.check_state == "fail"                      # not yet 8
    assert not controller.panel.list.item_text(1).endswith("✓")


def test_do_it_for_me_is_one_undo_step_and_turns_the_check_green(window):
    controller, doc = window.lessons, window.document
    controller.show_lesson(1, 1)
    before = doc.to_dict()
    controller.panel.page.do_button.click()
    assert doc.node("h1")["params"]["units"] == 8
    assert controller.panel.page.check_state == "pass"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    assert controller.panel.page.check_state == "pass"     # it stays green once it held


def test_do_it_for_me_on_a_network_without_the_node_says_why(window):
    from engine.graph.network import Network
    controller, doc = window.lessons, window.document
    doc.replace(Network())
    controller.show_lesson(1, 1)
    controller.panel.page.do_button.click()
    assert doc.undo_stack.count() == 0
    assert "h1" in controller.panel.page.note.text()


def test_a_structural_edit_is_undone_exactly(window):
    from gui.lessons.edit_command import SetNetwork
    from engine.lessons.edits import apply_edits
    doc = window.document
    before = doc.to_dict()
    after = apply_edits(before, [{"do": "replace_node", "node": "a1", "type": "ReLU"},
                                 {"do": "insert_after", "node": "h1", "new": "drop",
                                  "type": "Dropout"}])
    doc.undo_stack.push(SetNetwork(doc, after))
    assert doc.to_dict()["nodes"] == after["nodes"] and doc.to_dict()["edges"] == after["edges"]
    assert "drop" in window.view.scene().node_items
    doc.undo_stack.undo()
    assert doc.to_dict() == before
    assert "drop" not in window.view.scene().node_items
    doc.undo_stack.redo()
    assert doc.to_dict()["nodes"] == after["nodes"]


def epoch_chunk(epoch: int, val_loss: float) -> StepChunk:
    event = EpochEvent(epoch=epoch, step=epoch * 10, train_loss=val_loss, val_loss=val_loss,
                       metrics={}, grad_norms={}, weight_stats={}, lr=0.03, next_lr=0.03)
    steps = np.arange((epoch - 1) * 10 + 1, epoch * 10 + 1)
    return StepChunk(steps=steps, epochs=np.full(10, epoch), losses=np.full(10, val_loss),
                     lrs=np.full(10, 0.03), examples_per_sec=1.0, grad_norms={},
                     epoch_ends=(event,))


def fake_run(window, *val_losses) -> None:
    """What the training session says during a run, without a training process."""
    window.training.runStarted.emit(None)
    for epoch, loss in enumerate(val_losses, start=1):
        window.training.session.chunkArrived.emit(epoch_chunk(epoch, loss))


def test_a_run_check_waits_for_its_epoch_then_holds_and_records(window):
    controller = window.lessons
    controller.show_lesson(1, 2)
    page = controller.panel.page
    assert page.check_state == "waiting" and "○" in page.check_mark.text()
    fake_run(window, 0.5)
    assert page.check_state == "pass"
    assert controller.recorded == {"first": 0.5}
    page.next_button.click()                  # the same run goes on: 100 x 0.5 = 50
    assert page.check_state == "waiting"
    window.training.session.chunkArrived.emit(epoch_chunk(2, 60.0))
    assert page.check_state == "fail" and "✗" in page.check_mark.text()
    window.training.session.chunkArrived.emit(epoch_chunk(3, 0.4))
    assert page.check_state == "pass"


def test_a_record_keeps_the_first_value_reaching_its_after_as_verify_does(window):
    controller = window.lessons
    controller.show_lesson(1, 2)
    fake_run(window, 0.5, 0.3, 0.2)
    assert controller.recorded == {"first": 0.5}
    fake_run(window, 0.9)                                      # a new run records again
    assert controller.recorded == {"first": 0.9}


def test_a_record_is_taken_when_its_step_comes_after_the_run_reached_it(window):
    controller = window.lessons
    controller.show_lesson(1, 0)
    fake_run(window, 0.5, 0.3)
    assert controller.recorded == {}
    controller.go_to_step(2)
    assert controller.recorded == {"first": 0.3}


def test_a_new_run_or_an_edit_starts_a_new_record(window):
    from gui.commands import SetParam
    controller = window.lessons
    controller.show_lesson(1, 3)
    fake_run(window, 0.5, 0.4)
    assert controller.live.record.epochs_done == 2
    window.document.undo_stack.push(SetParam(window.document, "h1", "units", 3))
    assert controller.live.record.epochs_done == 0
    fake_run(window, 0.7)
    assert controller.live.record.epochs_done == 1


def test_reset_weights_empties_the_record(window, qtbot):
    controller = window.lessons
    fake_run(window, 0.5)
    assert controller.live.record.epochs_done == 1
    window.training.session.stateChanged.emit(IDLE)        # what dropping the run says
    assert controller.live.record.epochs_done == 0


def test_a_real_run_turns_the_check_green(window, qtbot):
    from engine.graph.network import Network
    from gui.files import EXAMPLES_DIR
    controller = window.lessons
    window.document.replace(Network.load(EXAMPLES_DIR / "xor_mlp.nw.json"))
    controller.show_lesson(1, 2)                           # val_loss < 10 after 1 epoch
    assert controller.panel.page.check_state == "waiting"
    assert window.training.train(pause_after=40)           # 10 batches an epoch: 4 epochs
    qtbot.waitUntil(lambda: controller.panel.page.check_state == "pass",
                    timeout=PATIENCE_MS)
    assert controller.recorded["first"] < 10
    window.training.session.stop()


def test_progress_is_remembered_and_can_be_reset(window, qtbot, tmp_path):
    from gui.main_window import MainWindow
    controller = window.lessons
    controller.show_lesson(1, 1)
    controller.panel.page.do_button.click()               # step 2 done
    controller.go_to_step(4)                              # no check: done when shown
    again = MainWindow()
    qtbot.addWidget(again, before_close_func=quiet_close)
    again.lessons.set_folder(tmp_path / "lessons")
    again.lessons.action.trigger()
    assert again.lessons.lesson.concept == 1 and again.lessons.step_index == 4
    progress = again.lessons.progress
    assert [progress.is_done(1, k) for k in range(5)] == [False, True, False, False, True]
    assert QSettings().value("lessons/current") in (1, "1")
    again.lessons.panel.list.reset_button.click()
    assert not any(progress.is_done(1, k) for k in range(5))


def test_a_lesson_with_every_step_done_is_ticked(window, tmp_path):
    controller = window.lessons
    short = lesson(3, "basics", "Short", [{"text": text("Read this.")}])
    controller.set_folder(write_lessons(tmp_path / "short", short))
    controller.show_lesson(3)
    assert controller.panel.list.item_text(3) == "3. Short  ✓"


def test_concepts_menu_lists_the_lessons_and_opens_one(window):
    menu = window.concepts_menu
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions()]
    assert titles == ["1. Neurons", "8. Optimizers"]
    menu.actions()[1].trigger()
    assert window.lessons.dock.isVisible()
    assert window.lessons.lesson.concept == 8


def test_unreadable_lesson_files_are_named_not_raised(window, tmp_path):
    folder = write_lessons(tmp_path / "bad", BASICS, OPTIMISATION)
    (folder / "05_broken.json").write_text('{"format": "netwright-lesson", "version": 1}',
                                           encoding="utf-8")
    window.lessons.set_folder(folder)
    window.lessons.action.trigger()
    problems = window.lessons.panel.list.problems
    assert not problems.isHidden() and "05_broken.json" in problems.text()


def test_first_start_offers_lesson_one_once(window):
    controller = window.lessons
    assert controller.offer_on_first_start()
    assert controller.dock.isVisible() and controller.lesson.concept == 1
    assert not controller.offer_on_first_start()


def test_no_lesson_folder_lists_nothing(window, tmp_path):
    window.lessons.set_folder(tmp_path / "nowhere")
    window.lessons.action.trigger()
    assert window.lessons.panel.list.tree.topLevelItemCount() == 0
    window.concepts_menu.aboutToShow.emit()
    assert [a.text() for a in window.concepts_menu.actions()] == ["No lessons found"]


@pytest.mark.parametrize("arg, expected", [("13", (13, 1)), ("13:2", (13, 2))])
def test_lesson_argument(arg, expected):
    from gui.lessons.controller import lesson_argument
    assert lesson_argument(arg) == expected


@pytest.mark.parametrize("arg", ["x", "0", "3:0", "3:a", ""])
def test_bad_lesson_argument_says_why(arg):
    from gui.lessons.controller import lesson_argument
    with pytest.raises(ValueError, match="--lesson"):
        lesson_argument(arg)


def test_a_check_that_cannot_be_measured_says_why_and_never_raises(window, monkeypatch):
    from engine.lessons import checks
    controller = window.lessons
    controller.show_lesson(1)

    def broken(*_args):
        raise ZeroDivisionError("a measure that breaks")
    monkeypatch.setattr(checks, "evaluate", broken)
    controller.progress.reset()
    controller.refresh_check()
    assert controller.panel.page.check_state == "fail"
    assert "a measure that breaks" in controller.panel.page.check_text.text()

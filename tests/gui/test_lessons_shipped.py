"""The lessons shipped in resources/lessons, seen by the dock: every step shows (in both
languages), and every node a step selects and every view it shows exists for the network a
learner has at that step (the example it opened, with the earlier steps' edits made)."""
from __future__ import annotations

import pytest

from engine.graph.network import Network
from engine.lessons.edits import apply_edits
from engine.lessons.format import load_lessons
from gui.files import EXAMPLES_DIR
from gui.lessons.controller import LESSONS_DIR, network_at

LESSONS = [x for x in load_lessons(LESSONS_DIR)] if LESSONS_DIR.is_dir() else []
pytestmark = pytest.mark.skipif(not LESSONS, reason=f"no lesson files in {LESSONS_DIR}")


def test_every_lesson_file_reads():
    problems = [str(x) for x in LESSONS if isinstance(x, Exception)]
    assert not problems


@pytest.mark.parametrize("lesson", [x for x in LESSONS if not isinstance(x, Exception)],
                         ids=lambda x: f"lesson{x.concept}")
def test_show_me_targets_exist_at_their_step(lesson):
    from gui.lessons.views import missing_reason
    for index, step in enumerate(lesson.steps):
        stem, edits = network_at(lesson, index)
        example = Network.load(EXAMPLES_DIR / f"{stem}.nw.json")
        network = Network.from_dict(apply_edits(example.to_dict(), edits))
        where = f"lesson {lesson.concept} step {index + 1}"
        for action in step.actions:
            if action.do == "select_node":
                assert network.has_node(action.node), f"{where}: no node {action.node!r}"
            if action.do == "show" and action.view:
                assert missing_reason(action.view, network) is None, where
        apply_edits(network.to_dict(), step.edits)          # EditError names the edit


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_dock_shows_every_step_of_every_lesson(main_window, lang):
    controller = main_window.lessons
    controller.lang = lang
    for lesson in (x for x in LESSONS if not isinstance(x, Exception)):
        assert controller.show_lesson(lesson.concept)
        page = controller.panel.page
        for index in range(len(lesson.steps)):
            controller.go_to_step(index)
            assert page.step_label.text() == f"Step {index + 1} of {len(lesson.steps)}"
            assert page.step_text.text()
    assert controller.panel.list.tree.topLevelItemCount() == 4     # the four groups


def test_show_me_on_every_step_leads_somewhere(main_window):
    """Every Show me and Do it for me of every lesson, pressed in order as a learner would:
    no note saying a node is missing, an edit does not fit, or a view has nothing to show
    (e.g. a Layer view for a node it cannot show)."""
    controller = main_window.lessons
    main_window.show()
    problems = []
    for lesson in (x for x in LESSONS if not isinstance(x, Exception)):
        controller.show_lesson(lesson.concept)
        page = controller.panel.page
        for index in range(len(lesson.steps)):
            controller.go_to_step(index)
            for button in (page.show_button, page.do_button):      # what the step offers
                if button.isHidden():
                    continue
                button.click()
                if page.note.isVisible() and "#8a1c1c" in page.note.styleSheet():
                    problems.append(f"lesson {lesson.concept} step {index + 1}: "
                                    f"{page.note.text()}")
                dialog = getattr(main_window, "lesson_race_dialog", None)
                if dialog is not None:
                    dialog.reject()
                    main_window.lesson_race_dialog = None
    assert not problems


def test_the_dock_in_korean_clips_nothing(qapp, main_window, qtbot):
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
    from gui import i18n
    from tests.gui.conftest import quiet_close
    from tests.gui.test_korean import HANGUL, clipped, korean_font_installed
    if not korean_font_installed() or not i18n.TRANSLATIONS.joinpath("netwright_ko.qm").exists():
        pytest.skip("no Korean font or no netwright_ko.qm")
    i18n.start(qapp, "ko")
    try:
        window = type(main_window)()                  # built with the Korean translators
        qtbot.addWidget(window, before_close_func=quiet_close)
        window.resize(1440, 900)
        window.show()
        controller = window.lessons
        problems = []
        for concept, step in ((13, 1), (5, 2), (21, 0)):
            controller.show_lesson(concept, step)
            QApplication.processEvents()
            dock = controller.dock
            qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5000)
            widgets = [w for w in [*dock.findChildren(QLabel),
                                   *dock.findChildren(QAbstractButton)]
                       if w.isVisible() and HANGUL.search(w.text())]
            assert len(widgets) >= 4              # the buttons, the step line, the group ...
            problems += [f"lesson {concept}: {type(w).__name__} {w.text()!r}: {why}"
                         for w in widgets if (why := clipped(w))]
        assert not problems, "\n".join(problems)
    finally:
        i18n.end_session()

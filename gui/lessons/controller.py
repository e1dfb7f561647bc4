"""The Lessons dock of a window: Help ▸ Lessons (F1), the lesson and step shown, Show me,
Do it for me, the live check of the step, progress remembered between sessions, and
Help ▸ Concepts and examples (each concept opens its lesson).

Lessons are data (resources/lessons/*.json, read by engine.lessons); the dock's content is
built the first time it shows, so a window that never opens it pays nothing for it.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from engine.lessons.format import load_lessons
from engine.lessons.fields import LessonError
from gui.i18n import language, translate
from gui.lessons.check_text import check_text
from gui.lessons.live import LiveRun
from gui.lessons.progress import Progress, first_start

DOCK_WIDTH = 380           # a step's text in lines of about 50 characters
LESSONS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "lessons"


class LessonsController(QObject):
    def __init__(self, window, folder: Path | None = None):
        super().__init__(window)
        self.window = window
        self.folder = Path(folder) if folder is not None else LESSONS_DIR
        self.lang = language()
        self.progress = Progress()
        self.recorded: dict = {}             # values the steps' records took, this session
        self._held: dict = {}                # (concept, step) -> what was measured when it held
        self._taken: set = set()             # the records taken on the current run
        self.panel = None                    # built when the dock first shows
        self._lessons = self._problems = None
        self.lesson = None
        self.step_index = 0
        self.owns_document = False           # the lesson opened the document shown
        self._opening = False
        self.dock = self._make_dock()
        self.action = self._make_action()
        self.live = LiveRun(window, self)
        self.live.epochEnded.connect(self._on_epoch)
        self.live.reset.connect(self._on_new_record)
        window.document.analysisChanged.connect(self.refresh_check)
        window.document.networkReplaced.connect(self._on_network_replaced)
        window.training.runStarted.connect(self._on_run_started)

    # ---- the dock and the menus -----------------------------------------------------------------
    def _make_dock(self) -> QDockWidget:
        window = self.window
        dock = QDockWidget(translate("LessonsDock", "Lessons"), window)
        dock.setObjectName("lessons_dock")         # saveState needs names
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        # left, in a tab beside the layer palette: the inspector on the right stays in view
        # (a step selects a node, and the inspector follows it)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        window.tabifyDockWidget(window.palette_dock, dock)
        window.palette_dock.raise_()
        dock.hide()
        dock.visibilityChanged.connect(lambda visible: visible and self._build())
        return dock

    def _make_action(self):
        action = self.dock.toggleViewAction()
        action.triggered.connect(lambda on: on and self._bring_up())   # after the dock shows
        action.setText(translate("LessonsDock", "&Lessons"))
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        action.setStatusTip(translate(
            "LessonsDock", "Guided lessons: each concept explained, then tried on an example "
                           "with checks as you train"))
        menus = getattr(self.window, "menus", {})
        help_menu, view_menu = menus.get("help"), menus.get("view")
        if help_menu is not None:
            first = help_menu.actions()[0] if help_menu.actions() else None
            help_menu.insertAction(first, action)
        if view_menu is not None:
            view_menu.addAction(action)
        return action

    def _bring_up(self) -> None:
        """Shown: built, in front of the palette it shares the left side with, and wide
        enough for a step's text."""
        self._build()
        self.dock.raise_()
        QTimer.singleShot(0, self.dock, self.dock.raise_)   # a tab bar made in this turn
        if not self.dock.isFloating() and self.dock.width() < DOCK_WIDTH:
            self.window.resizeDocks([self.dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)

    def fill_concepts_menu(self, menu: QMenu) -> None:
        """Help ▸ Concepts and examples: the concepts by number, each opening its lesson."""
        menu.clear()
        lessons, _problems = self.lessons()
        for lesson in lessons:
            action = menu.addAction(f"{lesson.concept}. {lesson.title(self.lang)}")
            action.triggered.connect(lambda _=False, c=lesson.concept: self.show_lesson(c))
        if not lessons:
            menu.addAction(translate("LessonsDock", "No lessons found")).setEnabled(False)

    def _build(self) -> None:
        if self.panel is not None:
            return
        from gui.lessons.panel import LessonsPanel
        panel = self.panel = LessonsPanel(self.dock)
        panel.list.chosen.connect(lambda concept: self.show_lesson(concept))
        panel.list.resetRequested.connect(self.reset_progress)
        page = panel.page
        page.previousRequested.connect(lambda: self.go_to_step(self.step_index - 1))
        page.nextRequested.connect(self._next)
        page.showMeRequested.connect(self.show_me)
        page.doItRequested.connect(self.do_it)
        self.dock.setWidget(panel)
        self._fill_list()
        if self.lesson is None and self.progress.current:
            self.show_lesson(self.progress.current, self.progress.step, show_dock=False)

    # ---- the lessons ----------------------------------------------------------------------------
    def lessons(self) -> tuple[list, list]:
        """The lessons read (sorted by concept) and the problems of files that were not."""
        if self._lessons is None:
            read = load_lessons(self.folder) if self.folder.is_dir() else []
            self._lessons = [x for x in read if not isinstance(x, LessonError)]
            self._problems = [str(x) for x in read if isinstance(x, LessonError)]
        return self._lessons, self._problems

    def set_folder(self, folder) -> None:
        """Read the lessons from ``folder`` from now on (tests, another lesson set)."""
        self.folder = Path(folder)
        self._lessons = self._problems = None
        self.lesson = None
        if self.panel is not None:
            self._fill_list()
            self.panel.show_list()

    def find(self, concept: int):
        return next((x for x in self.lessons()[0] if x.concept == concept), None)

    def _fill_list(self) -> None:
        lessons, problems = self.lessons()
        done = {x.concept: (self.progress.done_steps(x.concept), len(x.steps)) for x in lessons}
        self.panel.list.fill(lessons, self.lang, done, problems)

    def show_lesson(self, concept: int, step: int = 0, show_dock: bool = True) -> bool:
        """Show lesson ``concept`` at step ``step`` (0-based) in the dock; False if there is
        no such lesson."""
        lesson = self.find(concept)
        if lesson is None:
            return False
        if show_dock:
            self.dock.show()
        self._bring_up() if show_dock else self._build()
        from gui.lessons.lesson_list import group_name
        self.lesson = lesson
        self.panel.page.show_lesson(lesson, self.lang, group_name(lesson.group))
        self.panel.show_page()
        self.go_to_step(step)
        return True

    def go_to_step(self, index: int) -> None:
        lesson = self.lesson
        if lesson is None:
            return
        self.step_index = max(0, min(index, len(lesson.steps) - 1))
        step = lesson.steps[self.step_index]
        self.panel.page.show_step(step, self.step_index, len(lesson.steps), self.lang)
        self.progress.set_position(lesson.concept, self.step_index)
        if step.check is None:
            self._mark_done()            # read is done: nothing to check
        self._take_record()              # the run may be past its ``after`` already
        self.refresh_check()

    def _next(self) -> None:
        self.go_to_step(self.step_index + 1)

    @property
    def step(self):
        return self.lesson.steps[self.step_index] if self.lesson is not None else None

    def reset_progress(self) -> None:
        self.progress.reset()
        self.recorded.clear()
        self._held.clear()
        self._fill_list()
        self.refresh_check()

    # ---- the live check -------------------------------------------------------------------------
    def refresh_check(self) -> None:
        """Evaluate the step's check on the run so far and the document; a step stays done
        (green) once its check held."""
        step = self.step
        if self.panel is None or step is None:
            return
        check = step.check
        if check is None:
            self.panel.page.set_check(None)
            return
        from engine.lessons.checks import FAIL, PASS, CheckResult, evaluate
        try:
            result = evaluate(check, self.live.record, self.window.document.network,
                              self.recorded)
        except Exception as e:  # noqa: BLE001 -- it runs on every edit: say why, never raise
            result = CheckResult(FAIL, None, translate(
                "LessonsDock", "cannot be measured on this network: {why}").format(why=e))
        key = (self.lesson.concept, self.step_index)
        if result.state == PASS:
            self._held[key] = check_text(result.text)
            self._mark_done()
        detail = check_text(result.text)
        if result.state != PASS and self.progress.is_done(*key):   # it stays green
            held = self._held.get(key)
            detail = (translate("LessonsDock", "It held earlier: {what}").format(what=held)
                      if held else translate("LessonsDock", "Done earlier (Reset progress on "
                                                            "the lesson list starts again)."))
        state = PASS if self.progress.is_done(*key) else result.state
        self.panel.page.set_check(state, check.says.get(self.lang), detail)

    def _mark_done(self) -> None:
        if self.progress.mark_done(self.lesson.concept, self.step_index):
            self._fill_list()

    def _on_new_record(self) -> None:
        self._taken.clear()
        self.refresh_check()

    def _on_run_started(self, _info) -> None:
        if self.panel is not None:
            self.panel.page.set_note("")      # what Show me said before the run is stale

    def _on_epoch(self) -> None:
        self._take_record()
        self.refresh_check()

    def _take_record(self) -> None:
        """The step's ``record``, once the run has reached its ``after``."""
        step = self.step
        item = step.record if step is not None else None
        if item is None or item.name in self._taken or (
                item.after is not None and not self.live.record.reached(item.after)):
            return                # the first value reaching ``after`` is kept, as verify does
        from engine.lessons.checks import take_record
        from engine.lessons.measure import MeasureError
        try:
            self.recorded[item.name] = take_record(item, self.live.record,
                                                   self.window.document.network)
            self._taken.add(item.name)
        except MeasureError:
            pass                 # nothing to remember yet; the check that needs it says so

    # ---- Show me, Do it for me ------------------------------------------------------------------
    def show_me(self) -> None:
        from gui.lessons.show_me import run_actions
        step = self.step
        if step is None:
            return
        window, notes = run_actions(self.window, step.actions)
        target = window.lessons if window is not None else self
        if window is not None and window is not self.window:
            if target.folder != self.folder:
                target.set_folder(self.folder)
            target.show_lesson(self.lesson.concept, self.step_index)
            target.recorded.update(self.recorded)
            self.dock.hide()          # the lesson goes on in the new window
        if target.panel is not None:
            target.panel.page.set_note("\n".join(text for text, _kind in notes),
                                       "error" if any(k == "error" for _t, k in notes)
                                       else "info")

    def do_it(self) -> None:
        """The step's edits as one undoable command."""
        from engine.lessons.edits import apply_edits
        from gui.lessons.edit_command import SetNetwork, laid_out
        step, doc = self.step, self.window.document
        if step is None or not step.edits:
            return
        try:
            new = laid_out(apply_edits(doc.to_dict(), step.edits), doc.network.node_ids())
        except (LessonError, ValueError) as e:
            self.panel.page.set_note(translate(
                "LessonsDock", "This step's change does not fit the network shown: "
                               "{why}").format(why=str(e)), "error")
            return
        command = SetNetwork(doc, new, translate("LessonsDock", "Lesson {n}, step {k}").format(
            n=self.lesson.concept, k=self.step_index + 1))
        if command.is_empty():
            self.panel.page.set_note(translate("LessonsDock",
                                               "The network already has this change."))
            return
        doc.undo_stack.push(command)
        if command.changes_graph:
            self.window.view.fit_to_view()        # the new cards in view
        self.panel.page.set_note(translate("LessonsDock",
                                           "Done: Edit ▸ Undo (Ctrl+Z) takes it back."))

    # ---- whose document -------------------------------------------------------------------------
    @contextlib.contextmanager
    def opening_example(self):
        """The network replaced inside this block is the lesson's own example."""
        self._opening = True
        try:
            yield
        finally:
            self._opening = False

    def _on_network_replaced(self) -> None:
        self.owns_document = self._opening

    def may_replace_document(self) -> bool:
        """True when nothing of the user's is unsaved: the document is unmodified, or the
        lesson opened it and every change since is a lesson step's."""
        doc = self.window.document
        if not doc.is_modified:
            return True
        if not self.owns_document:
            return False
        from gui.lessons.edit_command import SetNetwork
        stack = doc.undo_stack
        return all(isinstance(stack.command(i), SetNetwork) for i in range(stack.index()))

    # ---- start-up -------------------------------------------------------------------------------
    def start_at(self, concept: int, step: int = 0, with_example: bool = True) -> str | None:
        """``main.py --lesson N[:K]``: lesson N at step K (1-based) in the dock, on its
        example when ``with_example``. Returns what went wrong (None: nothing)."""
        lesson = self.find(concept)
        if lesson is None:
            return translate("LessonsDock", "there is no lesson {n} in {folder}").format(n=concept,
                                                                   folder=str(self.folder))
        notes: list = []
        index = min(max(step - 1, 0), len(lesson.steps) - 1)
        if with_example:
            from gui.lessons.show_me import open_example
            stem, edits = network_at(lesson, index)
            open_example(self.window, stem, notes, edits)
        self.show_lesson(concept, index)
        return "; ".join(text for text, kind in notes if kind == "error") or None

    def offer_on_first_start(self) -> bool:
        """The first time Netwright starts: the dock opens on lesson 1 (not modal)."""
        if not first_start():
            return False
        lessons, _ = self.lessons()
        return bool(lessons) and self.show_lesson(lessons[0].concept)


def network_at(lesson, index: int) -> tuple[str, list]:
    """The example step ``index`` starts from, and the edits the steps before it made since
    that example was opened (the network a learner who did them all has there)."""
    stem, edits = lesson.example, []
    for k, step in enumerate(lesson.steps[:index + 1]):
        for action in step.actions:
            if action.do == "open_example":
                stem, edits = action.example, []
        if k < index:
            edits.extend(step.edits)
    return stem, edits


def lesson_argument(text: str) -> tuple[int, int]:
    """``--lesson`` "N" or "N:K" -> (N, K); ValueError saying what is wrong."""
    concept, _, step = text.partition(":")
    try:
        numbers = int(concept), int(step) if step else 1
    except ValueError:
        raise ValueError(f"--lesson takes a lesson number, or N:K for step K of lesson N; "
                         f"got {text!r}") from None
    if numbers[0] < 1 or numbers[1] < 1:
        raise ValueError(f"--lesson numbers start at 1; got {text!r}")
    return numbers

"""The Lessons dock's lesson page: the title, the explanation (the idea, the formula set apart
in a math-looking line, an intuition), then one step at a time: its text, "Show me" and
"Do it for me" when it has them, its check with a live mark, Previous / Next."""
from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea,
                               QSizePolicy, QVBoxLayout, QWidget)

from gui.i18n import translate

MARKS = {"waiting": ("○", "#6b7280"), "pass": ("✓", "#15803d"), "fail": ("✗", "#b45309")}
FORMULA_STYLE = ("font-family: 'DejaVu Serif', 'Cambria Math', 'STIX Two Math', serif; "
                 "font-size: 11pt; background: #f3f4f6; border: 1px solid #d1d5db; "
                 "border-radius: 4px; padding: 6px;")
NOTE_COLOURS = {"info": "#1f4e79", "error": "#8a1c1c"}


def _label(parent, text: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if name:
        label.setObjectName(name)
    return label


def paragraphs(text: str) -> str:
    """A lesson text (paragraphs split by a blank line) as rich text."""
    return "".join(f"<p style='margin: 0 0 6px 0'>{escape(p)}</p>" for p in text.split("\n\n"))


class LessonPage(QWidget):
    backRequested = Signal()
    previousRequested = Signal()
    nextRequested = Signal()
    showMeRequested = Signal()
    doItRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.back_button = QPushButton("◀ " + translate("LessonsDock", "All lessons"), self)
        self.back_button.setObjectName("lesson_back")
        self.back_button.setFlat(True)
        self.back_button.clicked.connect(self.backRequested)
        self.group_label = _label(self, name="lesson_group")
        self.group_label.setStyleSheet("color: #6b7280;")
        self.group_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title_label = _label(self, name="lesson_title")
        self.title_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.explanation = self._explanation()
        self.step_box = self._step_box()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.group_label, 1)
        layout.addLayout(top)
        layout.addWidget(self.title_label)
        layout.addWidget(self.explanation, 1)
        layout.addWidget(self.step_box)

    def _explanation(self) -> QScrollArea:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        self.idea_label = _label(body, name="lesson_idea")
        self.formula_label = _label(body, name="lesson_formula")
        self.formula_label.setStyleSheet(FORMULA_STYLE)
        self.intuition_label = _label(body, name="lesson_intuition")
        for heading, label in ((translate("LessonsDock", "The idea"), self.idea_label),
                               (translate("LessonsDock", "The formula"), self.formula_label),
                               (translate("LessonsDock", "Intuition"), self.intuition_label)):
            head = QLabel(f"<b>{escape(heading)}</b>", body)
            column.addWidget(head)
            column.addWidget(label)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setObjectName("lesson_explanation")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _step_box(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("lesson_step_box")
        box.setStyleSheet("#lesson_step_box { background: #f8fafc; border: 1px solid #cbd5e1; "
                          "border-radius: 6px; }")
        self.step_label = QLabel(box)
        self.step_label.setObjectName("lesson_step_number")
        self.step_label.setStyleSheet("font-weight: bold;")
        self.step_text = _label(box, name="lesson_step_text")
        self.show_button = QPushButton(translate("LessonsDock", "Show me"), box)
        self.show_button.setObjectName("lesson_show_me")
        self.show_button.setToolTip(translate("LessonsDock", "Let the app do what the step "
                                                             "says to open or look at"))
        self.show_button.clicked.connect(self.showMeRequested)
        self.do_button = QPushButton(translate("LessonsDock", "Do it for me"), box)
        self.do_button.setObjectName("lesson_do_it")
        self.do_button.setToolTip(translate("LessonsDock", "Make the step's change to the "
                                                           "network (one step of Edit ▸ Undo)"))
        self.do_button.clicked.connect(self.doItRequested)
        self.check_mark = QLabel(box)
        self.check_mark.setObjectName("lesson_check_mark")
        self.check_mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.check_text = _label(box, name="lesson_check_text")
        self.note = _label(box, name="lesson_note")
        self.note.hide()
        self.previous_button = QPushButton("◀ " + translate("LessonsDock", "Previous"), box)
        self.previous_button.setObjectName("lesson_previous")
        self.previous_button.clicked.connect(self.previousRequested)
        self.next_button = QPushButton(translate("LessonsDock", "Next") + " ▶", box)
        self.next_button.setObjectName("lesson_next")
        self.next_button.clicked.connect(self.nextRequested)
        column = QVBoxLayout(box)
        column.setSpacing(6)
        header = QHBoxLayout()          # the step and the way to the others, on one line
        header.addWidget(self.step_label)
        header.addStretch(1)
        header.addWidget(self.previous_button)
        header.addWidget(self.next_button)
        column.addLayout(header)
        column.addWidget(self.step_text)
        actions = QHBoxLayout()
        actions.addWidget(self.show_button)
        actions.addWidget(self.do_button)
        actions.addStretch(1)
        column.addLayout(actions)
        check = QHBoxLayout()
        check.addWidget(self.check_mark)
        check.addWidget(self.check_text, 1)
        column.addLayout(check)
        column.addWidget(self.note)
        return box

    # ---- what it shows --------------------------------------------------------------------------
    def show_lesson(self, lesson, lang: str, group: str) -> None:
        self.group_label.setText(translate("LessonsDock", "Lesson {n} · {group}").format(
            n=lesson.concept, group=group))
        self.title_label.setText(lesson.title(lang))
        self.idea_label.setText(paragraphs(lesson.explanation.idea.get(lang)))
        self.formula_label.setText(escape(lesson.explanation.formula.get(lang)))
        self.intuition_label.setText(paragraphs(lesson.explanation.intuition.get(lang)))
        self.explanation.verticalScrollBar().setValue(0)

    def show_step(self, step, index: int, count: int, lang: str) -> None:
        self.step_label.setText(translate("LessonsDock", "Step {k} of {n}").format(k=index + 1,
                                                                           n=count))
        self.step_text.setText(paragraphs(step.text.get(lang)))
        self.show_button.setVisible(bool(step.actions))
        self.do_button.setVisible(bool(step.edits))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < count - 1)
        self.set_note("")

    def set_check(self, state: str | None, says: str = "", detail: str = "") -> None:
        """The check line: ``state`` "waiting" | "pass" | "fail" (None: the step has none)."""
        if state is None:
            self.check_mark.hide()
            self.check_text.hide()
            return
        mark, colour = MARKS[state]
        self.check_mark.setText(f"<span style='font-size: 14pt; color: {colour}'>{mark}</span>")
        self.check_mark.setProperty("state", state)
        detail_html = (f"<br><span style='color: #6b7280'>{escape(detail)}</span>"
                       if detail else "")
        self.check_text.setText(f"<span style='color: {colour}'>{escape(says)}</span>"
                                f"{detail_html}")
        self.check_mark.show()
        self.check_text.show()

    @property
    def check_state(self) -> str | None:
        return None if self.check_mark.isHidden() else self.check_mark.property("state")

    def set_note(self, text: str, kind: str = "info") -> None:
        """A line under the check: what Show me / Do it for me did or could not do."""
        self.note.setText(text)
        self.note.setStyleSheet(f"color: {NOTE_COLOURS.get(kind, NOTE_COLOURS['info'])};")
        self.note.setVisible(bool(text))

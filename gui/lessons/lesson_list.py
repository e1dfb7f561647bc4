"""The Lessons dock's first page: every lesson, grouped (basics, losses, optimisation, CNNs),
each with a tick once all its steps are done, and "Reset progress"."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from gui.i18n import translate

GROUP_NAMES = {
    "basics": QT_TRANSLATE_NOOP("LessonsDock", "Basics"),
    "losses": QT_TRANSLATE_NOOP("LessonsDock", "Losses"),
    "optimisation": QT_TRANSLATE_NOOP("LessonsDock", "Optimisation"),
    "cnns": QT_TRANSLATE_NOOP("LessonsDock", "CNNs"),
}
DONE_MARK, DONE_COLOUR = "✓", "#15803d"
CONCEPT_ROLE = Qt.ItemDataRole.UserRole


def group_name(group: str) -> str:
    return translate("LessonsDock", GROUP_NAMES.get(group, group))


class LessonList(QWidget):
    """``chosen(concept)`` when a lesson is activated (double-click, Enter or Open)."""

    chosen = Signal(int)
    resetRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.intro = QLabel(translate("LessonsDock", "Each lesson explains one idea, then "
                                                     "walks you through it on an example; "
                                                     "the app checks each step as you "
                                                     "train."), self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("lesson_tree")
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.problems = QLabel(self)
        self.problems.setObjectName("lesson_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #8a1c1c;")
        self.problems.hide()
        self.open_button = QPushButton(translate("LessonsDock", "Open lesson"), self)
        self.open_button.clicked.connect(lambda: self._activated(self.tree.currentItem()))
        self.reset_button = QPushButton(translate("LessonsDock", "Reset progress"), self)
        self.reset_button.setObjectName("lesson_reset")
        self.reset_button.setToolTip(translate("LessonsDock", "Forget which steps are done: "
                                                              "every lesson starts again "
                                                              "unticked"))
        self.reset_button.clicked.connect(self.resetRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def fill(self, lessons, lang: str, done: dict[int, tuple[int, int]], problems) -> None:
        """``done[concept]`` = (steps done, steps); ``problems``: the files that could not be
        read (their LessonErrors)."""
        current = self.current_concept()
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for lesson in lessons:
            parent = groups.get(lesson.group)
            if parent is None:
                parent = groups[lesson.group] = QTreeWidgetItem(self.tree, [group_name(
                    lesson.group)])
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
            steps_done, steps = done.get(lesson.concept, (0, len(lesson.steps)))
            title = f"{lesson.concept}. {lesson.title(lang)}"
            done_all = bool(steps) and steps_done >= steps
            item = QTreeWidgetItem(parent, [f"{title}  {DONE_MARK}" if done_all else title])
            if done_all:
                item.setForeground(0, QColor(DONE_COLOUR))
            item.setData(0, CONCEPT_ROLE, lesson.concept)
            item.setToolTip(0, title + "\n" + translate(
                "LessonsDock", "{done} of {steps} steps done").format(done=steps_done,
                                                                      steps=steps))
            if lesson.concept == current:
                self.tree.setCurrentItem(item)
        self.tree.expandAll()
        self._show_problems(problems)

    def _show_problems(self, problems) -> None:
        if not problems:
            self.problems.hide()
            return
        head = translate("LessonsDock", "These lesson files could not be read:")
        self.problems.setText(head + "\n" + "\n".join(f"• {p}" for p in problems))
        self.problems.show()

    def current_concept(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CONCEPT_ROLE) if item is not None else None

    def item_text(self, concept: int) -> str:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                if group.child(j).data(0, CONCEPT_ROLE) == concept:
                    return group.child(j).text(0)
        return ""

    def _activated(self, item) -> None:
        concept = item.data(0, CONCEPT_ROLE) if item is not None else None
        if concept is not None:
            self.chosen.emit(int(concept))

"""The Lessons dock's content: the list of lessons, or one lesson (◀ All lessons goes back)."""
from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget

from gui.lessons.lesson_list import LessonList
from gui.lessons.lesson_page import LessonPage

MIN_WIDTH = 340          # a step's text and its two buttons side by side


class LessonsPanel(QStackedWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lessons_panel")
        self.list = LessonList(self)
        self.page = LessonPage(self)
        self.addWidget(self.list)
        self.addWidget(self.page)
        self.page.backRequested.connect(self.show_list)
        self.setMinimumWidth(MIN_WIDTH)

    def show_list(self) -> None:
        self.setCurrentWidget(self.list)

    def show_page(self) -> None:
        self.setCurrentWidget(self.page)

    @property
    def showing_lesson(self) -> bool:
        return self.currentWidget() is self.page

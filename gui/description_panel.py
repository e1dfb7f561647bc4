"""The open network's own description at the top of the inspector's training page: what
the example shows, then what to try, as its file says. One click folds it to its title
line; a network without a description shows nothing; opening another file shows its own
(unfolded, so a learner reads it before pressing Train). With the window in Korean, an
example's description comes from resources/translations/examples_ko.json (English when
it has none)."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QFrame, QLabel, QSizePolicy, QStyle, QStyleOptionToolButton,
                               QStylePainter, QToolButton, QVBoxLayout, QWidget)

from gui.files import RESOURCES, example_files
from gui.i18n import language, translate
from gui.param_form import help_label

EXAMPLES_KO = RESOURCES / "translations" / "examples_ko.json"

# The what-to-try part begins with the first sentence that starts "Try" or "Then try".
_TRY_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)((?:Then t|T)ry\b)")

_STYLE = """
QFrame#description_panel { background: #ffffff; border: 1px solid #d8dfe7;
                           border-radius: 6px; }
QToolButton#description_toggle { font-weight: 600; color: #18324f; border: none;
                                 text-align: left; padding: 2px 0; }
QLabel#description_try_title { font-weight: 600; color: #34506e; font-size: 9pt; }
QFrame#description_panel QLabel[role="fact"] { font-size: 9pt; }
"""


def split_description(text: str) -> tuple[str, str]:
    """(what the network shows, what to try); the second is '' when no sentence starts
    with "Try" or "Then try"."""
    text = " ".join((text or "").split())
    match = _TRY_SENTENCE.search(text)
    if match is None:
        return text, ""
    return text[:match.start()].strip(), text[match.start(1):].strip()


def korean_description(description: str) -> tuple[str, str] | None:
    """The Korean (what it shows, what to try) of the example whose English description
    this is (an example opens untitled, so its text names it), or None."""
    stem = _example_stems().get(" ".join((description or "").split()))
    entry = _examples_ko().get(stem) if stem else None
    if not isinstance(entry, dict) or not isinstance(entry.get("shows"), str):
        return None
    to_try = entry.get("try")
    return entry["shows"].strip(), to_try.strip() if isinstance(to_try, str) else ""


@lru_cache(maxsize=1)
def _example_stems() -> dict[str, str]:
    return {" ".join(text.split()): path.name.removesuffix(".nw.json")
            for path, _name, text in example_files() if text}


@lru_cache(maxsize=1)
def _examples_ko() -> dict:
    """examples_ko.json, or {} when it is missing or unreadable (English is shown)."""
    try:
        data = json.loads(EXAMPLES_KO.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class TitleButton(QToolButton):
    """The fold button, its title drawn with "…" where it does not fit (``text()`` stays
    whole): a long network name set the inspector's minimum width, so with the Lessons
    dock open the whole page was cut off at the dock's right edge."""

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        room = option.rect.width() - option.iconSize.width() - 12     # arrow and padding
        option.text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                                    max(room, 0))
        QStylePainter(self).drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)


class DescriptionPanel(QFrame):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("description_panel")
        self.setStyleSheet(_STYLE)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 6)
        layout.setSpacing(2)
        self.toggle = TitleButton(self)
        self.toggle.setObjectName("description_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._hint = translate("DescriptionPanel",
                               "Show or hide what this network shows and what to try")
        self.toggle.toggled.connect(self.set_expanded)
        layout.addWidget(self.toggle)
        self.body = self._body()
        layout.addWidget(self.body)
        document.networkReplaced.connect(self.refresh)
        self.refresh()

    def _body(self) -> QWidget:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.about = help_label("", body, role="fact")
        self.try_title = QLabel(translate("DescriptionPanel", "What to try"), body)
        self.try_title.setObjectName("description_try_title")
        self.try_text = help_label("", body, role="fact")
        for label in (self.about, self.try_title, self.try_text):
            layout.addWidget(label)
        return body

    def refresh(self) -> None:
        """Show the document's network: its name as the title, its description below."""
        network = self.document.network
        about, to_try = (language() == "ko" and korean_description(network.description)
                         or split_description(network.description))
        self.setVisible(bool(about or to_try))
        self.toggle.setText(network.name)
        self.toggle.setToolTip(f"{network.name}\n{self._hint}")
        self.about.setText(about)
        self.about.setVisible(bool(about))
        self.try_text.setText(to_try)
        for label in (self.try_title, self.try_text):
            label.setVisible(bool(to_try))
        self.toggle.setChecked(True)
        self.set_expanded(True)

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded
                                 else Qt.ArrowType.RightArrow)

    @property
    def expanded(self) -> bool:
        return self.body.isVisibleTo(self)

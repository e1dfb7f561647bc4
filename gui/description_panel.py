"""The open network's own description at the top of the inspector's training page: what
the example shows, then what to try, as its file says. One click folds it to its title
line; a network without a description shows nothing; opening another file shows its own
(unfolded, so a learner reads it before pressing Train)."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from gui.param_form import help_label

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


class DescriptionPanel(QFrame):
    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("description_panel")
        self.setStyleSheet(_STYLE)
        self.document = document
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 6)
        layout.setSpacing(2)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("description_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.setToolTip("Show or hide what this network shows and what to try")
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
        self.try_title = QLabel("What to try", body)
        self.try_title.setObjectName("description_try_title")
        self.try_text = help_label("", body, role="fact")
        for label in (self.about, self.try_title, self.try_text):
            layout.addWidget(label)
        return body

    def refresh(self) -> None:
        """Show the document's network: its name as the title, its description below."""
        network = self.document.network
        about, to_try = split_description(network.description)
        self.setVisible(bool(about or to_try))
        self.toggle.setText(network.name)
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

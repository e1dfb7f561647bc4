"""A form of Param editors: name, editor, reset button, and the help text under each.

Used for a layer's params and for the dataset / optimizer / scheduler params of the
training section, so they all look and behave the same.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QToolButton, QWidget

from engine.schema import Param
from gui.i18n import engine_text, translate
from gui.param_widgets import ParamEditor, make_editor


SPELLED_OUT = {"lr": "Learning rate", "eps": "Epsilon", "t_max": "Period (t_max)",
               "eta_min": "Minimum lr"}


def english_label(name: str) -> str:
    """'kernel_size' -> 'Kernel size'; a few short names spelled out for learners."""
    return SPELLED_OUT.get(name) or name.replace("_", " ").capitalize()


def pretty(name: str) -> str:
    """A Param's label in the window's language (gui/param_names.py lists them)."""
    return translate("ParamNames", english_label(name))


def help_label(text: str, parent=None, role: str = "help") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ParamForm(QWidget):
    """Rows for ``params``; emits ``edited(name, value)`` with validated values and
    ``resetRequested(name)`` when a row's reset button is pressed."""

    edited = Signal(str, object)
    resetRequested = Signal(str)

    def __init__(self, params: tuple[Param, ...], parent=None):
        super().__init__(parent)
        self.params = tuple(params)
        self.editors: dict[str, ParamEditor] = {}
        self.reset_buttons: dict[str, QToolButton] = {}
        self.error_labels: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        grid.setColumnMinimumWidth(0, 104)      # forms stacked in one page line up
        for i, param in enumerate(self.params):
            self._add_row(grid, 3 * i, param)

    def _add_row(self, grid: QGridLayout, row: int, param: Param) -> None:
        name = QLabel(pretty(param.name), self)
        name.setToolTip(engine_text(param.help))
        editor = make_editor(param, self)
        name.setBuddy(editor.focusProxy() or editor)
        reset = QToolButton(self)
        reset.setObjectName("reset_button")
        reset.setText("↺")
        reset.setAutoRaise(True)
        reset.setToolTip(translate("ParamForm", "Reset {name} to its default ({default})").format(
            name=param.name, default=_shown(param.default)))
        help_text = engine_text(param.help)
        if param.range_text():
            help_text += f" ({range_text(param)})"
        error = help_label("", self, role="error")
        error.hide()
        grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(editor, row, 1)
        grid.addWidget(reset, row, 2)
        grid.addWidget(error, row + 1, 1, 1, 2)
        help_widget = help_label(help_text, self)
        help_widget.setContentsMargins(0, 0, 0, 8)      # air between rows
        grid.addWidget(help_widget, row + 2, 0, 1, 3)
        editor.edited.connect(lambda v, n=param.name: self._on_edited(n, v))
        editor.refused.connect(lambda msg, n=param.name: self._show_error(n, msg))
        reset.clicked.connect(lambda _=False, n=param.name: self.resetRequested.emit(n))
        self.editors[param.name] = editor
        self.reset_buttons[param.name] = reset
        self.error_labels[param.name] = error
        self._names[param.name] = name

    def set_values(self, values: dict[str, Any]) -> None:
        """Show ``values`` as stored (missing names: their defaults) without emitting edits:
        a value its param refuses is shown as it is, red, with the reason under it. Names
        whose value differs from the default are shown in bold."""
        for param in self.params:
            editor = self.editors[param.name]
            given = param.name in values
            if given:
                editor.show_stored(values[param.name])
            else:
                editor.set_value(None)
            self._show_error(param.name, editor.error_text())
            changed = given and values[param.name] != param.default
            font = self._names[param.name].font()
            font.setBold(changed)
            self._names[param.name].setFont(font)
            self.reset_buttons[param.name].setEnabled(changed)

    def _on_edited(self, name: str, value: Any) -> None:
        self._show_error(name, "")
        self.edited.emit(name, value)

    def _show_error(self, name: str, message: str) -> None:
        label = self.error_labels[name]
        label.setText(message)
        label.setVisible(bool(message))


def range_text(param: Param) -> str:
    """Param.range_text in the window's language: 'at least 1 and at most 100000'."""
    low = high = ""
    if param.min is not None:
        low = (translate("ParamForm", "above {value}") if param.min_exclusive else
               translate("ParamForm", "at least {value}")).format(value=_bound(param.min))
    if param.max is not None:
        high = (translate("ParamForm", "below {value}") if param.max_exclusive else
                translate("ParamForm", "at most {value}")).format(value=_bound(param.max))
    if low and high:
        return translate("ParamForm", "{low} and {high}").format(low=low, high=high)
    return low or high


def _bound(value) -> str:
    """A bound as Param.range_text writes it (a whole float without its '.0')."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return str(int(value))
    return f"{value:g}" if isinstance(value, float) and abs(value) >= 2 ** 53 else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)

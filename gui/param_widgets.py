"""One editor widget per engine.schema.Param kind.

``make_editor(param)`` returns a ParamEditor: it shows a value, validates what the user
enters with ``param.validate`` (so ranges and choices are never written twice) and emits
``edited(value)`` only for valid values. An invalid entry is refused at the widget: a red
border and the reason in the tooltip and in ``error_text()``.
"""
from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QHBoxLayout, QLineEdit, QSpinBox, QWidget)

from engine.schema import Param

INT_LIMIT = 2_000_000_000


class ParamEditor(QWidget):
    """Base: holds the Param, emits ``edited`` with a validated value, shows refusals."""

    edited = Signal(object)
    refused = Signal(str)

    def __init__(self, param: Param, parent=None):
        super().__init__(parent)
        self.param = param
        self._error = ""
        self.setObjectName(f"param_{param.name}")
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(4)

    # subclasses implement these two
    def value(self) -> Any:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show ``value`` (None: the default) without emitting ``edited``."""
        self.blockSignals(True)
        for child in self.findChildren(QWidget):
            child.blockSignals(True)
        try:
            self._show(self.param.default if value is None else value)
        finally:
            for child in self.findChildren(QWidget):
                child.blockSignals(False)
            self.blockSignals(False)
        self._set_error("")

    def error_text(self) -> str:
        return self._error

    def _submit(self, value: Any) -> None:
        try:
            value = self.param.validate(value)
        except ValueError as e:
            self._set_error(str(e))
            self.refused.emit(str(e))
            return
        self._set_error("")
        self.edited.emit(value)

    def _set_error(self, message: str) -> None:
        self._error = message
        self.setProperty("invalid", bool(message))
        for w in [self, *self.findChildren(QWidget)]:
            w.setProperty("invalid", bool(message))
            w.style().unpolish(w)
            w.style().polish(w)
        self.setToolTip(message or self.param.help)


class IntEditor(ParamEditor):
    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.spin = QSpinBox(self)
        lo = -INT_LIMIT if param.min is None else int(math.ceil(param.min))
        hi = INT_LIMIT if param.max is None else int(param.max)
        self.spin.setRange(lo, hi)
        self.spin.setKeyboardTracking(False)
        self.spin.setAccelerated(True)
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.layout_.addWidget(self.spin)
        self.spin.valueChanged.connect(self._submit)

    def value(self):
        return self.spin.value()

    def _show(self, value):
        self.spin.setValue(int(value))


class _FloatSpin(QDoubleSpinBox):
    """A spin box that prints 0.001 as 0.001, not 0.001000, and steps by a tenth of
    the value's order of magnitude (log-ish: handy for learning rates)."""

    def textFromValue(self, value: float) -> str:
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        # accept what textFromValue prints, including 1e-08
        from PySide6.QtGui import QValidator
        try:
            value = float(text)
        except ValueError:
            ok = all(c in "0123456789.-+eE" for c in text)
            return (QValidator.State.Intermediate if ok else QValidator.State.Invalid), text, pos
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, pos


def _decimals_for(param: Param) -> int:
    small = [abs(v) for v in (param.default, param.min, param.max)
             if isinstance(v, (int, float)) and v]
    smallest = min(small) if small else 1.0
    return int(min(10, max(3, 3 - math.floor(math.log10(smallest)))))


class FloatEditor(ParamEditor):
    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.spin = _FloatSpin(self)
        decimals = _decimals_for(param)
        self.spin.setDecimals(decimals)
        # an excluded bound (lr > 0, rate < 1) becomes the nearest value the box can show
        tick = 10.0 ** -decimals
        lo = -1e9 if param.min is None else float(param.min) + tick * param.min_exclusive
        hi = 1e9 if param.max is None else float(param.max) - tick * param.max_exclusive
        self.spin.setRange(lo, hi)
        self.spin.setKeyboardTracking(False)
        self.spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.layout_.addWidget(self.spin)
        self.spin.valueChanged.connect(self._submit)

    def value(self):
        return self.spin.value()

    def _show(self, value):
        self.spin.setValue(float(value))


class BoolEditor(ParamEditor):
    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.check = QCheckBox(self)
        self.layout_.addWidget(self.check)
        self.check.toggled.connect(self._submit)

    def value(self):
        return self.check.isChecked()

    def _show(self, value):
        self.check.setChecked(bool(value))


class ChoiceEditor(ParamEditor):
    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.combo = QComboBox(self)
        self.combo.addItems(list(param.choices))
        self.layout_.addWidget(self.combo)
        self.combo.currentTextChanged.connect(self._submit)

    def value(self):
        return self.combo.currentText()

    def _show(self, value):
        self.combo.setCurrentText(str(value))


def parse_int_list(text: str) -> list[int] | str:
    """'1, 28, 28' or '[1 28 28]' -> [1, 28, 28]; text that is not whole numbers comes
    back unchanged so that Param.validate can name the problem."""
    parts = text.replace("[", " ").replace("]", " ").replace(",", " ").replace("x", " ").split()
    try:
        return [int(p) for p in parts]
    except ValueError:
        return text


class ShapeEditor(ParamEditor):
    """A line edit for a list of ints such as '1, 28, 28', checked on Enter / focus out."""

    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("e.g. 2  or  1, 28, 28")
        self.layout_.addWidget(self.line)
        self.line.editingFinished.connect(lambda: self._submit(parse_int_list(self.line.text())))

    def value(self):
        return parse_int_list(self.line.text())

    def _show(self, value):
        self.line.setText(", ".join(str(v) for v in value))


class StrEditor(ParamEditor):
    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.line = QLineEdit(self)
        self.layout_.addWidget(self.line)
        self.line.editingFinished.connect(lambda: self._submit(self.line.text()))

    def value(self):
        return self.line.text()

    def _show(self, value):
        self.line.setText(str(value))


class PaddingEditor(ParamEditor):
    """valid / same / custom; 'custom' enables a spin box for a number of pixels."""

    MODES = ("valid", "same", "custom")

    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.combo = QComboBox(self)
        self.combo.addItems(list(self.MODES))
        self.combo.setToolTip("valid: no padding (the map shrinks); same: pad so that the "
                              "size stays (stride 1); custom: that many zero pixels per side")
        self.spin = QSpinBox(self)
        self.spin.setRange(0, 1000)
        self.spin.setSuffix(" px")
        self.spin.setKeyboardTracking(False)
        self.layout_.addWidget(self.combo, 1)
        self.layout_.addWidget(self.spin)
        self.combo.currentTextChanged.connect(self._mode_changed)
        self.spin.valueChanged.connect(lambda v: self._submit(v))

    def value(self):
        mode = self.combo.currentText()
        return self.spin.value() if mode == "custom" else mode

    def _show(self, value):
        custom = isinstance(value, int)
        self.combo.setCurrentText("custom" if custom else str(value))
        self.spin.setEnabled(custom)
        if custom:
            self.spin.setValue(value)

    def _mode_changed(self, mode: str) -> None:
        self.spin.setEnabled(mode == "custom")
        self._submit(self.value())


MIN_EDITOR_WIDTH = 72       # a spin box's own minimum follows its range (2e9: too wide)


EDITORS: dict[str, type[ParamEditor]] = {
    "int": IntEditor, "float": FloatEditor, "bool": BoolEditor, "choice": ChoiceEditor,
    "shape": ShapeEditor, "padding": PaddingEditor, "str": StrEditor,
}


def make_editor(param: Param, parent=None) -> ParamEditor:
    """The editor for ``param``'s kind, showing its default, tooltip = its help."""
    editor = EDITORS[param.kind](param, parent)
    children = editor.findChildren(QWidget)
    for child in children:          # side by side (padding: combo + pixels) share the room
        child.setMinimumWidth(MIN_EDITOR_WIDTH // len(children) + 20 * (len(children) > 1))
    editor.setToolTip(param.help)
    editor.set_value(param.default)
    return editor


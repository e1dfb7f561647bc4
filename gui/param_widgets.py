"""One editor widget per engine.schema.Param kind.

``make_editor(param)`` returns a ParamEditor: it shows a value, validates what the user
enters with ``param.validate`` (so ranges and choices are never written twice) and emits
``edited(value)`` only for valid values. An invalid entry is refused at the widget: a red
border and the reason in the tooltip and in ``error_text()``. A value a file holds that the
param refuses ("four" units, an lr of 1e400) or the editor cannot hold is shown as it is, in
a text box, red, with the reason: typing a valid value there submits it.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox,
                               QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
                               QWidget)

from engine.data.paths import resolve_path, stored_path
from engine.schema import Param
from gui.i18n import engine_text, translate

INT_LIMIT = 2_000_000_000
MAX_TYPED = 1000            # characters typed in a stored value's text box
MAX_SHOWN = 200             # characters of a stored value shown


def stored_text(value: Any) -> str:
    """A stored value as text: 'four', 'inf', '[4]', 'null'; a long one shortened."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float):
        text = repr(value)                      # inf, nan, 1e+300 (JSON has no inf)
    else:
        try:
            text = json.dumps(value)
        except ValueError:                       # an integer of 4,300+ digits
            text = translate("ParamWidgets", "a number too long to show")
        except (TypeError, RecursionError):
            text = repr(value)[:MAX_SHOWN]
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 3] + "..."


def parse_typed(text: str, kind: str) -> Any:
    """What was typed in a stored value's text box, as the param's kind reads it: JSON
    where it is JSON (4, 0.01, true, [1, 28, 28]), else the text ('1, 28, 28' for a shape)."""
    text = text.strip()
    if kind in ("str", "choice", "file", "folder"):
        return text
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return parse_int_list(text) if kind == "shape" else text


class ParamEditor(QWidget):
    """Base: holds the Param, emits ``edited`` with a validated value, shows refusals."""

    edited = Signal(object)
    refused = Signal(str)

    def __init__(self, param: Param, parent=None):
        super().__init__(parent)
        self.param = param
        self._error = ""
        self.stored: QLineEdit | None = None     # the text box of a value shown as stored
        self._own: list[QWidget] = []            # the editor's widgets it stands in for
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
        self.show_stored(self.param.default if value is None else value)

    def show_stored(self, value: Any) -> None:
        """Show ``value`` as a file holds it (None is JSON's null here), without emitting
        ``edited``: a value the param refuses, or one the editor cannot hold, goes in the
        text box, marked invalid with the param's reason when it is refused."""
        try:
            shown, problem = self.param.validate(value), ""
        except (ValueError, TypeError) as e:
            shown, problem = None, str(e)
        as_text = bool(problem) or not self._fits(shown)
        self._block_signals(True)
        try:
            if not as_text:
                self._show(shown)
            self._show_as_text(value if as_text else None, as_text)
        finally:
            self._block_signals(False)
        self._set_error(problem)

    def _block_signals(self, on: bool) -> None:
        self.blockSignals(on)
        for child in self.findChildren(QWidget):
            child.blockSignals(on)

    def _fits(self, value: Any) -> bool:
        """Whether the editor's own widget can show ``value`` (a valid one) exactly."""
        return True

    def _show_as_text(self, value: Any, on: bool) -> None:
        """The stored value in a text box in place of the editor's widgets (or back)."""
        if not on and self.stored is None:
            return
        if self.stored is None:
            self._own = [self.layout_.itemAt(i).widget() for i in range(self.layout_.count())]
            self.stored = QLineEdit(self)
            self.stored.setObjectName("stored_value")
            self.stored.setMaxLength(MAX_TYPED)
            self.layout_.addWidget(self.stored, 1)
            self.stored.editingFinished.connect(self._submit_typed)
            self._mark_invalid([self.stored], bool(self.property("invalid")))
        for widget in self._own:
            widget.setVisible(not on)
        self.stored.setVisible(on)
        if on:
            self.stored.setText(stored_text(value))
            self.stored.setCursorPosition(0)        # a long value shows its start
            self.stored.setModified(False)

    def _submit_typed(self) -> None:
        if self.stored.isModified():            # not on a mere focus change
            self.stored.setModified(False)
            self._submit(parse_typed(self.stored.text(), self.param.kind))

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
        self.setToolTip(message or engine_text(self.param.help))
        if bool(message) != bool(self.property("invalid")):   # re-polishing costs: on change
            self._mark_invalid([self, *self.findChildren(QWidget)], bool(message))

    @staticmethod
    def _mark_invalid(widgets, on: bool) -> None:
        for w in widgets:
            w.setProperty("invalid", on)
            w.style().unpolish(w)
            w.style().polish(w)


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

    def _fits(self, value):
        return self.spin.minimum() <= value <= self.spin.maximum()

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

    def _fits(self, value):
        return self.spin.minimum() <= value <= self.spin.maximum()

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
        self.line.setPlaceholderText(translate("ParamWidgets", "e.g. 2  or  1, 28, 28"))
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


class PathEditor(ParamEditor):
    """A file or folder (Param kinds "file", "folder"): typed, or chosen with Browse...
    A chosen path is stored relative to the network file's folder once the network has been
    saved, absolute before (engine.data.paths), so a folder of network + data can move."""

    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.line = QLineEdit(self)
        folder = param.kind == "folder"
        self.line.setPlaceholderText(translate("ParamWidgets", "a folder") if folder
                                     else translate("ParamWidgets", "a file"))
        self.browse = QPushButton(translate("ParamWidgets", "Browse..."), self)
        self.browse.setObjectName("browse")
        self.browse.setToolTip(translate("ParamWidgets", "Choose the folder in a dialog")
                               if folder else
                               translate("ParamWidgets", "Choose the file in a dialog"))
        self.layout_.addWidget(self.line, 1)
        self.layout_.addWidget(self.browse)
        self.line.editingFinished.connect(lambda: self._submit(self.line.text()))
        self.browse.clicked.connect(self.choose)

    def value(self):
        return self.line.text()

    def _show(self, value):
        self.line.setText(str(value))
        self.line.setToolTip(str(value))
        self.line.end(False)                # a narrow box shows the file's name, not ../..

    def base_folder(self):
        """Where relative paths start: the folder of the window's network file (None: not
        saved, or not in a window)."""
        document = getattr(self.window(), "document", None)
        return getattr(getattr(document, "network", None), "folder", None)

    def choose(self) -> None:
        base = self.base_folder()
        start = resolve_path(self.line.text(), base) or str(base or "")
        if self.param.kind == "folder":
            chosen = QFileDialog.getExistingDirectory(
                self, translate("ParamWidgets", "Choose a folder"), start)
        else:
            patterns = " ".join(self.param.choices)
            data_files = translate("ParamWidgets", "Data files ({patterns});;").format(
                patterns=patterns)
            filters = (data_files if patterns else "") + translate("ParamWidgets",
                                                                   "All files (*)")
            chosen, _ = QFileDialog.getOpenFileName(
                self, translate("ParamWidgets", "Choose a file"), start, filters)
        if chosen and self._imports_tables(chosen):
            from gui.csv_import import open_csv_import
            open_csv_import(self.window(), Path(chosen))   # its OK sets the whole dataset
        elif chosen:                                    # "": the dialog was cancelled
            self._submit(stored_path(chosen, base))

    def _imports_tables(self, chosen: str) -> bool:
        """A table chosen for the csv dataset in a window goes through the import dialog."""
        return ("*.csv" in self.param.choices and Path(chosen).suffix.lower() in
                (".csv", ".tsv", ".txt") and hasattr(self.window(), "data_drop"))


class PaddingEditor(ParamEditor):
    """valid / same / custom; 'custom' enables a spin box for a number of pixels."""

    MODES = ("valid", "same", "custom")

    def __init__(self, param, parent=None):
        super().__init__(param, parent)
        self.combo = QComboBox(self)
        self.combo.addItems(list(self.MODES))
        self.combo.setToolTip(translate("ParamWidgets", "valid: no padding (the map shrinks); "
                                                        "same: pad so that the size stays "
                                                        "(stride 1); custom: that many zero "
                                                        "pixels per side"))
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

    def _fits(self, value):
        return not isinstance(value, int) or self.spin.minimum() <= value <= self.spin.maximum()

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
    "file": PathEditor, "folder": PathEditor,
}


def make_editor(param: Param, parent=None) -> ParamEditor:
    """The editor for ``param``'s kind, showing its default, tooltip = its help."""
    editor = EDITORS[param.kind](param, parent)
    children = editor.findChildren(QWidget)
    for child in children:          # side by side (padding: combo + pixels) share the room
        if isinstance(child, QPushButton):
            continue                    # Browse... keeps the width its text needs
        child.setMinimumWidth(MIN_EDITOR_WIDTH // len(children) + 20 * (len(children) > 1))
    editor.setToolTip(engine_text(param.help))
    editor.set_value(param.default)
    return editor


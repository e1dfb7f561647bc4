"""File > Import CSV..., a dropped .csv and Browse... on a csv path open this dialog: a
preview of the first rows with each column's detected type, and the choices the csv
dataset reads the file with (target, task, delimiter, header row, missing cells).

OK reads the whole table first, off the GUI thread (a progress dialog appears if it takes
a while), so an error naming the row and column shows here and the user can change a
choice; a good table is then in the dataset's cache and the whole dataset section is set
in one undoable command (DataDrop's). The choices are the dataset's params: saved in the
file, so ``main.py train`` reads the table the same way.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QHeaderView, QLabel, QTableView, QVBoxLayout)

from engine.data.csv_sniff import DELIMITERS, SNIFF_CHARS, describe, numbered_rows, sniff
from engine.data.csv_table import CSV_MAX_BYTES
from engine.data.paths import stored_path
from engine.errors import DataError
from engine.files import FileTooLarge, NotRegularFile, check_readable_size
from gui.i18n import translate

PREVIEW_ROWS = 50
MISSING_COLOUR = "#ffe3a3"
MESSAGE_MS = 8000
MISSING_LABELS = {"refuse": QT_TRANSLATE_NOOP("CsvImport", "refuse: say which row and column"),
                  "drop": QT_TRANSLATE_NOOP("CsvImport", "drop the rows that have one"),
                  "mean": QT_TRANSLATE_NOOP("CsvImport", "fill with the column's mean")}
KIND_LABELS = {"number": QT_TRANSLATE_NOOP("CsvImport", "number"),      # csv_sniff's kinds
               "text": QT_TRANSLATE_NOOP("CsvImport", "text"),
               "empty": QT_TRANSLATE_NOOP("CsvImport", "empty")}
TASK_LABELS = {"auto": QT_TRANSLATE_NOOP("CsvImport", "auto (decide from the target)"),
               "classification": QT_TRANSLATE_NOOP("CsvImport", "classification"),
               "regression": QT_TRANSLATE_NOOP("CsvImport", "regression")}


class Unreadable(Exception):
    """The file cannot be previewed; the message says why."""


def read_start(path: Path) -> str:
    """The file's first SNIFF_CHARS characters, refused like the dataset refuses a file."""
    try:
        check_readable_size(path, CSV_MAX_BYTES)
        with open(path, "rb") as f:
            data = f.read(SNIFF_CHARS)
    except (NotRegularFile, FileTooLarge) as e:
        raise Unreadable(cannot_read(path, e.strerror)) from None
    except OSError as e:
        raise Unreadable(cannot_read(path, e.strerror or e)) from None
    text = data.decode("utf-8-sig", errors="replace")
    if len(data) == SNIFF_CHARS:               # a line cut in the middle: leave it out
        text = text[:text.rfind("\n") + 1] or text
    if not text.strip():
        raise Unreadable(translate("CsvImport", "{name} is empty").format(name=path.name))
    return text


def cannot_read(path, why) -> str:
    return translate("CsvImport", "Cannot read {path}: {why}").format(path=path, why=why)


class CsvImportDialog(QDialog):
    def __init__(self, window, path: Path, text: str):
        super().__init__(window)
        self.window_, self.path, self.text = window, Path(path), text
        self.setWindowTitle(translate("CsvImport", "Import {name}").format(name=self.path.name))
        self.setObjectName("csv_import")
        found = sniff(text, PREVIEW_ROWS)
        self.delimiter = _combo({name: _delimiter_label(name) for name in DELIMITERS},
                                found["delimiter"])
        self.header = QCheckBox(translate("CsvImport", "The first row names the columns"))
        self.header.setChecked(found["header"])
        self.target = QComboBox()
        self.task = _combo(TASK_LABELS, "auto")
        self.missing = _combo(MISSING_LABELS, "refuse")
        self.kinds = QLabel()
        self.kinds.setWordWrap(True)
        self.preview = QTableView()
        self.preview.setObjectName("preview")
        self.model = QStandardItemModel(self)
        self.preview.setModel(self.model)
        self.preview.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.delimiter.currentIndexChanged.connect(self.refresh)
        self.header.toggled.connect(self.refresh)
        self._columns: list[tuple[str, str]] = []
        self.refresh()
        self.target.currentIndexChanged.connect(self.show_kinds)
        self.resize(760, 520)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(translate("CsvImport", "Delimiter:"), self.delimiter)
        form.addRow("", self.header)
        form.addRow(translate("CsvImport", "Target column:"), self.target)
        form.addRow(translate("CsvImport", "Task:"), self.task)
        form.addRow(translate("CsvImport", "Missing cells:"), self.missing)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("CsvImport", "<b>{name}</b> — the first rows, each "
                                                       "column with the type found in them:")
                                .format(name=self.path.name)))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.kinds)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def described(self) -> dict:
        """describe()'s answer, with "numbers": the rows' numbers as errors give them."""
        numbered = numbered_rows(self.text, self.delimiter.currentData(), PREVIEW_ROWS + 1)
        table = describe([row for _, row in numbered], self.delimiter.currentData(),
                         self.header.isChecked(), PREVIEW_ROWS)
        skip = 1 if self.header.isChecked() else 0
        table["numbers"] = [n for n, _ in numbered[skip:skip + len(table["rows"])]]
        return table

    def refresh(self) -> None:
        """Preview, column types and target choices for the current delimiter and header."""
        table = self.described()
        columns, kinds = table["columns"], table["kinds"]
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [f"{c}\n({translate('CsvImport', KIND_LABELS.get(k, k))})"
             for c, k in zip(columns, kinds)])
        for row in table["rows"]:
            self.model.appendRow([_cell(cell) for cell in row])
        self.model.setVerticalHeaderLabels([str(n) for n in table["numbers"]])
        kept = self.target.currentText()
        self.target.clear()
        self.target.addItems(columns)
        self.target.setCurrentIndex(columns.index(kept) if kept in columns
                                    else len(columns) - 1)
        self._columns = list(zip(columns, kinds))
        self.show_kinds()
        self.error.clear()

    def show_kinds(self) -> None:
        """Which feature columns (all but the target) become one-hot features."""
        text_features = [c for c, k in self._columns
                         if k == "text" and c != self.target.currentText()]
        self.kinds.setText(translate("CsvImport", "Text feature columns become one-hot "
                                                  "features: {columns}").format(
            columns=", ".join(text_features)) if text_features else
            translate("CsvImport", "Every feature column holds numbers."))

    def params(self) -> dict:
        return {"path": stored_path(self.path, self.window_.document.network.folder),
                "target": self.target.currentText(), "task": self.task.currentData(),
                "delimiter": self.delimiter.currentData(),
                "header": self.header.isChecked(), "missing": self.missing.currentData()}

    def accept(self) -> None:
        """Read the whole table with these choices; set it as the data only if it loads."""
        from engine.data import dataset_info
        from gui.dataset_download import run_in_background
        section = {"name": "csv", "params": self.params()}
        base = self.window_.document.network.folder
        try:
            info = run_in_background(self, translate("CsvImport", "Reading {name}").format(
                                         name=self.path.name),
                                     lambda report: dataset_info(section, base))
        except DataError as e:
            self.error.setText(str(e))
            return
        if self.window_.document.locked:
            self.error.setText(translate("CsvImport", "Stop training before changing the data"))
            return
        self.window_.data_drop.set_dataset(section, translate("CsvImport", "Import {name}")
                                           .format(name=self.path.name))
        self.window_.status.showMessage(translate(
            "CsvImport", "Data: the table {path} ({task}, {n} features; Undo puts the "
                         "previous data back)").format(path=section["params"]["path"],
                                                       task=info.task, n=info.feature_shape[0]),
            MESSAGE_MS)
        super().accept()


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if not text.strip():                   # a missing cell: easy to spot in the preview
        item.setBackground(QColor(MISSING_COLOUR))
        item.setToolTip(translate("CsvImport", "An empty cell: see 'Missing cells' below"))
    return item


def _delimiter_label(name: str) -> str:
    """English (the combo translates it)."""
    return {"tab": QT_TRANSLATE_NOOP("CsvImport", "tab"),
            "space": QT_TRANSLATE_NOOP("CsvImport", "space"),
            ",": QT_TRANSLATE_NOOP("CsvImport", "comma ,"),
            ";": QT_TRANSLATE_NOOP("CsvImport", "semicolon ;"),
            "|": QT_TRANSLATE_NOOP("CsvImport", "bar |")}[name]


def _combo(labels: dict, current: str) -> QComboBox:
    combo = QComboBox()
    for value, label in labels.items():
        combo.addItem(translate("CsvImport", label), value)
    combo.setCurrentIndex(combo.findData(current))
    return combo


def open_csv_import(window, path: Path) -> CsvImportDialog | None:
    """Show the import dialog for ``path`` (window-modal, not blocking); None, and the
    reason in the status bar, when the file cannot be previewed."""
    try:
        text = read_start(Path(path))
    except Unreadable as e:
        window.status.showMessage(str(e), MESSAGE_MS)
        return None
    dialog = CsvImportDialog(window, Path(path), text)
    dialog.open()
    return dialog


def choose_and_import(window) -> None:
    """File > Import CSV...: a file dialog, then the import dialog."""
    chosen, _ = QFileDialog.getOpenFileName(
        window, translate("CsvImport", "Import a CSV file"),
        str(window.document.network.folder or ""),
        translate("CsvImport", "Tables (*.csv *.tsv *.txt);;All files (*)"))
    if chosen:
        open_csv_import(window, Path(chosen))


"""A user's own table: a CSV file of feature columns and one target column.

Params (chosen in the GUI's import dialog, saved so ``main.py train`` reads the file the
same way): the delimiter (auto: csv.Sniffer on the first 64 KiB), whether the first row is
a header, and what to do with empty cells (refuse / drop the row / fill with the column's
mean). A text feature column becomes one-hot columns named "column=value". The csv module
splits the text (it handles quoted cells, and line numbers give the rows for errors), then
NumPy converts each column at once: 100,000 rows x 50 columns in about 2.5 s. np.loadtxt
is ten times faster on a clean all-number file but has no text columns, quoting or missing
cells, so it would be a second path to keep right; the cache below makes a repeated load
free.

A string target makes a classification set (one class per distinct value). With task "auto"
a numeric target is a classification when it holds whole numbers with at most
AUTO_MAX_CLASSES distinct values, else a regression. Rows are numbered as in a spreadsheet
(the header is row 1). Only a regular file of at most CSV_MAX_BYTES (64 MiB) is read: a
device, a FIFO or a larger file is refused with a message, never read or waited on.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import numpy as np

from engine.data.csv_sniff import DELIMITERS, SNIFF_CHARS, column_kind, sniff_delimiter
from engine.data.dataset import DatasetInfo, register_dataset
from engine.errors import DataError
from engine.files import FileTooLarge, MiB, NotRegularFile, check_readable_size, read_capped
from engine.schema import Param

AUTO_MAX_CLASSES = 10
# The largest CSV read (documented limit): parsed as Python strings a table takes about ten
# times its size in memory, so 64 MiB is about the most a laptop loads without trouble.
CSV_MAX_BYTES = 64 * MiB
NAME = "csv"


def _fail(message: str) -> DataError:
    return DataError(f"dataset {NAME!r}: {message}")


def _read_table(path: Path, delimiter: str = "auto", has_header: bool = True
                ) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, data rows and their spreadsheet row numbers (blank lines skipped). Without
    a header row the columns are named "column 1", "column 2", ..."""
    try:
        text = read_capped(path, CSV_MAX_BYTES).decode("utf-8-sig")
        if delimiter == "auto":
            delimiter = sniff_delimiter(text[:SNIFF_CHARS])
        f = io.StringIO(text, newline="")
        reader = csv.reader(f, delimiter=DELIMITERS[delimiter])
        header = next(reader, None) if has_header else None
        rows, numbers = [], []
        for row in reader:
            if row and any(cell.strip() for cell in row):
                rows.append(row)
                numbers.append(reader.line_num)
    except (NotRegularFile, FileTooLarge) as e:
        raise _fail(f"cannot read {path}: {e.strerror}") from None
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise _fail(f"cannot read {path}: {e}") from None
    if not has_header:
        header = [f"column {i + 1}" for i in range(len(rows[0]))] if rows else []
    if not header:
        raise _fail(f"{path} is empty; it needs a header row of column names"
                    if has_header else f"{path} is empty")
    header = [h.strip() for h in header]
    for row, number in zip(rows, numbers):
        if len(row) != len(header):
            raise _fail(f"{path}, row {number}: {len(row)} cells but the header has "
                        f"{len(header)} columns")
    return header, rows, numbers


FLOAT32_MAX = float(np.finfo(np.float32).max)


def _numbers(cells: list[str], column: str, row_numbers: list[int], path: Path) -> np.ndarray:
    """One column as float64; a bad cell raises DataError with its row and column."""
    try:
        values = np.array([c.strip() for c in cells], dtype=np.float64)
    except ValueError:
        values = None
    if values is not None and (np.abs(values) <= FLOAT32_MAX).all():    # NaN fails too
        return values
    for cell, number in zip(cells, row_numbers):     # error path only: find the culprit
        try:
            value = float(cell)
        except ValueError:
            value = None
        if value is None or not abs(value) <= FLOAT32_MAX:
            raise _fail(f"{path}, row {number}, column {column!r}: the cell "
                        f"{_what_is_wrong(cell.strip(), value)}")
    raise AssertionError("unreachable")


def _what_is_wrong(text: str, value: float | None) -> str:
    if not text:
        return "is empty"
    if value is None or value != value:
        return f"holds {text!r}, not a number"
    # The engine trains in float32: a larger value would become inf, then NaN.
    return f"holds {text!r}, too big (at most {FLOAT32_MAX:.2g} in size)"


def _classes(cells: list[str]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Class indices and names; numeric labels sort as numbers, others alphabetically."""
    stripped = [c.strip() for c in cells]
    try:
        values = np.array(stripped, dtype=np.float64)
        uniques, y = np.unique(values, return_inverse=True)
        return y, tuple(f"{u:g}" for u in uniques)
    except ValueError:
        uniques, y = np.unique(np.array(stripped), return_inverse=True)
        return y, tuple(str(u) for u in uniques)


def _decide_task(cells: list[str], task: str) -> str:
    if task != "auto":
        return task
    try:
        values = np.array([c.strip() for c in cells], dtype=np.float64)
    except ValueError:
        return "classification"
    whole = np.all(values == np.round(values))
    return "classification" if whole and len(np.unique(values)) <= AUTO_MAX_CLASSES \
        else "regression"


MISSING = ("refuse", "drop", "mean")
# A text column with more distinct values is refused as a feature: one-hot features for an
# identifier column (one value a row) would fill memory and teach nothing.
MAX_CATEGORIES = 100


def _drop_incomplete(rows: list[list[str]], numbers: list[int]):
    keep = [i for i, row in enumerate(rows) if all(c.strip() for c in row)]
    return [rows[i] for i in keep], [numbers[i] for i in keep]


def _feature(cells: list[str], column: str, numbers: list[int], path: Path,
             missing: str) -> tuple[np.ndarray, list[str]]:
    """One feature column as an [n, k] array and its k names: a number column as itself
    (empty cells filled with its mean if ``missing`` is "mean"), a text column one-hot."""
    try:                 # NumPy skips spaces around a number itself: no strip on this path
        values = np.array(cells, dtype=np.float64)
    except ValueError:
        values = None
    if values is not None and (np.abs(values) <= FLOAT32_MAX).all():     # NaN fails too
        return values[:, None], [column]
    if values is not None:     # too big or NaN: _numbers says which cell
        return _numbers(cells, column, numbers, path)[:, None], [column]
    stripped = [c.strip() for c in cells]
    kind = column_kind(stripped)
    if kind == "empty":
        raise _fail(f"{path}, column {column!r}: every cell is empty")
    if kind == "text":
        return _one_hot(stripped, column, numbers, path, missing)
    if missing != "mean":
        return _numbers(cells, column, numbers, path)[:, None], [column]
    filled = [i for i, c in enumerate(stripped) if c]
    values = np.full(len(stripped), np.nan)
    values[filled] = _numbers([stripped[i] for i in filled], column,
                              [numbers[i] for i in filled], path)
    values[np.isnan(values)] = np.nanmean(values)
    return values[:, None], [column]


def _one_hot(stripped: list[str], column: str, numbers: list[int], path: Path,
             missing: str) -> tuple[np.ndarray, list[str]]:
    if missing != "mean" and "" in stripped:
        row = numbers[stripped.index("")]
        raise _fail(f"{path}, row {row}, column {column!r}: the cell is empty")
    uniques, index = np.unique(np.array(stripped, dtype=object), return_inverse=True)
    if len(uniques) > MAX_CATEGORIES:
        raise _fail(f"{path}, column {column!r}: {len(uniques)} different texts, too many "
                    f"to become one-hot features (at most {MAX_CATEGORIES}); is it an "
                    f"identifier? Remove the column or make it the target")
    names = [f"{column}={u if u else '(missing)'}" for u in uniques]
    return np.eye(len(uniques))[index.ravel()], names


def _check_target_filled(cells: list[str], column: str, numbers: list[int], path: Path):
    for cell, number in zip(cells, numbers):
        if not cell.strip():
            raise _fail(f"{path}, row {number}, column {column!r}: the target cell is empty "
                        f"(choose 'drop' for missing cells to skip such rows)")


@functools.lru_cache(maxsize=4)
def _build(path_text: str, mtime_ns: int, size: int, target: str, task: str,
           delimiter: str = "auto", has_header: bool = True, missing: str = "refuse"):
    """(info, x, y) for a file version; cached because dataset_info runs on every edit."""
    path = Path(path_text)
    header, rows, numbers = _read_table(path, delimiter, has_header)
    if missing == "drop":
        rows, numbers = _drop_incomplete(rows, numbers)
    if len(rows) < 2:
        raise _fail(f"{path} needs at least 2 data rows, found {len(rows)}"
                    + (" with every cell filled" if missing == "drop" else ""))
    if len(header) < 2:
        raise _fail(f"{path} needs at least 2 columns (features and a target)")
    target = target or header[-1]
    if target not in header:
        raise _fail(f"{path} has no column {target!r}; its columns are {', '.join(header)}")
    t = header.index(target)
    columns = list(zip(*rows))
    parts, features = [], []
    for i, h in enumerate(header):
        if i != t:
            values, names = _feature(list(columns[i]), h, numbers, path, missing)
            parts.append(values)
            features += names
    x = np.concatenate(parts, axis=1).astype(np.float32)
    _check_target_filled(list(columns[t]), target, numbers, path)
    task = _decide_task(list(columns[t]), task)
    if task == "classification":
        y, class_names = _classes(list(columns[t]))
    else:
        y, class_names = _numbers(list(columns[t]), target, numbers, path)[:, None], ()
    info = DatasetInfo(name=NAME, task=task, feature_shape=(len(features),),
                       n_classes=len(class_names) if task == "classification" else None,
                       target_dim=1 if task == "regression" else None,
                       class_names=class_names, feature_names=tuple(features),
                       standardized=True)
    return info, x, y


# File versions whose table failed to load, with why: the window analyses the network on
# every edit, and reading a 55 MiB table again for its bad last cell froze each edit 7 s.
_FAILED: dict[tuple, str] = {}


def forget_failed_reads() -> None:
    """Read a file that failed again next time, even unchanged (the user asks to retry)."""
    _FAILED.clear()


def _file_version(params: dict):
    if not params["path"]:
        raise _fail("no file chosen: set 'path' to a CSV file with a header row")
    path = Path(params["path"]).expanduser().resolve()
    try:
        st = path.stat()
    except OSError:
        raise _fail(f"file not found: {path}") from None
    try:                           # refused from stat alone: cheap on every edit, never blocks
        check_readable_size(path, CSV_MAX_BYTES)
    except (NotRegularFile, FileTooLarge) as e:
        raise _fail(f"cannot read {path}: {e.strerror}") from None
    version = (str(path), st.st_mtime_ns, st.st_size, params["target"], params["task"],
               params.get("delimiter", "auto"), bool(params.get("header", True)),
               params.get("missing", "refuse"))
    if version in _FAILED:
        raise DataError(_FAILED[version])
    try:
        return _build(*version)
    except DataError as e:
        while len(_FAILED) >= 8:
            del _FAILED[next(iter(_FAILED))]
        _FAILED[version] = str(e)
        raise


@register_dataset(
    NAME, "Your own table: a CSV file of feature columns and one target column (text "
    "targets become classes, text features one-hot columns).",
    [Param("path", "file", "", "The CSV file, at most 64 MiB (a relative path starts from "
           "the network file's folder).", choices=("*.csv", "*.tsv", "*.txt")),
     Param("target", "str", "", "Name of the column to predict; empty = the last column."),
     Param("task", "choice", "auto", "What to predict: classes or numbers; auto decides from "
           "the target column (text or few whole numbers -> classification).",
           choices=("auto", "classification", "regression")),
     Param("delimiter", "choice", "auto", "What separates the cells; auto guesses from the "
           "file's first lines (csv.Sniffer).", choices=("auto",) + tuple(DELIMITERS)),
     Param("header", "bool", True, "The first row names the columns; off: the columns are "
           "called 'column 1', 'column 2', ... and the first row is data."),
     Param("missing", "choice", "refuse", "Empty cells: refuse (an error naming the row and "
           "column), drop (skip rows with an empty cell) or mean (fill a number column with "
           "its mean, a text column with a '(missing)' category; the target is never "
           "filled).", choices=MISSING)],
    "auto", "files", lambda params: _file_version(params)[0])
def load_csv(params: dict, rng: np.random.Generator):
    _, x, y = _file_version(params)
    return x, y

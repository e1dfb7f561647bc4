"""What a CSV file looks like, guessed from its first lines (no Qt: the import dialog and
the csv dataset share it): the delimiter (csv.Sniffer, limited to the usual ones), whether
the first row is a header, and each column's type (number / text / empty).
"""
from __future__ import annotations

import csv

# Names of the delimiters a user picks (the dataset's ``delimiter`` param) and their chars.
DELIMITERS = {",": ",", ";": ";", "tab": "\t", "|": "|", "space": " "}
SNIFF_CHARS = 64 * 1024


def delimiter_name(char: str) -> str:
    return next((name for name, c in DELIMITERS.items() if c == char), ",")


def sniff_delimiter(sample: str) -> str:
    """The delimiter's name for ``sample`` (the file's first lines); ',' when unsure."""
    try:
        # Not space: text cells hold spaces, so Sniffer would often pick it wrongly.
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        return delimiter_name(dialect.delimiter)
    except csv.Error:
        counts = {d: sample.split("\n", 1)[0].count(d) for d in (",", ";", "\t")}
        return delimiter_name(max(counts, key=lambda d: (counts[d], d == ",")))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def column_kind(cells: list[str]) -> str:
    """"number" when at least half the non-empty cells are numbers (the others are then
    reported as bad cells), "text" otherwise, "empty" with no filled cell."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled:
        return "empty"
    numbers = sum(is_number(c) for c in filled)
    return "number" if 2 * numbers >= len(filled) else "text"


def has_header(rows: list[list[str]]) -> bool:
    """True when the first row names the columns: some of its cells are text where the
    column below holds numbers, or all its cells are text and differ from the next row's
    kinds. A file of only text is taken as having a header (the usual case)."""
    if len(rows) < 2:
        return True
    first, rest = rows[0], rows[1:]
    for i, cell in enumerate(first):
        below = [r[i] for r in rest if i < len(r)]
        if not is_number(cell.strip()) and column_kind(below) == "number":
            return True
    return not any(is_number(c.strip()) for c in first) and len(set(first)) == len(first)


def numbered_rows(text: str, delimiter: str, limit: int | None = None
                  ) -> list[tuple[int, list[str]]]:
    """(spreadsheet row number, cells) of the non-blank rows of ``text`` split by the
    delimiter named ``delimiter``: the numbers the dataset's errors use."""
    import io
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITERS[delimiter])
    rows = []
    for row in reader:
        if row and any(c.strip() for c in row):
            rows.append((reader.line_num, row))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def read_rows(text: str, delimiter: str, limit: int | None = None) -> list[list[str]]:
    return [row for _, row in numbered_rows(text, delimiter, limit)]


def sniff(text: str, preview_rows: int = 50) -> dict:
    """{"delimiter", "header", "columns", "kinds", "rows"} for the start of a CSV text:
    what the import dialog shows first and the params it proposes."""
    sample = text[:SNIFF_CHARS]
    delimiter = sniff_delimiter(sample)
    rows = read_rows(sample, delimiter, preview_rows + 1)
    header = has_header(rows)
    return describe(rows, delimiter, header, preview_rows)


def describe(rows: list[list[str]], delimiter: str, header: bool,
             preview_rows: int = 50) -> dict:
    width = max((len(r) for r in rows), default=0)
    names = [c.strip() for c in rows[0]] if header and rows else \
        [f"column {i + 1}" for i in range(width)]
    names += [f"column {i + 1}" for i in range(len(names), width)]
    body = rows[1:] if header else rows
    body = body[:preview_rows]
    kinds = [column_kind([r[i] if i < len(r) else "" for r in body]) for i in range(width)]
    return {"delimiter": delimiter, "header": header, "columns": names, "kinds": kinds,
            "rows": body}

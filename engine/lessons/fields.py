"""Reading typed fields out of a lesson's JSON with the path of each ("steps[1].check.op"),
so every problem names the file and the field it is in."""
from __future__ import annotations

from engine.errors import NetwrightError


class LessonError(NetwrightError):
    """A lesson that cannot be read or run: the message names the file and the field."""

    file: str = ""            # the file's name, when load_lessons read it


def describe(value) -> str:
    """A value as the message shows it: short, with its JSON type when that is the problem."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class Fields:
    """A JSON object read at ``path`` of ``file``: ``need``/``get`` return checked values."""

    def __init__(self, file: str, path: str, data):
        self.file, self.path = file, path
        if not isinstance(data, dict):
            raise self.error(f"expected an object, got {describe(data)}")
        self.data = data

    def where(self, key: str | None = None) -> str:
        if key is None:
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def error(self, message: str, key: str | None = None) -> LessonError:
        where = self.where(key)
        return LessonError(f"{self.file}: {where}: {message}" if where else
                           f"{self.file}: {message}")

    def child(self, key: str) -> "Fields":
        return Fields(self.file, self.where(key), self.need(key))

    def has(self, key: str) -> bool:
        return key in self.data

    def need(self, key: str):
        if key not in self.data:
            raise self.error("is missing", key)
        return self.data[key]

    def only(self, allowed) -> None:
        """Refuse keys not in ``allowed``: a typo ("chek") must not be silently ignored."""
        unknown = sorted(set(self.data) - set(allowed))
        if unknown:
            raise self.error(f"unknown field {unknown[0]!r} (allowed: {', '.join(allowed)})")

    def string(self, key: str, choices=None, optional: bool = False) -> str | None:
        if optional and key not in self.data:
            return None
        value = self.need(key)
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"expected a non-empty string, got {describe(value)}", key)
        if choices is not None and value not in choices:
            raise self.error(f"expected one of {', '.join(choices)}, got {value!r}", key)
        return value

    def whole(self, key: str, low: int, high: int | None = None,
              optional: bool = False) -> int | None:
        if optional and key not in self.data:
            return None
        value = self.need(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (
                high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"of at least {low}"
            raise self.error(f"expected a whole number {span}, got {describe(value)}", key)
        return value

    def items(self, key: str, low: int = 0, high: int | None = None,
              optional: bool = False) -> list:
        """A list at ``key`` (empty when optional and absent) with low..high entries."""
        if optional and key not in self.data:
            return []
        value = self.need(key)
        if not isinstance(value, list):
            raise self.error(f"expected a list, got {describe(value)}", key)
        if len(value) < low or (high is not None and len(value) > high):
            span = f"{low} to {high}" if high is not None else f"at least {low}"
            raise self.error(f"expected {span} entries, got {len(value)}", key)
        return value

    def strings(self, key: str, low: int = 0, high: int | None = None,
                optional: bool = False) -> tuple[str, ...]:
        values = self.items(key, low, high, optional)
        for i, v in enumerate(values):
            if not isinstance(v, str) or not v.strip():
                raise self.error(f"expected a non-empty string, got {describe(v)}",
                                 f"{key}[{i}]")
        return tuple(values)

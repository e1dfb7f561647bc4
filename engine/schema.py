"""Hyper-parameter schemas: a ``Param`` says what one setting of a layer, dataset, optimizer
or scheduler may hold, its default and its help text; a ``ParamSchema`` completes and
validates a whole config. Every registry family's specs are ParamSchemas."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

PARAM_KINDS = ("int", "float", "bool", "choice", "shape", "padding", "str", "file", "folder")


@dataclass(frozen=True)
class Param:
    """One hyper-parameter of a layer (or a dataset, optimizer, ...), with its help text.

    ``kind`` is one of PARAM_KINDS:
      int, float  -- numbers with an optional [min, max] range (max_exclusive for "< max")
      bool        -- True / False
      choice      -- one of ``choices`` (strings)
      shape       -- a list of 1 to 3 positive ints, e.g. [1, 28, 28]
      padding     -- "valid", "same" or an int >= 0
      str         -- free text (a column name, a formula)
      file, folder -- a path as text (a dataset's data); a relative one starts from the
                     network file's folder (engine.data.paths). ``choices`` of a file: the
                     name patterns a file dialog offers, e.g. ("*.csv",)
    """

    name: str
    kind: str
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    max_exclusive: bool = False
    choices: tuple[str, ...] = ()
    min_exclusive: bool = False         # for "> min" (a learning rate, a decay factor)
    # A further test of a valid value (a formula's syntax): raises ValueError saying why.
    check: Callable[[Any], None] | None = None

    def __post_init__(self) -> None:
        if self.kind not in PARAM_KINDS:
            raise ValueError(f"Param {self.name!r}: unknown kind {self.kind!r}")

    def validate(self, value: Any) -> Any:
        """Return ``value`` normalised (lists for shapes, float for floats) or raise ValueError
        with a message a learner can act on."""
        value = _VALIDATORS[self.kind](self, value)
        if self.check is not None:
            self.check(value)
        return value

    def range_text(self) -> str:
        """'between 0 and 1 (excluded)', 'at least 1', ... ; empty when unbounded."""
        lo, hi = self.min, self.max
        hi_word = "below" if self.max_exclusive else "at most"
        lo_word = "above" if self.min_exclusive else "at least"
        if lo is not None and hi is not None:
            return f"{lo_word} {_num(lo)} and {hi_word} {_num(hi)}"
        if lo is not None:
            return f"{lo_word} {_num(lo)}"
        if hi is not None:
            return f"{hi_word} {_num(hi)}"
        return ""


# The largest whole number a float holds exactly: shapes, counts and sizes are multiplied
# as floats downstream, so a bigger one (10**400 in a file) would overflow there.
MAX_WHOLE = 2 ** 53


def _num(v: float) -> str:
    if isinstance(v, int):
        return str(v) if abs(v) <= MAX_WHOLE else f"a {len(str(abs(v)))}-digit number"
    if abs(v) > MAX_WHOLE:
        return f"{v:g}"                 # 1e+30, not 1000000000000000019884624838656
    return str(int(v)) if v.is_integer() else str(v)


def _got(v: Any) -> str:
    """``v`` for a message: big whole numbers by their digit count, long values cut short."""
    if isinstance(v, int) and not isinstance(v, bool):
        return _num(v)
    text = repr(v)
    return text if len(text) <= 60 else text[:57] + "..."


def _too_big(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_WHOLE


def _check_range(p: Param, v: float) -> None:
    too_low = p.min is not None and (v <= p.min if p.min_exclusive else v < p.min)
    too_high = p.max is not None and (v >= p.max if p.max_exclusive else v > p.max)
    if too_low or too_high:
        raise ValueError(f"{p.name} must be {p.range_text()}, got {_num(v)}")


def _not_finite(v: int | float) -> bool:
    """NaN or +-inf (which JSON files may hold); ints are always finite."""
    return isinstance(v, float) and not math.isfinite(v)


def _validate_int(p: Param, v: Any) -> int:
    if (isinstance(v, bool) or not isinstance(v, (int, float)) or _not_finite(v)
            or v != int(v)):
        raise ValueError(f"{p.name} must be a whole number, got {_got(v)}")
    if abs(v) > MAX_WHOLE:
        raise ValueError(f"{p.name} must be a whole number {_whole_range(p)}, got {_num(v)}")
    _check_range(p, int(v))
    return int(v)


def _whole_range(p: Param) -> str:
    """The range a whole number may take, for a number too big to be one."""
    return p.range_text() if p.max is not None else (
        f"{p.range_text() + ' and ' if p.min is not None else ''}at most {MAX_WHOLE:,}")


def _validate_float(p: Param, v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v:
        raise ValueError(f"{p.name} must be a number, got {_got(v)}")
    if _too_big(v):
        raise ValueError(f"{p.name} must be a finite number, got {_num(v)}")
    if _not_finite(v):
        raise ValueError(f"{p.name} must be a finite number, got {v!r}")
    _check_range(p, float(v))
    return float(v)


def _validate_bool(p: Param, v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError(f"{p.name} must be true or false, got {v!r}")
    return v


def _validate_choice(p: Param, v: Any) -> str:
    if v not in p.choices:
        raise ValueError(f"{p.name} must be one of {', '.join(p.choices)}; got {v!r}")
    return v


def _validate_shape(p: Param, v: Any) -> list[int]:
    ok = isinstance(v, (list, tuple)) and 1 <= len(v) <= 3 and all(
        isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= MAX_WHOLE for d in v)
    if not ok:
        raise ValueError(f"{p.name} must be a list of 1 to 3 positive whole numbers "
                         f"such as [2] or [1, 28, 28], got {_got_list(v)}")
    return list(v)


def _got_list(v: Any) -> str:
    if isinstance(v, list) and any(_too_big(d) for d in v):
        return "[" + ", ".join(_got(d) for d in v[:4]) + (", ...]" if len(v) > 4 else "]")
    return _got(v)


def _validate_padding(p: Param, v: Any) -> str | int:
    if v in ("valid", "same"):
        return v
    if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_WHOLE:
        return v
    raise ValueError(f"{p.name} must be \"valid\", \"same\" or a whole number >= 0, "
                     f"got {_got(v)}")


def _validate_str(p: Param, v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError(f"{p.name} must be text, got {v!r}")
    return v


_VALIDATORS: dict[str, Callable[[Param, Any], Any]] = {
    "int": _validate_int, "float": _validate_float, "bool": _validate_bool,
    "choice": _validate_choice, "shape": _validate_shape, "padding": _validate_padding,
    "str": _validate_str, "file": _validate_str, "folder": _validate_str,
}


def complete_params(params: tuple[Param, ...], given: dict | None) -> dict:
    """Fill defaults and validate every value. Raises ValueError naming the first bad param.
    Unknown names are refused so that a typo in a file is not silently ignored."""
    given = dict(given or {})
    known = {p.name for p in params}
    unknown = sorted(set(given) - known)
    if unknown:
        allowed = ", ".join(sorted(known)) or "none"
        raise ValueError(f"unknown parameter {unknown[0]!r} (allowed: {allowed})")
    return {p.name: p.validate(given.get(p.name, p.default)) for p in params}


class ParamSchema:
    """What every spec with a ``params`` tuple offers: layer types, datasets, optimizers,
    schedulers."""

    params: tuple[Param, ...]

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict:
        return {p.name: p.default for p in self.params}

    def complete(self, given: dict | None) -> dict:
        return complete_params(self.params, given)


def resolve_config(specs, config, example: str) -> tuple:
    """(spec, complete config) for a config like {"name": "adam", "lr": 0.01} looked up in
    the registry ``specs``; ValueError naming the family, the name and the field otherwise."""
    kind = specs.kind
    if not isinstance(config, dict):
        raise ValueError(f"{kind} must be a dict such as {example}, got {config!r}")
    name = config.get("name")
    if not isinstance(name, str) or name not in specs:
        raise ValueError(specs.unknown(name))
    spec = specs[name]
    try:
        complete = spec.complete({k: v for k, v in config.items() if k != "name"})
    except ValueError as e:
        raise ValueError(f"{kind} {name!r}: {e}") from None
    return spec, complete

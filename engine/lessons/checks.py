"""Evaluating a step's check on a run and a network: waiting, pass or fail, with one short
true sentence saying what was measured ("val_accuracy 0.81, needs ≥ 0.95 (after 5 epochs)").
The headless runner and the Lessons dock both call ``evaluate``."""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass

from engine.lessons.measure import MeasureError, is_finite_number, measure
from engine.lessons.parts import Check, Record, Recorded
from engine.lessons.record import RunRecord

WAITING, PASS, FAIL = "waiting", "pass", "fail"
COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
SHOWN_OP = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "=", "!=": "≠"}
REL_TOL = 1e-6


@dataclass(frozen=True)
class CheckResult:
    state: str                     # WAITING | PASS | FAIL
    measured: object               # the value measured (None: none yet, or it failed)
    text: str                      # one sentence: what was measured and what was needed


def evaluate(check: Check, record: RunRecord | None, network,
             recorded: dict | None = None) -> CheckResult:
    """``check`` on the run so far (``record``; None: no run) and the network (a Network or
    its dict). ``recorded``: the values earlier steps' records took (name -> value)."""
    if check.after is not None and (record is None or not record.reached(check.after)):
        return CheckResult(WAITING, None, f"waiting: {check.metric} is read after "
                                          f"{check.after.text()}")
    try:
        target, target_text = _target(check.value, recorded or {})
        value = measure(check, record, network)
    except MeasureError as e:
        return CheckResult(FAIL, None, str(e))
    holds = compare(value, check.op, target)
    when = _when(check, record)
    name = measured_name(check)
    if holds is None:
        return CheckResult(FAIL, value, f"{name} is {show(value)}, which cannot be compared "
                                        f"with {target_text}{when}")
    if holds:
        return CheckResult(PASS, value, f"{name} {show(value)} "
                                        f"{SHOWN_OP[check.op]} {target_text}{when}")
    return CheckResult(FAIL, value, f"{name} {show(value)}, needs "
                                    f"{SHOWN_OP[check.op]} {target_text}{when}")


def take_record(item: Record, record: RunRecord | None, network) -> float:
    """The value a step's ``record`` remembers; MeasureError if it cannot be measured."""
    return measure(item, record, network)


def compare(value, op: str, target) -> bool | None:
    """``value op target``; numbers are equal within a relative 1e-6, strings and lists
    exactly; None when they cannot be compared (a string with <, a NaN)."""
    if is_finite_number(value) and is_finite_number(target):
        if op in ("==", "!="):
            same = math.isclose(value, target, rel_tol=REL_TOL, abs_tol=0.0)
            return same if op == "==" else not same
        return COMPARE[op](value, target)
    if isinstance(value, (int, float)) and math.isnan(value):
        return None
    if op in ("==", "!="):
        same = _plain(value) == _plain(target)
        return same if op == "==" else not same
    return None


def _plain(v):
    return list(v) if isinstance(v, tuple) else v


def _target(value, recorded: dict) -> tuple[object, str]:
    """The value to compare with, and how the sentence writes it."""
    if not isinstance(value, Recorded):
        return value, show(value)
    if value.name not in recorded:
        raise MeasureError(f"no value was recorded as {value.name!r} (its step has not "
                           f"run yet)")
    base = recorded[value.name]
    if not is_finite_number(base):
        raise MeasureError(f"the value recorded as {value.name!r} is {show(base)}")
    target = value.times * base
    if value.times == 1:
        return target, f"{value.name} ({show(base)})"
    return target, f"{show(value.times)} × {value.name} ({show(base)}) = {show(target)}"


def _when(check: Check, record: RunRecord | None) -> str:
    if check.after is None or record is None:
        return ""
    done = record.epochs_done if check.after.unit == "epochs" else record.steps_done
    unit = check.after.unit if done != 1 else check.after.unit[:-1]
    return f" (after {done} {unit})"


def measured_name(item) -> str:
    """How a sentence names what was measured: "grad_norm_ratio out/h1", "param h1.units"."""
    if item.metric == "grad_norm_ratio":
        return f"grad_norm_ratio {item.nodes[0]}/{item.nodes[1]}"
    if item.metric == "param":
        return f"{item.node}.{item.param}"
    if item.metric == "training":
        return f"training.{item.field}"
    if item.node:
        return f"{item.metric} of {item.node}"
    return item.metric


def show(value) -> str:
    """A number as a sentence writes it (4 significant digits); others as JSON-ish text."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return repr(value) if isinstance(value, str) else str(value)

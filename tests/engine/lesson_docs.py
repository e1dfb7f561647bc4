"""Lesson files for the lesson tests: a valid lesson dict to vary, and writing it to a folder."""
from __future__ import annotations

import copy
import json
from pathlib import Path


def text(en: str = "Some words.", ko: str = "몇 마디.") -> dict:
    return {"en": en, "ko": ko}


def check(metric: str = "val_accuracy", op: str = ">=", value=0.5, after=None, **more) -> dict:
    d = {"metric": metric, "op": op, "value": value, "says": text("a claim", "주장"), **more}
    if after is not None:
        d["after"] = after
    return d


def step(**fields) -> dict:
    return {"text": text("Press Train.", "학습을 누르세요."), **fields}


def lesson(steps=None, concept: int = 1, example: str = "xor_mlp", **top) -> dict:
    d = {"format": "netwright-lesson", "version": 1, "concept": concept, "group": "basics",
         "title": text("XOR by hand", "손으로 푸는 XOR"), "example": example,
         "explanation": {k: text() for k in ("idea", "formula", "intuition")},
         "steps": steps if steps is not None else [step(check=check(after={"epochs": 1}))]}
    d.update(top)
    return copy.deepcopy(d)


def write(folder: Path, name: str, data) -> Path:
    path = Path(folder) / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False),
                    encoding="utf-8")
    return path

"""Lesson files for the Lessons dock's tests, written into a test's own folder."""
from __future__ import annotations

import json
from pathlib import Path


def text(en: str, ko: str | None = None) -> dict:
    return {"en": en, "ko": ko or f"{en} (ko)"}


def lesson(concept: int, group: str, title: str, steps: list, example: str = "xor_mlp") -> dict:
    return {"format": "netwright-lesson", "version": 1, "concept": concept, "group": group,
            "title": text(title, f"{title} 한국어"), "example": example,
            "explanation": {"idea": text("The idea.\n\nA second paragraph."),
                            "formula": text("σ(z) = 1 / (1 + e⁻ᶻ)"),
                            "intuition": text("An intuition.")},
            "steps": steps}


UNITS_4 = {"metric": "param", "node": "h1", "param": "units", "op": "==", "value": 4,
           "says": text("h1 has 4 units")}
UNITS_8 = {"metric": "param", "node": "h1", "param": "units", "op": "==", "value": 8,
           "says": text("h1 has 8 units")}
FIRST_EPOCH = {"metric": "val_loss", "op": "<", "value": 10, "after": {"epochs": 1},
               "says": text("validation loss below 10 after 1 epoch")}
RECORDED = {"metric": "val_loss", "op": "<", "value": {"recorded": "first", "times": 100},
            "after": {"epochs": 2}, "says": text("still below 100 × the first loss")}

BASICS = lesson(1, "basics", "Neurons", [
    {"text": text("Open XOR and look at h1's weights."),
     "actions": [{"do": "open_example", "example": "xor_mlp"},
                 {"do": "select_node", "node": "h1"},
                 {"do": "show", "tab": "Layer", "view": "weights"}],
     "check": UNITS_4},
    {"text": text("Give h1 eight units."),
     "edits": [{"do": "set_param", "node": "h1", "param": "units", "value": 8}],
     "check": UNITS_8},
    {"text": text("Train one epoch."), "check": FIRST_EPOCH,
     "record": {"as": "first", "metric": "val_loss", "after": {"epochs": 1}}},
    {"text": text("Train one more."), "check": RECORDED},
    {"text": text("Race two optimizers."),
     "actions": [{"do": "open_race", "optimizers": ["sgd", "adam"]}]},
])
OPTIMISATION = lesson(8, "optimisation", "Optimizers", [
    {"text": text("Look at the loss."), "actions": [{"do": "show", "tab": "Curves",
                                                     "view": "loss"}]},
    {"text": text("Look at the filters."), "actions": [{"do": "show", "tab": "Layer",
                                                       "view": "filters"}]},
])


def write_lessons(folder: Path, *lessons: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for item in lessons or (BASICS, OPTIMISATION):
        (folder / f"{item['concept']:02d}_lesson.json").write_text(json.dumps(item),
                                                                   encoding="utf-8")
    return folder

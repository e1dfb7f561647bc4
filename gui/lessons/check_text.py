"""The engine's check sentences in the window's language.

The engine has no Qt and writes them in English from a few fixed phrases ("(after 5 epochs)",
", needs ", "waiting: ... is read after ..."); the dock swaps those phrases for translated
ones, so metric names, node ids and the measured numbers stay exactly as measured."""
from __future__ import annotations

import re

from gui.i18n import translate

_UNIT = r"(epochs?|steps?)"
_WAITING = re.compile(rf"^waiting: (.+) is read after (\d+) {_UNIT}$")
_AFTER = re.compile(rf" \(after (\d+) {_UNIT}\)")


def check_text(text: str) -> str:
    waiting = _WAITING.match(text)
    if waiting:
        return translate("LessonsDock", "waiting: {what} is read after {count} {unit}").format(
            what=waiting[1], count=waiting[2], unit=_unit(waiting[3]))
    text = _AFTER.sub(lambda m: translate("LessonsDock", " (after {count} {unit})").format(
        count=m[1], unit=_unit(m[2])), text)
    return text.replace(", needs ", translate("LessonsDock", ", needs "))


def _unit(word: str) -> str:
    if word.startswith("epoch"):
        return (translate("LessonsDock", "epoch") if word == "epoch"
                else translate("LessonsDock", "epochs"))
    return translate("LessonsDock", "step") if word == "step" else translate("LessonsDock",
                                                                              "steps")

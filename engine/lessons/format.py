"""The lesson format, version 1 (resources/lessons/README.md): one JSON file per concept,
read into frozen dataclasses. Everything here is checked without a network; node ids are
checked against the network when a lesson is run (runner.py) or shown (the Lessons dock).

    lessons = load_lessons("resources/lessons")      # sorted by concept
    lessons[0].title("ko"), lessons[0].steps[0].check.says.get("en")
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from engine.errors import NetworkFileError
from engine.files import read_capped
from engine.graph.network_file import parse_json
from engine.lessons.fields import Fields, LessonError, describe
from engine.lessons.parts import (ACTIONS, EDITS, METRICS, OPS, TABS, VIEW_KEYS, Action, After,
                                  Check, Edit, Record, Recorded, Text, parse_action,
                                  parse_after, parse_check, parse_edit, parse_record,
                                  parse_text)

FORMAT, VERSION = "netwright-lesson", 1
GROUPS = ("basics", "losses", "optimisation", "cnns")
LANGUAGES = ("en", "ko")
MAX_STEPS = 12
LESSON_FILE_MAX_BYTES = 1_000_000
LESSON_KEYS = ("format", "version", "concept", "group", "title", "example", "explanation",
               "steps")
STEP_KEYS = ("text", "actions", "edits", "check", "record")

__all__ = ["Action", "After", "Check", "Edit", "Explanation", "Lesson", "LessonError",
           "Record", "Recorded", "Step", "Text", "ACTIONS", "EDITS", "GROUPS", "LANGUAGES",
           "METRICS", "OPS", "TABS", "VIEW_KEYS", "load_lesson", "load_lessons", "parse_after",
           "parse_edit", "parse_lesson"]


@dataclass(frozen=True)
class Explanation:
    idea: Text
    formula: Text
    intuition: Text


@dataclass(frozen=True)
class Step:
    number: int                    # 1-based, as messages say "step 2"
    text: Text
    actions: tuple[Action, ...] = ()
    edits: tuple[Edit, ...] = ()
    check: Check | None = None
    record: Record | None = None

    def trains(self) -> bool:
        """Whether the step needs a run (its check or record has an ``after``)."""
        return any(item is not None and item.after is not None
                   for item in (self.check, self.record))


@dataclass(frozen=True)
class Lesson:
    file: str                      # the file's name, as messages name it
    concept: int
    group: str
    titles: Text
    example: str
    explanation: Explanation
    steps: tuple[Step, ...]

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang)


def load_lessons(folder: str | Path) -> list[Lesson | LessonError]:
    """Every ``*.json`` in ``folder``, sorted by concept: a Lesson, or the LessonError that
    says why that file cannot be one (its ``file`` names the file; it sorts by the file
    name's number)."""
    out: list[Lesson | LessonError] = []
    for path in Path(folder).glob("*.json"):
        try:
            out.append(load_lesson(path))
        except LessonError as e:
            e.file = path.name
            out.append(e)
    return sorted(out, key=_concept_order)


def _concept_order(entry) -> tuple:
    if isinstance(entry, Lesson):
        return entry.concept, entry.file
    number = re.match(r"(\d+)_", entry.file)
    return (int(number.group(1)) if number else 10 ** 6), entry.file


def load_lesson(path: str | Path) -> Lesson:
    """The lesson in ``path``; LessonError naming the file and the field otherwise."""
    path = Path(path)
    text = _text(path)
    if not text.strip():
        raise LessonError(f"{path.name}: the file is empty: it holds no lesson")
    try:
        data = parse_json(text, path.name)
    except NetworkFileError as e:
        message = str(e).replace("network file", "lesson file")
        if message.startswith(repr(path.name)):         # "'x.json' is not valid JSON: ..."
            message = message[len(repr(path.name)):].lstrip(": ")
        raise LessonError(f"{path.name}: {message}") from None
    return parse_lesson(data, path.name)


def _text(path: Path) -> str:
    try:
        return read_capped(path, LESSON_FILE_MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LessonError(f"{path.name}: not UTF-8 text (byte {e.start})") from None
    except OSError as e:
        raise LessonError(f"{path.name}: cannot read: {e.strerror or e}") from None


def parse_lesson(data, file: str = "<lesson>") -> Lesson:
    """A Lesson from the file's JSON object (``file`` names it in messages)."""
    top = Fields(file, "", data)
    _check_format(top)
    top.only(LESSON_KEYS)
    concept = top.whole("concept", 1, 21)
    number = re.match(r"(\d+)_", file)
    if number and int(number.group(1)) != concept:
        raise top.error(f"{concept} does not match the file name's number "
                        f"{int(number.group(1))}", "concept")
    explanation = top.child("explanation")
    explanation.only(("idea", "formula", "intuition"))
    steps = top.items("steps", 1, MAX_STEPS)
    lesson = Lesson(file=file, concept=concept, group=top.string("group", GROUPS),
                  titles=parse_text(top, "title"), example=top.string("example"),
                  explanation=Explanation(*(parse_text(explanation, k) for k in
                                            ("idea", "formula", "intuition"))),
                  steps=tuple(_parse_step(Fields(file, f"steps[{i}]", s), i + 1)
                              for i, s in enumerate(steps)))
    _check_recorded_names(lesson)
    return lesson


def _check_recorded_names(lesson: Lesson) -> None:
    """A check's ``{"recorded": NAME}`` names a value an earlier step records."""
    recorded: set[str] = set()
    for step in lesson.steps:
        value = step.check.value if step.check is not None else None
        if isinstance(value, Recorded) and value.name not in recorded:
            known = ", ".join(sorted(recorded)) or "none"
            raise LessonError(f"{lesson.file}: steps[{step.number - 1}].check.value.recorded: "
                              f"no earlier step records {value.name!r} (recorded before it: "
                              f"{known})")
        if step.record is not None:
            recorded.add(step.record.name)


def _check_format(top: Fields) -> None:
    fmt, version = top.data.get("format"), top.data.get("version")
    if fmt != FORMAT:
        raise top.error(f"not a Netwright lesson: \"format\" must be {FORMAT!r}, got "
                        f"{describe(fmt)}")
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        raise top.error(f"lesson format version {version} is newer than this Netwright "
                        f"reads ({VERSION}): update Netwright")
    top.whole("version", VERSION, VERSION)


def _parse_step(f: Fields, number: int) -> Step:
    f.only(STEP_KEYS)
    actions = f.items("actions", optional=True)
    edits = f.items("edits", optional=True)
    return Step(number=number, text=parse_text(f, "text"),
                actions=tuple(parse_action(Fields(f.file, f.where(f"actions[{i}]"), a))
                              for i, a in enumerate(actions)),
                edits=tuple(parse_edit(Fields(f.file, f.where(f"edits[{i}]"), e))
                            for i, e in enumerate(edits)),
                check=parse_check(f.child("check")) if f.has("check") else None,
                record=parse_record(f.child("record")) if f.has("record") else None)

"""``python main.py lessons [--lang ko]``: the lessons (number, group, title);
``python main.py lessons --verify [--lesson N ...]``: run each lesson's steps headless
(engine/lessons/runner.py) and print ``PASS 13 Vanishing gradients`` or
``FAIL 13 Vanishing gradients: step 2: ...`` per lesson, then ``lessons: P/T verified``.
Exit 0 only if every lesson verified; a file that is not a valid lesson is a FAIL line."""
from __future__ import annotations

import sys
from pathlib import Path

from engine.cli.common import EXIT_INTERNAL, EXIT_OK, print_errors, print_out
from engine.lessons.fields import LessonError
from engine.lessons.format import load_lessons
from engine.lessons.runner import LESSONS_DIR, Verdict, failed_file, verify_lesson


def run_lessons(args) -> int:
    """``args``: verify (bool), lesson (list of concept numbers or None), lang, folder."""
    folder = Path(args.folder) if args.folder else LESSONS_DIR
    entries = _chosen(_entries(folder), args.lesson)
    if not entries:
        what = (f"no lesson numbered {', '.join(map(str, args.lesson))}" if args.lesson
                else "no lesson files (*.json)")
        print_out("lessons: 0/0 verified" if args.verify else "lessons: none")
        print_errors([f"{what} in {folder}"])
        return EXIT_INTERNAL
    if not args.verify:
        return _list(entries, args.lang)
    return _verify(entries, args.lang)


def _entries(folder: Path) -> list[tuple[str, object]]:
    """(file name, Lesson or LessonError) for every *.json in ``folder``, by concept."""
    if not folder.is_dir():
        return []
    return [(x.file, x) for x in load_lessons(folder)]


def _chosen(entries: list, numbers: list[int] | None) -> list:
    if not numbers:
        return entries
    return [(name, x) for name, x in entries if _number(name, x) in numbers]


def _number(name: str, lesson) -> int | None:
    if not isinstance(lesson, LessonError):
        return lesson.concept
    head = name.split("_", 1)[0]
    return int(head) if head.isdigit() else None


def _list(entries: list, lang: str) -> int:
    bad = 0
    for name, lesson in entries:
        if isinstance(lesson, LessonError):
            print_out(f"   {lesson}")
            bad += 1
        else:
            print_out(f"{lesson.concept:2d} {lesson.group:<12} {lesson.title(lang)}")
    return EXIT_OK if not bad else EXIT_INTERNAL


def _verify(entries: list, lang: str) -> int:
    passed, datasets = 0, {}
    for name, lesson in entries:
        if isinstance(lesson, LessonError):
            verdict = failed_file(lesson, name)
        else:
            verdict = _verified(lesson, datasets)
        print_out(verdict.line(lang))
        sys.stdout.flush()
        passed += verdict.passed
    print_out(f"lessons: {passed}/{len(entries)} verified")
    return EXIT_OK if passed == len(entries) else EXIT_INTERNAL


def _verified(lesson, datasets: dict) -> Verdict:
    """The lesson's verdict; a bug of ours while running it fails that lesson alone."""
    try:
        return verify_lesson(lesson, datasets=datasets)
    except Exception as e:     # noqa: BLE001 -- the other lessons still get their line
        return Verdict(lesson.file, lesson, False, f"internal problem ({type(e).__name__}: "
                                                   f"{e}); this is a bug in Netwright")


__all__ = ["run_lessons", "Verdict"]

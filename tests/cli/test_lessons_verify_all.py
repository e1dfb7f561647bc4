"""The real lessons (resources/lessons) verify: every claim they make holds on the engine as
it is, within the suite's budget (counted in trained epochs, not seconds)."""
from __future__ import annotations

import pytest

from engine.cli.main import run_command
from engine.lessons import runner
from engine.lessons.runner import LESSONS_DIR

# The format's budget is ~40 s for all lessons on an idle 2-core machine (~2 s a lesson).
# The small examples train a hundred epochs in well under a second, the image ones tens of
# epochs a second: bounding the epochs trained bounds the work without timing anything.
MAX_EPOCHS_PER_LESSON = 200
MAX_EPOCHS_IN_ALL = 1500


def test_every_lesson_verifies(capsys, monkeypatch):
    if not sorted(LESSONS_DIR.glob("*.json")):
        pytest.skip(f"no lesson files in {LESSONS_DIR} yet")
    epochs = {}
    verify = runner.verify_lesson

    def counting(lesson, *args, **kwargs):
        verdict = verify(lesson, *args, **kwargs)
        epochs[lesson.concept] = verdict.epochs_trained
        return verdict
    monkeypatch.setattr("engine.cli.lessons.verify_lesson", counting)
    status = run_command(["lessons", "--verify"])
    lines = capsys.readouterr().out.splitlines()
    failed = [line for line in lines[:-1] if not line.startswith("PASS ")]
    assert not failed, "\n".join(failed)
    assert status == 0 and lines[-1].endswith("verified")
    heavy = {n: e for n, e in epochs.items() if e > MAX_EPOCHS_PER_LESSON}
    assert not heavy, f"lessons training more than {MAX_EPOCHS_PER_LESSON} epochs: {heavy}"
    assert sum(epochs.values()) <= MAX_EPOCHS_IN_ALL, f"epochs trained per lesson: {epochs}"

"""`main.py lessons [--verify]`: one PASS/FAIL line per lesson, the count last, exit 0 only
when every lesson verified; a broken file is a FAIL line naming the field, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine.cli.main import run_command
from tests.engine.lesson_docs import check, lesson, step, write

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *args):
    status = run_command(["lessons", *map(str, args)])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def good(concept: int) -> dict:
    return lesson(concept=concept, steps=[step(check=check(value=0.0, after={"epochs": 1}))])


def test_verify_prints_a_line_per_lesson_then_the_count(tmp_path, capsys):
    write(tmp_path, "01_a.json", good(1))
    write(tmp_path, "02_b.json", good(2))
    status, lines, err = run(capsys, "--folder", tmp_path, "--verify")
    assert lines == ["PASS 1 XOR by hand", "PASS 2 XOR by hand", "lessons: 2/2 verified"]
    assert status == 0 and err == ""


def test_a_failing_and_a_malformed_lesson_are_fail_lines(tmp_path, capsys):
    write(tmp_path, "01_a.json", good(1))
    false = lesson(concept=3, steps=[step(check=check(op="<", value=0.0,
                                                      after={"epochs": 1}))])
    write(tmp_path, "03_false.json", false)
    broken = good(13)
    broken["steps"][0]["check"]["op"] = "=<"
    write(tmp_path, "13_vanishing_gradients.json", broken)
    write(tmp_path, "20_not_json.json", "{")
    status, lines, err = run(capsys, "--folder", tmp_path, "--verify")
    assert status == 1 and "Traceback" not in err
    assert lines[0] == "PASS 1 XOR by hand"
    assert lines[1].startswith("FAIL 3 XOR by hand: step 1: val_accuracy ")
    assert lines[1].endswith("needs < 0 (after 1 epoch)")
    assert lines[2] == ("FAIL 13_vanishing_gradients.json: steps[0].check.op: expected one "
                        "of <, <=, >, >=, ==, !=, got '=<'")
    assert lines[3].startswith("FAIL 20_not_json.json: ends unexpectedly")
    assert lines[4] == "lessons: 1/4 verified"


def test_lesson_picks_by_number(tmp_path, capsys):
    write(tmp_path, "01_a.json", good(1))
    write(tmp_path, "02_b.json", good(2))
    status, lines, _ = run(capsys, "--folder", tmp_path, "--verify", "--lesson", 2)
    assert (status, lines) == (0, ["PASS 2 XOR by hand", "lessons: 1/1 verified"])
    status, lines, err = run(capsys, "--folder", tmp_path, "--verify", "--lesson", 9)
    assert status == 1 and lines == ["lessons: 0/0 verified"]
    assert "no lesson numbered 9" in err


def test_no_lessons_at_all_says_where_it_looked(tmp_path, capsys):
    status, lines, err = run(capsys, "--folder", tmp_path / "none", "--verify")
    assert status == 1 and lines == ["lessons: 0/0 verified"]
    assert err.startswith("error: no lesson files (*.json) in ") and "none" in err


def test_listing_in_english_and_korean(tmp_path, capsys):
    write(tmp_path, "01_a.json", good(1))
    status, lines, _ = run(capsys, "--folder", tmp_path)
    assert status == 0 and lines == [" 1 basics       XOR by hand"]
    status, lines, _ = run(capsys, "--folder", tmp_path, "--lang", "ko")
    assert lines == [" 1 basics       손으로 푸는 XOR"]
    write(tmp_path, "02_bad.json", lesson(concept=2, group="misc"))
    status, lines, _ = run(capsys, "--folder", tmp_path)
    assert status == 1 and lines[1] == ("   02_bad.json: group: expected one of basics, losses, "
                                        "optimisation, cnns, got 'misc'")


def test_main_py_routes_the_lessons_word(tmp_path):
    write(tmp_path, "01_a.json", good(1))
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "lessons", "--folder",
                           str(tmp_path), "--verify"], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["PASS 1 XOR by hand", "lessons: 1/1 verified"]


def test_a_crash_while_running_one_lesson_fails_that_lesson_alone(tmp_path, capsys,
                                                                   monkeypatch):
    write(tmp_path, "01_a.json", good(1))
    write(tmp_path, "02_b.json", good(2))
    real = __import__("engine.cli.lessons", fromlist=["verify_lesson"]).verify_lesson

    def crash_on_one(lesson, **kwargs):
        if lesson.concept == 1:
            raise RuntimeError("boom")
        return real(lesson, **kwargs)
    monkeypatch.setattr("engine.cli.lessons.verify_lesson", crash_on_one)
    status, lines, _ = run(capsys, "--folder", tmp_path, "--verify")
    assert status == 1
    assert lines == ["FAIL 1 XOR by hand: internal problem (RuntimeError: boom); this is a "
                     "bug in Netwright", "PASS 2 XOR by hand", "lessons: 1/2 verified"]


def test_hostile_files_are_fail_lines(tmp_path, capsys):
    (tmp_path / "03_dir.json").mkdir()
    write(tmp_path, "05_deep.json", "[" * 100000 + "]" * 100000)
    write(tmp_path, "06_inf.json", '{"format": "netwright-lesson", "version": 1e400}')
    named = good(7)
    named["title"]["en"] = "T\x1b]0;evil\x07"
    write(tmp_path, "07_escape.json", named)
    status, lines, err = run(capsys, "--folder", tmp_path, "--verify")
    assert status == 1 and err == ""
    assert lines == ["FAIL 03_dir.json: cannot read: Is a directory",
                     "FAIL 05_deep.json: is nested too deeply to be a lesson file",
                     "FAIL 06_inf.json: version: expected a whole number from 1 to 1, got inf",
                     "PASS 7 T\\x1b]0;evil\\x07", "lessons: 1/4 verified"]

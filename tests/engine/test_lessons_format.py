"""Reading lesson files: a valid one becomes dataclasses; every problem is a LessonError
naming the file and the field, never another exception."""
from __future__ import annotations

import pytest

from engine.lessons.format import (GROUPS, TABS, VIEW_KEYS, Lesson, LessonError, Recorded,
                                   load_lesson, load_lessons, parse_lesson)
from tests.engine.lesson_docs import check, lesson, step, text, write


def error_of(data, file: str = "13_vanishing_gradients.json") -> str:
    with pytest.raises(LessonError) as e:
        parse_lesson(data, file)
    return str(e.value)


def test_a_valid_lesson_reads_into_its_parts(tmp_path):
    data = lesson(concept=13, steps=[
        step(actions=[{"do": "open_example", "example": "circles_deep_sigmoid"},
                      {"do": "show", "tab": "Backprop", "view": "health"}],
             check=check("grad_norm_ratio", value=100, nodes=["out", "h1"],
                         after={"epochs": 1})),
        step(edits=[{"do": "replace_node", "node": "a1", "type": "ReLU"}],
             record={"as": "relu_acc", "metric": "val_accuracy", "after": {"epochs": 5}}),
        step(check=check(value={"recorded": "relu_acc", "times": 0.9}, after={"steps": 40}))])
    got = load_lesson(write(tmp_path, "13_vanishing_gradients.json", data))
    assert isinstance(got, Lesson) and got.concept == 13 and got.file == "13_vanishing_gradients.json"
    assert got.title("en") == "XOR by hand" and got.title("ko") == "손으로 푸는 XOR"
    first, second, third = got.steps
    assert [s.number for s in got.steps] == [1, 2, 3]
    assert first.actions[1].tab == "Backprop" and first.actions[1].view == "health"
    assert first.check.nodes == ("out", "h1") and first.check.after.count == 1
    assert second.edits[0].type == "ReLU" and second.record.name == "relu_acc"
    assert third.check.value == Recorded("relu_acc", 0.9) and third.check.after.unit == "steps"
    assert first.check.says.get("ko") == "주장" and first.check.says.get("fr") == "a claim"


@pytest.mark.parametrize("change, where", [
    (lambda d: d["steps"][0]["check"].update(op="=<"),
     "steps[0].check.op: expected one of <, <=, >, >=, ==, !=, got '=<'"),
    (lambda d: d.update(group="misc"), "group: expected one of basics, losses"),
    (lambda d: d.update(concept=22), "concept: expected a whole number from 1 to 21"),
    (lambda d: d.update(concept=12), "concept: 12 does not match the file name's number 13"),
    (lambda d: d["title"].pop("ko"), "title.ko: is missing"),
    (lambda d: d["explanation"]["idea"].update(en=""), "explanation.idea.en: expected a non-empty"),
    (lambda d: d.update(steps=[]), "steps: expected 1 to 12 entries, got 0"),
    (lambda d: d["steps"][0].update(chek={}), "steps[0]: unknown field 'chek'"),
    (lambda d: d["steps"][0]["check"].pop("after"), "steps[0].check.after: a run metric"),
    (lambda d: d["steps"][0]["check"].update(metric="accuracy"),
     "steps[0].check.metric: expected one of train_loss"),
    (lambda d: d["steps"][0]["check"].update(after={"epochs": 0}),
     "steps[0].check.after.epochs: expected a whole number of at least 1, got 0"),
    (lambda d: d["steps"][0]["check"].update(after={"hours": 1}),
     "steps[0].check.after: unknown field 'hours'"),
    (lambda d: d["steps"][0]["check"].update(value="high"),
     "steps[0].check.op: >= compares numbers"),
    (lambda d: d["steps"][0]["check"].update(value={"recorded": "nope"}),
     "steps[0].check.value.recorded: no earlier step records 'nope'"),
    (lambda d: d["steps"][0].update(actions=[{"do": "show", "tab": "Weights"}]),
     "steps[0].actions[0].tab: expected one of Curves, Layer, Data, Backprop, got 'Weights'"),
    (lambda d: d["steps"][0].update(actions=[{"do": "show", "tab": "Layer", "view": "x"}]),
     "steps[0].actions[0].view: expected one of loss"),
    (lambda d: d["steps"][0].update(actions=[{"do": "open_race", "optimizers": ["adamw2"]}]),
     "steps[0].actions[0].optimizers[0]: unknown optimizer 'adamw2'"),
    (lambda d: d["steps"][0].update(edits=[{"do": "replace_node", "node": "a1",
                                            "type": "Relu"}]),
     "steps[0].edits[0].type: unknown layer type 'Relu'"),
    (lambda d: d["steps"][0].update(edits=[{"do": "set_training", "field": "optimiser.lr",
                                            "value": 1}]),
     "steps[0].edits[0].field: 'optimiser.lr' is not in the training section"),
    (lambda d: d["steps"][0].update(check=check("param", node="h1", param="units", value=4,
                                                after={"epochs": 1})),
     "steps[0].check.after: param is read from the network"),
    (lambda d: d["steps"][0].update(check=check("grad_norm", after={"epochs": 1})),
     "steps[0].check.node: is missing"),
])
def test_each_problem_names_the_file_and_the_field(change, where):
    data = lesson(concept=13)
    change(data)
    assert error_of(data) == f"13_vanishing_gradients.json: {where}" or \
        error_of(data).startswith(f"13_vanishing_gradients.json: {where}")


def test_another_format_or_a_newer_version_is_refused_clearly():
    assert "not a Netwright lesson" in error_of(lesson(format="netwright-network"))
    assert "version 2 is newer than this Netwright reads (1)" in error_of(lesson(version=2))


@pytest.mark.parametrize("content, says", [
    ("", "is empty"), ("{", "ends unexpectedly"), ("[1, 2]", "expected an object"),
    (b"\xff\xfe\x00", "not UTF-8 text"), ('{"a": 1, "a": 2}', "twice"),
])
def test_an_unreadable_file_is_a_lesson_error(tmp_path, content, says):
    path = tmp_path / "05_bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(LessonError) as e:
        load_lesson(path)
    assert "05_bad.json" in str(e.value) and says in str(e.value)


def test_load_lessons_sorts_by_file_and_keeps_bad_files_as_errors(tmp_path):
    write(tmp_path, "12_b.json", lesson(concept=12))
    write(tmp_path, "02_a.json", lesson(concept=2))
    write(tmp_path, "07_broken.json", "{not json")
    write(tmp_path, "09_unnumbered.json", lesson(concept=3))
    got = load_lessons(tmp_path)
    assert [getattr(x, "concept", None) for x in got] == [2, None, None, 12]
    assert [x.file for x in got] == ["02_a.json", "07_broken.json", "09_unnumbered.json",
                                     "12_b.json"]
    assert isinstance(got[1], LessonError) and isinstance(got[2], LessonError)


def test_vocabularies_hold_what_the_format_names():
    assert GROUPS == ("basics", "losses", "optimisation", "cnns")
    assert TABS == ("Curves", "Layer", "Data", "Backprop")
    assert {"health", "grad_norms", "boundary", "conv_by_hand", "sample_pass"} <= set(VIEW_KEYS)
    assert text()["ko"]

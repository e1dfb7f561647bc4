"""Evaluating checks: waiting until the run has done enough, then pass or fail with one true
sentence; what cannot be measured is a fail naming it, never an exception."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.lessons.checks import FAIL, PASS, WAITING, compare, evaluate
from engine.lessons.fields import Fields
from engine.lessons.parts import parse_check
from engine.lessons.record import RunRecord
from engine.training.messages import EpochEvent
from tests.engine.lesson_docs import check

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
XOR = json.loads((EXAMPLES / "xor_mlp.nw.json").read_text())
SINE = json.loads((EXAMPLES / "sine_regression.nw.json").read_text())


def parsed(**kw):
    return parse_check(Fields("t.json", "check", check(**kw)))


def epoch(n: int, val_accuracy=0.81, val_loss=0.4, grads=None, lr=0.03) -> EpochEvent:
    return EpochEvent(epoch=n, step=n * 10, train_loss=0.5, val_loss=val_loss,
                      metrics={"train_accuracy": 0.8, "val_accuracy": val_accuracy},
                      grad_norms=grads or {"h1": 0.002, "out": 0.5}, weight_stats={},
                      lr=lr, next_lr=lr)


def run_of(*events: EpochEvent) -> RunRecord:
    record = RunRecord()
    for e in events:
        record.add_epoch(e)
    return record


def test_a_run_check_waits_until_its_after_then_says_what_it_measured():
    c = parsed(value=0.95, after={"epochs": 5})
    assert evaluate(c, None, XOR).state == WAITING
    assert evaluate(c, run_of(epoch(4)), XOR).state == WAITING
    result = evaluate(c, run_of(epoch(5)), XOR)
    assert (result.state, result.measured) == (FAIL, 0.81)
    assert result.text == "val_accuracy 0.81, needs ≥ 0.95 (after 5 epochs)"
    result = evaluate(c, run_of(epoch(6, val_accuracy=0.97)), XOR)
    assert result.state == PASS and result.text == "val_accuracy 0.97 ≥ 0.95 (after 6 epochs)"


def test_gradient_norm_ratio_and_a_recorded_value():
    ratio = parsed(metric="grad_norm_ratio", nodes=["out", "h1"], value=100,
                   after={"epochs": 1})
    result = evaluate(ratio, run_of(epoch(1)), XOR)
    assert result.state == PASS and result.measured == pytest.approx(250)
    assert result.text.startswith("grad_norm_ratio out/h1 250 ≥ 100")
    c = parsed(metric="val_loss", op="<", value={"recorded": "sgd", "times": 0.5},
               after={"epochs": 1})
    result = evaluate(c, run_of(epoch(1, val_loss=0.4)), XOR, {"sgd": 0.6})
    assert result.state == FAIL
    assert result.text == "val_loss 0.4, needs < 0.5 × sgd (0.6) = 0.3 (after 1 epoch)"
    assert evaluate(c, run_of(epoch(1)), XOR, {}).state == FAIL


@pytest.mark.parametrize("kw, network, says", [
    (dict(metric="grad_norm", node="h9", value=1, after={"epochs": 1}), XOR,
     "the network has no node 'h9'"),
    (dict(metric="grad_norm", node="a1", value=1, after={"epochs": 1}), XOR,
     "node 'a1' has no weights, so no gradient norm"),
    (dict(metric="val_rmse", op="<", value=1, after={"epochs": 1}), XOR,
     "val_rmse is not measured on a classification task"),
    (dict(metric="param", node="h1", param="colour", op="==", value=1), XOR,
     "node 'h1' (Dense) has no parameter 'colour'"),
    (dict(metric="training", field="optimizer.nesterov", op="==", value=1), XOR,
     "the training section has no setting 'optimizer.nesterov'"),
])
def test_what_cannot_be_measured_fails_naming_it(kw, network, says):
    result = evaluate(parsed(**kw), run_of(epoch(1)), network)
    assert (result.state, result.text) == (FAIL, says)


def test_no_validation_split_is_said_not_crashed():
    c = parsed(metric="val_loss", op="<", value=1, after={"epochs": 1})
    result = evaluate(c, run_of(epoch(1, val_loss=None)), XOR)
    assert result.state == FAIL and "no validation split" in result.text


def test_document_metrics_need_no_run():
    assert evaluate(parsed(metric="param", node="h1", param="units", op="==", value=4),
                    None, XOR).state in (PASS, FAIL)
    units = XOR["nodes"][1]["params"]["units"]
    assert evaluate(parsed(metric="param", node="h1", param="units", op="==", value=units),
                    None, XOR).state == PASS
    shape = evaluate(parsed(metric="shape", node="h1", op="==", value=[units]), None, XOR)
    assert shape.state == PASS and shape.measured == [units]
    total = evaluate(parsed(metric="param_count", op=">", value=0), None, XOR)
    assert total.state == PASS and total.measured == 2 * units + units + units + 1
    lr = evaluate(parsed(metric="training", field="optimizer.lr", op="==", value=0.03),
                  None, XOR)
    assert lr.state == PASS and lr.text == "training.optimizer.lr 0.03 = 0.03"
    sgd = dict(XOR, training=dict(XOR["training"], optimizer={"name": "sgd", "lr": 0.1}))
    momentum = evaluate(parsed(metric="training", field="optimizer.momentum", op="==",
                               value=0), None, sgd)
    assert momentum.state == PASS        # left out of the file: the registry's default


def test_regression_metrics_and_loss_std():
    record = RunRecord()
    for i, loss in enumerate([1.0, 3.0, 1.0, 3.0], start=1):
        record.add_step(i, 1, loss)
    record.add_epoch(EpochEvent(1, 4, 2.0, 2.1, {"train_rmse": 1.0, "val_rmse": 1.2,
                                                  "train_r2": 0.1, "val_r2": 0.0},
                                {"h1": 1.0}, {}, 0.01, 0.01))
    std = evaluate(parsed(metric="step_loss_std", op=">", value=0.5, after={"epochs": 1}),
                   record, SINE)
    assert std.state == PASS and std.measured == pytest.approx(1.0)
    acc = evaluate(parsed(metric="val_accuracy", value=0.5, after={"epochs": 1}), record, SINE)
    assert acc.text == "val_accuracy is not measured on a regression task"


def test_record_keeps_only_the_epochs_a_check_reads():
    record = RunRecord()
    record.add_steps([1, 2, 3, 4], [1, 1, 2, 2], [1.0, 2.0, 5.0, 5.0])
    assert record.step_loss_std() != record.step_loss_std()     # NaN: no epoch ended
    record.add_epoch(epoch(1))
    assert record.latest_step_losses() == [1.0, 2.0]
    record.add_epoch(epoch(2))
    assert record.latest_step_losses() == [5.0, 5.0] and list(record._losses) == [2]
    assert record.epochs_done == 2 and record.steps_done == 20


@pytest.mark.parametrize("value, op, target, holds", [
    (1.0, "==", 1.0 + 1e-9, True), (1.0, "!=", 1.0 + 1e-9, False), (1.0, "==", 1.001, False),
    (0.5, "<", 0.6, True), ("adam", "==", "adam", True), ([4], "==", [4], True),
    ((4,), "==", [4], True), ("adam", "<", "b", None), (float("nan"), ">", 0, None),
])
def test_compare(value, op, target, holds):
    assert compare(value, op, target) is holds

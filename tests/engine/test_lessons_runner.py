"""The headless runner: trains what the steps ask for with the window's seed, continues a
run while the network is unchanged, and turns every problem into a FAIL reason."""
from __future__ import annotations

import json

import pytest

from engine.lessons.format import parse_lesson
from engine.lessons.runner import EXAMPLES_DIR, verify_lesson
from tests.engine.lesson_docs import check, lesson, step


def verify(*steps, example="xor_mlp"):
    return verify_lesson(parse_lesson(lesson(list(steps), example=example), "01_t.json"))


def acc_step(after, op=">=", value=0.0, **more):
    return step(check=check("val_accuracy", op, value, after=after), **more)


def test_a_true_claim_passes_after_training_exactly_that_far():
    verdict = verify(acc_step({"epochs": 2}))
    assert verdict.passed and verdict.epochs_trained == 2
    assert verdict.line() == "PASS 1 XOR by hand" and verdict.line("ko") == "PASS 1 손으로 푸는 XOR"


def test_unchanged_network_continues_the_run():
    verdict = verify(acc_step({"epochs": 1}), acc_step({"epochs": 3}))
    assert verdict.passed and verdict.epochs_trained == 3


def test_a_step_asking_for_where_the_run_stands_trains_nothing_more():
    verdict = verify(acc_step({"epochs": 2}), acc_step({"epochs": 2}))
    assert verdict.passed and verdict.epochs_trained == 2


def test_an_earlier_after_on_a_run_already_past_it_trains_afresh():
    verdict = verify(acc_step({"epochs": 3}), acc_step({"epochs": 1}))
    assert verdict.passed and verdict.epochs_trained == 4


def test_steps_after_is_read_at_the_first_epoch_end_past_it():
    # xor_mlp: 320 training examples in batches of 32 = 10 steps an epoch
    verdict = verify(acc_step({"steps": 15}))
    assert verdict.passed and verdict.epochs_trained == 2


def test_an_edit_starts_a_fresh_run_with_the_files_seed():
    """Same seed after an edit that changes nothing the first epochs see: same numbers."""
    record = {"as": "first", "metric": "val_loss", "after": {"epochs": 2}}
    again = step(edits=[{"do": "set_training", "field": "epochs", "value": 50}],
                 check=check("val_loss", "==", {"recorded": "first"}, after={"epochs": 2}))
    verdict = verify(step(record=record), again)
    assert verdict.passed, verdict.reason
    assert verdict.epochs_trained == 4


def test_the_runner_measures_what_the_windows_train_would():
    """The window's Train (gui TrainerFactory, seed offset 0 after opening) gives the
    numbers the runner checks: a claim verified headless is what the learner sees."""
    run_setup = pytest.importorskip("gui.training.run_setup")
    doc = json.loads((EXAMPLES_DIR / "xor_mlp.nw.json").read_text())
    trainer = run_setup.TrainerFactory().make(doc, 0, EXAMPLES_DIR)
    trainer.epochs = 2
    for _ in trainer.run():
        pass
    seen = trainer.history[-1]["val_loss"]
    verdict = verify(step(check=check("val_loss", "==", seen, after={"epochs": 2})))
    assert verdict.passed, verdict.reason


@pytest.mark.parametrize("steps, example, reason", [
    ([acc_step({"epochs": 1}, "<", 0.0)], "xor_mlp",
     "step 1: val_accuracy "),
    ([step(check=check("grad_norm", value=1, node="h7", after={"epochs": 1}))], "xor_mlp",
     "step 1: the network has no node 'h7'"),
    ([acc_step({"epochs": 1})], "no_such_example", "example 'no_such_example' not found"),
    ([acc_step({"epochs": 500})], "xor_mlp",
     "step 1: val_accuracy after 500 epochs: the run ended after 100 epochs (training.epochs "
     "is 100)"),
    ([step(actions=[{"do": "select_node", "node": "zz"}])], "xor_mlp",
     "step 1: select_node: the network has no node 'zz'"),
    ([step(edits=[{"do": "bypass_node", "node": "zz"}])], "xor_mlp",
     "step 1: edits[0] (bypass_node 'zz'): the network has no node 'zz'"),
    ([step(edits=[{"do": "replace_node", "node": "h1", "type": "Add"}])], "xor_mlp",
     "step 1: after the edits the network has a problem"),
    ([acc_step({"epochs": 2}, edits=[{"do": "set_training", "field": "optimizer.lr",
                                      "value": 1e9}])], "xor_mlp",
     "step 1: val_accuracy after 2 epochs: the run diverged"),
    ([step(actions=[{"do": "open_example", "example": "sine_regression"}]),
      acc_step({"epochs": 1})], "xor_mlp",
     "step 2: val_accuracy is not measured on a regression task"),
])
def test_a_failing_step_is_a_reason_not_an_exception(steps, example, reason):
    verdict = verify(*steps, example=example)
    assert not verdict.passed and verdict.reason.startswith(reason), verdict.reason
    assert verdict.line().startswith(f"FAIL 1 XOR by hand: {reason}")

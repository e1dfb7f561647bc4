"""TrainerProcess: a Trainer computed in a child process gives the same events and weights as
one in this process, obeys the same controls, and reports its failures as TrainingErrors."""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from pathlib import Path

import numpy as np
import pytest

from engine.errors import TrainingError
from engine.training.messages import ProbeEvent, ProbeRequest, StepEvent
from engine.graph.network import Network
from engine.training.process import TrainerProcess
from engine.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
WAIT_S = 30


def xor(epochs: int = 5) -> Network:
    net = Network.load(EXAMPLES / "xor_mlp.nw.json")
    net.set_training({**net.training, "epochs": epochs})
    return net


def steps(events) -> list[tuple]:
    """What a step says, without the measured throughput."""
    return [(e.step, e.epoch, e.loss, e.lr) for e in events if isinstance(e, StepEvent)]


def wait_for(condition) -> None:
    done = threading.Event()
    for _ in range(WAIT_S * 100):
        if condition():
            return
        done.wait(0.01)
    raise AssertionError("timed out")


class Consumer:
    """Iterates a run in a thread of its own, as the GUI's worker does."""

    def __init__(self, trainer):
        self.events: list = []
        self.error: Exception | None = None
        self.thread = threading.Thread(target=self._consume, args=(trainer,), daemon=True)
        self.thread.start()

    def _consume(self, trainer) -> None:
        try:
            for event in trainer.run():
                self.events.append(event)
        except Exception as e:         # noqa: BLE001 -- the test looks at it
            self.error = e

    def join(self) -> None:
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive()


@pytest.fixture
def process():
    made = []

    def make(trainer):
        made.append(TrainerProcess(trainer))
        return made[-1]
    yield make
    for p in made:
        p.close()
    assert not multiprocessing.active_children()


def test_a_run_in_the_process_equals_the_run_in_this_one(process):
    here = Trainer(xor())
    expected = list(here.run())
    proc = process(Trainer(xor()))
    got = list(proc.run())
    assert steps(got) == steps(expected) and len(steps(got)) == here.step
    assert got[-1] == expected[-1]                      # FinishedEvent with its metrics
    assert [type(e) for e in got] == [type(e) for e in expected]
    for key, value in here.model.state_dict().items():  # the local Trainer took the weights
        np.testing.assert_array_equal(proc.model.state_dict()[key], value)
    assert proc.step == here.step and proc.history == here.history


def test_pause_step_resume_stop_and_continue_give_the_uninterrupted_run(process):
    expected = steps(Trainer(xor(epochs=100)).run())
    proc = process(Trainer(xor(epochs=100)))
    assert proc.model_step == 0                         # the weights the window can show
    proc.step_once()                                    # given before the child starts
    run = Consumer(proc)
    assert proc.wait_until_paused(WAIT_S) and proc.step == 1
    proc.step_once()
    assert proc.wait_until_paused(WAIT_S) and proc.step == 2 == proc.model_step
    before = proc.model.state_dict()["h1.weight"].copy()
    proc.resume()
    wait_for(lambda: proc.step > 10)
    proc.pause()
    assert proc.wait_until_paused(WAIT_S)
    assert steps(run.events) == expected[:proc.step]   # nothing held back at the pause
    assert not np.array_equal(proc.model.state_dict()["h1.weight"], before)
    proc.stop()
    run.join()
    assert run.events[-1].reason == "stopped"
    rest = Consumer(proc)                               # Train again continues the run
    rest.join()
    assert steps(run.events) + steps(rest.events) == expected
    assert rest.events[-1].reason == "completed"


def test_pause_at_pauses_at_that_step_with_a_probe_of_it(process):
    for trainer in (Trainer(xor()), process(Trainer(xor()))):
        trainer.set_probes(ProbeRequest(nodes=("h1",), every_ms=60_000))
        trainer.pause_at(37)
        run = Consumer(trainer)
        assert trainer.wait_until_paused(WAIT_S)
        assert trainer.step == 37 and steps(run.events)[-1][0] == 37
        assert isinstance(run.events[-1], ProbeEvent) and run.events[-1].step == 37
        trainer.stop()
        run.join()


def test_learning_rate_and_probe_requests_are_checked_here_and_used_there(process):
    proc = process(Trainer(xor()))
    with pytest.raises(ValueError, match="positive"):
        proc.set_lr(-1)
    with pytest.raises(ValueError):
        proc.set_probes(ProbeRequest(nodes=("nope",)))
    proc.set_lr(0.005)
    proc.pause_at(3)
    run = Consumer(proc)
    assert proc.wait_until_paused(WAIT_S)
    assert [s[3] for s in steps(run.events)] == pytest.approx([0.005] * 3)
    assert proc.lr == pytest.approx(0.005)
    proc.stop()
    run.join()


def test_gradient_norms_come_from_the_child(process):
    proc = process(Trainer(xor()))
    assert proc.grad_norms() == {}
    proc.pause_at(5)
    run = Consumer(proc)
    assert proc.wait_until_paused(WAIT_S)
    norms = proc.grad_norms()
    assert set(norms) == {"h1", "out"} and all(v > 0 for v in norms.values())
    proc.stop()
    run.join()


def test_an_error_in_the_child_is_a_training_error_here(process):
    from tests.trainers import BrokenStepTrainer
    proc = process(BrokenStepTrainer(xor()))
    run = Consumer(proc)
    run.join()
    assert isinstance(run.error, TrainingError) and "boom in the training step" in str(run.error)


def test_a_child_that_dies_ends_the_run_with_a_training_error(process):
    proc = process(Trainer(xor(epochs=100_000)))
    run = Consumer(proc)
    threading.Event().wait(0.3)
    os.kill(proc.child_pid, signal.SIGKILL)
    run.join()
    assert isinstance(run.error, TrainingError) and "ended unexpectedly" in str(run.error)


def test_closing_the_run_early_or_the_process_ends_the_child(process):
    proc = process(Trainer(xor(epochs=100_000)))
    run = proc.run()
    assert isinstance(next(run), StepEvent)
    run.close()                                         # the consumer gave up on the run
    assert not multiprocessing.active_children()
    with pytest.raises(TrainingError, match="closed"):
        next(proc.run())
    idle = process(Trainer(xor()))
    idle.close()
    idle.close()                                        # twice is fine; never started


def test_events_arrive_in_chunks_marked_at_their_end(process):
    proc = process(Trainer(xor()))
    marks = [proc.caught_up for _event in proc.run()]
    assert marks[-1] and not all(marks)                 # several steps per chunk
    assert Trainer.caught_up                            # a plain Trainer never holds any back


def test_the_training_process_leaves_the_other_core_to_the_window(process):
    from tests.trainers import BlasThreadsTrainer
    run = Consumer(process(BlasThreadsTrainer(xor())))
    run.join()
    assert "blas threads [1]" in str(run.error)

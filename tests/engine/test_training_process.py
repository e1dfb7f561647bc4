"""TrainingProcess: a run computed in a child process gives the same steps and weights as one
in this process, answers pause / step / stop with a message, and reports failures as Failed."""
from __future__ import annotations

import multiprocessing
import os
import signal
from pathlib import Path

import numpy as np
import pytest

from engine.graph.network import Network
from engine.training.messages import (DivergedEvent, Ended, EpochEvent, Failed, Paused,
                                      ProbeEvent, ProbeRequest, StepChunk, StepEvent)
from engine.training.process import TrainingProcess
from engine.training.trainer import Trainer

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
WAIT_S = 60


def xor(epochs: int = 5) -> Network:
    net = Network.load(EXAMPLES / "xor_mlp.nw.json")
    net.set_training({**net.training, "epochs": epochs})
    return net


def expected_steps(epochs: int) -> list[tuple]:
    return [(e.step, e.epoch, e.loss, e.lr) for e in Trainer(xor(epochs)).run()
            if isinstance(e, StepEvent)]


def chunk_steps(messages) -> list[tuple]:
    return [row for m in messages if isinstance(m, StepChunk)
            for row in zip(m.steps.tolist(), m.epochs.tolist(), m.losses.tolist(),
                           m.lrs.tolist())]


def until(proc: TrainingProcess, kind) -> list:
    """Messages up to and including the first of ``kind`` (a current Paused, for Paused)."""
    got = []
    while True:
        assert proc._conn.poll(WAIT_S), f"no {kind.__name__} within {WAIT_S} s"
        for message in proc.receive():
            got.append(message)
            if isinstance(message, kind) and (kind is not Paused or proc.is_current(message)):
                return got
            assert not isinstance(message, Failed), message.text


def test_a_run_in_the_process_equals_the_run_in_this_one(process):
    here = Trainer(xor())
    expected = list(here.run())
    proc = process(Trainer(xor()))
    proc.run()
    got = list(proc.messages(WAIT_S))
    assert chunk_steps(got) == [(e.step, e.epoch, e.loss, e.lr) for e in expected
                                if isinstance(e, StepEvent)]
    ends = [e for m in got if isinstance(m, StepChunk) for e in m.epoch_ends]
    assert ends == [e for e in expected if isinstance(e, EpochEvent)]
    assert isinstance(got[-1], Ended) and got[-1].finished == expected[-1]
    for key, value in here.model.state_dict().items():  # the local Trainer took the weights
        np.testing.assert_array_equal(proc.trainer.model.state_dict()[key], value)
    assert proc.step == proc.model_step == here.step
    assert proc.trainer.history == here.history


def test_steps_come_in_few_chunks_each_with_the_last_steps_gradient_norms(process):
    proc = process(Trainer(xor(epochs=30)))
    proc.run()
    chunks = [m for m in proc.messages(WAIT_S) if isinstance(m, StepChunk)]
    assert len(chunks) < sum(len(c.steps) for c in chunks) / 5
    assert all(set(c.grad_norms) == {"h1", "out"} for c in chunks if len(c.steps))


def test_pause_step_resume_stop_and_continue_give_the_uninterrupted_run(process):
    expected = expected_steps(100)
    proc = process(Trainer(xor(epochs=100)))
    proc.step_once()                                    # given before the child starts
    proc.run()
    got = until(proc, Paused)
    assert proc.step == proc.model_step == 1 and got[-1].step == 1
    assert "history" not in got[-1].state      # sent epoch by epoch, not at every pause
    before = proc.trainer.model.state_dict()["h1.weight"].copy()
    proc.step_once()                                    # answered by its chunk and a Paused
    got += until(proc, Paused)
    assert proc.model_step == 2
    assert not np.array_equal(proc.trainer.model.state_dict()["h1.weight"], before)
    proc.resume()
    while proc.step <= 10:
        got += until(proc, StepChunk)
    proc.pause()
    got += until(proc, Paused)
    assert chunk_steps(got) == expected[:proc.step]    # nothing held back at the pause
    proc.stop()
    got += until(proc, Ended)
    assert got[-1].finished.reason == "stopped"
    proc.run()                                          # Train again continues the run
    rest = list(proc.messages(WAIT_S))
    assert chunk_steps(got) + chunk_steps(rest) == expected
    assert rest[-1].finished.reason == "completed"


def test_a_stale_pause_is_recognised_after_a_resume(process):
    proc = process(Trainer(xor(epochs=100_000)))
    proc.pause_at(3)
    proc.run()
    paused = until(proc, Paused)[-1]
    proc.resume()
    assert not proc.is_current(paused)


def test_pause_at_pauses_at_that_step_with_a_probe_of_it(process):
    proc = process(Trainer(xor()))
    proc.set_probes(ProbeRequest({"nodes": ("h1",)}, every_ms=60_000))
    proc.pause_at(37)
    proc.run()
    got = until(proc, Paused)
    assert got[-1].step == 37 == chunk_steps(got)[-1][0]
    probe = got[-2]
    assert isinstance(probe, ProbeEvent) and probe.step == 37


def test_a_probe_asked_for_while_paused_is_answered_at_once(process):
    proc = process(Trainer(xor()))
    proc.pause_at(5)
    proc.run()
    until(proc, Paused)
    proc.set_probes(ProbeRequest({"nodes": ("h1",)}, every_ms=60_000))
    got = until(proc, ProbeEvent)
    assert got[-1].step == 5 and "h1" in got[-1].get("nodes").activations


def test_learning_rate_and_probe_requests_are_checked_here_and_used_there(process):
    proc = process(Trainer(xor()))
    with pytest.raises(ValueError, match="positive"):
        proc.set_lr(-1)
    with pytest.raises(ValueError):
        proc.set_probes(ProbeRequest({"nodes": ("nope",)}))
    proc.set_lr(0.005)
    proc.pause_at(3)
    proc.run()
    got = until(proc, Paused)
    assert [s[3] for s in chunk_steps(got)] == pytest.approx([0.005] * 3)
    assert proc.lr == pytest.approx(0.005)


def test_an_error_in_the_child_ends_the_run_with_failed(process):
    from tests.trainers import BrokenStepTrainer
    proc = process(BrokenStepTrainer(xor()))
    proc.run()
    last = list(proc.messages(WAIT_S))[-1]
    assert isinstance(last, Failed) and "boom in the training step" in last.text


def test_a_child_that_dies_ends_the_run_with_failed(process):
    proc = process(Trainer(xor(epochs=100_000)))
    proc.run()
    until(proc, StepChunk)
    os.kill(proc.child_pid, signal.SIGKILL)
    last = list(proc.messages(WAIT_S))[-1]
    assert isinstance(last, Failed) and "ended unexpectedly (killed by signal 9)" in last.text
    assert proc.fileno() is None and proc.receive() == []


def test_closing_ends_the_child_and_refuses_another_run(process):
    proc = process(Trainer(xor(epochs=100_000)))
    proc.run()
    until(proc, StepChunk)
    proc.close()
    assert not multiprocessing.active_children()
    with pytest.raises(Exception, match="closed"):
        proc.run()
    idle = process(Trainer(xor()))
    idle.close()
    idle.close()                                        # twice is fine; never started


def test_a_divergence_arrives_after_its_steps_and_ends_the_run(process):
    from tests.engine.test_training import sine_net
    proc = process(Trainer(sine_net(epochs=50, optimizer={"name": "sgd", "lr": 50.0})))
    proc.run()
    got = list(proc.messages(WAIT_S))
    diverged = [m for m in got if isinstance(m, DivergedEvent)]
    assert len(diverged) == 1 and got[-1].finished.reason == "diverged"
    assert all(s[0] < diverged[0].step for s in chunk_steps(got))


def test_the_training_process_leaves_the_other_core_to_the_window(process):
    from tests.trainers import BlasThreadsTrainer
    proc = process(BlasThreadsTrainer(xor()))
    proc.run()
    assert "blas threads [1]" in list(proc.messages(WAIT_S))[-1].text



def test_where_there_is_no_fork_server_the_child_is_spawned(process, monkeypatch):
    """Windows and macOS start children with spawn: the same run, the same messages."""
    import engine.training.process as module
    monkeypatch.setattr(module, "_HAS_FORKSERVER", False)
    proc = process(Trainer(xor(epochs=2)))
    proc.run()
    got = list(proc.messages(WAIT_S))
    assert chunk_steps(got) == expected_steps(2) and got[-1].finished.reason == "completed"


def test_gradient_norms_are_sampled_every_few_steps_from_the_first(process):
    """The norms were sent once per chunk (the last step's): a run's plot had 5-12
    points. Now a few hundred samples per run, whatever the chunk rate."""
    from engine.training.process import NORM_SAMPLES, norm_interval
    assert norm_interval(1) == 1 and norm_interval(NORM_SAMPLES) == 1
    assert norm_interval(NORM_SAMPLES + 1) == 2 and norm_interval(10 * NORM_SAMPLES) == 10
    trainer = Trainer(xor(epochs=100))                  # 10 batches: 1,000 steps, every 4th
    every = norm_interval(trainer.n_batches * trainer.epochs)
    proc = process(trainer)
    proc.run()
    chunks = [m for m in proc.messages(WAIT_S) if isinstance(m, StepChunk)]
    sampled = np.concatenate([c.norm_steps for c in chunks])
    np.testing.assert_array_equal(sampled, np.arange(1, 1001, every))
    assert every == 4 and len(sampled) == 250
    for c in chunks:
        assert set(c.norm_series) == ({"h1", "out"} if len(c.norm_steps) else set())
        assert all(len(v) == len(c.norm_steps) and (v > 0).all()
                   for v in c.norm_series.values())
    here = Trainer(xor(epochs=100))                     # the same norms as in this process
    for event in here.run():
        if isinstance(event, StepEvent) and event.step == 5:
            expected = here.grad_norms()
            break
    first = next(c for c in chunks if 5 in c.norm_steps)
    at = list(first.norm_steps).index(5)
    assert {k: v[at] for k, v in first.norm_series.items()} == pytest.approx(expected)

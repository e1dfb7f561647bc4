"""Checkpoints: a resumed run continues exactly where the interrupted one stopped."""
import numpy as np
import pytest

from engine.training.checkpoint import read_checkpoint, write_checkpoint
from engine.errors import TrainingError
from engine.training.messages import EpochEvent, FinishedEvent, StepEvent
from engine.training.trainer import Trainer
from tests.engine.test_training import mlp_net

# Dropout draws random masks, Adam has moments, the step schedule has an epoch counter:
# all of it has to come back for the weights to be bitwise equal.
SETTINGS = dict(epochs=4, dropout=True, scheduler={"name": "step", "step_size": 1, "gamma": 0.7})


def step_losses(events):
    return [e.loss for e in events if isinstance(e, StepEvent)]


def run_until_step(trainer, step):
    """Run to ``step`` and leave the generator suspended there, like an interrupted run."""
    events = []
    gen = trainer.run()
    for event in gen:
        events.append(event)
        if isinstance(event, StepEvent) and event.step == step:
            return gen, events
    raise AssertionError(f"the run ended before step {step}")


@pytest.mark.parametrize("stop_at", [17, 20])     # mid-epoch; last batch before the epoch ends
def test_resumed_run_equals_an_uninterrupted_run_bitwise(tmp_path, stop_at):
    whole = Trainer(mlp_net(**SETTINGS))
    whole_events = list(whole.run())

    first = Trainer(mlp_net(**SETTINGS))
    gen, first_events = run_until_step(first, stop_at)
    first.save_checkpoint(tmp_path / "run.ckpt.npz")
    gen.close()

    resumed = Trainer.from_checkpoint(tmp_path / "run.ckpt.npz", mlp_net(**SETTINGS))
    rest = list(resumed.run())
    assert step_losses(first_events) + step_losses(rest) == step_losses(whole_events)
    for key, w in whole.model.state_dict().items():
        assert np.array_equal(resumed.model.state_dict()[key], w), key
    assert resumed.history == whole.history
    assert rest[-1].metrics == whole_events[-1].metrics


def test_a_stopped_run_saved_and_resumed_ends_like_an_uninterrupted_one(tmp_path):
    whole = Trainer(mlp_net(**SETTINGS))
    list(whole.run())
    first = Trainer(mlp_net(**SETTINGS))
    gen = first.run()
    for event in gen:
        if isinstance(event, EpochEvent) and event.epoch == 1:
            first.stop()
        if isinstance(event, FinishedEvent):
            break
    assert event.reason == "stopped"
    first.save_checkpoint(tmp_path / "c.npz")
    resumed = Trainer(mlp_net(**SETTINGS))
    resumed.load_checkpoint(tmp_path / "c.npz")
    assert list(resumed.run())[-1].reason == "completed"
    for key, w in whole.model.state_dict().items():
        assert np.array_equal(resumed.model.state_dict()[key], w), key


def test_checkpoint_write_is_atomic_and_keeps_types(tmp_path):
    state = {"a": np.arange(3, dtype=np.float32), "n": np.int64(7), 3: [1.5, None, "x"],
             "t": (True, {"deep": np.ones((2, 2))}), "big": 2 ** 100}
    path = write_checkpoint(tmp_path / "s.npz", state)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.npz"]       # no temporary left
    back = read_checkpoint(path)
    assert back["a"].dtype == np.float32 and np.array_equal(back["a"], state["a"])
    assert back["n"] == 7 and back["n"].dtype == np.int64
    assert back[3] == [1.5, None, "x"] and back["big"] == 2 ** 100
    assert back["t"][0] is True and np.array_equal(back["t"][1]["deep"], np.ones((2, 2)))


def test_unreadable_or_foreign_checkpoints_are_refused_by_name(tmp_path):
    with pytest.raises(TrainingError, match="no such file"):
        read_checkpoint(tmp_path / "missing.npz")
    (tmp_path / "junk.npz").write_bytes(b"not a zip at all")
    with pytest.raises(TrainingError, match="junk.npz.*not a readable .npz file"):
        read_checkpoint(tmp_path / "junk.npz")
    np.savez(tmp_path / "plain.npz", w=np.zeros(2))
    with pytest.raises(TrainingError, match="not a Netwright checkpoint"):
        read_checkpoint(tmp_path / "plain.npz")


def test_a_checkpoint_of_another_network_or_seed_is_refused(tmp_path):
    trainer = Trainer(mlp_net(epochs=1))
    trainer.save_checkpoint(tmp_path / "c.npz")
    other_seed = Trainer(mlp_net(epochs=1), seed=5)
    with pytest.raises(TrainingError, match="seed 0 but this run has 5"):
        other_seed.load_checkpoint(tmp_path / "c.npz")
    wider = mlp_net(epochs=1)
    wider.node("h1")["params"]["units"] = 16
    with pytest.raises(TrainingError, match="does not fit this network"):
        Trainer(wider).load_checkpoint(tmp_path / "c.npz")


def test_a_checkpoint_saved_from_another_thread_mid_run_is_consistent(tmp_path):
    """A checkpoint saved from another thread while the training thread trains holds one step's state."""
    import threading
    settings = dict(SETTINGS, epochs=30)
    running = Trainer(mlp_net(**settings))
    started = threading.Event()

    def consume():
        for event in running.run():
            if isinstance(event, StepEvent) and event.step == 5:
                started.set()

    thread = threading.Thread(target=consume, daemon=True)
    thread.start()
    assert started.wait(20)
    running.save_checkpoint(tmp_path / "live.npz")
    thread.join(20)
    assert read_checkpoint(tmp_path / "live.npz")["step"] >= 5
    resumed = Trainer.from_checkpoint(tmp_path / "live.npz", mlp_net(**settings))
    list(resumed.run())
    for key, w in running.model.state_dict().items():
        assert np.array_equal(resumed.model.state_dict()[key], w), key

"""Fixtures shared by the engine's tests."""
import multiprocessing

import pytest


@pytest.fixture
def process():
    """``process(trainer)`` starts a TrainingProcess; every one is closed after the test,
    which then checks that no child process is left."""
    from engine.training.process import TrainingProcess
    made = []

    def make(trainer):
        made.append(TrainingProcess(trainer))
        return made[-1]
    yield make
    for p in made:
        p.close()
    assert not multiprocessing.active_children()

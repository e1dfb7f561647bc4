"""Training reuses its big scratch buffers: after warm-up a step maps no new memory.

Before, a convolution's workspace kept two shapes per buffer, and an epoch asks for three
(the batch, the short last batch, the validation pass): every epoch end re-mapped them,
about 30 minor page faults per step of digits_cnn."""
from pathlib import Path

import numpy as np
import pytest

from engine import Network
from engine.nn.workspace import Workspace
from engine.training.messages import StepEvent
from engine.training.trainer import Trainer

resource = pytest.importorskip("resource")          # getrusage: POSIX only
EXAMPLE = Path(__file__).parents[2] / "resources" / "examples" / "digits_cnn.nw.json"


def minor_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def faults_per_step(trainer: Trainer, warm_up: int, measured: int) -> float:
    steps, start = 0, None
    for event in trainer.run():
        if not isinstance(event, StepEvent):
            continue
        steps += 1
        if steps == warm_up:
            start = minor_faults()
        elif steps == warm_up + measured:
            trainer.stop()
    return (minor_faults() - start) / measured


def test_digits_cnn_training_maps_no_new_memory_after_warm_up():
    net = Network.load(EXAMPLE)
    net.set_training({**net.training, "epochs": 50})
    trainer = Trainer(net)
    # 45 steps an epoch: the warm-up sees two epoch ends, the measure about seven.
    assert faults_per_step(trainer, warm_up=100, measured=320) < 1.0


def test_a_smaller_shape_is_a_view_of_the_big_buffer():
    ws = Workspace()
    big = ws.get("cols", (4, 10))
    small = ws.get("cols", (4, 7))
    assert small.base is big.base and small.flags.c_contiguous
    assert ws.get("cols", (4, 10)).base is big.base       # back to the big one: no new array


def test_zeroed_buffers_are_zero_again_after_another_shape_used_the_memory():
    ws = Workspace()
    padded = ws.get("padded", (2, 5), zero=True)
    padded[:, 1:4] = 7.0                                    # the inside; borders stay zero
    assert not ws.get("padded", (2, 5), zero=True)[:, [0, 4]].any()
    ws.get("padded", (3, 3), zero=True)[...] = 9.0          # another shape overwrites it all
    again = ws.get("padded", (2, 5), zero=True)
    assert not again[:, [0, 4]].any()


def test_another_dtype_gets_its_own_buffer():
    ws = Workspace()
    ws.get("cols", (3,))[...] = 1.0
    assert ws.get("cols", (3,), dtype=np.float64).dtype == np.float64

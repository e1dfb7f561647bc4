"""The training memory estimate (engine.graph.memory) and the budget that refuses what cannot
fit (issue 13 item 4): 40 Dense(7000) layers, or a Conv2D of 4,000 filters on 64 x 64 images
at batch 64, passed the checks and died in training with a MemoryError after 3-5 GB.

The budget comes from NETWRIGHT_MEMORY_BUDGET here, so no test depends on this machine's RAM,
and nothing in these tests allocates more than a few MB."""
import json
from pathlib import Path

import numpy as np
import pytest

from engine.errors import GraphErrors
from engine.graph import memory
from engine.graph.analysis import analyse
from engine.graph.memory import format_bytes, memory_budget, parse_bytes
from engine.graph.network import Network
from engine.training.messages import EpochEvent
from engine.training.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]
GB = 1024 ** 3


def chain(name: str, layers: list[tuple[str, str, dict]], training: dict) -> dict:
    nodes = [{"id": nid, "type": t, "params": p} for nid, t, p in layers]
    edges = [{"from": a["id"], "to": b["id"]} for a, b in zip(nodes, nodes[1:])]
    return {"format": "netwright-network", "version": 1, "name": name, "nodes": nodes,
            "edges": edges, "training": training}


def training(dataset: dict, loss: str, batch: int, optimizer=None) -> dict:
    return {"dataset": dataset, "loss": loss,
            "optimizer": optimizer or {"name": "adam", "lr": 0.001},
            "scheduler": {"name": "none"}, "batch_size": batch, "epochs": 1, "seed": 0}


def deep_dense() -> dict:
    """The issue's first network: 40 Dense(7000) layers (about 2 billion weights)."""
    layers = [("in", "Input", {"shape": [2]})]
    layers += [(f"d{i}", "Dense", {"units": 7000}) for i in range(40)]
    layers += [("out", "Dense", {"units": 1}), ("p", "Sigmoid", {})]
    return chain("40 x Dense(7000)", layers, training(
        {"name": "xor", "params": {"samples": 400}}, "bce", 32))


def wide_conv() -> dict:
    """The issue's second: 4,000 filters on 64 x 64 images at batch 64."""
    return chain("Conv2D(4000)", [
        ("in", "Input", {"shape": [1, 64, 64]}),
        ("c1", "Conv2D", {"filters": 4000, "kernel_size": 3}),
        ("pool", "MaxPool2D", {"pool_size": 64, "stride": 64}),     # one number per map
        ("f", "Flatten", {}), ("out", "Dense", {"units": 4})],
        training({"name": "shapes", "params": {"samples": 1000, "size": 64}},
                 "cross_entropy", 64))


@pytest.fixture
def budget_4gb(monkeypatch):
    monkeypatch.setenv(memory.BUDGET_ENV, "4GB")


# ---- refused before anything is allocated ----------------------------------------------------
@pytest.mark.parametrize("make, biggest", [(deep_dense, "'d1' Dense"),
                                           (wide_conv, "'c1' Conv2D")])
def test_the_issue_s_networks_are_refused_naming_the_estimate_and_the_biggest_nodes(
        budget_4gb, make, biggest):
    problems = analyse(make(), training=True).problems
    assert len(problems) == 1, problems
    text = str(problems[0])
    assert problems[0].node_id is None                 # the network as a whole
    assert text.startswith("the network needs about ")
    assert " GB to train at batch " in text
    assert f"the budget {memory.BUDGET_ENV} sets is 4.0 GB" in text
    assert f"biggest: {biggest}" in text
    assert "smaller batch size" in text


def test_the_conv_network_is_mostly_its_activations_and_the_dense_one_its_weights():
    conv = analyse(wide_conv(), training=True).memory
    assert conv.biggest(1)[0].id == "c1" and "activations" in conv.biggest(1)[0].describe()
    # out: 4000 x 64 x 64 floats per image, at batch 64: 4 GB for the output alone
    assert conv.activations > 4 * GB
    dense = analyse(deep_dense(), training=True).memory
    weights = 3 * 7000 + 39 * 7000 * 7001 + 7001        # d0, d1..d39, out
    assert dense.weights == 2 * 4 * weights           # the weights and their gradients
    assert "weights and state" in dense.biggest(1)[0].describe()


def test_the_trainer_refuses_them_before_loading_data_or_building_weights(
        budget_4gb, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("allocated before refusing")
    monkeypatch.setattr("engine.training.trainer.load_dataset", never)
    monkeypatch.setattr("engine.training.trainer.compile_network", never)
    for make in (deep_dense, wide_conv):
        with pytest.raises(GraphErrors, match="needs about .* GB to train"):
            Trainer(Network.from_dict(make()))


def test_a_network_that_fits_the_budget_is_not_refused(monkeypatch):
    monkeypatch.setenv(memory.BUDGET_ENV, "100GB")
    assert analyse(wide_conv(), training=True).problems == []


def test_a_smaller_batch_can_make_it_fit(monkeypatch):
    net = wide_conv()
    at_64 = analyse(net, training=True).memory.total
    net["training"]["batch_size"] = 1
    at_1 = analyse(net, training=True).memory
    assert at_1.batch_size == 1 and at_1.total < at_64
    monkeypatch.setenv(memory.BUDGET_ENV, str(at_1.total))      # exactly enough
    assert analyse(net, training=True).problems == []


# ---- the budget ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("2GB", 2 * GB), ("512 MB", 512 * 1024 ** 2), ("1.5g", int(1.5 * GB)), ("1000", 1000),
    ("1e9", 10 ** 9), ("", None), ("lots", None), ("-1GB", None), ("0", None),
    ("1e999", None)])
def test_the_budget_variable_reads_sizes_and_ignores_nonsense(text, value):
    assert parse_bytes(text) == value


def test_the_budget_is_half_the_machine_s_memory_unless_set(monkeypatch):
    monkeypatch.delenv(memory.BUDGET_ENV, raising=False)
    monkeypatch.setattr(memory, "physical_memory", lambda: 16 * GB)
    budget = memory_budget()
    assert budget.bytes == 8 * GB
    assert budget.why == "this machine has 16.0 GB, Netwright allows 50%"
    monkeypatch.setenv(memory.BUDGET_ENV, "not a size")          # ignored, not a crash
    assert memory_budget().bytes == 8 * GB


def test_an_unknown_machine_gets_a_safe_assumed_size(monkeypatch):
    monkeypatch.delenv(memory.BUDGET_ENV, raising=False)
    monkeypatch.setattr(memory, "physical_memory", lambda: None)
    budget = memory_budget()
    assert budget.bytes == memory.ASSUMED_MEMORY // 2
    assert "unknown" in budget.why


def test_physical_memory_is_read_where_sysconf_exists(monkeypatch):
    memory.physical_memory.cache_clear()
    monkeypatch.delattr("os.sysconf")          # as on Windows
    try:
        assert memory.physical_memory() is None
    finally:
        memory.physical_memory.cache_clear()


@pytest.mark.parametrize("n, text", [
    (0, "0 bytes"), (1023, "1023 bytes"), (1024, "1.0 KB"), (int(12.34 * 1024 ** 2), "12.3 MB"),
    (int(11.2 * GB), "11.2 GB"), (3 * 1024 ** 4, "3.0 TB"), (5000 * 1024 ** 4, "5,000.0 TB"),
    (10 ** 400, "more than a billion TB")])
def test_sizes_read_as_a_person_would_and_never_overflow(n, text):
    assert format_bytes(n) == text


def test_an_absurd_batch_size_is_estimated_at_the_default_and_reported_once():
    net = deep_dense()
    net["training"]["batch_size"] = 10 ** 400
    analysis = analyse(net, training=True)
    assert analysis.memory.batch_size == 32
    assert any("batch_size" in str(p) for p in analysis.problems)


# ---- what is counted -----------------------------------------------------------------------
@pytest.mark.parametrize("optimizer, slots", [
    ({"name": "adam", "lr": 0.1}, 2), ({"name": "adam", "lr": 0.1, "amsgrad": True}, 3),
    ({"name": "adamw", "lr": 0.1}, 2), ({"name": "sgd", "lr": 0.1}, 0),
    ({"name": "sgd", "lr": 0.1, "momentum": 0.9}, 1), ({"name": "rmsprop", "lr": 0.1}, 1),
    ({"name": "rmsprop", "lr": 0.1, "momentum": 0.9, "centered": True}, 3),
    ({"name": "adagrad", "lr": 0.1}, 1), ({"name": "nope"}, 2)])    # invalid: adam's
def test_the_optimizer_state_is_what_each_optimizer_keeps(optimizer, slots):
    net = chain("mlp", [("in", "Input", {"shape": [2]}), ("d", "Dense", {"units": 1000})],
                training({"name": "xor"}, "mse", 8, optimizer))
    estimate = analyse(net, training=False).memory
    assert estimate.slots == slots
    weights = 3 * 1000
    # the state, the last good copy of the weights and of the state, two scratch chunks
    assert estimate.optimizer_state == (1 + 2 * slots) * 4 * weights + 2 * 4 * weights


def test_the_optimizer_scratch_is_two_chunks_however_many_weights():
    from engine.optim.flat import CHUNK
    net = chain("big", [("in", "Input", {"shape": [1000]}), ("d", "Dense", {"units": 1000})],
                training({"name": "xor"}, "mse", 8, {"name": "adam", "lr": 0.1}))
    weights = 1000 * 1000 + 1000
    assert analyse(net, training=False).memory.optimizer_state == \
        5 * 4 * weights + 2 * 4 * CHUNK


def test_frozen_layers_keep_no_optimizer_state():
    net = chain("frozen", [("in", "Input", {"shape": [2]}),
                           ("d", "Dense", {"units": 1000, "trainable": False})],
                training({"name": "xor"}, "mse", 8))
    assert analyse(net).memory.optimizer_state == 4 * 3000     # the last good copy only


def test_no_estimate_while_a_shape_is_unknown():
    net = chain("broken", [("in", "Input", {"shape": [2]}), ("c", "Conv2D", {})],
                training({"name": "xor"}, "mse", 8))
    assert analyse(net).memory is None
    assert analyse(net).problems                       # the real problem, not a memory one


def test_the_dataset_arrays_count_when_the_file_gives_their_size():
    net = wide_conv()
    estimate = analyse(net).memory
    assert estimate.data == 1000 * (64 * 64 * 4 + 8)
    assert estimate.eval_batch == 200                  # 20% of 1000, in one chunk
    digits = chain("digits", [("in", "Input", {"shape": [1, 8, 8]}), ("f", "Flatten", {}),
                              ("out", "Dense", {"units": 10})],
                   training({"name": "digits"}, "cross_entropy", 32))
    estimate = analyse(digits).memory
    assert estimate.data == 0 and estimate.eval_batch == memory.EVAL_BATCH
    assert "not counted" in "\n".join(estimate.breakdown())


def test_every_example_fits_easily():
    for path in sorted((ROOT / "resources" / "examples").glob("*.nw.json")):
        estimate = analyse(Network.load(path)).memory
        assert estimate is not None and estimate.total < 100 * 1024 ** 2, path.name


# ---- against what training really holds ----------------------------------------------------
def held_bytes(trainer: Trainer) -> int:
    """Bytes of every distinct array the trainer's model, optimizer and last good copy hold
    after an epoch (outputs, layer buffers and workspaces, weights, grads, state)."""
    seen: dict[int, int] = {}

    def visit(obj, depth=0):
        if isinstance(obj, np.ndarray):
            base = obj
            while isinstance(base.base, np.ndarray):
                base = base.base
            seen[id(base)] = base.nbytes
        elif depth < 6 and isinstance(obj, dict):
            for v in obj.values():
                visit(v, depth + 1)
        elif depth < 6 and isinstance(obj, (list, tuple)):
            for v in obj:
                visit(v, depth + 1)
        elif depth < 6 and hasattr(obj, "__dict__") and not isinstance(obj, type):
            visit(vars(obj), depth + 1)

    visit(trainer.model.outputs)
    for node in trainer.model.nodes:
        visit(vars(node.layer))
    visit(trainer.optimizer.state)
    visit(trainer.optimizer._scratch)
    visit(trainer._snapshot)
    return sum(seen.values())


SMALL = {
    "mlp": chain("mlp", [
        ("in", "Input", {"shape": [1, 16, 16]}), ("f", "Flatten", {}),
        ("d1", "Dense", {"units": 256}), ("bn", "BatchNorm", {}), ("r", "ReLU", {}),
        ("drop", "Dropout", {"rate": 0.2}), ("out", "Dense", {"units": 4})],
        training({"name": "shapes", "params": {"samples": 200, "size": 16}},
                 "cross_entropy", 32)),
    "cnn": chain("cnn", [
        ("in", "Input", {"shape": [1, 16, 16]}), ("c1", "Conv2D", {"filters": 8}),
        ("r1", "ReLU", {}), ("p1", "MaxPool2D", {}),
        ("c2", "Conv2D", {"filters": 16, "stride": 2, "padding": 1}), ("r2", "Tanh", {}),
        ("f", "Flatten", {}), ("out", "Dense", {"units": 4})],
        training({"name": "shapes", "params": {"samples": 200, "size": 16}},
                 "cross_entropy", 16, {"name": "sgd", "lr": 0.01, "momentum": 0.9})),
}


@pytest.mark.parametrize("name", sorted(SMALL))
def test_the_estimate_is_within_2x_of_what_an_epoch_of_training_holds(name):
    """Deterministic stand-in for peak RSS (benchmarks/memory_estimate.py measures that):
    the arrays still held after an epoch, which misses only the step's temporaries."""
    net = Network.from_dict(json.loads(json.dumps(SMALL[name])))
    estimate = analyse(net, training=True).memory
    trainer = Trainer(net)
    for event in trainer.run():
        if isinstance(event, EpochEvent):
            trainer.stop()
    held = held_bytes(trainer)
    counted = estimate.total - estimate.data
    assert held / 2 <= counted <= 2 * held, (counted, held)


@pytest.mark.parametrize("optimizer", ["adam", "sgd", "rmsprop", "adagrad", "adamw"])
def test_a_huge_learning_rate_gives_the_estimate_without_a_numpy_warning(optimizer):
    """The optimizer's state is counted on a one-number probe step: with the file's lr
    1e300 it overflowed and NumPy warned on every edit (seen under the window's tests)."""
    import warnings
    net = Network.from_dict({
        "nodes": [{"id": "in", "type": "Input", "params": {"shape": [2]}},
                  {"id": "d", "type": "Dense", "params": {"units": 1}}],
        "edges": [{"from": "in", "to": "d"}],
        "training": {"dataset": {"name": "xor"}, "loss": "mse",
                     "optimizer": {"name": optimizer, "lr": 1e300}}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        analysis = analyse(net, training=True)
    assert analysis.memory is not None and analysis.memory.total > 0

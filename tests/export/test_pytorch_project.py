"""main.py export --to pytorch: the project folder, its data, its weights and its train.py
(one process and torchrun), checked against the engine on the same data."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from engine.errors import ExportError
from engine.export.pytorch import FILES, export_project
from engine.export.pytorch import folder as folder_module
from engine.export.pytorch.folder import MARKER
from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.optim.optimizers import make_optimizer
from engine.optim.schedulers import preview_lrs
from engine.training.trainer import Trainer

torch = pytest.importorskip("torch")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
# One BLAS/OpenMP thread per process: the machine's cores are shared, and an idle spinning
# thread pool made one tiny step 18 ms instead of 0.2 ms under load.
ONE_THREAD = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def load(name: str) -> Network:
    return Network.load(EXAMPLES / f"{name}.nw.json")


def export(net: Network, out: Path, model=None) -> Path:
    seed = int(net.training.get("seed", 0))
    model = model or compile_network(net, seed=seed)
    export_project(net, model, out, "test weights")
    return out


@pytest.fixture(scope="module")
def projects(tmp_path_factory):
    """Each example exported once for the whole module (name -> folder)."""
    made = {}

    def project(name: str) -> Path:
        if name not in made:
            made[name] = export(load(name), tmp_path_factory.mktemp("export") / name)
        return made[name]
    return project


def run_train(folder: Path, *args, runner=(sys.executable,), timeout=300):
    return subprocess.run([*runner, "train.py", *map(str, args)], cwd=folder, env=ONE_THREAD,
                          capture_output=True, text=True, timeout=timeout)


def run_in_process(folder: Path, capsys, *args) -> tuple[int, dict]:
    """train.py's main() here (no interpreter and torch start-up: seconds saved per run),
    on one thread as the subprocesses; (exit code, its last stdout line as JSON)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        with TrainScript(folder) as train:
            code = train.main([*map(str, args)])
    finally:
        torch.set_num_threads(threads)
    out = capsys.readouterr().out
    return code, json.loads(out.splitlines()[-1])


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]


class TrainScript:
    """An exported train.py imported in this process, with its model.py ("model" is a
    top-level module name: dropped again so the next project's is imported afresh)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        sys.modules.pop("model", None)
        spec = importlib.util.spec_from_file_location("exported_train", self.folder / "train.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def __exit__(self, *exc):
        sys.modules.pop("model", None)
        while str(self.folder) in sys.path:
            sys.path.remove(str(self.folder))


# ---- the folder ------------------------------------------------------------------------------
def test_main_export_writes_the_project(tmp_path):
    out = tmp_path / "xor project"
    proc = subprocess.run([sys.executable, "main.py", "export",
                           str(EXAMPLES / "xor_mlp.nw.json"), "--to", "pytorch", "--out",
                           str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "model.py" in proc.stdout and proc.stderr == ""
    assert sorted(p.name for p in out.iterdir()) == sorted([*FILES, MARKER])
    readme = (out / "README.md").read_text()
    assert "torchrun --nnodes 2" in readme and "seeded initial weights (seed 0)" in readme


def test_a_folder_holding_other_files_is_refused_and_left_alone(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not empty .*notes.txt.* not an earlier export"):
        export(load("xor_mlp"), out)
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export(load("xor_mlp"), tmp_path / "file")


def test_an_earlier_export_is_replaced_and_trained_weights_beside_it_kept(tmp_path):
    out = export(load("xor_mlp"), tmp_path / "p")
    (out / "trained.pt").write_bytes(b"the user's run")
    (out / "model.py").write_text("stale")
    export(load("iris"), out)
    assert "nn.Linear(4, 16)" in (out / "model.py").read_text()
    assert (out / "trained.pt").read_bytes() == b"the user's run"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]   # no temporaries


def test_a_failure_while_writing_leaves_no_folder_and_no_temporary(tmp_path, monkeypatch):
    real = folder_module._write_synced
    written = []

    def full_disk(path, data):
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(path)
        real(path, data)
    monkeypatch.setattr(folder_module, "_write_synced", full_disk)
    with pytest.raises(OSError, match="No space"):
        export(load("xor_mlp"), tmp_path / "p")
    assert list(tmp_path.iterdir()) == []


def test_without_torch_the_export_says_so_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)        # import torch raises ImportError
    with pytest.raises(ExportError, match="weights.pt needs PyTorch.*pip install torch"):
        export(load("xor_mlp"), tmp_path / "p")
    assert list(tmp_path.iterdir()) == []


# ---- data and weights --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["iris", "digits_cnn", "sine_regression"])
def test_data_npz_is_the_engines_split_and_scaling(projects, name):
    ds = Trainer(load(name)).dataset
    with np.load(projects(name) / "data.npz", allow_pickle=False) as npz:
        for key in ("x_train", "y_train", "x_val", "y_val", "feature_mean", "feature_std"):
            theirs = getattr(ds, key)
            if theirs is None:
                assert key not in npz.files
                continue
            np.testing.assert_array_equal(npz[key], theirs, err_msg=key)
        assert str(npz["task"]) == ds.task
        assert list(npz["class_names"]) == list(ds.class_names)


def test_weights_pt_round_trips_into_the_generated_model(tmp_path):
    net = load("digits_cnn")
    model = compile_network(net, seed=3)
    out = export(net, tmp_path / "p", model)
    state = torch.load(out / "weights.pt", weights_only=True)
    assert state.keys() == model.state_dict().keys()
    with TrainScript(out) as train:
        tm = train.Model()
        tm.load_state_dict(state)
        x = np.random.default_rng(0).standard_normal((5, *model.input_shape)).astype(np.float32)
        with torch.no_grad():
            got = tm.eval()(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(got, model.forward(x, training=False), atol=1e-5)


@pytest.mark.parametrize("name", ["iris", "breast_cancer", "sine_regression", "xor_mlp"])
def test_train_py_loss_and_metrics_equal_the_engines(projects, name):
    """Same weights, same data: train.py's validation loss and accuracy / RMSE are the
    engine's (the fused softmax / sigmoid reads the logits, the targets have their form)."""
    metrics = Trainer(load(name)).final_metrics()       # of the initial weights
    with TrainScript(projects(name)) as train:
        cpu = torch.device("cpu")
        data = train.load_data(cpu)
        model = train.build_model(str(projects(name) / "weights.pt"), cpu)
        loss, theirs = train.evaluate(model, train.LossInput(model), data["x_val"],
                                      data["y_val"], data["task"], cpu)
    assert loss == pytest.approx(metrics["val_loss"], rel=1e-5, abs=1e-6)
    for key, value in theirs.items():
        assert value == pytest.approx(metrics[key], rel=1e-5, abs=1e-6), key


def test_a_fused_softmax_whose_id_is_no_attribute_still_gives_the_logits(tmp_path):
    """The loss reads the input of the final Softmax through model.py's stand-in name."""
    d = load("iris").to_dict()
    renamed = {"p": "class", "out": "1-out"}
    for node in d["nodes"]:
        node["id"] = renamed.get(node["id"], node["id"])
    for edge in d["edges"]:
        edge["from"], edge["to"] = (renamed.get(edge[k], edge[k]) for k in ("from", "to"))
    net = Network.from_dict(d)
    out = export(net, tmp_path / "p")
    metrics = Trainer(net).final_metrics()
    with TrainScript(out) as train:
        assert train.SETTINGS["loss_reads_input_of"] == "class_"
        cpu = torch.device("cpu")
        data = train.load_data(cpu)
        model = train.build_model(str(out / "weights.pt"), cpu)
        loss, _ = train.evaluate(model, train.LossInput(model), data["x_val"], data["y_val"],
                                 data["task"], cpu)
    assert loss == pytest.approx(metrics["val_loss"], rel=1e-5)


def test_without_a_training_section_the_defaults_are_used_or_said_not_to_fit(tmp_path):
    d = load("xor_mlp").to_dict()
    del d["training"]
    out = export(Network.from_dict(d), tmp_path / "xor")
    assert "no training section, so these are Netwright's defaults" in (
        out / "README.md").read_text()
    d = load("digits_cnn").to_dict()
    del d["training"]
    with pytest.raises(ExportError, match="no training section, so training uses the defaults"
                                          ".*do not fit this network.*shape"):
        export(Network.from_dict(d), tmp_path / "cnn")
    assert not (tmp_path / "cnn").exists()


OPTIMIZERS = [
    {"name": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
    {"name": "sgd", "lr": 0.1, "momentum": 0.5, "dampening": 0.3},
    {"name": "rmsprop", "lr": 0.01, "momentum": 0.5, "centered": True, "weight_decay": 0.01},
    {"name": "adagrad", "lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.1},
    {"name": "adam", "lr": 0.01, "amsgrad": True, "weight_decay": 0.01},
    {"name": "adamw", "lr": 0.01, "beta1": 0.8},
]


@pytest.mark.parametrize("regularization", [None, {"l1": 0.01, "l2": 0.02}],
                         ids=["plain", "l1_l2"])
@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: o["name"])
def test_train_py_optimizer_steps_as_the_engine(tmp_path, optimizer, regularization):
    """Four steps on the same batches give the same weights (to float32 rounding), with
    and without the L1/L2 penalty (on the kernels, not the biases)."""
    net = load("iris")
    net.training["optimizer"] = optimizer
    if regularization:
        net.training["regularization"] = regularization
    out = export(net, tmp_path / "p")
    trainer = Trainer(net)
    model, x, y = trainer.model, trainer.dataset.x_train[:32], trainer.dataset.y_train[:32]
    engine_opt = make_optimizer(optimizer, model)
    with TrainScript(out) as train:
        tm = train.build_model(str(out / "weights.pt"), torch.device("cpu"))
        torch_opt = train.make_optimizer(tm)
        loss_input, penalty = train.LossInput(tm), train.Penalty(tm)
        assert penalty.active == bool(regularization)
        xt, yt = torch.from_numpy(x), torch.from_numpy(y).long()
        for _ in range(4):
            model.loss_and_grads(x, y, trainer.loss_fn)
            if trainer.penalty.active:
                trainer.penalty.add_to_grads()
            engine_opt.step()
            torch_opt.zero_grad()
            loss = train.loss_value(loss_input(tm, xt), yt)
            (loss + penalty() if penalty.active else loss).backward()
            torch_opt.step()
        got = {k: v.detach().numpy() for k, v in tm.state_dict().items()}
    for key, want in model.state_dict().items():
        np.testing.assert_allclose(got[key], want, rtol=1e-4, atol=1e-5, err_msg=key)


@pytest.mark.parametrize("scheduler", [{"name": "step", "step_size": 2, "gamma": 0.5},
                                       {"name": "exponential", "gamma": 0.9},
                                       {"name": "cosine", "t_max": 3, "eta_min": 0.001},
                                       {"name": "none"}], ids=lambda s: s["name"])
def test_train_py_schedule_is_the_engines_per_epoch(tmp_path, scheduler):
    net = load("xor_mlp")
    net.training["scheduler"] = scheduler
    out = export(net, tmp_path / "p")
    with TrainScript(out) as train:
        opt = train.make_optimizer(train.build_model(str(out / "weights.pt"),
                                                     torch.device("cpu")))
        sched = train.make_scheduler(opt)
        lrs = []
        for _ in range(7):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()                              # no gradients: the weights stay
            if sched is not None:
                sched.step()
    want = preview_lrs(scheduler, net.training["optimizer"]["lr"], 7)
    np.testing.assert_allclose(lrs, want, rtol=1e-9)


# ---- running train.py --------------------------------------------------------------------------
def test_python_train_py_one_epoch_prints_the_train_json_and_saves_trained_pt(projects):
    proc = run_train(projects("xor_mlp"), "--epochs", 1, "--device", "cpu")
    assert proc.returncode == 0, proc.stderr
    assert_result(json.loads(proc.stdout.splitlines()[-1]), "val_accuracy")
    trained = torch.load(projects("xor_mlp") / "trained.pt", weights_only=True)
    assert trained.keys() == torch.load(projects("xor_mlp") / "weights.pt",
                                        weights_only=True).keys()


@pytest.mark.parametrize("name, metric", [("digits_cnn", "val_accuracy"),
                                          ("sine_regression", "val_rmse")])
def test_train_py_one_epoch_on_images_and_regression(projects, capsys, name, metric):
    code, result = run_in_process(projects(name), capsys, "--epochs", 1, "--device", "cpu")
    assert code == 0
    assert_result(result, metric)
    assert (projects(name) / "trained.pt").is_file()


def assert_result(result: dict, metric: str) -> None:
    """The keys of main.py train's JSON, in its order, for one completed epoch."""
    assert list(result)[:6] == ["epochs", "steps", "reason", "train_loss", "val_loss", metric]
    assert result["epochs"] == 1 and result["reason"] == "completed"
    assert result["seconds"] > 0 and all(result[k] is not None for k in list(result)[3:6])


def test_train_py_refuses_bad_flags_with_one_line(projects, capsys):
    with TrainScript(projects("xor_mlp")) as train:
        with pytest.raises(SystemExit) as exit_:
            train.main(["--epochs", "0"])
        assert exit_.value.code == 2 and "--epochs must be at least 1" in capsys.readouterr().err
        device = "cuda:7" if not torch.cuda.is_available() else "tpu"
        assert train.main(["--device", device]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: --device {device}") and len(err.splitlines()) == 1


@pytest.mark.slow
def test_torchrun_two_processes_print_the_json_once(projects):
    """DistributedDataParallel on the CPU (gloo): rank 0 alone prints the result."""
    proc = run_train(projects("xor_mlp"), "--epochs", 1, timeout=600,
                     runner=(sys.executable, "-m", "torch.distributed.run", "--standalone",
                             "--nproc_per_node", "2"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    results = json_lines(proc.stdout)
    assert len(results) == 1 and results[0] == json.loads(proc.stdout.splitlines()[-1])
    assert results[0]["epochs"] == 1 and results[0]["val_accuracy"] is not None
    assert "on 2 processes (cpu, gloo)" in proc.stdout


@pytest.mark.slow
@pytest.mark.parametrize("name, margin", [("xor_mlp", 0.05), ("iris", 0.1)])
def test_one_process_reaches_the_engines_accuracy(projects, capsys, name, margin):
    """The file's epochs in both; the shuffles differ, so within a few validation samples
    (xor: 80, iris: 30 of them)."""
    trainer = Trainer(load(name))
    for _event in trainer.run():
        pass
    engine_accuracy = trainer.final_metrics()["val_accuracy"]
    code, result = run_in_process(projects(name), capsys, "--device", "cpu")
    assert code == 0
    assert abs(result["val_accuracy"] - engine_accuracy) <= margin, (result, engine_accuracy)
    assert result["val_accuracy"] >= 0.9


def test_a_diverging_run_says_so_exits_1_and_keeps_no_weights(tmp_path, capsys):
    net = load("sine_regression")
    net.training.update(loss="mse", optimizer={"name": "sgd", "lr": 1e6})
    out = export(net, tmp_path / "p")
    code, result = run_in_process(out, capsys, "--epochs", 3)
    assert code == 1 and result["reason"] == "diverged" and result["val_loss"] is None
    assert not (out / "trained.pt").exists()


def test_the_readme_says_whether_the_weights_are_the_seeded_or_given_ones(tmp_path):
    """main.py export --weights W: weights.pt holds W's weights and README says so."""
    from engine.export import EXPORTERS
    net = load("xor_mlp")
    trainer = Trainer(net)
    for _event in trainer.run():
        pass
    trainer.model.save_weights(tmp_path / "weights.npz")
    model = compile_network(net, seed=0)
    model.load_weights(tmp_path / "weights.npz")
    EXPORTERS["pytorch"](net, model, tmp_path / "trained")
    assert "weights given to the export" in (tmp_path / "trained" / "README.md").read_text()
    state = torch.load(tmp_path / "trained" / "weights.pt", weights_only=True)
    for key, want in trainer.model.state_dict().items():
        np.testing.assert_array_equal(state[key].numpy(), want)
    EXPORTERS["pytorch"](net, compile_network(net, seed=0), tmp_path / "initial")
    assert "seeded initial weights (seed 0)" in (tmp_path / "initial" / "README.md").read_text()

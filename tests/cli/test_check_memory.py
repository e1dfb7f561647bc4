"""`check` shows the training memory estimate; `check` and `train` refuse a network that
cannot fit (exit 2, one error line with the estimate and the biggest nodes) before anything
is allocated (issue 13 item 4: train died with "internal problem (MemoryError) ... bug")."""
import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli.main import run_command
from engine.graph import memory
from tests.engine.test_memory_budget import deep_dense, wide_conv

ROOT = Path(__file__).resolve().parents[2]
XOR = ROOT / "resources" / "examples" / "xor_mlp.nw.json"
ISSUE_NETWORKS = [(deep_dense, "'d1' Dense"), (wide_conv, "'c1' Conv2D")]


def write(tmp_path, net: dict) -> str:
    path = tmp_path / "net.nw.json"
    path.write_text(json.dumps(net))
    return str(path)


@pytest.fixture
def budget_4gb(monkeypatch):
    monkeypatch.setenv(memory.BUDGET_ENV, "4GB")


def test_check_prints_the_estimate_after_the_total_parameters(capsys):
    assert run_command(["check", str(XOR)]) == 0
    lines = capsys.readouterr().out.splitlines()
    total = next(i for i, line in enumerate(lines) if "total parameters" in line)
    assert lines[total + 1].startswith("  memory to train: about ")
    assert lines[total + 1].endswith(" at batch 32")


@pytest.mark.parametrize("command", ["check", "train"])
@pytest.mark.parametrize("make, biggest", ISSUE_NETWORKS)
def test_the_issue_s_networks_exit_2_with_one_error_line(tmp_path, capsys, budget_4gb,
                                                        command, make, biggest):
    assert run_command([command, write(tmp_path, make())]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: the network needs about ")
    assert f"(the budget {memory.BUDGET_ENV} sets is 4.0 GB): biggest: {biggest}" in lines[0]


def test_train_in_a_real_process_refuses_without_allocating(tmp_path):
    """Address space capped at 1.5 GB: any attempt to build these networks would end in a
    MemoryError (exit 1), so exit 2 proves they are refused first."""
    limit = 1536 * 1024 ** 2

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    env = {"PATH": "", "OPENBLAS_NUM_THREADS": "1", memory.BUDGET_ENV: "4GB"}
    for make, biggest in ISSUE_NETWORKS:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "train",
                               write(tmp_path, make())], cwd=ROOT, capture_output=True,
                              text=True, timeout=60, preexec_fn=cap, env=env)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
        assert done.stderr.startswith("error: the network needs about "), done.stderr
        assert biggest in done.stderr


def test_a_graph_alone_over_the_budget_says_train_would_refuse_it(tmp_path, capsys,
                                                                  budget_4gb):
    net = deep_dense()
    del net["training"]
    assert run_command(["check", write(tmp_path, net)]) == 0     # the graph itself is fine
    out = capsys.readouterr().out
    assert "at batch 32 (the default), more than the 4.0 GB allowed: train would refuse it" \
        in out


def test_a_graph_alone_that_fits_shows_its_estimate_at_the_default_batch(tmp_path, capsys):
    net = json.loads(XOR.read_text())
    del net["training"]
    assert run_command(["check", write(tmp_path, net)]) == 0
    assert "at batch 32 (the default)\n" in capsys.readouterr().out

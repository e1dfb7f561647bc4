"""`main.py check FILE`: a table for a good file; for a bad one, one `error:` line per problem
naming the node, exit 2 and never a traceback. The corpus of broken files is tests/cli/broken."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli.main import run_command

ROOT = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).resolve().parent / "broken"
XOR = ROOT / "resources" / "examples" / "xor_mlp.nw.json"

# file -> (node id the first matching line must name, or None for a file-level problem;
#          words that line must contain)
EXPECTED = {
    "unknown_type": ("h1", "did you mean 'Dense'?"),
    "param_out_of_range": ("h1", "units must be at least 1"),
    "param_wrong_type": ("h1", "units must be a whole number"),
    "param_unknown": ("h1", "no parameter 'unit': did you mean 'units'?"),
    "dropout_rate_one": ("drop", "rate must be at least 0 and below 1"),
    "duplicate_id": ("h1", "two nodes have the id 'h1'"),
    "edge_to_missing_node": ("a1", "'ghost', which is not a node"),
    "duplicate_edge": ("h1", "the edge 'in' -> 'h1' appears twice"),
    "cycle": ("add", "cycle: 'add' -> 'h1' -> 'a1' -> 'add'"),
    "no_input": (None, "no Input node"),
    "two_inputs": ("in2", "2 Input nodes"),
    "two_outputs": ("side", "2 outputs ('p', 'side')"),
    "unconnected_node": ("lost", "not connected to anything"),
    "merge_with_one_input": ("sum", "takes 2 or more inputs but 1 is connected"),
    "merge_shape_mismatch": ("sum", "[4]"),
    "dense_after_image": ("out", "insert a Flatten before 'out'"),
    "conv_below_one_pixel": ("c2", "(H - K + 2P)/S + 1 = (4 - 5 + 2*0)/1 + 1 = 0"),
    "input_input_mismatch_dataset": ("in", "has shape [2] but dataset 'digits' gives [1, 8, 8]"),
    "loss_units": ("p", "needs the output 'p' to give 2 units"),
    "loss_task": ("p", "regression set"),
    "bad_optimizer_lr": (None, "optimizer 'adam': lr must be above 0"),
    "unknown_optimizer": (None, "unknown optimizer 'adamm'"),
    "bad_scheduler": (None, "scheduler 'step': step_size"),
    "batch_size_zero": (None, "batch_size must be at least 1"),
    "unknown_dataset": (None, "unknown dataset 'imagenet'"),
    "validation_split_one": (None, "validation_split"),
    "newer_version": (None, "newer Netwright"),
    "other_format": (None, "format is 'onnx-json'"),
    "not_a_network": (None, "not a Netwright network file"),
    "nodes_not_a_list": (None, "nodes must be a list"),
    "node_without_id": (None, "nodes[2]: 'id' is missing"),
    "node_without_type": (None, "nodes[2] ('a1'): 'type' is missing"),
    "params_not_an_object": (None, "nodes[1] ('h1'): params must be an object"),
    "edge_without_to": (None, "edges[1]: 'to' is missing"),
    "empty": (None, "is empty"),
    "truncated": (None, "truncated"),
    "binary": (None, "not a text file"),
    "not_utf8": (None, "not UTF-8"),
    "json_list": (None, "holds a JSON list"),
}


def test_the_corpus_and_the_expectations_match():
    files = {p.name.removesuffix(".nw.json") for p in BROKEN.glob("*.nw.json")}
    assert files == set(EXPECTED)


def assert_reported(err: str, node_id, words):
    lines = err.splitlines()
    assert lines and all(line.startswith("error: ") for line in lines), err
    assert "Traceback" not in err
    prefix = f"error: node '{node_id}': " if node_id else "error: "
    assert any(line.startswith(prefix) and words in line for line in lines), err


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_file_exits_2_naming_the_problem(name, capsys):
    status = run_command(["check", str(BROKEN / f"{name}.nw.json")])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert_reported(err, *EXPECTED[name])


def test_a_good_file_prints_the_table_and_the_total(capsys):
    assert run_command(["check", str(XOR)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    rows = {line.split()[0]: line.split() for line in out.splitlines()[2:] if line.strip()}
    assert rows["in"][1:] == ["Input", "[2]", "0"]
    assert rows["h1"][1:] == ["Dense", "[4]", "12"]       # 2*4 weights + 4 biases
    assert rows["out"][1:] == ["Dense", "[1]", "5"]
    assert "total parameters: 17" in out


def test_a_missing_file(capsys, tmp_path):
    assert run_command(["check", str(tmp_path / "nope.nw.json")]) == 2
    assert_reported(capsys.readouterr().err, None, "no such file")


@pytest.mark.parametrize("argv, words", [
    (["check"], "required: FILE"),
    (["check", "a", "b"], "unrecognized arguments: b"),
    (["check", "--frobnicate", "x"], "unrecognized arguments: --frobnicate"),
    (["train", str(XOR), "--epochs", "zero"], "--epochs: expected a whole number"),
    (["train", str(XOR), "--seed", "-1"], "--seed: expected a whole number from 0 to"),
])
def test_wrong_arguments_are_one_error_line_and_exit_2(argv, words, capsys):
    assert run_command(argv) == 2
    err = capsys.readouterr().err
    assert_reported(err, None, words)
    assert len(err.splitlines()) == 1


def run_main(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_main_py_check_in_a_real_process():
    good = run_main("check", str(XOR))
    assert good.returncode == 0 and "total parameters: 17" in good.stdout
    for name in ("binary", "truncated", "cycle"):
        bad = run_main("check", str(BROKEN / f"{name}.nw.json"))
        assert bad.returncode == 2 and bad.stdout == ""
        assert_reported(bad.stderr, *EXPECTED[name])
    usage = run_main("check")
    assert usage.returncode == 2
    assert_reported(usage.stderr, None, "required: FILE")


# ---- a file without a training section is a graph alone ----------------------------------------
IMAGE_GRAPH = {"format": "netwright-network", "version": 1, "name": "image graph",
               "nodes": [{"id": "in", "type": "Input", "params": {"shape": [3, 32, 32]}},
                         {"id": "c", "type": "Conv2D", "params": {"filters": 4}},
                         {"id": "f", "type": "Flatten"},
                         {"id": "d", "type": "Dense", "params": {"units": 10}}],
               "edges": [{"from": "in", "to": "c"}, {"from": "c", "to": "f"},
                         {"from": "f", "to": "d"}]}


def graph_file(tmp_path, graph=IMAGE_GRAPH):
    path = tmp_path / "graph.nw.json"
    path.write_text(json.dumps(graph))
    return path


def test_check_validates_a_file_without_training_as_a_graph_alone(tmp_path, capsys):
    # It was refused for the defaults it never wrote: "dataset 'xor' gives [2]".
    assert run_command(["check", str(graph_file(tmp_path))]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "total parameters: 41,082" in out
    assert out.splitlines()[-1] == (
        "  training: none in the file (the graph alone was checked); train would use the "
        "defaults: dataset xor, loss bce, adam (lr 0.03), scheduler none, no regularization, "
        "batch 32, 200 epochs, seed 0")


def test_check_still_reports_a_graph_alone_s_own_problems(tmp_path, capsys):
    broken = {**IMAGE_GRAPH, "edges": IMAGE_GRAPH["edges"][:2]}     # 'd' left unconnected
    assert run_command(["check", str(graph_file(tmp_path, broken))]) == 2
    assert_reported(capsys.readouterr().err, "d", "not connected to anything")

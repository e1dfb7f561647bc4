"""Hostile files get exit 2 and a message naming what is wrong and where, never "internal
problem ... bug" (issue 13)."""
import copy
import json

import pytest

from engine.cli.main import run_command
from engine.graph.network import Network
from engine.graph.validation import validate

XOR = {"format": "netwright-network", "version": 1, "name": "XOR", "nodes": [
    {"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}},
    {"id": "h1", "type": "Dense", "params": {"units": 4}, "ui": {"x": 1, "y": 0}},
    {"id": "a1", "type": "Tanh", "params": {}, "ui": {"x": 2, "y": 0}},
    {"id": "out", "type": "Dense", "params": {"units": 1}, "ui": {"x": 3, "y": 0}},
    {"id": "p", "type": "Sigmoid", "params": {}, "ui": {"x": 4, "y": 0}}],
    "edges": [{"from": "in", "to": "h1"}, {"from": "h1", "to": "a1"},
              {"from": "a1", "to": "out"}, {"from": "out", "to": "p"}],
    "training": {"dataset": {"name": "xor", "params": {"samples": 100, "noise": 0.1},
                             "validation_split": 0.2},
                 "loss": "bce", "optimizer": {"name": "adam", "lr": 0.03},
                 "scheduler": {"name": "none"}, "batch_size": 32, "epochs": 5, "seed": 0}}
TEXT = json.dumps(XOR)


def xor(**change) -> dict:
    d = copy.deepcopy(XOR)
    for path, value in change.items():
        *parents, last = path.split("__")
        where = d
        for p in parents:
            where = where[int(p)] if p.isdigit() else where[p]
        where[int(last) if last.isdigit() else last] = value
    return d


def check(tmp_path, capsys, text: str, command="check") -> tuple[int, str, str]:
    f = tmp_path / "net.nw.json"
    f.write_text(text)
    code = run_command([command, str(f)])
    out, err = capsys.readouterr()
    return code, out, err


def refused(tmp_path, capsys, text: str, *words, command="check") -> str:
    code, _, err = check(tmp_path, capsys, text, command)
    assert code == 2, err
    assert "internal problem" not in err and "Traceback" not in err, err
    for w in words:
        assert w in err, err
    return err


# ---- item 8 ------------------------------------------------------------------------------
@pytest.mark.parametrize("where,old,new", [
    ("ui", '"ui": {"x": 1', '"ui": {"z": ' + "[" * 600 + "]" * 600 + ', "x": 1'),
    ("params", '"params": {"units": 4', '"params": {"z": ' + '{"a": ' * 600 + "1" +
     "}" * 600 + ', "units": 4'),
])
def test_deeply_nested_json_names_where(tmp_path, capsys, where, old, new):
    err = refused(tmp_path, capsys, TEXT.replace(old, new, 1), "nested", "nodes[1]")
    assert len(err) < 500


def test_an_integer_of_5000_digits_is_refused_with_its_line(tmp_path, capsys):
    text = TEXT.replace('"samples": 100', '"samples": 1' + "0" * 5000, 1)
    refused(tmp_path, capsys, text, "5,001 digits", "line 1")


@pytest.mark.parametrize("change,words", [
    ({"nodes__1__params__units": 10 ** 400}, ("node 'h1'", "units", "401-digit")),
    ({"nodes__0__params__shape": [10 ** 400]}, ("node 'in'", "shape")),
    ({"training__batch_size": 10 ** 400}, ("batch_size",)),
    ({"training__epochs": 10 ** 400}, ("epochs",)),
])
def test_integers_too_big_for_a_float_are_refused(tmp_path, capsys, change, words):
    err = refused(tmp_path, capsys, json.dumps(xor(**change)), *words)
    assert len(err) < 600, err


@pytest.mark.parametrize("scheduler", [
    {"name": "exponential", "gamma": 1e308},
    {"name": "step", "step_size": 1, "gamma": 1e308},
    {"name": "exponential", "gamma": 2.0},
])
def test_a_schedule_whose_rate_overflows_over_the_run_is_refused(tmp_path, capsys, scheduler):
    d = xor(training__scheduler=scheduler, training__epochs=1100)
    refused(tmp_path, capsys, json.dumps(d), f"scheduler '{scheduler['name']}'", "gamma")


def test_a_growing_schedule_that_stays_finite_passes():
    d = xor(training__scheduler={"name": "exponential", "gamma": 2.0}, training__epochs=50)
    assert validate(Network.from_dict(d)) == []


def test_the_schedule_check_costs_nothing_for_two_billion_epochs():
    d = xor(training__scheduler={"name": "step", "step_size": 3, "gamma": 0.5},
            training__epochs=2_000_000_000)
    assert validate(Network.from_dict(d)) == []


# ---- item 9: no terminal escape reaches the terminal -------------------------------------
ESC_TITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"


def test_check_escapes_control_characters_in_ids_and_the_name(tmp_path, capsys):
    d = xor(name="net" + CLEAR, nodes__1__id="h" + ESC_TITLE, nodes__2__id="a\nb\x9b")
    d["edges"] = [{"from": "in", "to": d["nodes"][1]["id"]},
                  {"from": d["nodes"][1]["id"], "to": "a\nb\x9b"},
                  {"from": "a\nb\x9b", "to": "out"}, {"from": "out", "to": "p"}]
    code, out, err = check(tmp_path, capsys, json.dumps(d))
    assert code == 0, err
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "net\\x1b[2J" in out and "h\\x1b]0;pwned\\x07" in out and "a\\nb\\x9b" in out
    assert len(out.splitlines()) == 1 + 1 + 5 + 3       # name, header, 5 nodes, 3 totals


def test_error_lines_escape_control_characters(tmp_path, capsys):
    d = xor(nodes__1__id="h" + ESC_TITLE, nodes__1__params={"units": 0})
    d["edges"][0]["to"] = d["edges"][1]["from"] = d["nodes"][1]["id"]
    code, _, err = check(tmp_path, capsys, json.dumps(d))
    assert code == 2 and "\x1b" not in err and "\x07" not in err
    assert "units must be at least 1" in err


def test_a_file_name_with_escapes_is_printed_escaped(tmp_path, capsys):
    code = run_command(["check", str(tmp_path / ("missing" + CLEAR + ".nw.json"))])
    err = capsys.readouterr().err
    assert code == 2 and "\x1b" not in err and "\\x1b[2J" in err


def test_a_command_line_with_escapes_is_printed_escaped(capsys):
    assert run_command(["chec" + CLEAR, "x"]) == 2
    assert "\x1b" not in capsys.readouterr().err


def test_printable_keeps_ordinary_text_and_escapes_the_rest():
    from engine.cli.common import printable
    assert printable("Dense ünits [2] — é 한글 ok") == "Dense ünits [2] — é 한글 ok"
    assert printable("a\x1b[31mb\tc\u202ed\x7f") == "a\\x1b[31mb\\tc\\u202ed\\x7f"


# ---- item 14: silent acceptance, vague ranges --------------------------------------------
def test_a_duplicate_key_is_refused_naming_the_node_and_the_key(tmp_path, capsys):
    text = TEXT.replace('"params": {"units": 4}', '"params": {"units": 4, "units": 400}', 1)
    err = refused(tmp_path, capsys, text, "nodes[1] ('h1').params", "'units'", "twice")
    assert len(err.splitlines()) == 1


def test_a_duplicate_key_at_the_top_level_is_refused(tmp_path, capsys):
    text = TEXT.replace('"name": "XOR"', '"name": "XOR", "name": "B"', 1)
    refused(tmp_path, capsys, text, "'name'", "twice")


def test_port_99_on_a_one_input_node_is_refused_naming_the_node(tmp_path, capsys):
    d = xor()
    d["edges"][0]["port"] = 99
    refused(tmp_path, capsys, json.dumps(d), "node 'h1'", "port 99", "one input")


def test_ports_still_order_the_inputs_of_a_merge_node():
    d = xor()
    d["nodes"].insert(3, {"id": "sum", "type": "Add", "params": {}})
    d["edges"][2:3] = [{"from": "a1", "to": "sum", "port": 1},
                       {"from": "h1", "to": "sum", "port": 0}, {"from": "sum", "to": "out"}]
    assert validate(Network.from_dict(d)) == []


@pytest.mark.parametrize("seed", ["1e30", "99999999999999999999999999"])
def test_a_seed_out_of_range_on_the_command_line_says_the_range(tmp_path, capsys, seed):
    f = tmp_path / "net.nw.json"
    f.write_text(TEXT)
    assert run_command(["train", str(f), "--seed", seed]) == 2
    err = capsys.readouterr().err
    assert "--seed" in err and "0 to 9,007,199,254,740,992" in err, err


def test_a_seed_out_of_range_in_the_file_says_the_range(tmp_path, capsys):
    refused(tmp_path, capsys, json.dumps(xor(training__seed=1e30)),
            "seed must be a whole number", "at most 9,007,199,254,740,992", "1e+30")


@pytest.mark.parametrize("change,words", [
    ({"nodes__1__ui__x": 10 ** 400}, ("nodes[1] ('h1'): ui.x must be a number from",)),
    ({"nodes__1__ui__y": 1e300}, ("ui.y must be a number from",)),
    ({"edges__0__port": 10 ** 400}, ("edges[0]", "port must be a whole number from 0 to",
                                     "401-digit")),
    ({"version": 10 ** 400}, ("401-digit",)),
])
def test_huge_numbers_in_the_file_structure_are_refused_shortly(tmp_path, capsys, change,
                                                                words):
    err = refused(tmp_path, capsys, json.dumps(xor(**change)), *words)
    assert len(err) < 300, err


def test_train_checks_the_schedule_over_the_epochs_given_on_the_command_line(tmp_path, capsys):
    f = tmp_path / "net.nw.json"
    f.write_text(json.dumps(xor(training__scheduler={"name": "exponential", "gamma": 2.0})))
    assert run_command(["train", str(f), "--epochs", "1100"]) == 2
    err = capsys.readouterr().err
    assert "after 1,100 epochs" in err and "at most 1.88" in err, err


def test_a_schedule_that_would_overflow_gives_inf_instead_of_raising():
    from engine.optim.schedulers import preview_lrs
    lrs = preview_lrs({"name": "exponential", "gamma": 2.0}, 0.03, 1100)
    assert lrs[-1] == float("inf") and lrs[10] == pytest.approx(0.03 * 2 ** 10)

"""What a hostile user feeds the GUI monkey (tests/gui/monkey.py): text typed into fields,
clipboard text to paste, and malformed network files to open."""
from __future__ import annotations

import json
import os
from pathlib import Path

INVALID_TEXTS = ("abc", "", "-", "-1", "0", "1e400", "-1e400", "nan", "inf", "1e-400", "1,5",
                 "9" * 30, "0x10", " 3 ", "[[1]]", "four", "1, -2, 3", "\x1b[2J", "é∑😀",
                 "1;2", "3.5", "2", "1, 8, 8")


def _node(nid, type_, params=None, x=0, y=0):
    return {"id": nid, "type": type_, "params": params or {}, "ui": {"x": x, "y": y}}


def _net(nodes, edges=(), **extra):
    return {"format": "netwright-network", "version": 1, "name": "hostile",
            "nodes": nodes, "edges": list(edges), **extra}


def _deep(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


HOSTILE_CLIPBOARD = (
    "not json at all", "", "[]", "{}", '{"nodes": []}', "null", "1e400",
    json.dumps({"nodes": [_node("d", "Dense", {"units": 3})], "edges": []}),
    json.dumps({"nodes": [_node("d", "Dense"), _node("t", "Tanh")],
                "edges": [{"from": "d", "to": "t", "port": "zero"}]}),
    json.dumps({"nodes": [{"id": "d", "type": "Dense", "params": [1, 2], "ui": "left"}]}),
    json.dumps({"nodes": [{"id": "d", "type": "Dense", "params": {"units": "four"}}]}),
    json.dumps({"nodes": [{"id": "d", "type": "NoSuchLayer"}]}),
    json.dumps({"nodes": [_node("a", "Dense"), _node("a", "Dense")], "edges": []}),
    json.dumps({"nodes": [_node("a", "Dense")], "edges": [{"from": "a", "to": "ghost"}]}),
    json.dumps({"nodes": [_node("a", "Tanh"), _node("b", "Tanh")],
                "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a"}]}),
    '{"nodes": [{"id": "d", "type": "Dense", "params": {"units": 1e400}, "ui": {"x": 1e308}}]}',
    '{"nodes": [{"id": "d", "type": "Dense", "params": ' + _deep(600) + "}]}",
    json.dumps({"nodes": [{"id": "", "type": "Dense"}, {"id": "\n\x1b", "type": "ReLU"}]}),
    json.dumps({"nodes": [_node("c", "Conv2D", {"kernel_size": -3, "padding": "wide"})]}),
)


def hostile_files(folder: Path) -> list[Path]:
    """Write malformed network files into ``folder``; returns their paths, a folder, a
    missing file, /dev/zero and a FIFO."""
    folder.mkdir(parents=True, exist_ok=True)
    good = [_node("in", "Input", {"shape": [2]}), _node("h", "Dense", {"units": 3}, 200),
            _node("p", "Sigmoid", {}, 400)]
    wires = [{"from": "in", "to": "h"}, {"from": "h", "to": "p"}]
    texts = {
        "bad_json": '{"format": "netwright-network", "nodes": [',
        "empty": "",
        "deep": '{"format": "netwright-network", "version": 1, "nodes": [{"id": "a", '
                '"type": "Dense", "params": ' + _deep(900) + "}]}",
        "huge_int": '{"format": "netwright-network", "version": 1, "nodes": [{"id": "a", '
                    '"type": "Dense", "params": {"units": ' + "9" * 5000 + "}}]}",
        "huge_float": json.dumps(_net(good, wires)).replace('"units": 3', '"units": 1e400'),
        "wrong_types": json.dumps(_net([_node("in", "Input", {"shape": "two"}),
                                        {"id": 5, "type": ["Dense"], "params": [], "ui": 3}],
                                       "not a list")),
        "unknown_layer": json.dumps(_net(good + [_node("q", "Quantum", {}, 600)], wires)),
        "cycle": json.dumps(_net(good, wires + [{"from": "p", "to": "h"}])),
        "not_a_network": json.dumps({"format": "spreadsheet", "rows": []}),
        "future_version": json.dumps({**_net(good, wires), "version": 99}),
        "bad_training": json.dumps(_net(good, wires, training={
            "dataset": {"name": "csv", "params": {"path": "/dev/zero"}}, "loss": "bce",
            "optimizer": {"name": "adam", "lr": "abc"}, "batch_size": -4, "epochs": "many"})),
        "fine": json.dumps(_net(good, wires, training={
            "dataset": {"name": "xor", "params": {"samples": 100}}, "loss": "bce",
            "optimizer": {"name": "adam", "lr": 0.03}, "batch_size": 16, "epochs": 5})),
    }
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.nw.json"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    binary = folder / "binary.nw.json"
    binary.write_bytes(bytes(range(256)) * 4)
    a_folder = folder / "a_folder.nw.json"
    a_folder.mkdir(exist_ok=True)
    specials = [a_folder, folder / "missing.nw.json", Path("/dev/zero")]
    if hasattr(os, "mkfifo"):            # a pipe nobody writes to: reading it would hang
        fifo = folder / "fifo.nw.json"
        if not fifo.exists():
            os.mkfifo(fifo)
        specials.append(fifo)
    return [*paths, binary, *specials]

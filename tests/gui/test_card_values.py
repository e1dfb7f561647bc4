"""Every card and wire is drawn whatever value a file holds (issue 13, item 10): the loader
takes units "four", 1e400 or a list, the analysis reports them on their node, and the card
shows the value as written, red, with the problem in its tooltip. A shape of Infinity or a
4,001-digit rate made the card raise while it was built, so the canvas showed no card and
no wire at all."""
from __future__ import annotations

import html
import json

import pytest

from gui.canvas.summary import written

# (node id, param, the value as JSON text, what its card shows)
HOSTILE = [
    ("h1", "units", "1e400", "units inf"),
    ("h1", "units", '"four"', 'units "four"'),
    ("h1", "units", "Infinity", "units inf"),
    ("h1", "units", "NaN", "units nan"),
    ("h1", "units", "[4, 4]", "units [4, 4]"),
    ("h1", "units", "1" + "0" * 30, "units a 31-digit number"),
    ("h1", "units", "null", "units null"),
    ("h1", "units", "true", "units true"),
    ("in", "shape", "Infinity", "shape inf"),
    ("in", "shape", "1" + "0" * 30, "shape a 31-digit number"),
    ("in", "shape", '"2"', 'shape "2"'),
    ("drop", "rate", "1" + "0" * 4000, "rate a 4001-digit number"),
    ("drop", "rate", '{"a": 1}', 'rate {"a": 1}'),
]


def network_text(node_id: str, param: str, raw: str, batch_size: str = "32") -> str:
    """Input -> Dense -> Dropout -> Dense -> Sigmoid with one param written as ``raw``."""
    params = {"in": '"shape": [2]', "h1": '"units": 4', "drop": '"rate": 0.5'}
    params[node_id] = f'"{param}": {raw}'
    nodes = [("in", "Input", params["in"]), ("h1", "Dense", params["h1"]),
             ("drop", "Dropout", params["drop"]), ("out", "Dense", '"units": 1'),
             ("p", "Sigmoid", "")]
    node_text = ", ".join(
        f'{{"id": "{i}", "type": "{t}", "params": {{{p}}}, "ui": {{"x": {k * 200}, "y": 0}}}}'
        for k, (i, t, p) in enumerate(nodes))
    edges = ", ".join(f'{{"from": "{a}", "to": "{b}"}}'
                      for (a, _, _), (b, _, _) in zip(nodes, nodes[1:]))
    training = json.dumps({"dataset": {"name": "xor"}, "loss": "bce",
                           "optimizer": {"name": "adam", "lr": 0.03}})[:-1]
    return (f'{{"format": "netwright-network", "version": 1, "name": "hostile", '
            f'"nodes": [{node_text}], "edges": [{edges}], '
            f'"training": {training}, "batch_size": {batch_size}, "epochs": 5}}}}')


def open_file(window, tmp_path, text: str):
    path = tmp_path / "hostile.nw.json"
    path.write_text(text, encoding="utf-8")
    assert window.files.load_path(str(path), remember=False)
    window.grab()                        # paints every visible card and wire
    return window.view.scene()


@pytest.fixture
def canvas(qtbot):
    """A canvas alone (the window's loader, document and view), shown at 1000 x 400."""
    from gui.canvas.view import CanvasView
    from gui.document import Document
    view = CanvasView(Document())
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    return view


def open_in_canvas(view, tmp_path, text: str):
    from gui.files import read_network
    path = tmp_path / "hostile.nw.json"
    path.write_text(text, encoding="utf-8")
    view.document.replace(read_network(path), str(path))
    view.fit_to_view()
    view.grab()                          # paints every card and wire
    return view.scene()


@pytest.mark.parametrize("node_id, param, raw, shown", HOSTILE,
                         ids=[f"{p}={r[:12]}" for _, p, r, _ in HOSTILE])
def test_every_card_and_wire_is_drawn_and_the_problem_is_on_the_node(
        canvas, tmp_path, node_id, param, raw, shown):
    scene = open_in_canvas(canvas, tmp_path, network_text(node_id, param, raw))
    assert sorted(scene.node_items) == ["drop", "h1", "in", "out", "p"]
    assert len(scene.edge_items) == 4
    problems = canvas.document.errors.get(node_id)
    assert problems and any(param in m for m in problems)
    card = scene.node_items[node_id]
    assert card.has_error
    assert card._texts[1].startswith(shown)                  # the value as written
    assert html.escape(problems[0]) in card.toolTip()


def test_the_window_opens_a_file_of_bad_values(main_window, tmp_path):
    text = network_text("h1", "units", '"four"').replace('"rate": 0.5', '"rate": ' + "9" * 4000)
    scene = open_file(main_window, tmp_path, text)
    assert len(scene.node_items) == 5 and len(scene.edge_items) == 4
    assert scene.node_items["h1"].has_error and scene.node_items["drop"].has_error
    assert scene.node_items["drop"]._texts[1] == "rate a 4000-digit number"


def test_a_huge_batch_size_leaves_the_cards_as_they_are(main_window, tmp_path):
    scene = open_file(main_window, tmp_path, network_text("h1", "units", "4",
                                                          batch_size="1" + "0" * 30))
    assert len(scene.node_items) == 5 and len(scene.edge_items) == 4
    assert not any(item.has_error for item in scene.node_items.values())
    assert main_window.document.errors.get(None)          # the file's problem, said


def test_written_values_are_short():
    assert written("x" * 500) == '"' + "x" * 40 + '…"'
    assert written(list(range(100))) == "[0, 1, 2, 3, …]"
    assert written(10 ** 5000) == "a number of over 4,000 digits"
    assert written(-12) == "-12" and written(2.5) == "2.5"

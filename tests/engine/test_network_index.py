"""Network.node / has_node answer from an index made once per edit (the canvas asks for every
card: a walk over the list each time made opening a big file quadratic), and answer right
when the list is changed by hand."""
from __future__ import annotations

from engine.graph.network import Network


class CountingList(list):
    """A list that counts how often it is walked."""

    walks = 0

    def __iter__(self):
        CountingList.walks += 1
        return super().__iter__()


def chain(n: int) -> Network:
    nodes = [{"id": f"n{i}", "type": "ReLU", "params": {}} for i in range(n)]
    return Network(nodes=nodes)


def test_looking_up_every_node_walks_the_list_once():
    net = chain(500)
    net.nodes = CountingList(net.nodes)
    CountingList.walks = 0
    assert [net.node(f"n{i}")["id"] for i in range(500)] == [f"n{i}" for i in range(500)]
    assert all(net.has_node(f"n{i}") for i in range(500))
    assert CountingList.walks <= 1


def test_edits_are_seen():
    net = chain(3)
    net.node("n1")
    net.add_node("Dense", {"units": 2}, node_id="d")
    assert net.node("d")["type"] == "Dense"
    index, node, edges = net.remove_node("n0")
    assert not net.has_node("n0") and net.node("n1") is net.nodes[0]
    net.restore_node(index, {**node, "id": "back"}, edges)     # a rename: same length
    assert net.node("back") is net.nodes[0] and not net.has_node("n0")


def test_a_list_changed_by_hand_is_answered_right():
    net = chain(3)
    net.node("n2")
    net.nodes[2] = {"id": "x", "type": "ReLU", "params": {}}        # same length, new id
    assert net.has_node("x") and not net.has_node("n2")
    net.nodes.append({"id": "n0", "type": "Tanh", "params": {}})    # a duplicate id
    assert net.node("n0") is net.nodes[0]                            # the first one
    net.nodes = [{"id": "y", "type": "ReLU", "params": {}}]          # a new list
    assert net.node("y")["id"] == "y" and not net.has_node("x")


def test_edges_into_is_input_edges_of_every_node():
    net = Network.from_dict({
        "nodes": [{"id": i, "type": t} for i, t in
                  (("in", "Input"), ("a", "ReLU"), ("b", "ReLU"), ("s", "Add"))],
        "edges": [{"from": "in", "to": "a"}, {"from": "in", "to": "b"},
                  {"from": "b", "to": "s", "port": 1}, {"from": "a", "to": "s"}]})
    into = net.edges_into()
    for nid in net.node_ids():
        assert into.get(nid, []) == net.input_edges(nid)
    assert [e["from"] for e in into["s"]] == ["a", "b"]

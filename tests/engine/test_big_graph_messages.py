"""A problem shared by thousands of nodes is said in a text of bounded size on each of them
(every output of a 4,000-way fan-out carried all 4,000 names: 140 MB of messages, growing
with the square of the count, as the cycles of issue 13 item 5 did)."""
from __future__ import annotations

from engine.graph.analysis import analyse
from engine.graph.network import Network


def fan_out(n: int) -> Network:
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [2]}}]
    nodes += [{"id": f"d{i}", "type": "Dense", "params": {"units": 2}} for i in range(n)]
    return Network.from_dict({"nodes": nodes,
                              "edges": [{"from": "in", "to": f"d{i}"} for i in range(n)]})


def message_bytes(net: Network) -> int:
    return sum(len(m) for messages in analyse(net).messages.values() for m in messages)


def test_thousands_of_outputs_are_named_shortly():
    messages = analyse(fan_out(4000)).messages
    assert messages["d0"] == ["the network has 4,000 outputs ('d0', 'd1', 'd2', 'd3', 'd4' and "
                              "3,995 more) but must end in exactly one node: wire 'd0' into the "
                              "rest (e.g. with Add or Concat) or delete it"]
    assert message_bytes(fan_out(4000)) < 4000 * 200


def test_a_few_outputs_are_all_named():
    assert "has 3 outputs ('d0', 'd1', 'd2') but" in analyse(fan_out(3)).messages["d0"][0]


def test_thousands_of_input_nodes_are_named_shortly():
    net = Network.from_dict({"nodes": [{"id": f"i{i}", "type": "Input"} for i in range(3000)]})
    messages = analyse(net).messages
    assert "3,000 Input nodes ('i0', 'i1', 'i2', 'i3', 'i4' and 2,995 more)" in messages["i1"][0]
    assert message_bytes(net) < 3000 * 400

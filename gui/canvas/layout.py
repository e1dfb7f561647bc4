"""Automatic left-to-right layout: a column per topological depth (no Qt needed)."""
from __future__ import annotations

from collections import deque

from engine.graph.network import Network

COLUMN_SPACING = 175.0     # a card is 120 wide in scene units: room for a wire label
ROW_SPACING = 130.0        # a card is ~54 high, its live preview ~64 more under it


def node_depths(net: Network) -> dict[str, int]:
    """Longest path from a source to each node (0 for nodes without inputs). Nodes on a
    cycle keep the depth they had reached, so a broken graph still gets a layout."""
    ids = net.node_ids()
    preds: dict[str, list[str]] = {i: [] for i in ids}
    succs: dict[str, list[str]] = {i: [] for i in ids}
    for e in net.edges:
        if e["from"] in preds and e["to"] in preds:
            preds[e["to"]].append(e["from"])
            succs[e["from"]].append(e["to"])
    indegree = {i: len(preds[i]) for i in ids}
    depth = {i: 0 for i in ids}
    ready = deque(i for i in ids if indegree[i] == 0)
    while ready:
        nid = ready.popleft()
        for nxt in succs[nid]:
            depth[nxt] = max(depth[nxt], depth[nid] + 1)
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return depth


def layered_positions(net: Network, origin: tuple[float, float] = (0.0, 0.0)
                      ) -> dict[str, tuple[float, float]]:
    """Top-left position of every node card: columns by depth, each column centred on
    y = origin; within a column, nodes keep the order of their inputs' rows (fewer crossings)."""
    depth = node_depths(net)
    inputs = {dst: [e["from"] for e in edges] for dst, edges in net.edges_into().items()}
    columns: dict[int, list[str]] = {}
    for nid in net.node_ids():
        columns.setdefault(depth[nid], []).append(nid)
    row_of: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    ox, oy = origin
    for d in sorted(columns):
        column = sorted(columns[d], key=lambda n: (_mean_row(inputs.get(n, ()), row_of),
                                                   _y(net, n)))
        top = -(len(column) - 1) / 2.0
        for k, nid in enumerate(column):
            row_of[nid] = top + k
            positions[nid] = (ox + d * COLUMN_SPACING, oy + (top + k) * ROW_SPACING)
    return positions


def _mean_row(sources, row_of: dict[str, float]) -> float:
    rows = [row_of[s] for s in sources if s in row_of]
    return sum(rows) / len(rows) if rows else 0.0


def _y(net: Network, nid: str) -> float:
    ui = net.node(nid).get("ui")
    y = ui.get("y", 0.0) if isinstance(ui, dict) else 0.0
    return y if isinstance(y, (int, float)) else 0.0

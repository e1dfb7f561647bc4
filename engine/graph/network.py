"""The network document (``*.nw.json``): nodes, edges and the training section.

It stores exactly what the file holds (params as written; missing params take registry
defaults when compiled), so a load/save round trip is unchanged. A file without a training
section is a graph alone: ``training`` then holds DEFAULT_TRAINING (what a run would use),
``has_training`` is False until a training section is set, and saving leaves it out. The
small edit methods below are what the GUI's undo commands call. Reading a file checks its structure (JSON
types, format, version) and migrates older versions; whether the graph makes sense is
engine.graph.validation's job.
"""
from __future__ import annotations

import copy
import json
import os
import re
from pathlib import Path
from typing import Iterable

from engine.graph import network_file
from engine.graph.network_file import FORMAT, VERSION  # noqa: F401  (re-exported)

DEFAULT_TRAINING = {
    "dataset": {"name": "xor", "params": {"samples": 400, "noise": 0.1},
                "validation_split": 0.2},
    "loss": "bce",
    "optimizer": {"name": "adam", "lr": 0.03},
    "scheduler": {"name": "none"},
    "regularization": {"l1": 0.0, "l2": 0.0},
    "batch_size": 32, "epochs": 200, "seed": 0,
}


def training_text(t: dict) -> str:
    """A valid training section in one line: "dataset xor, loss bce, adam (lr 0.03), ..."."""
    ds, opt = t["dataset"], t["optimizer"]
    extras = ", ".join(f"{k} {v}" for k, v in opt.items() if k != "name")
    sched = (t.get("scheduler") or {"name": "none"})["name"]
    return (f"dataset {ds['name']}, loss {t['loss']}, {opt['name']}"
            f"{f' ({extras})' if extras else ''}, scheduler {sched}, {_regularization_text(t)}, "
            f"batch {t['batch_size']}, {t['epochs']} epochs, seed {t.get('seed', 0)}")


def _regularization_text(t: dict) -> str:
    """'regularization (l1 0, l2 0.001)', or 'no regularization' for zeros or none."""
    reg = t.get("regularization") or {}
    l1, l2 = (reg.get(k, 0.0) if isinstance(reg, dict) else 0.0 for k in ("l1", "l2"))
    return (f"regularization (l1 {_number(l1)}, l2 {_number(l2)})" if l1 or l2
            else "no regularization")


def _number(v) -> str:
    return f"{v:g}" if isinstance(v, (int, float)) else repr(v)


def default_training_note() -> str:
    """What training a network without a training section means, said where it happens."""
    return ("the file has no training section, so training uses the defaults: "
            + training_text(DEFAULT_TRAINING))


def folder_of(file_path: str | Path | None) -> Path | None:
    """The folder where the relative data paths of the network file ``file_path`` start
    (engine.data.paths); None for a network without a file."""
    return Path(os.path.abspath(file_path)).parent if file_path else None


def run_key(network: dict) -> str:
    """What a training run depends on: layers, params, wires and training, not node
    positions. The window continues a stopped run, and a lesson one, while this is equal."""
    nodes = [{k: v for k, v in n.items() if k != "ui"} for n in network.get("nodes", [])]
    return json.dumps({"nodes": nodes, "edges": network.get("edges", []),
                       "training": network.get("training")}, sort_keys=True, default=str)


def in_port_order(edges: Iterable[dict]) -> list[dict]:
    """Edges into one node in the order its layer receives them: by ``port`` (an edge
    without one is port 0), ties in file order. The one place this rule is written."""
    return sorted(edges, key=lambda e: e.get("port", 0))


class Network:
    def __init__(self, name: str = "Untitled", nodes: list | None = None,
                 edges: list | None = None, training: dict | None = None,
                 description: str = ""):
        self.name = name
        self.description = description
        self.nodes: list[dict] = nodes if nodes is not None else []
        self.edges: list[dict] = edges if edges is not None else []
        # False: read from a file without a training section (validation checks the graph
        # alone); a network made here owns its training, the defaults if none is given
        self.has_training = True
        self.training: dict = training if training is not None else copy.deepcopy(
            DEFAULT_TRAINING)
        # where relative data paths start: the folder of the file read or saved (None:
        # never saved, the current folder); not written into the file
        self.folder: Path | None = None
        self._edits = 0                    # counts the edits below: see index_of
        self._index_key: tuple | None = None
        self._index: dict[str, int] = {}

    # ---- dict form -----------------------------------------------------------------------
    @classmethod
    def from_dict(cls, d: dict) -> "Network":
        """A Network from the file's dict form. ``format`` and ``version`` may be left out
        (a dict written in a script); another format or a newer version is refused, an
        older version migrated. Wrongly typed parts raise NetworkFileError naming them
        ("nodes[3]: 'type' is missing"), every problem on its own line."""
        network_file.check_depth(d)          # before deepcopy, which recurses
        d = network_file.checked(network_file.migrated(copy.deepcopy(d)))
        net = cls(name=d.get("name", "Untitled"), nodes=d.get("nodes", []),
                  edges=d.get("edges", []), training=d.get("training"),
                  description=d.get("description", ""))
        net.has_training = "training" in d
        return net

    @classmethod
    def load(cls, path: str | Path) -> "Network":
        """Read a ``*.nw.json`` file; NetworkFileError says what is wrong with it."""
        net = cls.from_dict(network_file.read(path))
        net.folder = folder_of(path)
        return net

    def save(self, path: str | Path) -> None:
        """Write atomically: a crash or a full disk never leaves a half-written file
        where a good one was."""
        network_file.write_atomic(path, self.to_dict())
        self.folder = folder_of(path)

    def to_dict(self) -> dict:
        d = {"format": FORMAT, "version": VERSION, "name": self.name}
        if self.description:
            d["description"] = self.description
        d.update(nodes=self.nodes, edges=self.edges)
        if self.has_training:
            d["training"] = self.training
        return copy.deepcopy(d)

    def copy(self) -> "Network":
        net = Network.from_dict(self.to_dict())
        net.folder = self.folder
        return net

    # ---- queries -------------------------------------------------------------------------
    def node(self, node_id: str) -> dict:
        """The first node with this id (KeyError when there is none)."""
        i = self.index_of(node_id)
        if i is None:
            raise KeyError(f"no node {node_id!r}")
        return self.nodes[i]

    def has_node(self, node_id: str) -> bool:
        return self.index_of(node_id) is not None

    def index_of(self, node_id: str) -> int | None:
        """Where ``node_id`` is in ``nodes``, from an index made once per edit: the canvas
        asks for every card, and a walk over the list each time made opening a big file
        quadratic. An answer the list does not bear out is asked again of a fresh index,
        so a list changed by hand (not through the edits below) is still answered right."""
        key = (self._edits, id(self.nodes), len(self.nodes))
        if key != self._index_key:
            self._reindex(key)
        i = self._index.get(node_id)
        if i is None or i >= len(self.nodes) or self.nodes[i]["id"] != node_id:
            self._reindex(key)
            i = self._index.get(node_id)
        return i

    def _reindex(self, key: tuple) -> None:
        self._index = {}
        for i, n in enumerate(self.nodes):
            self._index.setdefault(n["id"], i)      # a duplicated id: its first node
        self._index_key = key

    def node_ids(self) -> list[str]:
        return [n["id"] for n in self.nodes]

    def input_edges(self, node_id: str) -> list[dict]:
        """The edges into ``node_id`` in port order (see ``in_port_order``)."""
        return in_port_order(e for e in self.edges if e["to"] == node_id)

    def edges_into(self) -> dict[str, list[dict]]:
        """``input_edges`` of every node that has an input, in one pass over the edges."""
        into: dict[str, list[dict]] = {}
        for e in self.edges:
            into.setdefault(e["to"], []).append(e)
        return {dst: in_port_order(edges) for dst, edges in into.items()}

    def inputs_of(self, node_id: str) -> list[str]:
        """Source ids feeding ``node_id``, in port order."""
        return [e["from"] for e in self.input_edges(node_id)]

    def new_id(self, type_name: str) -> str:
        """A fresh readable id such as 'dense2' for a new node of ``type_name``."""
        stem = re.sub(r"[^a-z0-9]", "", type_name.lower()) or "node"
        taken = set(self.node_ids())
        i = 1
        while f"{stem}{i}" in taken:
            i += 1
        return f"{stem}{i}"

    # ---- edits (each undoable by its inverse) --------------------------------------------
    def add_node(self, type_name: str, params: dict | None = None, x: float = 0.0,
                 y: float = 0.0, node_id: str | None = None, index: int | None = None) -> str:
        node_id = node_id or self.new_id(type_name)
        if self.has_node(node_id):
            raise ValueError(f"a node with id {node_id!r} exists already")
        node = {"id": node_id, "type": type_name, "params": dict(params or {}),
                "ui": {"x": x, "y": y}}
        self.nodes.insert(len(self.nodes) if index is None else index, node)
        self._edits += 1
        return node_id

    def remove_node(self, node_id: str) -> tuple[int, dict, list[tuple[int, dict]]]:
        """Remove a node and its edges; returns (index, node, [(edge index, edge)]) so an
        undo can put everything back exactly where it was."""
        index = self.index_of(node_id)
        if index is None:
            raise ValueError(f"no node {node_id!r}")
        self._edits += 1
        removed_edges = [(i, e) for i, e in enumerate(self.edges)
                         if node_id in (e["from"], e["to"])]
        for i, _ in reversed(removed_edges):
            del self.edges[i]
        return index, self.nodes.pop(index), removed_edges

    def restore_node(self, index: int, node: dict, edges: list[tuple[int, dict]]) -> None:
        self.nodes.insert(index, node)
        self._edits += 1
        for i, e in edges:
            self.edges.insert(i, e)

    def set_param(self, node_id: str, name: str, value) -> None:
        """Set one param; ``value`` None removes it (back to the registry default)."""
        params = self.node(node_id)["params"]
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value

    def move_node(self, node_id: str, x: float, y: float) -> None:
        self.node(node_id).setdefault("ui", {}).update(x=x, y=y)

    def add_edge(self, src: str, dst: str, port: int | None = None,
                 index: int | None = None) -> dict:
        edge = {"from": src, "to": dst}
        if port is not None:
            edge["port"] = port
        self.edges.insert(len(self.edges) if index is None else index, edge)
        return edge

    def remove_edge(self, src: str, dst: str) -> tuple[int, dict]:
        for i, e in enumerate(self.edges):
            if e["from"] == src and e["to"] == dst:
                return i, self.edges.pop(i)
        raise KeyError(f"no edge {src!r} -> {dst!r}")

    def set_training(self, training: dict | None) -> None:
        """Set the training section; None removes it (a graph alone, trained on the
        defaults), as undoing the first training edit of such a file does."""
        self.has_training = training is not None
        self.training = copy.deepcopy(DEFAULT_TRAINING if training is None else training)

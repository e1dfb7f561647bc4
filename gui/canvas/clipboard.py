"""Copy / paste of canvas fragments: {"nodes": [...], "edges": [...internal edges]} as JSON
on the system clipboard (its own MIME type, plus plain text for pasting elsewhere)."""
from __future__ import annotations

import copy
import json

from PySide6.QtCore import QMimeData

MIME_FRAGMENT = "application/x-netwright-fragment"


def fragment_of(network, node_ids) -> dict:
    """The chosen nodes and the edges between them (edges leaving the set are dropped)."""
    chosen = set(node_ids)
    nodes = [copy.deepcopy(n) for n in network.nodes if n["id"] in chosen]
    edges = [copy.deepcopy(e) for e in network.edges
             if e["from"] in chosen and e["to"] in chosen]
    return {"nodes": nodes, "edges": edges}


def to_mime(fragment: dict) -> QMimeData:
    text = json.dumps(fragment, indent=1)
    mime = QMimeData()
    mime.setData(MIME_FRAGMENT, text.encode("utf-8"))
    mime.setText(text)
    return mime


def from_mime(mime: QMimeData | None) -> dict | None:
    """The fragment on the clipboard, or None when it holds none (or a broken one)."""
    if mime is None:
        return None
    if mime.hasFormat(MIME_FRAGMENT):
        raw = bytes(mime.data(MIME_FRAGMENT)).decode("utf-8", "replace")
    elif mime.hasText():
        raw = mime.text()
    else:
        return None
    try:
        fragment = json.loads(raw)
    except ValueError:
        return None
    return fragment if _is_fragment(fragment) else None


def _is_fragment(f) -> bool:
    if not isinstance(f, dict) or not isinstance(f.get("nodes"), list) or not f["nodes"]:
        return False
    nodes_ok = all(isinstance(n, dict) and isinstance(n.get("id"), str)
                   and isinstance(n.get("type"), str) for n in f["nodes"])
    edges = f.get("edges", [])
    edges_ok = isinstance(edges, list) and all(
        isinstance(e, dict) and isinstance(e.get("from"), str) and isinstance(e.get("to"), str)
        for e in edges)
    return nodes_ok and edges_ok

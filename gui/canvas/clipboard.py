"""Copy / paste of canvas fragments: {"nodes": [...], "edges": [...internal edges]} as JSON
on the system clipboard (its own MIME type, plus plain text for pasting elsewhere)."""
from __future__ import annotations

import atexit
import copy
import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

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


_release_registered = False


def put_on_clipboard(fragment: dict) -> None:
    global _release_registered
    QGuiApplication.clipboard().setMimeData(to_mime(fragment))
    if not _release_registered:
        atexit.register(_release_clipboard)
        _release_registered = True


def _release_clipboard() -> None:
    """Qt deletes the clipboard's QMimeData in a C exit handler, after Python has finalised,
    and PySide then crashes on the Python wrapper (segfault at exit). Drop ours while Python
    is still alive."""
    app = QGuiApplication.instance()
    if app is not None and from_mime(app.clipboard().mimeData()) is not None:
        app.clipboard().clear()


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

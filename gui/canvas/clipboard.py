"""Copy / paste of canvas fragments: {"nodes": [...], "edges": [...internal edges]} as JSON
on the system clipboard (its own MIME type, plus plain text for pasting elsewhere).

What is pasted is checked exactly as a network file being opened (engine.graph.network_file:
the JSON, then every node and edge), so a paste never puts in the document what a file
could not hold: an edge with port "zero" was pasted, saved, and the file then refused."""
from __future__ import annotations

import atexit
import copy
import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from engine.errors import NetworkFileError
from engine.files import NETWORK_FILE_MAX_BYTES
from engine.graph import network_file
from engine.graph.network import Network
from gui.i18n import translate

MIME_FRAGMENT = "application/x-netwright-fragment"
SOURCE = "the clipboard"          # how the file checks' messages name what they read


class PasteRefused(ValueError):
    """Why what the clipboard holds cannot be pasted, in words for the status bar."""


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
    mime = app.clipboard().mimeData() if app is not None else None
    if mime is not None and mime.hasFormat(MIME_FRAGMENT):
        app.clipboard().clear()


def offers_paste(mime: QMimeData | None) -> bool:
    """Whether Paste has something to try: a fragment, or text (which read_fragment checks,
    saying why when it is refused: a disabled Paste would say nothing)."""
    return mime is not None and (mime.hasFormat(MIME_FRAGMENT) or mime.hasText())


def from_mime(mime: QMimeData | None) -> dict | None:
    """The fragment on the clipboard, or None when it holds none (or a refused one)."""
    try:
        return read_fragment(mime)
    except PasteRefused:
        return None


def read_fragment(mime: QMimeData | None) -> dict:
    """{"nodes": [...], "edges": [...]} from the clipboard, checked as a network file being
    opened (a whole network file's text pastes its nodes); PasteRefused says why not."""
    raw = _clipboard_text(mime)
    if len(raw) > NETWORK_FILE_MAX_BYTES:
        raise PasteRefused(translate("Canvas", "the clipboard holds {size:,.0f} MB of text, "
                                               "more than a network file may ({limit} MB)")
                           .format(size=len(raw) / 2 ** 20,
                                   limit=NETWORK_FILE_MAX_BYTES // 2 ** 20))
    try:
        network = Network.from_dict(network_file.parse_json(raw, SOURCE))
    except NetworkFileError as e:
        raise PasteRefused(_first_problem(e)) from None
    if not network.nodes:
        raise PasteRefused(translate("Canvas", "the clipboard holds no nodes (copy some on the "
                                               "canvas first)"))
    return {"nodes": network.nodes, "edges": network.edges}


def _clipboard_text(mime: QMimeData | None) -> str:
    if mime is not None and mime.hasFormat(MIME_FRAGMENT):
        return bytes(mime.data(MIME_FRAGMENT)).decode("utf-8", "replace")
    if mime is not None and mime.hasText():
        return mime.text()
    raise PasteRefused(translate("Canvas", "the clipboard holds no text (copy nodes on the "
                                           "canvas first)"))


def _first_problem(error: NetworkFileError) -> str:
    """The first problem of a refused paste, and how many more (the status bar is one line)."""
    problems = getattr(error, "problems", None) or [str(error)]
    more = len(problems) - 1
    first = problems[0].replace("the file:", "the pasted text:").replace(
        repr(SOURCE), "the clipboard's text")
    if not more:
        return first
    return first + (translate("Canvas", " (and 1 more problem)") if more == 1 else
                    translate("Canvas", " (and {n} more problems)").format(n=more))

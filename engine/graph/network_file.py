"""Reading and writing ``*.nw.json`` files: structure checks, version migration, atomic save.

Every problem is reported in words that say where it is ("nodes[3] ('d1'): 'type' is
missing"); all structural problems of a file are collected and raised together as one
NetworkFileError whose ``problems`` attribute lists them (its message has one per line).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Callable

from engine.errors import NetworkFileError
from engine.files import (NETWORK_FILE_MAX_BYTES, FolderNotWritable, atomic_write_text,
                          read_capped)
from engine.schema import MAX_WHOLE

FORMAT = "netwright-network"
VERSION = 2


def _add_regularization(d: dict) -> dict:
    """Version 2 added training.regularization; a version-1 run had none: zeros."""
    if isinstance(d.get("training"), dict):
        d["training"].setdefault("regularization", {"l1": 0.0, "l2": 0.0})
    return d


# version v -> function turning a version-v dict into a version-(v + 1) dict (version 1 is
# the first published format).
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _add_regularization}

TOP_KEYS = ("format", "version", "name", "description", "nodes", "edges", "training")
NODE_KEYS = ("id", "type", "params", "ui")
EDGE_KEYS = ("from", "to", "port")
MAX_UI = 1_000_000_000     # a card's position; beyond it the canvas cannot place or draw it


def file_error(problems: list[str]) -> NetworkFileError:
    err = NetworkFileError("\n".join(problems))
    err.problems = list(problems)
    return err


# ---- reading ------------------------------------------------------------------------------
def read(path: str | Path) -> dict:
    """The JSON object in ``path``; NetworkFileError for a missing, empty, binary, non-UTF-8
    or malformed file, or one that is not a Netwright network."""
    path = Path(path)
    data = _read_bytes(path)
    if not data.strip():
        raise file_error([f"{path.name!r} is empty: it holds no network"])
    if b"\x00" in data:
        raise file_error([f"{path.name!r} is not a text file (is it binary?); "
                          f"a network file is JSON text"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise file_error([f"{path.name!r} is not UTF-8 text (byte {e.start} cannot be "
                          f"read); a network file is JSON text"]) from None
    d = parse_json(text, path.name)
    if not isinstance(d, dict):
        raise file_error([f"{path.name!r} holds a JSON {_json_type(d)}, but a network file "
                          f"holds one object {{\"format\": \"{FORMAT}\", ...}}"])
    if "format" not in d:
        raise file_error([f"{path.name!r} is not a Netwright network file: it has no "
                          f"\"format\": \"{FORMAT}\" field"])
    return d


def _read_bytes(path: Path) -> bytes:
    """The file's bytes; a FIFO, a device or a file over the documented size limit is
    refused unread (read_capped's OSError says which), never waited on or read whole."""
    try:
        return read_capped(path, NETWORK_FILE_MAX_BYTES)
    except FileNotFoundError:
        raise file_error([f"no such file: {str(path)!r}"]) from None
    except IsADirectoryError:
        raise file_error([f"{str(path)!r} is a folder, not a network file"]) from None
    except PermissionError:
        raise file_error([f"no permission to read {str(path)!r}"]) from None
    except OSError as e:
        raise file_error([f"cannot read {str(path)!r}: {e.strerror or e}"]) from None


def parse_json(text: str, name: str) -> Any:
    """``text`` read as a network file's JSON (the window's clipboard reads pasted text so
    too); NetworkFileError naming ``name`` for malformed JSON, a key twice in one object,
    an integer too long to read or nesting too deep to parse."""
    try:
        repeated: list[tuple[dict, str]] = []
        d = json.loads(text, object_pairs_hook=lambda pairs: _object(pairs, repeated))
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        if e.pos >= len(text.rstrip()):
            raise file_error([f"{name!r} ends unexpectedly at {where}: the file is "
                              f"truncated or incomplete JSON"]) from None
        raise file_error([f"{name!r} is not valid JSON: {e.msg} at {where}"]) from None
    except RecursionError:
        raise file_error([f"{name!r} is nested too deeply to be a network file"]) from None
    except ValueError as e:          # Python refuses to read an integer of 4,300+ digits
        raise file_error([_huge_integer(text, name) or f"{name!r} cannot be read: {e}"]) \
            from None
    if repeated:
        obj, key = repeated[0]
        where = _path_text(d, _path_to(d, obj)) or "the top level"
        raise file_error([f"{name!r}: {where} has the key {key[:40]!r} twice (JSON would "
                          f"silently keep the last one): keep one"])
    return d


def _object(pairs: list[tuple[str, Any]], repeated: list[tuple[dict, str]]) -> dict:
    """A JSON object as a dict, noting a key it holds twice (json.loads keeps the last)."""
    d = dict(pairs)
    if len(d) < len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))
        repeated.append((d, key))
    return d


def _path_to(root: Any, target: dict) -> tuple:
    """The path from ``root`` to the object ``target`` (by identity)."""
    stack: list[tuple[Any, tuple]] = [(root, ())]
    while stack:
        value, path = stack.pop()
        if value is target:
            return path
        if isinstance(value, dict):
            stack.extend((v, path + (k,)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))
    return ()


def _huge_integer(text: str, name: str) -> str | None:
    """Where the first integer too long to read is, in words; None if there is none."""
    match = re.search(r"\d{%d,}" % (sys.get_int_max_str_digits() or 4300), text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return (f"{name!r} holds a number of {len(match.group()):,} digits at line {line}, "
            f"column {column}: far too big for any setting")


# ---- nesting ------------------------------------------------------------------------------
MAX_DEPTH = 40       # a network file nests 5 levels; copying or saving 500+ levels would crash


def check_depth(d: Any) -> None:
    """NetworkFileError naming where ``d`` nests more than MAX_DEPTH levels. A walk with a
    stack of its own, so a deep value cannot exhaust Python's recursion limit here."""
    stack: list[tuple[Any, tuple]] = [(d, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise file_error([f"{_path_text(d, path)} is nested more than {MAX_DEPTH} "
                              f"levels deep: a network file holds no such value"])
        if isinstance(value, dict):
            stack.extend((v, path + (k,)) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((v, path + (i,)) for i, v in enumerate(value))


def _path_text(d: Any, path: tuple) -> str:
    """'nodes[1] ('h1').ui.z': the first few steps of ``path`` into ``d``."""
    out, where = "", d
    for step in path[:4]:
        if isinstance(step, int):
            out += f"[{step}]"
            node_id = where[step].get("id") if isinstance(where[step], dict) else None
            if out.startswith("nodes[") and out.count("[") == 1 and isinstance(node_id, str):
                out += f" ({node_id[:40]!r})"
        else:
            out += ("." if out else "") + str(step)[:40]
        where = where[step]
    return out + ("..." if len(path) > 4 else "")


# ---- version ------------------------------------------------------------------------------
def migrated(d: Any) -> Any:
    """``d`` brought to the current VERSION (refusing another format or a newer version)."""
    if not isinstance(d, dict):
        raise file_error([f"a network is a JSON object {{...}}, got a {_json_type(d)}"])
    fmt = d.get("format", FORMAT)
    if fmt != FORMAT:
        raise file_error([f"this is not a Netwright network: its format is {fmt!r}, "
                          f"expected {FORMAT!r}"])
    version = d.get("version", VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise file_error([f"version must be a whole number such as {VERSION}, "
                          f"got {_short(version)}"])
    if version > VERSION:
        raise file_error([f"this file was written by a newer Netwright (file version "
                          f"{_short(version)}; this one reads up to version {VERSION}): update "
                          f"Netwright to open it"])
    while version < VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise file_error([f"file version {version} is too old: no migration from it "
                              f"exists (this Netwright reads versions {min(MIGRATIONS, default=VERSION)}"
                              f" to {VERSION})"])
        d = step(d)
        version += 1
        d["version"] = version
    return d


# ---- structure ----------------------------------------------------------------------------
def checked(d: dict) -> dict:
    """``d`` unchanged if every part has the right JSON type; else NetworkFileError listing
    every problem with where it is."""
    problems = _unknown_keys(d, TOP_KEYS, "the file")
    for key in ("name", "description"):
        if key in d and not isinstance(d[key], str):
            problems.append(f"{key} must be text, got {_short(d[key])}")
    for key in ("nodes", "edges"):
        if key in d and not isinstance(d[key], list):
            problems.append(f"{key} must be a list [...], got {_short(d[key])}")
    if "training" in d and not isinstance(d["training"], dict):
        problems.append(f"training must be an object {{...}}, got {_short(d['training'])}")
    if isinstance(d.get("nodes"), list):
        for i, node in enumerate(d["nodes"]):
            problems += _node_problems(i, node)
    if isinstance(d.get("edges"), list):
        for i, edge in enumerate(d["edges"]):
            problems += _edge_problems(i, edge)
    if problems:
        raise file_error(problems)
    return d


def _node_problems(i: int, node: Any) -> list[str]:
    if not isinstance(node, dict):
        return [f"nodes[{i}] must be an object {{\"id\": ..., \"type\": ...}}, "
                f"got {_short(node)}"]
    node_id = node.get("id")
    where = f"nodes[{i}] ({node_id!r})" if isinstance(node_id, str) and node_id else f"nodes[{i}]"
    out = _unknown_keys(node, NODE_KEYS, where)
    for key in ("id", "type"):
        if key not in node:
            out.append(f"{where}: {key!r} is missing")
        elif not isinstance(node[key], str) or not node[key].strip():
            out.append(f"{where}: {key!r} must be non-empty text, got {_short(node[key])}")
    if "params" in node and not isinstance(node["params"], dict):
        out.append(f"{where}: params must be an object {{\"name\": value}}, "
                   f"got {_short(node['params'])}")
    ui = node.get("ui", {})
    if not isinstance(ui, dict):
        out.append(f"{where}: ui must be an object {{\"x\": ..., \"y\": ...}}, got {_short(ui)}")
    else:
        for axis in ("x", "y"):
            if axis in ui and not (_is_number(ui[axis]) and abs(ui[axis]) <= MAX_UI):
                out.append(f"{where}: ui.{axis} must be a number from {-MAX_UI:,} to "
                           f"{MAX_UI:,}, got {_short(ui[axis])}")
    return out


def _edge_problems(i: int, edge: Any) -> list[str]:
    if not isinstance(edge, dict):
        return [f"edges[{i}] must be an object {{\"from\": ..., \"to\": ...}}, got {_short(edge)}"]
    ends = [edge.get("from"), edge.get("to")]
    where = (f"edges[{i}] ({ends[0]!r} -> {ends[1]!r})"
             if all(isinstance(e, str) for e in ends) else f"edges[{i}]")
    out = _unknown_keys(edge, EDGE_KEYS, where)
    for key in ("from", "to"):
        if key not in edge:
            out.append(f"{where}: {key!r} is missing")
        elif not isinstance(edge[key], str):
            out.append(f"{where}: {key!r} must be a node id (text), got {_short(edge[key])}")
    port = edge.get("port", 0)
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= MAX_WHOLE:
        out.append(f"{where}: port must be a whole number from 0 to {MAX_WHOLE:,}, "
                   f"got {_short(port)}")
    return out


def _unknown_keys(d: dict, allowed: tuple[str, ...], where: str) -> list[str]:
    bad = [k for k in d if k not in allowed]
    return [f"{where}: unknown field {k!r} (allowed: {', '.join(allowed)})" for k in bad]


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _json_type(v: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(v), "number")


def _short(v: Any) -> str:
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_WHOLE:
        return f"a {len(str(abs(v)))}-digit number"
    text = json.dumps(v) if not isinstance(v, float) or v == v else repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


# ---- writing ------------------------------------------------------------------------------
def to_text(d: dict) -> str:
    """JSON with one node, edge or training setting per line, so files read and diff well."""
    items = []
    for key, value in d.items():
        if isinstance(value, list) and value:
            rows = ",\n".join("    " + _compact(v) for v in value)
            items.append(f"  {json.dumps(key)}: [\n{rows}\n  ]")
        elif isinstance(value, dict) and value:
            rows = ",\n".join(f"    {json.dumps(k)}: {_compact(v)}" for k, v in value.items())
            items.append(f"  {json.dumps(key)}: {{\n{rows}\n  }}")
        else:
            items.append(f"  {json.dumps(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(items) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def write_atomic(path: str | Path, d: dict) -> None:
    """Write ``d`` as a network file through engine.files.atomic_write: the old file stays
    whole until the new one is."""
    path = Path(path)
    text = to_text(d)
    try:
        atomic_write_text(path, text)
    except FolderNotWritable as e:
        raise file_error([f"cannot write in {str(path.parent)!r}: {e.strerror or e}"]) from None
    except OSError as e:
        raise file_error([f"cannot save {str(path)!r}: {e.strerror or e}"]) from None

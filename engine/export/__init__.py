"""Exporters: a network carried out of Netwright, to a PyTorch project or an ONNX model.

``EXPORTERS`` maps a target name (``main.py export --to NAME``) to a function
``export(net, model, out) -> str``: it writes ``out`` (a folder or a file) from the Network
``net`` and its compiled Model ``model`` (initial or loaded weights), and returns one line
saying what it wrote. A node it cannot express raises ExportError(node_id, message).
Importing ``engine.export.targets`` fills the registry.
"""
from __future__ import annotations

from engine.registry import Registry

EXPORTERS = Registry("export target")

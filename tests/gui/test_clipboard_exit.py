"""Copying nodes and then quitting must not crash the process at exit (a PySide/Qt
teardown order problem with the clipboard's QMimeData)."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
from PySide6.QtWidgets import QApplication
from engine.graph.network import Network
from gui.document import Document
from gui.canvas.view import CanvasView
app = QApplication([])
doc = Document(Network.load("resources/examples/xor_mlp.nw.json"))
view = CanvasView(doc)
view.scene().select_nodes(doc.network.node_ids()[:2])
assert view.copy_selection()
print("copied")
"""


def test_copy_then_quit_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "copied", result.stderr
    assert result.returncode == 0, result.stderr

"""The window must paint before pyqtgraph loads (about half a second): the dashboard's
plots are built just after the first paint. Building the window must not pull it in."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.main_window import MainWindow
window = MainWindow()
print('pyqtgraph' in sys.modules)
"""


def test_building_the_main_window_does_not_load_pyqtgraph():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env=env)
    assert out.stdout.strip().splitlines()[-1:] == ["False"], out.stderr

"""Drag and drop proven the way a person does it: a real window on an X server (Xvfb), a
layer dragged from the palette onto the canvas with real mouse events (xdotool, through the
X server), then wired to an existing node by dragging from its output port to the new
node's input port.

The window runs in a child process (QT_QPA_PLATFORM=xcb), so the offscreen QApplication of
the rest of the suite is not touched. The child says what happened (drag entered the canvas,
node added, wire added) one JSON line at a time; the test waits for each line before the
next mouse step. Skips (with the reason) where Xvfb, xdotool or the xcb plugin's system
libraries are missing: .ci/run installs them.
"""
from __future__ import annotations

import json
import os
import queue
import select
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PATIENCE_S = 60.0            # ends a hung step only; each step waits on the child's word


def _missing_xcb_libraries() -> list[str]:
    """System libraries the xcb platform plugin needs that the loader cannot find."""
    import PySide6
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists() or not shutil.which("ldd"):
        return []
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def _skip_reason() -> str | None:
    if not sys.platform.startswith("linux"):
        return "X11 drag and drop is tested on Linux only"
    for tool, package in (("Xvfb", "xvfb"), ("xdotool", "xdotool")):
        if not shutil.which(tool):
            return f"{tool} is not installed (apt-get install -y {package}; .ci/run does)"
    missing = _missing_xcb_libraries()
    if missing:
        return f"the Qt xcb plugin's libraries are missing: {', '.join(missing)}"
    return None


@pytest.fixture
def display():
    """A fresh Xvfb server; its display number comes back through -displayfd once it
    accepts connections (no guessing of a free number, no waiting on a timer)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               "1600x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        ready, _, _ = select.select([pipe], [], [], PATIENCE_S)
        number = pipe.readline().strip() if ready else ""
    if not number:
        server.kill()
        server.wait()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


class Child:
    """The window's process: its JSON lines read by a thread into a queue."""

    def __init__(self, display: str, tmp_path: Path):
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
               "XDG_CONFIG_HOME": str(tmp_path / "config"),
               "NETWRIGHT_DATA_DIR": str(tmp_path / "data")}
        env.pop("WAYLAND_DISPLAY", None)
        self.display = display
        self.log = tmp_path / "window.log"          # a file: a full pipe would block it
        with open(self.log, "w") as log:
            self.process = subprocess.Popen([sys.executable, __file__, "--child"], cwd=ROOT,
                                            env=env, stdout=subprocess.PIPE, stderr=log,
                                            text=True)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))
        self.lines.put(None)

    def wait_for(self, key: str, nudge=None) -> dict:
        """The child's next line holding ``key``; ``nudge()`` (a one-pixel mouse move) is
        called while waiting, for X events the drag needs to see the pointer move."""
        deadline = time.monotonic() + PATIENCE_S
        while time.monotonic() < deadline:
            try:
                message = self.lines.get(timeout=0.2)
            except queue.Empty:
                if nudge is not None:
                    nudge()
                continue
            if message is None:
                raise AssertionError(f"the window exited waiting for {key!r}: "
                                     f"{self.log.read_text()[-3000:]}")
            if key in message:
                return message[key]
        raise AssertionError(f"no {key!r} from the window in {PATIENCE_S:.0f} s")

    def xdotool(self, *args) -> None:
        subprocess.run(["xdotool", *map(str, args)], check=True,
                       env={**os.environ, "DISPLAY": self.display})

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)


def _moves(child: Child, start, end, steps: int = 12) -> None:
    """The pointer moves from ``start`` to ``end`` in ``steps`` moves, as a hand does."""
    (x0, y0), (x1, y1) = start, end
    for i in range(1, steps + 1):
        child.xdotool("mousemove", round(x0 + (x1 - x0) * i / steps),
                      round(y0 + (y1 - y0) * i / steps))


def _wiggle(child: Child, point):
    turn = [0]

    def nudge():
        turn[0] ^= 1
        child.xdotool("mousemove", point[0] + turn[0], point[1])
    return nudge


@pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")
def test_a_layer_dragged_from_the_palette_and_wired_with_the_mouse(display, tmp_path):
    child = Child(display, tmp_path)
    try:
        where = child.wait_for("ready")
        palette, drop = where["palette_item"], where["drop"]
        child.xdotool("mousemove", *palette)
        child.xdotool("mousedown", 1)
        _moves(child, palette, drop)
        child.wait_for("drag_over_canvas", nudge=_wiggle(child, drop))
        child.xdotool("mouseup", 1)
        added = child.wait_for("added")
        assert added["type"] == "Dense"
        source, target = where["source_out_port"], added["in_port"]
        child.xdotool("mousemove", *source)
        child.xdotool("mousedown", 1)
        _moves(child, source, target)
        child.wait_for("wire_over_target", nudge=_wiggle(child, target))
        child.xdotool("mouseup", 1)
        edge = child.wait_for("edge")
        assert edge == {"from": "in", "to": added["id"]}
        document = child.wait_for("document")
    finally:
        child.close()
    assert [n["type"] for n in document["nodes"]] == ["Input", "Dense"]
    assert document["edges"] == [{"from": "in", "to": added["id"]}]


# ---- the child: the window under the X server ------------------------------------------------
def _say(**message) -> None:
    print(json.dumps(message), flush=True)


def _global(widget, point) -> list[int]:
    p = widget.mapToGlobal(point)
    return [p.x(), p.y()]


def child_main() -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    from engine.graph.network import Network
    from gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    window = MainWindow()
    window.files.autosave_enabled = False
    window.document.replace(Network.from_dict({"name": "one input", "nodes": [
        {"id": "in", "type": "Input", "params": {"shape": [2]}, "ui": {"x": 0, "y": 0}}]}))
    window.document.undo_stack.setClean()
    window.resize(1400, 900)
    window.move(0, 0)
    view, scene, doc = window.view, window.view.scene(), window.document
    tree = window.layer_palette.tree

    class Watch(QObject):
        """Says when a drag is over the canvas and when a wire's end is over the target."""
        target = None

        def eventFilter(self, _obj, event):
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                _say(drag_over_canvas=True)
            elif event.type() == QEvent.Type.MouseMove and self.target is not None:
                # under the wire being drawn (on top) lies the port
                if self.target in scene.items(view.mapToScene(event.position().toPoint())):
                    _say(wire_over_target=True)
            return False

    watch = Watch()
    view.viewport().installEventFilter(watch)

    def port_point(port) -> list[int]:
        return _global(view.viewport(), view.mapFromScene(port.scenePos()))

    def on_added(node_id: str) -> None:
        def report():
            port = scene.node_items[node_id].in_ports[0]
            watch.target = port
            _say(added={"id": node_id, "type": doc.node(node_id)["type"],
                        "in_port": port_point(port)})
        QTimer.singleShot(0, report)       # once the card and its ports are laid out

    def on_edge(src: str, dst: str) -> None:
        _say(edge={"from": src, "to": dst})
        _say(document={"nodes": doc.to_dict()["nodes"], "edges": doc.to_dict()["edges"]})
        window.document.undo_stack.setClean()
        QTimer.singleShot(0, app.quit)

    doc.nodeAdded.connect(on_added)
    doc.edgeAdded.connect(on_edge)
    window.show()

    def ready():
        if not window.isVisible() or window.windowHandle() is None \
                or not window.windowHandle().isExposed():
            QTimer.singleShot(20, ready)        # polled: exposure has no signal on QWidget
            return
        view.fit_to_view()
        item = window.layer_palette.item_for("Dense")
        tree.scrollToItem(item)
        centre = tree.visualItemRect(item).center()
        rect = view.viewport().rect()
        _say(ready={"palette_item": _global(tree.viewport(), centre),
                    "drop": _global(view.viewport(), QPoint(rect.width() * 3 // 4,
                                                            rect.height() // 2)),
                    "source_out_port": port_point(scene.node_items["in"].out_port)})
    QTimer.singleShot(0, ready)
    app.exec()
    window.training.shutdown()


if __name__ == "__main__" and "--child" in sys.argv:
    child_main()

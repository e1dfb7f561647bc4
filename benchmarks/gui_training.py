"""Training inside the window vs headless: throughput ratio and UI stalls (offscreen).

Run:  python benchmarks/gui_training.py [--rounds 9] [--steps-scale 1.0]
      python benchmarks/gui_training.py --soak [--soak-steps 20000]

For digits_cnn and spiral, the same number of steps is trained headless (a plain loop over
Trainer.run()) and in the main window with every view visible (the dashboard "side by side",
a node selected so the layer views probe, node previews on). After a warm-up round, rounds
alternate headless and GUI; the ratio is the median of the paired per-round ratios (other
programs load this machine, and a pair sees the same load). Then the window trains a few
more rounds while a 5 ms QTimer measures its own lateness: the event loop's stall. (That
timer wakes the GUI thread 200 times a second, which a user's window never does, so it
does not run in the rounds that measure throughput.) The window trains in a child process
(engine/training/process.py) whose step chunks its GUI thread reads (gui/training/session.py);
headless is the plain Trainer in this one.

Then, per example, Reset weights and Train again a few times: the time from Train to the
loss view's first drawn point (warm: the dashboard is built and the training processes'
server is running).

Prints per example, then exactly:
    gui/headless throughput ratio: X      (geometric mean over the examples; goal >= 0.95)
    ui stall p99 ms: Y                    (goal <= 10)
    first chart point after train ms: Z   (median over the examples' tries; goal <= 100)
--soak trains spiral for 20,000 steps with every view live and prints the RSS of the window's
process and of its training process at start and end.
"""
from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from engine.graph.network import Network  # noqa: E402
from engine.training.messages import StepEvent  # noqa: E402
from engine.training.trainer import Trainer  # noqa: E402

EXAMPLES = {"digits_cnn": ("c1", 400), "spiral": ("h1", 2500)}   # selected node, steps
WARMUP_STEPS = 20
PROBE_MS = 5
FIRST_POINT_TRIES = 5     # per example: Reset weights, Train, time to the first drawn point
STALL_ROUNDS = 3          # per example, after the paired rounds, with the stall probe on


def network(example: str) -> Network:
    """The example with enough epochs that no run ends early."""
    net = Network.load(ROOT / "resources" / "examples" / f"{example}.nw.json")
    net.set_training({**net.training, "epochs": 100_000})
    return net


def headless_rate(example: str, steps: int) -> float:
    trainer = Trainer(network(example))
    run = trainer.run()
    done, t0 = 0, None
    for event in run:
        if isinstance(event, StepEvent):
            done += 1
            if done == WARMUP_STEPS:
                t0 = time.perf_counter()
            if done == WARMUP_STEPS + steps:
                break
    elapsed = time.perf_counter() - t0
    run.close()
    return steps / elapsed


class StallProbe:
    """A QTimer every PROBE_MS that records how late it fires."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.late_ms: list[float] = []
        self._last = None

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.late_ms.append(max(0.0, (now - self._last) * 1000.0 - PROBE_MS))
        self._last = now

    def start(self) -> None:
        self._last = None
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


class WindowRun:
    """A main window on one example, with every dashboard view visible."""

    def __init__(self, app, example: str, node: str):
        from gui.document import Document
        from gui.main_window import MainWindow
        self.app = app
        self.window = w = MainWindow(Document(network(example)))
        w.files.autosave_enabled = False
        w.files.interactive = False
        w.resize(2200, 1300)
        w.show()
        self.controller = c = w.training
        c.dashboard.set_side_by_side(True)
        w.view.scene().select_nodes([node])
        self.wait(lambda: True, 0.3)
        self.last_step = 0            # the newest step a chunk carried
        self.target = self.t_end = self._loop = None
        c.session.chunkArrived.connect(self._on_chunk)
        assert c.train(pause_after=WARMUP_STEPS), c.dashboard.banner.text
        self.wait(lambda: self.paused_at(WARMUP_STEPS), 60)

    def _on_chunk(self, chunk) -> None:
        """On the GUI thread, as the window reads the chunk: the time the target step
        reached the window is recorded, and the round's event loop ends (no polling timer
        wakes the GUI meanwhile)."""
        self.last_step = max(self.last_step, chunk.last_step)
        if self.target is not None and self.last_step >= self.target and self.t_end is None:
            self.t_end = time.perf_counter()
            self._loop.quit()

    def paused_at(self, step: int) -> bool:
        """The training process said it waits after ``step`` (its Paused arrived: the
        window's Trainer took over its weights)."""
        c = self.controller
        return c.state == "paused" and c.trainer.model_step >= step

    def wait(self, condition, timeout_s: float) -> None:
        """Run the real event loop (as app.exec does) until ``condition()`` holds."""
        from PySide6.QtCore import QEventLoop, QTimer
        if condition():
            return
        loop = QEventLoop()
        check = QTimer()
        check.setInterval(20)
        check.timeout.connect(lambda: condition() and loop.quit())
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(loop.quit)
        check.start()
        give_up.start(int(timeout_s * 1000))
        loop.exec()
        check.stop()
        if not condition():
            raise TimeoutError("the window did not get there in time")

    def rate(self, steps: int, probe: StallProbe | None = None) -> float:
        """Train ``steps`` steps in the window (the real event loop runs) and return steps/s.
        ``probe``: measure the event loop's stalls meanwhile."""
        from PySide6.QtCore import QEventLoop
        c = self.controller
        self._loop = QEventLoop()
        self.target, self.t_end = c.trainer.step + steps, None
        if probe is not None:
            probe.start()
        t0 = time.perf_counter()
        c.train(pause_after=steps)
        self._loop.exec()                 # until _on_chunk sees the target step
        elapsed = self.t_end - t0
        if probe is not None:
            probe.stop()
        self.wait(lambda: self.paused_at(self.target), 60)
        self.app.processEvents()
        return steps / elapsed

    def first_point_ms(self) -> float:
        """Reset weights, press Train, and time until the loss view draws its first point."""
        from PySide6.QtCore import QEventLoop, QTimer
        from gui.training.views.loss import LossView
        c = self.controller
        c.reset_weights()
        self.wait(lambda: c.state == "idle", 60)
        view = c.dashboard.view(LossView)
        loop, drawn, draw = QEventLoop(), [], view.redraw

        def redraw() -> None:
            draw()
            if len(view.curves["train"]) and not drawn:
                drawn.append(time.perf_counter())
                loop.quit()
        view.redraw = redraw
        QTimer.singleShot(60_000, loop.quit)
        t0 = time.perf_counter()
        c.train(pause_after=WARMUP_STEPS)
        loop.exec()
        view.redraw = draw
        self.wait(lambda: self.paused_at(WARMUP_STEPS), 60)
        return 1000.0 * (drawn[0] - t0)

    def close(self) -> None:
        self.window.document.undo_stack.setClean()
        self.window.close()


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return float("nan")


def throughput(app, rounds: int, scale: float) -> None:
    probe = StallProbe()
    ratios, first_points = [], []
    for example, (node, steps) in EXAMPLES.items():
        steps = max(50, int(steps * scale))
        run = WindowRun(app, example, node)
        run.rate(steps)                               # warm-up: first paints, caches
        headless_rate(example, steps)
        pairs = []
        for _ in range(rounds):                       # paired rounds, interleaved
            h = headless_rate(example, steps)
            g = run.rate(steps)
            pairs.append((h, g))
        # The stall probe wakes the GUI thread 200 times a second, which a user's window
        # never does: it measures in rounds of its own.
        probed = [run.rate(steps, probe) for _ in range(STALL_ROUNDS)]
        firsts = [run.first_point_ms() for _ in range(FIRST_POINT_TRIES)]
        first_points += firsts
        run.close()
        ratio = statistics.median(g / h for h, g in pairs)
        ratios.append(ratio)
        headless = statistics.median(h for h, _ in pairs)
        print(f"{example}: headless {headless:,.0f} steps/s, "
              f"window {statistics.median(g for _, g in pairs):,.0f} steps/s, "
              f"median paired ratio {ratio:.3f} "
              f"(rounds: {', '.join(f'{g / h:.2f}' for h, g in pairs)}); "
              f"window with the stall probe {statistics.median(probed):,.0f} steps/s; "
              f"first chart point after Train {', '.join(f'{t:.0f}' for t in firsts)} ms",
              flush=True)
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"gui/headless throughput ratio: {geo:.3f}")
    print(f"ui stall p99 ms: {np.percentile(probe.late_ms, 99):.1f}")
    print(f"first chart point after train ms: {statistics.median(first_points):.0f}")


def soak(app, steps: int) -> None:
    probe = StallProbe()
    run = WindowRun(app, "spiral", "h1")
    child = run.controller.trainer.child_pid
    rss0, child0 = rss_mb(), rss_mb(child)
    print(f"soak: RSS at start {rss0:.1f} MB (training process {child0:.1f} MB)", flush=True)
    chunk = 2000
    for k in range(steps // chunk):
        rate = run.rate(chunk, probe)
        print(f"  step {(k + 1) * chunk:>6}: {rate:,.0f} steps/s, RSS {rss_mb():.1f} MB "
              f"(training process {rss_mb(child):.1f} MB)", flush=True)
    from gui.training.views.loss import LossView
    points = len(run.controller.dashboard.view(LossView).curves["train"])
    print(f"soak: RSS at end {rss_mb():.1f} MB (start {rss0:.1f} MB); training process "
          f"{rss_mb(child):.1f} MB (start {child0:.1f} MB); loss curve holds {points:,} points")
    print(f"ui stall p99 ms: {np.percentile(probe.late_ms, 99):.1f}")
    run.close()


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=9)    # one round swings ±25 % here
    p.add_argument("--steps-scale", type=float, default=1.0,
                   help="multiply every example's step count (quick runs: 0.2)")
    p.add_argument("--soak", action="store_true", help="20,000 steps, RSS at start and end")
    p.add_argument("--soak-steps", type=int, default=20_000)
    args = p.parse_args(argv)
    from gui.app import make_app
    app = make_app()
    if args.soak:
        soak(app, args.soak_steps)
    else:
        throughput(app, args.rounds, args.steps_scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())

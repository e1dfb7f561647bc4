"""Start-up: ``run(argv)`` opens the window (main.py with no sub-command).

    python main.py [FILE] [--train-steps N] [--screenshot OUT.png] [--startup-time]
                   [--language en|ko] [--lesson N[:K]]

With no FILE the XOR example opens; a FILE that cannot be read opens the example and
shows why. ``--screenshot`` trains N steps (train_steps_then below), saves a PNG of the
whole window and exits. ``--startup-time`` prints the seconds from process start to the
window's first paint (also printed when NETWRIGHT_STARTUP_TIME is set). ``--language``
shows the window in that language for this run (else View > Language's choice, else the
system's). ``--lesson N[:K]`` opens lesson N (at step K) in the Lessons dock, on its example
when no FILE is given; the first start ever opens lesson 1 there.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

_IMPORTED_AT = time.monotonic()
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SCREENSHOT_SIZE = (1440, 900)
SCREENSHOT_TIMEOUT_S = 600


def _say(text: str, stream=None) -> None:
    """Print a line; a closed pipe (``| head``) is not worth a crash."""
    try:
        print(text, file=stream or sys.stdout, flush=True)
    except (BrokenPipeError, OSError):
        pass


def process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere: since import)."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):        # usage errors: one "error:" line, exit 2
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = _Parser(prog="netwright", description="Build neural networks by hand and watch "
                                              "them learn.",
                epilog="netwright --install-desktop (--uninstall-desktop): add (remove) the "
                       "menu entry and the *.nw.json file type, on Linux")
    p.add_argument("file", nargs="?", help="a network file (*.nw.json); default: the XOR "
                                           "example")
    p.add_argument("--train-steps", type=int, default=0, metavar="N",
                   help="train N steps before the screenshot")
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="save a PNG of the window and exit")
    p.add_argument("--startup-time", action="store_true",
                   help="print the seconds from launch to the first paint")
    p.add_argument("--language", choices=["en", "ko"],
                   help="the window's language for this run (default: View > Language, "
                        "else the system's)")
    p.add_argument("--lesson", metavar="N[:K]",
                   help="show lesson N (at step K) in the Lessons dock, on its example "
                        "unless FILE is given")
    args = p.parse_args(argv)
    if args.train_steps < 0:
        p.error("--train-steps must be 0 or more")
    if args.lesson is not None:
        from gui.lessons.controller import lesson_argument
        try:
            args.lesson = lesson_argument(args.lesson)
        except ValueError as e:
            p.error(str(e))
    return args


def _needs_offscreen(args) -> bool:
    """A screenshot needs no screen: go offscreen when there is no display."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    return bool(args.screenshot) and not has_display and "QT_QPA_PLATFORM" not in os.environ


def make_app(argv0: str = "netwright"):
    from PySide6.QtCore import QDir
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([argv0])
    app.setOrganizationName("Netwright")
    app.setApplicationName("Netwright")
    app.setApplicationDisplayName("Netwright")
    app.setDesktopFileName("netwright")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(RESOURCES / "icons" / "netwright.svg")))
    QDir.addSearchPath("icons", str(RESOURCES / "icons"))     # url(icons:...) in the qss
    qss = RESOURCES / "style.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return app


def open_initial(window, path: str | None) -> list[str]:
    """Open FILE if given and readable, else the default example. Returns the problems
    that kept FILE from opening (shown once the window is up)."""
    from gui.files import error_messages, read_network
    if path:
        try:
            window.document.replace(read_network(path), str(Path(path)))
            window.files.add_recent(path)
            return []
        except Exception as e:       # noqa: BLE001 -- any unreadable file: say why, go on
            problems = error_messages(e)
    else:
        problems = []
    window.files.load_default()
    return problems


def run(argv: list[str]) -> int:
    args = parse_args(argv)
    if _needs_offscreen(args):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_app()
    from gui import i18n
    i18n.start(app, args.language)       # before any widget: texts translate when built
    from PySide6.QtCore import QTimer
    from gui.main_window import MainWindow
    window = MainWindow()
    if args.screenshot:          # unattended: no autosave, no dialogs, a fixed size
        window.files.autosave_enabled = False
        window.files.interactive = False
        window.resize(*SCREENSHOT_SIZE)
    else:
        window.restore_settings()
    problems = open_initial(window, args.file)
    if args.lesson is not None:
        problem = window.lessons.start_at(*args.lesson, with_example=not args.file)
        if problem:
            _say(f"error: --lesson: {problem}", sys.stderr)
    window.show()
    result = {"code": 0}

    def first_paint() -> None:
        if args.startup_time or os.environ.get("NETWRIGHT_STARTUP_TIME"):
            _say(f"startup: window shown after {process_age():.3f} s "
                 f"({time.process_time():.3f} s of CPU)")
        if problems:
            from gui.files import cannot_open
            window.files.show_errors(cannot_open(args.file), problems)
        if args.screenshot:
            QTimer.singleShot(SCREENSHOT_TIMEOUT_S * 1000, app, give_up)
            try:
                train_steps_then(window, args.train_steps, take_screenshot)
            except Exception as e:  # noqa: BLE001 -- still save what the window shows
                _say(f"error: training could not start: {e}", sys.stderr)
                result["failed"] = 2
                take_screenshot()
        else:
            window.files.offer_recovery()
            if args.lesson is None:
                window.lessons.offer_on_first_start()     # the first start: lesson 1

    def take_screenshot() -> None:
        try:
            result["code"] = save_screenshot(window, args.screenshot)
        finally:                     # whatever happens, an unattended run must end
            window.document.undo_stack.setClean()       # nothing to ask about on close
            app.quit()

    def give_up() -> None:
        _say(f"error: no screenshot: training {args.train_steps} steps took more than "
             f"{SCREENSHOT_TIMEOUT_S} s", sys.stderr)
        result["code"] = 2
        window.document.undo_stack.setClean()
        app.quit()

    QTimer.singleShot(0, first_paint)
    code = app.exec()
    return result["code"] or result.get("failed", 0) or code


def train_steps_then(window, steps: int, callback) -> None:
    """Train ``steps`` batches with the live views, pause, then call ``callback()`` once the
    views have drawn that step (its probe arrives before the pause), or once the run ended."""
    from PySide6.QtCore import QTimer
    training = window.training
    if steps <= 0 or not training.train(pause_after=steps):
        QTimer.singleShot(0, callback)
        return
    session, target, waiting = training.session, training.session.pause_step, [True]

    def finish(*_args) -> None:
        if waiting[0]:
            waiting[0] = False
            training.dashboard.redraw_visible()
            QTimer.singleShot(100, callback)      # let the views paint the last data
    session.pausedAt.connect(lambda step: step >= target and finish())
    session.ended.connect(finish)


def save_screenshot(window, out: str) -> int:
    """Grab the whole window into ``out``; 0 on success, 2 (with a message) otherwise."""
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    pixmap = window.grab()
    out_path = Path(out)
    if out_path.parent and not out_path.parent.exists():
        _say(f"error: cannot save the screenshot: folder {out_path.parent} does not exist",
             sys.stderr)
        return 2
    if pixmap.isNull() or not pixmap.save(str(out_path)):
        _say(f"error: cannot save the screenshot to {out}", sys.stderr)
        return 2
    _say(f"screenshot: {out_path} ({pixmap.width()}x{pixmap.height()})")
    return 0

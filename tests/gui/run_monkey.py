"""The long GUI monkey run (not collected by pytest):

    python tests/gui/run_monkey.py --actions 20000 --seed S

Prints the seed, the time taken and how often each action ran; on a failure, the action's
index, the problem and the log's tail (exit 1).
"""
from __future__ import annotations

import argparse
import faulthandler
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--hang-seconds", type=float, default=180.0,
                        help="print every thread's stack when one action takes this long")
    parser.add_argument("--trace", action="store_true",
                        help="print each action as it is done (to find the one that hangs)")
    parser.add_argument("--risk", action="append", default=[], metavar="FLAG",
                        help="do what a flag of tests/gui/monkey.KNOWN_BUGS says breaks "
                             "(repeatable; 'all' for every one)")
    args = parser.parse_args(argv)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from engine.data import download
    from tests.gui import monkey
    risks = set(monkey.KNOWN_BUGS) if "all" in args.risk else set(args.risk)
    unknown = risks - set(monkey.KNOWN_BUGS)
    if unknown:
        parser.error(f"no such flag: {', '.join(sorted(unknown))} (known: "
                     f"{', '.join(monkey.KNOWN_BUGS)})")
    folder = Path(tempfile.mkdtemp(prefix="netwright-monkey-"))
    os.environ["NETWRIGHT_DATA_DIR"] = str(folder / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder / "settings"))
    download.download_verified = monkey.refuse_download
    app = QApplication.instance() or QApplication([])
    window = monkey.make_window()
    runner = monkey.Monkey(window, args.seed, folder, known_bugs=risks)
    print(f"GUI monkey: seed {args.seed}, {args.actions:,} actions; known bugs risked: "
          f"{', '.join(sorted(risks)) or 'none'}", flush=True)
    start = time.perf_counter()

    def before_action():
        if args.trace and runner.log:
            print(runner.log[-1], file=sys.stderr, flush=True)
        faulthandler.dump_traceback_later(args.hang_seconds, exit=True)
    runner.before_action = before_action
    try:
        ran = runner.run(args.actions)
    except monkey.MonkeyFailure as failure:
        print(failure, file=sys.stderr)
        print(f"failed after {time.perf_counter() - start:.1f} s", file=sys.stderr)
        return 1
    finally:
        faulthandler.cancel_dump_traceback_later()
        monkey.close_window(window)
        app.processEvents()
    seconds = time.perf_counter() - start
    print(f"no problem in {args.actions:,} actions ({runner.left_out:,} left out as known "
          f"bugs), {seconds:.1f} s ({1000 * seconds / max(args.actions, 1):.1f} ms an action)")
    print("action: count, seconds")
    for kind, n in sorted(ran.items(), key=lambda kv: -runner.seconds[kv[0]]):
        print(f"  {kind}: {n}, {runner.seconds[kind]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

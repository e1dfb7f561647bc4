"""Headless sub-commands of main.py: ``check FILE`` (engine/cli/check.py), ``train``
(engine/cli/train.py), ``export`` (engine/cli/export.py), ``shapes-folder``
(engine/cli/shapes_folder.py) and ``lessons`` (engine/cli/lessons.py).

Bad input never ends in a traceback: every problem is one ``error: ...`` line on stderr
(``error: node 'c2': ...`` for a node's problem) and the exit status is 2.
"""
from __future__ import annotations

import argparse
import os
import sys

from engine.cli.check import run_check
from engine.cli.common import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, print_errors
from engine.cli.export import export_targets, run_export
from engine.cli.lessons import run_lessons
from engine.cli.shapes_folder import run_shapes_folder
from engine.cli.train import run_train
from engine.schema import MAX_WHOLE


class UsageError(Exception):
    """A wrong command line (argparse would print usage and exit; we report and return 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        raise UsageError(f"{message} (usage: {self.format_usage().strip()[7:]})")


def run_command(argv: list[str]) -> int:
    """Run a sub-command with their arguments; returns the exit status."""
    try:
        args = _parser().parse_args(list(argv))
        return args.handler(args)
    except UsageError as e:
        print_errors([str(e)])
        return EXIT_BAD_INPUT
    except SystemExit as e:              # --help printed its text
        return e.code if isinstance(e.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print_errors(["interrupted"])
        return EXIT_BAD_INPUT
    except BrokenPipeError:              # the reader left (``| head``): nothing is wrong
        _silence_stdout()
        return EXIT_OK
    except Exception as e:               # a bug of ours, not the user's input: say so briefly
        print_errors([f"internal problem ({type(e).__name__}: {e}); this is a bug in "
                      f"Netwright, please report it"])
        return EXIT_INTERNAL


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's flush at exit does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="Netwright without the window.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="show each node's output shape and parameter "
                                         "count, or every problem of the file")
    check.add_argument("file", metavar="FILE", help="a network file (*.nw.json)")
    check.set_defaults(handler=run_check)
    train = sub.add_parser("train", help="train the network without the window")
    train.add_argument("file", metavar="FILE", help="a network file (*.nw.json)")
    train.add_argument("--epochs", type=_positive_int, help="override training.epochs")
    train.add_argument("--seed", type=_non_negative_int, help="override training.seed")
    train.add_argument("--out", metavar="DIR", help="write weights, history and metrics here")
    train.set_defaults(handler=run_train)
    export = sub.add_parser("export", help="write the network as a PyTorch project or an "
                                           "ONNX model")
    export.add_argument("file", metavar="FILE", help="a network file (*.nw.json)")
    export.add_argument("--to", required=True, choices=export_targets(), help="what to write")
    export.add_argument("--out", required=True, metavar="PATH",
                        help="the folder (pytorch) or the .onnx file (onnx) to write")
    export.add_argument("--weights", metavar="WEIGHTS.npz",
                        help="weights written by 'train --out' (default: the seeded initial "
                             "weights)")
    export.set_defaults(handler=run_export)
    shapes = sub.add_parser("shapes-folder", help="write the built-in shapes as an image "
                                                  "folder (a subfolder per class)")
    shapes.add_argument("dir", metavar="DIR", help="a new or empty folder")
    shapes.add_argument("--samples", type=_positive_int, default=300,
                        help="how many images (default 300)")
    shapes.add_argument("--size", type=_positive_int, default=28,
                        help="width and height in pixels (default 28)")
    shapes.set_defaults(handler=run_shapes_folder)
    _add_lessons(sub)
    return parser


def _add_lessons(sub) -> None:
    lessons = sub.add_parser("lessons", help="list the lessons, or verify every claim they "
                                             "make by running them headless")
    lessons.add_argument("--verify", action="store_true",
                         help="run each lesson's steps and checks; one PASS/FAIL line each")
    lessons.add_argument("--lesson", type=_positive_int, nargs="+", metavar="N",
                         help="only the lessons of these concept numbers")
    lessons.add_argument("--lang", choices=("en", "ko"), default="en",
                         help="the language of the titles (default en)")
    lessons.add_argument("--folder", metavar="DIR",
                         help="read the lessons from DIR (default resources/lessons)")
    lessons.set_defaults(handler=run_lessons)


def _positive_int(text: str) -> int:
    return _int_at_least(text, 1)


def _non_negative_int(text: str) -> int:
    return _int_at_least(text, 0)


def _int_at_least(text: str, low: int) -> int:
    """A whole number from ``low`` to MAX_WHOLE (the file's own bound); the message says
    the range, whether the text is no number, a float (1e30) or too many digits."""
    wanted = f"a whole number from {low} to {MAX_WHOLE:,}"
    try:
        value = int(text) if len(text) <= 30 else None
    except ValueError:
        value = None
    if value is None or not low <= value <= MAX_WHOLE:
        shown = text if len(text) <= 30 else text[:27] + "..."
        raise argparse.ArgumentTypeError(f"expected {wanted}, got {shown!r}")
    return value

"""Netwright entry point: the GUI by default, sub-commands for headless work.

    python main.py [FILE]                         open the window
    python main.py check FILE                     shapes and parameter counts
    python main.py train FILE [--epochs N] ...    train without a window
    python main.py export FILE --to pytorch|onnx --out PATH [--weights W.npz]
    python main.py shapes-folder DIR              the shapes dataset as an image folder
    python main.py lessons [--verify] [--lesson N ...]   list or verify the lessons
    python main.py FILE --train-steps N --screenshot OUT.png
    python main.py --install-desktop | --uninstall-desktop   the menu entry, icon, file type
"""
from __future__ import annotations

import sys

COMMANDS = ("check", "train", "export", "shapes-folder", "lessons")
DESKTOP_FLAGS = ("--install-desktop", "--uninstall-desktop")


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A bundled app is its own python: the training process and multiprocessing's
        # forkserver and resource tracker start as this executable with their own arguments.
        import multiprocessing
        multiprocessing.freeze_support()
    argv = sys.argv[1:] if argv is None else list(argv)
    if any(arg in DESKTOP_FLAGS for arg in argv):
        from gui.desktop_install import run_desktop_command
        return run_desktop_command(argv)
    if argv and argv[0] in COMMANDS:
        from engine.cli.main import run_command
        return run_command(argv)
    from gui.app import run
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())

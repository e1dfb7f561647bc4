"""Check a built bundle the way a user would use it, without Python: open an example, train it
in the window (the training process runs frozen) and save a screenshot; ``check`` and
``train`` from the command line; the bundle's size, that no test-only package is in it, and
the time to the window's first paint.

    python packaging/verify.py [packaging/dist/netwright] [--out /tmp/netwright-bundle.png]

Exit 0 when every check passes; each line says what was run and what came back.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "resources" / "examples"
TEST_ONLY = ("torch", "onnx", "onnxruntime", "pytest", "hypothesis")
TIMEOUT_S = 300


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="verify.py", description="Check a built bundle.")
    p.add_argument("bundle", nargs="?", type=Path, default=ROOT / "packaging" / "dist" /
                   "netwright", help="the bundle folder (default: packaging/dist/netwright)")
    p.add_argument("--out", type=Path, default=Path("/tmp/netwright-bundle.png"),
                   help="where the screenshot goes")
    return p.parse_args(argv)


def bare_environment() -> dict:
    """As a double-click starts it: no PYTHONPATH, no virtual environment, PATH /usr/bin:/bin
    (on Linux and macOS; Windows needs its own variables)."""
    if sys.platform == "win32":
        env = dict(os.environ)
    else:
        env = {"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
               "LANG": os.environ.get("LANG", "C.UTF-8")}
        env.update({k: os.environ[k] for k in ("DISPLAY", "XAUTHORITY") if k in os.environ})
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    return env


def run(command: list, **kwargs) -> tuple[subprocess.CompletedProcess, float]:
    env = bare_environment()
    start = time.monotonic()
    out = subprocess.run([str(c) for c in command], capture_output=True, text=True,
                         timeout=TIMEOUT_S, env=env, cwd="/", **kwargs)
    return out, time.monotonic() - start


def checks(bundle: Path, screenshot: Path):
    """(name, passed, detail) for each check."""
    exe = bundle / ("netwright.exe" if sys.platform == "win32" else "netwright")
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    yield "size", True, f"{size / 2**20:.0f} MiB in {bundle}"
    leaked = [name for name in TEST_ONLY if (bundle / "_internal" / name).exists()]
    yield "no test-only packages", not leaked, ", ".join(leaked) or "none of " + \
        ", ".join(TEST_ONLY)
    screenshot.unlink(missing_ok=True)
    out, seconds = run([exe, EXAMPLES / "xor_mlp.nw.json", "--train-steps", 200,
                        "--screenshot", screenshot, "--startup-time"])
    first_paint = re.search(r"window shown after ([\d.]+) s \(([\d.]+) s of CPU\)", out.stdout)
    yield ("window: 200 steps and a screenshot", out.returncode == 0 and screenshot.is_file(),
           f"exit {out.returncode} in {seconds:.1f} s; {screenshot}" + _tail(out))
    yield ("first paint", bool(first_paint),
           f"{first_paint[1]} s after launch ({first_paint[2]} s of CPU)" if first_paint
           else "no startup line")
    out, _ = run([exe, "check", EXAMPLES / "digits_cnn.nw.json"])
    yield "check digits_cnn", out.returncode == 0, f"exit {out.returncode}" + _tail(out)
    out, seconds = run([exe, "train", EXAMPLES / "iris.nw.json", "--epochs", 20])
    result = _last_json(out.stdout)
    yield ("train iris 20 epochs", out.returncode == 0 and result.get("reason") == "completed",
           f"exit {out.returncode} in {seconds:.1f} s, val_accuracy "
           f"{result.get('val_accuracy')}" + _tail(out))


def _tail(out: subprocess.CompletedProcess) -> str:
    if out.returncode == 0:
        return ""
    return "\n    " + "\n    ".join((out.stderr or out.stdout).strip().splitlines()[-5:])


def _last_json(text: str) -> dict:
    try:
        return json.loads(text.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.bundle.is_dir():
        print(f"error: no bundle at {args.bundle}: run python packaging/build.py",
              file=sys.stderr)
        return 2
    failed = 0
    for name, passed, detail in checks(args.bundle, args.out):
        print(f"{'ok  ' if passed else 'FAIL'} {name}: {detail}", flush=True)
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

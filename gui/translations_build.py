"""Build the Korean catalogue the window loads (resources/translations/netwright_ko.qm).

    python -m gui.translations_build            compile every .ts into the one .qm
    python -m gui.translations_build --update [TS...]   first re-read the sources into
                                                the .ts files (all, or the ones named);
                                                pyside6-lupdate keeps what is translated
    python -m gui.translations_build --check    exit 1 if an entry is untranslated or the
                                                .qm is not what the .ts files compile to

Each .ts has its own sources (SOURCES below), so two people can translate at once.
Runs without Qt's GUI: only pyside6-lupdate / pyside6-lrelease (PySide6's tools).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
QM = FOLDER / "netwright_ko.qm"
SOURCES = {      # .ts file -> the source folders (recursively) and files it covers
    "netwright_ko.ts": ["gui/*.py", "gui/canvas/**/*.py", "gui/lessons/**/*.py"],
    "training_ko.ts": ["gui/training/**/*.py", "gui/race/**/*.py"],
}


def tool(name: str) -> str | None:
    """The path of PySide6's ``name`` tool (pyside6-lupdate ...), or None."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6       # wheels without the console scripts still carry the binaries
    for candidate in (Path(PySide6.__file__).parent / name,
                      Path(PySide6.__file__).parent / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    return None


def source_files(patterns: list[str]) -> list[str]:
    files = {p for pattern in patterns for p in ROOT.glob(pattern)}
    return sorted(str(p.relative_to(ROOT)) for p in files if "__pycache__" not in p.parts)


def ts_files() -> list[Path]:
    """The .ts files that exist (a translator's file may not be committed yet)."""
    return [FOLDER / name for name in SOURCES if (FOLDER / name).exists()]


def update(names: list[str]) -> None:
    """Re-read the sources into the .ts files ``names`` (all when empty): new strings come
    in unfinished, gone ones are dropped (-no-obsolete)."""
    lupdate = _require("lupdate")
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name in names or SOURCES:
        if name not in SOURCES:
            raise SystemExit(f"error: unknown .ts {name!r}; known: {', '.join(SOURCES)}")
        files = source_files(SOURCES[name])
        if files:
            _run([lupdate, "-no-obsolete", "-locations", "none", *files,
                  "-ts", str(FOLDER / name)])


def compile_to(out: Path) -> None:
    lrelease = _require("lrelease")
    _run([lrelease, *map(str, ts_files()), "-qm", str(out)])


def unfinished(ts: Path) -> list[str]:
    """The source texts of ``ts`` with no finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete",
                                                             "vanished") \
                or not (translation.text or "").strip():
            missing.append(message.findtext("source") or "")
    return missing


def check() -> list[str]:
    """What is wrong with the committed translations (empty: all good)."""
    problems = [f"{ts.name}: not translated: {text!r}" for ts in ts_files()
                for text in unfinished(ts)]
    if tool("lrelease") is None:
        return problems
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / QM.name
        compile_to(fresh)
        if not QM.exists() or fresh.read_bytes() != QM.read_bytes():
            problems.append(f"{QM.name} is not built from the .ts files: run "
                            "python -m gui.translations_build")
    return problems


def _require(name: str) -> str:
    path = tool(name)
    if path is None:
        raise SystemExit(f"error: pyside6-{name} not found (it comes with PySide6)")
    return path


def _run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"error: {Path(command[0]).name} failed:\n{done.stderr or done.stdout}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m gui.translations_build",
                                description="Build resources/translations/netwright_ko.qm")
    p.add_argument("--update", nargs="*", metavar="TS",
                   help="re-read the sources into these .ts files (default: all)")
    p.add_argument("--check", action="store_true", help="only check; change nothing")
    args = p.parse_args(argv)
    if args.check:
        problems = check()
        for problem in problems:
            print(problem)
        print(f"translations: {len(problems)} problem(s)")
        return 1 if problems else 0
    if args.update is not None:
        update(args.update)
    compile_to(QM)
    for ts in ts_files():
        left = unfinished(ts)
        print(f"{ts.name}: {len(left)} untranslated" if left else f"{ts.name}: complete")
    print(f"built {QM.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

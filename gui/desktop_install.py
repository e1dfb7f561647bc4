"""``netwright --install-desktop`` / ``--uninstall-desktop``: the menu entry, the icon and the
``*.nw.json`` file type for the current user, as the freedesktop.org specs say (Desktop Entry,
Icon Theme, Shared MIME-info; XDG_DATA_HOME, default ~/.local/share):

    applications/netwright.desktop                 Exec: how this Netwright was started, %f
    icons/hicolor/scalable/apps/netwright.svg
    mime/packages/netwright-mime.xml               *.nw.json is application/x-netwright-network

then refreshes the caches with update-mime-database and update-desktop-database and makes
Netwright the default for the type with ``xdg-mime default``, each when installed. Uninstall
removes those files, the default, and the caches and folders that only held them.

No Qt here: it is a quick command line, not the window.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
MAIN_PY = ROOT / "main.py"
MIME_TYPE = "application/x-netwright-network"
DESKTOP_ID = "netwright.desktop"
TOOL_TIMEOUT_S = 60
EXIT_OK, EXIT_BAD = 0, 2
# Characters the Desktop Entry spec reserves in Exec: an argument holding one is quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
# What update-mime-database generates from mime/packages/ (besides one folder per media type).
_MIME_GENERATED = {"aliases", "generic-icons", "globs", "globs2", "icons", "magic", "mime.cache",
                   "subclasses", "treemagic", "types", "version", "XMLnamespaces"}


def printable(text) -> str:
    """``text`` with control characters written as escapes (as engine.cli.common.printable;
    not imported from there because the engine's import costs more than this whole command)."""
    text = str(text)
    return text if text.isprintable() else "".join(
        ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class DesktopInstallError(Exception):
    """Something the user can fix: a folder not writable, a path a menu entry cannot hold."""


# ---- where things go ---------------------------------------------------------------------------
def _xdg_home(variable: str, default: str, env) -> Path:
    value = env.get(variable, "")
    # The spec: a relative path in an XDG variable is invalid and is ignored.
    return Path(value) if value and os.path.isabs(value) else Path.home() / default


def data_home(env=None) -> Path:
    return _xdg_home("XDG_DATA_HOME", ".local/share", os.environ if env is None else env)


def config_home(env=None) -> Path:
    return _xdg_home("XDG_CONFIG_HOME", ".config", os.environ if env is None else env)


def targets(data: Path) -> dict[str, Path]:
    """Each file install writes: resource name -> where it goes."""
    return {"desktop": data / "applications" / DESKTOP_ID,
            "icon": data / "icons" / "hicolor" / "scalable" / "apps" / "netwright.svg",
            "mime": data / "mime" / "packages" / "netwright-mime.xml"}


# ---- how this Netwright starts -----------------------------------------------------------------
def launch_command() -> list[str]:
    """The command that starts this Netwright: the bundle's executable; else the netwright
    script on PATH (or beside this python) when it runs this very main.py; else this python
    with this main.py. Absolute paths: a menu does not have the shell's PATH."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    if not sys.executable:
        raise DesktopInstallError("cannot tell which python runs Netwright (sys.executable "
                                  "is empty)")
    python = os.path.abspath(sys.executable)     # not resolved: a venv's python is a link
    for script in _script_candidates(python):
        if _runs_this_netwright(script, python):
            return [script]
    return [python, str(MAIN_PY)]


def _script_candidates(python: str) -> list[str]:
    found = [shutil.which("netwright"), os.path.join(os.path.dirname(python), "netwright")]
    return [os.path.abspath(p) for p in dict.fromkeys(found) if p and os.path.isfile(p)]


def _runs_this_netwright(script: str, python: str) -> bool:
    """True when ``script`` is pip's launcher for this python and imports this main.py (an
    installed copy, or an editable install of another checkout, is another Netwright)."""
    try:
        with open(script, "rb") as f:
            first = f.readline(4096).decode("utf-8", "replace").strip()
        interpreter = first[2:].split() if first.startswith("#!") else []
        if not interpreter or not os.path.samefile(interpreter[0], python):
            return False
        probe = ("import importlib.util as u; s = u.find_spec('main'); "
                 "print(s.origin if s and s.origin else '')")
        out = subprocess.run([python, "-P", "-c", probe], capture_output=True, text=True,
                             timeout=TOOL_TIMEOUT_S, cwd=os.path.dirname(python))
        origin = out.stdout.strip()
        return bool(origin) and os.path.samefile(origin, MAIN_PY)
    except (OSError, subprocess.SubprocessError, ValueError):
        return False


def exec_value(command: list[str]) -> str:
    """The Exec value for ``command`` plus ``%f`` (the file a double-click opens), quoted and
    escaped as the Desktop Entry spec says: quoting first, then the string escapes (so a
    backslash inside quotes is written as four)."""
    if "=" in command[0]:
        raise DesktopInstallError(f"a menu entry cannot start a program whose path holds "
                                  f"'=': {command[0]!r}")
    return " ".join(_quote(arg) for arg in command) + " %f"


def _quote(arg: str) -> str:
    if "\n" in arg or "\r" in arg:
        raise DesktopInstallError(f"a menu entry cannot hold a path with a line break: {arg!r}")
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        raise DesktopInstallError(f"a menu entry (UTF-8) cannot hold this path: {arg!r}")
    if arg and not _RESERVED & set(arg):
        quoted = arg
    else:
        quoted = '"' + "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg) + '"'
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def desktop_entry(command: list[str]) -> str:
    """resources/netwright.desktop with Exec and TryExec set to ``command``."""
    lines = ["# Written by netwright --install-desktop; netwright --uninstall-desktop removes it."]
    template = (RESOURCES / "netwright.desktop").read_text(encoding="utf-8")
    for line in template.splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("Exec="):
            line = "Exec=" + exec_value(command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


# ---- install ---------------------------------------------------------------------------------
def install(env=None, say=print) -> None:
    """Write the three files, then refresh the caches and set the default application."""
    env = dict(os.environ if env is None else env)
    data = data_home(env)
    command = launch_command()
    try:
        contents = {"desktop": desktop_entry(command).encode("utf-8"),
                    "icon": (RESOURCES / "icons" / "netwright.svg").read_bytes(),
                    "mime": (RESOURCES / "netwright-mime.xml").read_bytes()}
    except OSError as e:                 # an install without resources/ (a plain wheel)
        raise DesktopInstallError(f"cannot read Netwright's {e.filename}: {e.strerror or e}")
    paths = targets(data)
    for path in paths.values():
        _check_writable(path.parent)
    written = []
    try:
        for key, path in paths.items():
            _write(path, contents[key])
            written.append(path)
    except OSError as e:
        for path in written:
            path.unlink(missing_ok=True)
        raise DesktopInstallError(f"cannot write {e.filename or path}: {e.strerror or e}")
    say(f"wrote {paths['desktop']}\n      Exec={exec_value(command)}")
    say(f"wrote {paths['icon']}")
    say(f"wrote {paths['mime']}  (*.nw.json is {MIME_TYPE})")
    _tool(["update-mime-database", str(data / "mime")], env, say)
    _tool(["update-desktop-database", str(data / "applications")], env, say)
    _tool(["xdg-mime", "default", DESKTOP_ID, MIME_TYPE], env, say)
    say("Netwright is in the applications menu; a double-click on a *.nw.json file opens it "
        "(file managers read new types at once or after a new login).")


def _check_writable(folder: Path) -> None:
    """Refuse before writing anything: the nearest existing folder must take new files."""
    existing = folder
    while not existing.exists():
        if existing.is_symlink():            # a dangling link: mkdir would fail on it
            raise DesktopInstallError(f"{existing} is a broken link, not a folder")
        existing = existing.parent
    if not existing.is_dir():
        raise DesktopInstallError(f"{existing} is not a folder (needed for {folder})")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise DesktopInstallError(f"folder {existing} is not writable (needed for {folder})")


def _write(path: Path, content: bytes) -> None:
    """Write through a temporary file and a rename: a menu never reads half an entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(content)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _tool(command: list[str], env, say) -> None:
    """Run a desktop tool if it is installed; a missing or failing tool is said, not fatal
    (the files are in place; the caches catch up when the tool next runs)."""
    if shutil.which(command[0], path=env.get("PATH")) is None:
        say(f"skipped {command[0]}: not installed")
        return
    try:
        out = subprocess.run(command, env=env, capture_output=True, text=True,
                             timeout=TOOL_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as e:
        say(f"warning: {command[0]} could not run: {e}")
        return
    if out.returncode == 0:
        say(f"ran {' '.join(command)}")
    else:
        detail = (out.stderr or out.stdout).strip().splitlines()[-1:] or ["no message"]
        say(f"warning: {' '.join(command)} failed (exit {out.returncode}): {detail[0]}")


# ---- uninstall -------------------------------------------------------------------------------
def uninstall(env=None, say=print) -> None:
    """Remove what install wrote; refresh (or remove, when they only described Netwright)
    the caches; drop Netwright as the type's default."""
    env = dict(os.environ if env is None else env)
    data = data_home(env)
    removed = 0
    for path in targets(data).values():
        if path.is_file() or path.is_symlink():
            try:
                path.unlink()
            except OSError as e:
                raise DesktopInstallError(f"cannot remove {path}: {e.strerror or e}")
            say(f"removed {path}")
            removed += 1
    _refresh_mime(data / "mime", env, say)
    _refresh_applications(data / "applications", env, say)
    _drop_default(config_home(env) / "mimeapps.list", say)
    for path in targets(data).values():
        _remove_empty_folders(path.parent, data)
    if not removed:
        say(f"Netwright was not installed in {data}: nothing to remove")


def _refresh_mime(mime: Path, env, say) -> None:
    packages = mime / "packages"
    if not packages.is_dir():
        return
    if any(packages.iterdir()):
        _tool(["update-mime-database", str(mime)], env, say)
        return
    # No package left: the rest of this folder was generated from ours alone.
    packages.rmdir()
    for entry in mime.iterdir():
        if entry.name in _MIME_GENERATED and entry.is_file():
            entry.unlink()
        elif entry.is_dir() and all(f.suffix == ".xml" for f in entry.iterdir()):
            shutil.rmtree(entry)
    say(f"removed the MIME database in {mime} (it described only Netwright's type)")


def _refresh_applications(folder: Path, env, say) -> None:
    cache = folder / "mimeinfo.cache"
    if not folder.is_dir():
        return
    if any(f.suffix == ".desktop" for f in folder.rglob("*")):
        _tool(["update-desktop-database", str(folder)], env, say)
    elif cache.is_file():
        cache.unlink()
        say(f"removed {cache} (it listed only Netwright)")


def _drop_default(mimeapps: Path, say) -> None:
    """Take netwright.desktop out of its type's line in mimeapps.list (what xdg-mime default
    wrote); a file left with no entry at all is removed."""
    try:
        lines = mimeapps.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    kept, changed = [], False
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and key.strip() == MIME_TYPE:
            apps = [a for a in value.split(";") if a.strip()]
            left = [a for a in apps if a.strip() != DESKTOP_ID]
            if left != apps:
                changed = True
                if left:
                    kept.append(f"{key}={';'.join(left)};")
                continue
        kept.append(line)
    if not changed:
        return
    if any("=" in line for line in kept):
        mimeapps.write_text("\n".join(kept) + "\n", encoding="utf-8")
    else:
        mimeapps.unlink()
    say(f"removed Netwright as the default for {MIME_TYPE} in {mimeapps}")


def _remove_empty_folders(folder: Path, stop: Path) -> None:
    while folder != stop and stop in folder.parents:
        try:
            if folder.exists():
                folder.rmdir()           # only when empty
        except OSError:
            return
        folder = folder.parent


# ---- command line ----------------------------------------------------------------------------
def run_desktop_command(argv: list[str]) -> int:
    flags = [a for a in argv if a in ("--install-desktop", "--uninstall-desktop")]
    others = [a for a in argv if a not in flags]
    if len(flags) != 1 or others:
        extra = ", ".join(others + flags[1:])
        print(f"error: --install-desktop or --uninstall-desktop takes nothing else "
              f"(got {printable(extra)})", file=sys.stderr)
        return EXIT_BAD
    if sys.platform in ("win32", "darwin"):
        print("error: --install-desktop is for Linux desktops (freedesktop.org); on Windows "
              "and macOS see 'Desktop app' in the README", file=sys.stderr)
        return EXIT_BAD
    try:
        action = install if flags[0] == "--install-desktop" else uninstall
        action(say=lambda line: print("\n".join(printable(part) for part in line.split("\n"))))
    except DesktopInstallError as e:
        print(f"error: {printable(e)}", file=sys.stderr)
        return EXIT_BAD
    return EXIT_OK

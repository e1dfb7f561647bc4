"""netwright --install-desktop / --uninstall-desktop, into a temporary XDG_DATA_HOME: the menu
entry, icon and file type are written as the freedesktop specs say, the entry's Exec starts
this Netwright (also from a path that needs quoting), uninstall leaves nothing behind."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui import desktop_install

ROOT = Path(__file__).resolve().parents[2]
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    """XDG data and config homes of our own, in the environment and for subprocesses."""
    data, config = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    config.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return data, config


def run_main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def entry_value(desktop: Path, key: str) -> str:
    for line in desktop.read_text(encoding="utf-8").splitlines():
        if line.startswith(key + "="):
            return line[len(key) + 1:]
    raise AssertionError(f"no {key}= in {desktop}")


def exec_argv(value: str, file: str) -> list[str]:
    """The Desktop Entry spec's reading of an Exec value, written independently of the
    module under test: string escapes first, then quoting, then field codes."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text, i = "", 0
    while i < len(value):
        if value[i] == "\\" and value[i + 1:i + 2] in escapes:
            text, i = text + escapes[value[i + 1]], i + 2
        else:
            text, i = text + value[i], i + 1
    args, current, quoted, i = [], None, False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\" and text[i + 1:i + 2] in ('"', "`", "$", "\\"):
            current, i = current + text[i + 1], i + 2
            continue
        if quoted and ch == '"':
            quoted = False
        elif quoted:
            current += ch
        elif ch == " ":
            if current is not None:
                args.append(current)
            current = None
        elif ch == '"':
            quoted, current = True, current or ""
        else:
            current = (current or "") + ch
        i += 1
    if current is not None:
        args.append(current)
    return [file if arg == "%f" else arg.replace("%%", "%") for arg in args]


def test_install_writes_the_entry_icon_and_file_type_and_exits_0(xdg):
    data, _ = xdg
    out = run_main("--install-desktop")
    assert out.returncode == 0, out.stderr
    desktop = data / "applications" / "netwright.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "netwright.svg"
    mime = data / "mime" / "packages" / "netwright-mime.xml"
    for path in (desktop, icon, mime):
        assert f"wrote {path}" in out.stdout
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "netwright.svg").read_bytes()
    assert entry_value(desktop, "MimeType") == "application/x-netwright-network;"
    assert entry_value(desktop, "Icon") == "netwright"
    assert entry_value(desktop, "Exec").endswith(" %f")
    program = exec_argv(entry_value(desktop, "Exec"), "x")[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK)
    assert entry_value(desktop, "TryExec") == program


def test_the_mime_package_parses_and_its_glob_beats_json():
    root = ET.parse(ROOT / "resources" / "netwright-mime.xml").getroot()
    assert root.tag == MIME_NS + "mime-info"
    kind = root.find(MIME_NS + "mime-type")
    assert kind.get("type") == "application/x-netwright-network"
    glob = kind.find(MIME_NS + "glob")
    assert glob.get("pattern") == "*.nw.json" and int(glob.get("weight")) > 50
    assert kind.find(MIME_NS + "icon").get("name") == "netwright"
    assert kind.find(MIME_NS + "sub-class-of").get("type") == "application/json"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate (Debian: desktop-file-utils) not installed")
def test_the_installed_entry_passes_desktop_file_validate(xdg):
    data, _ = xdg
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    out = subprocess.run(["desktop-file-validate", str(data / "applications" /
                                                       "netwright.desktop")],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


@pytest.mark.skipif(shutil.which("update-mime-database") is None,
                    reason="update-mime-database (shared-mime-info) not installed")
def test_the_mime_database_maps_nw_json_to_netwright(xdg):
    data, _ = xdg
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    globs = (data / "mime" / "globs2").read_text(encoding="utf-8").splitlines()
    assert "60:application/x-netwright-network:*.nw.json" in globs
    assert (data / "mime" / "icons").read_text().split() == [
        "application/x-netwright-network:netwright"]


def test_the_exec_line_starts_this_netwright(xdg):
    data, _ = xdg
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    command = exec_argv(entry_value(data / "applications" / "netwright.desktop", "Exec"),
                        "--help")
    out = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")
    assert out.returncode == 0, out.stderr
    assert "a network file (*.nw.json)" in out.stdout


@pytest.mark.skipif(not (shutil.which("xdg-open") and shutil.which("xdg-mime")),
                    reason="xdg-open / xdg-mime (Debian: xdg-utils) not installed")
def test_opening_a_network_file_starts_the_entry_with_that_file(xdg, tmp_path, monkeypatch):
    """What a double-click does, through xdg-open's own desktop-neutral opener: the file's
    type, its default application, the entry's Exec with %f (a recorder stands in for
    Netwright, whose window would not exit)."""
    recorder = tmp_path / "record_args"     # xdg-open splits Exec on spaces, quotes or not
    recorder.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$0.txt"\n')
    recorder.chmod(0o755)
    monkeypatch.setattr(desktop_install, "launch_command", lambda: [str(recorder)])
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    network = tmp_path / "my net.nw.json"
    shutil.copy(ROOT / "resources" / "examples" / "xor_mlp.nw.json", network)
    env = {k: v for k, v in os.environ.items()
           if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = env.get("DISPLAY") or ":99"   # xdg-open asks mime types only "with a display"
    kind = subprocess.run(["xdg-mime", "query", "filetype", str(network)], env=env,
                          capture_output=True, text=True, timeout=60).stdout.strip()
    if kind != "application/x-netwright-network":
        pytest.skip(f"xdg-mime reads file types without the shared MIME database ({kind})")
    out = subprocess.run(["xdg-open", str(network)], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert Path(f"{recorder}.txt").read_text().splitlines() == [str(network)]


AWKWARD = 'we ird "q" $HOME `x` 100% back\\slash #(1);é'


def test_a_path_that_needs_quoting_survives_the_exec_line(xdg, tmp_path, monkeypatch):
    data, _ = xdg
    folder = tmp_path / AWKWARD
    folder.symlink_to(ROOT, target_is_directory=True)
    monkeypatch.setattr(desktop_install, "launch_command",
                        lambda: [sys.executable, str(folder / "main.py")])
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    desktop = data / "applications" / "netwright.desktop"
    command = exec_argv(entry_value(desktop, "Exec"), "--help")
    assert command == [sys.executable, str(folder / "main.py"), "--help"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")
    assert out.returncode == 0, out.stderr
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                               text=True, timeout=60)
        assert check.returncode == 0 and not check.stdout.strip(), check.stdout


@pytest.mark.parametrize("path", ["/a/b\nc/main.py", "/a/\udcff/main.py"])
def test_a_path_no_menu_entry_can_hold_is_refused(path):
    with pytest.raises(desktop_install.DesktopInstallError, match="cannot hold"):
        desktop_install.exec_value([sys.executable, path])


def test_uninstall_removes_everything_install_wrote_and_nothing_else(xdg):
    data, config = xdg
    other_app = data / "applications" / "other.desktop"
    other_app.parent.mkdir()
    other_app.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n"
                         "MimeType=text/plain;\n")
    mimeapps = config / "mimeapps.list"
    mimeapps.write_text("[Default Applications]\ntext/plain=other.desktop\n")
    assert run_main("--install-desktop").returncode == 0
    out = run_main("--uninstall-desktop")
    assert out.returncode == 0, out.stderr
    assert sorted(p.relative_to(data).as_posix() for p in data.rglob("*")
                  if p.name != "mimeinfo.cache") == ["applications", "applications/other.desktop"]
    assert mimeapps.read_text().splitlines() == ["[Default Applications]",
                                                 "text/plain=other.desktop"]
    out = run_main("--uninstall-desktop")
    assert out.returncode == 0 and "nothing to remove" in out.stdout


def test_uninstall_after_install_leaves_an_empty_data_home(xdg):
    data, config = xdg
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 0
    assert desktop_install.run_desktop_command(["--uninstall-desktop"]) == 0
    assert list(data.iterdir()) == []
    mimeapps = config / "mimeapps.list"
    assert not mimeapps.exists() or "netwright" not in mimeapps.read_text()


def test_install_without_the_desktop_tools_says_so_and_succeeds(xdg, monkeypatch):
    data, _ = xdg
    monkeypatch.setenv("PATH", str(data / "no-tools-here"))
    lines = []
    desktop_install.install(say=lines.append)
    for tool in ("update-mime-database", "update-desktop-database", "xdg-mime"):
        assert f"skipped {tool}: not installed" in lines
    assert (data / "applications" / "netwright.desktop").is_file()


def test_a_data_home_that_is_a_file_is_refused_with_exit_2(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "share"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and f"{blocker} is not a folder" in err
    assert "Traceback" not in err


def test_a_folder_that_is_not_writable_is_refused_before_writing(xdg, monkeypatch, capsys):
    data, _ = xdg
    # chmod does not stop root (the CI runs as root): refuse through the check itself.
    monkeypatch.setattr(desktop_install.os, "access", lambda path, mode: False)
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 2
    assert f"folder {data} is not writable" in capsys.readouterr().err
    assert list(data.iterdir()) == []


def test_missing_resources_are_named_not_a_traceback(xdg, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(desktop_install, "RESOURCES", tmp_path / "no-resources")
    assert desktop_install.run_desktop_command(["--install-desktop"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: cannot read Netwright's ") and "netwright.desktop" in err


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop_install.data_home() == Path.home() / ".local" / "share"


def test_extra_arguments_are_refused(capsys):
    from main import main
    assert main(["--install-desktop", "spiral.nw.json"]) == 2
    assert main(["--install-desktop", "--uninstall-desktop"]) == 2
    assert "takes nothing else" in capsys.readouterr().err


def test_a_bundle_starts_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert desktop_install.launch_command() == [os.path.abspath(sys.executable)]


def test_a_netwright_script_for_another_python_is_not_used(tmp_path, monkeypatch):
    script = tmp_path / "netwright"
    script.write_text("#!/usr/bin/false\nfrom main import main\n")
    script.chmod(0o755)
    monkeypatch.setattr(desktop_install.shutil, "which", lambda name: str(script))
    assert desktop_install.launch_command()[-1] in (str(ROOT / "main.py"),
                                                    str(Path(sys.executable).parent /
                                                        "netwright"))



def pip_script(folder: Path) -> Path:
    """A launcher as pip writes it for this python (``from main import main``)."""
    folder.mkdir(exist_ok=True)
    script = folder / "netwright"
    script.write_text(f"#!{sys.executable} -s\nimport sys\nfrom main import main\n"
                      "sys.exit(main())\n")
    script.chmod(0o755)
    return script


def test_the_netwright_script_is_the_exec_when_it_runs_this_main_py(tmp_path, monkeypatch):
    script = pip_script(tmp_path / "bin")
    monkeypatch.setattr(desktop_install.shutil, "which", lambda name: str(script))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))        # where this python finds main.py
    assert desktop_install.launch_command() == [str(script)]


def test_a_netwright_script_that_runs_another_checkout_is_not_used(tmp_path, monkeypatch):
    script = pip_script(tmp_path / "bin")
    other = tmp_path / "other checkout"
    other.mkdir()
    (other / "main.py").write_text("def main():\n    return 0\n")
    monkeypatch.setattr(desktop_install.shutil, "which", lambda name: str(script))
    monkeypatch.setenv("PYTHONPATH", str(other))
    assert desktop_install.launch_command() == [os.path.abspath(sys.executable),
                                                str(ROOT / "main.py")]

# ---- packaging/build.py: its arguments and the spec it writes (the build itself is too slow
# for the suite: run `python packaging/build.py`) -------------------------------------------------
def load_build_script():
    import importlib.util
    spec = importlib.util.spec_from_file_location("netwright_build", ROOT / "packaging" /
                                                  "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_writes_under_packaging_where_git_ignores_it():
    build = load_build_script()
    args = build.parse_args([])
    assert args.dist == ROOT / "packaging" / "dist" and args.work == ROOT / "packaging" / "build"
    paths = ["packaging/dist/netwright", "packaging/build/netwright.spec"]
    try:
        ignored = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, timeout=60,
                                 capture_output=True, text=True)
    except OSError:
        pytest.skip("no git")
    if ignored.returncode == 128:
        pytest.skip(f"not a git work tree: {ignored.stderr.strip()}")
    assert ignored.stdout.split() == paths


def test_the_spec_is_python_that_bundles_resources_and_keeps_torch_out(tmp_path):
    build = load_build_script()
    assert build.main(["--spec-only", "--work", str(tmp_path)]) == 0
    text = (tmp_path / "netwright.spec").read_text(encoding="utf-8")
    compile(text, "netwright.spec", "exec")
    for package in ("torch", "onnx", "pytest", "hypothesis"):
        assert repr(package) in text
    assert '"resources")]' in text and "sklearn.datasets" in text
    assert repr(str(ROOT)) in text

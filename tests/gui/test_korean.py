"""The window in Korean (--language ko): no visible menu, action, dock, toolbar or tab text
left in English, and no Korean text clipped at 1440 x 900."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDockWidget, QLabel, QMenu,
                               QTabBar, QToolButton)

from gui import i18n

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# names that stay as they are in Korean (layer, example, language and product names)
STAYS = {"English", "한국어", "Netwright"}


def korean_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=ko"], capture_output=True, text=True)
    return bool(found.stdout.strip())


@pytest.fixture
def korean(qapp):
    if not i18n.TRANSLATIONS.joinpath("netwright_ko.qm").exists():
        pytest.skip("resources/translations/netwright_ko.qm is missing: "
                    "run python -m gui.translations_build")
    i18n.start(qapp, "ko")
    yield
    i18n.end_session()


@pytest.fixture
def korean_window(korean, main_window, qtbot):
    """The main window built with the Korean translators, shown at 1440 x 900."""
    main_window.files.load_default()        # the XOR example, with its description
    main_window.resize(1440, 900)
    main_window.show()
    qtbot.waitExposed(main_window)
    return main_window


def shown(text: str) -> str:
    """A menu or button text as the user reads it (no mnemonic ampersand, no shortcut)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").split("\t")[0].strip()


def is_translated(text: str, names: set[str]) -> bool:
    text = shown(text)
    return not text or bool(HANGUL.search(text)) or text in STAYS or text in names


def fill(menu: QMenu) -> None:
    menu.aboutToShow.emit()          # menus filled on demand (recent files, examples)


def menu_texts(menu: QMenu, path: str = ""):
    """(where, text) of the menu's title and every action, submenus included."""
    fill(menu)
    where = f"{path} > {shown(menu.title())}" if path else shown(menu.title())
    yield where, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_texts(action.menu(), where)
        else:
            yield f"{where} > {shown(action.text())}", action.text()


def example_names() -> set[str]:
    from gui.files import example_files
    return {name for _path, name, _description in example_files()}


def test_every_menu_and_action_is_korean(korean_window):
    names = example_names()
    menus = [a.menu() for a in korean_window.menuBar().actions() if a.menu() is not None]
    assert len(menus) >= 5
    english = [where for menu in menus for where, text in menu_texts(menu)
               if not is_translated(text, names)]
    assert not english, f"left in English: {english}"


def test_dock_titles_toolbar_and_tabs_are_korean(korean_window, qtbot):
    docks = [d.windowTitle() for d in korean_window.findChildren(QDockWidget)
             if d.isVisible()]
    assert docks and all(HANGUL.search(t) for t in docks), docks
    tools = [a.text() for a in korean_window.toolbar.actions() if not a.isSeparator()]
    assert tools and all(is_translated(t, set()) for t in tools), tools
    korean_window.training.dashboard          # built on first use: its tabs
    qtbot.waitUntil(lambda: bool(korean_window.findChildren(QTabBar)))
    tabs = [bar.tabText(i) for bar in korean_window.findChildren(QTabBar)
            for i in range(bar.count())]
    assert tabs and all(HANGUL.search(t) for t in tabs), tabs


def clipped(widget) -> str | None:
    """Why ``widget``'s Korean text does not fit it, or None."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QLabel):
        text = widget.text()
        if not HANGUL.search(text) or widget.textFormat() == widget.textFormat().RichText:
            return None
        room = widget.contentsRect()
        if widget.wordWrap():        # heightForWidth counts the margins: the whole widget
            need = widget.heightForWidth(widget.width())
            return f"needs {need} px high, has {widget.height()}" if need > widget.height() \
                else None
        need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        return f"needs {need} px wide, has {room.width()}" if need > room.width() else None
    if isinstance(widget, QAbstractButton) and HANGUL.search(widget.text()):
        need = widget.sizeHint().width()
        if isinstance(widget, QToolButton) and widget.toolButtonStyle() == \
                widget.toolButtonStyle().ToolButtonIconOnly:
            return None
        return f"needs {need} px wide, has {widget.width()}" if need > widget.width() else None
    return None


def test_no_korean_text_is_clipped_at_1440_by_900(korean_window, qtbot):
    if not korean_font_installed():
        pytest.skip("no Korean font (fc-list :lang=ko is empty): install fonts-noto-cjk")
    window = korean_window
    assert window.minimumSizeHint().width() <= 1440
    window.training.dashboard                         # the Training dock's content
    window.view.scene().select_nodes(["h1"])          # the node page of the inspector too
    qtbot.waitUntil(lambda: window.inspector.isVisible())
    QApplication.processEvents()
    widgets = [w for w in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
               if w.isVisible() and HANGUL.search(w.text())]
    assert len(widgets) > 20              # the inspector, palette, status bar, dashboard ...
    problems = [f"{type(w).__name__} {w.text()!r}: {why}" for w in widgets
                if (why := clipped(w))]
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            need = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
            if bar.isVisible() and need > bar.tabRect(i).width():
                problems.append(f"tab {bar.tabText(i)!r}: needs {need} px")
    bar = window.menuBar()
    for action in bar.actions():
        if not bar.actionGeometry(action).intersects(bar.rect()):
            problems.append(f"menu {action.text()!r} does not fit the menu bar")
    assert not problems, "\n".join(problems)


@pytest.fixture
def english(qapp):
    i18n.start(qapp, "en")
    yield
    i18n.end_session()


def test_english_stays_english(english, main_window):
    assert i18n.language() == "en"
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles[:3] == ["&File", "&Edit", "&View"]
    assert main_window.inspector_dock.windowTitle() == "Inspector"


def test_a_long_network_name_does_not_widen_the_inspector(main_window):
    """The description's title button took the whole name as its minimum width: with the
    Lessons dock open the inspector was narrower than that and its page was cut off at the
    dock's right edge (seen on circles_deep_sigmoid, in both languages)."""
    from gui.files import EXAMPLES_DIR, read_network
    network = read_network(EXAMPLES_DIR / "circles_deep_sigmoid.nw.json")
    network.name = "A very long network name " * 6
    main_window.document.replace(network, None)
    page = main_window.inspector.training_page
    assert page.minimumSizeHint().width() <= 380
    assert page.description.toggle.text() == network.name       # whole, drawn with "…"


def test_toolbar_buttons_show_no_korean_mnemonic(korean_window):
    """Qt strips only the '&' of '학습(&T)' on a toolbar button: it showed '학습(T)'."""
    bar = korean_window.toolbar
    labels = [bar.widgetForAction(a).text() for a in bar.actions() if not a.isSeparator()]
    assert "학습" in labels and not [t for t in labels if re.search(r"\(\w\)", t)], labels
    train = korean_window.training_actions["train"]
    train.setText("계속(&R)")                       # what a paused run makes of it
    assert bar.widgetForAction(train).text() == "계속"
    assert train.text() == "계속(&R)"               # the menu keeps its key


def test_destroying_the_window_with_work_pending_raises_nothing(qtbot, tmp_path, monkeypatch):
    """A fit queued by opening a network ran after the window was gone ('Internal C++
    object (CanvasView) already deleted'); the toolbar's label keeper must not run on a
    deleted action either."""
    import shiboken6

    from gui.commands import SetParam
    from gui.main_window import MainWindow
    from tests.gui.conftest import xor_network
    monkeypatch.setenv("NETWRIGHT_DATA_DIR", str(tmp_path))
    window = MainWindow()
    window.training.shutdown()
    document = window.document
    document.replace(xor_network())
    document.undo_stack.push(SetParam(document, "h1", "units", 5))   # Undo's text changes
    with qtbot.captureExceptions() as exceptions:
        shiboken6.delete(window)
        shiboken6.delete(document)          # its undo stack renames the deleted Undo action
    assert not exceptions, exceptions

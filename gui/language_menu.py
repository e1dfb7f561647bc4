"""View > Language: System / English / 한국어 as radio items. A choice is stored and takes
effect the next time Netwright starts (Qt translates a text when its widget is built)."""
from __future__ import annotations

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from gui.i18n import LANGUAGES, choose_language, chosen_language, language, system_language
from gui.i18n import translate

# said in the language just picked, which is not the one loaded now
NEXT_START = {"en": "English from the next start.",
              "ko": "다음에 시작할 때부터 한국어로 표시됩니다."}


def add_language_menu(menu: QMenu, show_message) -> QMenu:
    """Add the Language submenu to ``menu``; ``show_message(text)`` tells the user what a
    choice does (the status bar)."""
    sub = menu.addMenu(translate("LanguageMenu", "&Language"))
    sub.setObjectName("language_menu")
    group = QActionGroup(sub)
    system = translate("LanguageMenu", "System ({language})").format(
        language=LANGUAGES[system_language()])
    for code, text in (("", system), *LANGUAGES.items()):
        action = sub.addAction(text)
        action.setCheckable(True)
        action.setChecked(code == chosen_language())
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: show_message(_choose(c)))
    return sub


def _choose(code: str) -> str:
    """Store ``code`` ("" = the system's) and say when it shows."""
    choose_language(code)
    picked = code or system_language()
    if picked == language():
        return translate("LanguageMenu", "Language saved.")
    note = translate("LanguageMenu", "Language saved: it takes effect the next time "
                                     "Netwright starts.")
    return f"{note} {NEXT_START[picked]}"

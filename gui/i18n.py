"""The window's language: English or Korean. It follows the system locale unless the user
chose one in View > Language (stored in the settings); lessons pick their text by it."""
from __future__ import annotations

from PySide6.QtCore import QLocale, QSettings

LANGUAGES = {"en": "English", "ko": "한국어"}
SETTING = "language"          # "" (follow the system), "en" or "ko"


def _settings() -> QSettings:
    return QSettings("Netwright", "Netwright")


def chosen_language() -> str:
    """What the user picked in View > Language; "" means the system's."""
    value = _settings().value(SETTING, "")
    return value if value in LANGUAGES else ""


def system_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def language() -> str:
    """The language the window shows now: "en" or "ko"."""
    return chosen_language() or system_language()

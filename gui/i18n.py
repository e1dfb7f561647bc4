"""The window's language: English or Korean. It follows the system locale unless the user
chose one in View > Language (stored in the settings) or started with ``--language``;
lessons pick their text by it.

The language is fixed when the app starts (``start``): Qt translates a text when a widget
is built, so a new choice takes effect the next time Netwright starts. Strings go through
``QCoreApplication.translate("Context", "text")``; the Korean catalogue is
resources/translations/netwright_ko.qm (built by ``python -m gui.translations_build``).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = {"en": "English", "ko": "한국어"}
SETTING = "language"          # "" (follow the system), "en" or "ko"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CATALOGUE = "netwright_{lang}.qm"

_session: str | None = None          # the language fixed at start, once start() ran
_installed: list[QTranslator] = []   # kept alive: Qt does not own installed translators


def translate(context: str, text: str) -> str:
    """``text`` in the window's language. pyside6-lupdate finds ``translate("Context",
    "literal")`` calls by this name: keep both arguments literal strings."""
    return QCoreApplication.translate(context, text)


def engine_text(text: str) -> str:
    """A help text of the engine's registries in the window's language (gui/engine_texts.py
    lists them for lupdate); English when it has no translation."""
    return QCoreApplication.translate("EngineHelp", text) if text else text


def _settings() -> QSettings:
    # the app's organisation and name (gui.app.make_app) in the default format, which the
    # tests point at a temporary folder: QSettings("Netwright", "Netwright") is always the
    # user's own file
    return QSettings()


def chosen_language() -> str:
    """What the user picked in View > Language; "" means the system's."""
    value = _settings().value(SETTING, "")
    return value if value in LANGUAGES else ""


def choose_language(lang: str) -> None:
    """Store the user's pick ("" = the system's) for the next start."""
    _settings().setValue(SETTING, lang if lang in LANGUAGES else "")


def system_language() -> str:
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def language() -> str:
    """The language the window shows now: "en" or "ko" (the one fixed at start)."""
    return _session or chosen_language() or system_language()


def start(app, override: str | None = None) -> str:
    """Fix this session's language (``override``, else the user's choice, else the
    system's) and install its translators on ``app``. Returns the language."""
    global _session
    _session = override if override in LANGUAGES else (chosen_language() or system_language())
    install_translators(app, _session)
    return _session


def install_translators(app, lang: str) -> list[str]:
    """Replace the installed translators with ``lang``'s: Netwright's catalogue and Qt's
    own (standard dialogs and buttons). Returns the files that could not be loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        return []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    missing = []
    ours = TRANSLATIONS / CATALOGUE.format(lang=lang)
    for path in (ours, Path(qt_folder) / f"qtbase_{lang}.qm"):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            missing.append(str(path))
    return missing


def end_session() -> None:
    """Back to no fixed language and no translators (tests that switched language)."""
    global _session
    app = QCoreApplication.instance()
    if app is not None:
        install_translators(app, "en")
    _session = None


"""The translation machinery: the shipped catalogue is built from the committed .ts files
and complete, the language is fixed for the session, View > Language stores a choice for
the next start, --language picks one for a run, and every parameter label is listed."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QMenu

from gui import i18n, translations_build


@pytest.fixture
def english(qapp):
    i18n.start(qapp, "en")
    yield
    i18n.end_session()


def test_every_entry_of_every_ts_is_translated():
    for ts in translations_build.ts_files():
        assert translations_build.unfinished(ts) == [], ts.name


def test_the_shipped_qm_is_built_from_the_committed_ts_files():
    if translations_build.tool("lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    assert translations_build.check() == []


def test_the_korean_catalogue_translates_the_window(qapp):
    i18n.start(qapp, "ko")
    try:
        assert i18n.language() == "ko"
        assert i18n.translate("MainWindow", "&File") == "파일(&F)"
        assert i18n.translate("MainWindow", "no such text") == "no such text"
    finally:
        i18n.end_session()
    assert i18n.translate("MainWindow", "&File") == "&File"


def test_every_parameter_label_can_be_translated():
    """A new Param must be listed in gui/param_names.py, or its label stays English."""
    from engine.nn.layers import LAYERS
    from gui.param_form import english_label
    from gui.param_names import LABELS
    from gui.training_inspector import (REGULARIZATION_PARAMS, RUN_PARAMS, VALIDATION_SPLIT,
                                        registries)
    params = [p for specs in LAYERS.by_category().values() for s in specs for p in s.params]
    params += [p for registry in registries().values() for s in registry.values()
               for p in getattr(s, "params", ()) or ()]
    params += [*RUN_PARAMS, *REGULARIZATION_PARAMS, VALIDATION_SPLIT]
    missing = {english_label(p.name) for p in params} - set(LABELS)
    assert not missing, f"add to gui/param_names.py: {sorted(missing)}"


def test_every_engine_help_text_shows_in_korean(qapp):
    """The inspector's help texts come from the engine's registries (gui/engine_texts.py
    lists them; --update regenerates it): each has a Korean translation."""
    i18n.start(qapp, "ko")
    try:
        texts = translations_build.engine_help_texts()
        assert len(texts) > 100
        untranslated = [t for t in texts if i18n.engine_text(t) == t]
        assert not untranslated, untranslated[:3]
    finally:
        i18n.end_session()


def test_range_texts_read_as_the_engines_in_english():
    from engine.nn.layers import LAYERS
    from gui.param_form import range_text
    params = [p for specs in LAYERS.by_category().values() for s in specs for p in s.params]
    assert all(range_text(p) == p.range_text() for p in params)


def language_menu(window) -> QMenu:
    return window.findChild(QMenu, "language_menu")


def test_choosing_a_language_takes_effect_at_the_next_start(english, main_window):
    menu = language_menu(main_window)
    texts = [a.text() for a in menu.actions()]
    assert texts[1:] == ["English", "한국어"] and texts[0].startswith("System (")
    assert [a.isChecked() for a in menu.actions()] == [True, False, False]
    korean = menu.actions()[2]
    korean.trigger()
    assert i18n.chosen_language() == "ko"
    assert i18n.language() == "en"                 # this session stays English
    message = main_window.status.currentMessage()
    assert "next time Netwright starts" in message and "한국어" in message
    menu.actions()[0].trigger()
    assert i18n.chosen_language() == ""


def test_the_language_option_of_main_py():
    from gui.app import parse_args
    assert parse_args(["--language", "ko"]).language == "ko"
    assert parse_args([]).language is None
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["--language", "fr"])
    assert exit_info.value.code == 2


def test_the_choice_is_kept_with_the_apps_settings(tmp_qsettings):
    """It went to ~/.config/Netwright/Netwright.conf even in tests: QSettings(org, app)
    ignores the default format the tests redirect."""
    from PySide6.QtCore import QSettings
    i18n.choose_language("ko")
    try:
        assert QSettings().value(i18n.SETTING) == "ko"
        assert QSettings().fileName().startswith(str(tmp_qsettings))
    finally:
        i18n.choose_language("")


def test_the_chosen_language_is_used_at_start_unless_overridden(qapp):
    i18n.choose_language("ko")
    try:
        assert i18n.start(qapp, None) == "ko"
        assert i18n.start(qapp, "en") == "en"
        assert i18n.translate("MainWindow", "&File") == "&File"
    finally:
        i18n.end_session()
        i18n.choose_language("")


def test_an_example_description_shows_in_korean(qapp, main_window, tmp_path, monkeypatch):
    from gui import description_panel as dp
    monkeypatch.setattr(dp, "EXAMPLES_KO", tmp_path / "examples_ko.json")
    dp._examples_ko.cache_clear()
    (tmp_path / "examples_ko.json").write_text(json.dumps(
        {"xor_mlp": {"shows": "XOR을 푸는 다층 퍼셉트론입니다.", "try": "Tanh를 지워 보세요."}}),
        encoding="utf-8")
    panel = main_window.inspector.findChild(dp.DescriptionPanel)
    i18n.start(qapp, "ko")
    try:
        main_window.files.load_default()           # the XOR example, opened untitled
        assert panel.about.text() == "XOR을 푸는 다층 퍼셉트론입니다."
        assert panel.try_text.text() == "Tanh를 지워 보세요."
        (tmp_path / "examples_ko.json").write_text("{not json", encoding="utf-8")
        dp._examples_ko.cache_clear()
        main_window.files.load_default()           # unreadable: the English, no crash
        assert panel.about.text().startswith("A 2-4-1")
    finally:
        i18n.end_session()
        dp._examples_ko.cache_clear()


def test_export_says_which_weights_in_korean_but_writes_english(qapp, main_window):
    """The note goes into the exported project's README (English) and into the window."""
    i18n.start(qapp, "ko")
    try:
        source = main_window.export_actions.source()
    finally:
        i18n.end_session()
    assert source.note == "the seeded initial weights (seed 0): no run has trained it yet"
    assert source.shown_note == "시드로 만든 초기 가중치 (시드 0): 아직 학습한 실행이 없습니다"


def test_every_translation_keeps_the_placeholders_of_its_source():
    """A translated text is filled by .format(...) with the English text's fields: a field
    missing, added or misspelt in the Korean raises (or shows '{n}') where it is shown."""
    import string
    import xml.etree.ElementTree as ET

    def fields(text: str) -> set[str]:
        try:
            return {f"{name}:{spec}" for _, name, spec, _ in string.Formatter().parse(text)
                    if name is not None}
        except ValueError as e:          # an unmatched brace: .format would raise too
            return {f"unparsable: {e}"}
    wrong = [(ts.name, source, translation)
             for ts in translations_build.ts_files()
             for message in ET.parse(ts).getroot().iter("message")
             for source, translation in [(message.findtext("source") or "",
                                          message.findtext("translation") or "")]
             if fields(source) != fields(translation)]
    assert not wrong, wrong[:5]

"""The check line under a lesson step reads in the window's language: the engine's English
phrases are swapped, the metric names and measured numbers kept ('(after 15 epochs)' stayed
English in the Korean dock)."""
import pytest

from gui import i18n
from gui.lessons.check_text import check_text

SENTENCES = ["train_loss 0.6927 ≥ 0.68 (after 15 epochs)",
             "val_accuracy 0.81, needs ≥ 0.95 (after 1 epoch)",
             "waiting: val_accuracy is read after 5 epochs",
             "grad_norm_ratio out/h1 204 ≥ 100 (after 40 steps)"]


def test_english_sentences_are_left_as_the_engine_wrote_them(qapp):
    assert [check_text(s) for s in SENTENCES] == SENTENCES


@pytest.fixture
def korean(qapp):
    if not i18n.TRANSLATIONS.joinpath("netwright_ko.qm").exists():
        pytest.skip("resources/translations/netwright_ko.qm is missing")
    i18n.start(qapp, "ko")
    yield
    i18n.end_session()


def test_korean_sentences_keep_the_numbers_and_say_the_rest_in_korean(korean):
    shown = [check_text(s) for s in SENTENCES]
    assert shown[0] == "train_loss 0.6927 ≥ 0.68 (15 에폭 후)"
    assert "0.81" in shown[1] and "0.95" in shown[1] and "1 에폭 후" in shown[1]
    assert "needs" not in shown[1]
    assert "val_accuracy" in shown[2] and "5 에폭" in shown[2] and "waiting" not in shown[2]
    assert shown[3].endswith("(40 스텝 후)")

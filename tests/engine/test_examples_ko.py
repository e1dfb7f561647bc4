"""The Korean descriptions of the examples (resources/translations/examples_ko.json), which
the description panel shows when the window is in Korean: every example has one, with what
it shows and what to try, in Korean, and with the same measured numbers as its English."""
import json
import re
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
EXAMPLES = sorted((RESOURCES / "examples").glob("*.nw.json"))
KOREAN = RESOURCES / "translations" / "examples_ko.json"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# 0.69, 1,898 (a thousands comma has no space after it; "[1, 8, 8]" is three numbers)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def stem(path: Path) -> str:
    return path.name.removesuffix(".nw.json")


@pytest.fixture(scope="module")
def korean() -> dict:
    return json.loads(KOREAN.read_text(encoding="utf-8"))


def test_only_examples_that_exist_are_translated(korean):
    assert set(korean) == {stem(p) for p in EXAMPLES}


@pytest.mark.parametrize("path", EXAMPLES, ids=stem)
def test_example_has_korean_shows_and_try(path, korean):
    entry = korean.get(stem(path))
    assert isinstance(entry, dict), f"{stem(path)} has no Korean description"
    for field in ("shows", "try"):
        text = entry.get(field)
        assert isinstance(text, str) and text.strip(), f"{stem(path)}: {field} is empty"
        assert HANGUL.search(text), f"{stem(path)}: {field} is not Korean"


@pytest.mark.parametrize("path", EXAMPLES, ids=stem)
def test_korean_keeps_every_number_of_the_english(path, korean):
    english = json.loads(path.read_text(encoding="utf-8"))["description"]
    entry = korean[stem(path)]
    numbers_ko = set(NUMBER.findall(entry["shows"] + " " + entry["try"]))
    missing = [n for n in NUMBER.findall(english) if n not in numbers_ko]
    assert not missing, f"{stem(path)}: the Korean lacks {missing}"

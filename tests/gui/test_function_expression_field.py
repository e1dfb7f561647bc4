"""The function dataset's expression in the inspector: a bad formula typed there is marked
invalid with the parser's reason and never reaches the document; a good one is an edit."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.document import Document
from gui.inspector import Inspector

from tests.gui.conftest import xor_network
from tests.gui.test_inspector import training_page


@pytest.fixture
def inspector(qtbot):
    widget = Inspector(Document(xor_network()))
    qtbot.addWidget(widget)
    widget.resize(360, 700)
    widget.show()
    return widget


def type_into(editor, text):
    editor.line.selectAll()
    QTest.keyClicks(editor.line, text)
    QTest.keyClick(editor.line, Qt.Key.Key_Return)


def test_a_hostile_formula_is_an_invalid_field_and_a_good_one_an_edit(inspector):
    doc = inspector.document
    page = training_page(inspector)
    page.dataset.combo.setCurrentText("function")
    editor = page.dataset.form.editors["expression"]
    before = doc.network.training["dataset"]
    type_into(editor, "__import__('os')")
    assert "'__import__'" in editor.error_text() and editor.property("invalid")
    assert doc.network.training["dataset"] == before
    type_into(editor, "x1 * x2")
    assert editor.error_text() == "" and not editor.property("invalid")
    assert doc.network.training["dataset"]["params"]["expression"] == "x1 * x2"

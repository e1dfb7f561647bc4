"""The window shows the training memory estimate in the status bar, next to the parameter
count: a tooltip breaks it down, it turns red over the budget (and Train is refused with the
reason), and it follows every edit (issue 13 item 4)."""
from engine.graph import memory
from engine.graph.network import DEFAULT_TRAINING
from gui.commands import SetParam, SetTraining


def test_the_status_bar_shows_the_estimate_with_its_breakdown(main_window):
    label = main_window.status.memory_label
    estimate = main_window.document.analysis.memory
    assert not label.isHidden()
    assert label.text() == f"{memory.format_bytes(estimate.total)} to train"
    tip = label.toolTip()
    for words in ("Memory to train: about", "at batch 32", "weights and gradients",
                  "optimizer state (adam, 2 per weight)", "activations and layer buffers",
                  "Budget:", "Fits the budget."):
        assert words in tip, tip
    assert label.property("over_budget") is False


def with_training(doc) -> None:
    """The fixture's XOR is a graph alone (whose training is not checked): give it one."""
    doc.undo_stack.push(SetTraining(doc, DEFAULT_TRAINING))


def test_an_edit_over_the_budget_turns_it_red_and_says_why(main_window, qtbot, monkeypatch):
    monkeypatch.setenv(memory.BUDGET_ENV, "1MB")
    doc, status = main_window.document, main_window.status
    with_training(doc)
    doc.undo_stack.push(SetParam(doc, "h1", "units", 20000))     # 20,000 x 2 + ... weights
    label = status.memory_label
    qtbot.waitUntil(lambda: label.property("over_budget") is True)
    assert label.text().startswith("⚠ ") and label.text().endswith(" MB to train")
    assert "b3261e" in label.styleSheet()
    assert "training would be refused" in label.toolTip()
    assert "the network needs about" in status.problems_label.toolTip()
    assert "biggest: 'h1' Dense" in status.problems_label.toolTip()
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: label.property("over_budget") is False)
    assert label.styleSheet() == "" and not label.text().startswith("⚠")


def test_a_larger_batch_size_shows_at_once(main_window, qtbot):
    doc = main_window.document
    before = doc.analysis.memory.total
    doc.undo_stack.push(SetTraining(doc, dict(doc.network.training, batch_size=256)))
    qtbot.waitUntil(lambda: doc.analysis.memory.batch_size == 256)
    assert doc.analysis.memory.total > before
    assert "at batch 256" in main_window.status.memory_label.toolTip()


def test_no_estimate_while_a_shape_is_unknown(main_window, qtbot):
    doc = main_window.document
    doc.undo_stack.push(SetParam(doc, "in", "shape", [1, 4, 4]))     # Dense after an image
    qtbot.waitUntil(lambda: main_window.status.memory_label.isHidden())
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not main_window.status.memory_label.isHidden())


def test_a_long_problem_does_not_widen_the_window_past_1440(main_window, qtbot,
                                                            monkeypatch):
    monkeypatch.setenv(memory.BUDGET_ENV, "1KB")        # a 300-character problem
    doc = main_window.document
    with_training(doc)
    doc.undo_stack.push(SetParam(doc, "h1", "units", 8))
    qtbot.waitUntil(lambda: main_window.status.memory_label.property("over_budget") is True)
    assert len(main_window.status.problems_label.text()) > 100
    assert "1 problem: the network needs about" in main_window.status.problems_label.text()
    assert main_window.status.minimumSizeHint().width() < 1440 // 2
    assert main_window.minimumSizeHint().width() <= 1440


def test_a_graph_alone_over_the_budget_is_red_too(main_window, qtbot, monkeypatch):
    """Its training is not checked (no problem listed), but Train would use the defaults."""
    monkeypatch.setenv(memory.BUDGET_ENV, "1KB")
    doc = main_window.document
    assert not doc.network.has_training
    doc.undo_stack.push(SetParam(doc, "h1", "units", 8))
    qtbot.waitUntil(lambda: main_window.status.memory_label.property("over_budget") is True)
    assert "training would be refused" in main_window.status.memory_label.toolTip()

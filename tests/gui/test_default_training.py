"""A file without a training section in the window: the canvas checks the graph alone, and
Train says which default training it uses (and puts that before the problems it causes)."""
from engine.graph.network import Network
from tests.cli.test_check import IMAGE_GRAPH
from tests.gui.waits import PATIENCE_MS

NOTE = ("the file has no training section, so training uses the defaults: dataset xor, "
        "loss bce, adam (lr 0.03), scheduler none, no regularization, batch 32, 200 epochs, "
        "seed 0")


def shown(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    return window


def test_train_says_which_default_training_it_uses(qtbot, main_window):
    w = shown(qtbot, main_window)              # the XOR graph, without a training section
    assert not w.document.network.has_training
    assert w.training.train(pause_after=2)
    qtbot.waitUntil(lambda: w.training.state == "paused", timeout=PATIENCE_MS)
    assert w.training.dashboard.banner.text == NOTE[:1].upper() + NOTE[1:]


def test_a_graph_alone_is_valid_and_train_names_the_defaults_before_their_problems(
        qtbot, main_window):
    w = shown(qtbot, main_window)
    w.document.replace(Network.from_dict(IMAGE_GRAPH))
    assert w.document.analysis.problems == []  # was: the Input clashed with dataset 'xor'
    assert w.training.train() is False
    text = w.training.dashboard.banner.text
    assert text.startswith("Cannot train: " + NOTE + "; node 'in': the Input 'in' has shape "
                           "[3, 32, 32] but dataset 'xor' gives [2]")
    assert w.training.state == "idle" and not w.document.locked

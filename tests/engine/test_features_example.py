"""The circles_features example keeps its description's promise: a perceptron after
Features(square) solves circles, and the same perceptron without the squares cannot, in the
accuracy ranges over seeds 0-9 its text gives (measured with main.py train)."""
import re
from pathlib import Path

from engine.graph.network import Network
from engine.training.messages import FinishedEvent
from engine.training.trainer import Trainer

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / \
    "circles_features.nw.json"


def without_features(net: Network) -> Network:
    """sq deleted and in wired to out, as the description says."""
    plain = net.copy()
    plain.remove_node("sq")
    plain.add_edge("in", "out", index=0)
    return plain


def val_accuracies(net: Network) -> list[int]:
    """Validation accuracy in whole percent at the end of the run, for seeds 0 to 9."""
    out = []
    for seed in range(10):
        *_, finished = Trainer(net, seed=seed).run()
        assert isinstance(finished, FinishedEvent) and finished.reason == "completed"
        out.append(round(100 * finished.metrics["val_accuracy"]))
    return out


def promised(description: str, lead: str) -> tuple[int, int]:
    low, high = re.search(lead + r"[^%]*? reads (\d+)% to (\d+)%", description).groups()
    return int(low), int(high)


def test_the_example_is_a_perceptron_after_squares():
    net = Network.load(EXAMPLE)
    assert [n["type"] for n in net.nodes] == ["Input", "Features", "Dense", "Sigmoid"]
    assert net.node("sq")["params"] == {"square": True, "products": False, "sine": False}
    assert net.node("out")["params"]["units"] == 1
    assert net.training["dataset"]["name"] == "circles"


def test_squares_solve_circles_and_the_bare_perceptron_cannot_as_the_text_says():
    net = Network.load(EXAMPLE)
    with_squares, bare = val_accuracies(net), val_accuracies(without_features(net))
    assert (min(with_squares), max(with_squares)) == promised(net.description,
                                                              "with the squares")
    assert (min(bare), max(bare)) == promised(net.description, "without them")
    assert min(with_squares) >= 95 and max(bare) <= 65

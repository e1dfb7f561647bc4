"""engine.registry.Registry, the one registry type of every named family: names are unique,
order is registration order, and an unknown name is answered alike in every family."""
import pytest

from engine.data import DATASETS
from engine.nn.initializers import INITIALIZERS
from engine.nn.layers import LAYERS
from engine.nn.losses import LOSSES
from engine.optim.optimizers import OPTIMIZERS
from engine.optim.schedulers import SCHEDULERS
from engine.registry import Registry

FAMILIES = {"layer type": LAYERS, "dataset": DATASETS, "loss": LOSSES,
            "optimizer": OPTIMIZERS, "scheduler": SCHEDULERS, "initializer": INITIALIZERS}


def test_entries_keep_their_registration_order_and_register_returns_the_entry():
    reg = Registry("widget")
    assert reg.add("b", 2) == 2

    @reg.register("a")
    def make_a():
        return 1

    assert list(reg) == ["b", "a"] and reg["a"] is make_a


def test_a_name_registered_twice_is_refused_and_the_first_entry_kept():
    reg = Registry("widget")
    reg.add("knob", 1)
    with pytest.raises(ValueError, match="widget 'knob' registered twice"):
        reg.add("knob", 2)
    with pytest.raises(ValueError, match="registered twice"):
        reg.register("knob")(lambda: None)
    assert reg == {"knob": 1}


def test_an_unknown_name_raises_a_key_error_naming_the_family_and_the_known_names():
    reg = Registry("loss", "losses")
    reg.add("mse", 1)
    reg.add("bce", 2)
    with pytest.raises(KeyError) as info:
        reg["hinge"]
    assert info.value.args[0] == "unknown loss 'hinge'; known losses: mse, bce"
    assert reg.unknown("hinge") == info.value.args[0]   # the same words for ValueError
    assert Registry("widget").unknown("x") == "unknown widget 'x'; known widgets: "


def test_membership_and_get_do_not_raise():
    reg = Registry("widget")
    reg.add("knob", 1)
    assert "dial" not in reg and reg.get("dial") is None and reg.get("knob") == 1


@pytest.mark.parametrize("kind", list(FAMILIES))
def test_every_named_family_is_a_registry_that_answers_an_unknown_name_alike(kind):
    family = FAMILIES[kind]
    assert isinstance(family, Registry) and family.kind == kind and len(family) > 0
    with pytest.raises(KeyError) as info:
        family["no-such-name"]
    message = info.value.args[0]
    assert message.startswith(f"unknown {kind} 'no-such-name'; known {family.plural}: ")
    assert message.endswith(", ".join(family))

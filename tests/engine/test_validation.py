"""validate(net): every problem, in words a learner can act on, on the node it concerns."""
import pytest

from engine.errors import GraphError
from engine.graph.network import Network
from engine.graph.validation import validate, validate_graph, validate_training

XOR_TRAINING = {"dataset": {"name": "xor", "params": {"samples": 100}}, "loss": "bce",
                "optimizer": {"name": "adam", "lr": 0.03}, "scheduler": {"name": "none"},
                "batch_size": 16, "epochs": 5, "seed": 0}


def net(nodes, edges, training=None) -> Network:
    """nodes: [(id, type, params)]; edges: [(src, dst)] or [(src, dst, port)]."""
    return Network.from_dict({
        "nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes],
        "edges": [dict(zip(("from", "to", "port"), e)) for e in edges],
        "training": training or dict(XOR_TRAINING)})


def chain(*layers, training=None) -> Network:
    """chain(("in", "Input", {...}), ("d", "Dense", {...}), ...) wired in order."""
    return net(layers, [(a[0], b[0]) for a, b in zip(layers, layers[1:])], training)


def xor_net(training=None, units=1) -> Network:
    return chain(("in", "Input", {"shape": [2]}), ("h", "Dense", {"units": 4}),
                 ("a", "Tanh", {}), ("out", "Dense", {"units": units}), ("p", "Sigmoid", {}),
                 training=training)


def messages(errors) -> list[str]:
    return [str(e) for e in errors]


def only(errors: list[GraphError], node_id) -> GraphError:
    assert len(errors) == 1, messages(errors)
    assert errors[0].node_id == node_id, messages(errors)
    return errors[0]


def test_a_good_network_has_no_problems():
    assert validate(xor_net()) == []


# ---- layer types and params -----------------------------------------------------------------
def test_unknown_type_suggests_the_closest_name():
    n = chain(("in", "Input", {"shape": [2]}), ("d1", "Dence", {"units": 1}))
    assert "did you mean 'Dense'?" in only(validate_graph(n), "d1").message


def test_unknown_type_with_nothing_close_lists_the_known_types():
    n = chain(("in", "Input", {"shape": [2]}), ("x", "Transformer", {}))
    msg = only(validate_graph(n), "x").message
    assert "known types:" in msg and "Conv2D" in msg


def test_every_bad_param_of_a_node_is_reported():
    n = chain(("in", "Input", {"shape": [2]}),
              ("d1", "Dense", {"units": 0, "bias": "yes", "unitz": 3}))
    errs = validate_graph(n)
    assert [e.node_id for e in errs] == ["d1"] * 3
    text = " | ".join(e.message for e in errs)
    assert "units must be at least 1" in text
    assert "bias must be true or false" in text
    assert "no parameter 'unitz': did you mean 'units'?" in text


@pytest.mark.parametrize("layer, params, words", [
    ("Dropout", {"rate": 1.0}, "rate must be at least 0 and below 1"),
    ("Dense", {"units": 2.5}, "units must be a whole number"),
])
def test_out_of_range_and_wrongly_typed_params(layer, params, words):
    n = chain(("in", "Input", {"shape": [2]}), ("x", layer, params))
    assert words in only(validate_graph(n), "x").message


def test_stride_below_one_is_refused():
    n = chain(("in", "Input", {"shape": [1, 8, 8]}), ("c", "Conv2D", {"stride": 0}))
    assert "stride must be at least 1" in only(validate_graph(n), "c").message


# ---- ids and edges ------------------------------------------------------------------------
def test_duplicate_ids():
    n = chain(("in", "Input", {"shape": [2]}), ("d", "Dense", {}), ("d", "ReLU", {}))
    assert any(e.node_id == "d" and "two nodes have the id 'd'" in e.message
               for e in validate_graph(n))


def test_edge_to_a_missing_node_names_both_ends():
    n = net([("in", "Input", {"shape": [2]}), ("d", "Dense", {})],
            [("in", "d"), ("d", "ghost")])
    e = only(validate_graph(n), "d")
    assert "'ghost'" in e.message and "not a node" in e.message


def test_duplicate_edges():
    n = net([("in", "Input", {"shape": [2]}), ("d", "Dense", {})], [("in", "d"), ("in", "d")])
    assert "appears twice" in only(validate_graph(n), "d").message


def test_a_cycle_is_reported_once_naming_its_nodes_in_order():
    n = net([("in", "Input", {"shape": [2]}), ("a", "Dense", {"units": 2}), ("b", "ReLU", {}),
             ("c", "Add", {}), ("out", "Dense", {"units": 1})],
            [("in", "a"), ("a", "b"), ("b", "c"), ("c", "a"), ("in", "c"), ("c", "out")])
    cyc = [e for e in validate_graph(n) if "cycle" in e.message]
    assert len(cyc) == 1
    assert cyc[0].node_id == "a"
    assert "'a' -> 'b' -> 'c' -> 'a'" in cyc[0].message


def test_a_self_loop_is_a_cycle():
    n = net([("in", "Input", {"shape": [2]}), ("a", "Add", {})], [("in", "a"), ("a", "a")])
    assert "'a' -> 'a'" in only(validate_graph(n), "a").message


# ---- inputs and outputs -------------------------------------------------------------------
def test_no_input():
    n = chain(("d", "Dense", {}), ("r", "ReLU", {}))
    errs = validate_graph(n)
    assert any(e.node_id is None and "no Input node" in e.message for e in errs)


def test_an_empty_network():
    assert "empty" in only(validate_graph(net([], [])), None).message


def test_more_than_one_input_names_the_extra_one():
    n = net([("in", "Input", {"shape": [2]}), ("in2", "Input", {"shape": [2]}),
             ("add", "Add", {})], [("in", "add"), ("in2", "add")])
    e = only(validate_graph(n), "in2")
    assert "2 Input nodes ('in', 'in2')" in e.message


def test_more_than_one_output_names_them():
    n = net([("in", "Input", {"shape": [2]}), ("d1", "Dense", {}), ("r", "ReLU", {}),
             ("d2", "Dense", {})], [("in", "d1"), ("d1", "r"), ("in", "d2")])
    e = only(validate_graph(n), "d2")
    assert "2 outputs ('r', 'd2')" in e.message


def test_an_unconnected_node():
    n = net([("in", "Input", {"shape": [2]}), ("d", "Dense", {}), ("lost", "Tanh", {})],
            [("in", "d")])
    assert "not connected to anything" in only(validate_graph(n), "lost").message


@pytest.mark.parametrize("layer, sources, words", [
    ("Dense", ["in", "in2"], "takes exactly 1 input but 2 are connected ('in', 'in2')"),
    ("Add", ["in2"], "takes 2 or more inputs but 1 is connected ('in2')"),
])
def test_wrong_number_of_inputs(layer, sources, words):
    n = net([("in", "Input", {"shape": [2]}), ("in2", "Dense", {"units": 2}), ("x", layer, {})],
            [("in", "in2")] + [(s, "x") for s in sources])
    assert words in only(validate_graph(n), "x").message


def test_an_input_with_an_incoming_edge():
    n = net([("in", "Input", {"shape": [2]}), ("d", "Dense", {"units": 2}),
             ("s", "Dense", {"units": 2})], [("in", "d"), ("s", "in")])
    errs = validate_graph(n)
    assert any(e.node_id == "in" and "takes no inputs, but 's' is wired into it" in e.message
               for e in errs)


# ---- shapes that teach --------------------------------------------------------------------
def test_dense_after_an_image_says_insert_a_flatten_before_it():
    n = chain(("in", "Input", {"shape": [1, 8, 8]}), ("d1", "Dense", {"units": 3}))
    msg = only(validate_graph(n), "d1").message
    assert "insert a Flatten before 'd1'" in msg and "[1, 8, 8]" in msg


def test_a_conv_that_shrinks_below_one_pixel_shows_the_formula():
    n = chain(("in", "Input", {"shape": [1, 5, 5]}),
              ("c1", "Conv2D", {"kernel_size": 7, "padding": "valid"}))
    msg = only(validate_graph(n), "c1").message
    # the height is checked first (the width would fail the same way)
    assert "output height (H - K + 2P)/S + 1 = (5 - 7 + 2*0)/1 + 1 = -1" in msg


def test_merge_shape_mismatch_is_on_the_merge_node_and_only_there():
    n = net([("in", "Input", {"shape": [2]}), ("a", "Dense", {"units": 3}),
             ("b", "Dense", {"units": 4}), ("add", "Add", {}), ("r", "ReLU", {})],
            [("in", "a"), ("in", "b"), ("a", "add"), ("b", "add"), ("add", "r")])
    e = only(validate_graph(n), "add")
    assert "3" in e.message and "4" in e.message


# ---- the training section -----------------------------------------------------------------
def train_with(**changes) -> dict:
    t = dict(XOR_TRAINING)
    t.update(changes)
    return t


def test_dataset_shape_must_match_the_input():
    t = train_with(dataset={"name": "digits"}, loss="cross_entropy")
    e = [x for x in validate_training(xor_net(t)) if x.node_id == "in"]
    assert e and "the Input 'in' has shape [2] but dataset 'digits' gives [1, 8, 8]" in e[0].message


def test_unknown_dataset_and_bad_dataset_params():
    assert "unknown dataset 'xr'" in only(
        validate_training(xor_net(train_with(dataset={"name": "xr"}))), None).message
    e = only(validate_training(xor_net(train_with(
        dataset={"name": "xor", "params": {"samples": 3}}))), None)
    assert "samples" in e.message


def test_validation_split_must_be_below_one():
    e = only(validate_training(xor_net(train_with(
        dataset={"name": "xor", "validation_split": 1.0}))), None)
    assert "validation_split" in e.message


def test_bce_needs_one_output_unit():
    e = only(validate_training(xor_net(units=2)), "p")
    assert "bce" in e.message and "1 unit" in e.message and "[2]" in e.message


def test_cross_entropy_needs_one_unit_per_class():
    n = chain(("in", "Input", {"shape": [4]}), ("out", "Dense", {"units": 2}),
              ("p", "Softmax", {}),
              training=train_with(dataset={"name": "iris"}, loss="cross_entropy"))
    e = only(validate_training(n), "p")
    assert "3 units (one per class of dataset 'iris')" in e.message


def test_bce_on_three_classes_says_use_cross_entropy():
    n = chain(("in", "Input", {"shape": [4]}), ("out", "Dense", {"units": 1}),
              training=train_with(dataset={"name": "iris"}))
    assert "use cross_entropy" in only(validate_training(n), "out").message


def test_regression_loss_needs_one_unit_per_target_and_the_right_task():
    sine = {"name": "sine"}
    n = chain(("in", "Input", {"shape": [1]}), ("out", "Dense", {"units": 2}),
              training=train_with(dataset=sine, loss="mse"))
    assert "1 unit" in only(validate_training(n), "out").message
    n = chain(("in", "Input", {"shape": [1]}), ("out", "Dense", {"units": 1}),
              training=train_with(dataset=sine, loss="bce"))
    msg = only(validate_training(n), "out").message
    assert "regression set" in msg and "mse" in msg
    n = chain(("in", "Input", {"shape": [2]}), ("out", "Dense", {"units": 1}),
              training=train_with(loss="mae"))
    assert "classification set" in only(validate_training(n), "out").message


def test_unknown_loss_optimizer_scheduler():
    errs = validate_training(xor_net(train_with(loss="bec", optimizer={"name": "adan"},
                                                scheduler={"name": "cosin"})))
    text = messages(errs)
    assert len(errs) == 3 and all(e.node_id is None for e in errs), text
    assert "did you mean 'bce'?" in text[0]
    assert "adan" in text[1] and "adam" in text[1]
    assert "cosin" in text[2] and "cosine" in text[2]


def test_optimizer_and_scheduler_params_are_checked_against_their_schemas():
    errs = validate_training(xor_net(train_with(optimizer={"name": "adam", "lr": -1},
                                                scheduler={"name": "step", "gamma": "x"})))
    text = messages(errs)
    assert len(errs) == 2, text
    assert "optimizer 'adam'" in text[0] and "lr" in text[0]
    assert "scheduler 'step'" in text[1] and "gamma" in text[1]


@pytest.mark.parametrize("key, value, words", [
    ("batch_size", 0, "batch_size must be at least 1"),
    ("epochs", 2.5, "epochs must be a whole number"),
    ("seed", "zero", "seed must be a whole number"),
])
def test_numbers_of_the_training_section(key, value, words):
    e = only(validate_training(xor_net(train_with(**{key: value}))), None)
    assert words in e.message


def test_missing_and_misspelled_training_settings():
    t = dict(XOR_TRAINING)
    del t["loss"]
    t["batchsize"] = 8
    text = messages(validate_training(xor_net(t)))
    assert any("'loss' is missing" in m for m in text)
    assert any("unknown setting 'batchsize': did you mean 'batch_size'?" in m for m in text)


def test_validate_collects_graph_and_training_problems_together():
    n = chain(("in", "Input", {"shape": [3]}), ("d1", "Dense", {"units": 0}),
              training=train_with(epochs=0))
    ids = sorted(str(e.node_id) for e in validate(n))
    assert ids == ["None", "d1", "in"]


def test_a_layer_too_big_to_build_is_refused_before_it_eats_the_memory():
    n = chain(("in", "Input", {"shape": [64, 28, 28]}), ("flat", "Flatten", {}),
              ("d1", "Dense", {"units": 100000}))
    assert "5,017,700,000 parameters" in only(validate_graph(n), "d1").message
    n = chain(("in", "Input", {"shape": [1, 2000, 2000]}),
              ("c", "Conv2D", {"filters": 64}))
    assert "numbers per example" in only(validate_graph(n), "c").message


# ---- an output that cannot learn, and the loss that goes with it ----------------------------
def classifier(units: int, activation: str, loss: str = "bce", dataset: str = "xor") -> Network:
    features = {"xor": [2], "iris": [4]}[dataset]
    return chain(("in", "Input", {"shape": features}), ("out", "Dense", {"units": units}),
                 ("p", activation, {}),
                 training=train_with(dataset={"name": dataset}, loss=loss))


@pytest.mark.parametrize("loss", ["bce", "cross_entropy"])
def test_a_softmax_over_one_unit_is_an_error_that_names_both_fixes(loss):
    # It always outputs 1, so nothing before it can learn; it used to be marked valid.
    e = only(validate(classifier(1, "Softmax", loss)), "p")
    assert "a Softmax over 1 unit always outputs 1" in e.message
    assert "use a Sigmoid" in e.message and "2 or more units" in e.message
    assert "cross_entropy" in e.message
    assert only(validate_graph(classifier(1, "Softmax", loss)), "p").message == e.message


def test_a_softmax_over_one_channel_of_an_image_is_an_error_too():
    n = chain(("in", "Input", {"shape": [1, 4, 4]}), ("s", "Softmax", {}))
    assert "a Softmax over 1 channel always outputs 1" in only(validate_graph(n), "s").message


def test_bce_after_a_two_unit_softmax_suggests_cross_entropy_or_a_sigmoid():
    # The old advice, "set units of 'out' to 1", led to a one-unit Softmax.
    e = only(validate(classifier(2, "Softmax")), "p")
    assert "loss 'bce' needs the output 'p' to give 1 unit" in e.message
    assert "use the loss 'cross_entropy' with 2 units on 'out'" in e.message
    assert "replace 'p' with a Sigmoid and give 'out' 1 unit" in e.message


def test_following_the_fixes_of_an_output_that_cannot_learn_ends_in_a_valid_network():
    assert validate(classifier(2, "Softmax", "cross_entropy")) == []
    assert validate(classifier(1, "Sigmoid", "bce")) == []
    assert validate(classifier(1, "Softmax")) != []      # units alone: still refused


def test_cross_entropy_after_a_sigmoid_names_the_softmax():
    e = only(validate(classifier(2, "Sigmoid", "cross_entropy")), "p")
    assert "loss 'cross_entropy' goes with a Softmax at the output, but 'p' is a Sigmoid" \
        in e.message
    assert "use the loss 'bce' with 1 unit on 'out'" in e.message
    e = only(validate(classifier(3, "Sigmoid", "cross_entropy", "iris")), "p")
    assert "bce" not in e.message                     # bce is no fix for three classes
    assert "replace 'p' with a Softmax and give 'out' 3 units" in e.message


def test_bce_after_a_softmax_on_three_classes_offers_only_cross_entropy():
    e = only(validate(classifier(3, "Softmax", "bce", "iris")), "p")
    assert "use the loss 'cross_entropy' with 3 units on 'out'" in e.message
    assert "Sigmoid and give" not in e.message


# ---- a file without a training section is a graph alone -------------------------------------
IMAGE_GRAPH = {"nodes": [{"id": "in", "type": "Input", "params": {"shape": [3, 32, 32]}},
                         {"id": "c", "type": "Conv2D", "params": {"filters": 4}},
                         {"id": "f", "type": "Flatten"},
                         {"id": "d", "type": "Dense", "params": {"units": 10}}],
               "edges": [{"from": "in", "to": "c"}, {"from": "c", "to": "f"},
                         {"from": "f", "to": "d"}]}


def test_a_graph_alone_is_valid_without_the_defaults_it_never_wrote():
    n = Network.from_dict(IMAGE_GRAPH)
    assert not n.has_training
    assert validate(n) == []
    # A run would use the defaults: what they would make of it is still there to ask.
    text = messages(validate_training(n))
    assert any("dataset 'xor' gives [2]" in m for m in text), text


def test_a_graph_alone_saves_as_a_graph_alone_until_training_is_set():
    n = Network.from_dict(IMAGE_GRAPH)
    assert "training" not in n.to_dict() and not n.copy().has_training
    n.set_training(dict(XOR_TRAINING))
    assert n.has_training and n.to_dict()["training"] == XOR_TRAINING
    n.set_training(None)                   # undoing the first training edit
    assert not n.has_training and "training" not in n.to_dict()
    assert Network().has_training          # a new network owns the default training

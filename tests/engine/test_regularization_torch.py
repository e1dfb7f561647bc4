"""The L1/L2 penalty equals what a PyTorch user computes on the same weights with autograd:
``data_loss + l1 * sum(|W|) + l2 * sum(W^2)`` over the weight matrices (not biases, not
BatchNorm's scale and shift): the same value, the same gradients, the same optimizer step."""
import numpy as np
import pytest

from engine.graph.compiler import compile_network
from engine.graph.network import Network
from engine.nn.regularization import Penalty
from engine.optim.optimizers import make_optimizer

torch = pytest.importorskip("torch")
F = torch.nn.functional

L1, L2 = 0.004, 0.03
OPTIMIZERS = {
    "sgd": ({"name": "sgd", "lr": 0.1, "momentum": 0.9},
            lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, foreach=False)),
    "adam": ({"name": "adam", "lr": 0.01},
             lambda ps: torch.optim.Adam(ps, lr=0.01, foreach=False)),
}


def network() -> Network:
    nodes = [{"id": "in", "type": "Input", "params": {"shape": [4]}},
             {"id": "h1", "type": "Dense", "params": {"units": 5, "bias": False}},
             {"id": "bn", "type": "BatchNorm", "params": {}},
             {"id": "a1", "type": "Tanh", "params": {}},
             {"id": "out", "type": "Dense", "params": {"units": 3}}]
    return Network.from_dict({"format": "netwright-network", "version": 2, "name": "p",
                              "nodes": nodes,
                              "edges": [{"from": a["id"], "to": b["id"]}
                                        for a, b in zip(nodes, nodes[1:])]})


def engine_step(model, x, y, optimizer_config):
    optimizer = make_optimizer(optimizer_config, model)
    optimizer.zero_grad()
    loss = model.loss_and_grads(x, y, "cross_entropy")
    penalty = Penalty(model, l1=L1, l2=L2).add_to_grads()
    grads = {k: g.copy() for k, g in model.grads().items()}
    optimizer.step()
    return loss, penalty, grads, model.state_dict()


def torch_step(state, x, y, make_torch_optimizer):
    p = {k: torch.tensor(v, requires_grad=k.split(".")[1] in ("weight", "bias"))
         for k, v in state.items() if k != "bn.num_batches_tracked"}
    h = F.linear(torch.tensor(x), p["h1.weight"])      # no bias before a BatchNorm
    h = F.batch_norm(h, p["bn.running_mean"], p["bn.running_var"], p["bn.weight"],
                     p["bn.bias"], training=True, momentum=0.1, eps=1e-5)
    logits = F.linear(torch.tanh(h), p["out.weight"], p["out.bias"])
    data_loss = F.cross_entropy(logits, torch.tensor(y))
    weights = [p["h1.weight"], p["out.weight"]]          # what a user penalises
    penalty = L1 * sum(w.abs().sum() for w in weights) + L2 * sum(w.pow(2).sum()
                                                               for w in weights)
    trained = [v for v in p.values() if v.requires_grad]
    optimizer = make_torch_optimizer(trained)
    optimizer.zero_grad()
    (data_loss + penalty).backward()
    grads = {k: v.grad.numpy().copy() for k, v in p.items() if v.requires_grad}
    optimizer.step()
    return data_loss.item(), penalty.item(), grads, {k: v.detach().numpy() for k, v in p.items()}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_penalty_gradients_and_one_step_equal_pytorch(name):
    model = compile_network(network(), seed=1)
    model.by_id["h1"].layer.weights["weight"][0, 0] = 0.0     # |w| at its kink
    rng = np.random.default_rng(0)
    x = rng.standard_normal((16, 4)).astype(np.float32)
    y = rng.integers(0, 3, 16)
    config, make_torch_optimizer = OPTIMIZERS[name]
    theirs = torch_step(model.state_dict(), x, y, make_torch_optimizer)
    ours = engine_step(model, x, y, config)
    assert ours[0] == pytest.approx(theirs[0], rel=1e-5)          # data loss
    assert ours[1] == pytest.approx(theirs[1], rel=1e-5) and ours[1] > 0
    for key, grad in theirs[2].items():
        np.testing.assert_allclose(ours[2][key], grad, rtol=1e-5, atol=1e-6, err_msg=key)
    for key, value in theirs[3].items():
        np.testing.assert_allclose(ours[3][key], value, rtol=1e-5, atol=1e-6, err_msg=key)

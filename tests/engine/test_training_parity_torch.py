"""End to end through the public API: the same MLP, weights and batches trained with
Adam + cosine in Netwright and in PyTorch give the same losses and final weights."""
import numpy as np
import pytest

from engine import Network, compile_network, make_optimizer, make_scheduler

torch = pytest.importorskip("torch")

STEPS, BATCHES_PER_EPOCH, BATCH = 30, 5, 16
OPTIMIZER = {"name": "adam", "lr": 0.05}
SCHEDULER = {"name": "cosine", "t_max": 4}       # 6 epochs: runs past t_max too


def _network(nodes, loss):
    ids = [n["id"] for n in nodes]
    return Network.from_dict({
        "format": "netwright-network", "version": 1, "name": "parity",
        "nodes": nodes,
        "edges": [{"from": a, "to": b} for a, b in zip(ids, ids[1:])],
        "training": {"loss": loss, "optimizer": OPTIMIZER, "scheduler": SCHEDULER},
    })


def _node(nid, type_, **params):
    return {"id": nid, "type": type_, "params": params}


def _train_netwright(net, x, y):
    model = compile_network(net, seed=3)
    start = model.state_dict()
    opt = make_optimizer(net.training["optimizer"], model)
    sched = make_scheduler(net.training["scheduler"], opt)
    losses = []
    for step in range(STEPS):
        batch = slice((step % BATCHES_PER_EPOCH) * BATCH, (step % BATCHES_PER_EPOCH + 1) * BATCH)
        opt.zero_grad()
        losses.append(model.loss_and_grads(x[batch], y[batch], loss=net.training["loss"]))
        opt.step()
        if (step + 1) % BATCHES_PER_EPOCH == 0:
            sched.step()
    return start, losses, model.state_dict()


def _train_torch(module, names, start, loss_fn, x, y):
    module.load_state_dict({torch_key: torch.tensor(start[key]) for key, torch_key in names.items()})
    opt = torch.optim.Adam(module.parameters(), lr=OPTIMIZER["lr"], foreach=False)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=SCHEDULER["t_max"])
    losses = []
    for step in range(STEPS):
        batch = slice((step % BATCHES_PER_EPOCH) * BATCH, (step % BATCHES_PER_EPOCH + 1) * BATCH)
        opt.zero_grad()
        loss = loss_fn(module(torch.tensor(x[batch])), torch.tensor(y[batch]))
        loss.backward()
        opt.step()
        losses.append(loss.item())
        if (step + 1) % BATCHES_PER_EPOCH == 0:
            sched.step()
    final = module.state_dict()
    return losses, {key: final[torch_key].numpy() for key, torch_key in names.items()}


def _assert_same(ours, theirs):
    start, losses, final = ours
    t_losses, t_final = theirs
    np.testing.assert_allclose(losses, t_losses, rtol=1e-5, atol=1e-6)
    assert losses[-1] < 0.7 * losses[0]          # it did learn something
    for key, value in t_final.items():
        assert not np.allclose(start[key], value), f"{key} never moved"
        np.testing.assert_allclose(final[key], value, rtol=1e-4, atol=2e-5, err_msg=key)


def test_softmax_mlp_with_cross_entropy_trains_as_in_torch():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(BATCH * BATCHES_PER_EPOCH, 4)).astype(np.float32)
    y = (x[:, 0] > 0).astype(np.int64) + (x[:, 1] > 0.5)          # 3 classes
    net = _network([_node("in", "Input", shape=[4]), _node("h1", "Dense", units=8),
                    _node("t", "Tanh"), _node("out", "Dense", units=3),
                    _node("p", "Softmax")], "cross_entropy")
    ours = _train_netwright(net, x, y)
    module = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 3))
    names = {"h1.weight": "0.weight", "h1.bias": "0.bias",
             "out.weight": "2.weight", "out.bias": "2.bias"}
    theirs = _train_torch(module, names, ours[0], torch.nn.functional.cross_entropy, x, y)
    _assert_same(ours, theirs)


def test_sigmoid_unit_with_bce_trains_as_in_torch():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(BATCH * BATCHES_PER_EPOCH, 3)).astype(np.float32)
    y = (x @ np.array([1.0, -2.0, 0.5], np.float32) > 0).astype(np.float32)[:, None]
    net = _network([_node("in", "Input", shape=[3]), _node("out", "Dense", units=1),
                    _node("p", "Sigmoid")], "bce")
    ours = _train_netwright(net, x, y)
    names = {"out.weight": "weight", "out.bias": "bias"}
    theirs = _train_torch(torch.nn.Linear(3, 1), names, ours[0],
                          torch.nn.functional.binary_cross_entropy_with_logits, x, y)
    _assert_same(ours, theirs)

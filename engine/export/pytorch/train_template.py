"""The text of the exported project's train.py, kept as data: it imports torch, which the
engine never does, so it is a string here and not a module of its own.

``render_train_script(settings)`` fills in SETTINGS (a Python literal made by project.py:
loss, optimizer and scheduler as PyTorch classes with their arguments, batch size, epochs,
seed). Everything else in the script is fixed.
"""
from __future__ import annotations

import pprint

SETTINGS_MARK = "__SETTINGS__"


def render_train_script(settings: dict) -> str:
    literal = pprint.pformat(settings, width=92, sort_dicts=False)
    return TEMPLATE.replace(SETTINGS_MARK, literal, 1)


TEMPLATE = r'''"""Train the network exported from Netwright with PyTorch, on the settings of its file.

    python train.py [--epochs N] [--device cpu|cuda]        one process
    torchrun --nproc_per_node 2 train.py [--epochs N]       DistributedDataParallel
    (README.md says how to run it on several machines)

The data is data.npz: the engine's own train/validation split and standardisation. The loss,
optimizer and learning-rate schedule are PyTorch's classes with the file's settings (the
schedule steps once per epoch, as in Netwright). With N processes each step still sees the
file's batch size in all (--batch-size sets it per process). Rank 0 prints progress and, as
its last stdout line, the JSON that `python main.py train` prints; it saves the trained
weights to trained.pt (load them with Model().load_state_dict(torch.load("trained.pt"))).
Needs torch and numpy only.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DistributedSampler

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from model import Model  # noqa: E402  (model.py next to this file)

# The network file's training section in PyTorch's terms, written by the export.
SETTINGS = __SETTINGS__

EVAL_BATCH = 1024          # rows per forward pass when evaluating
PROGRESS_EVERY_S = 1.0     # at most one progress line a second (and the first and last epoch)


class Problem(Exception):
    """Bad input or set-up: printed as one error line, exit 2."""


# ---- set-up --------------------------------------------------------------------------------
def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Train the exported network (see README.md).")
    p.add_argument("--epochs", type=int, default=SETTINGS["epochs"],
                   help=f"epochs to train (default: the file's {SETTINGS['epochs']})")
    p.add_argument("--device", default="auto",
                   help="cpu, cuda or cuda:K (default: cuda if available, else cpu; under "
                        "torchrun each process takes the GPU of its LOCAL_RANK)")
    p.add_argument("--batch-size", type=int, default=None,
                   help="examples per step in each process (default: the file's "
                        f"{SETTINGS['batch_size']} divided among the processes)")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads of each process (default: torch's; torchrun sets 1)")
    p.add_argument("--weights", default=str(HERE / "weights.pt"),
                   help="the state_dict to start from (default: weights.pt)")
    p.add_argument("--out", default=str(HERE / "trained.pt"),
                   help="where rank 0 saves the trained state_dict (default: trained.pt)")
    args = p.parse_args(argv)
    if args.epochs < 1:
        p.error(f"--epochs must be at least 1, got {args.epochs}")
    for flag in ("batch_size", "threads"):
        value = getattr(args, flag)
        if value is not None and value < 1:
            p.error(f"--{flag.replace('_', '-')} must be at least 1, got {value}")
    return args


def pick_device(name: str, local_rank: int | None) -> torch.device:
    """``name`` as a torch.device; under torchrun a bare "cuda" is this process's GPU."""
    if name == "auto":
        name = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        device = torch.device(name)
    except RuntimeError:
        raise Problem(f"--device {name!r} is not a device: use cpu, cuda or cuda:K") from None
    if device.type == "cuda":
        if not torch.cuda.is_available():
            raise Problem(f"--device {name}: this torch sees no CUDA GPU (use --device cpu)")
        if device.index is None:
            device = torch.device("cuda", local_rank or 0)
        if device.index >= torch.cuda.device_count():
            raise Problem(f"{device} does not exist: this machine has "
                          f"{torch.cuda.device_count()} GPU(s), so run at most that many "
                          f"processes per machine (--nproc_per_node)")
    return device


def start_processes(device_name: str):
    """(world size, rank, device); joins torchrun's process group when there is one
    (gloo on CPU, nccl on GPUs)."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", "0")) if world > 1 else None
    device = pick_device(device_name, local_rank)
    if device.type == "cuda":
        torch.cuda.set_device(device)
    if world > 1:
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    return world, rank, device


def load_data(device: torch.device) -> dict:
    path = HERE / "data.npz"
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
    except OSError as e:
        raise Problem(f"cannot read {path}: {e}") from None
    data = {"task": str(arrays["task"])}
    for part in ("train", "val"):
        data[f"x_{part}"] = torch.from_numpy(arrays[f"x_{part}"]).float().to(device)
        data[f"y_{part}"] = targets(arrays[f"y_{part}"]).to(device)
    return data


def targets(y: np.ndarray) -> torch.Tensor:
    """Class indices for cross_entropy, 0/1 floats (N, 1) for bce, floats for regression."""
    if SETTINGS["loss"] == "cross_entropy":
        return torch.from_numpy(y).long()
    if SETTINGS["loss"] == "bce":
        return torch.from_numpy(y).float().reshape(len(y), 1)
    return torch.from_numpy(y).float().reshape(len(y), -1)


def build_model(weights: str, device: torch.device) -> torch.nn.Module:
    model = Model()
    try:
        state = torch.load(weights, map_location="cpu", weights_only=True)
    except (OSError, RuntimeError) as e:
        raise Problem(f"cannot read the weights {weights}: {e}") from None
    model.load_state_dict(state)        # frozen layers: requires_grad False in model.py
    return model.to(device)


def make_optimizer(model: torch.nn.Module):
    name, kwargs = SETTINGS["optimizer"]
    trainable = [p for p in model.parameters() if p.requires_grad]
    if not trainable:
        raise Problem("every layer of this network is frozen: there is nothing to train")
    return getattr(torch.optim, name)(trainable, **kwargs)


def make_scheduler(optimizer):
    """PyTorch's scheduler, stepped after every epoch (None: a constant rate)."""
    if SETTINGS["scheduler"] is None:
        return None
    name, kwargs = SETTINGS["scheduler"]
    return getattr(torch.optim.lr_scheduler, name)(optimizer, **kwargs)


# ---- the loss ------------------------------------------------------------------------------
class LossInput:
    """What the loss reads: the model's output, or with cross_entropy / bce after a final
    Softmax / Sigmoid, that layer's input (the logits), as Netwright fuses them: the fused
    loss stays finite where log(softmax) would not."""

    def __init__(self, model: torch.nn.Module):
        self.module_name = SETTINGS["loss_reads_input_of"]
        self.captured = None
        if self.module_name is not None:
            final = model.get_submodule(self.module_name)
            final.register_forward_pre_hook(self._capture)

    def _capture(self, _module, inputs):
        self.captured = inputs[0]

    def __call__(self, model, x: torch.Tensor) -> torch.Tensor:
        out = model(x)
        if self.module_name is None:
            return out
        z, self.captured = self.captured, None
        return z


def loss_value(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    name = SETTINGS["loss"]
    if name == "cross_entropy":
        return F.cross_entropy(z, y)
    if name == "bce":
        return F.binary_cross_entropy_with_logits(z, y)
    y = y.reshape(z.shape)
    if name == "mse":
        return F.mse_loss(z, y)
    if name == "mae":
        return F.l1_loss(z, y)
    if name == "rmse":   # at 0 every residual is 0: no push (sqrt's slope there is infinite)
        mse = F.mse_loss(z, y)
        positive = mse > 0
        return torch.where(positive, torch.sqrt(torch.where(positive, mse, 1.0)), 0.0)
    raise Problem(f"unknown loss {name!r}")


class Penalty:
    """l1 * sum|w| + l2 * sum w^2 over the weights Netwright penalises (Dense and Conv2D
    kernels; not biases, BatchNorm or frozen layers), added to what the optimizer
    minimises; the loss reported stays the data loss, as in Netwright."""

    def __init__(self, model: torch.nn.Module):
        config = SETTINGS["regularization"]
        self.l1 = self.l2 = 0.0
        self.weights = []
        if config is not None:
            self.l1, self.l2 = config["l1"], config["l2"]
            # state_dict(keep_vars=True): the parameters themselves, by Netwright's keys
            params = model.state_dict(keep_vars=True)
            self.weights = [params[key] for key in config["weights"]]

    @property
    def active(self) -> bool:
        return bool(self.weights)

    def __call__(self) -> torch.Tensor:
        total = 0.0
        for w in self.weights:
            if self.l1:
                total = total + self.l1 * w.abs().sum()
            if self.l2:
                total = total + self.l2 * w.pow(2).sum()
        return total


# ---- metrics ---------------------------------------------------------------------------------
class Tally:
    """Sums over batches, weighted by batch size, as Netwright's running metrics; summed
    over every process before they are read."""

    def __init__(self, task: str, device: torch.device):
        self.task = task
        self.sums = None
        self.device = device

    def add(self, loss: torch.Tensor, z: torch.Tensor, y: torch.Tensor) -> None:
        n = len(y)
        parts = [loss.double().reshape(1) * n, torch.tensor([n], dtype=torch.float64,
                                                            device=self.device)]
        if self.task == "classification":
            predicted = (z[:, 0] > 0).long() if z.shape[1] == 1 else z.argmax(dim=1)
            truth = y.reshape(n).long()
            parts.append((predicted == truth).sum().double().reshape(1))
        else:
            err = (z.reshape(n, -1) - y.reshape(n, -1)).double()
            yd = y.reshape(n, -1).double()
            parts += [(err * err).sum(0), yd.sum(0), (yd * yd).sum(0)]
        row = torch.cat(parts)
        self.sums = row if self.sums is None else self.sums + row

    def all_reduce(self) -> None:
        if dist.is_initialized() and self.sums is not None:
            dist.all_reduce(self.sums)

    def loss(self):
        return None if self.sums is None else float(self.sums[0] / self.sums[1])

    def metrics(self, prefix: str) -> dict:
        if self.task == "classification":
            accuracy = None if self.sums is None else float(self.sums[2] / self.sums[1])
            return {f"{prefix}_accuracy": accuracy}
        if self.sums is None:
            return {f"{prefix}_rmse": None, f"{prefix}_r2": None}
        n = float(self.sums[1])
        sse, y_sum, y2_sum = self.sums[2:].reshape(3, -1)
        sst = y2_sum - y_sum ** 2 / n
        r2 = torch.where(sst > 0, 1 - sse / torch.where(sst > 0, sst, 1.0),
                         (sse == 0).double())
        return {f"{prefix}_rmse": math.sqrt(float(sse.sum()) / (n * len(sse))),
                f"{prefix}_r2": float(r2.mean())}


@torch.no_grad()
def evaluate(model, loss_input: LossInput, x, y, task: str, device) -> tuple:
    """(loss, metrics) on a whole set in eval mode (Dropout off, BatchNorm's running stats)."""
    model.eval()
    tally = Tally(task, device)
    if len(x):
        z = torch.cat([loss_input(model, x[i:i + EVAL_BATCH])
                       for i in range(0, len(x), EVAL_BATCH)])
        tally.add(loss_value(z, y), z, y)
    return tally.loss(), tally.metrics("val")


# ---- training ------------------------------------------------------------------------------
class Run:
    """This process's share of the run: its device, data, model (DDP-wrapped under
    torchrun), optimizer, scheduler and sampler."""

    def __init__(self, args):
        if args.threads:
            torch.set_num_threads(args.threads)
        self.world, self.rank, self.device = start_processes(args.device)
        torch.manual_seed(SETTINGS["seed"] + self.rank)     # Dropout draws differ per process
        self.data = load_data(self.device)
        self.task = self.data["task"]
        self.model = build_model(args.weights, self.device)
        self.loss_input = LossInput(self.model)
        self.penalty = Penalty(self.model)
        self.net = self.model
        if self.world > 1:
            self.net = DistributedDataParallel(
                self.model, device_ids=[self.device] if self.device.type == "cuda" else None)
        self.optimizer = make_optimizer(self.model)
        self.scheduler = make_scheduler(self.optimizer)
        self.per_process = args.batch_size or max(1, math.ceil(SETTINGS["batch_size"]
                                                               / self.world))
        self.sampler = DistributedSampler(range(len(self.data["x_train"])),
                                          num_replicas=self.world, rank=self.rank,
                                          shuffle=True, seed=SETTINGS["seed"])
        self.steps = 0

    def say(self, *args, **kwargs) -> None:
        """Rank 0 alone prints."""
        if self.rank == 0:
            print(*args, **kwargs, flush=True)

    def describe(self, epochs: int) -> str:
        processes = f"{self.world} process{'es' if self.world > 1 else ''}"
        backend = f", {dist.get_backend()}" if self.world > 1 else ""
        return (f"training {SETTINGS['network']!r} on {processes} ({self.device}{backend}), "
                f"{self.per_process} examples a step in each, {epochs} epochs")

    def train_epoch(self, epoch: int) -> Tally:
        """One pass over this process's share; the tally summed over every process."""
        self.sampler.set_epoch(epoch)
        order = torch.tensor(list(self.sampler), dtype=torch.long, device=self.device)
        self.net.train()
        tally = Tally(self.task, self.device)
        x, y = self.data["x_train"], self.data["y_train"]
        for start in range(0, len(order), self.per_process):
            idx = order[start:start + self.per_process]
            self.optimizer.zero_grad(set_to_none=True)
            z = self.loss_input(self.net, x[idx])
            loss = loss_value(z, y[idx])
            (loss + self.penalty() if self.penalty.active else loss).backward()
            self.optimizer.step()
            tally.add(loss.detach(), z.detach(), y[idx])
            self.steps += 1
        if self.scheduler is not None:
            self.scheduler.step()
        tally.all_reduce()
        return tally

    def validate(self) -> tuple:
        """(val loss, val metrics) of the weights now; on this process alone (rank 0), on
        the module itself: DDP's forward would wait for the other processes."""
        return evaluate(self.model, self.loss_input, self.data["x_val"], self.data["y_val"],
                        self.task, self.device)


def train(args) -> int:
    run = Run(args)
    run.say(run.describe(args.epochs))
    done, reason, last = 0, "completed", None
    began, shown = time.perf_counter(), -math.inf
    for epoch in range(args.epochs):
        tally = run.train_epoch(epoch)
        if not math.isfinite(tally.loss()):        # every process sees the same sum
            reason = "diverged"
            run.say(f"training diverged in epoch {epoch + 1}: the loss became "
                    f"{tally.loss()}; try a smaller learning rate", file=sys.stderr)
            break
        last, done = {"train_loss": tally.loss(), **tally.metrics("train")}, epoch + 1
        if run.rank == 0 and (time.perf_counter() - shown >= PROGRESS_EVERY_S
                              or done in (1, args.epochs)):
            shown = time.perf_counter()
            run.say(progress_line(done, args.epochs, last, *run.validate(), shown - began))
    seconds = time.perf_counter() - began
    if run.rank == 0:
        finish(run, args, last, (done, run.steps, reason), seconds)
    if run.world > 1:
        dist.destroy_process_group()
    return 0 if reason == "completed" else 1


def progress_line(epoch, epochs, train, val_loss, val, seconds) -> str:
    words = [f"epoch {epoch}/{epochs}"]
    for key, value in {**train, "val_loss": val_loss, **val}.items():
        if value is not None:
            words.append(f"{key} {value:.4g}")
    return "  ".join(words) + f"  ({seconds:.1f} s)"


def finish(run: Run, args, last, outcome, seconds) -> None:
    """Rank 0: the JSON line of `main.py train` (keys in its order) and trained.pt.
    ``outcome``: (epochs completed, steps, "completed" or "diverged")."""
    epochs, steps, reason = outcome
    val_loss, val = run.validate()
    train = dict(last or {"train_loss": None, **Tally(run.task, run.device).metrics("train")})
    key = "val_accuracy" if run.task == "classification" else "val_rmse"
    result = {"epochs": epochs, "steps": steps, "reason": reason,
              "train_loss": plain(train.pop("train_loss")), "val_loss": plain(val_loss),
              key: plain(val.pop(key))}
    result.update({k: plain(v) for k, v in {**train, **val}.items()})
    if run.penalty.active:
        with torch.no_grad():
            result["penalty"] = plain(float(run.penalty()))
    result["seconds"] = round(seconds, 3)
    if reason == "completed":
        save_weights(run.model, args.out)
    else:
        print(f"{args.out} not written: the weights are not finite", file=sys.stderr)
    print(json.dumps(result), flush=True)


def plain(v):
    """JSON has no NaN: a missing or non-finite number becomes null."""
    return None if v is None or not math.isfinite(v) else float(v)


def save_weights(model: torch.nn.Module, path: str) -> None:
    """Written next to its place, then renamed: a crash never leaves half a file."""
    tmp = f"{path}.tmp{os.getpid()}"
    torch.save({k: v.detach().cpu() for k, v in model.state_dict().items()}, tmp)
    os.replace(tmp, path)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        return train(args)
    except Problem as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:         # stdout went to a program that quit early (| head)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
'''

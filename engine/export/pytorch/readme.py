"""README.md of the exported PyTorch project: what each file is, how to run train.py on one
machine and on several (torchrun's rendezvous), and what it trains with."""
from __future__ import annotations


def _call(spec) -> str:
    name, kwargs = spec
    return f"`{name}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})`"


def _schedule(spec) -> str:
    return "none (a constant rate)" if spec is None else f"{_call(spec)}, stepped once per epoch"


def _defaults_note(net) -> str:
    if net.has_training:
        return ""
    return ("The network file has no training section, so these are Netwright's defaults\n"
            "(those a run in the window uses).\n\n")


def _penalty(config) -> str:
    if config is None:
        return "none"
    terms = [t for t, on in ((f"{config['l1']!r} × Σ|w|", config["l1"]),
                             (f"{config['l2']!r} × Σw²", config["l2"])) if on]
    return (f"{' + '.join(terms)} over {', '.join(f'`{k}`' for k in config['weights'])} "
            "(not biases), added to the loss the optimizer minimises; the loss printed is "
            "the data loss, the penalty is beside it")


def _title(net) -> str:
    name = "".join(c for c in str(net.name or "") if c.isprintable())[:100].strip()
    return name or "Network"


def readme_text(net, model, settings: dict, ds, weights_note: str) -> str:
    shape = ", ".join(map(str, model.input_shape))
    target = ("class indices" if ds.task == "classification" else
              "targets standardised like the features" if ds.target_standardized
              else "targets")
    scaled = ("standardised with the training split's mean and standard deviation "
              "(`feature_mean`, `feature_std` in data.npz: scale new inputs the same way)"
              if ds.standardized else "as the dataset gives them (no scaling)")
    loss = settings["loss"]
    fused = settings["loss_reads_input_of"]
    loss_note = (f" It reads the input of the final `{fused}` layer (the logits), as "
                 "Netwright does, so it stays finite where log(softmax) would not."
                 if fused else "")
    batch = settings["batch_size"]
    return f"""# {_title(net)}: a PyTorch project exported from Netwright

| File | What it is |
|---|---|
| `model.py` | class `Model`, a `torch.nn.Module` generated from the graph: input `(N, {shape})`. Its `state_dict` keys are Netwright's. |
| `weights.pt` | {weights_note}: `Model().load_state_dict(torch.load("weights.pt"))` |
| `data.npz` | dataset `{ds.name}`: `x_train` ({len(ds.x_train)} rows), `y_train`, `x_val` ({len(ds.x_val)} rows), `y_val` ({target}): Netwright's own split, features {scaled} |
| `train.py` | trains `Model` on data.npz with the file's settings; saves `trained.pt` |

It needs only `torch` and `numpy` (`pip install torch numpy`). `.netwright-export.json` marks
the folder as an export: exporting into it again replaces these files and keeps the others
(`trained.pt`).

## One machine

    python train.py                          # one process: the GPU if there is one, else the CPU
    python train.py --device cpu --epochs 10 --threads 4
    torchrun --nproc_per_node 4 train.py     # 4 processes: DistributedDataParallel

Under `torchrun` each process trains on its share of every epoch (a `DistributedSampler`)
and the gradients are averaged between them: on GPUs with `nccl` (one GPU per process, by
`LOCAL_RANK`), on the CPU with `gloo` (torchrun gives each process one CPU thread). Process 0
(rank 0) prints the progress and, as its last line, the same JSON as `python main.py train`
(`epochs`, `train_loss`, `val_loss`, `val_accuracy` or `val_rmse`, `seconds`), and writes
`trained.pt`. A small network on a busy machine trains faster with `--threads 1`: idle CPU
threads that wait for work slow it down.

## Several machines

Copy this folder to every machine, then run the same command on each; torchrun's rendezvous
gathers them and numbers the processes (`HOST` is one of the machines, its port 29500 open to
the others; `JOB` any name shared by the run):

    torchrun --nnodes 2 --nproc_per_node 4 \\
        --rdzv_backend c10d --rdzv_endpoint HOST:29500 --rdzv_id JOB train.py

`--nnodes 2:4` lets 2 to 4 machines join. Only rank 0 prints and writes `trained.pt` (on its
own machine). See <https://pytorch.org/docs/stable/elastic/run.html>.

## What train.py trains with

- Loss: `{loss}` (PyTorch's functional form, a mean over the batch).{loss_note}
- Optimizer: {_call(settings["optimizer"])}
- Learning-rate schedule: {_schedule(settings["scheduler"])}
- Regularization: {_penalty(settings["regularization"])}
- Batch: {batch} examples a step in all, divided among the processes (`--batch-size B` sets
  the examples per process instead); {settings["epochs"]} epochs (`--epochs N`); seed
  {settings["seed"]} (shuffling and Dropout; the weights come from `weights.pt`)

{_defaults_note(net)}One process reaches about the accuracy `python main.py train` reaches on the same data; the
shuffling and Dropout draw other random numbers than Netwright's, so the figures differ a
little from run to run.
"""

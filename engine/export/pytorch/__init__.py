"""--to pytorch: a self-contained PyTorch project (model.py, weights.pt, data.npz, train.py).

Work in progress (issue 17)."""

"""Optimisation: optimizers and learning-rate schedulers (PyTorch's update rules)."""

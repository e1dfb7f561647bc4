"""Training: the Trainer loop, the training process and its messages, probes, metrics, the
loss surface and checkpoints."""

"""The network core: layer types and their registry, kernels, initialisers, losses, the
compiled Model and numerical gradient checks."""

"""The network document and its graph, bottom up: the file format (network_file) and the
document (network); the graph index (topology); each node's shape, weights and problems
(nodes); the checks of the graph and of the training section (graph_checks,
training_checks); one analysis holding all of it (analysis), read by validation, the
compiler that builds a Model, ``check`` and the GUI."""

"""(being written)"""


def make_optimizer(config, model):
    raise NotImplementedError

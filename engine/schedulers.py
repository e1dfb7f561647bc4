"""(being written)"""


def make_scheduler(config, optimizer):
    raise NotImplementedError

"""sample_lrs: a bounded preview of a schedule, whatever the epoch count (issue 13, item 1)."""
import math

import pytest

from engine.optim.schedulers import (MAX_PREVIEW_POINTS, SCHEDULERS, preview_lrs,
                                     sample_lrs)

CONFIGS = [{"name": name} for name in SCHEDULERS] + [
    {"name": "step", "step_size": 3, "gamma": 0.5},
    {"name": "step", "step_size": 300, "gamma": 0.5},
    {"name": "cosine", "t_max": 7, "eta_min": 0.01},
]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda c: str(c))
@pytest.mark.parametrize("epochs", [1, 60, MAX_PREVIEW_POINTS, 1100, 20_000_000,
                                    2_000_000_000])
def test_a_preview_has_a_few_hundred_points_at_most_and_the_true_rates(config, epochs):
    plan = sample_lrs(config, 0.1, epochs)
    assert len(plan.epochs) == len(plan.lrs) <= MAX_PREVIEW_POINTS
    assert plan.epochs[0] == 0 and plan.epochs[-1] == epochs - 1 and plan.total == epochs
    assert list(plan.epochs) == sorted(set(plan.epochs))
    if epochs <= MAX_PREVIEW_POINTS:
        assert plan.complete and list(plan.lrs) == preview_lrs(config, 0.1, epochs)
    else:
        every = preview_lrs(config, 0.1, 1100) if epochs == 1100 else None
        if every:
            assert list(plan.lrs) == [every[e] for e in plan.epochs]


def test_the_cuts_of_a_step_schedule_are_kept_sharp_over_2e9_epochs():
    plan = sample_lrs({"name": "step", "step_size": 400_000_000, "gamma": 0.5}, 0.1,
                      2_000_000_000)
    for cut in range(400_000_000, 2_000_000_000, 400_000_000):
        assert {cut - 1, cut} <= set(plan.epochs)
    rates = dict(zip(plan.epochs, plan.lrs))
    assert rates[399_999_999] == 0.1 and rates[400_000_000] == 0.05


def test_a_fast_cosine_keeps_its_whole_swing_in_every_stretch():
    plan = sample_lrs({"name": "cosine", "t_max": 50, "eta_min": 0.01}, 0.1, 2_000_000_000)
    half = len(plan.lrs) // 2
    for part in (plan.lrs[:half], plan.lrs[half:]):
        assert max(part) == pytest.approx(0.1) and min(part) == pytest.approx(0.01)


def test_an_overflowing_schedule_names_the_first_epoch_that_overflows():
    plan = sample_lrs({"name": "exponential", "gamma": 2.0}, 0.03, 2_000_000_000)
    first = plan.overflow_epoch
    assert first is not None
    assert math.isfinite(0.03 * 2.0 ** (first - 1))
    with pytest.raises(OverflowError):
        0.03 * 2.0 ** first
    assert sample_lrs({"name": "step", "step_size": 5, "gamma": 0.5}, 0.1, 50).overflow_epoch \
        is None
    assert sample_lrs({"name": "none"}, float("inf"), 10).overflow_epoch == 0
    assert sample_lrs({"name": "none"}, float("nan"), 10).overflow_epoch == 0


@pytest.mark.parametrize("lr, epochs", [("abc", 10), ([1], 10), (True, 10), (0.1, "x"),
                                        (0.1, float("inf")), (0.1, None), (0.1, 10 ** 400),
                                        (0.1, 2 ** 53 + 1)])
def test_a_rate_or_epoch_count_that_is_no_number_is_a_value_error(lr, epochs):
    for name in SCHEDULERS:
        with pytest.raises(ValueError, match="learning rate|epochs"):
            sample_lrs({"name": name}, lr, epochs)

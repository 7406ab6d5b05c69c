"""Averaging runs' weights: the mean of each named array, refused for mismatched networks."""

import numpy as np
import pytest

from threadguard.training.deep_soup import average_weights


def test_average_is_the_element_wise_mean_of_every_named_array() -> None:
    runs = [
        {"layer.weight": np.array([[1.0, 2.0]]), "head.bias": np.array([0.0])},
        {"layer.weight": np.array([[3.0, 6.0]]), "head.bias": np.array([3.0])},
        {"layer.weight": np.array([[5.0, 1.0]]), "head.bias": np.array([-6.0])},
    ]
    mean = average_weights(runs)
    np.testing.assert_allclose(mean["layer.weight"], [[3.0, 3.0]])
    np.testing.assert_allclose(mean["head.bias"], [-1.0])
    assert list(mean) == ["layer.weight", "head.bias"]


def test_one_run_averages_to_itself() -> None:
    run = {"w": np.array([0.25, -4.0])}
    np.testing.assert_array_equal(average_weights([run])["w"], run["w"])


def test_a_weight_one_run_lacks_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="head.bias"):
        average_weights([{"w": np.zeros(2), "head.bias": np.zeros(1)}, {"w": np.zeros(2)}])


def test_a_differently_shaped_weight_is_refused_with_both_shapes() -> None:
    with pytest.raises(ValueError, match=r"w: shape \(3,\) in run 2, \(2,\) in run 1"):
        average_weights([{"w": np.zeros(2)}, {"w": np.zeros(3)}])


def test_nothing_to_average_is_refused() -> None:
    with pytest.raises(ValueError, match="no weights"):
        average_weights([])

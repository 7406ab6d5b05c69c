"""Averaging runs' weights: the mean of each named array, refused for mismatched networks
or runs that did not start from the same place."""

from typing import Any

import numpy as np
import pytest

from threadguard.training.deep_soup import average_weights, check_runs


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
    with pytest.raises(ValueError, match=r"head\.bias"):
        average_weights([{"w": np.zeros(2), "head.bias": np.zeros(1)}, {"w": np.zeros(2)}])


def test_a_differently_shaped_weight_is_refused_with_both_shapes() -> None:
    with pytest.raises(ValueError, match=r"w: shape \(3,\) in run 2, \(2,\) in run 1"):
        average_weights([{"w": np.zeros(2)}, {"w": np.zeros(3)}])


def test_nothing_to_average_is_refused() -> None:
    with pytest.raises(ValueError, match="no weights"):
        average_weights([])


def _recipe(**changes: Any) -> dict[str, Any]:
    hyper: dict[str, Any] = {
        "warm_start": {"file": "warm_start.int8.onnx", "sha256": "ab12"},
        "tune_layers": 4,
        "dev_caps": {"cadd": 300},
        "masked_single_class": {"toxic_spans": ["toxicity"]},
        "lr": 2e-5,
    }
    return {"seed": 13, "hyperparameters": hyper | changes}


def test_runs_from_one_start_differing_in_seed_and_rates_may_be_averaged() -> None:
    other = _recipe(lr=1e-5) | {"seed": 14}
    check_runs([_recipe(), other])  # no error


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("warm_start", {"file": "warm_start.int8.onnx", "sha256": "cd34"}),
        ("tune_layers", 2),
        ("dev_caps", {"cadd": 400}),
        ("masked_single_class", {}),
    ],
)
def test_runs_that_differ_in_what_they_must_share_are_refused_by_name(
    name: str, value: object
) -> None:
    with pytest.raises(ValueError, match=f"run 2 differs from run 1 in {name}"):
        check_runs([_recipe(), _recipe(**{name: value})])


def test_runs_trained_from_scratch_are_refused() -> None:
    with pytest.raises(ValueError, match="no warm_start"):
        check_runs([_recipe(warm_start=None), _recipe(warm_start=None)])


def test_checkpoints_average_their_float_weights_and_keep_equal_indices(tmp_path: Any) -> None:
    torch = pytest.importorskip("torch")  # the `train` extra
    from threadguard.training.deep_soup import soup_checkpoint

    a = {"w": torch.tensor([1.0, 2.0]), "ids": torch.tensor([0, 1, 2])}
    b = {"w": torch.tensor([2.0, 5.0]), "ids": torch.tensor([0, 1, 2])}
    torch.save(a, tmp_path / "a.pt")
    torch.save(b, tmp_path / "b.pt")
    soup = torch.load(
        soup_checkpoint([tmp_path / "a.pt", tmp_path / "b.pt"], tmp_path / "soup.pt"),
        weights_only=True,
    )
    assert soup["w"].dtype == torch.float32
    assert torch.allclose(soup["w"], torch.tensor([1.5, 3.5]))
    assert soup["ids"].tolist() == [0, 1, 2] and soup["ids"].dtype == torch.int64
    torch.save({"w": b["w"], "ids": torch.tensor([0, 1, 3])}, tmp_path / "c.pt")
    with pytest.raises(ValueError, match="ids: not a float weight, and run 2 has another"):
        soup_checkpoint([tmp_path / "a.pt", tmp_path / "c.pt"], tmp_path / "bad.pt")

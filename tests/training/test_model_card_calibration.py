"""The model card says how the fast tier's heads were calibrated, from the recipe it records."""

from threadguard.training.model_card import _calibration_paragraph


def test_a_pooled_calibration_is_described_as_pooled() -> None:
    text = _calibration_paragraph(0.0)
    assert "pooled dev rows" in text
    assert "--news-share 0" in text
    assert "weighted" not in text


def test_a_news_weighted_calibration_names_its_share() -> None:
    text = _calibration_paragraph(0.5)
    assert "weighted to 0.5" in text
    assert "pooled dev rows" not in text


def test_a_recipe_without_the_setting_is_not_described_as_either() -> None:
    text = _calibration_paragraph(None)
    assert "does not record" in text
    assert "pooled" not in text and "weighted" not in text

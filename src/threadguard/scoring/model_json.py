"""A model folder's ``model.json`` checked field by field, once, where each tier reads it.

``--model`` takes any folder, and its ``model.json`` may be edited by hand or written by
something else: a field of the wrong type (``"version": "four"``, ``"bias": null``,
``"features": []``) ended the command in a Python type error naming neither the file nor
the field, or worse loaded (a null ``bias`` scored every comment NaN). The fast tier's
(:class:`LinearMeta`, the multilingual tier's models too) and the deep tier's
(:class:`EncoderMeta`) are checked here before a value is used; :func:`meta_problem` says
what is wrong in one clause, which the loaders raise as their ``ModelError`` with the
file's name. Fields a loader does not read are not checked (the recipe, the data counts).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, Field, StrictInt, StrictStr, ValidationError

from threadguard.json_fields import json_field_problem, json_value_kind

#: A number, not NaN or infinite: a NaN bias scored every comment NaN, which `score`
#: printed as invalid JSON (a code review).
Finite = Annotated[float, Field(strict=True, allow_inf_nan=False)]

__all__ = ["EncoderMeta", "LanguagesIndex", "LinearMeta", "ModelMeta", "meta_problem"]


def _absent() -> Any:
    """A field a model may leave out (the loader has a default), never null."""
    return Field(default=None)


class _Features(BaseModel):
    word_bits: StrictInt
    char_bits: StrictInt
    word_ngrams: tuple[StrictInt, StrictInt]
    char_ngrams: tuple[StrictInt, StrictInt]


class _Spans(BaseModel):
    """The span finder's settings: the fast tier's three, the deep tier's threshold
    (and a min_score of its own, else the fast tier's)."""

    threshold: Finite = _absent()
    min_score: Finite = _absent()
    min_contribution: Finite = _absent()
    min_share: Finite = _absent()


class _Calibration(BaseModel):
    platt_a: list[Finite]
    platt_b: list[Finite]


class ModelMeta(BaseModel):
    """What both tiers read: the tag, the heads, their calibration, the span settings."""

    format: StrictStr
    name: StrictStr
    version: StrictInt
    heads: list[StrictStr]
    platt_a: list[Finite]
    platt_b: list[Finite]
    spans: _Spans = _absent()

    #: The fields with one number per head.
    per_head: ClassVar[tuple[str, ...]] = ("platt_a", "platt_b")


class LinearMeta(ModelMeta):
    """A fast-tier model's: its features and bias too, and a multilingual model's
    calibration per language and heads fitted with each language's rows."""

    features: _Features
    bias: list[Finite]
    calibration: dict[str, _Calibration] = _absent()
    labelled_heads: dict[str, list[StrictStr]] = _absent()
    fitted_heads: list[StrictStr] = _absent()

    per_head: ClassVar[tuple[str, ...]] = ("bias", "platt_a", "platt_b")


class EncoderMeta(ModelMeta):
    """A deep-tier model's: how many word pieces it reads too."""

    max_tokens: StrictInt


class LanguagesIndex(BaseModel):
    """The multilingual tier's ``languages.json``: its tag and each language's model
    folder (the folder's name is checked where it is read)."""

    format: StrictStr
    name: StrictStr = _absent()
    version: StrictInt = _absent()
    models: dict[str, StrictStr] = _absent()


def meta_problem(meta: object, schema: type[ModelMeta] | type[LanguagesIndex]) -> str | None:
    """What is wrong with ``meta`` (a parsed model.json, or languages.json) as ``schema``
    reads it, in one clause naming the field; None when nothing is. A list of one number
    per head must have as many as there are heads (fewer were broadcast, or failed in
    numpy)."""
    if not isinstance(meta, dict):
        return f"not a JSON object (found {json_value_kind(meta)})"
    try:
        checked = schema.model_validate(meta)
    except ValidationError as exc:
        return json_field_problem(exc)
    if not isinstance(checked, ModelMeta):
        return None
    heads = len(checked.heads)
    lists = [(key, getattr(checked, key)) for key in checked.per_head]
    if isinstance(checked, LinearMeta) and checked.calibration is not None:
        lists += [
            (f"calibration.{language}.{key}", getattr(cal, key))
            for language, cal in checked.calibration.items()
            for key in ("platt_a", "platt_b")
        ]
    for key, values in lists:
        if len(values) != heads:
            return f"'{key}' has {len(values)} numbers, one per head expected ({heads} heads)"
    return None

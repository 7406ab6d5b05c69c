"""Reading Perspective requests: the fields, checks and refusals of Perspective itself.

Each check raises a :class:`~threadguard.service.compat.errors.CompatError` carrying
Perspective's own message and ``errorType`` (from its "Limits and errors" documentation),
so a client's error handling keeps working unchanged.
"""

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from threadguard.language import detect_language, primary_language
from threadguard.schema import ATTRIBUTES
from threadguard.service.compat.errors import CompatError
from threadguard.validation import check_text

#: Perspective's attribute names for ThreadGuard's attributes.
PERSPECTIVE_NAMES: dict[str, str] = {a.upper(): a for a in ATTRIBUTES}
_SCORE_TYPES = {"", "PROBABILITY", "SCORE_TYPE_UNSPECIFIED"}
_TEXT_TYPES = {"", "PLAIN_TEXT", "TEXT_TYPE_UNSPECIFIED"}
BAD_JSON = "Invalid JSON payload received."


@dataclass(frozen=True)
class Requested:
    """One requested attribute: the name as sent (echoed back), ours, and its threshold."""

    key: str
    attribute: str
    threshold: float | None


@dataclass(frozen=True)
class CommentRequest:
    """What both methods share: the comment, its context and the languages asked for."""

    text: str
    parent: str
    title: str
    languages: tuple[str, ...]
    do_not_store: bool
    client_token: str | None


#: The proto field names Google's JSON parser takes beside the lowerCamelCase ones. Read
#: as their camelCase twins: `"do_not_store": true` was ignored and the comment stored.
PROTO_NAMES: dict[str, str] = {
    name: name.split("_")[0] + "".join(p.title() for p in name.split("_")[1:])
    for name in (
        "requested_attributes",
        "do_not_store",
        "client_token",
        "session_id",
        "community_id",
        "span_annotations",
        "article_and_parent_comment",
        "parent_comment",
        "score_type",
        "score_threshold",
        "attribute_scores",
        "summary_score",
        "span_scores",
    )
}


def camel_fields(value: Any, where: str = "") -> Any:
    """``value`` with every proto field name (:data:`PROTO_NAMES`) as its lowerCamelCase
    twin, at any depth; map keys such as ``SEVERE_TOXICITY`` are not field names and stay.
    A field given under both names is refused, as Google refuses it."""
    if isinstance(value, list):
        return [camel_fields(v, where) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    given: dict[str, str] = {}
    for key, item in value.items():
        key = str(key)  # a JSON object's keys are strings
        name = PROTO_NAMES.get(key, key)
        if name in out:
            raise CompatError(
                400,
                f"{BAD_JSON} Field '{where}{name}' is given twice, as '{given[name]}' and '{key}'.",
            )
        given[name] = key
        out[name] = camel_fields(item, f"{where}{name}.")
    return out


def _obj(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CompatError(400, f"{BAD_JSON} Expected an object at '{where}'.")
    return value


def _str(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CompatError(400, f"{BAD_JSON} Expected a string at '{where}'.")
    return value


def as_bool(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise CompatError(400, f"{BAD_JSON} Expected a boolean at '{where}'.")
    return value


def _entry_text(entry: Any, where: str) -> str:
    """The text of a TextEntry, refusing the types Perspective refuses."""
    entry = _obj(entry, where)
    kind = _str(entry.get("type"), f"{where}.type")
    if kind not in _TEXT_TYPES:
        raise CompatError(
            400,
            "Currently, only 'PLAIN_TEXT' comments are supported"
            if kind == "HTML"
            else "Unknown text type",
            reason="INVALID_REQUEST",
        )
    return _str(entry.get("text"), f"{where}.text")


def parse_comment(body: dict[str, Any], max_chars: int) -> CommentRequest:
    """The comment, context and languages of either method's request."""
    text = _entry_text(body.get("comment"), "comment")
    if not text.strip():
        raise CompatError(400, "Comment must be non-empty.", reason="COMMENT_EMPTY")
    if len(text) > max_chars:
        # Google's own names the size and the limit ("Comment text was too many bytes.
        # Value (23368) exceeded limit (20480)."); clients match on COMMENT_TOO_LONG
        raise CompatError(
            400,
            f"Comment text too long. Value ({len(text)} characters) exceeded limit "
            f"({max_chars} characters).",
            reason="COMMENT_TOO_LONG",
        )
    context = _obj(body.get("context"), "context")
    entries = context.get("entries")
    both = context.get("articleAndParentComment")
    if entries and both:
        raise CompatError(
            400,
            "Context can have either entries or article_and_parent_comment, "
            "but both fields were populated.",
            reason="INVALID_REQUEST",
        )
    parent = title = ""
    if entries is not None:
        if not isinstance(entries, list):
            raise CompatError(400, f"{BAD_JSON} Expected a list at 'context.entries'.")
        if entries:
            parent = _entry_text(entries[0], "context.entries[0]")
    if both is not None:
        both = _obj(both, "context.articleAndParentComment")
        parent = _entry_text(both.get("parentComment"), "context.articleAndParentComment")
        title = _entry_text(both.get("article"), "context.articleAndParentComment.article")
    languages = body.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise CompatError(400, f"{BAD_JSON} Expected a list of strings at 'languages'.")
    token = body.get("clientToken")
    req = CommentRequest(
        # Perspective takes a NUL, PostgreSQL stores none: refused, a fail-open client
        # published a comment whose writer added one on purpose (Coral's endpoint does this)
        text=text.replace("\x00", "\ufffd"),
        parent=parent[:max_chars],
        title=title[:max_chars],
        languages=tuple(languages),
        do_not_store=as_bool(body.get("doNotStore"), "doNotStore"),
        client_token=_str(token, "clientToken") if token is not None else None,
    )
    check_request_text(req)
    return req


def check_request_text(req: CommentRequest) -> None:
    """Refuse text nothing can score or echo back (a lone surrogate) --
    :mod:`threadguard.validation`; a NUL in the comment is U+FFFD by now."""
    check_text("comment.text", req.text, stored=not req.do_not_store)
    check_text("context", req.parent, stored=False)
    check_text("context.articleAndParentComment.article", req.title, stored=False)
    for i, language in enumerate(req.languages):
        check_text(f"languages[{i}]", language, stored=False)
    check_text("clientToken", req.client_token)


#: The suffix of Perspective's experimental twins of its production attributes
#: (``TOXICITY_EXPERIMENTAL``), which older integrations still request.
EXPERIMENTAL = "_EXPERIMENTAL"


def resolve_attribute(key: str, model_version: int) -> str:
    """Our attribute for a Perspective name, ``NAME`` or ``NAME@VERSION`` (this model's).

    ``NAME_EXPERIMENTAL`` is ``NAME``: the production model answers under the requested
    key (a request naming one was refused whole, production attributes and all). Any other
    name is refused, and the message lists the names that are scored."""
    name, at, version = key.partition("@")
    name = name.upper()
    ours = PERSPECTIVE_NAMES.get(name.removesuffix(EXPERIMENTAL))
    if ours is None or (at and version != str(model_version)):
        raise CompatError(
            400,
            f"Unknown requested attribute: {key}. Supported: {', '.join(PERSPECTIVE_NAMES)}"
            f" (each also as NAME{EXPERIMENTAL}, and as NAME@{model_version}).",
            reason="INVALID_REQUEST",
        )
    return ours


def parse_requested(body: dict[str, Any], model_version: int) -> list[Requested]:
    """``requestedAttributes``, in request order, with their options checked."""
    asked = body.get("requestedAttributes")
    if not asked:
        raise CompatError(400, "Missing requested_attributes", reason="NO_REQUESTED_ATTRIBUTES")
    asked = _obj(asked, "requestedAttributes")
    out = []
    for key, options in asked.items():
        attribute = resolve_attribute(key, model_version)
        options = _obj(options, f"requestedAttributes.{key}")
        score_type = _str(options.get("scoreType"), f"requestedAttributes.{key}.scoreType")
        if score_type not in _SCORE_TYPES:
            raise CompatError(
                400,
                f"Requested score type {score_type} is not supported by attribute {key}",
                reason="INVALID_REQUEST",
            )
        threshold = options.get("scoreThreshold")
        if isinstance(threshold, str):
            # proto3 JSON takes a float written as a string ("0.1"), as Google's parser does
            with contextlib.suppress(ValueError):
                threshold = float(threshold)
        if threshold is not None and (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0.0 <= threshold <= 1.0  # NaN too
        ):
            raise CompatError(
                400, f"{BAD_JSON} scoreThreshold of {key} must be a number in [0, 1]."
            )
        out.append(Requested(key, attribute, None if threshold is None else float(threshold)))
    return out


def check_languages(
    req: CommentRequest,
    requested: Sequence[Requested],
    supports: Callable[[str, str], bool],
) -> tuple[str, str]:
    """The detected language and the language to score in, after refusing what
    Perspective refuses.

    Every requested attribute must support the comment's language (``supports(attribute,
    language)``). Requested languages are checked "in all of them that are supported": an
    attribute passes if any of them is supported, and the comment is scored in the first
    requested language that every requested attribute supports. Without any, the detected
    language must be supported by every requested attribute.
    """
    detected = detect_language(req.text)
    if req.languages:
        codes = [primary_language(x) for x in req.languages]
        for r in requested:
            if not any(supports(r.attribute, c) for c in codes):
                raise _language_error(r.key, list(req.languages), "requestedLanguages")
        usable = [c for c in codes if all(supports(r.attribute, c) for r in requested)]
        if not usable:
            raise _language_error(requested[0].key, list(req.languages), "requestedLanguages")
        return detected, usable[0]
    for r in requested:
        if not supports(r.attribute, detected):
            raise _language_error(r.key, [detected], "detectedLanguages")
    return detected, detected


def _language_error(attribute: str, languages: list[str], field: str) -> CompatError:
    return CompatError(
        400,
        f"Attribute {attribute} does not support request languages: {', '.join(languages)}",
        reason="LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
        extra={"languageNotSupportedByAttributeError": {field: languages, "attribute": attribute}},
    )


def parse_suggestion(body: dict[str, Any], model_version: int) -> dict[str, float | None]:
    """``attributeScores`` of a SuggestCommentScoreRequest: our attribute -> summary value.

    Validated as Perspective does (not empty, no empty entries, spans with begin and end,
    values in [0, 1]); an entry with span scores only maps to None.
    """
    given = _obj(body.get("attributeScores"), "attributeScores")
    if not given:
        raise CompatError(400, "attribute_scores must not be empty.", reason="INVALID_REQUEST")
    out: dict[str, float | None] = {}
    for key, entry in given.items():
        attribute = resolve_attribute(key, model_version)
        entry = _obj(entry, f"attributeScores.{key}")
        summary = _obj(entry.get("summaryScore"), f"attributeScores.{key}.summaryScore")
        spans = entry.get("spanScores") or []
        if not summary and not spans:
            raise CompatError(
                400, f"attributeScores.{key} must not be empty.", reason="INVALID_REQUEST"
            )
        where = f"attributeScores.{key}.spanScores"
        if not isinstance(spans, list):
            raise CompatError(400, f"{BAD_JSON} Expected a list at '{where}'.")
        for i, span in enumerate(spans):
            span = _obj(span, f"{where}[{i}]")
            if "begin" not in span or "end" not in span:
                raise CompatError(400, "All SpanScore objects must have begin and end fields set.")
            begin, end = (_offset(span[name], f"{where}[{i}].{name}") for name in ("begin", "end"))
            if end < begin:
                raise CompatError(400, f"'{where}[{i}]' ends ({end}) before it begins ({begin}).")
            _value(_obj(span.get("score"), f"{where}[{i}].score"), key)
        out[attribute] = _value(summary, key) if summary else None
    return out


def _offset(value: object, where: str) -> int:
    """A span's ``begin`` or ``end``: a whole number from 0 (they were refused as "not set"
    when a number of another kind, and taken when negative or true)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise CompatError(400, f"{BAD_JSON} Expected a whole number from 0 at '{where}'.")
    return value


def _value(score: dict[str, Any], key: str) -> float:
    value = score.get("value", 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise CompatError(400, f"Score values of {key} must be numbers in [0, 1].")
    return float(value)

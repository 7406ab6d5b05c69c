"""Perspective API: ``comments:analyze`` and ``comments:suggestscore``, field for field.

Perspective stops serving after 2026; a site that calls it should only have to change the
URL. So requests are read, validated and refused exactly where Perspective would refuse
them, with Perspective's messages and ``errorType`` details in Google's error shape, and
responses carry the same fields (``attributeScores.X.summaryScore`` / ``spanScores``,
``languages``, ``detectedLanguages``, ``clientToken``).

Where ThreadGuard differs, deliberately (docs/compatibility.md):

- the seven attributes are ThreadGuard's (same names as Perspective's production ones); a
  name may be pinned as ``NAME@VERSION`` with the shipped model's version;
- span offsets are UTF-16 code units, as Perspective documents them; with
  ``spanAnnotations`` each sentence is scored, otherwise one span covers the whole text;
- the text limit is the service's ``max_text_chars`` (code points), not 20 KB;
- ``context`` is used: the first entry (or ``articleAndParentComment.parentComment``) is the
  parent comment, the article is the title.
"""

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from threadguard.analysis import Analysis, Decision
from threadguard.engine import CommentInput, Engine
from threadguard.language import SUPPORTED, detect_language
from threadguard.schema import ATTRIBUTES
from threadguard.service.compat import (
    Dependency,
    parse_json_object,
    read_body,
    run_scoring,
    site_of,
)
from threadguard.service.compat.errors import CompatError, GoogleErrorRoute
from threadguard.service.protocols import Principal, ServiceContext

log = logging.getLogger("threadguard.service.compat.perspective")

#: Perspective's attribute names for ThreadGuard's attributes.
PERSPECTIVE_NAMES: dict[str, str] = {a.upper(): a for a in ATTRIBUTES}
_SCORE_TYPES = {"", "PROBABILITY", "SCORE_TYPE_UNSPECIFIED"}
_TEXT_TYPES = {"", "PLAIN_TEXT", "TEXT_TYPE_UNSPECIFIED"}
_BAD_JSON = "Invalid JSON payload received."


# ------------------------------------------------------------------ request parsing


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


def _obj(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise CompatError(400, f"{_BAD_JSON} Expected an object at '{where}'.")
    return value


def _str(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CompatError(400, f"{_BAD_JSON} Expected a string at '{where}'.")
    return value


def _bool(value: Any, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise CompatError(400, f"{_BAD_JSON} Expected a boolean at '{where}'.")
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
        raise CompatError(400, "Comment text too long.", reason="COMMENT_TOO_LONG")
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
            raise CompatError(400, f"{_BAD_JSON} Expected a list at 'context.entries'.")
        if entries:
            parent = _entry_text(entries[0], "context.entries[0]")
    if both is not None:
        both = _obj(both, "context.articleAndParentComment")
        parent = _entry_text(both.get("parentComment"), "context.articleAndParentComment")
        title = _entry_text(both.get("article"), "context.articleAndParentComment.article")
    languages = body.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise CompatError(400, f"{_BAD_JSON} Expected a list of strings at 'languages'.")
    token = body.get("clientToken")
    return CommentRequest(
        text=text,
        parent=parent[:max_chars],
        title=title[:max_chars],
        languages=tuple(languages),
        do_not_store=_bool(body.get("doNotStore"), "doNotStore"),
        client_token=_str(token, "clientToken") if token is not None else None,
    )


def resolve_attribute(key: str, model_version: int) -> str:
    """Our attribute for a Perspective name, ``NAME`` or ``NAME@VERSION`` (this model's)."""
    name, at, version = key.partition("@")
    ours = PERSPECTIVE_NAMES.get(name.upper())
    if ours is None or (at and version != str(model_version)):
        raise CompatError(400, f"Unknown requested attribute: {key}", reason="INVALID_REQUEST")
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
        if threshold is not None and (
            isinstance(threshold, bool)
            or not isinstance(threshold, int | float)
            or not 0.0 <= threshold <= 1.0
        ):
            raise CompatError(
                400, f"{_BAD_JSON} scoreThreshold of {key} must be a number in [0, 1]."
            )
        out.append(Requested(key, attribute, None if threshold is None else float(threshold)))
    return out


def primary_language(code: str) -> str:
    """``en`` for ``en``, ``EN-us`` or ``en_GB``: the models do not care about regions."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


def check_languages(req: CommentRequest, first_attribute: str) -> str:
    """The detected language, after refusing what Perspective refuses.

    Requested languages are checked "in all of them that are supported": the request
    passes if any is supported. Without any, the detected language must be supported.
    """
    detected = detect_language(req.text)
    if req.languages:
        if not any(primary_language(x) in SUPPORTED for x in req.languages):
            raise _language_error(first_attribute, list(req.languages), "requestedLanguages")
    elif detected not in SUPPORTED:
        raise _language_error(first_attribute, [detected], "detectedLanguages")
    return detected


def _language_error(attribute: str, languages: list[str], field: str) -> CompatError:
    return CompatError(
        400,
        f"Attribute {attribute} does not support request languages: {', '.join(languages)}",
        reason="LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE",
        extra={"languageNotSupportedByAttributeError": {field: languages, "attribute": attribute}},
    )


# ------------------------------------------------------------------ spans

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)|\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """``[begin, end)`` code-point ranges of the sentences of ``text``, whitespace trimmed.

    Perspective's span annotations are "currently done at per-sentence level"; a sentence
    ends at terminal punctuation followed by a space, or at a line break.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        _add_trimmed(text, start, end, out)
        start = m.end()
    _add_trimmed(text, start, len(text), out)
    return out


def _add_trimmed(text: str, begin: int, end: int, out: list[tuple[int, int]]) -> None:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        out.append((begin, end))


def utf16_offsets(text: str) -> list[int]:
    """UTF-16 offset of every code-point offset 0..len(text) (what Perspective reports)."""
    out = [0] * (len(text) + 1)
    unit = 0
    for i, ch in enumerate(text):
        out[i] = unit
        unit += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = unit
    return out


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class Scored:
    """The whole comment's analysis and, if asked, each sentence's range and scores."""

    analysis: Analysis
    spans: list[tuple[int, int, dict[str, float]]]


def score_comment(engine: Engine, req: CommentRequest, *, per_sentence: bool) -> Scored:
    """Score the comment (and its sentences) in one batch."""
    whole = CommentInput(req.text, parent=req.parent, title=req.title)
    ranges = sentences(req.text) if per_sentence else []
    if len(ranges) <= 1:
        analysis = engine.analyze([whole], spans=False)[0]
        return Scored(analysis, [(0, len(req.text), analysis.scores)])
    batch = [whole] + [CommentInput(req.text[b:e], parent=req.parent) for b, e in ranges]
    results = engine.analyze(batch, spans=False)
    return Scored(
        results[0],
        [(b, e, r.scores) for (b, e), r in zip(ranges, results[1:], strict=True)],
    )


def _score(value: float) -> dict[str, Any]:
    return {"value": value, "type": "PROBABILITY"}


def analyze_response(
    req: CommentRequest, requested: Sequence[Requested], scored: Scored, detected: str
) -> dict[str, Any]:
    """Perspective's AnalyzeCommentResponse."""
    units = utf16_offsets(req.text)
    attribute_scores: dict[str, Any] = {}
    for r in requested:
        summary = round(scored.analysis.scores[r.attribute], 6)
        if r.threshold is not None and summary < r.threshold:
            continue
        spans = []
        for begin, end, scores in scored.spans:
            value = round(scores[r.attribute], 6)
            if r.threshold is None or value >= r.threshold:
                spans.append({"begin": units[begin], "end": units[end], "score": _score(value)})
        attribute_scores[r.key] = {"spanScores": spans, "summaryScore": _score(summary)}
    body: dict[str, Any] = {
        "attributeScores": attribute_scores,
        "languages": list(req.languages) or [detected],
        "detectedLanguages": [detected],
    }
    if req.client_token is not None:
        body["clientToken"] = req.client_token
    return body


# ------------------------------------------------------------------ suggestscore


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
        if not isinstance(spans, list):
            raise CompatError(400, f"{_BAD_JSON} Expected a list at 'attributeScores.{key}'.")
        for span in spans:
            span = _obj(span, f"attributeScores.{key}.spanScores")
            if not isinstance(span.get("begin"), int) or not isinstance(span.get("end"), int):
                raise CompatError(400, "All SpanScore objects must have begin and end fields set.")
            _value(_obj(span.get("score"), "score"), key)
        out[attribute] = _value(summary, key) if summary else None
    return out


def _value(score: dict[str, Any], key: str) -> float:
    value = score.get("value", 0.0)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise CompatError(400, f"Score values of {key} must be numbers in [0, 1].")
    return float(value)


# ------------------------------------------------------------------ router


def build_router(auth: Dependency, ctx: Dependency) -> APIRouter:
    """The two Perspective methods (the app mounts :mod:`.discovery` beside them)."""
    router = APIRouter(tags=["perspective"], route_class=GoogleErrorRoute)
    Caller = Annotated[Principal, Depends(auth)]
    Context = Annotated[ServiceContext, Depends(ctx)]

    @router.post("/v1alpha1/comments:analyze", summary="Perspective AnalyzeComment")
    async def analyze(request: Request, principal: Caller, context: Context) -> JSONResponse:
        settings = context.settings
        body = parse_json_object(await read_body(request, settings.max_body_bytes), _BAD_JSON)
        req = parse_comment(body, settings.max_text_chars)
        engine = context.engine_for(principal.site)
        requested = parse_requested(body, engine.model.version)
        detected = check_languages(req, requested[0].key)
        per_sentence = _bool(body.get("spanAnnotations"), "spanAnnotations")

        scored = await run_scoring(
            len(req.text), score_comment, engine, req, per_sentence=per_sentence
        )
        if not req.do_not_store:
            await run_in_threadpool(
                context.comments.record,
                site=site_of(principal),
                source="perspective",
                text=req.text,
                analysis=scored.analysis,
                decision=scored.analysis.decision,
            )
        return JSONResponse(analyze_response(req, requested, scored, detected))

    @router.post("/v1alpha1/comments:suggestscore", summary="Perspective SuggestCommentScore")
    async def suggestscore(request: Request, principal: Caller, context: Context) -> JSONResponse:
        settings = context.settings
        body = parse_json_object(await read_body(request, settings.max_body_bytes), _BAD_JSON)
        req = parse_comment(body, settings.max_text_chars)
        engine = context.engine_for(principal.site)
        suggested = parse_suggestion(body, engine.model.version)
        detected = detect_language(req.text)
        if not req.do_not_store:
            await run_in_threadpool(_record_suggestion, context, principal, engine, req, suggested)
        out: dict[str, Any] = {"detectedLanguages": [detected]}
        if req.languages:
            out["requestedLanguages"] = list(req.languages)
        if req.client_token is not None:
            out["clientToken"] = req.client_token
        return JSONResponse(out)

    return router


def _record_suggestion(
    context: ServiceContext,
    principal: Principal,
    engine: Engine,
    req: CommentRequest,
    suggested: dict[str, float | None],
) -> None:
    """Store the comment with our analysis and the client's suggestion beside it.

    The suggestion goes into the decision's reasons ("suggested toxicity 0.00"), so a
    moderator sees the disagreement in the queue next to the model's scores; the log line
    carries only the stored id and the numbers, never the text.
    """
    analysis = engine.analyze([CommentInput(req.text, parent=req.parent, title=req.title)])[0]
    notes = tuple(
        f"suggested {a} {v:.2f}" if v is not None else f"suggested {a} spans"
        for a, v in suggested.items()
    )
    decision = Decision(analysis.decision.action, analysis.decision.reasons + notes)
    stored = context.comments.record(
        site=site_of(principal),
        source="perspective:suggestscore",
        text=req.text,
        analysis=replace(analysis, decision=decision),
        decision=decision,
    )
    log.info("perspective score suggestion stored as %s: %s", stored, ", ".join(notes))

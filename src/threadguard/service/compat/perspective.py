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
  parent comment, the article is the title;
- a stored request with a ``clientToken`` is stored once per site, token and text: a
  client retrying a request gets its answer again, and the comment is not stored twice,
  while a client that sends one token with every request still has every comment stored;
- the stored decision is the site's (thresholds, watchlist and coded hate of the key's
  site), so a watched word or a code sends the comment to the moderation queue; the scores returned are the
  model's, since clients threshold them as calibrated probabilities, except that an
  attribute a threatening phrase, a code of coded hate or an abusive word that holds the
  comment under the site's policy sets is reported at 0.8 at least, in the summary and in
  the sentence spans the finding is in (:mod:`.rule_findings`): a client's cut-off must see
  what the site holds ("I will find you and hurt you" was THREAT 0.29), and no more (a
  site that only flags threats stores it approved, and its scores stay the model's).
  Perspective requests name no author, so author rules (bans, pre-moderation, trusted
  authors, escalation) cannot apply here.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine
from threadguard.moderation import Decision, with_findings
from threadguard.scoring.windows import sentences
from threadguard.service import batching
from threadguard.service.compat import Dependency, parse_json_object, read_body, site_of
from threadguard.service.compat.errors import CompatError, GoogleErrorRoute
from threadguard.service.compat.perspective_request import (
    BAD_JSON,
    CommentRequest,
    Requested,
    as_bool,
    camel_fields,
    check_languages,
    parse_comment,
    parse_requested,
    parse_suggestion,
    resolve_attribute,
)
from threadguard.service.compat.rule_findings import Floors, attribute_floors
from threadguard.service.protocols import Arrival, NewComment, Origin, Principal, ServiceContext

log = logging.getLogger("threadguard.service.compat.perspective")


# ------------------------------------------------------------------ spans


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


def score_items(
    req: CommentRequest, *, per_sentence: bool, language: str | None = None
) -> tuple[list[CommentInput], list[tuple[int, int]]]:
    """What to score for a request: the whole comment, then each sentence if asked for
    (and there is more than one), all in ``language`` (None: each detected)."""
    whole = CommentInput(req.text, parent=req.parent, title=req.title, language=language)
    ranges = sentences(req.text) if per_sentence else []
    if len(ranges) <= 1:
        return [whole], []
    parts = [CommentInput(req.text[b:e], parent=req.parent, language=language) for b, e in ranges]
    return [whole, *parts], ranges


def scored_from(
    req: CommentRequest, ranges: list[tuple[int, int]], results: list[Analysis]
) -> Scored:
    """The request's :class:`Scored` from the analyses of :func:`score_items`'s items."""
    if not ranges:
        return Scored(results[0], [(0, len(req.text), results[0].scores)])
    return Scored(
        results[0],
        [(b, e, r.scores) for (b, e), r in zip(ranges, results[1:], strict=True)],
    )


def score_comment(engine: Engine, req: CommentRequest, *, per_sentence: bool) -> Scored:
    """Score the comment (and its sentences) in one batch, on the caller's thread."""
    items, ranges = score_items(req, per_sentence=per_sentence)
    return scored_from(req, ranges, engine.analyze(items, spans=False))


def _score(value: float) -> dict[str, Any]:
    return {"value": value, "type": "PROBABILITY"}


def analyze_response(
    req: CommentRequest,
    requested: Sequence[Requested],
    scored: Scored,
    detected: str,
    floors: Floors | None = None,
) -> dict[str, Any]:
    """Perspective's AnalyzeCommentResponse. ``floors``: the least score of each attribute
    the findings of the site's phrase lists and lexicons that held the comment set
    (:mod:`.rule_findings`), in the summary and in each span a finding is in, so a
    sentence's span agrees with the summary it raises."""
    floors = floors or Floors()
    least = floors.summary()
    span_least = [floors.span(begin, end) for begin, end, _ in scored.spans]
    units = utf16_offsets(req.text)
    attribute_scores: dict[str, Any] = {}
    for r in requested:
        summary = round(max(scored.analysis.scores[r.attribute], least.get(r.attribute, 0.0)), 6)
        if r.threshold is not None and summary < r.threshold:
            continue
        spans = []
        for (begin, end, scores), floor in zip(scored.spans, span_least, strict=True):
            value = round(max(scores[r.attribute], floor.get(r.attribute, 0.0)), 6)
            if r.threshold is None or value >= r.threshold:
                spans.append({"begin": units[begin], "end": units[end], "score": _score(value)})
        # proto3 JSON leaves an empty repeated field out too: a summary over its
        # threshold with no span over it has no "spanScores" key, as Perspective answers
        entry: dict[str, Any] = {"spanScores": spans} if spans else {}
        attribute_scores[r.key] = {**entry, "summaryScore": _score(summary)}
    body: dict[str, Any] = {
        "languages": list(req.languages) or [detected],
        "detectedLanguages": [detected],
    }
    if attribute_scores:
        # proto3 JSON leaves an empty map out, as Perspective answers when every score
        # is under its scoreThreshold
        body = {"attributeScores": attribute_scores, **body}
    if req.client_token is not None:
        body["clientToken"] = req.client_token
    return body


# ------------------------------------------------------------------ router


async def read_comment(
    request: Request, context: ServiceContext
) -> tuple[dict[str, Any], CommentRequest]:
    """Either method's body, as a JSON object, and the comment it asks about."""
    settings = context.settings
    body = parse_json_object(await read_body(request, settings.max_body_bytes), BAD_JSON)
    try:
        body = camel_fields(body)
    except RecursionError:
        raise CompatError(400, f"{BAD_JSON} The body is nested too deeply.") from None
    return body, parse_comment(body, settings.max_text_chars)


def build_router(auth: Dependency, ctx: Dependency) -> APIRouter:
    """The two Perspective methods (the app mounts :mod:`.discovery` beside them)."""
    router = APIRouter(tags=["perspective"], route_class=GoogleErrorRoute)
    Caller = Annotated[Principal, Depends(auth)]
    Context = Annotated[ServiceContext, Depends(ctx)]

    @router.post("/v1alpha1/comments:analyze", summary="Perspective AnalyzeComment")
    async def analyze(request: Request, principal: Caller, context: Context) -> JSONResponse:
        body, req = await read_comment(request, context)
        engine = context.engine
        requested = parse_requested(body, engine.model.version)
        detected, language = check_languages(req, requested, engine.supports)
        per_sentence = as_bool(body.get("spanAnnotations"), "spanAnnotations")

        items, ranges = score_items(req, per_sentence=per_sentence, language=language)
        analyses = context.adapt(principal.site, list(await batching.analyze(engine, items)))
        scored = scored_from(req, ranges, analyses)
        # No author: thresholds, watchlist and coded hate only, pure CPU (no database read).
        # The language decided on is the engine's, as on every endpoint: a stated one gives
        # way to the one a text is plainly written in (scoring.mixed_language.written_in).
        stored = scored.analysis
        outcome = context.site_decision(
            Arrival(
                principal.site, stored, req.text, context=req.parent or req.title, title=req.title
            )
        )
        if not req.do_not_store:
            await context.comments.record_async(
                Origin(site_of(principal), "perspective"),
                NewComment(
                    req.text,
                    with_findings(stored, outcome),
                    outcome.decision,
                    details=outcome.details(),
                    client_token=req.client_token,
                ),
            )
        flag_at = context.moderator_for(principal.site).policy.flag_levels(stored.language)
        floors = attribute_floors(outcome, flag_at)
        return JSONResponse(analyze_response(req, requested, scored, detected, floors))

    @router.post("/v1alpha1/comments:suggestscore", summary="Perspective SuggestCommentScore")
    async def suggestscore(request: Request, principal: Caller, context: Context) -> JSONResponse:
        body, req = await read_comment(request, context)
        engine = context.engine
        suggested = parse_suggestion(body, engine.model.version)
        # the languages are checked and chosen as analyze does, so a suggestion is stored
        # with the analysis analyze would give (a German comment scored as German)
        version = engine.model.version
        keys = [Requested(k, resolve_attribute(k, version), None) for k in body["attributeScores"]]
        detected, language = check_languages(req, keys, engine.supports)
        if not req.do_not_store:
            await run_in_threadpool(
                _record_suggestion, context, principal, engine, req, suggested, language
            )
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
    language: str,
) -> None:
    """Store the comment with our analysis, the site's decision and the client's suggestion.

    The suggestion goes into the decision's reasons ("suggested toxicity 0.00"), so a
    moderator sees the disagreement in the queue next to the model's scores; the log line
    carries only the stored id and the numbers, never the text.
    """
    item = CommentInput(req.text, parent=req.parent, title=req.title, language=language)
    [analysis] = context.adapt(principal.site, list(engine.analyze([item])))
    outcome = context.site_decision(
        Arrival(
            principal.site, analysis, req.text, context=req.parent or req.title, title=req.title
        )
    )
    notes = tuple(
        f"suggested {a} {v:.2f}" if v is not None else f"suggested {a} spans"
        for a, v in suggested.items()
    )
    decision = Decision(outcome.decision.action, outcome.decision.reasons + notes)
    stored = context.comments.record(
        Origin(site_of(principal), "perspective:suggestscore"),
        NewComment(req.text, with_findings(analysis, outcome), decision, details=outcome.details()),
    )
    log.info("perspective score suggestion stored as %s: %s", stored, ", ".join(notes))

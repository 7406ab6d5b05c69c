"""OpenAI's ``POST /v1/moderations``, answered by ThreadGuard's models.

A client built on the ``openai`` package points ``base_url`` here and keeps working: the
request (``input`` as a string, a list of strings, or a list of ``{"type": "text"}`` parts)
and the response (``id``, ``model``, ``results[].flagged / categories / category_scores /
category_applied_input_types``, every category key present) are OpenAI's.

ThreadGuard's seven attributes do not line up one to one with OpenAI's categories, so each
category is defined from them (:data:`CATEGORY_SOURCES`); categories the models do not cover
score 0 and are never flagged. A category is flagged when every attribute it is built from
reaches the site policy's *hold* threshold for that attribute (0.5 where the policy has
none), so ``flagged`` agrees with what ThreadGuard itself would hold for a moderator.
For the same reason a match of the key's site watchlist that blocks or holds
(``block``, ``hold``) sets ``flagged`` too, and so does a code of coded hate, a
threatening phrase or an abusive word that holds (:mod:`threadguard.moderation.coded_hate`,
:mod:`threadguard.moderation.threats`, :mod:`threadguard.moderation.abusive_words`): its
list's action in the site's policy is ``hold``, and a list the site only flags changes
nothing here, as it holds nothing there. A
phrase, a code or a word that holds also sets the categories it belongs to, and its score is
reported at least at the category's flag level and never under 0.8, since clients read
``flagged`` as "some category is true" and many apply their own cut-off to
``category_scores`` (:mod:`.rule_findings`, shared with Perspective); a watched word sets none: OpenAI's shape has no place for "a
word this site does not publish". A text in a
language the models do not cover is flagged when the site's rule for unsupported languages
holds or rejects it (the default), since its scores are not read. OpenAI requests
name no author, so author rules do not apply. The endpoint is stateless: nothing about
the input is stored.
"""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.requests import Request

from threadguard.analysis import Analysis
from threadguard.engine import CommentInput
from threadguard.moderation import Outcome
from threadguard.schema import Verdict
from threadguard.service import batching
from threadguard.service.compat import Dependency, parse_json_object, read_body
from threadguard.service.compat.errors import CompatError, OpenAIErrorRoute
from threadguard.service.compat.rule_findings import raised, rule_categories
from threadguard.service.json_bodies import json_kind
from threadguard.service.protocols import Arrival, Principal, ServiceContext
from threadguard.validation import check_text

#: OpenAI category -> alternatives, each a tuple of our attributes that must all be present.
#: score = max over alternatives of min over their attributes; () means "not modelled".
CATEGORY_SOURCES: dict[str, tuple[tuple[str, ...], ...]] = {
    "harassment": (("insult",), ("severe_toxicity",)),
    "harassment/threatening": (("threat",),),
    "hate": (("identity_attack",),),
    "hate/threatening": (("identity_attack", "threat"),),
    "illicit": (),
    "illicit/violent": (),
    "self-harm": (),
    "self-harm/intent": (),
    "self-harm/instructions": (),
    "sexual": (("sexually_explicit",),),
    "sexual/minors": (),
    "violence": (("threat",),),
    "violence/graphic": (),
}

#: Used where the policy sets no hold threshold for an attribute.
DEFAULT_FLAG = 0.5
#: Watchlist actions that flag an input whatever its category scores.
FLAGGING_WATCH_ACTIONS = frozenset({"block", "hold"})
#: What a ``model`` name must contain: every OpenAI moderation model's does
#: (``omni-moderation-latest``, ``text-moderation-stable``), and ThreadGuard answers them all.
MODERATION_MODEL = "moderation"
#: The methods an unknown moderations-like path (``/v1/moderation...``) is answered for in OpenAI's shape (not HEAD
#: or OPTIONS, which would take a CORS preflight or a 405 from the real routes).
UNKNOWN_PATH_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
#: At most this many inputs in one request (OpenAI documents no limit; we keep one).
MAX_INPUTS = 256
_BAD_JSON = "We could not parse the JSON body of your request."


def parse_inputs(body: dict[str, Any]) -> list[str]:
    """The texts to moderate: one per string, or one for a list of multimodal parts.

    Image parts are refused rather than skipped: answering "not flagged" for an image
    ThreadGuard never looked at would be a silent false negative.
    """
    given = body.get("input")
    if isinstance(given, str):
        texts = [given]
    elif isinstance(given, list) and given and isinstance(given[0], dict):
        texts = ["\n".join(_part_text(part, i) for i, part in enumerate(given))]
    elif isinstance(given, list) and given:
        for i, item in enumerate(given):
            if not isinstance(item, str):
                raise CompatError(
                    400,
                    f"'input[{i}]' must be a string, as "
                    f"{'the items before it are' if i else 'a list of texts holds'}, "
                    f"not {json_kind(item)}.",
                    param=f"input[{i}]",
                )
        texts = list(given)
    else:
        raise CompatError(
            400,
            "'input' must be a string, a non-empty list of strings, or a list of text parts"
            f", not {json_kind(given) if given != [] else 'an empty list'}.",
            param="input",
        )
    if len(texts) > MAX_INPUTS:
        raise CompatError(400, f"At most {MAX_INPUTS} inputs per request.", param="input")
    # No length limit but the body's: OpenAI takes long inputs, and a client refused one
    # (it was 20,000 characters) may publish it unread; the engine reads it whole, in windows.
    for i, text in enumerate(texts):
        check_text(f"input[{i}]", text, stored=False)  # nothing is stored: a NUL may pass
    model = body.get("model")
    if model is not None and not isinstance(model, str):
        raise CompatError(400, "'model' must be a string.", param="model")
    if model is not None and MODERATION_MODEL not in model.lower():
        # as OpenAI answers a model it does not have: a typo ("gpt-bogus") was taken silently
        raise CompatError(
            404,
            f"The model `{model}` does not exist or you do not have access to it. "
            f"ThreadGuard answers any model whose name contains '{MODERATION_MODEL}' "
            "(omni-moderation-latest, text-moderation-stable, ...).",
            reason="model_not_found",
        )
    return texts


def _part_text(part: object, i: int) -> str:
    """The text of ``input[i]``, a part of a multimodal input; a 400 naming what is wrong
    with it (an image part is refused, not skipped: see :func:`parse_inputs`)."""
    if not isinstance(part, dict):
        raise CompatError(
            400,
            f"'input[{i}]' must be a part object ({{type: 'text', text}}), as the items before "
            f"it are, not {json_kind(part)}.",
            param=f"input[{i}]",
        )
    kind = part.get("type")
    if kind == "image_url":
        raise CompatError(
            400,
            "ThreadGuard moderates text only; image_url inputs are not supported.",
            param="input",
            reason="unsupported_input_type",
        )
    if kind != "text":
        given = "missing" if "type" not in part else f"{json_kind(kind)} {kind!r:.40}"
        raise CompatError(
            400, f"'input[{i}].type' must be 'text', not {given}.", param=f"input[{i}].type"
        )
    text = part.get("text")
    if not isinstance(text, str):
        given = "missing" if "text" not in part else json_kind(text)
        raise CompatError(
            400, f"'input[{i}].text' must be a string, not {given}.", param=f"input[{i}].text"
        )
    return text


def category_flag_level(category: str, flag_at: dict[str, float]) -> float:
    """The least score at which ``category`` is flagged by its scores: the lowest over its
    alternatives of the highest flag level of their attributes (:data:`DEFAULT_FLAG` for a
    category no attribute builds)."""
    alternatives = CATEGORY_SOURCES[category]
    if not alternatives:
        return DEFAULT_FLAG
    return min(max(flag_at.get(a, DEFAULT_FLAG) for a in attrs) for attrs in alternatives)


def moderation_result(
    analysis: Analysis,
    flag_at: dict[str, float],
    outcome: Outcome | None = None,
    *,
    rejected_on_scores: bool = False,
) -> dict[str, Any]:
    """One entry of ``results``: OpenAI's categories computed from our attributes, flagged
    also when ``outcome`` (the site's rules) found a watched word that blocks or holds, a
    code of coded hate or a threatening phrase that holds, or rejected the input.
    ``rejected_on_scores``: whether the site's thresholds alone reject it
    (:meth:`threadguard.moderation.Moderator.on_scores`); only then does a rejection with
    no category true become ``harassment``: a rejection by a list (a watched ``block``
    word, contact details) keeps every category as the model scored it."""
    s = analysis.scores
    categories: dict[str, bool] = {}
    scores: dict[str, float] = {}
    by_rule = rule_categories(outcome)
    for category, alternatives in CATEGORY_SOURCES.items():
        score = 0.0
        found = category in by_rule
        flagged = found
        for attrs in alternatives:
            score = max(score, min(s[a] for a in attrs))
            flagged = flagged or all(s[a] >= flag_at.get(a, DEFAULT_FLAG) for a in attrs)
        categories[category] = flagged
        scores[category] = round(raised(score, found, category_flag_level(category, flag_at)), 6)
    if (
        rejected_on_scores
        and outcome is not None
        and outcome.scored
        and outcome.action is Verdict.REJECT
        and not any(categories.values())
    ):
        # rejected on scores no category builds (toxicity, which the other languages' models
        # carry most abuse in: "Ananı 🖕 sikeyim", toxicity 1.00, was flagged false with
        # every score under 0.001, a multilingual integrator's tryout): harassment, at its
        # flag level at least, so that a category says why and a cut-off on scores sees it.
        # Not for a rejection by a list: a watched block word came back harassment 0.8
        categories["harassment"] = True
        scores["harassment"] = round(
            raised(scores["harassment"], True, category_flag_level("harassment", flag_at)), 6
        )
    watched = outcome is not None and (
        outcome.coded_held
        or outcome.threat_held
        or any(m.action in FLAGGING_WATCH_ACTIONS for m in outcome.matches)
        # a language the models do not cover: its scores are an English model's guesses,
        # so the site's rule for such languages (default hold) says whether it is flagged
        or (not outcome.scored and outcome.action != Verdict.APPROVE)
        # rejected by a rule no category stands for (contact details, spam): flagged, as
        # it was when such a rejection was reported as harassment
        or outcome.action is Verdict.REJECT
    )
    return {
        "flagged": any(categories.values()) or watched,
        "categories": categories,
        "category_scores": scores,
        "category_applied_input_types": {c: ["text"] for c in CATEGORY_SOURCES},
    }


def answered_model(engine_model: str, scored: list[Analysis], adapted: list[Analysis]) -> str:
    """The response's ``model``: the engine's, with the site adaptation's suffix
    (``+site-adaptation@N``) when the key's site adapted any input, as the analyses of a
    thread upload to that site name it (docs/adaptation.md). An answer whose inputs the
    adaptation left alone (a site without one, a language it is not fitted on) names the
    engine's alone."""
    for before, after in zip(scored, adapted, strict=True):
        if after.model != before.model and after.model.startswith(before.model):
            return engine_model + after.model[len(before.model) :]
    return engine_model


def build_router(auth: Dependency, ctx: Dependency) -> APIRouter:
    """``POST /v1/moderations`` with OpenAI's request, response and error shapes."""
    router = APIRouter(tags=["openai"], route_class=OpenAIErrorRoute)

    @router.post("/v1/moderations", summary="OpenAI-compatible moderation")
    async def moderations(
        request: Request,
        principal: Annotated[Principal, Depends(auth)],
        context: Annotated[ServiceContext, Depends(ctx)],
    ) -> JSONResponse:
        settings = context.settings
        body = parse_json_object(await read_body(request, settings.max_body_bytes), _BAD_JSON)
        texts = parse_inputs(body)
        engine = context.engine

        scored = list(await batching.analyze(engine, [CommentInput(t) for t in texts]))
        analyses = context.adapt(principal.site, scored)
        decided = [
            (a, context.site_decision(Arrival(principal.site, a, t)))
            for a, t in zip(analyses, texts, strict=True)
        ]
        moderator = context.moderator_for(principal.site)
        return JSONResponse(
            {
                "id": f"modr-{uuid.uuid4().hex}",
                "model": answered_model(engine.model_version, scored, analyses),
                "results": [
                    moderation_result(
                        a,
                        moderator.policy.flag_levels(a.language),
                        o,
                        rejected_on_scores=moderator.on_scores(a).action is Verdict.REJECT,
                    )
                    for a, o in decided
                ],
            }
        )

    @router.api_route(
        "/v1/moderations",
        methods=["GET", "PUT", "PATCH", "DELETE"],
        include_in_schema=False,
    )
    async def wrong_method(request: Request) -> JSONResponse:
        # a 405 in OpenAI's shape, which the openai client parses, not the service's own
        raise CompatError(
            405,
            f"Method {request.method} is not allowed on /v1/moderations; use POST.",
            headers={"Allow": "POST"},
        )

    @router.api_route(
        "/v1/moderation{rest:path}", methods=UNKNOWN_PATH_METHODS, include_in_schema=False
    )
    async def unknown_path(request: Request, rest: str) -> JSONResponse:
        # a moderations-like path is an OpenAI client's: its typo ("/v1/moderation",
        # "/v1/moderations/") was answered in Google's shape, which the openai client
        # misreads. Registered after the real routes, so it answers only what they do not;
        # other paths keep the service's own 404 (Perspective's are /v1alpha1/).
        raise CompatError(404, f"Invalid URL ({request.method} {request.url.path})")

    return router

"""``/api/v1/comments/{id}``: a stored comment, and moderator actions on it.

An action (approve, reject, ban, ...) is one store transaction with its audit entry; the
store refuses what the comment's state does not allow (409) and comments of sites the
key may not see (404).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from threadguard.service import schemas
from threadguard.service.api.shared import (
    action_out,
    actor,
    author_out,
    ensure_visible,
    json_body,
    json_body_doc,
)
from threadguard.service.auth import site_scope
from threadguard.service.dependencies import Admin, Client, Moderator, State
from threadguard.service.moderation import standing_over, with_action
from threadguard.storage.records import CommentRecord, no_comment

router = APIRouter()


def comment_out(c: CommentRecord) -> schemas.CommentOut:
    """A stored comment with its analysis, the standing decision, the policy's and the
    moderator's.

    ``decision`` is the one to act on, as an upload's answer gives it
    (:func:`~threadguard.service.moderation.standing_over`): a moderator's verdict where
    one stands over the policy's, else the policy's; ``policy_decision`` is always the
    policy's, and the analysis's plain-string ``decision`` is ``decision``'s action (desk
    review: after a moderator rejected a comment, ``decision.action`` said "hold" and only
    ``moderator_decision`` said "reject")."""
    decision = c.policy_decision
    details = (decision.details if decision is not None else None) or {}
    moderator = c.moderator_decision
    policy = {"action": decision.action, "reasons": decision.reasons} if decision else None
    acted = policy
    if policy is not None and c.status_source == "moderator":
        acted, _ = standing_over(policy, c.status)
    analysis = c.analysis
    if analysis is not None and acted is not None:
        analysis = with_action(analysis, acted)
    return schemas.CommentOut.model_validate(
        {
            "id": c.id,
            "site": c.site,
            "article": c.article,
            "external_id": c.external_id,
            "parent": c.parent_id,
            "author": c.author,
            "text": c.text,
            "source": c.source,
            "received_at": c.received_at,
            "status": c.status,
            "status_source": c.status_source,
            "analysis": analysis,
            "decision": acted,
            "policy_decision": policy,
            "watchlist": details.get("watchlist") or None,
            "coded_hate": details.get("coded_hate") or None,
            "threats": details.get("threats") or None,
            "abusive_words": details.get("abusive_words") or None,
            "contact_details": details.get("contact_details") or None,
            "censored_text": details.get("censored_text"),
            "moderator_decision": (
                {
                    "action": moderator.action,
                    "reasons": moderator.reasons,
                    "actor": moderator.actor,
                    "at": moderator.created_at,
                }
                if moderator
                else None
            ),
            "actions": [action_out(a) for a in c.actions],
        }
    )


@router.get(
    "/comments/{comment_id}",
    tags=["comments"],
    summary="A stored comment's analysis, decision and moderation history",
    response_model=schemas.CommentOut,
)
def get_comment(comment_id: str, principal: Client, state: State) -> schemas.CommentOut:
    record = state.store.comment(comment_id)
    ensure_visible(principal, record.site, str(no_comment(comment_id)))
    return comment_out(record)


@router.post(
    "/comments/{comment_id}/actions",
    tags=["moderation"],
    summary="Moderate a comment: approve, reject, ban/unban or trust/untrust its author, note",
    response_model=schemas.ActionResultOut,
    openapi_extra=json_body_doc(schemas.ActionIn),
    responses={
        404: {"model": schemas.ErrorBody, "description": "No such comment."},
        409: {
            "model": schemas.ErrorBody,
            "description": (
                "Already resolved (approved/rejected), already banned, edited since the "
                "text_sha256 given, ..."
            ),
        },
    },
)
def act(
    comment_id: str,
    principal: Moderator,
    state: State,
    body: Annotated[schemas.ActionIn, json_body(schemas.ActionIn)],
) -> schemas.ActionResultOut:
    result = state.store.moderate(
        comment_id,
        body.action,
        actor(principal),
        note=body.note,
        sites=site_scope(principal),
        expected=body.expected_status,
        text_sha256=body.text_sha256,
    )
    return schemas.ActionResultOut(
        action=action_out(result.action),
        comment_id=comment_id,
        comment_status=result.comment_status,  # type: ignore[arg-type]
        author=author_out(result.author) if result.author else None,
    )


@router.post(
    "/comments/{comment_id}/erase",
    tags=["moderation"],
    summary="Erase a comment's text and author name (admin): an erasure request, or doxxing",
    response_model=schemas.ErasedOut,
    openapi_extra=json_body_doc(schemas.EraseIn),
    responses={
        404: {"model": schemas.ErrorBody, "description": "No such comment."},
        409: {"model": schemas.ErrorBody, "description": "Erased already."},
    },
)
def erase(
    comment_id: str,
    principal: Admin,
    state: State,
    body: Annotated[schemas.EraseIn, json_body(schemas.EraseIn)],
) -> schemas.ErasedOut:
    """What the dashboard's Erase... does (:mod:`threadguard.storage.repositories.erasure`):
    the text and the name go with every copy the store kept; decisions, scores and status
    stay; audited ``comment.erase`` with the text's SHA-256."""
    erased = state.store.erase_comment(
        comment_id, actor(principal), reason=body.reason, sites=site_scope(principal)
    )
    return schemas.ErasedOut(
        comment_id=erased.comment_id,
        site=erased.site,
        erased_at=erased.at,
        erased_by=erased.by,
        text_sha256=erased.text_sha256,
    )

"""``/policy``: an admin edits a site's thresholds and watched words, previews what the
draft would do to the site's last comments, saves it, and restores earlier versions.

- ``GET /policy?site=``: the form over the site's effective policy, and its history.
- ``POST /policy/preview``: the draft replayed, beside the current policy, on the last N
  stored comments (:func:`threadguard.service.moderation.compare_policies`, the dry
  run's replay: stored analyses, no scoring), as a fragment for htmx (a whole page for
  a browser without script).
- ``POST /policy``: save the draft as the site's next version (audited
  ``policy.update``); refused when another admin saved meanwhile; a draft that is the
  stored document already makes no version (the page says nothing changed).
- ``POST /policy/restore``: store an earlier version again (audited ``policy.restore``).

Admins only (a moderator gets the dashboard's 403 page); every POST carries the page's
CSRF token. A draft is read by the policy parser before anything happens, and its
message, which names the bad key, is shown in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.forms import Form, FormRefused, ascii_number, read_form
from threadguard.dashboard.policy_page import (
    ABUSIVE_HELP,
    CODED_HELP,
    CONTACT_HELP,
    PREVIEW_DEFAULT,
    PREVIEW_MAX,
    THREAT_HELP,
    CheckedDraft,
    PolicyDraft,
    check_draft,
    draft_from_form,
    draft_of,
    language_overrides,
    own_fields,
    preview_of,
    preview_size,
    stored_document,
)
from threadguard.dashboard.routes.page_errors import (
    SiteQuery,
    error_page,
    site_for,
)
from threadguard.dashboard.routes.queue import preferences_of
from threadguard.dashboard.signin import AdminChecked, AdminSignedIn, WebUser, state_of
from threadguard.dashboard.web import is_htmx, render
from threadguard.moderation import Moderator, Policy, PolicyError, on_top
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.moderation import compare_policies
from threadguard.storage.records import ConflictError, NotFoundError

router = APIRouter()

#: The site a fresh install's policy is edited for (the API's default site).
DEFAULT_SITE = "default"


def _url(site: str, **extra: str | int) -> str:
    return "/policy?" + urlencode({"site": site, **extra})


def _site_of(state: ServiceState, given: str | None) -> str:
    sites = state.store.site_names()
    return given or (sites[0] if sites else DEFAULT_SITE)


def _effective(state: ServiceState, site: str) -> SitePolicy:
    """The site's effective policy; the base one for a site the store has never seen,
    without asking the state for it (its cache keeps every name it is asked about, and a
    query string can name any)."""
    return state.site_policy(site if site in state.store.site_names() else None)


def _with_site_rules(draft: PolicyDraft | None, policy: Policy) -> PolicyDraft:
    """The draft the page shows: the policy's own, or a posted one, whose coded-hate and
    threats fields come from the policy when the post had none (a page loaded before they
    existed, a script): else the page would show "hold" and nothing ignored, and the
    next save would write that over the site's table."""
    shown = draft_of(policy)
    if draft is None:
        return shown
    if draft.coded_action is None:
        draft = replace(draft, coded_action=shown.coded_action, coded_ignore=shown.coded_ignore)
    if draft.threat_action is None:
        draft = replace(draft, threat_action=shown.threat_action)
    if draft.abusive_action is None:
        draft = replace(draft, abusive_action=shown.abusive_action)
    if draft.contact_action is None:
        draft = replace(draft, contact_action=shown.contact_action)
    return draft


def _context(
    state: ServiceState,
    user: WebUser,
    site: str,
    *,
    draft: PolicyDraft | None = None,
    error: str | None = None,
    preview: Any = None,
    size: int = PREVIEW_DEFAULT,
    saved: int | None = None,
    restored: int | None = None,
    unchanged: int | None = None,
) -> dict[str, Any]:
    current = _effective(state, site)
    doc = current.document
    stored = stored_document(
        doc.policy_text if doc else None, doc.policy_format if doc else None, site
    )
    return {
        "user": user,
        "nav": "policy",
        "title": "Policy",
        "site": site,
        "sites": user.visible(sorted({*state.store.site_names(), site})),
        "source": "site" if doc is not None and doc.policy_text is not None else "default",
        "version": current.version,
        "draft": _with_site_rules(draft, current.policy),
        "languages": language_overrides(current.policy),
        "own": own_fields(stored),
        "authors": current.policy.rules,
        "screen_from": current.policy.author_floor,
        "trusted_by_moderators": state.store.trusted_authors(site),
        "base": draft_of(state.base_policy),
        "error": error,
        "preview": preview,
        "size": size,
        "size_max": PREVIEW_MAX,
        "coded_help": CODED_HELP,
        "threat_help": THREAT_HELP,
        "abusive_help": ABUSIVE_HELP,
        "contact_help": CONTACT_HELP,
        "history": state.store.policy_history(site),
        "saved": saved,
        "restored": restored,
        "unchanged": unchanged,
    }


@router.get("/policy")
async def policy_page(
    request: Request,
    user: AdminSignedIn,
    site: SiteQuery = None,
    saved: Annotated[int | None, Query(ge=0)] = None,
    restored: Annotated[int | None, Query(ge=0)] = None,
    unchanged: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    state = state_of(request)
    chosen = site_for(user, site)

    def work() -> dict[str, Any]:
        name = _site_of(state, chosen)
        return _context(state, user, name, saved=saved, restored=restored, unchanged=unchanged)

    return render(request, "policy.html", await run_in_threadpool(work))


async def _on_draft(
    request: Request,
    user: WebUser,
    work: Callable[[ServiceState, str, PolicyDraft, Form], Response],
    *,
    making: bool = False,
) -> Response:
    """Read the posted form's site and draft and answer with ``work(state, site, draft,
    form)``, run off the event loop; the 400 page instead for a site no store could hold
    (or, ``making``: a save, which makes the site, no site may have, unless the store has
    that site already)."""
    form = await read_form(request)
    state = state_of(request)
    # a site the store has already is saved whatever its name (made by an earlier version)
    site = site_for(user, form.get("site"), making=making, exists=state.store.has_site)
    draft = draft_from_form(form.get)
    return await run_in_threadpool(work, state, site or DEFAULT_SITE, draft, form)


def _check(state: ServiceState, site: str, draft: PolicyDraft) -> CheckedDraft:
    doc = _effective(state, site).document
    stored = stored_document(
        doc.policy_text if doc else None, doc.policy_format if doc else None, site
    )
    return check_draft(state.base_policy, draft, stored, site)


@router.post("/policy/preview")
async def preview(request: Request, user: AdminChecked) -> Response:
    def work(state: ServiceState, site: str, draft: PolicyDraft, form: Form) -> Response:
        size = preview_size(form.get("size"))
        checked = _check(state, site, draft)
        result = None
        if checked.policy is not None:
            current = _effective(state, site).moderator
            result = preview_of(
                compare_policies(state, site, current, Moderator(checked.policy), size),
                mask=preferences_of(state.store, user).mask_slurs,
            )
        if is_htmx(request):
            fragment = {"preview": result, "error": checked.error, "size": size, "site": site}
            return render(request, "_policy_preview.html", fragment)
        context = _context(
            state, user, site, draft=draft, error=checked.error, preview=result, size=size
        )
        return render(request, "policy.html", context, status_code=400 if checked.error else 200)

    return await _on_draft(request, user, work)


@router.post("/policy")
async def save(request: Request, user: AdminChecked) -> Response:
    def work(state: ServiceState, site: str, draft: PolicyDraft, form: Form) -> Response:
        def changed(now: int) -> Response:
            message = (
                f"The policy of {site} changed while you were editing it (it is now version "
                f"{now}). Your draft was not saved: check the history, then save again."
            )
            context = _context(state, user, site, draft=draft, error=message)
            context["version"] = now
            return render(request, "policy.html", context, status_code=409)

        given = form.get("version")
        if not ascii_number(given, 10):  # "²", "٣": said to have changed meanwhile
            shown = given[:40] + ("…" if len(given) > 40 else "")
            raise FormRefused(
                "version",
                f"must be the number of the version the form was opened on, not {shown!r}",
            )
        now = state.store.policy_version(site)
        if given != str(now):
            return changed(now)
        checked = _check(state, site, draft)
        if checked.policy is None:
            context = _context(state, user, site, draft=draft, error=checked.error)
            return render(request, "policy.html", context, status_code=400)
        try:  # the version is compared again where the write holds the site's row
            stored = state.store.set_site_policy(
                site, checked.text, "toml", user.actor, expected_version=now
            )
        except ConflictError:
            return changed(state.store.policy_version(site))
        if stored.unchanged:  # the draft is the stored document: no version, no audit
            return RedirectResponse(_url(site, unchanged=stored.policy_version), 303)
        state.forget(site)
        return RedirectResponse(_url(site, saved=stored.policy_version), 303)

    return await _on_draft(request, user, work, making=True)


#: What the policy page says over a draft carried through a sign-in after the session ended.
DRAFT_KEPT = (
    "Your session had ended, so this draft was not saved. It is below as you left it: "
    "check it, then save it again."
)


async def draft_again(request: Request, user: WebUser, fields: dict[str, list[str]]) -> Response:
    """The policy page with a draft whose save was refused because the session had ended
    (carried through the sign-in form), unsaved, based on the version it was edited
    from: a save over a version another admin stored meanwhile is refused as usual."""
    form = Form(fields)
    site = site_for(user, form.get("site")) or DEFAULT_SITE
    draft = draft_from_form(form.get)

    def work() -> dict[str, Any]:
        state = state_of(request)
        context = _context(state, user, site, draft=draft, error=DRAFT_KEPT)
        if ascii_number(form.get("version"), 10):
            context["version"] = int(form.get("version"))
        return context

    return render(request, "policy.html", await run_in_threadpool(work))


@router.post("/policy/restore")
async def restore(request: Request, user: AdminChecked) -> Response:
    state = state_of(request)
    form = await read_form(request)
    site = site_for(user, form.get("site")) or DEFAULT_SITE
    given = form.get("version")
    if not ascii_number(given, 10):  # int() reads "+3", " 3", "3_0" (30) and "٣" too
        return error_page(request, user, 400, "No such version", "The version is not a number.")
    version = int(given)

    def work() -> Response:
        try:
            old = state.store.policy_at(site, version)
        except NotFoundError as exc:
            return error_page(
                request,
                user,
                404,
                "No such version",
                str(exc),
                back=_url(site),
                back_label="Back to the policy",
            )
        try:  # a stored version may no longer fit the server's base policy
            on_top(state.base_policy, old.text, old.format, site)
        except PolicyError as exc:
            message = f"Version {version} cannot be restored: {exc}"
            return render(
                request, "policy.html", _context(state, user, site, error=message), status_code=400
            )
        stored = state.store.restore_site_policy(site, version, user.actor)
        state.forget(site)
        return RedirectResponse(_url(site, restored=stored.policy_version), 303)

    return await run_in_threadpool(work)

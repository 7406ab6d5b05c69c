"""``GET /threads``: recent threads with their counts; ``GET /threads/{id}``: one thread
as a reply tree with every comment's decision, scores and reasons, and its signals;
``GET /comments/{id}/thread``: the thread a comment (a queue item) belongs to.

Moderators and admins see them. The tree and signals are built by
:mod:`threadguard.dashboard.thread_page` from the store's reads
(:mod:`threadguard.storage.repositories.threads`): a fixed number of queries per page,
whatever the thread's size (its first :data:`MAX_COMMENTS` comments are shown).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from threadguard.dashboard.routes.page_errors import (
    SiteQuery,
    error_page,
    site_for,
)
from threadguard.dashboard.routes.queue import preferences_of, render_with_flash
from threadguard.dashboard.signin import SignedIn, WebUser, store_of
from threadguard.dashboard.thread_page import STATUS_WORDS, thread_view
from threadguard.dashboard.views import ago, segments
from threadguard.dashboard.web import render
from threadguard.schema import ATTRIBUTE_LABELS
from threadguard.storage.records import NotFoundError, no_comment
from threadguard.storage.store import Store

router = APIRouter()

#: Threads per page of the list.
PAGE_SIZE = 50
#: The most comments a thread page shows.
MAX_COMMENTS = 2000


def _list_context(store: Store, user: WebUser, site: str | None, page: int) -> dict[str, Any]:
    listing = store.recent_threads(
        site=site, sites=user.sites, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    pages = max(1, -(-listing.total // PAGE_SIZE))

    def url(to: int) -> str:
        values = {k: v for k, v in (("site", site), ("page", to if to > 1 else None)) if v}
        return "/threads" + ("?" + urlencode(values) if values else "")

    return {
        "user": user,
        "nav": "threads",
        "title": "Threads",
        "threads": listing.items,
        "total": listing.total,
        "site": site,
        "sites": user.visible(store.site_names()),
        "page": page,
        "pages": pages,
        "url": url,
        "ago": ago,
    }


@router.get("/threads")
async def threads_page(
    request: Request,
    user: SignedIn,
    site: SiteQuery = None,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    chosen = site_for(user, site)
    context = await run_in_threadpool(_list_context, store_of(request), user, chosen, page)
    return render(request, "threads.html", context)


def _thread_context(store: Store, user: WebUser, article_id: int) -> dict[str, Any]:
    thread = store.thread(article_id, limit=MAX_COMMENTS)
    if not user.may_see(thread.summary.site):  # another site's: as if there were none
        raise NotFoundError(f"no thread with id {article_id}")
    names = sorted({c.author for c in thread.comments if c.author})
    standing = store.authors(thread.summary.site, names)
    view = thread_view(thread, standing)
    prefs = preferences_of(store, user)
    texts = {
        n.comment.id: segments(n.comment.text, n.comment.spans, mask=prefs.mask_slurs)
        for n in view.nodes
    }
    queue = "/?" + urlencode(
        {"status": "all", "site": thread.summary.site, "article": thread.summary.external_id}
    )
    return {
        "user": user,
        "nav": "threads",
        "title": thread.summary.title or thread.summary.external_id,
        "view": view,
        "summary": thread.summary,
        "texts": texts,
        "labels": ATTRIBUTE_LABELS,
        "status_words": STATUS_WORDS,
        "queue_url": queue,
        "max_comments": MAX_COMMENTS,
        "ago": ago,
        "flash": None,
    }


@router.get("/threads/{article_id}")
async def thread_page(
    request: Request, user: SignedIn, article_id: Annotated[int, Path(ge=1, le=2**62)]
) -> Response:
    try:
        context = await run_in_threadpool(_thread_context, store_of(request), user, article_id)
    except NotFoundError as exc:
        return error_page(
            request,
            user,
            404,
            "No such thread",
            str(exc),
            back="/threads",
            back_label="All threads",
        )
    return render_with_flash(request, "thread.html", context)


@router.get("/comments/{comment_id}/thread")
async def thread_of_comment(
    request: Request, user: SignedIn, comment_id: Annotated[str, Path(max_length=40)]
) -> Response:
    """The whole thread of a comment (the queue's "whole thread" link), at the comment."""
    store = store_of(request)

    def article_of() -> int:
        if user.site is not None and not user.may_see(store.comment(comment_id).site):
            raise no_comment(comment_id)
        return store.thread_of(comment_id)

    try:
        article = await run_in_threadpool(article_of)
    except NotFoundError as exc:
        return error_page(request, user, 404, "No thread", str(exc))
    return RedirectResponse(f"/threads/{article}#c-{comment_id}", 303)

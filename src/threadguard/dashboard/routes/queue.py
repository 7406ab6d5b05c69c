"""``GET /``: the queue (held by default), filtered, ordered and paged, with counts.

Signed out, ``/`` sends the browser to ``/login``. A page is 50 items; the counts per
status come from one grouped, indexed query, so a queue of 10,000 held comments opens
as fast as one of ten.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams

from threadguard.dashboard import csrf
from threadguard.dashboard.forms import FormRefused, ascii_number
from threadguard.dashboard.routes.page_errors import site_for
from threadguard.dashboard.signin import (
    SignedIn,
    WebUser,
    forget_cookie,
    session_token,
    set_cookie,
    store_of,
)
from threadguard.dashboard.views import ItemView, Preferences, item_view
from threadguard.dashboard.web import render
from threadguard.schema import ATTRIBUTE_LABELS, ATTRIBUTES
from threadguard.storage.records import ReviewItem
from threadguard.storage.repositories.review import ORDERS, ReviewFilter
from threadguard.storage.repositories.search import MAX_SEARCH, REASON_KINDS
from threadguard.storage.store import Store
from threadguard.validation import text_problem

router = APIRouter()

PAGE_SIZE = 50
#: How long after an action ``u`` can take it back, in seconds.
UNDO_WINDOW_S = 10
#: The tabs: URL value, the store's status (None: all), label.
TABS = (
    ("held", "pending", "Held"),
    ("rejected", "rejected", "Rejected"),
    ("approved", "approved", "Approved"),
    ("all", None, "All"),
)
STATUS_OF_TAB = {tab: status for tab, status, _ in TABS}
#: The values a queue URL leaves out.
URL_DEFAULTS: dict[str, object] = {"status": "held", "order": "oldest", "page": 1}
#: A language filter's value: an ISO 639 code, perhaps with a region (``pt-br``).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
#: The least score an ``attribute=`` filter asks for when no ``min_score`` is given.
DEFAULT_MIN_SCORE = 0.5


@dataclass(frozen=True)
class QueueQuery:
    """The queue page's filters, as read from (and written back to) its URL."""

    tab: str = "held"
    site: str | None = None
    article: str | None = None
    order: str = "oldest"
    page: int = 1
    #: The queue entry the page starts after (the previous page's last): pages follow
    #: each other by position, not by count, so comments acted on in a page, which leave
    #: its tab, do not make the next page skip as many held ones.
    after: int | None = None
    #: Only this author's comments (the author line of each card links here).
    author: str | None = None
    #: Only comments scoring at least ``min_score`` on this attribute (0.5 when not given).
    attribute: str | None = None
    min_score: float | None = None
    #: Only comments whose text contains these words (any tab; "All" finds the policy's
    #: published comments too, which a reader's complaint is about).
    q: str | None = None
    #: Only comments read in this language (ISO 639-1 code, as the engine gives it).
    language: str | None = None
    #: Only comments held or rejected for a reason of this kind (``REASON_KINDS``).
    reason: str | None = None

    @classmethod
    def of(cls, request: Request) -> QueueQuery:
        return cls.of_params(request.query_params)

    @classmethod
    def of_url(cls, url: str) -> QueueQuery:
        """The query of a queue URL (a form's ``back``)."""
        return cls.of_params(QueryParams(urlsplit(url).query))

    @classmethod
    def of_params(cls, q: QueryParams) -> QueueQuery:
        tab = q.get("status")
        order = q.get("order", "oldest")
        try:
            page = max(1, min(int(q.get("page", "1")), 1_000_000))
        except ValueError:
            page = 1
        # "All" lists comments the queue never saw (no entry to start after): by page
        after = q.get("after", "") if tab != "all" else ""
        attribute = _attribute(q.get("attribute"))
        return cls(
            tab=_one_of("status", tab, STATUS_OF_TAB) or "held",
            site=_lookup(q.get("site")),
            article=_lookup(q.get("article")),
            order=order if order in ORDERS else "oldest",
            page=page,
            after=int(after) if ascii_number(after, 19) and page > 1 else None,
            author=_lookup(q.get("author")),
            attribute=attribute,
            min_score=_score(q.get("min_score"), attribute),
            q=_search(q.get("q")),
            language=_language(q.get("language")),
            reason=_reason(q.get("reason")),
        )

    @property
    def filters(self) -> ReviewFilter:
        at_least = None
        if self.attribute is not None:
            at_least = self.min_score if self.min_score is not None else DEFAULT_MIN_SCORE
        return ReviewFilter(
            status=STATUS_OF_TAB[self.tab],
            site=self.site,
            article=self.article,
            author=self.author,
            attribute=self.attribute,
            at_least=at_least,
            text=self.q,
            language=self.language,
            reason=self.reason,
        )

    def filters_for(self, user: WebUser) -> ReviewFilter:
        """The filters limited to the sites ``user`` may see (a site-bound account's
        queue, counts and author filter are its site's only)."""
        return replace(self.filters, sites=user.sites)

    def url(self, **changes: object) -> str:
        """This query's URL with ``changes`` (page 1 unless a page is given)."""
        values: dict[str, object] = {
            "status": self.tab,
            "site": self.site,
            "article": self.article,
            "author": self.author,
            "attribute": self.attribute,
            "min_score": None if self.min_score is None else f"{self.min_score:g}",
            "q": self.q,
            "language": self.language,
            "reason": self.reason,
        }
        values.update({"order": self.order, "page": None, "after": None})
        values.update(changes)
        kept = {
            k: str(v) for k, v in values.items() if v not in (None, "") and URL_DEFAULTS.get(k) != v
        }
        return "/?" + urlencode(kept) if kept else "/"


class QueueFilterRefused(FormRefused):
    """A queue filter no comment could match (a search too long, an unknown tab, reason kind
    or attribute, a score that is no number from 0 to 1, a language that is no code): the
    dashboard's 400 page naming the parameter, where it used to be silently ignored and the
    whole queue shown as if filtered (as ``GET /api/v1/queue`` refuses them too)."""

    heading = "This filter was not accepted"


def _one_of(field: str, value: str | None, allowed: Collection[str]) -> str | None:
    """``value`` when it is one of ``allowed`` (blank: None); :class:`QueueFilterRefused`
    naming ``field`` and the values it takes otherwise."""
    if not value:
        return None
    if value not in allowed:
        names = ", ".join(allowed)
        raise QueueFilterRefused(field, f"must be one of {names}, not {value[:40]!r}")
    return value


def _attribute(value: str | None) -> str | None:
    """An attribute to filter scores on (blank: None), one the models score."""
    return _one_of("attribute", value, ATTRIBUTES)


def _score(value: str | None, attribute: str | None) -> float | None:
    """The least score on ``attribute`` (blank: None, the default of
    :data:`DEFAULT_MIN_SCORE`); :class:`QueueFilterRefused` for one that is no number from
    0 to 1, or given with no attribute to apply to."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        score = float(text)
    except ValueError:
        score = math.nan
    if not 0.0 <= score <= 1.0:  # NaN too
        raise QueueFilterRefused("min_score", f"must be a number from 0 to 1, not {text[:40]!r}")
    if attribute is None:
        raise QueueFilterRefused("min_score", "needs an attribute to apply to (Scoring)")
    return score


def _search(value: str | None) -> str | None:
    """The words to search for (blank: None); :class:`QueueFilterRefused` over
    :data:`MAX_SEARCH` characters."""
    text = (_lookup(value) or "").strip()
    if len(text) > MAX_SEARCH:
        raise QueueFilterRefused("q", f"a search is at most {MAX_SEARCH} characters")
    return text or None


def _language(value: str | None) -> str | None:
    """A language code (``he``, ``pt-br``) or None; :class:`QueueFilterRefused` for one that
    is no code."""
    code = (value or "").strip().lower()
    if not code:
        return None
    if not LANGUAGE_CODE.fullmatch(code):
        raise QueueFilterRefused("language", "must be a language code such as en, de or he")
    return code


def _reason(value: str | None) -> str | None:
    """A kind of policy reason, or None."""
    return _one_of("reason", value, REASON_KINDS)


def _lookup(value: str | None) -> str | None:
    """A filter value the store can look up, or None (blank, or a NUL or lone surrogate
    in a form's ``back`` URL, which the request's own query check does not see)."""
    return value if value and text_problem(value) is None else None


def item_views(
    store: Store,
    items: list[ReviewItem],
    prefs: Preferences,
    messages: dict[str, str] | None = None,
) -> list[ItemView]:
    """The page's items with their authors' histories (one read for the page) and
    whether each author is trusted (one read per site on the page)."""
    histories = store.author_histories([(i.site, i.author) for i in items if i.author])
    trusted: set[tuple[str, str]] = set()
    for site in sorted({i.site for i in items if i.author}):
        names = sorted({i.author for i in items if i.site == site and i.author})
        trusted |= {(site, n) for n, a in store.authors(site, names).items() if a.trusted}
    return [
        item_view(
            i,
            prefs,
            histories.get((i.site, i.author)) if i.author else None,
            (messages or {}).get(i.comment_id),
            trusted=(i.site, i.author or "") in trusted,
        )
        for i in items
    ]


def preferences_of(store: Store, user: WebUser) -> Preferences:
    """The user's reading preferences."""
    return Preferences.from_stored(store.preferences(user.name))


def queue_context(store: Store, user: WebUser, query: QueueQuery) -> dict[str, object]:
    prefs = preferences_of(store, user)
    offset = (query.page - 1) * PAGE_SIZE if query.after is None else 0
    filters = query.filters_for(user)
    page = store.review_page(
        filters, order=query.order, limit=PAGE_SIZE, offset=offset, after=query.after
    )
    counts = store.queue_counts(filters)
    return {
        "user": user,
        "nav": "queue",
        "title": "Queue",
        "query": query,
        "tabs": TABS,
        "orders": ORDERS,
        "attributes": [(a, ATTRIBUTE_LABELS[a]) for a in ATTRIBUTES],
        "default_min_score": DEFAULT_MIN_SCORE,
        "reason_kinds": [(k, label) for k, (label, _) in REASON_KINDS.items()],
        "max_search": MAX_SEARCH,
        "counts": counts,
        "sites": user.visible(store.site_names()),
        "items": item_views(store, page.items, prefs),
        "prefs": prefs,
        "page": page,
        "pages": max(1, -(-page.total // PAGE_SIZE)),
        "undo": None,
        "undo_ids": [],
        "back": query.url(page=query.page, after=query.after),
        "oob": False,
        "undo_window": int(UNDO_WINDOW_S),
        "flash": None,
    }


#: The cookie that carries an action's message to the page a plain form post (no script)
#: is sent back to: the redirect answering it had no way to say what came of the action.
FLASH_COOKIE = "tg_flash"
#: How long the message waits for that page, in seconds.
FLASH_SECONDS = 60
#: The most of a message the cookie carries (a browser keeps about 4 KB a cookie).
MAX_FLASH_CHARS = 1000


def _flash_mac(token: str, text: str) -> str:
    """The message's HMAC under the session's token: a message is shown only to the
    session it was made for, never one another site set or another session's."""
    return hmac.new(
        token.encode(), b"threadguard flash\0" + text.encode(), hashlib.sha256
    ).hexdigest()


def keep_flash(request: Request, response: Response, text: str) -> None:
    """Have the next page of this session say ``text`` (see :data:`FLASH_COOKIE`)."""
    token = session_token(request)
    if token is None or not text:
        return
    text = text[:MAX_FLASH_CHARS]
    data = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    set_cookie(request, response, FLASH_COOKIE, f"{data}.{_flash_mac(token, text)}", FLASH_SECONDS)


def kept_flash(request: Request) -> str | None:
    """The message an action left for this session's page (None: none, or not its own)."""
    value = request.cookies.get(FLASH_COOKIE) or ""
    token = session_token(request)
    data, _, mac = value.partition(".")
    if token is None or not mac or len(value) > 4 * MAX_FLASH_CHARS:
        return None
    try:
        text = base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    return text if csrf.same(mac, _flash_mac(token, text)) else None


def render_with_flash(request: Request, template: str, context: dict[str, object]) -> Response:
    """``template`` saying the message an action left (``flash``), once: the cookie goes."""
    said = kept_flash(request)
    if said:
        context = {**context, "flash": said}
    response = render(request, template, context)
    if FLASH_COOKIE in request.cookies:
        forget_cookie(request, response, FLASH_COOKIE)
    return response


@router.get("/")
async def queue_page(request: Request, user: SignedIn) -> Response:
    query = QueueQuery.of(request)
    site_for(user, query.site)  # another site than the account's: 403
    context = await run_in_threadpool(queue_context, store_of(request), user, query)
    return render_with_flash(request, "queue.html", context)

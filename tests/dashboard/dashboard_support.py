"""What the dashboard's tests share: held comments made up to order, a real server, and
Chromium through Playwright.

Comments are stored through the store's bulk path with analyses and hold decisions made
here (no model runs), so a queue of 10,000 is seeded in seconds. The browser is
Debian's Chromium (``/usr/bin/chromium``; ``.ci/run`` installs it); without it the
browser tests skip, except under CI (``CI=true``), where they fail.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from service_support import THREADGUARD, Service, free_port, wait_until_serving

from threadguard.analysis import Analysis, Span, Target
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Store
from threadguard.storage.records import ArticleRef, NewComment

CHROMIUM = Path(os.environ.get("THREADGUARD_CHROMIUM", "/usr/bin/chromium"))
#: Where the browser tests put a screenshot of each page: `make screenshots` points this at
#: docs/dashboard/ (committed); a plain test run writes them to a temporary folder, so running
#: the suite never changes tracked files (the stats page shows today's dates).
SCREENSHOTS = Path(
    os.environ.get("THREADGUARD_SCREENSHOTS")
    or Path(tempfile.gettempdir()) / "threadguard-screenshots"
)
PASSWORD = "correct horse battery staple"


def need_browser() -> Any:
    """Playwright's sync API with Chromium present; skips (fails under CI) otherwise."""
    problem = None
    try:
        from playwright import sync_api
    except ImportError:
        problem = "playwright is not installed (pip install playwright)"
    if problem is None and not CHROMIUM.exists():
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if problem is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}, and CI=true")
        pytest.skip(problem)
    return sync_api


def scores(**given: float) -> dict[str, float]:
    """All seven attributes: ``given`` ones, the rest low."""
    return {a: given.get(a, 0.05) for a in ATTRIBUTES}


def held(
    text: str,
    external_id: str,
    author: str,
    *,
    parent: str | None = None,
    depth: int = 0,
    position: int = 0,
    spans: tuple[Span, ...] = (),
    targets: tuple[Target, ...] = (),
    reasons: tuple[str, ...] = ("toxicity 0.72 ≥ hold threshold 0.6",),
    action: str = "hold",
    **score: float,
) -> NewComment:
    """A scored comment the policy held (or decided ``action``)."""
    analysis = Analysis(
        id=external_id,
        scores=scores(**score),
        targets=targets,
        spans=spans,
        model="test@1",
    )
    return NewComment(
        text=text,
        analysis=analysis,
        decision=Decision(action, reasons if action != "approve" else ()),  # type: ignore[arg-type]
        external_id=external_id,
        author=author,
        parent_id=parent,
        depth=depth,
        position=position,
    )


def span_of(text: str, word: str, attribute: str, score: float = 0.9) -> Span:
    """The span of ``word``'s first occurrence in ``text``."""
    begin = text.index(word)
    return Span(begin, begin + len(word), attribute, score)


def seed_thread(store: Store, site: str = "news") -> None:
    """A small thread with held comments: replies, a severe one, spans and targets."""
    base = "The council's new housing plan, explained"
    texts = [
        held("Great plan, about time.", "c1", "ann", action="approve"),
        held(
            "You are an idiot and so is everyone who agrees with you.",
            "c2",
            "troll42",
            parent="c1",
            depth=1,
            position=1,
            spans=(
                span_of(
                    "You are an idiot and so is everyone who agrees with you.", "idiot", "insult"
                ),
            ),
            toxicity=0.82,
            insult=0.88,
        ),
        held(
            "Go back where you came from, vermin.",
            "c3",
            "hater",
            parent="c2",
            depth=2,
            position=2,
            spans=(span_of("Go back where you came from, vermin.", "vermin", "identity_attack"),),
            targets=(Target("nationality_migration", 0.91),),
            reasons=("identity_attack 0.93 ≥ hold threshold 0.5",),
            toxicity=0.9,
            severe_toxicity=0.7,
            identity_attack=0.93,
        ),
        held(
            "This plan is garbage and the mayor is a clown.",
            "c4",
            "grumpy",
            toxicity=0.66,
            insult=0.7,
            position=3,
        ),
        held("Shut up, nobody asked you.", "c5", "troll42", toxicity=0.7, insult=0.64, position=4),
        held(
            "What a stupid stupid idea.",
            "c6",
            "bob_the_reader",
            toxicity=0.65,
            insult=0.6,
            position=5,
        ),
        held(
            "Damn this is bad news for renters.",
            "c7",
            "renter",
            toxicity=0.61,
            profanity=0.7,
            position=6,
        ),
        held(
            "People like you should be silenced.",
            "c8",
            "angry",
            toxicity=0.74,
            threat=0.5,
            position=7,
        ),
    ]
    store.record_many(
        site=site,
        source="native",
        article=ArticleRef("housing-plan", base, "https://news.example/housing"),
        comments=texts,
    )


def seed_many(store: Store, count: int, site: str = "big") -> None:
    """``count`` held comments under 100 articles, for the first-paint measurement."""
    per_article = max(1, count // 100)
    made = 0
    article = 0
    while made < count:
        batch = [
            held(
                f"Comment number {made + i}: you people are all idiots, every one of you.",
                f"m{made + i}",
                f"author{(made + i) % 500}",
                position=i,
                spans=(Span(34, 40, "insult", 0.8),),
                toxicity=0.6 + ((made + i) % 40) / 100,
                insult=0.7,
            )
            for i in range(min(per_article, count - made))
        ]
        store.record_many(
            site=site,
            source="native",
            article=ArticleRef(f"article-{article}", f"Article number {article}"),
            comments=batch,
        )
        made += len(batch)
        article += 1


def add_user(data_dir: Path, name: str, role: str = "moderator") -> None:
    """``threadguard user add`` as an operator would run it."""
    subprocess.run(
        [
            *THREADGUARD,
            "user",
            "add",
            name,
            "--role",
            role,
            "--password",
            PASSWORD,
            "--data-dir",
            str(data_dir),
        ],
        check=True,
        capture_output=True,
    )


@contextmanager
def serving(data_dir: Path) -> Iterator[str]:
    """``threadguard serve`` (fast tier) over the data dir's SQLite; yields its base URL."""
    port = free_port()
    log = data_dir / "serve.log"
    command = [
        *THREADGUARD,
        "serve",
        "--port",
        str(port),
        "--tier",
        "fast",
        "--data-dir",
        str(data_dir),
    ]
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(process, base, log)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def wait_until(page: Any, expression: str, seconds: float = 10.0) -> Any:
    """Poll a JavaScript expression until it is truthy; its value.

    Playwright's ``wait_for_function`` polls through ``eval``, which the dashboard's CSP
    (rightly) refuses; ``evaluate`` goes through the debugging protocol instead.
    """
    deadline = time.monotonic() + seconds
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        time.sleep(0.05)


def sign_in(page: Any, base: str, name: str) -> None:
    """Sign in through the form, as a person would (Enter submits)."""
    page.goto(f"{base}/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_url(f"{base}/")


class Dashboard:
    """The app, its store, and a browser-like client (cookies kept) per person."""

    def __init__(self, service: Service) -> None:
        self.service = service
        self.store = service.store
        self.store.add_user("alice", "moderator", PASSWORD)
        self.store.add_user("bob", "moderator", PASSWORD)
        seed_thread(self.store)

    def client(self) -> TestClient:
        return TestClient(self.service.app, base_url="http://127.0.0.1")

    def login_token(self, client: TestClient) -> str:
        page = client.get("/login")
        return token_in(page.text)

    def sign_in(self, client: TestClient, name: str = "alice", password: str = PASSWORD) -> Any:
        return client.post(
            "/login",
            data={"username": name, "password": password, "csrf_token": self.login_token(client)},
            follow_redirects=False,
        )

    def signed_in(self, name: str = "alice") -> tuple[TestClient, str]:
        """A client signed in as ``name`` and its pages' CSRF token."""
        client = self.client()
        assert self.sign_in(client, name).status_code == 303
        return client, csrf_of(client.get("/").text)


def token_in(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found is not None, html
    return found.group(1)


def item_ids(html: str) -> list[str]:
    return re.findall(r'<article class="item[^"]*" id="item-(cm_[0-9a-f]+)"', html)


def hidden_fields(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the page's (first) form posting to ``action``: what a browser
    sends, where a hand-made request may leave a field out."""
    form = re.search(rf'<form method="post" action="{re.escape(action)}".*?</form>', page, re.S)
    assert form is not None, action
    return {
        unescape(n): unescape(v)
        for n, v in re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', form.group())
    }


def shot(page: Any, name: str, *, full_page: bool = False) -> None:
    """Save a screenshot of ``page`` as ``name``.png in :data:`SCREENSHOTS`.

    ``caret="initial"``: hiding the caret injects a style, which the page's CSP refuses.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), caret="initial", full_page=full_page)


#: Every text's contrast against the background behind it (WCAG 2: 4.5:1, or 3:1 for
#: large text), SVG text against the page; returns the failures.
CONTRAST = """
() => {
  const parse = (c) => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const bad = [];
  for (const el of document.querySelectorAll("main *")) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest("details:not([open])") || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.closest(".visually-hidden")) continue;
    const inSvg = el.closest("svg") !== null;
    const fg = parse(inSvg ? style.fill : style.color).slice(0, 3);
    const l1 = lum(fg), l2 = lum(background(el));
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(style.fontSize), heavy = parseInt(style.fontWeight) >= 700;
    const large = size >= 24 || (heavy && size >= 18.66);
    if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName}.${el.className.baseVal ?? el.className} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
  }
  return bad;
}
"""
#: Form controls in the page's main part without a label a screen reader would read.
UNLABELLED = """
() => [...document.querySelectorAll("main input:not([type=hidden]), main select, main textarea, main button")]
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.getAttribute("aria-labelledby") && !el.textContent.trim())
  .map((el) => el.outerHTML.slice(0, 80))
"""


def accessible(page: Any) -> None:
    """Every control labelled, every text legible."""
    assert page.evaluate(UNLABELLED) == []
    assert page.evaluate(CONTRAST) == []


@contextmanager
def watched_page(
    browser: Any, viewport: dict[str, int], *, expected: str | None = None
) -> Iterator[Any]:
    """A page in a fresh browser context that fails the test, on closing, for any console
    error or script error (a CSP violation, a missing file) but the ``expected`` one (the
    status a test provokes on purpose, e.g. ``"status of 401"``)."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert [e for e in errors if expected is None or expected not in e] == [], errors

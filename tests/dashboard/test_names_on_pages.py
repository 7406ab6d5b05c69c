"""An author's name is shown the same way on every page: its invisible and
direction-changing characters as code points (``[U+202E]``), isolated, with a badge for
look-alike letters. A tryout found the thread page's "Other authors with flagged
comments" printing a name's U+200B and U+202E raw (the rest of the line read reversed),
where cards and Stats showed ``[U+202E]``; the signals' other sentences, the policy page's
trusted authors, the audit log's objects and the actions' messages did the same."""

from __future__ import annotations

import html
import re

from pages_support import app, scored, signed_in, store_thread
from service_support import Service

from threadguard.storage import Actor

__all__ = ["app"]

TARGET = "Ro\u200bbert\u202eevil"
FLAGGED = "Dai\u200bJones"
OFFENDER = "tr\u202eoll"
#: A Cyrillic "І" before Latin letters: a look-alike name, badged.
LOOKALIKE = "\u0406van"
HIDDEN = ("\u200b", "\u202e", "\u202c")


def shown(name: str) -> str:
    return name.replace("\u200b", "[U+200B]").replace("\u202e", "[U+202E]")


def thread(service: Service) -> list[str]:
    """A pile-on on TARGET (three attackers, one a look-alike), an escalation and a repeat
    offender (OFFENDER), and an author with one flagged comment (FLAGGED)."""
    return store_thread(
        service.store,
        [
            scored("I think the plan is fine.", "c1", TARGET),
            *(
                scored("You are a moron.", f"p{i}", who, "hold", parent="c1", depth=1, insult=0.8)
                for i, who in enumerate(("x1", "x2", LOOKALIKE))
            ),
            scored("It is a bad plan.", "c2", "bo", position=4, toxicity=0.2),
            scored(
                "Idiot.", "c3", OFFENDER, "hold", parent="c2", depth=1, position=5, toxicity=0.75
            ),
            scored(
                "Shut up, clown.",
                "c4",
                OFFENDER,
                "reject",
                parent="c3",
                depth=2,
                position=6,
                toxicity=0.97,
            ),
            scored("Rubbish, all of it.", "d1", FLAGGED, "hold", position=7, toxicity=0.51),
        ],
    )


def test_the_thread_pages_signals_show_names_as_every_page_does(app: Service) -> None:
    ids = thread(app)
    with signed_in(app, "mia", "moderator") as mia:
        where = mia.get(f"/comments/{ids[0]}/thread").headers["location"].split("#")[0]
        page = mia.get(where).text
    signals = page[page.index('id="signals-title"') : page.index('<section class="tree"')]
    assert not any(c in signals for c in HIDDEN), signals
    flagged = signals[signals.index("Other authors with flagged comments") :]
    assert f'<li><bdi class="author">{shown(FLAGGED)}</bdi> wrote 1 comment' in flagged
    assert f'<bdi class="author">{shown(OFFENDER)}</bdi> wrote 2 comments' in signals
    assert f'replied abusively to <bdi class="author">{shown(TARGET)}</bdi>' in signals
    assert re.search(
        rf'<bdi class="author">{LOOKALIKE}</bdi> <span class="badge badge-name" '
        r'title="Not Latin: U\+0406 [^"]*">mixed scripts</span>',
        signals,
    )
    assert f'<bdi class="author">{shown(OFFENDER)}</bdi>, each comment' in signals


def test_the_policy_page_shows_trusted_names_as_every_page_does(app: Service) -> None:
    ids = thread(app)
    app.store.moderate(ids[0], "trust", Actor("mod-1", "moderator"))
    with signed_in(app, "ada", "admin") as ada:
        page = ada.get("/policy?site=news").text
    assert f'<bdi class="author">{shown(TARGET)}</bdi>' in page
    assert not any(c in page for c in HIDDEN)


def test_the_audit_log_shows_an_authors_name_as_every_page_does(app: Service) -> None:
    ids = thread(app)
    app.store.moderate(ids[0], "ban", Actor("mod-1", "moderator"))
    with signed_in(app, "ada", "admin") as ada:
        page = ada.get("/audit").text
    assert f'author <bdi dir="auto">{shown(TARGET)}</bdi>' in page
    assert not any(c in page for c in HIDDEN)


def test_an_actions_message_names_the_author_as_every_page_does(app: Service) -> None:
    ids = thread(app)
    flagged = ids[-1]
    with signed_in(app, "mia", "moderator") as mia:
        done = mia.post(f"/actions/{flagged}/reject", {"back": "/"})
        assert done.status_code == 303
        page = html.unescape(mia.get("/").text)
        assert f"Rejected the comment by {shown(FLAGGED)}." in page
        bulk = mia.post(
            "/actions/bulk", {"action": "approve", "ids": [flagged, ids[1]]}, htmx=True
        ).text
    assert f"{shown(FLAGGED)}: comment {flagged} was already rejected" in html.unescape(bulk)
    assert not any(c in page + bulk for c in HIDDEN)

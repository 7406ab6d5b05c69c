"""``/threads``, ``/threads/{id}`` and ``/comments/{id}/thread`` over the app in-process."""

from __future__ import annotations

import re
from dataclasses import replace

from pages_support import app, argument, scored, signed_in, store_thread
from service_support import Service

from threadguard.moderation import Moderator, load_policy
from threadguard.storage import Actor

__all__ = ["app"]


def test_the_threads_list_shows_counts_and_links(app: Service) -> None:
    argument(app.store)
    store_thread(app.store, [scored("hello", "z1", "zed")], site="other", article="b1", title="")
    with signed_in(app, "mia", "moderator") as mia:
        page = mia.get("/threads")
        assert page.status_code == 200
        html = page.text
        assert "The council&#39;s new housing plan" in html
        assert re.search(r'<a href="/threads/\d+">b1</a>', html)  # no title: its id
        assert 'aria-current="page">Threads' in html
        only = mia.get("/threads", params={"site": "other"}).text
        assert "housing plan" not in only and "b1" in only
        assert mia.get("/threads", params={"site": "x" * 300}).status_code == 400  # the HTML page
        assert (
            "No thread has been stored for nowhere"
            in mia.get("/threads", params={"site": "nowhere"}).text
        )


def test_a_thread_shows_its_tree_decisions_and_signals(app: Service) -> None:
    ids = argument(app.store)
    app.store.moderate(ids[2], "reject", Actor("mod-1", "moderator"))
    with signed_in(app, "mia", "moderator") as mia:
        to = mia.get(f"/comments/{ids[3]}/thread")
        assert to.status_code == 303
        location = to.headers["location"]
        assert location.endswith(f"#c-{ids[3]}")
        html = mia.get(location.split("#")[0]).text
    # The tree: every comment, in reading order, indented by its level.
    order = [html.index(f'id="c-{cid}"') for cid in ids]
    assert order[:4] == sorted(order[:4])
    assert f'class="node indent-3 verdict-reject" id="c-{ids[3]}"' in html
    # Decisions, scores and reasons; the moderator's verdict beside the policy's.
    assert "policy: hold" in html and "moderator: reject by mod-1" in html
    assert "Insult 0.96" in html and "reject reason" in html
    assert '<mark class="hl hl-insult" title="Insult">idiot</mark>' in html
    assert "nationality migration 0.90" in html
    # Signals: health, a pile-on on ann, a repeat offender.
    assert "Thread signals" in html
    assert re.search(r"pile|ganging|replied", html, re.I)
    assert "troll42" in html and "repeat offender" in html


def test_a_published_comment_is_taken_down_from_its_thread(app: Service) -> None:
    """The policy's approvals were in no queue tab and the thread page had no buttons: a
    reported comment could not be taken down from the dashboard."""
    ids = argument(app.store)
    published = ids[0]
    assert app.store.comment(published).status == "approved"
    with signed_in(app, "mia", "moderator") as mia:
        thread = mia.get(f"/comments/{published}/thread").headers["location"].split("#")[0]
        html = mia.get(thread).text
        form = re.search(
            rf'<form method="post" action="/actions/{published}/reject".*?</form>', html, re.S
        )
        assert form is not None and 'name="expected" value="approved"' in form.group()
        done = mia.post(
            f"/actions/{published}/reject",
            {"expected": "approved", "back": f"{thread}#c-{published}"},
        )
        assert done.status_code == 303 and done.headers["location"] == f"{thread}#c-{published}"
        assert app.store.comment(published).status == "rejected"
        # and a moderator's wrong verdict is corrected the same way
        mia.post(f"/actions/{published}/approve", {"expected": "rejected", "back": thread})
        assert app.store.comment(published).status == "approved"
        html = mia.get(thread).text
        assert "moderator: approve by mia" in html


def test_a_thread_names_the_threats_its_comments_were_held_for(app: Service) -> None:
    text = "Nice article. We know where you live."
    threat = scored(text, "t1", "ann", "hold")
    outcome = Moderator(load_policy()).decide(threat.analysis, text)
    held = replace(threat, decision=outcome.decision, details=outcome.details())
    [cid] = store_thread(app.store, [held], article="threat")
    with signed_in(app, "mia", "moderator") as mia:
        html = mia.get(f"/comments/{cid}/thread", follow_redirects=True).text
    assert '<span class="label">Threats</span>veiled threat: <q>We know where you live</q>' in html
    assert "veiled threat: &#34;We know where you live&#34;" in html  # the reason


def test_unknown_threads_are_a_page_not_a_traceback(app: Service) -> None:
    (lone,) = [
        cid
        for cid, _ in app.store.record_many(
            site="news", source="native", article=None, comments=[scored("x", "l1", None)]
        )
    ]
    with signed_in(app, "mia", "moderator") as mia:
        missing = mia.get("/threads/999")
        assert missing.status_code == 404 and "No such thread" in missing.text
        # a value no page can have is the dashboard's page too, never the API's JSON
        word = mia.get("/threads/abc")
        assert word.status_code == 404 and "There is no such page." in word.text
        assert word.headers["content-type"].startswith("text/html")
        below = mia.get("/threads", params={"page": "-5"})
        assert below.status_code == 400 and "cannot exist" in below.text
        assert mia.get("/api/v1/queue", params={"limit": "-5"}).json()["error"]
        assert mia.get("/comments/cm_nope/thread").status_code == 404
        outside = mia.get(f"/comments/{lone}/thread")
        assert outside.status_code == 404 and "not part of a thread" in outside.text


def test_signed_out_visitors_are_sent_to_sign_in(app: Service) -> None:
    client = app.client
    answer = client.get("/threads/1", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_a_queue_item_links_to_its_whole_thread(app: Service) -> None:
    ids = argument(app.store)
    with signed_in(app, "mia", "moderator") as mia:
        queue = mia.get("/").text
        assert f'href="/comments/{ids[2]}/thread"' in queue
        assert mia.get(f"/comments/{ids[2]}/thread").status_code == 303

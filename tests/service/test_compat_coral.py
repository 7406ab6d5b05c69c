"""Coral's external moderation phase: signatures, answers, context, deadline."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from compat_fakes import CORAL_SECRET, FakeContext, MemoryLog, SpyEngine, make_app
from fastapi.testclient import TestClient

from threadguard.engine import Engine
from threadguard.moderation import AuthorContext, parse_policy
from threadguard.service.compat.coral import DETECTED_REASONS, coral_answer, signature_valid
from threadguard.service.protocols import NewComment, Origin, StoreBusyError
from threadguard.service.settings import ServiceSettings

URL = "/coral/moderation"


def payload(body: str, *, action: str = "NEW", parent: str | None = None, **comment: Any) -> Any:
    """An ExternalModerationRequest as Coral builds it."""
    return {
        "action": action,
        "comment": {"body": body, "parentID": parent, **comment},
        "author": {"id": "user-7", "role": "COMMENTER"},
        "story": {"id": "story-1", "url": "https://news.example/story-1"},
        "site": {"id": "site-1"},
        "tenantID": "tenant-1",
        "tenantDomain": "news.example",
    }


def sign(raw: bytes, *secrets: str) -> str:
    """X-Coral-Signature as Coral writes it: one sha256=<hex> per active secret."""
    return ",".join(
        "sha256=" + hmac.new(s.encode(), raw, hashlib.sha256).hexdigest() for s in secrets
    )


def post(client: TestClient, data: Any, *secrets: str, raw: bytes | None = None) -> Any:
    body = json.dumps(data, indent=2).encode()  # Coral pretty-prints its JSON
    signature = sign(body, *(secrets or (CORAL_SECRET,)))
    return client.post(
        URL,
        content=raw if raw is not None else body,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )


def make_context(engine: Engine, **settings: Any) -> FakeContext:
    settings.setdefault("coral_secret", CORAL_SECRET)
    settings.setdefault("coral_deadline_s", 5.0)
    return FakeContext(engine=SpyEngine(engine), settings=ServiceSettings(**settings))


@pytest.fixture
def context(engine: Engine) -> FakeContext:
    return make_context(engine)


@pytest.fixture
def client(context: FakeContext) -> TestClient:
    return TestClient(make_app(context))


def test_clean_comment_approved_and_stored(client: TestClient, context: FakeContext) -> None:
    resp = post(client, payload("<p>Thanks for this <b>thoughtful</b> article.</p>"))
    assert resp.status_code == 200
    assert resp.json() == {"status": "APPROVED"}
    [stored] = context.comments.records
    assert stored["text"] == "Thanks for this thoughtful article."  # HTML stripped
    assert (stored["source"], stored["site"]) == ("coral", "site-1")
    assert (stored["author"], stored["story_id"]) == ("user-7", "story-1")
    assert context.engine.seen[-1].text == "Thanks for this thoughtful article."


def test_abusive_comment_rejected_with_a_toxic_flag(client: TestClient) -> None:
    resp = post(client, payload("<p>you are a stupid worthless idiot</p>"))
    assert resp.status_code == 200
    assert resp.json() == {
        "status": "REJECTED",
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}],
    }


def test_statuses_map_to_coral_statuses() -> None:
    flag = [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}]
    assert json.loads(bytes(coral_answer("pending", True).body)) == {
        "status": "SYSTEM_WITHHELD",
        "actions": flag,
    }
    assert json.loads(bytes(coral_answer("rejected", True).body))["status"] == "REJECTED"
    assert json.loads(bytes(coral_answer("approved", True).body)) == {"status": "APPROVED"}
    assert coral_answer("approved", False).status_code == 204


def test_no_opinion_on_clean_comments_when_configured(context: FakeContext) -> None:
    client = TestClient(make_app(context, approve_clean=False))
    resp = post(client, payload("Thanks for this thoughtful article."))
    assert resp.status_code == 204 and resp.content == b""


def test_edit_is_scored_like_new(client: TestClient, context: FakeContext) -> None:
    assert post(client, payload("fine words", action="EDIT")).status_code == 200
    unknown = post(client, payload("fine words", action="DELETE"))
    assert unknown.status_code == 200 and unknown.json() == {"status": "PREMOD"}
    assert len(context.comments.records) == 1


def test_rolled_secret_second_signature_valid(client: TestClient) -> None:
    resp = post(client, payload("hello there"), "whsec_retired_secret", CORAL_SECRET)
    assert resp.status_code == 200


def test_bad_or_missing_signature_is_401(client: TestClient, context: FakeContext) -> None:
    assert post(client, payload("hello"), "whsec_wrong").status_code == 401
    resp = client.post(URL, json=payload("hello"))
    assert resp.status_code == 401
    assert "X-Coral-Signature" in resp.json()["error"]
    assert context.comments.records == []


def test_tampered_body_is_401(client: TestClient) -> None:
    data = payload("hello")
    tampered = json.dumps(payload("something else entirely"), indent=2).encode()
    assert post(client, data, raw=tampered).status_code == 401


def test_signature_parsing() -> None:
    raw = b'{"a": 1}'
    good = sign(raw, CORAL_SECRET)
    assert signature_valid(CORAL_SECRET, raw, good)
    assert signature_valid(
        CORAL_SECRET, raw, "sha256=00, " + good.upper().replace("SHA256", "sha256")
    )
    assert not signature_valid(CORAL_SECRET, raw, good.replace("sha256=", "sha1="))
    assert not signature_valid(CORAL_SECRET, raw, "sha256=é")
    assert not signature_valid(CORAL_SECRET, raw, None)


def test_no_secret_configured_is_503(engine: Engine) -> None:
    client = TestClient(make_app(make_context(engine, coral_secret=None)))
    resp = post(client, payload("hello"))
    assert resp.status_code == 503
    assert "THREADGUARD_CORAL_SECRET" in resp.json()["error"]


def test_replies_are_scored_with_their_parent(client: TestClient, context: FakeContext) -> None:
    assert post(client, payload("<p>The parent comment</p>", id="c-1")).status_code == 200
    assert context.comments.remembered[-1]["text"] == "The parent comment"
    assert post(client, payload("I agree", parent="c-1", id="c-2")).status_code == 200
    assert context.engine.seen[-1].parent == "The parent comment"
    assert context.comments.records[-1]["parent_id"] == "c-1"
    assert post(client, payload("unknown parent", parent="c-404")).status_code == 200
    assert context.engine.seen[-1].parent == ""


def test_a_reply_is_decided_with_its_parent_as_context(
    client: TestClient, context: FakeContext
) -> None:
    """A call for expulsion that names its group only in the parent it answers."""
    parent = "The council has housed forty refugees in the old hotel."
    assert post(client, payload(parent, id="p-1")).status_code in (200, 204)
    answer = post(client, payload("Send them all back.", parent="p-1", id="p-2")).json()
    assert answer["status"] in ("PREMOD", "SYSTEM_WITHHELD", "REJECTED"), answer
    assert context.decided[-1]["context"] == parent
    # a comment that names itself as its parent has no context
    post(client, payload("Refugees, the lot. Send them all back.", parent="s-1", id="s-1"))
    assert context.decided[-1]["context"] == ""


def test_a_signed_payload_that_cannot_be_read_is_premoderated(
    client: TestClient, context: FakeContext
) -> None:
    """Any 4xx is Coral's "skip the phase", which publishes the comment: fail closed."""
    assert post(client, {"action": "NEW", "comment": {"body": 3}}).json() == {"status": "PREMOD"}
    raw = b"not json"
    resp = client.post(URL, content=raw, headers={"X-Coral-Signature": sign(raw, CORAL_SECRET)})
    assert resp.status_code == 200 and resp.json() == {"status": "PREMOD"}
    assert context.comments.records == []


@pytest.mark.parametrize("odd", ["\ud800", "\u0000"])
def test_a_lone_surrogate_or_nul_in_the_body_is_read_not_refused(
    client: TestClient, context: FakeContext, odd: str
) -> None:
    """A 400 for them published the comment unread; a commenter could put them in."""
    text = f"You worthless idiot{odd} go and die, you pathetic piece of trash."
    resp = post(client, payload(text))  # JSON escapes, as JSON.stringify writes them
    assert resp.status_code == 200
    assert resp.json()["status"] in ("REJECTED", "SYSTEM_WITHHELD")
    assert "\ufffd" in context.comments.records[0]["text"]


def test_a_body_too_large_to_read_is_premoderated(engine: Engine) -> None:
    client = TestClient(make_app(make_context(engine, max_body_bytes=2_000)))
    resp = post(client, payload("You idiot. " + "filler " * 1_000))
    assert resp.status_code == 200 and resp.json() == {"status": "PREMOD"}


def test_an_unsigned_body_over_the_limit_is_401(engine: Engine, context: FakeContext) -> None:
    """Unsigned requests are always refused (docs/compatibility.md); one over the body
    limit got 200 PREMOD, as if Coral had sent it. Wrongly signed too; and one too large
    even to check is refused, never taken for Coral's."""
    context = make_context(engine, max_body_bytes=2_000)
    client = TestClient(make_app(context))
    raw = json.dumps(payload("You idiot. " + "filler " * 1_000)).encode()
    assert len(raw) > 2_000
    unsigned = client.post(URL, content=raw, headers={"Content-Type": "application/json"})
    assert unsigned.status_code == 401, unsigned.text
    assert "X-Coral-Signature" in unsigned.json()["error"]
    wrong = client.post(URL, content=raw, headers={"X-Coral-Signature": sign(raw, "whsec_x")})
    assert wrong.status_code == 401
    huge = json.dumps(payload("filler " * 2_000)).encode()
    assert len(huge) > 4 * 2_000
    resp = client.post(URL, content=huge, headers={"X-Coral-Signature": sign(huge, CORAL_SECRET)})
    assert resp.status_code == 401 and "not read" in resp.json()["error"]
    assert context.comments.records == []


def test_a_wrong_method_gets_corals_error_shape(client: TestClient) -> None:
    """Coral's shape is ``{"error": message}``; a GET got the framework's ``detail``."""
    resp = client.get(URL)
    assert resp.status_code == 405 and resp.headers["allow"] == "POST"
    assert set(resp.json()) == {"error"}
    assert "use POST" in resp.json()["error"]


def wait_for_record(context: FakeContext) -> dict[str, Any]:
    for _ in range(200):
        if context.comments.records:
            break
        time.sleep(0.02)
    return context.comments.records[0]


def test_past_the_deadline_answers_premod_and_stores_it_held(engine: Engine) -> None:
    """Fail closed: Coral publishes what gets no answer in time, so the answer is PREMOD
    (a person decides), and the comment is stored held, as Coral was told."""
    context = make_context(engine, coral_deadline_s=0.05)
    context.engine = SpyEngine(engine, delay=0.4)
    with TestClient(make_app(context)) as client:
        started = time.monotonic()
        resp = post(client, payload("you are a stupid worthless idiot"))
        elapsed = time.monotonic() - started
        assert resp.json() == {"status": "PREMOD"}
        assert elapsed < 0.35
        stored = wait_for_record(context)
    assert stored["decision"].action == "hold"
    assert stored["decision"].reasons[0].startswith("no decision within Coral's deadline")


def test_past_the_deadline_answers_204_when_configured_open(engine: Engine) -> None:
    context = make_context(engine, coral_deadline_s=0.05, coral_fail_open=True)
    context.engine = SpyEngine(engine, delay=0.4)
    with TestClient(make_app(context)) as client:
        assert post(client, payload("you are a stupid worthless idiot")).status_code == 204
        assert wait_for_record(context)["decision"].action == "reject"


class SlowLog(MemoryLog):
    """A comment log whose first write waits its turn past Coral's deadline."""

    def record_status(self, origin: Origin, item: NewComment) -> tuple[str, str]:
        if not self.records:
            time.sleep(0.4)
        return super().record_status(origin, item)


def test_a_write_that_ends_past_the_deadline_is_stored_held_as_coral_was_told(
    engine: Engine,
) -> None:
    """Scored in time, but the store's write waited past the deadline: Coral is answered
    PREMOD, so the store must not keep the policy's approval or rejection."""
    context = make_context(engine, coral_deadline_s=0.1)
    context.comments = SlowLog()
    with TestClient(make_app(context)) as client:
        assert post(client, payload("you are a stupid worthless idiot")).json() == {
            "status": "PREMOD"
        }
        for _ in range(100):
            if len(context.comments.records) == 2:
                break
            time.sleep(0.02)
    first, last = context.comments.records
    assert first["decision"].action == "reject"
    assert last["decision"].action == "hold" and last["text"] == first["text"]
    assert last["decision"].reasons[0].startswith("no decision within Coral's deadline")


def test_abuse_past_the_text_limit_is_read_not_cut_off(client: TestClient) -> None:
    """A comment padded past the service's text limit used to be scored on its first
    20,000 characters only: approved, with its insult at the end."""
    filler = "The council meeting discussed the new bike lane and parking. " * 340
    resp = post(client, payload(filler + " You are a worthless piece of garbage, you idiot."))
    assert resp.json()["status"] in ("REJECTED", "SYSTEM_WITHHELD"), resp.json()
    assert post(client, payload(filler)).json()["status"] == "SYSTEM_WITHHELD"


def test_a_comment_held_for_its_length_is_flagged_suspect_word(engine: Engine) -> None:
    """A clean comment held only for being longer than the limit was flagged TOXIC; Coral's
    external phase has no reason for a length (COMMENT_DETECTED_BODY_COUNT, which a first
    fix sent, is not among the reasons its response schema accepts, and Coral throws such an
    answer away and publishes), so it is SUSPECT_WORD, as a comment no model reads. One
    that also scores high keeps the length among its reasons (it was lost) and both flags."""
    context = make_context(engine, max_text_chars=200)
    client = TestClient(make_app(context))
    filler = "The council meeting discussed the new bike lane and parking. " * 5
    assert len(filler) > 200
    assert post(client, payload(filler)).json() == {
        "status": "SYSTEM_WITHHELD",
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_SUSPECT_WORD"}],
    }
    abuse = filler + "You are a worthless piece of garbage, you pathetic idiot."
    answer = post(client, payload(abuse)).json()
    assert answer["status"] in ("REJECTED", "SYSTEM_WITHHELD"), answer
    reasons = [a["reason"] for a in answer["actions"]]
    assert reasons == ["COMMENT_DETECTED_TOXIC", "COMMENT_DETECTED_SUSPECT_WORD"]
    assert set(reasons) <= DETECTED_REASONS
    stored = context.comments.records[-1]["decision"]
    assert "longer than 200 characters" in stored.reasons
    assert stored.reasons[0] != "longer than 200 characters"  # the scores decided it


class BusyLog(MemoryLog):
    """A comment log whose database stays busy."""

    def record_status(self, origin: Origin, item: NewComment) -> tuple[str, str]:
        raise StoreBusyError("the database is busy; try again shortly")


class BrokenEngine(SpyEngine):
    def analyze(self, items: Any, *, spans: bool = True) -> Any:
        raise RuntimeError("model file unreadable")


def test_a_failure_to_store_or_score_answers_premod(engine: Engine) -> None:
    context = make_context(engine)
    context.comments = BusyLog()
    client = TestClient(make_app(context))
    assert post(client, payload("Thanks for this thoughtful article.")).json() == {
        "status": "PREMOD"
    }
    context.comments = MemoryLog()
    context.engine = BrokenEngine(engine)
    assert post(client, payload("Thanks for this thoughtful article.")).json() == {
        "status": "PREMOD"
    }


def test_failing_open_answers_no_opinion_or_503_for_a_busy_database(engine: Engine) -> None:
    context = make_context(engine, coral_fail_open=True)
    context.comments = BusyLog()
    client = TestClient(make_app(context))
    resp = post(client, payload("Thanks for this thoughtful article."))
    assert resp.status_code == 503 and resp.headers["Retry-After"] == "1"
    assert "busy" in resp.json()["error"]
    context.comments = MemoryLog()
    context.engine = BrokenEngine(engine)
    assert post(client, payload("Thanks for this thoughtful article.")).status_code == 204


def test_the_answer_is_the_sites_decision_for_that_author(engine: Engine) -> None:
    context = make_context(engine)
    context.policy = parse_policy({"watchlist": {"hold": ["timetable"]}}, "test")
    context.authors["user-7"] = AuthorContext("user-7", prior_comments=3, banned=True)
    client = TestClient(make_app(context))
    # flagged with what decided it, a reason Coral's own phases give (it was "toxic")
    assert post(client, payload("Thanks for this thoughtful article.", id="c-9")).json() == {
        "status": "REJECTED",
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_RECENT_HISTORY"}],
    }
    assert context.decided[-1] == {
        "site": "site-1",
        "author": "user-7",
        "comment_id": "c-9",
        "context": "",
    }
    stored = context.comments.records[-1]
    assert stored["decision"].action == "reject"
    assert "author is banned" in stored["decision"].reasons
    del context.authors["user-7"]
    assert post(client, payload("The new timetable is great")).json() == {
        "status": "SYSTEM_WITHHELD",
        "actions": [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_SUSPECT_WORD"}],
    }
    assert context.comments.records[-1]["details"]["watchlist"][0]["pattern"] == "timetable"


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        # a word of the other languages' list held it beside a watched word: the slur is
        # toxic (only when nothing else was found did the labels fall back to TOXIC)
        ("Pedały do gazu, Rafał.", ["COMMENT_DETECTED_TOXIC", "COMMENT_DETECTED_SUSPECT_WORD"]),
        ("Rafał, call me on 07700 900123 tonight.", ["COMMENT_DETECTED_SUSPECT_WORD"]),
        ("Cheap watches, buy now: http://bit.ly/x1y2z3", ["COMMENT_DETECTED_SPAM"]),
    ],
)
def test_flag_reasons_come_from_what_the_lists_found_not_from_reason_wording(
    text: str, reasons: list[str]
) -> None:
    """Coral's labels were worked out from the display text of the reasons (a newcomer's
    walk of the code: rewording a reason would change them); they now read the outcome's
    finds, and a word of the other languages' list that held the comment is toxic."""
    from threadguard.analysis import Analysis
    from threadguard.moderation import Moderator, load_policy
    from threadguard.moderation.policy import merge_documents
    from threadguard.schema import ATTRIBUTES
    from threadguard.service.compat.coral import flag_reasons

    watched = {"watchlist": {"hold": ["rafał"]}}
    policy = parse_policy(merge_documents(load_policy().raw, watched), "test")
    language = "pl" if text.startswith("Pedały") else "en"
    calm = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.01), language=language)
    outcome = Moderator(policy).decide(calm, text)
    assert outcome.action.value != "approve"
    assert sorted(flag_reasons(outcome)) == sorted(reasons)


def test_every_flag_reason_is_one_corals_external_phase_accepts() -> None:
    """Coral's response schema takes only COMMENT_FLAG_DETECTED_REASON's values and throws
    away an answer with any other, publishing the comment: no reason this module can send
    may fall outside them, whatever held the comment."""
    import threadguard.service.compat.coral as coral

    sent = {
        value
        for name, value in vars(coral).items()
        if isinstance(value, str) and value.startswith("COMMENT_DETECTED_")
    }
    source = Path(coral.__file__).read_text(encoding="utf-8")
    sent |= set(re.findall(r'"(COMMENT_DETECTED_[A-Z_]+)"', source))
    assert sent <= coral.DETECTED_REASONS
    assert "COMMENT_DETECTED_BODY_COUNT" not in coral.DETECTED_REASONS

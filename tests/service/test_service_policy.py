"""Per-site policy over HTTP: read, replace (TOML or JSON), and dry-run a candidate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from service_support import Service

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator
from threadguard.moderation.policy import load_policy, policy_text
from threadguard.schema import ATTRIBUTES
from threadguard.storage.records import Actor, ArticleRef, NewComment

ADMIN = Actor("ops", "admin")
THREAD = json.dumps(
    {
        "thread": {"id": "f1", "title": "Ferry"},
        "comments": [
            {"id": "a", "author": "ann", "text": "The new timetable is great"},
            {"id": "b", "author": "bo", "text": "I miss the old timetable"},
            {"id": "c", "author": "cy", "text": "Good news for the island"},
        ],
    }
)


def get_policy(service: Service, site: str = "news") -> Any:
    response = service.client.get(
        f"/api/v1/sites/{site}/policy", headers=service.auth(service.admin)
    )
    assert response.status_code == 200, response.text
    return response.json()


def put_policy(
    service: Service, body: str, content_type: str = "application/toml", site: str = "news"
) -> Any:
    return service.client.put(
        f"/api/v1/sites/{site}/policy",
        content=body,
        headers={**service.auth(service.admin), "Content-Type": content_type},
    )


def test_a_site_without_a_policy_shows_the_default(service: Service) -> None:
    doc = get_policy(service)
    assert doc["source"] == "default" and doc["version"] == 0
    assert "[thresholds]" in doc["text"]
    default = load_policy().thresholds["toxicity"]
    assert doc["effective"]["thresholds"]["toxicity"] == {
        "hold": default.hold,
        "reject": default.reject,
    }


def test_put_toml_then_get(service: Service) -> None:
    toml = '[thresholds]\ntoxicity = { hold = 0.4 }\n[watchlist]\nflag = ["timetable"]\n'
    response = put_policy(service, toml)
    assert response.status_code == 200, response.text
    doc = get_policy(service)
    assert doc["source"] == "site" and doc["format"] == "toml" and doc["text"] == toml
    assert doc["version"] == 1
    effective = doc["effective"]
    # the base's reject is kept: the site named only the hold
    reject = load_policy().thresholds["toxicity"].reject
    assert effective["thresholds"]["toxicity"] == {"hold": 0.4, "reject": reject}
    threat = load_policy().thresholds["threat"]  # from the base
    assert effective["thresholds"]["threat"] == {"hold": threat.hold, "reject": threat.reject}
    assert effective["watchlist"] == {"flag": ["timetable"]}
    # The new policy decides the next upload at once.
    comments = service.post_thread(THREAD, "application/json", site="news").json()["comments"]
    assert 'watched "timetable" (flag)' in comments[0]["decision"]["reasons"]
    # Other sites are unaffected.
    other = service.post_thread(THREAD, "application/json", site="sport").json()["comments"]
    assert all("watched" not in " ".join(c["decision"]["reasons"]) for c in other)


def test_put_json(service: Service) -> None:
    body = json.dumps({"authors": {"premoderate_first": 2}})
    assert put_policy(service, body, "application/json").status_code == 200
    doc = get_policy(service)
    assert doc["format"] == "json"
    base = load_policy().author_floor  # the shipped default policy's screen_from
    assert doc["effective"]["authors"] == {
        "screen": True,
        "screen_from": base,
        "premoderate_first": 2,
    }


def test_a_bad_policy_is_refused_and_the_old_one_kept(service: Service) -> None:
    put_policy(service, '[watchlist]\nhold = ["x"]\n')
    for body, message in (
        ("[thresholds]\ntoxicity = { hold = 2 }\n", "thresholds.toxicity.hold must be a number"),
        ('[watchlist]\nerase = ["x"]\n', "unknown watchlist action"),
        ("name = ", "invalid TOML"),
        ('[languages]\nsupported = ["en", "ru"]\n', "lists ru, which no model covers"),
    ):
        response = put_policy(service, body)
        assert response.status_code == 400
        assert message in response.json()["error"]["message"]
        assert "policy of site 'news'" in response.json()["error"]["message"]
    doc = get_policy(service)
    assert doc["version"] == 1 and doc["effective"]["watchlist"] == {"hold": ["x"]}


def test_an_empty_policy_is_refused_and_a_reset_must_be_asked_for(service: Service) -> None:
    """A tryout's ``curl -X PUT --data-binary ''`` answered 200, version 2, text '': the
    site's thresholds silently back to the defaults (an unset shell variable, an empty
    file). An empty body is refused like every other bad policy; ``{}`` says "nothing on
    top of the server's policy" on purpose."""
    put_policy(service, '[watchlist]\nhold = ["x"]\n')
    for body, content_type in (
        ("", "application/toml"),
        ("", "application/json"),
        (" \n\t\n", "application/toml"),
        ("\ufeff\n", "text/plain"),
    ):
        response = put_policy(service, body, content_type)
        assert response.status_code == 400, (body, content_type)
        message = response.json()["error"]["message"]
        assert "the policy document is empty" in message and "{}" in message
        dry = service.client.post(
            "/api/v1/sites/news/policy:dryrun",
            content=body,
            headers={**service.auth(service.admin), "Content-Type": content_type},
        )
        assert dry.status_code == 400 and "empty" in dry.json()["error"]["message"]
    doc = get_policy(service)
    assert doc["version"] == 1 and doc["effective"]["watchlist"] == {"hold": ["x"]}

    reset = put_policy(service, "{}", "application/json")
    assert reset.status_code == 200, reset.text
    doc = get_policy(service)
    assert (doc["version"], doc["text"], doc["source"]) == (2, "{}", "site")
    assert doc["effective"] == load_policy().raw


def test_a_json_policy_with_a_key_given_twice_is_refused(service: Service) -> None:
    """The last would silently win: here the empty second ``thresholds``."""
    body = '{"thresholds": {"toxicity": {"hold": 0.3}}, "thresholds": {}}'
    response = put_policy(service, body, "application/json")
    assert response.status_code == 400
    assert "the key 'thresholds' is given twice" in response.json()["error"]["message"]
    bom = "\ufeff[thresholds]\ntoxicity = { hold = 0.3 }\n"
    assert put_policy(service, bom).status_code == 200


def test_policy_changes_are_audited_with_before_and_after(service: Service) -> None:
    put_policy(service, '[watchlist]\nhold = ["x"]\n')
    put_policy(service, '[watchlist]\nhold = ["y"]\n')
    audit = service.client.get(
        "/api/v1/audit", params={"action": "policy"}, headers=service.auth(service.admin)
    ).json()
    latest = audit["items"][0]
    assert latest["before"]["text"] == '[watchlist]\nhold = ["x"]\n'
    assert latest["after"]["text"] == '[watchlist]\nhold = ["y"]\n'
    assert latest["after"]["version"] == 2 and latest["actor_role"] == "admin"


def test_dry_run_compares_a_candidate_with_what_was_decided(service: Service) -> None:
    posted = service.post_thread(THREAD, "application/json", site="news").json()["comments"]
    before = [c["decision"]["action"] for c in posted]
    ids = {c["id"]: c["comment_id"] for c in posted}
    candidate = '[watchlist]\nblock = ["old*"]\nhold = ["island"]\n'
    response = service.client.post(
        "/api/v1/sites/news/policy:dryrun",
        content=candidate,
        headers=service.auth(service.admin),
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["site"] == "news" and result["compared"] == 3
    assert sum(result["current"].values()) == 3
    assert result["current"] == {a: before.count(a) for a in ("approve", "hold", "reject")}
    changed = {c["comment_id"]: (c["from"], c["to"]) for c in result["changes"]}
    assert changed[ids["b"]][1] == "reject"
    assert changed[ids["c"]][1] == "hold"
    # each change says what was written and by whom, so it can be judged without a lookup
    # per id (desk 73 had only the ids)
    shown = {c["comment_id"]: (c["text"], c["author"]) for c in result["changes"]}
    assert shown[ids["b"]] == ("I miss the old timetable", "bo")
    assert shown[ids["c"]] == ("Good news for the island", "cy")
    assert ids["a"] not in changed or changed[ids["a"]][0] != "approve"
    assert result["changed"] == len(result["changes"])
    assert result["candidate"]["reject"] >= 1
    # A dry run changes nothing.
    assert get_policy(service)["source"] == "default"
    limited = service.client.post(
        "/api/v1/sites/news/policy:dryrun?limit=1",
        content=candidate,
        headers=service.auth(service.admin),
    ).json()
    assert limited["compared"] == 1
    bad = service.client.post(
        "/api/v1/sites/news/policy:dryrun",
        content="[watchlist]\nblock = 1\n",
        headers=service.auth(service.admin),
    )
    assert bad.status_code == 400


def test_a_site_bound_admin_manages_only_its_site(service: Service) -> None:
    news_admin = service.store.create_key("admin", site="news")
    allowed = service.client.put(
        "/api/v1/sites/news/policy", content="name = 'n'\n", headers=service.auth(news_admin)
    )
    assert allowed.status_code == 200
    refused = service.client.put(
        "/api/v1/sites/sport/policy", content="name = 's'\n", headers=service.auth(news_admin)
    )
    assert refused.status_code == 403


def test_dry_run_replays_each_comment_in_its_stored_language(service: Service) -> None:
    """A French comment is decided on French thresholds ([languages.thresholds.fr] holds
    toxicity from 0.26, English from 0.40) and a comment in an unsupported language is held
    whatever its scores: replaying them unchanged under the same policy changes nothing."""
    policy = load_policy()
    moderator = Moderator(policy)
    french = policy.thresholds_for("fr")["toxicity"].hold
    english = policy.thresholds["toxicity"].hold
    assert french is not None and english is not None and french < english
    between = round((french + english) / 2, 3)  # held in French, published in English
    rows = []
    for ext, language, toxicity in (
        ("fr1", "fr", between),
        ("ja1", "ja", 0.05),
        ("en1", "en", between),
    ):
        scores = {a: 0.01 for a in ATTRIBUTES}
        scores["toxicity"] = toxicity
        analysis = Analysis(None, scores, language=language, model="test@1")
        decision = moderator.decide(analysis, f"text {ext}").decision
        rows.append(NewComment(f"text {ext}", analysis, decision, external_id=ext))
    assert [r.decision.action.value for r in rows] == ["hold", "hold", "approve"]
    service.store.record_many(
        site="news", source="native", article=ArticleRef("a1", "Title"), comments=rows
    )
    response = service.client.post(
        "/api/v1/sites/news/policy:dryrun",
        content='[watchlist]\nflag = ["zzzz"]\n',  # the default policy, nothing that applies
        headers=service.auth(service.admin),
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["compared"] == 3
    assert result["changes"] == [] and result["changed"] == 0
    assert result["candidate"] == {"approve": 1, "hold": 2, "reject": 0}


def test_dry_run_replays_each_comment_with_what_it_answered(service: Service) -> None:
    """A reply held for a call for expulsion whose group only its parent (or, on the
    article, the title) names is held again on replay: the parent's text and the title
    are read back from the store."""
    moderator = Moderator(load_policy())
    calm = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.01), model="test@1")
    parent = "The council has housed forty refugees in the old hotel."
    reply = "Send them all back."
    rows = [
        NewComment(parent, calm, moderator.decide(calm, parent).decision, external_id="p"),
        NewComment(
            reply,
            calm,
            moderator.decide(calm, reply, context=parent).decision,
            external_id="r",
            parent_id="p",
        ),
        NewComment(
            reply,
            calm,
            moderator.decide(calm, reply, context="Asylum seekers at the hotel").decision,
            external_id="t",
        ),
    ]
    assert [r.decision.action.value for r in rows] == ["approve", "hold", "hold"]
    service.store.record_many(
        site="news",
        source="native",
        article=ArticleRef("a2", "Asylum seekers at the hotel"),
        comments=rows,
    )
    result = service.client.post(
        "/api/v1/sites/news/policy:dryrun",
        content='[watchlist]\nflag = ["zzzz"]\n',
        headers=service.auth(service.admin),
    ).json()
    assert result["compared"] == 3
    assert result["changes"] == [] and result["candidate"]["hold"] == 2


def test_dry_run_replays_a_reply_with_its_articles_title_beside_the_parent(
    service: Service,
) -> None:
    """A coded-hate entry whose topic stands only in the article's title, under a parent
    that does not name it, held the reply on upload; the replay read the parent alone and
    counted it as a change to approve (session 53)."""
    moderator = Moderator(load_policy())
    calm = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.01), model="test@1")
    title = "Mullingar hotel defends hosting Traveller wedding"
    parent = "The guests seemed to have a great time."
    reply = "Three hundred knackers in one place, what did they expect."
    held = moderator.decide(calm, reply, context=parent, title=title).decision
    assert held.action.value == "hold"
    assert moderator.decide(calm, reply, context=parent).decision.action.value == "approve"
    rows = [
        NewComment(parent, calm, moderator.decide(calm, parent).decision, external_id="p"),
        NewComment(reply, calm, held, external_id="r", parent_id="p"),
    ]
    service.store.record_many(
        site="news", source="native", article=ArticleRef("a3", title), comments=rows
    )
    [_, replayed] = service.store.history("news", 10)[::-1]
    assert (replayed.context, replayed.title) == (parent, title)
    result = service.client.post(
        "/api/v1/sites/news/policy:dryrun",
        content='[watchlist]\nflag = ["zzzz"]\n',
        headers=service.auth(service.admin),
    ).json()
    assert result["compared"] == 2
    assert result["changes"] == [] and result["candidate"]["hold"] == 1


def test_a_sites_watchlist_that_drops_the_servers_words_is_warned_of(
    make_service: Any, tmp_path: Path
) -> None:
    # Desks 77 and 78: one word of the site's own under [watchlist] hold dropped the five the
    # server's --policy file held, and the answer said nothing.
    server = tmp_path / "server.toml"
    server.write_text(
        policy_text(load_policy()) + '\n[watchlist]\nhold = ["knacker*", "dinghy divers"]\n'
    )
    service = make_service(policy_path=server)
    put = put_policy(service, '[watchlist]\nhold = ["dinghy divers"]\n')
    assert put.status_code == 200, put.text
    assert put.json()["warnings"] == [
        "[watchlist] hold: the site's list replaces the server's, leaving out 'knacker*' "
        "(name them too to keep them)"
    ]
    assert put.json()["effective"]["watchlist"]["hold"] == ["dinghy divers"]
    assert get_policy(service)["warnings"] == put.json()["warnings"]
    kept = put_policy(service, '[watchlist]\nhold = ["dinghy divers", "knacker*", "x y"]\n')
    assert kept.status_code == 200 and kept.json()["warnings"] == []


def test_a_dry_run_carries_the_warnings_its_put_would_give(
    make_service: Any, tmp_path: Path
) -> None:
    # An operator saw that a change dropped the server's watched words only after saving
    # it: the dry run, meant to show what a change would do, said nothing of them.
    server = tmp_path / "server.toml"
    server.write_text(
        policy_text(load_policy()) + '\n[watchlist]\nhold = ["knacker*", "dinghy divers"]\n'
    )
    service = make_service(policy_path=server)
    candidate = '[watchlist]\nhold = ["dinghy divers"]\n'

    def dry_run(text: str, content_type: str = "application/toml") -> Any:
        response = service.client.post(
            "/api/v1/sites/news/policy:dryrun",
            content=text,
            headers={**service.auth(service.admin), "Content-Type": content_type},
        )
        assert response.status_code == 200, response.text
        return response.json()

    tried = dry_run(candidate)
    assert tried["warnings"] == [
        "[watchlist] hold: the site's list replaces the server's, leaving out 'knacker*' "
        "(name them too to keep them)"
    ]
    assert get_policy(service)["version"] == 0  # tried, not saved
    assert put_policy(service, candidate).json()["warnings"] == tried["warnings"]
    as_json = dry_run('{"watchlist": {"hold": ["Dinghy Divers", "KNACKER*"]}}', "application/json")
    assert as_json["warnings"] == []


def policy_audit(service: Service) -> list[dict[str, Any]]:
    response = service.client.get(
        "/api/v1/audit", params={"action": "policy"}, headers=service.auth(service.admin)
    )
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_putting_the_sites_current_policy_again_stores_no_new_version(service: Service) -> None:
    # A news desk's PUT of the very policy in force made version 2 of version 1 (1 -> 2 for
    # nothing), filling the version history with copies of one document.
    same = '[watchlist]\nhold = ["x"]\n'
    first = put_policy(service, same)
    assert first.status_code == 200 and first.json()["version"] == 1
    again = put_policy(service, same)
    assert again.status_code == 200, again.text
    assert again.json()["version"] == 1
    assert first.json()["unchanged"] is False and again.json()["unchanged"] is True
    assert again.json()["updated_at"] == first.json()["updated_at"]
    assert get_policy(service)["version"] == 1
    assert len(policy_audit(service)) == 1  # no entry claiming a change
    assert [v.version for v in service.store.policy_history("news")] == [1]
    # any other document is a change: another text, or the same settings as JSON
    assert put_policy(service, '[watchlist]\nhold = ["y"]\n').json()["version"] == 2
    as_json = put_policy(service, '{"watchlist": {"hold": ["y"]}}', "application/json")
    assert as_json.json()["version"] == 3 and as_json.json()["unchanged"] is False
    # version 1's text again, while version 3 is current, is a change too
    assert put_policy(service, same).json()["version"] == 4
    assert len(policy_audit(service)) == 4


def test_a_restore_still_stores_a_version_when_it_brings_back_the_current_text(
    service: Service,
) -> None:
    # A restore is asked for by its number and audited as one (policy.restore): it stores
    # the next version even where that version's text is the one in force.
    same = '[watchlist]\nhold = ["x"]\n'
    put_policy(service, same)
    restored = service.store.restore_site_policy("news", 1, ADMIN)
    assert restored.policy_version == 2 and not restored.unchanged
    [latest, _] = policy_audit(service)
    assert latest["action"] == "policy.restore" and latest["after"]["restored_from"] == 1
    # and a PUT of that text over the restore changes nothing
    again = put_policy(service, same)
    assert again.json()["version"] == 2 and again.json()["unchanged"] is True


def test_an_emoji_watchlist_entry_is_taken_over_http_and_holds_what_writes_it(
    service: Service,
) -> None:
    # A news desk's hold = ["🐒🍌"] (monkey and banana under a story about a Black
    # headteacher) was refused: "has no letter or digit to match".
    put = put_policy(service, '[watchlist]\nhold = ["🐒🍌"]\n')
    assert put.status_code == 200, put.text
    assert get_policy(service)["effective"]["watchlist"] == {"hold": ["🐒🍌"]}
    texts = {
        "a": "Congratulations to the new headteacher 🐒 🍌",
        "b": "🍌🐒 at the zoo",
        "c": "Loved the 🐒 enclosure",
        "d": "Congratulations to the new headteacher!",
    }
    body = json.dumps(
        {
            "thread": {"id": "h1", "title": "Headteacher appointed"},
            "comments": [{"id": i, "author": f"r{i}", "text": t} for i, t in texts.items()],
        }
    )
    comments = service.post_thread(body, "application/json", site="news").json()["comments"]
    by_id = {c["id"]: c for c in comments}
    held = by_id["a"]
    assert held["decision"]["action"] == "hold"
    assert 'watched "🐒🍌" (hold)' in held["decision"]["reasons"]
    [match] = held["watchlist"]
    assert texts["a"][match["begin"] : match["end"]] == "🐒 🍌"
    for other in "bcd":
        assert not by_id[other].get("watchlist")
        assert not any("watched" in r for r in by_id[other]["decision"]["reasons"])
    refused = put_policy(service, '[watchlist]\nhold = ["!!"]\n')
    assert refused.status_code == 400
    assert "watchlist.hold: '!!': has no letter or digit" in refused.json()["error"]["message"]
    assert get_policy(service)["effective"]["watchlist"] == {"hold": ["🐒🍌"]}

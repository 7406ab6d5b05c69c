"""A site's name is refused where a site can be made when no address could name it or no
list could show it: a "/", control or invisible characters, spaces around it.

Before, ``POST /api/v1/threads?site=a/b`` stored its comments under a site "a/b" whose
policy no ``/api/v1/sites/{site}/...`` route could then read, set or delete (the path
splits at the "/": 404 "no such endpoint"), ``?site=a%0Ab`` one whose name broke
``threadguard sites list``'s table over two lines, ``?site=x%1B[31m`` one that put a
terminal escape in it, and ``?site=%20`` a blank one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any
from urllib.parse import quote

import pytest
from dashboard_support import seed_thread
from service_support import Service

from threadguard.storage.records import Actor

CORAL_SECRET = "site-names-coral-secret"

THREAD = "Ferry timetable\n\nThe new timetable starts Monday.\n\n  • ann\n\n    Works for me.\n"


@pytest.fixture
def service_options() -> dict[str, Any]:
    return {"coral_secret": CORAL_SECRET}


@pytest.mark.parametrize(
    ("site", "said"),
    [
        ("a/b", "'a/b' contains '/'"),
        ("a\nb", "control or invisible character U+000A at offset 1"),
        ("x\x1b[31m", "U+001B at offset 1"),
        ("\u202enews", "U+202E at offset 0"),
        ("news\u200b", "U+200B at offset 4"),
        (" ", "site is blank"),
        (" news", "has spaces before or after it"),
    ],
)
def test_an_upload_for_a_site_no_address_could_name_is_refused(
    service: Service, site: str, said: str
) -> None:
    answer = service.post_thread(THREAD, site=site)
    assert answer.status_code == 400, answer.text
    message = answer.json()["error"]["message"]
    assert message.startswith("site ") and said in message
    assert service.store.site_names() == []


def test_a_policy_for_such_a_site_is_refused_and_a_plain_name_still_works(
    service: Service,
) -> None:
    headers = {**service.auth(service.admin), "Content-Type": "application/toml"}
    policy = "[thresholds.toxicity]\nhold = 0.5\n"
    answer = service.client.put("/api/v1/sites/a%0Ab/policy", content=policy, headers=headers)
    assert answer.status_code == 400, answer.text
    assert "U+000A" in answer.json()["error"]["message"]
    assert service.store.site_names() == []
    for site in ("news", "The Daily Ferry", "çà-et-là.fr", "東京"):
        assert service.post_thread(THREAD, site=site).status_code == 200
    assert sorted(service.store.site_names()) == sorted(
        ["news", "The Daily Ferry", "çà-et-là.fr", "東京"]
    )


def test_coral_gets_premod_for_a_site_id_no_address_could_name(service: Service) -> None:
    body = {
        "action": "NEW",
        "comment": {"body": "You are an idiot", "id": "k1"},
        "author": {"id": "u1"},
        "story": {"id": "s1"},
        "site": {"id": "tenant/site"},
    }
    raw = json.dumps(body).encode()
    signature = "sha256=" + hmac.new(CORAL_SECRET.encode(), raw, hashlib.sha256).hexdigest()
    answer = service.client.post(
        "/coral/moderation",
        content=raw,
        headers={"Content-Type": "application/json", "X-Coral-Signature": signature},
    )
    assert answer.status_code == 200, answer.text  # never a 4xx: Coral would publish
    assert answer.json() == {"status": "PREMOD"}
    assert "tenant/site" not in service.store.site_names()


def test_a_site_made_before_the_rule_can_still_be_read_and_deleted(service: Service) -> None:
    """Reads and deletes take any stored name: a site "a\\nb" made by an earlier version
    (a misspelt ``?site=``) is what ``DELETE /api/v1/sites/{site}`` is there to remove."""
    legacy = "a\nb"
    service.store.set_site_policy(legacy, "{}", "json", Actor("system", "admin"))
    headers = service.auth(service.admin)
    read = service.client.get("/api/v1/sites/a%0Ab/policy", headers=headers)
    assert read.status_code == 200 and read.json()["site"] == legacy
    queue = service.client.get("/api/v1/queue", params={"site": legacy}, headers=headers)
    assert queue.status_code == 200, queue.text
    gone = service.client.delete("/api/v1/sites/a%0Ab", headers=headers)
    assert gone.status_code == 200, gone.text
    assert legacy not in service.store.site_names()


def test_an_empty_site_parameter_is_none_given(service: Service) -> None:
    """``?site=`` (a template's unset variable) was a site named "": a site-bound key's
    upload was refused "this key is for site 'news', not ''", and a queue filtered on it
    listed the site "default" alone."""
    bound = service.store.create_key("client", site="news", name="news-backend")
    abusive = THREAD + "\n  • bob\n\n    You are a pathetic idiot.\n"
    answer = service.post_thread(abusive, key=bound, site="")
    assert answer.status_code == 200, answer.text
    assert service.store.site_names() == ["news"]
    queue = service.client.get(
        "/api/v1/queue", params={"site": "", "status": "all"}, headers=service.auth(service.admin)
    )
    assert queue.status_code == 200, queue.text
    assert {item["site"] for item in queue.json()["items"]} == {"news"}


@pytest.mark.parametrize("legacy", ["news ", "news\u200c", "a\nb"])
def test_a_site_made_before_the_rule_still_takes_its_policy_and_uploads(
    service: Service, legacy: str
) -> None:
    """The rule is for a site yet to be made. A site an earlier version made under a name
    now refused, holding comments (so DELETE answers 409), could no longer have its policy
    set nor take an upload naming it: it was stuck."""
    seed_thread(service.store, legacy)
    headers = {**service.auth(service.admin), "Content-Type": "application/toml"}
    path = f"/api/v1/sites/{quote(legacy, safe='')}/policy"
    policy = "[thresholds.toxicity]\nhold = 0.5\n"
    answer = service.client.put(path, content=policy, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["effective"]["thresholds"]["toxicity"]["hold"] == 0.5
    upload = service.post_thread(THREAD, site=legacy)
    assert upload.status_code == 200, upload.text
    assert sorted(service.store.site_names()) == [legacy]
    # a new site under such a name is still refused, and nothing is made
    fresh = legacy.replace("news", "other").replace("a", "c")
    assert service.post_thread(THREAD, site=fresh).status_code == 400
    put = service.client.put(
        f"/api/v1/sites/{quote(fresh, safe='')}/policy", content=policy, headers=headers
    )
    assert put.status_code == 400, put.text
    assert sorted(service.store.site_names()) == [legacy]


def test_a_joiner_inside_a_site_name_is_taken_and_at_its_ends_refused(service: Service) -> None:
    """Persian and Indic spelling need the zero-width non-joiner and joiner inside a word."""
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", with a ZWNJ
    hindi = "\u0915\u094d\u200d\u0937"  # a conjunct held apart by a ZWJ
    for site in (persian, hindi):
        answer = service.post_thread(THREAD, site=site)
        assert answer.status_code == 200, answer.text
    for site, at in (("\u200cnews", 0), ("news\u200d", 4)):
        answer = service.post_thread(THREAD, site=site)
        assert answer.status_code == 400, answer.text
        assert f"at offset {at}" in answer.json()["error"]["message"]
    assert sorted(service.store.site_names()) == sorted([persian, hindi])

"""Languages over HTTP: the native upload holds those the models do not cover with the reason
and stores that decision; Perspective keeps its LANGUAGE_NOT_SUPPORTED semantics for them,
scores a covered language with its own model (per attribute, as Perspective did), and the
OpenAI endpoint scores every covered language."""

from __future__ import annotations

import json

import pytest
from compat_fakes import KEY, FakeContext, SpyEngine, make_app
from fastapi.testclient import TestClient
from service_support import Service

from threadguard.engine import Engine
from threadguard.storage.records import QueueFilter

#: Abuse the English model would misread, each written for these tests.
ABUSE = {
    "el": "Είσαι ηλίθιος, θα σε σκοτώσω",
    "ru": "Ты тупой идиот, убирайся отсюда, тебя надо убить",
    "hi": "तुम बेवकूफ हो, मैं तुम्हें मार दूंगा",
    "sv": "Jag ska döda dig, din jävla idiot, du förtjänar att dö",
}
#: Abuse in languages the multilingual tier covers (written for these tests).
COVERED = {
    "de": "Du bist ein dreckiger Hurensohn, verpiss dich",
    "tr": "Seni gerizekalı şerefsiz, defol git buradan",
    "es": "Eres un gilipollas de mierda, lárgate",
}
ANALYZE = f"/v1alpha1/comments:analyze?key={KEY}"


def test_a_native_upload_holds_unsupported_languages_with_the_reason(service: Service) -> None:
    rows = [{"thread": {"title": "Ferry", "body": "Boats.", "url": "https://n.test/f"}}]
    rows += [{"id": "en", "author": "ann", "text": "Great news for commuters, thank you."}]
    rows += [{"id": code, "parent": "en", "text": text} for code, text in ABUSE.items()]
    body = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    response = service.post_thread(body, "application/x-ndjson", site="news")
    assert response.status_code == 200, response.text
    comments = {c["id"]: c for c in response.json()["comments"]}
    assert comments["en"]["decision"]["action"] == "approve"
    for code in ABUSE:
        c = comments[code]
        assert c["analysis"]["language"] == code
        assert c["decision"] == {"action": "hold", "reasons": [f"language {code} is not supported"]}
        assert c["status"] == "pending"
        stored = service.client.get(
            f"/api/v1/comments/{c['comment_id']}", headers=service.auth(service.client_key)
        ).json()
        assert stored["analysis"]["language"] == code
        assert stored["decision"] == c["decision"]


@pytest.fixture
def perspective(engine: Engine) -> TestClient:
    return TestClient(make_app(FakeContext(engine=SpyEngine(engine))))


@pytest.mark.parametrize("code", sorted(ABUSE))
def test_perspective_refuses_a_detected_unsupported_language(
    perspective: TestClient, code: str
) -> None:
    body = {"comment": {"text": ABUSE[code]}, "requestedAttributes": {"TOXICITY": {}}}
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 400, response.text
    [detail] = response.json()["error"]["details"]
    assert detail["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert detail["languageNotSupportedByAttributeError"] == {
        "detectedLanguages": [code],
        "attribute": "TOXICITY",
    }


def test_perspective_scores_what_the_request_names_as_english(perspective: TestClient) -> None:
    """Perspective checks the request's languages, not the detected one, when it names any."""
    body = {
        "comment": {"text": ABUSE["ru"]},
        "requestedAttributes": {"TOXICITY": {}},
        "languages": ["en"],
    }
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["languages"] == ["en"]
    assert response.json()["detectedLanguages"] == ["ru"]


@pytest.mark.parametrize("code", sorted(COVERED))
def test_perspective_scores_a_covered_language_with_its_own_model(
    perspective: TestClient, code: str
) -> None:
    body = {"comment": {"text": COVERED[code]}, "requestedAttributes": {"TOXICITY": {}}}
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 200, response.text
    out = response.json()
    assert out["detectedLanguages"] == [code] and out["languages"] == [code]
    assert out["attributeScores"]["TOXICITY"]["summaryScore"]["value"] >= 0.5


def test_perspective_refuses_an_attribute_a_language_has_no_evidence_for(
    perspective: TestClient,
) -> None:
    """Perspective answered LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE for an attribute it did not
    serve in a language; ThreadGuard does the same for attributes no row of the language
    labels (Turkish has no sexually explicit label)."""
    body = {
        "comment": {"text": COVERED["tr"]},
        "requestedAttributes": {"TOXICITY": {}, "SEXUALLY_EXPLICIT": {}},
    }
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 400, response.text
    [detail] = response.json()["error"]["details"]
    assert detail["languageNotSupportedByAttributeError"] == {
        "detectedLanguages": ["tr"],
        "attribute": "SEXUALLY_EXPLICIT",
    }


def test_perspective_scores_in_the_requested_language(perspective: TestClient) -> None:
    """A short comment the detector would call English is scored as German when the request
    says it is German (Perspective's ``languages``)."""
    body = {
        "comment": {"text": "Halt die Fresse"},
        "requestedAttributes": {"TOXICITY": {}, "IDENTITY_ATTACK": {}},
        "languages": ["de"],
    }
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["languages"] == ["de"]


def test_perspective_scores_as_requested_but_stores_the_sites_rule_for_the_language(
    service: Service,
) -> None:
    """Integrations send ``languages: ["en"]`` with every request: the scores are the
    English model's, as asked (Perspective honours it), but the stored decision is the
    site's rule for a language no model covers, not an English approval."""
    body = {
        "comment": {"text": ABUSE["ru"]},
        "languages": ["en"],
        "requestedAttributes": {"TOXICITY": {}},
    }
    answer = service.client.post(
        "/v1alpha1/comments:analyze", json=body, params={"key": service.client_key}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["detectedLanguages"] == ["ru"]
    [held] = service.store.queue(QueueFilter()).items
    assert held.reasons == ["language ru is not supported"]


def test_perspective_reads_a_comment_plainly_in_another_covered_language_in_its_own(
    service: Service,
) -> None:
    """An integration that sends ``["en"]`` with every request: Turkish abuse was scored by
    the English model (low) and, on the other endpoints, approved. The engine reads a text
    plainly written in another covered language in its own on every endpoint, so the
    answer's score is the Turkish model's and the stored decision is not an approval."""
    text = COVERED["tr"]
    asked = {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}}
    scores = []
    for languages in (["en"], ["tr"]):
        answer = service.client.post(
            ANALYZE.split("?")[0],
            json={**asked, "languages": languages},
            params={"key": service.client_key},
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["detectedLanguages"] == ["tr"]
        scores.append(answer.json()["attributeScores"]["TOXICITY"]["summaryScore"]["value"])
    assert scores[0] == scores[1] > 0.5
    stored = service.store.history("default", 5)
    assert [(s.status != "approved", s.language) for s in stored] == [(True, "tr")] * 2


def test_perspective_keeps_the_requested_reading_where_it_is_the_stricter(
    service: Service,
) -> None:
    """A civil English comment asked as English stays approved: reading it again in the
    detected language changes nothing where the detected language is the requested one."""
    body = {
        "comment": {"text": "Thanks for the careful reporting on the council budget."},
        "languages": ["en"],
        "requestedAttributes": {"TOXICITY": {}},
    }
    answer = service.client.post(
        ANALYZE.split("?")[0], json=body, params={"key": service.client_key}
    )
    assert answer.status_code == 200, answer.text
    [stored] = service.store.history("default", 5)
    assert (stored.status, stored.language) == ("approved", "en")


#: Emoticons and formulas whose letters were taken for a language (the compat tryout).
EMOTICONS = ["¯\\_(ツ)_/¯", "ಠ_ಠ", "ʕ•ᴥ•ʔ", "π ≈ 3.14159", "Ω"]


@pytest.mark.parametrize("text", EMOTICONS)
def test_perspective_scores_an_emoticon_as_english_not_refuses_it(
    perspective: TestClient, text: str
) -> None:
    """The shrug was 400 "Attribute TOXICITY does not support request languages: ja", and
    many integrations fail open on errors."""
    body = {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}}
    response = perspective.post(ANALYZE, json=body)
    assert response.status_code == 200, response.text
    assert response.json()["detectedLanguages"] == ["en"]


def test_openai_does_not_flag_emoticons(engine: Engine) -> None:
    """They were flagged with every category false (the site's rule for a language no
    model covers), where OpenAI flags nothing."""
    client = TestClient(make_app(FakeContext(engine=engine)))
    response = client.post(
        "/v1/moderations", json={"input": EMOTICONS}, headers={"Authorization": f"Bearer {KEY}"}
    )
    assert response.status_code == 200, response.text
    assert [r["flagged"] for r in response.json()["results"]] == [False] * len(EMOTICONS)

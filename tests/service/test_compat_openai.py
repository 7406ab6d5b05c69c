"""OpenAI compatibility: POST /v1/moderations, its shapes, and the official client."""

from __future__ import annotations

from typing import Any

import pytest
from compat_fakes import KEY, FakeContext, make_app, serve
from fastapi.testclient import TestClient

from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.moderation import Moderator, load_policy, on_top
from threadguard.schema import ATTRIBUTES
from threadguard.service.compat.openai_moderation import (
    CATEGORY_SOURCES,
    moderation_result,
)

AUTH = {"Authorization": f"Bearer {KEY}"}
CATEGORIES = {
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
}


@pytest.fixture
def context(engine: Engine) -> FakeContext:
    return FakeContext(engine=engine)


@pytest.fixture
def client(context: FakeContext) -> TestClient:
    return TestClient(make_app(context))


def moderate(client: TestClient, payload: Any) -> Any:
    return client.post("/v1/moderations", json=payload, headers=AUTH)


def test_single_string_gets_openais_shape(client: TestClient, context: FakeContext) -> None:
    resp = moderate(client, {"input": "have a lovely day", "model": "omni-moderation-latest"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["id"].startswith("modr-")
    assert body["model"].startswith("threadguard-")
    [result] = body["results"]
    assert set(result) == {
        "flagged",
        "categories",
        "category_scores",
        "category_applied_input_types",
    }
    assert set(result["categories"]) == CATEGORIES == set(result["category_scores"])
    assert result["flagged"] is False
    assert all(v == ["text"] for v in result["category_applied_input_types"].values())
    assert context.comments.records == []  # stateless


def test_list_inputs_one_result_each_in_order(client: TestClient) -> None:
    texts = ["have a lovely day", "you stupid idiot", "thanks for the article", "I will kill you"]
    results = moderate(client, {"input": texts}).json()["results"]
    assert [r["flagged"] for r in results] == [False, True, False, True]
    assert results[1]["categories"]["harassment"] is True
    assert results[3]["categories"]["violence"] is True


def test_multimodal_text_parts_are_one_input(client: TestClient) -> None:
    parts = [{"type": "text", "text": "you stupid"}, {"type": "text", "text": "idiot"}]
    assert len(moderate(client, {"input": parts}).json()["results"]) == 1
    image = [{"type": "image_url", "image_url": {"url": "https://example.invalid/x.png"}}]
    resp = moderate(client, {"input": image})
    assert resp.status_code == 400
    assert resp.json()["error"]["param"] == "input"


@pytest.mark.parametrize("payload", [{}, {"input": []}, {"input": 3}, {"input": [1, "a"]}])
def test_bad_input_gets_openais_error(client: TestClient, payload: Any) -> None:
    resp = moderate(client, payload)
    assert resp.status_code == 400
    error = resp.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == ("input[0]" if payload == {"input": [1, "a"]} else "input")


def test_missing_key_gets_openais_401(client: TestClient) -> None:
    resp = client.post("/v1/moderations", json={"input": "hi"})
    assert resp.status_code == 401
    assert resp.json()["error"]["code"] == "invalid_api_key"


def test_mapping_follows_the_policy_hold_thresholds(engine: Engine) -> None:
    flag_at = load_policy(None).flag_levels()
    below = {a: round(level * 0.6, 4) for a, level in flag_at.items()}
    scores = {
        "toxicity": 0.9,  # toxicity alone (swearing at nobody) is not an OpenAI category
        # under its own hold threshold and under the insult's score, so harassment is the insult
        "severe_toxicity": round(min(flag_at["severe_toxicity"] / 4, below["insult"] / 2), 4),
        # over its own hold threshold and over the threat's score, so that the min is the threat
        "identity_attack": round(max(flag_at["identity_attack"], below["threat"]) + 0.05, 4),
        "insult": below["insult"],
        "threat": below["threat"],
        "profanity": 0.99,
        "sexually_explicit": 0.0,
    }
    result = moderation_result(Analysis(id=None, scores=scores), flag_at)
    assert result["categories"]["hate"] is True  # identity_attack over its hold threshold
    # min(identity_attack, threat): the threat, under its hold threshold
    assert result["category_scores"]["hate/threatening"] == below["threat"]
    assert result["categories"]["hate/threatening"] is False
    assert result["categories"]["harassment"] is False  # insult and severe both under
    assert result["category_scores"]["harassment"] == below["insult"]
    for unmodelled in ("self-harm", "sexual/minors", "illicit", "violence/graphic"):
        assert CATEGORY_SOURCES[unmodelled] == ()
        assert result["category_scores"][unmodelled] == 0.0
    assert result["flagged"] is True


def test_the_official_openai_client_parses_the_answer(context: FakeContext) -> None:
    from openai import OpenAI

    with serve(make_app(context)) as url:
        client = OpenAI(api_key=KEY, base_url=url + "/v1", max_retries=0)
        response = client.moderations.create(input=["have a lovely day", "I will kill you"])
        single = client.moderations.create(input="thanks for the article")
        bad = OpenAI(api_key="wrong", base_url=url + "/v1", max_retries=0)
        from openai import AuthenticationError

        with pytest.raises(AuthenticationError):
            bad.moderations.create(input="hello")

    assert response.id.startswith("modr-")
    first, second = response.results
    assert first.flagged is False and second.flagged is True
    assert second.categories.violence is True
    assert second.categories.harassment_threatening is True
    assert 0.0 <= second.category_scores.violence <= 1.0
    assert second.category_applied_input_types.hate == ["text"]
    assert len(single.results) == 1 and single.results[0].flagged is False


def test_the_flag_thresholds_follow_the_comments_language() -> None:
    from threadguard.moderation import parse_policy

    policy = parse_policy(
        {
            "thresholds": {"identity_attack": {"hold": 0.5}},
            "languages": {"thresholds": {"de": {"identity_attack": {"hold": 0.8}}}},
        },
        "s",
    )
    assert policy.flag_levels()["identity_attack"] == 0.5
    assert policy.flag_levels("de")["identity_attack"] == 0.8


def test_every_covered_language_is_scored_by_its_model(engine: Engine) -> None:
    """The OpenAI endpoint scores any covered language with that language's model (and
    flags abuse in it), not with the English model. (Turkish insults are not flagged yet:
    OffensEval labels no insult, and toxicity alone is no OpenAI category; model card.)"""
    context = FakeContext(engine=engine)
    client = TestClient(make_app(context))
    texts = [
        "Du bist ein dreckiger Hurensohn, verpiss dich",
        "Eres un gilipollas de mierda, lárgate de aquí",
    ]
    results = moderate(client, {"input": texts}).json()["results"]
    assert all(r["flagged"] for r in results), results


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("Time for remigration, all of them.", {"hate"}),
        ("The AfD's remigration plan is racist.", set()),  # a rebuttal: named, not held
        (
            "We know where you live, Mr Editor.",
            {"harassment", "harassment/threatening", "violence"},
        ),
        ('The witness heard "I will kill you" through the wall.', set()),  # reported speech
        ("Kill all the Muslims.", {"violence", "hate", "hate/threatening"}),
        ("Migrants are vermin.", {"hate"}),
        ("The new timetable is great.", set()),
    ],
)
def test_a_code_or_a_threat_that_holds_flags_the_result_and_its_category(
    text: str, categories: set[str]
) -> None:
    """Calm scores, so only the moderator's coded-hate and threats phases can flag; and a
    flagged result names a category (clients read flagged as "some category is true":
    "I will find you and hurt you." came back flagged with every category false)."""
    policy = load_policy(None)
    calm = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01))
    outcome = Moderator(policy).decide(calm, text)
    result = moderation_result(calm, policy.flag_levels(), outcome)
    assert result["flagged"] is bool(categories)
    assert {c for c, on in result["categories"].items() if on} == categories


def test_a_language_no_model_covers_is_flagged_by_the_sites_rule(engine: Engine) -> None:
    """Its scores are an English model's guesses (a Russian insult scored 0.005), so the
    site's rule for unsupported languages decides: flagged under the default (hold),
    not flagged where a site approves such languages."""
    from threadguard.moderation import parse_policy

    russian = "Ты полный идиот и все тебя ненавидят, убирайся отсюда"
    client = TestClient(make_app(FakeContext(engine=engine)))
    [result] = moderate(client, {"input": russian}).json()["results"]
    assert result["flagged"] is True
    assert (
        moderate(client, {"input": "Thanks, a fair article."}).json()["results"][0]["flagged"]
        is False
    )
    lenient = parse_policy({"thresholds": {}, "languages": {"unsupported": "approve"}}, "s")
    client = TestClient(make_app(FakeContext(engine=engine, policy=lenient)))
    assert moderate(client, {"input": russian}).json()["results"][0]["flagged"] is False


def test_a_wrong_method_gets_openais_error_shape(client: TestClient) -> None:
    resp = client.get("/v1/moderations", headers=AUTH)
    assert resp.status_code == 405 and resp.headers["allow"] == "POST"
    error = resp.json()["error"]
    assert set(error) >= {"message", "type", "param", "code"}
    assert "use POST" in error["message"]


def test_a_long_input_is_read_whole_not_refused(client: TestClient) -> None:
    """OpenAI takes it; a 400 for 25,000 characters left a client to publish it unread."""
    text = "The council met on Tuesday to discuss the ferry timetable. " * 430
    text += "You are a pathetic idiot and everyone here hates you."
    assert len(text) > 25_000
    resp = moderate(client, {"input": text})
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"][0]["flagged"] is True


@pytest.mark.parametrize(
    ("text", "language", "categories"),
    [
        ("Pedały do gazu.", "pl", {"hate", "harassment"}),  # a slur
        ("Kop dicht, kankerlijer.", "nl", {"harassment"}),  # an insult at the reader
        ("Die Pedale am Fahrrad quietschen.", "de", set()),  # civil
    ],
)
def test_an_abusive_word_that_holds_flags_the_result_and_its_category(
    text: str, language: str, categories: set[str]
) -> None:
    """Session 34's multilingual tryout: "Pedały do gazu." came back flagged false (the
    multilingual tier scored it 0.23) though the moderator holds it for the slur."""
    policy = load_policy(None)
    calm = Analysis(id=None, scores=dict.fromkeys(ATTRIBUTES, 0.01), language=language)
    outcome = Moderator(policy).decide(calm, text)
    result = moderation_result(calm, policy.flag_levels(), outcome)
    assert result["flagged"] is bool(categories)
    assert {c for c, on in result["categories"].items() if on} == categories
    assert bool(outcome.details() and outcome.details().get("abusive_words")) is bool(categories)


@pytest.mark.parametrize(
    "model", ["omni-moderation-latest", "text-moderation-stable", "omni-moderation-2024-09-26"]
)
def test_any_moderation_model_is_answered(client: TestClient, model: str) -> None:
    resp = moderate(client, {"input": "Thanks, a fair article.", "model": model})
    assert resp.status_code == 200, resp.text


@pytest.mark.parametrize("model", ["gpt-bogus", "gpt-4o", ""])
def test_an_unknown_model_is_404_model_not_found(client: TestClient, model: str) -> None:
    """OpenAI answers 404 ``model_not_found`` for a model it does not have; a typo was
    taken silently (the compat tryout)."""
    resp = moderate(client, {"input": "Thanks, a fair article.", "model": model})
    assert resp.status_code == 404, resp.text
    error = resp.json()["error"]
    assert error["code"] == "model_not_found" and error["type"] == "invalid_request_error"
    assert error["param"] is None
    assert error["message"].startswith(f"The model `{model}` does not exist")


def test_the_openai_client_raises_not_found_for_an_unknown_model(context: FakeContext) -> None:
    from openai import NotFoundError, OpenAI

    with serve(make_app(context)) as base:
        sdk = OpenAI(api_key=KEY, base_url=f"{base}/v1", max_retries=0)
        with pytest.raises(NotFoundError):
            sdk.moderations.create(input="hello", model="gpt-bogus")


@pytest.mark.parametrize("path", ["/v1/moderation", "/v1/moderations/", "/v1/moderations/x"])
def test_a_moderations_like_path_is_answered_in_openais_shape(service: Any, path: str) -> None:
    """A typo of an OpenAI client ("/v1/moderation") was answered in Google's shape;
    Perspective's paths (/v1alpha1/) keep Google's."""
    auth = {"Authorization": f"Bearer {service.client_key}"}
    for method in ("POST", "GET", "DELETE"):
        resp = service.client.request(method, path, headers=auth, json={"input": "x"})
        assert resp.status_code == 404, resp.text
        assert resp.json() == {
            "error": {
                "message": f"Invalid URL ({method} {path})",
                "type": "invalid_request_error",
                "param": None,
                "code": None,
            }
        }
    google = service.client.post("/v1alpha1/comments:analyse", headers=auth, json={})
    assert google.status_code == 404 and google.json()["error"]["status"] == "NOT_FOUND"
    real = service.client.post("/v1/moderations", headers=auth, json={"input": "hello"})
    assert real.status_code == 200, real.text
    assert service.client.get("/v1/moderations", headers=auth).status_code == 405


def test_a_comment_the_site_rejects_on_toxicity_alone_is_flagged_as_harassment() -> None:
    """The other languages' models carry most abuse in toxicity, which builds no OpenAI
    category: "Ananı 🖕 sikeyim", rejected natively at toxicity 1.00, came back
    ``flagged: false`` with every score under 0.001 (a multilingual integrator's tryout).
    A rejection on scores is harassment, at its flag level at least; a comment the site
    only holds on toxicity is not flagged (toxicity is no OpenAI category)."""
    flag_at = load_policy(None).flag_levels("tr")
    scores = dict.fromkeys(ATTRIBUTES, 0.0004)
    rejected = Analysis(None, {**scores, "toxicity": 0.999}, language="tr")
    outcome = Moderator().decide(rejected, "Ananı sikeyim")
    assert outcome.action.value == "reject"
    result = moderation_result(rejected, flag_at, outcome, rejected_on_scores=True)
    assert result["flagged"] is True and result["categories"]["harassment"] is True
    assert result["category_scores"]["harassment"] >= 0.5
    held = Analysis(None, {**scores, "toxicity": 0.5}, language="tr")
    held_outcome = Moderator().decide(held, "Bir şey")
    assert held_outcome.action.value == "hold"
    assert moderation_result(held, flag_at, held_outcome)["flagged"] is False


@pytest.mark.parametrize(
    ("rules", "text"),
    [
        ('[watchlist]\nblock = ["timetable"]\n', "The new timetable is great."),
        ('[contact_details]\naction = "reject"\n', "Email me at jo.bloggs@example.com."),
    ],
)
def test_a_rejection_by_a_list_is_flagged_with_the_models_categories(
    engine: Engine, rules: str, text: str
) -> None:
    """docs/compatibility.md: a watched ``block`` word "sets flagged: true with every
    category left as the model scored it"; the rule that makes a rejection on scores
    harassment made it ``harassment: true`` at 0.8 (an integrator's tryout). Only a
    rejection the thresholds make is harassment."""
    policy = on_top(load_policy(None), rules, "toml", "news")
    client = TestClient(make_app(FakeContext(engine=engine, policy=policy)))
    [result] = moderate(client, {"input": text}).json()["results"]
    [plain] = (
        TestClient(make_app(FakeContext(engine=engine)))
        .post("/v1/moderations", json={"input": text}, headers=AUTH)
        .json()["results"]
    )
    assert result["flagged"] is True
    assert not any(result["categories"].values())
    assert result["categories"] == plain["categories"]
    assert result["category_scores"] == plain["category_scores"]
    assert result["category_scores"]["harassment"] < 0.5

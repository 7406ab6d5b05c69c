"""Perspective compatibility: comments:analyze / comments:suggestscore and the discovery
document, down to the field names, the error shape and the real Python client."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

import pytest
from compat_fakes import KEY, FakeContext, SpyEngine, make_app, serve
from fastapi.testclient import TestClient

from threadguard.engine import Engine
from threadguard.service.compat.perspective import sentences, utf16_offsets
from threadguard.service.settings import ServiceSettings

ANALYZE = f"/v1alpha1/comments:analyze?key={KEY}"
SUGGEST = f"/v1alpha1/comments:suggestscore?key={KEY}"
ALL = [
    "TOXICITY",
    "SEVERE_TOXICITY",
    "IDENTITY_ATTACK",
    "INSULT",
    "THREAT",
    "PROFANITY",
    "SEXUALLY_EXPLICIT",
]
CLEAN = "friendly greetings from python"
#: What the error for an unknown attribute lists (the model's version follows).
SUPPORTED_NAMES = (
    "Supported: TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK, INSULT, THREAT, PROFANITY, "
    "SEXUALLY_EXPLICIT (each also as NAME_EXPERIMENTAL, and as NAME@"
)
RUDE = "What kind of idiot name is foo? Sorry, I like your name."


@pytest.fixture
def context(engine: Engine) -> FakeContext:
    return FakeContext(engine=SpyEngine(engine))


@pytest.fixture
def client(context: FakeContext) -> TestClient:
    return TestClient(make_app(context))


def analyze(client: TestClient, text: str = CLEAN, **fields: Any) -> Any:
    body = {"comment": {"text": text}, "requestedAttributes": {"TOXICITY": {}}, **fields}
    return client.post(ANALYZE, json=body)


def assert_google_error(resp: Any, code: int, message: str, status: str) -> dict[str, Any]:
    assert resp.status_code == code, resp.text
    error = resp.json()["error"]
    assert error["code"] == code
    assert error["message"] == message
    assert error["status"] == status
    return error  # type: ignore[no-any-return]


def test_analyze_answers_perspectives_fields(client: TestClient, context: FakeContext) -> None:
    resp = analyze(client, clientToken="tok-1")
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"attributeScores", "languages", "detectedLanguages", "clientToken"}
    tox = body["attributeScores"]["TOXICITY"]
    assert tox["summaryScore"]["type"] == "PROBABILITY"
    assert 0.0 <= tox["summaryScore"]["value"] < 0.5
    # Without spanAnnotations Perspective still gives one span over the whole text.
    assert tox["spanScores"] == [
        {"begin": 0, "end": len(CLEAN), "score": tox["summaryScore"]},
    ]
    assert body["languages"] == ["en"]
    assert body["detectedLanguages"] == ["en"]
    assert body["clientToken"] == "tok-1"
    [stored] = context.comments.records
    assert stored["source"] == "perspective" and stored["text"] == CLEAN
    assert stored["site"] == "default"


def test_every_attribute_keyed_as_requested(client: TestClient) -> None:
    body = {
        "comment": {"text": "you are a stupid idiot"},
        "requestedAttributes": {name: {} for name in ALL},
    }
    scores = client.post(ANALYZE, json=body).json()["attributeScores"]
    assert list(scores) == ALL
    assert scores["INSULT"]["summaryScore"]["value"] > 0.7


def test_model_version_pinning(client: TestClient, engine: Engine) -> None:
    pinned = f"TOXICITY@{engine.model.version}"
    body = {"comment": {"text": CLEAN}, "requestedAttributes": {pinned: {}}}
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 200
    assert list(resp.json()["attributeScores"]) == [pinned]
    body["requestedAttributes"] = {"TOXICITY@7": {}}
    error = assert_google_error(
        client.post(ANALYZE, json=body),
        400,
        f"Unknown requested attribute: TOXICITY@7. {SUPPORTED_NAMES}{engine.model.version}).",
        "INVALID_ARGUMENT",
    )
    assert error["details"][0]["errorType"] == "INVALID_REQUEST"
    body["requestedAttributes"] = {"FLIRTATION": {}}
    assert_google_error(
        client.post(ANALYZE, json=body),
        400,
        f"Unknown requested attribute: FLIRTATION. {SUPPORTED_NAMES}{engine.model.version}).",
        "INVALID_ARGUMENT",
    )


def test_score_threshold_leaves_out_low_scores(client: TestClient) -> None:
    body = {
        "comment": {"text": "you are a stupid idiot"},
        "requestedAttributes": {
            "INSULT": {"scoreThreshold": 0.5},
            "THREAT": {"scoreThreshold": 0.9},
        },
    }
    assert list(client.post(ANALYZE, json=body).json()["attributeScores"]) == ["INSULT"]


def test_no_score_over_its_threshold_omits_attribute_scores(client: TestClient) -> None:
    """Google's proto3 JSON leaves an empty map out: Perspective answers no
    ``attributeScores`` key at all when every score is under its threshold (ThreadGuard
    answered ``"attributeScores": {}``)."""
    body = {
        "comment": {"text": "Thanks for the thoughtful article."},
        "requestedAttributes": {
            "TOXICITY": {"scoreThreshold": 0.99},
            "THREAT": {"scoreThreshold": 0.99},
        },
    }
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 200, resp.text
    answer = resp.json()
    assert "attributeScores" not in answer
    assert answer["languages"] == ["en"] and answer["detectedLanguages"] == ["en"]


def test_span_annotations_score_each_sentence(client: TestClient) -> None:
    resp = analyze(client, RUDE, spanAnnotations=True)
    spans = resp.json()["attributeScores"]["TOXICITY"]["spanScores"]
    assert [(s["begin"], s["end"]) for s in spans] == [(0, 31), (32, 56)]
    assert spans[0]["score"]["value"] > spans[1]["score"]["value"]


def test_span_offsets_are_utf16_units() -> None:
    text = "😀 you idiot. fine"
    units = utf16_offsets(text)
    assert units[1] == 2 and units[len(text)] == len(text) + 1
    assert sentences(text) == [(0, 12), (13, 17)]
    assert sentences("  one.\n\ntwo  ") == [(2, 6), (8, 11)]


def test_do_not_store_stores_and_logs_nothing(
    client: TestClient, context: FakeContext, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "a very private remark about my neighbour"
    with caplog.at_level(logging.DEBUG):
        assert analyze(client, secret, doNotStore=True).status_code == 200
        body = {
            "comment": {"text": secret},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}},
            "doNotStore": True,
        }
        assert client.post(SUGGEST, json=body).status_code == 200
    assert context.comments.records == []
    assert context.comments.remembered == []
    assert secret not in caplog.text


def test_proto_field_names_are_read_as_google_reads_them(
    client: TestClient, context: FakeContext
) -> None:
    """Google's JSON parser takes ``do_not_store`` as well as ``doNotStore``: ignored, the
    comment was stored; ``requested_attributes`` was "Missing requested_attributes"."""
    body = {
        "comment": {"text": RUDE},
        "requested_attributes": {"SEVERE_TOXICITY": {"score_threshold": 0.0}},
        "do_not_store": True,
        "span_annotations": True,
    }
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 200, resp.text
    scores = resp.json()["attributeScores"]
    assert list(scores) == ["SEVERE_TOXICITY"]
    assert len(scores["SEVERE_TOXICITY"]["spanScores"]) == 2  # one per sentence
    assert context.comments.records == []
    twice = dict(body, doNotStore=False)
    assert_google_error(
        client.post(ANALYZE, json=twice),
        400,
        "Invalid JSON payload received. Field 'doNotStore' is given twice, as 'do_not_store' "
        "and 'doNotStore'.",
        "INVALID_ARGUMENT",
    )


def test_a_score_threshold_written_as_a_string_is_read_as_a_number(client: TestClient) -> None:
    """proto3 JSON takes "0.1" for a float; a client that sends it got a 400."""
    body = {
        "comment": {"text": CLEAN},
        "requestedAttributes": {"TOXICITY": {"scoreThreshold": "0.99"}},
    }
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 200, resp.text
    assert "attributeScores" not in resp.json()  # a clean comment under 0.99: left out
    body["requestedAttributes"]["TOXICITY"]["scoreThreshold"] = "high"
    assert client.post(ANALYZE, json=body).status_code == 400
    body["requestedAttributes"]["TOXICITY"]["scoreThreshold"] = "NaN"
    assert client.post(ANALYZE, json=body).status_code == 400


def test_unsupported_requested_language(client: TestClient) -> None:
    error = assert_google_error(
        analyze(client, languages=["sv", "da"]),
        400,
        "Attribute TOXICITY does not support request languages: sv, da",
        "INVALID_ARGUMENT",
    )
    [detail] = error["details"]
    assert detail["errorType"] == "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE"
    assert detail["languageNotSupportedByAttributeError"] == {
        "requestedLanguages": ["sv", "da"],
        "attribute": "TOXICITY",
    }
    ok = analyze(client, languages=["en-US"]).json()
    assert ok["languages"] == ["en-US"] and ok["detectedLanguages"] == ["en"]
    assert analyze(client, languages=["sv", "en"]).status_code == 200


def test_unsupported_detected_language(client: TestClient) -> None:
    text = "Jag håller inte alls med dig och jag tycker att regeringen har helt fel i detta"
    error = assert_google_error(
        analyze(client, text),
        400,
        "Attribute TOXICITY does not support request languages: sv",
        "INVALID_ARGUMENT",
    )
    assert error["details"][0]["languageNotSupportedByAttributeError"]["detectedLanguages"] == [
        "sv"
    ]


@pytest.mark.parametrize(
    ("body", "message", "error_type"),
    [
        ({"requestedAttributes": {"TOXICITY": {}}}, "Comment must be non-empty.", "COMMENT_EMPTY"),
        (
            {"comment": {"text": "  "}, "requestedAttributes": {"TOXICITY": {}}},
            "Comment must be non-empty.",
            "COMMENT_EMPTY",
        ),
        (
            {"comment": {"text": "hi"}, "requestedAttributes": {}},
            "Missing requested_attributes",
            "NO_REQUESTED_ATTRIBUTES",
        ),
        (
            {
                "comment": {"text": "<b>hi</b>", "type": "HTML"},
                "requestedAttributes": {"INSULT": {}},
            },
            "Currently, only 'PLAIN_TEXT' comments are supported",
            "INVALID_REQUEST",
        ),
        (
            {"comment": {"text": "x" * 101}, "requestedAttributes": {"INSULT": {}}},
            # Google's own names the size and the limit ("Comment text was too many bytes.
            # Value (23368) exceeded limit (20480)."); ThreadGuard's limit is characters
            "Comment text too long. Value (101 characters) exceeded limit (100 characters).",
            "COMMENT_TOO_LONG",
        ),
        (
            {"comment": {"text": "hi"}, "requestedAttributes": {"INSULT": {"scoreType": "RAW"}}},
            "Requested score type RAW is not supported by attribute INSULT",
            "INVALID_REQUEST",
        ),
    ],
)
def test_bad_requests_get_perspectives_errors(
    engine: Engine, body: dict[str, Any], message: str, error_type: str
) -> None:
    context = FakeContext(engine=engine, settings=ServiceSettings(max_text_chars=100))
    error = assert_google_error(
        TestClient(make_app(context)).post(ANALYZE, json=body), 400, message, "INVALID_ARGUMENT"
    )
    assert error["details"][0]["errorType"] == error_type


def test_malformed_json_and_wrong_types(client: TestClient) -> None:
    resp = client.post(ANALYZE, content=b"{not json", headers={"content-type": "application/json"})
    assert resp.status_code == 400
    assert resp.json()["error"]["message"].startswith("Invalid JSON payload received.")
    resp = client.post(ANALYZE, json={"comment": "text", "requestedAttributes": {"INSULT": {}}})
    assert resp.json()["error"]["status"] == "INVALID_ARGUMENT"
    resp = client.post(ANALYZE, json=[1, 2])
    assert resp.status_code == 400


def test_auth_errors_in_google_shape(client: TestClient) -> None:
    body = {"comment": {"text": CLEAN}, "requestedAttributes": {"TOXICITY": {}}}
    resp = client.post("/v1alpha1/comments:analyze", json=body)
    assert_google_error(
        resp, 400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT"
    )
    resp = client.post("/v1alpha1/comments:analyze?key=wrong", json=body)
    assert resp.status_code == 400
    resp = client.post(
        "/v1alpha1/comments:analyze", json=body, headers={"Authorization": f"Bearer {KEY}"}
    )
    assert resp.status_code == 200


def test_context_is_used_as_parent(client: TestClient, context: FakeContext) -> None:
    context_field = {"entries": [{"text": "the parent comment"}, {"text": "older"}]}
    assert analyze(client, context=context_field).status_code == 200
    assert context.engine.seen[-1].parent == "the parent comment"
    both = {
        "entries": [{"text": "a"}],
        "articleAndParentComment": {"parentComment": {"text": "b"}},
    }
    assert analyze(client, context=both).status_code == 400
    article = {
        "articleAndParentComment": {"article": {"text": "Title"}, "parentComment": {"text": "P"}}
    }
    assert analyze(client, context=article).status_code == 200
    assert (context.engine.seen[-1].parent, context.engine.seen[-1].title) == ("P", "Title")


def test_suggestscore_acknowledges_and_records(client: TestClient, context: FakeContext) -> None:
    body = {
        "comment": {"text": "I guess it comes down to a simple choice."},
        "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0}}},
        "languages": ["en"],
        "communityId": "/forum/movies",
        "clientToken": "comment-53922",
    }
    resp = client.post(SUGGEST, json=body)
    assert resp.status_code == 200
    assert resp.json() == {
        "clientToken": "comment-53922",
        "detectedLanguages": ["en"],
        "requestedLanguages": ["en"],
    }
    [stored] = context.comments.records
    assert stored["source"] == "perspective:suggestscore"
    assert "suggested toxicity 0.00" in stored["decision"].reasons


@pytest.mark.parametrize(
    "scores",
    [
        {},
        {"TOXICITY": {}},
        {"TOXICITY": {"summaryScore": {"value": 3}}},
        {"TOXICITY": {"spanScores": [{"score": {"value": 0.1}}]}},
        {"NOPE": {"summaryScore": {"value": 0.1}}},
    ],
)
def test_suggestscore_rejects_malformed_scores(client: TestClient, scores: dict[str, Any]) -> None:
    resp = client.post(SUGGEST, json={"comment": {"text": "hello"}, "attributeScores": scores})
    assert resp.status_code == 400
    assert resp.json()["error"]["status"] == "INVALID_ARGUMENT"


def test_discovery_document_points_here(client: TestClient, engine: Engine) -> None:
    doc = client.get("/$discovery/rest?version=v1alpha1").json()
    assert (doc["name"], doc["version"]) == ("commentanalyzer", "v1alpha1")
    # No public URL configured: serve's default address, whatever Host the caller sent.
    assert doc["rootUrl"] == "http://127.0.0.1:8080/" and doc["servicePath"] == ""
    forged = {"Host": "evil.example"}
    assert client.get("/$discovery/rest", headers=forged).json()["rootUrl"] == doc["rootUrl"]
    method = doc["resources"]["comments"]["methods"]["analyze"]
    assert (method["path"], method["httpMethod"]) == ("v1alpha1/comments:analyze", "POST")
    assert method["request"]["$ref"] in doc["schemas"]
    assert "key" in doc["parameters"]
    assert client.get("/discovery/v1/apis/commentanalyzer/v1alpha1/rest").json() == doc
    assert client.get("/$discovery/rest?version=v9").status_code == 404
    public = FakeContext(engine=engine, settings=ServiceSettings(public_url="https://tg.example"))
    doc = TestClient(make_app(public)).get("/$discovery/rest?version=v1alpha1").json()
    assert doc["rootUrl"] == "https://tg.example/" and doc["baseUrl"] == "https://tg.example/"


def test_perspectives_python_quickstart_works_unchanged(context: FakeContext) -> None:
    """The quick-start from Perspective's documentation, with only the URL changed."""
    from googleapiclient import discovery
    from googleapiclient.errors import HttpError

    with serve(make_app(context)) as url:
        context.settings = replace(context.settings, public_url=url)
        client = discovery.build(
            "commentanalyzer",
            "v1alpha1",
            developerKey=KEY,
            discoveryServiceUrl=url + "/$discovery/rest?version=v1alpha1",
            static_discovery=False,
        )
        analyze_request = {
            "comment": {"text": "friendly greetings from python"},
            "requestedAttributes": {"TOXICITY": {}},
        }
        response = client.comments().analyze(body=analyze_request).execute()

        tox = response["attributeScores"]["TOXICITY"]
        assert tox["summaryScore"]["type"] == "PROBABILITY"
        assert 0.0 <= tox["summaryScore"]["value"] <= 1.0
        assert tox["spanScores"][0]["begin"] == 0 and tox["spanScores"][0]["end"] == 30
        assert response["languages"] == ["en"] and response["detectedLanguages"] == ["en"]

        suggestion = {
            "comment": {"text": "friendly greetings from python"},
            "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.0}}},
            "clientToken": "t1",
        }
        assert client.comments().suggestscore(body=suggestion).execute()["clientToken"] == "t1"

        with pytest.raises(HttpError) as caught:
            client.comments().analyze(body={**analyze_request, "languages": ["xx"]}).execute()
        assert caught.value.status_code == 400
        assert "does not support request languages: xx" in caught.value.reason


def test_suggestscore_scores_in_the_requested_language_as_analyze_does(
    client: TestClient, context: FakeContext
) -> None:
    """A suggestion is stored with the analysis analyze gives the same request: asked in
    the requested language (a text plainly in English is read as English whatever is
    asked), and refused in a language no suggested attribute covers."""
    text = "I guess it comes down to a simple choice."  # detected as English
    suggestion = {
        "comment": {"text": text},
        "attributeScores": {"TOXICITY": {"summaryScore": {"value": 0.1}}},
        "languages": ["de"],
    }
    assert client.post(SUGGEST, json=suggestion).status_code == 200
    # read once, as asked (the engine itself reads a text plainly in another language in
    # its own: scoring.mixed_language.written_in), as analyze reads it
    assert [item.language for item in context.engine.seen] == ["de"]
    [stored] = context.comments.records
    assert analyze(client, text, languages=["de"]).status_code == 200
    assert [item.language for item in context.engine.seen] == ["de", "de"]
    assert stored["analysis"].language == "en"
    assert context.comments.records[-1]["analysis"] == stored["analysis"]
    refused = client.post(SUGGEST, json={**suggestion, "languages": ["sv"]})
    assert_google_error(
        refused,
        400,
        "Attribute TOXICITY does not support request languages: sv",
        "INVALID_ARGUMENT",
    )
    assert len(context.comments.records) == 2  # the suggestion and the analyze


def test_a_gzip_body_is_read_within_the_limit_and_other_encodings_are_named(
    client: TestClient, context: FakeContext
) -> None:
    import gzip

    body = json.dumps({"comment": {"text": CLEAN}, "requestedAttributes": {"TOXICITY": {}}})
    zipped = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    resp = client.post(ANALYZE, content=gzip.compress(body.encode()), headers=zipped)
    assert resp.status_code == 200, resp.text
    assert "TOXICITY" in resp.json()["attributeScores"]
    # A small bomb inflates past the body limit: refused as a large body is.
    limit = context.settings.max_body_bytes
    bomb = gzip.compress(b" " * (limit + 10))
    assert len(bomb) < limit
    resp = client.post(ANALYZE, content=bomb, headers=zipped)
    assert resp.status_code == 400 and "once inflated" in resp.json()["error"]["message"]
    resp = client.post(ANALYZE, content=b"not gzip at all", headers=zipped)
    assert resp.status_code == 400 and "not valid gzip" in resp.json()["error"]["message"]
    other = {"Content-Type": "application/json", "Content-Encoding": "br"}
    resp = client.post(ANALYZE, content=body.encode(), headers=other)
    assert resp.status_code == 415 and "'br' is not accepted" in resp.json()["error"]["message"]


def test_a_gzip_body_of_several_members_is_read_whole(client: TestClient) -> None:
    # Only the first member was read: half a JSON body, answered as malformed JSON.
    import gzip

    body = json.dumps({"comment": {"text": CLEAN}, "requestedAttributes": {"TOXICITY": {}}})
    zipped = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    members = gzip.compress(body[:20].encode()) + gzip.compress(body[20:].encode())
    resp = client.post(ANALYZE, content=members, headers=zipped)
    assert resp.status_code == 200, resp.text
    assert "TOXICITY" in resp.json()["attributeScores"]


EXPERIMENTAL = [
    "TOXICITY_EXPERIMENTAL",
    "SEVERE_TOXICITY_EXPERIMENTAL",
    "IDENTITY_ATTACK_EXPERIMENTAL",
    "INSULT_EXPERIMENTAL",
    "PROFANITY_EXPERIMENTAL",
    "THREAT_EXPERIMENTAL",
    "SEXUALLY_EXPLICIT_EXPERIMENTAL",
]


def test_experimental_names_get_the_production_score_under_their_own_key(
    client: TestClient,
) -> None:
    """Older integrations request the ``*_EXPERIMENTAL`` names; one of them refused the
    whole request, production attributes and all (the compat tryout)."""
    asked = {"TOXICITY": {}, **{name: {} for name in EXPERIMENTAL}}
    body = {"comment": {"text": RUDE}, "requestedAttributes": asked}
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 200, resp.text
    scores = resp.json()["attributeScores"]
    assert list(scores) == ["TOXICITY", *EXPERIMENTAL]
    assert scores["TOXICITY_EXPERIMENTAL"] == scores["TOXICITY"]
    plain = {name.removesuffix("_EXPERIMENTAL"): {} for name in EXPERIMENTAL}
    production = client.post(ANALYZE, json={**body, "requestedAttributes": plain}).json()
    for name in EXPERIMENTAL:
        assert scores[name] == production["attributeScores"][name.removesuffix("_EXPERIMENTAL")]


@pytest.mark.parametrize(
    "name", ["FLIRTATION", "ATTACK_ON_AUTHOR", "SPAM", "FLIRTATION_EXPERIMENTAL"]
)
def test_an_unknown_attribute_is_refused_naming_the_supported_ones(
    client: TestClient, name: str
) -> None:
    body = {"comment": {"text": CLEAN}, "requestedAttributes": {"TOXICITY": {}, name: {}}}
    resp = client.post(ANALYZE, json=body)
    assert resp.status_code == 400, resp.text
    message = resp.json()["error"]["message"]
    assert message.startswith(f"Unknown requested attribute: {name}. Supported: TOXICITY, ")
    assert "THREAT_EXPERIMENTAL" not in message and "NAME_EXPERIMENTAL" in message


def test_an_oversized_body_is_refused_as_google_refuses_one(
    client: TestClient, context: FakeContext
) -> None:
    """Google's APIs answer 400 INVALID_ARGUMENT "Request payload size exceeds the limit: N
    bytes."; this route answered 413 with INVALID_ARGUMENT, which is neither."""
    limit = context.settings.max_body_bytes
    body = b'{"comment": {"text": "' + b"w" * (limit + 1) + b'"}}'
    resp = client.post(ANALYZE, content=body, headers={"Content-Type": "application/json"})
    assert_google_error(
        resp, 400, f"Request payload size exceeds the limit: {limit} bytes.", "INVALID_ARGUMENT"
    )
    assert "details" not in resp.json()["error"]


def test_a_summary_over_its_threshold_with_no_span_over_it_has_no_span_scores() -> None:
    """proto3 JSON leaves an empty repeated field out: Perspective sends no ``spanScores``
    where no span reaches the threshold (ThreadGuard sent ``"spanScores": []``)."""
    from threadguard.analysis import Analysis
    from threadguard.schema import ATTRIBUTES
    from threadguard.service.compat.perspective import Scored, analyze_response
    from threadguard.service.compat.perspective_request import CommentRequest, Requested

    text = "First part. Second part."
    whole = Analysis(None, {a: 0.0 for a in ATTRIBUTES} | {"toxicity": 0.8})
    spans = [
        (0, 11, {a: 0.0 for a in ATTRIBUTES} | {"toxicity": 0.6}),
        (12, 24, {a: 0.0 for a in ATTRIBUTES} | {"toxicity": 0.7}),
    ]
    req = CommentRequest(text, "", "", (), True, None)
    high = analyze_response(
        req, [Requested("TOXICITY", "toxicity", 0.75)], Scored(whole, spans), "en"
    )
    assert high["attributeScores"]["TOXICITY"] == {
        "summaryScore": {"value": 0.8, "type": "PROBABILITY"}
    }
    low = analyze_response(
        req, [Requested("TOXICITY", "toxicity", 0.65)], Scored(whole, spans), "en"
    )
    assert [s["begin"] for s in low["attributeScores"]["TOXICITY"]["spanScores"]] == [12]

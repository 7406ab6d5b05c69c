"""The OpenAI endpoint names the model that scored its answer: on a site with an active
adaptation, the engine's model string with ``+site-adaptation@N``, as the analyses of a
thread upload to that site carry it (docs/adaptation.md). It named the engine's alone,
though the scores it answered were the adapted ones."""

from __future__ import annotations

from typing import Any

import pytest
from compat_fakes import FakeContext
from fastapi import FastAPI
from fastapi.testclient import TestClient

from threadguard.adaptation import Adaptation, adapt
from threadguard.engine import CommentInput, Engine
from threadguard.service.compat import openai_moderation
from threadguard.service.protocols import Principal

ADAPTED = Adaptation("head", {"insult": 1.0}, -2.0, version=3)


def app_for(context: FakeContext, site: str | None) -> TestClient:
    """The OpenAI router behind a key bound to ``site``."""

    def auth() -> Principal:
        return Principal(key_id="k1", role="client", site=site, name="bound")

    def ctx() -> FakeContext:
        return context

    app = FastAPI()
    app.include_router(openai_moderation.build_router(auth, ctx))
    return TestClient(app)


def moderate(client: TestClient, text: Any) -> Any:
    answer = client.post("/v1/moderations", json={"input": text})
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.fixture
def context(engine: Engine) -> FakeContext:
    return FakeContext(engine=engine, adaptations={"news": ADAPTED})


def test_an_adapted_sites_answer_names_the_adaptation(context: FakeContext) -> None:
    text = "You are a complete idiot and a liar."
    body = moderate(app_for(context, "news"), text)
    engine = context.engine
    assert body["model"] == f"{engine.model_version}+site-adaptation@3"
    # the string a thread upload's analysis of the same text carries on that site
    [upload] = [adapt(a, ADAPTED) for a in engine.analyze([CommentInput(text)])]
    assert body["model"] == upload.model
    # and the scores answered are the adapted ones (the same text, the same key)
    assert body["results"][0]["category_scores"]["harassment"] == pytest.approx(
        upload.scores["insult"], abs=1e-6
    )


def test_other_sites_and_unbound_keys_name_the_engine_alone(context: FakeContext) -> None:
    version = context.engine.model_version
    assert moderate(app_for(context, "other"), "You are an idiot.")["model"] == version
    assert moderate(app_for(context, None), "You are an idiot.")["model"] == version
    # an answer no input of which was adapted (a language the adaptation is not fitted on)
    # names the engine alone too
    german = moderate(app_for(context, "news"), "Du bist ein Idiot und ein Lügner.")
    assert german["model"] == version

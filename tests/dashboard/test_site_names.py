"""The dashboard refuses a site name no address or list could show ("/", control or
invisible characters) where a save would make the site, as the API does: its policy page
saved a policy for a site "x/y" (303, "saved"), which ``/api/v1/sites/{site}/policy``
could then never name. A site made before that rule still opens."""

from __future__ import annotations

from dashboard_support import seed_thread
from pages_support import app, policy_form, signed_in
from service_support import Service

from threadguard.moderation import load_policy
from threadguard.storage.records import Actor

__all__ = ["app"]


def test_a_policy_for_a_site_named_with_a_slash_is_refused_and_nothing_saved(
    app: Service,
) -> None:
    draft = policy_form(load_policy(), site="x/y", version="0", size="100", hold_toxicity="0.5")
    with signed_in(app, "root", "admin") as root:
        saved = root.post("/policy", draft, follow_redirects=False)
        assert saved.status_code == 400, saved.text
        assert "No such site" in saved.text and "contains &#39;/&#39;" in saved.text
        app.store.set_site_policy("x\ny", "{}", "json", Actor("system", "admin"))
        page = root.get("/policy", params={"site": "x\ny"})  # made before the rule: opens
        assert page.status_code == 200, page.text
    assert "x/y" not in app.store.site_names()
    assert app.store.policy_history("x/y") == []


def test_a_site_made_before_the_rule_saves_its_policy_and_a_new_one_is_refused(
    app: Service,
) -> None:
    """The rule is for a site a save would make: a site an earlier version made as
    "news " (a trailing space), holding comments, was refused its saves ("No such site")
    and could not be deleted either (it holds comments)."""
    seed_thread(app.store, "news ")
    with signed_in(app, "root", "admin") as root:
        draft = policy_form(load_policy(), site="news ", version="0", size="100")
        saved = root.post("/policy", {**draft, "hold_toxicity": "0.5"}, follow_redirects=False)
        assert saved.status_code == 303, saved.text
        draft = policy_form(load_policy(), site="other ", version="0", size="100")
        refused = root.post("/policy", draft, follow_redirects=False)
        assert refused.status_code == 400, refused.text
        assert "spaces before or after it" in refused.text
    assert app.store.policy_version("news ") == 1
    assert app.store.site_names() == ["news "]

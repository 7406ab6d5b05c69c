"""``/policy`` over the app in-process: the form, the preview (the dry run), saving,
the history and restoring, for admins only, every change audited."""

from __future__ import annotations

import re
import tomllib
from typing import Any

from pages_support import app, argument, policy_form, signed_in, site_policy_spy
from service_support import Service

from threadguard.moderation import load_policy
from threadguard.storage.records import Actor

#: The default policy's toxicity hold as the form shows it.
TOXICITY_FIELD = (
    'id="hold_toxicity" name="hold_toxicity" '
    f'value="{re.escape(str(load_policy().thresholds["toxicity"].hold))}"'
)

__all__ = ["app"]


def form(**changes: str) -> dict[str, str]:
    """The policy form as the page fills it for the default policy, with ``changes``."""
    return policy_form(load_policy(), **{"site": "news", "version": "0", "size": "100", **changes})


def test_moderators_get_a_403_page_and_signed_out_visitors_the_sign_in(app: Service) -> None:
    with signed_in(app, "mia", "moderator") as mia:
        page = mia.get("/policy")
        assert page.status_code == 403 and "for admins" in page.text
        assert mia.post("/policy", form()).status_code == 403
        assert mia.post("/policy/preview", form(), htmx=True).status_code == 403
    assert app.client.get("/policy", follow_redirects=False).status_code == 303


def test_the_form_shows_the_effective_policy_with_labels(app: Service) -> None:
    argument(app.store)
    with signed_in(app, "root", "admin") as root:
        html = root.get("/policy").text
    assert "Policy of news" in html
    assert re.search(TOXICITY_FIELD, html)
    assert re.search(r'id="reject_profanity" name="reject_profanity" value=""', html)
    for attribute in ("toxicity", "threat"):
        for kind in ("hold", "reject"):
            assert f'<label for="{kind}_{attribute}"' in html
    assert '<label for="watch_block">' in html
    assert "No version has been saved for news yet." in html


def test_the_preview_shows_what_the_draft_would_change(app: Service) -> None:
    argument(app.store)
    with signed_in(app, "root", "admin") as root:
        # Lower the insult hold: bo's mild comment is untouched; stricter on insults.
        fragment = root.post(
            "/policy/preview", form(hold_toxicity="0.1", watch_block="clown"), htmx=True
        )
        assert fragment.status_code == 200
        html = fragment.text
        assert "<html" not in html  # a fragment for htmx
        # c2 (toxicity 0.2) is held now; c4 is rejected for its watched word as before.
        assert re.search(r"<strong>1 of the last 7 comments</strong>", html), html
        assert "approve → hold: <strong>1</strong>" in html
        assert "It is a bad plan, frankly." in html
        assert "toxicity 0.20" in html  # the draft's reason
        # Nothing was saved or audited.
        assert app.store.policy_history("news") == []
        assert app.store.audit_log(action="policy").total == 0
        # Without script: the whole page, the preview in it.
        page = root.post("/policy/preview", form(hold_toxicity="0.1"))
        assert page.status_code == 200 and "<html" in page.text and "1 of the last 7" in page.text


def test_the_preview_leaves_out_comments_a_moderator_decided(app: Service) -> None:
    """bo's comment, approved by a moderator, can never be held by a policy change: the
    preview counted it as "approve → hold" ("moderator kept" in ``db rescore``)."""
    ids = argument(app.store)
    bo = ids[1]
    result = app.store.moderate(bo, "approve", Actor("mia", "moderator"))
    assert result.comment_status == "approved"
    with signed_in(app, "root", "admin") as root:
        html = root.post("/policy/preview", form(hold_toxicity="0.1"), htmx=True).text
    assert re.search(r"<strong>0 of the last 7 comments</strong>", html), html
    assert "1 of them was decided by a moderator" in html
    assert "approve → hold" not in html and "It is a bad plan, frankly." not in html


def test_an_invalid_draft_shows_the_parsers_message_in_place(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        fragment = root.post("/policy/preview", form(hold_insult="0.99"), htmx=True)
        assert fragment.status_code == 200
        assert 'role="alert"' in fragment.text
        assert "thresholds.insult: hold 0.99 is above reject 0.95" in fragment.text
        saved = root.post("/policy", form(watch_hold="*"))
        assert saved.status_code == 400
        assert "watchlist.hold: &#39;*&#39;: matches every word" in saved.text
        assert 'value="*"' not in saved.text and ">*</textarea>" in saved.text  # draft kept
    assert app.store.policy_history("news") == []


def test_a_form_posted_without_the_coded_hate_fields_is_shown_with_the_sites_own(
    app: Service,
) -> None:
    """A page loaded before the fields existed (or a script) posts none: the page shown
    again must keep the site's setting, or the next save would write "hold" over it."""
    with signed_in(app, "root", "admin") as root:
        saved = root.post("/policy", form(coded_action="off", coded_ignore="feminazi*"))
        assert saved.status_code == 303
        old_page = {k: v for k, v in form(version="1").items() if not k.startswith("coded_")}
        shown = root.post("/policy", {**old_page, "hold_toxicity": "0,5"})
        assert shown.status_code == 400
        assert '<option value="off" selected>' in shown.text
        assert ">feminazi*</textarea>" in shown.text


def test_a_form_posted_without_the_threats_field_is_shown_with_the_sites_own(
    app: Service,
) -> None:
    with signed_in(app, "root", "admin") as root:
        saved = root.post("/policy", form(threat_action="flag"))
        assert saved.status_code == 303
        old_page = {k: v for k, v in form(version="1").items() if k != "threat_action"}
        shown = root.post("/policy", {**old_page, "hold_toxicity": "0,5"})
        assert shown.status_code == 400
        select = shown.text[shown.text.index('id="threat_action"') :]
        assert select.index('<option value="flag" selected>') < select.index("</select>")


def test_saving_stores_an_audited_version_that_takes_effect(app: Service) -> None:
    argument(app.store)
    with signed_in(app, "root", "admin") as root:
        saved = root.post("/policy", form(hold_toxicity="0.15", watch_flag="plan"))
        assert saved.status_code == 303
        assert saved.headers["location"] == "/policy?site=news&saved=1"
        page = root.get(saved.headers["location"]).text
        assert "Saved as version 1." in page
        assert re.search(r'name="hold_toxicity" value="0.15"', page)
    doc = app.store.site_doc("news")
    assert doc is not None and doc.policy_format == "toml" and doc.policy_text is not None
    stored = tomllib.loads(doc.policy_text)
    # only the values changed from the server's policy are the site's own
    assert stored == {"thresholds": {"toxicity": {"hold": 0.15}}, "watchlist": {"flag": ["plan"]}}
    entry = app.store.audit_log(action="policy").items[0]
    assert (entry.actor, entry.actor_role, entry.action) == ("root", "admin", "policy.update")
    # The API sees it, and the site's moderator decides by it.
    api = app.client.get("/api/v1/sites/news/policy", headers=app.auth(app.admin)).json()
    assert api["version"] == 1 and api["effective"]["thresholds"]["toxicity"]["hold"] == 0.15


def test_saving_the_stored_policy_again_makes_no_version(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        assert root.post("/policy", form(hold_toxicity="0.15")).status_code == 303
        again = root.post("/policy", form(hold_toxicity="0.15", version="1"))
        assert again.status_code == 303
        assert again.headers["location"] == "/policy?site=news&unchanged=1"
        page = root.get(again.headers["location"]).text
        assert "Nothing changed: the draft is the stored policy, still version 1." in page
    assert [v.version for v in app.store.policy_history("news")] == [1]
    assert app.store.audit_log(action="policy").total == 1


def test_a_save_over_another_admins_change_is_refused(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        assert root.post("/policy", form()).status_code == 303  # now version 1
        stale = root.post("/policy", form(hold_toxicity="0.2"))  # the form said version 0
        assert stale.status_code == 409
        assert "changed while you were editing it" in stale.text
        assert 'value="0.2"' in stale.text  # the draft is not lost
    assert [v.version for v in app.store.policy_history("news")] == [1]


def test_history_and_restore_are_audited(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        root.post("/policy", form(hold_toxicity="0.5"))
        root.post("/policy", form(hold_toxicity="0.6", version="1"))
        page = root.get("/policy?site=news").text
        assert 'aria-label="Restore version 1"' in page
        assert 'aria-label="Restore version 2"' not in page  # the current one
        done = root.post("/policy/restore", {"site": "news", "version": "1"})
        assert done.status_code == 303 and done.headers["location"].endswith("restored=3")
        page = root.get(done.headers["location"]).text
        assert "restored from version 1" in page
        assert re.search(r'name="hold_toxicity" value="0.5"', page)
        missing = root.post("/policy/restore", {"site": "news", "version": "9"})
        assert missing.status_code == 404 and "no policy version 9" in missing.text
        assert root.post("/policy/restore", {"site": "news", "version": "x"}).status_code == 400
        # what int() would read as another number: "1_0" is 10, "+1" and "٣" are numbers
        for odd in ("1_0", "+1", " 1", "٣", "9" * 30):
            refused = root.post("/policy/restore", {"site": "news", "version": odd})
            assert refused.status_code == 400 and "not a number" in refused.text, odd
    entry = app.store.audit_log(action="policy").items[0]
    assert entry.action == "policy.restore" and entry.after is not None
    assert entry.after["restored_from"] == 1 and entry.actor == "root"


def test_posts_without_the_pages_token_are_refused(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        forged: dict[str, Any] = {**form(), "csrf_token": "nope"}
        answer = root.client.post("/policy", data=forged)
        assert answer.status_code == 403
    assert app.store.policy_history("news") == []


def test_an_unknown_site_is_shown_the_base_policy_without_caching_it(app: Service) -> None:
    argument(app.store)
    asked = site_policy_spy(app)
    with signed_in(app, "root", "admin") as root:
        for n in range(3):
            page = root.get("/policy", params={"site": f"made-up-{n}"})
            assert page.status_code == 200 and f"Policy of made-up-{n}" in page.text
            assert re.search(TOXICITY_FIELD, page.text)
        preview = root.post("/policy/preview", form(site="made-up-9"), htmx=True)
        assert preview.status_code == 200
    assert set(asked) == {None}


def test_a_save_racing_another_is_refused_where_it_writes(app: Service) -> None:
    """Both admins opened version 0 and both pass the early check; the store compares the
    version again inside the write, so the second gets the 409 page, not a silent
    overwrite."""
    store = app.store
    real = store.policy_version
    calls: list[str] = []

    def stale_once(site: str) -> int:  # the early check ran before the other save
        calls.append(site)
        return 0 if len(calls) == 1 else real(site)

    with signed_in(app, "root", "admin") as root:
        store.set_site_policy("news", "[watchlist]\nblock = ['x']\n", "toml", store_actor())
        store.policy_version = stale_once  # type: ignore[method-assign]
        try:
            late = root.post("/policy", form(hold_toxicity="0.2"))
        finally:
            store.policy_version = real  # type: ignore[method-assign]
    assert late.status_code == 409 and "changed while you were editing it" in late.text
    assert "it is now version 1" in late.text and 'value="0.2"' in late.text
    assert [v.version for v in store.policy_history("news")] == [1]


def store_actor() -> Any:
    from threadguard.storage import Actor

    return Actor("other", "admin")


def test_per_language_thresholds_are_shown_and_kept_on_save(app: Service) -> None:
    """The form edits the thresholds every language shares; a language's own ones (which
    apply in their place) are shown read-only, and saving keeps the site's."""
    argument(app.store)
    own = "[languages.thresholds.de]\ntoxicity = { hold = 0.33 }\n"
    app.store.set_site_policy("news", own, "toml", store_actor())
    with signed_in(app, "root", "admin") as root:
        page = root.get("/policy").text
        assert "Per-language thresholds" in page and "[languages.thresholds.xx]" in page
        rows = re.findall(
            r"<th scope=\"row\">de</th><td>([^<]+)</td><td class=\"n\">([^<]+)<", page
        )
        # the site's German toxicity, and the base policy's other German thresholds kept
        assert ("Toxicity", "0.33") in rows and len(rows) > 1
        assert re.search(r"<th scope=\"row\">fr</th>", page)  # the base policy's
        assert root.post("/policy", form(hold_toxicity="0.6", version="1")).status_code == 303
    doc = app.store.site_doc("news")
    assert doc is not None and doc.policy_text is not None
    stored = tomllib.loads(doc.policy_text)
    assert stored["languages"]["thresholds"]["de"]["toxicity"]["hold"] == 0.33
    effective = app.app.state.service.site_policy("news").policy
    assert effective.thresholds_for("de")["toxicity"].hold == 0.33
    assert effective.thresholds_for("en")["toxicity"].hold == 0.6


def test_a_site_no_store_could_hold_gets_the_400_page_on_every_post(app: Service) -> None:
    with signed_in(app, "root", "admin") as root:
        for path in ("/policy", "/policy/preview", "/policy/restore"):
            page = root.post(path, form(site="s" * 201))
            assert page.status_code == 400 and "<title>No such site" in page.text
            assert "the limit is 200. Nothing was changed." in page.text
            assert "Sign out" in page.text  # still the signed-in user's page
    assert app.store.policy_history("s" * 201) == []


def test_a_save_after_the_session_ended_keeps_the_draft_through_the_sign_in(app: Service) -> None:
    """The save answered a plain sign-in page (next=/, no word of the draft): the draft
    was lost without notice. Now the sign-in form says it was not saved and carries it
    back to the policy form, unsaved."""
    import html as markup

    from dashboard_support import PASSWORD

    from threadguard.dashboard.signin import COOKIE

    with signed_in(app, "root", "admin") as root:
        app.store.end_session(root.client.cookies[COOKIE])
        page = root.post("/policy", form(hold_toxicity="0.33", watch_block="clown\nbuffoon"))
        assert page.status_code == 200
        assert "your policy draft was not saved" in page.text
        fields = dict(
            (name, markup.unescape(value))
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text
            )
        )
        assert fields["next"] == "/policy?site=news"
        assert fields["draft.hold_toxicity"] == "0.33"
        assert fields["draft.watch_block"] == "clown\nbuffoon"
        assert app.store.policy_history("news") == []
        again = root.client.post(
            "/login", data={**fields, "username": "root", "password": PASSWORD}
        )
        assert again.status_code == 200, again.text
        assert "this draft was not saved" in again.text
        assert 'name="hold_toxicity" value="0.33"' in again.text
        assert "clown\nbuffoon</textarea>" in again.text
        assert app.store.policy_history("news") == []  # shown, not saved
        # saving it from there works (the page's token is the new session's)
        saved = root.client.post(
            "/policy",
            data={**form(hold_toxicity="0.33"), "csrf_token": csrf_of_page(again.text)},
        )
        assert saved.status_code == 303 and len(app.store.policy_history("news")) == 1
        # the restore and the preview without script go back to the site's policy page
        root.client.cookies.clear()
        restore = root.post("/policy/restore", {"site": "news", "version": "1"})
        assert restore.headers["location"] == "/login?next=/policy%3Fsite%3Dnews&ended=1"


def test_a_draft_posted_from_elsewhere_is_not_carried_through_the_sign_in(app: Service) -> None:
    """A post to /policy without the session's cookie and token (any site's form: the
    cookie is SameSite=Strict) was carried through the sign-in, and the admin was shown
    the forger's thresholds and watched words as their own draft, one click from saved."""
    from fastapi.testclient import TestClient

    from threadguard.dashboard.signin import COOKIE

    forger = TestClient(app.app, raise_server_exceptions=False, follow_redirects=False)
    page = forger.post("/policy", data=form(hold_toxicity="0.99", watch_allow="idiot"))
    assert "draft.hold_toxicity" not in page.text
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
    with signed_in(app, "root", "admin") as root:
        token = root.client.cookies.get(COOKIE)
        app.store.end_session(token)
        wrong = root.client.post("/policy", data={**form(hold_toxicity="0.99"), "csrf_token": "x"})
        assert "draft.hold_toxicity" not in wrong.text  # the cookie, but not its token


def csrf_of_page(html: str) -> str:
    found = re.search(r'name="csrf-token" content="([^"]+)"', html)
    assert found is not None
    return found.group(1)


def test_a_draft_refused_on_save_is_said_once(app: Service) -> None:
    """A hold > reject error was shown twice: above the form, and again in the preview as
    "This draft cannot be used: ..."."""
    with signed_in(app, "root", "admin") as root:
        saved = root.post("/policy", form(hold_insult="0.99"))
        assert saved.status_code == 400
        assert saved.text.count("hold 0.99 is above reject 0.95") == 1
        assert "This draft cannot be used" not in saved.text
        fragment = root.post("/policy/preview", form(hold_insult="0.99"), htmx=True)
        assert "This draft cannot be used: " in fragment.text
        assert fragment.text.count("hold 0.99 is above reject 0.95") == 1


def test_the_form_marks_the_sites_own_values_and_the_inherited_ones(app: Service) -> None:
    argument(app.store)
    base_reject = load_policy().thresholds["toxicity"].reject
    with signed_in(app, "root", "admin") as root:
        page = root.get("/policy").text
        assert "site's own</span>" not in page and 'class="origin muted small">inherited' in page
        assert root.post("/policy", form(hold_toxicity="0.15", threat_action="flag")).status_code
        page = root.get("/policy?site=news").text
    hold = page[
        page.index('id="hold_toxicity"') : page.index("</td>", page.index('id="hold_toxicity"'))
    ]
    assert (
        "site's own" in hold
        and f"(server's: {load_policy().thresholds['toxicity'].hold:g})" in hold
    )
    reject = page[page.index('id="reject_toxicity"') :]
    reject = reject[: reject.index("</td>")]
    assert "inherited" in reject and "site's own" not in reject and base_reject is not None
    threats = page[page.index('<label for="threat_action">') : page.index('id="threat_action"')]
    assert "site's own" in threats and "(server's: hold)" in threats
    coded = page[page.index('<label for="coded_action">') : page.index('id="coded_action"')]
    assert "inherited" in coded


def test_the_policy_page_shows_the_sites_trusted_authors(app: Service) -> None:
    """The policy page showed thresholds and lists but not who the site trusts."""
    ids = argument(app.store)
    app.store.set_site_policy(
        "news",
        '[authors]\ntrusted = ["editor_jane"]\npremoderate_first = 2\n',
        "toml",
        store_actor(),
    )
    app.store.moderate(ids[0], "trust", store_actor())  # ann, the first comment's author
    with signed_in(app, "root", "admin") as root:
        page = root.get("/policy?site=news").text
    authors = page[page.index('id="authors-title"') : page.index('id="history-title"')]
    assert "Trusted by the policy" in authors and "editor_jane" in authors
    assert "Trusted by moderators" in authors and "ann" in authors
    assert "<dd>2</dd>" in authors


def test_a_save_whose_version_is_not_a_number_is_refused_naming_it(app: Service) -> None:
    """A hand-made form's ``version=abc`` was answered "The policy of news changed while you
    were editing it" (409), which it had not."""
    with signed_in(app, "root", "admin") as root:
        answer = root.post("/policy", form(version="abc", hold_toxicity="0.2"))
        assert answer.status_code == 400, answer.text
        assert "version must be the number of the version" in answer.text
        assert "changed while you were editing" not in answer.text
    assert app.store.policy_history("news") == []


def test_a_save_whose_version_has_digits_python_reads_alike_is_refused_naming_it(
    app: Service,
) -> None:
    """``str.isdigit`` takes "²" and Arabic-Indic digits ("٣"): a hand-made form's version
    written so was answered 409 "changed while you were editing" (never equal to the
    version written back), and carried through a sign-in "²" was a 500 (``int`` refuses it)."""
    import html as markup

    from dashboard_support import PASSWORD

    from threadguard.dashboard.signin import COOKIE

    with signed_in(app, "root", "admin") as root:
        for version in ("²", "\u0660", "0\u0663"):
            answer = root.post("/policy", form(version=version, hold_toxicity="0.2"))
            assert answer.status_code == 400, answer.text
            assert "version must be the number of the version" in answer.text
            assert "changed while you were editing" not in answer.text
        app.store.end_session(root.client.cookies[COOKIE])
        page = root.post("/policy", form(version="²", hold_toxicity="0.33"))
        fields = dict(
            (name, markup.unescape(value))
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page.text
            )
        )
        assert fields["draft.version"] == "²"
        again = root.client.post(
            "/login", data={**fields, "username": "root", "password": PASSWORD}
        )
        assert again.status_code == 200, again.text
        assert "this draft was not saved" in again.text
        assert 'name="hold_toxicity" value="0.33"' in again.text
    assert app.store.policy_history("news") == []

"""The API's policy dry run and the dashboard's preview answer the same question: what
would the draft change, compared with the site's policy now, on the same comments.

A site admin's tryout: sending the site's current policy text to ``policy:dryrun``
reported ``changed 38`` of 177 (its "current" was the decision stored at upload time, so
"changed" mixed past policy changes and lifted bans with the draft's effect), while the
dashboard's preview of the unchanged form said 0 of 177 would change.
"""

from __future__ import annotations

import json
from typing import Any

from service_support import Service

from threadguard.moderation import Moderator, on_top
from threadguard.service.moderation import compare_policies

SITE = "news"
STRICT = '[watchlist]\nhold = ["island"]\nblock = ["old*"]\n'
LENIENT = '[watchlist]\nflag = ["zzzz"]\n'
THREAD = json.dumps(
    {
        "thread": {"id": "ferry", "title": "Ferry timetable"},
        "comments": [
            {"id": "a", "author": "ann", "text": "The island ferry is late again this morning."},
            {"id": "b", "author": "bo", "text": "I miss the old timetable, it suited me better."},
            {"id": "c", "author": "cy", "text": "Thanks, this explains the new timetable well."},
            {"id": "d", "author": "dee", "text": "Good news for everyone on the island."},
        ],
    }
)


def put_policy(service: Service, text: str) -> None:
    response = service.client.put(
        f"/api/v1/sites/{SITE}/policy",
        content=text,
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert response.status_code == 200, response.text


def dry_run(service: Service, text: str, limit: int = 500) -> dict[str, Any]:
    response = service.client.post(
        f"/api/v1/sites/{SITE}/policy:dryrun",
        params={"limit": limit},
        content=text,
        headers={**service.auth(service.admin), "Content-Type": "application/toml"},
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_the_sites_own_policy_changes_nothing_whatever_was_decided_at_upload(
    service: Service,
) -> None:
    put_policy(service, STRICT)
    posted = service.post_thread(THREAD, "application/json", site=SITE).json()["comments"]
    assert [c["status"] for c in posted] == ["pending", "rejected", "approved", "pending"]
    put_policy(service, LENIENT)  # the policy now publishes all four

    same = dry_run(service, LENIENT)

    assert same["compared"] == 4
    assert same["changed"] == 0 and same["changes"] == []
    assert same["current"] == same["candidate"] == {"approve": 4, "hold": 0, "reject": 0}


def test_a_dry_run_shows_the_drafts_effect_against_the_policy_now(service: Service) -> None:
    put_policy(service, LENIENT)
    posted = service.post_thread(THREAD, "application/json", site=SITE).json()["comments"]
    ids = {c["id"]: c["comment_id"] for c in posted}

    stricter = dry_run(service, STRICT)

    assert stricter["current"] == {"approve": 4, "hold": 0, "reject": 0}
    assert stricter["candidate"] == {"approve": 1, "hold": 2, "reject": 1}
    assert stricter["changed"] == 3
    changes = {c["comment_id"]: (c["from"], c["to"]) for c in stricter["changes"]}
    assert changes == {
        ids["a"]: ("approve", "hold"),
        ids["b"]: ("approve", "reject"),
        ids["d"]: ("approve", "hold"),
    }
    assert all(c["reasons"] for c in stricter["changes"])


def test_the_dry_run_and_the_dashboards_preview_agree(service: Service) -> None:
    """One function answers both (``compare_policies``): same counts, same changes."""
    put_policy(service, STRICT)
    service.post_thread(THREAD, "application/json", site=SITE)
    put_policy(service, '[watchlist]\nhold = ["timetable"]\n')
    state = service.app.state.service
    draft = '[watchlist]\nblock = ["island"]\n'
    for text in (draft, LENIENT, STRICT):
        api = dry_run(service, text, limit=3)
        current = state.site_policy(SITE).moderator
        candidate = Moderator(on_top(state.base_policy, text, "toml", SITE))
        preview = compare_policies(state, SITE, current, candidate, 3)
        assert api["compared"] == preview.compared == 3
        assert (api["current"], api["candidate"]) == (preview.current, preview.candidate)
        assert [(c["comment_id"], c["from"], c["to"]) for c in api["changes"]] == [
            (c.comment_id, c.before, c.after) for c in preview.changes
        ]


def test_comments_a_moderator_decided_are_counted_apart_not_as_changes(service: Service) -> None:
    """A desk's dry run listed a comment a moderator had approved as a change "from
    approve to hold", though no policy moves a verdict (``db rescore`` keeps it: "moderator
    kept"); the preview and the dry run count such comments apart."""
    put_policy(service, LENIENT)
    posted = service.post_thread(THREAD, "application/json", site=SITE).json()["comments"]
    ids = {c["id"]: c["comment_id"] for c in posted}
    assert service.act(ids["a"], "approve", key=service.moderator).status_code == 200

    stricter = dry_run(service, STRICT)

    assert (stricter["compared"], stricter["moderator_kept"]) == (4, 1)
    assert stricter["changed"] == 2
    assert {c["comment_id"] for c in stricter["changes"]} == {ids["b"], ids["d"]}
    # the counts are the policy's decisions on the three no moderator decided
    assert stricter["current"] == {"approve": 3, "hold": 0, "reject": 0}
    assert stricter["candidate"] == {"approve": 1, "hold": 1, "reject": 1}
    state = service.app.state.service
    candidate = Moderator(on_top(state.base_policy, STRICT, "toml", SITE))
    preview = compare_policies(state, SITE, state.site_policy(SITE).moderator, candidate, 500)
    assert preview.moderator_kept == 1 and len(preview.changes) == 2

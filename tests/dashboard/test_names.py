"""Look-alike author names: "editor_jane", "еditor_jane" (a Cyrillic е),
"editor\\u200b_jane" (a zero-width space) and "ｅｄｉｔｏｒ_ｊａｎｅ" (full-width letters)
rendered as one name in the queue and in the Stats chart; the chart's SVG also carried
raw bidi controls ("\\u202egnp.exe")."""

from __future__ import annotations

import re
from html import unescape

import pytest
from dashboard_support import Dashboard, held

from threadguard.dashboard.names import name_warning, plain_name, shown_name
from threadguard.storage.records import Actor, ArticleRef, ConflictError

PLAIN = "editor_jane"
CYRILLIC = "\u0435ditor_jane"
ZERO_WIDTH = "editor\u200b_jane"
FULL_WIDTH = "\uff45\uff44\uff49\uff54\uff4f\uff52_\uff4a\uff41\uff4e\uff45"
REVERSED = "\u202egnp.exe"
NAMES = (PLAIN, CYRILLIC, ZERO_WIDTH, FULL_WIDTH, REVERSED)


def test_every_look_alike_is_told_apart() -> None:
    assert shown_name(ZERO_WIDTH) == "editor[U+200B]_jane"
    assert shown_name("ann\u2060") == "ann[U+2060]"  # word joiner: a format character
    assert shown_name("ann\u00a0lee") == "ann[U+00A0]lee"
    assert shown_name("ann\u3164") == "ann[U+3164]"  # Hangul filler: a letter that is blank
    assert shown_name(REVERSED) == "[U+202E]gnp.exe"
    assert shown_name("Ömer Дмитрий") == "Ömer Дмитрий"
    mixed = name_warning(CYRILLIC)
    assert mixed is not None and mixed.label == "mixed scripts"
    assert "U+0435 CYRILLIC SMALL LETTER IE" in mixed.detail
    wide = name_warning(FULL_WIDTH)
    assert wide is not None and "U+FF45 FULLWIDTH LATIN SMALL LETTER E" in wide.detail
    assert name_warning("Дмитрий") is None and name_warning("Ömer") is None
    assert name_warning(PLAIN) is None
    assert len({plain_name(n) for n in NAMES}) == len(NAMES)


def seed(dashboard: Dashboard) -> None:
    dashboard.store.record_many(
        site="names",
        source="native",
        article=ArticleRef("names", "Names"),
        comments=[
            held(f"Comment number {i}, rude.", f"n{i}", name, toxicity=0.8, position=i)
            for i, name in enumerate(NAMES)
        ],
    )


def test_the_queue_marks_invisible_characters_and_mixed_scripts(dashboard: Dashboard) -> None:
    seed(dashboard)
    client, _ = dashboard.signed_in()
    page = client.get("/?status=all&site=names").text
    for shown in ("editor[U+200B]_jane", "[U+202E]gnp.exe", PLAIN):
        assert f'<bdi class="author">{shown}</bdi>' in page
    assert "\u200b" not in page and "\u202e" not in page
    badge = re.search(
        r'<bdi class="author">\u0435ditor_jane</bdi> <span class="badge badge-name" title="([^"]+)">mixed scripts</span>',
        page,
    )
    assert badge is not None and "U+0435 CYRILLIC SMALL LETTER IE" in badge.group(1)
    assert re.search(
        r'ｅｄｉｔｏｒ_ｊａｎｅ</bdi> <span class="badge badge-name" title="[^"]*FULLWIDTH', page
    )
    assert 'data-author="\u0435ditor_jane [mixed scripts]"' in page  # the ban dialog's title


def test_the_stats_chart_shows_names_as_the_queue_does(dashboard: Dashboard) -> None:
    seed(dashboard)
    client, _ = dashboard.signed_in()
    page = client.get("/stats", params={"site": "names"}).text
    svg = page[page.index("Most active offenders") :]
    svg = svg[: svg.index("</svg>")]
    assert "\u202e" not in page and "\u200b" not in page
    assert "[U+202E]gnp.exe" in svg and "editor[U+200B]_jane" in svg
    assert "\u0435ditor_jane [mixed scripts]" in svg
    assert "[look-alike letters]" in svg
    table = page[page.index("<tbody>", page.index("Most active offenders")) :]
    assert 'class="badge badge-name"' in table[: table.index("</tbody>")]


def test_a_refusal_names_an_author_as_every_page_does(dashboard: Dashboard) -> None:
    """ "author 'editor\\u200b_jane' is already banned": the store's refusals printed names
    with Python's escapes, beside cards that show "editor[U+200B]_jane" and mark a
    look-alike "[mixed scripts]"."""
    seed(dashboard)
    client, csrf = dashboard.signed_in()
    page = client.get("/?status=all&site=names").text
    ids = {
        author: cid
        for cid, author in re.findall(
            r'<article class="item[^"]*" id="item-(cm_[0-9a-f]+)" data-id="[^"]*"\s+'
            r'data-author="([^"]*)"',
            page,
        )
    }
    headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
    for shown, expected in (
        ("editor[U+200B]_jane", "author 'editor[U+200B]_jane' is already banned"),
        (
            "\u0435ditor_jane [mixed scripts]",
            "author '\u0435ditor_jane' [mixed scripts] is already",
        ),
    ):
        for _ in range(2):
            answer = client.post(
                "/actions/ban",
                data={"comment_id": ids[shown], "duration": "1d", "back": "/?site=names"},
                headers=headers,
            )
        said = unescape(answer.text)
        assert expected in said and "\\u" not in said and "\u200b" not in said
    with pytest.raises(ConflictError) as refused:
        dashboard.store.moderate(ids["editor[U+200B]_jane"], "ban", Actor("bob", "moderator"))
    assert refused.value.names == (ZERO_WIDTH,)


def test_an_upload_refused_for_its_author_names_both_as_pages_do(dashboard: Dashboard) -> None:
    seed(dashboard)
    with pytest.raises(ConflictError) as refused:
        dashboard.store.record_many(
            site="names",
            source="native",
            article=ArticleRef("names", "Names"),
            comments=[held("Comment number 2, rude.", "n2", REVERSED, toxicity=0.8)],
        )
    said = str(refused.value)
    assert "stored as written by 'editor[U+200B]_jane'" in said
    assert "change its author to '[U+202E]gnp.exe'" in said
    assert "\u202e" not in said and "\u200b" not in said
    assert refused.value.names == (ZERO_WIDTH, REVERSED)

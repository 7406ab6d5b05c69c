"""The report as a trust-and-safety lead reads it (the batch tryout on a 40,000-comment
archive): language holds apart from abuse, a long thread's tree saying what it leaves
out, a 15-year timeline that fits, one way of sorting and sizing, the words defined,
each example once, and the policy as a summary."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from batch_support import finish, scored_output

from threadguard.report import read_report, render_report
from threadguard.report.charts import WIDTH, Series, line_chart
from threadguard.report.data import _over_time
from threadguard.report.page import _charts

JAPANESE = "今日はとても良い天気ですね。散歩に行きました。"
INSULT = "You are a complete idiot and everyone here knows it."
CIVIL = "Thanks for the clear reporting on this."


def _rows() -> list[dict[str, str]]:
    """One 70-comment thread over 15 years (an insult repeated, three Japanese comments)
    and a small thread."""
    rows = []
    for i in range(70):
        text = JAPANESE if i in (5, 6, 7) else INSULT if i % 4 == 0 else CIVIL
        rows.append(
            {
                "id": f"b{i}",
                "thread_id": "big",
                "title": "Heated",
                "text": text,
                "author": f"user{i % 7}",
                "created_at": f"{2010 + i % 15}-0{1 + i % 9}-11T10:00:00Z",
            }
        )
    rows += [
        {"id": f"s{i}", "thread_id": "small", "title": "Quiet", "text": t}
        for i, t in enumerate([INSULT, CIVIL, CIVIL])
    ]
    return rows


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, engine, moderator) -> Path:
    root = tmp_path_factory.mktemp("readable")
    return finish(*scored_output(_rows(), root, engine, moderator, 1000), moderator)


def _page(folder: Path) -> str:
    return render_report(read_report(folder))


def test_language_holds_are_counted_apart_shown_plainly_and_with_their_reason(
    folder: Path,
) -> None:
    """1,123 comments held only for ``language ja/ru is not supported`` were in the held
    share, blurred as abusive and shown without a reason."""
    data = read_report(folder)
    assert data.totals.language_held == 3
    insults = sum(r.held for r in data.articles)
    assert data.totals.held == insults  # the language holds are not in it
    # the decisions chart counts them apart too (it said "hold" for them: the review)
    assert data.decisions["hold"] + data.decisions["reject"] == insults
    assert data.decisions["held: language not supported"] == 3
    page = _page(folder)
    assert "hostility" not in page.split(JAPANESE)[0].rsplit("<li>", 1)[-1]
    assert re.search(r"<b>3</b>held: language not supported", page)
    assert f'<span class="text-plain">{JAPANESE}</span>' in page
    assert f'<span class="text">{JAPANESE}</span>' not in page  # not blurred
    assert "why: language ja is not supported" in page


def test_a_heated_threads_summary_agrees_with_itself_and_says_what_the_tree_leaves_out(
    folder: Path,
) -> None:
    """'1,000 comments, 199 held or rejected. 180 of 1000 comments (18%)...', and a tree
    cut at 60 comments without a word."""
    [big, *_] = read_report(folder).heated
    assert (big.comments, big.shown, big.language_held) == (70, 60, 3)
    assert f"{big.held} of 70 comments" in big.explanation
    page = " ".join(_page(folder).split())
    assert f"70 comments, {big.held} held or rejected for what they say, and 3 held only" in page
    assert "Showing the first 60 of 70 comments." in page
    assert "why: insult" in page or "why: toxicity" in page


def test_a_long_timeline_is_grouped_by_quarter_or_year() -> None:
    """168 monthly bars made a chart 3,704 pixels tall."""

    def table(dates: list[str]) -> pa.Table:
        n = len(dates)
        return pa.table(
            {
                "created_at": dates,
                "id": [str(i) for i in range(n)],
                "hostile": [0] * n,
                "held": [1] * n,
                "rejected": [0] * n,
            }
        )

    months = [f"{y}-{m:02d}-01" for y in range(2011, 2025) for m in range(1, 13)]
    period, rows, _ = _over_time(table(months))
    assert period == "year" and [r.label for r in rows][:2] == ["2011", "2012"]
    assert len(rows) == 14 and all(r.comments == r.held == 12 for r in rows)
    period, rows, _ = _over_time(table(months[:48]))
    assert period == "quarter" and len(rows) == 16 and rows[0].label == "2011-Q1"
    assert rows[0].comments == 3
    period, rows, _ = _over_time(table(months[:36]))
    assert period == "month" and len(rows) == 36


def test_the_last_period_label_is_not_cut_off() -> None:
    periods = [f"2024-{m:02d}" for m in range(1, 13)]
    svg = str(line_chart(periods, [Series("s", "#000", [0.1] * 12)]))
    [last] = re.findall(r"<text x='([\d.]+)'[^>]*text-anchor='middle'>2024-12</text>", svg)
    assert float(last) + 6.5 * len("2024-12") / 2 <= WIDTH


def test_articles_are_sorted_and_sized_by_the_same_count(folder: Path) -> None:
    data = read_report(folder)
    svg = str(_charts(data)["articles"])
    widths = [float(w) for w in re.findall(r"<rect x='\d+' y='[\d.]+' width='([\d.]+)'", svg)]
    assert widths == sorted(widths, reverse=True) and len(widths) == 2
    assert "held or rejected (" in svg


def test_hostility_is_defined_and_each_example_is_shown_once(folder: Path) -> None:
    data = read_report(folder)
    for examples in data.examples.values():
        texts = [e.text for e in examples]
        assert len(texts) == len(set(texts))
    assert any(e.text == INSULT for e in data.examples["insult"])
    page = " ".join(_page(folder).split())
    assert "<b>Hostility</b> is a comment's highest score, from 0 to 1, of toxicity" in page
    assert "hostile (hostility 0.5 or more)" in page
    assert "<b>Held</b> means held for a moderator's review <i>or</i> rejected" in page


def test_the_policy_is_summarised_and_the_file_folded_away(folder: Path) -> None:
    page = _page(folder)
    table = page[page.index('<table id="policy-thresholds">') :]
    table = table[: table.index("</table>")]
    assert re.search(r"<td>insult</td>\s*<td class=\"n\">0\.27</td>\s*<td class=\"n\">0\.95", table)
    assert re.search(
        r"<td>profanity</td>\s*<td class=\"n\">0\.85</td>\s*<td class=\"n\">never", table
    )
    raw = page.index("<details><summary>The policy file, as written</summary><pre>")
    assert page.index("[thresholds]") > raw  # the TOML only inside the folded part
    assert "Languages read: en, de" in page


def test_the_counts_say_what_was_left_out_for_no_text_and_left_undated(
    folder: Path, tmp_path: Path
) -> None:
    """Deleted posts counted as approved, and the dates batch could not convert, were
    in no count the report gave."""
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["counts"] |= {"problems": 90, "left_out": 2, "no_text": 78, "odd_dates": 10}
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    page = " ".join(render_report(read_report(copy)).split())
    assert "78 comments with no text (deleted posts, empty fields) are left out" in page
    assert "10 comments carry a date that is no ISO 8601 date (such as 01/02/2019" in page

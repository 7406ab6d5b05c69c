"""One moderator decides for every interface: the ordered phases, the whole policy
document (strictly read), the language rule, and authors ranked through a thread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run_cli

from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.moderation import (
    AuthorContext,
    Moderator,
    PolicyError,
    load_policy,
    parse_policy,
    require_covered,
)
from threadguard.moderation.phases import PHASES, thresholds
from threadguard.readers import read_thread
from threadguard.schema import ATTRIBUTES, Verdict


def analysis(language: str = "en", **scores: float) -> Analysis:
    values = dict.fromkeys(ATTRIBUTES, 0.01)
    values.update(scores)
    return Analysis(None, values, language=language)


# ------------------------------------------------------------------ the policy document


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        ({"hold": {"toxicity": 0.5}}, "unknown section(s) hold"),
        ({"targets": {"report": 0.5, "min": 0.1}}, "unknown key(s) in [targets]: min"),
        ({"languages": {"supported": ["en"], "fallback": "hold"}}, "in [languages]: fallback"),
        ({"languages": {"supported": ["english"]}}, "not ISO 639-1 codes"),
        ({"languages": {"unsupported": "delete"}}, "must be approve, hold or reject"),
        ({"targets": 3}, "[targets] must be a table"),
    ],
)
def test_an_unknown_section_or_key_is_an_error_that_names_it(doc: dict, fragment: str) -> None:
    with pytest.raises(PolicyError) as info:
        parse_policy(doc, "site.toml")
    assert str(info.value).startswith("site.toml: ")
    assert fragment in str(info.value)


def test_the_default_policy_reads_every_section_it_has() -> None:
    policy = load_policy()
    assert policy.languages.supported == frozenset(
        {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ar"}
    )
    assert policy.languages.unsupported is Verdict.HOLD
    assert policy.rules.watchlist == ()


# ------------------------------------------------------------------ phases


def test_an_unsupported_language_gets_the_sites_rule_and_its_scores_are_not_read() -> None:
    moderator = Moderator()
    # An English model's reject-level score on Swedish text is not trusted either way.
    swedish = moderator.decide(analysis("sv", toxicity=0.99), "Jag håller inte med.")
    assert swedish.action is Verdict.HOLD
    assert swedish.decision.reasons == ("language sv is not supported",)
    assert moderator.decide(analysis("en", toxicity=0.99), "x").action is Verdict.REJECT
    site = Moderator(parse_policy({"languages": {"supported": ["en", "fr"]}}, "s"))
    assert site.decide(analysis("fr"), "Merci").action is Verdict.APPROVE
    lenient = Moderator(parse_policy({"languages": {"unsupported": "approve"}}, "s"))
    assert lenient.decide(analysis("ru"), "Спасибо").decision.reasons == (
        "language ru is not supported",
    )
    assert lenient.decide(analysis("ru"), "Спасибо").action is Verdict.APPROVE


def test_watched_words_still_apply_to_a_comment_in_an_unsupported_language() -> None:
    site = Moderator(parse_policy({"watchlist": {"block": ["kill all *"]}}, "s"))
    outcome = site.decide(analysis("ru"), "kill all of them")
    assert outcome.action is Verdict.REJECT
    assert outcome.decision.reasons[0] == "language ru is not supported"


def test_a_banned_author_stays_rejected_whatever_comes_after() -> None:
    site = Moderator(parse_policy({"authors": {"premoderate_first": 5}}, "s"))
    outcome = site.decide(analysis(), "hello", AuthorContext("ann", 0, banned=True))
    assert outcome.action is Verdict.REJECT
    assert outcome.decision.reasons == (
        "author is banned",
        "new author: first 5 comment(s) are pre-moderated",
    )


def test_phases_run_in_order_and_a_moderator_can_run_fewer() -> None:
    names = [p.__name__ for p in PHASES]
    assert names == [
        "language",
        "thresholds",
        "trusted_author",
        "watchlist",
        "coded_hate",
        "threats",
        "abusive_words",
        "endorsed_lists",
        "named_reader",
        "contact_details",
        "banned_author",
        "new_author",
        "repeat_offender",
    ]
    scores_only = Moderator(load_policy(), phases=[thresholds])
    assert scores_only.decide(analysis("fr", insult=0.8), "x").action is Verdict.HOLD
    assert scores_only.decide(analysis("fr"), "x").action is Verdict.APPROVE


def test_authors_are_ranked_through_a_thread_without_any_history(
    engine: Engine, tmp_path: Path
) -> None:
    dump = tmp_path / "t.txt"
    dump.write_text(
        "Ferry timetable changes\n\nThe ferry leaves earlier from May.\n\n"
        "  • Lena\n\n    Good to know, thanks.\n\n"
        "  • Lena\n\n    The night boat still runs too.\n\n"
        "  • Sam\n\n    Does the night boat still run?\n",
        encoding="utf-8",
    )
    site = Moderator(parse_policy({"authors": {"premoderate_first": 1}}, "s"))
    items = site.moderate_thread(engine, read_thread(dump).thread)
    assert [(m.comment.author, m.decision.action.value) for m in items] == [
        ("Lena", "hold"),
        ("Lena", "approve"),
        ("Sam", "hold"),
    ]


# ------------------------------------------------------------------ the command line


SITE_POLICY = """
[thresholds]
toxicity = { hold = 0.7, reject = 0.95 }
[watchlist]
block = ["ferry*"]
censor = ["timetable"]
[authors]
premoderate_first = 1
"""


def test_scan_applies_every_section_of_the_policy(tmp_path: Path) -> None:
    policy = tmp_path / "site.toml"
    policy.write_text(SITE_POLICY, encoding="utf-8")
    dump = tmp_path / "t.txt"
    dump.write_text(
        "Ferry timetable changes\n\nThe ferry leaves earlier from May.\n\n"
        "  • Lena\n\n    Good to know, thanks.\n\n"
        "  • Sam\n\n    Is the ferry timetable online?\n",
        encoding="utf-8",
    )
    proc = run_cli("scan", str(dump), "--format", "json", "--policy", str(policy))
    assert proc.returncode == 0, proc.stderr
    lena, sam = json.loads(proc.stdout)["comments"]
    assert lena["decision"]["action"] == "hold"
    assert lena["decision"]["reasons"] == ["new author: first 1 comment(s) are pre-moderated"]
    assert sam["decision"]["action"] == "reject"
    assert 'watched "ferry*" (block)' in sam["decision"]["reasons"]
    assert sam["censored_text"] == "Is the ferry ********* online?"
    assert sam["analysis"]["decision"] == "reject"
    assert sam["analysis"]["reasons"] == sam["decision"]["reasons"]


def test_score_applies_the_watchlist_and_carries_reasons(tmp_path: Path) -> None:
    policy = tmp_path / "site.toml"
    policy.write_text(SITE_POLICY, encoding="utf-8")
    lines = "\n".join(
        json.dumps({"id": i, "text": t})
        for i, t in enumerate(["The ferry was late.", "Nice photo of the harbour."])
    )
    proc = run_cli("score", "--tier", "fast", "--policy", str(policy), stdin=lines)
    assert proc.returncode == 0, proc.stderr
    ferry, harbour = (json.loads(line) for line in proc.stdout.splitlines())
    assert (ferry["decision"], ferry["reasons"]) == ("reject", ['watched "ferry*" (block)'])
    assert (harbour["decision"], harbour["reasons"]) == ("approve", [])


def test_a_policy_with_an_unknown_section_is_refused_by_the_cli(tmp_path: Path) -> None:
    policy = tmp_path / "site.toml"
    policy.write_text('[hold]\ntoxicity = 0.5\n[watchlist]\nblock = ["x"]\n', encoding="utf-8")
    proc = run_cli("score", "--tier", "fast", "--policy", str(policy), stdin="hello\n")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "site.toml: unknown section(s) hold" in proc.stderr


def test_the_cli_names_the_policy_table_in_its_error(tmp_path: Path) -> None:
    # the table's name is written in brackets, which the terminal renderer must not eat
    policy = tmp_path / "site.toml"
    policy.write_text("[thresholds]\ntoxicty = { hold = 0.4 }\n", encoding="utf-8")
    proc = run_cli("score", "--tier", "fast", "--policy", str(policy), stdin="hello\n")
    assert proc.returncode == 2
    assert "site.toml: unknown attribute(s) in [thresholds]: toxicty" in proc.stderr


# ------------------------------------------------------------------ thresholds per language


def test_a_languages_own_thresholds_replace_the_policys_for_its_comments_only() -> None:
    policy = parse_policy(
        {
            "thresholds": {"toxicity": {"hold": 0.7, "reject": 0.95}},
            "languages": {
                "supported": ["en", "de"],
                "thresholds": {"de": {"toxicity": {"hold": 0.5}}},
            },
        },
        "s",
    )
    assert policy.thresholds_for("de")["toxicity"].hold == 0.5
    assert policy.thresholds_for("de")["toxicity"].reject is None
    assert policy.thresholds_for("en")["toxicity"].hold == 0.7
    site = Moderator(policy)
    german = site.decide(analysis("de", toxicity=0.6), "Das ist Unsinn.")
    assert german.action is Verdict.HOLD
    assert german.decision.reasons == ("toxicity 0.60 ≥ 0.50 (hold)",)
    assert site.decide(analysis("en", toxicity=0.6), "Nonsense.").action is Verdict.APPROVE


@pytest.mark.parametrize(
    ("languages", "fault"),
    [
        (
            {"thresholds": {"de": {"toxicty": {"hold": 0.5}}}},
            "unknown attribute(s) in [languages.thresholds.de]: toxicty",
        ),
        (
            {"thresholds": {"deu": {"toxicity": {"hold": 0.5}}}},
            "'deu' is not a lower-case ISO 639-1 code",
        ),
        (
            {"thresholds": {"de": {"toxicity": {"hold": 0.9, "reject": 0.5}}}},
            "languages.thresholds.de.toxicity: hold 0.9 is above reject 0.5",
        ),
        (
            {"thresholds": {"de": {"toxicity": {"hold": 2}}}},
            "languages.thresholds.de.toxicity.hold must be a number in [0, 1]",
        ),
        ({"thresholds": {"de": 0.5}}, "[languages.thresholds.de] must be a table of attributes"),
        ({"thresholds": ["de"]}, "[languages.thresholds] must be a table of languages"),
    ],
)
def test_a_bad_language_threshold_is_an_error_that_names_it(
    languages: dict[str, object], fault: str
) -> None:
    with pytest.raises(PolicyError) as err:
        parse_policy({"languages": languages}, "site.toml")
    assert fault in str(err.value)


def test_the_default_policy_supports_the_shipped_languages() -> None:
    supported = Moderator().policy.languages.supported
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ar"} <= supported
    assert "sv" not in supported


def test_a_policy_naming_a_language_no_model_covers_is_refused_where_it_meets_the_engine(
    engine: Engine, tmp_path: Path
) -> None:
    """Listed as supported, Russian would be scored by the English model (an insult at
    0.09) and approved, where the unsupported rule holds it."""
    policy = parse_policy(
        {"thresholds": {}, "languages": {"supported": ["en", "ru", "de"]}}, "site.toml"
    )
    with pytest.raises(PolicyError) as err:
        require_covered(policy, engine.supported_languages)
    assert "site.toml: languages.supported lists ru, which no model covers" in str(err.value)
    require_covered(load_policy(), engine.supported_languages)  # the shipped one is covered
    # thresholds for such a language were accepted and never applied
    ru = {"toxicity": {"hold": 0.5}}
    unread = parse_policy({"thresholds": {}, "languages": {"thresholds": {"ru": ru}}}, "s.toml")
    with pytest.raises(PolicyError, match=r"\[languages.thresholds.ru\] is for a language"):
        require_covered(unread, engine.supported_languages)
    path = tmp_path / "site.toml"
    path.write_text('[thresholds]\n[languages]\nsupported = ["en", "ru"]\n', encoding="utf-8")
    proc = run_cli("score", "--policy", str(path), stdin='{"text": "Ты тупой идиот"}\n')
    assert proc.returncode == 2 and "lists ru, which no model covers" in proc.stderr
    assert proc.stdout == ""

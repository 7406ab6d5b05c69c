"""The moderation core: every decision ThreadGuard makes is made here.

- :mod:`.policy` reads a site's policy document (thresholds, site rules, languages),
  strictly: an unknown table or key is an error that names it.
- :mod:`.watchlist` matches watched words through obfuscation and censors them.
- :mod:`.authors` is what is known about an author, and where it comes from.
- :mod:`.phases` are the ordered steps of a decision, each a pure function.
- :mod:`.moderator` runs them: one :class:`Moderator` for the CLI, HTTP, batch and dashboard.

May import: the engine and its analysis types, normalisation, the schema. Never storage,
HTTP or the terminal.
"""

from threadguard.moderation.authors import AuthorContext, AuthorHistory, NoHistory
from threadguard.moderation.decision import Decision, Outcome, with_findings
from threadguard.moderation.moderator import Moderated, Moderator
from threadguard.moderation.policy import (
    Policy,
    PolicyError,
    SiteRules,
    Threshold,
    dropped_words,
    left_out,
    load_policy,
    merge_documents,
    on_top,
    parse_document,
    parse_policy,
    policy_text,
    require_covered,
)

__all__ = [
    "AuthorContext",
    "AuthorHistory",
    "Decision",
    "Moderated",
    "Moderator",
    "NoHistory",
    "Outcome",
    "Policy",
    "PolicyError",
    "SiteRules",
    "Threshold",
    "dropped_words",
    "left_out",
    "load_policy",
    "merge_documents",
    "on_top",
    "parse_document",
    "parse_policy",
    "policy_text",
    "require_covered",
    "with_findings",
]

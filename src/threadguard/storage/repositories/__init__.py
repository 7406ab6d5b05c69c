"""The store's repositories, one per aggregate, sharing :mod:`threadguard.storage.sessions`.

- :mod:`.comments`: comments and their analyses (writes through :mod:`.ingest`),
  authors, dry-run history;
- :mod:`.moderation`: the queue, moderators' verdicts and author flags;
- :mod:`.audit`: the audit log and the labelled export;
- :mod:`.sites`: sites' policy documents;
- :mod:`.accounts`: API keys and users.

:class:`~threadguard.storage.store.Store` holds one of each.
"""

"""Authors' history on a site, read from the store: what the moderation core asks about.

:class:`threadguard.moderation.AuthorHistory` is the question; this is the store's answer
for one site and article (the article scopes which comment ids count as already seen).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from threadguard.moderation.authors import AuthorFacts
from threadguard.storage.store import Store


class StoreHistory:
    """A site's authors and an article's known comments, as the store records them."""

    def __init__(self, store: Store, site: str, article: str) -> None:
        self.store = store
        self.site = site
        self.article = article

    def authors(self, names: Sequence[str], days: int) -> Mapping[str, AuthorFacts]:
        return self.store.authors(self.site, names, days=days)

    def ranks(self, comment_ids: Sequence[str]) -> Mapping[str, int | None]:
        return self.store.known_comments(self.site, self.article, comment_ids)

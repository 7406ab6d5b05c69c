"""HTML comment bodies (Disqus stores ``<p>``-wrapped HTML) to the plain text readers see.

Scores must be computed on what readers read, not on markup: tags are dropped, entities
unescaped, whitespace collapsed as a browser would, paragraphs and block elements become
blank-line-separated paragraphs and ``<br>`` a newline. Script and style contents are dropped.
A link keeps where it goes: ``<a href="http://bit.ly/x">Claim your gift</a>`` reads "Claim
your gift (http://bit.ly/x)", since a reader clicking it goes there and the moderation reads
links (a shortened link, a spam offer beside one); with the target dropped, such spam in a
Disqus export or a Coral comment was published while the same words with the link written
out were held (session 34's news-desk tryout). A link whose text already shows its target
is left as it is.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    ("p", "div", "blockquote", "li", "ul", "ol", "pre", "table", "tr", "section", "article")
) | {f"h{level}" for level in range(1, 7)}
_HIDDEN = frozenset(("script", "style"))
_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")
#: Link targets worth showing: the web, not anchors within the page or mail links.
_WEB_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: Longest link target kept (a longer one is cut: it is shown, not followed).
MAX_LINK = 300


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.hidden = 0
        #: The open link's target and the text it has shown so far (None: no link open).
        self.link: tuple[str, list[str]] | None = None

    def _break(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "br":
            self.paragraphs[-1].append("\n")
        elif tag in _BLOCKS:
            self._break()
        elif tag == "a":
            self._close_link()
            href = (dict(attrs).get("href") or "").strip()
            if _WEB_LINK.fullmatch(href):
                self.link = (href[:MAX_LINK], [])

    def _close_link(self) -> None:
        if self.link is None:
            return
        href, shown = self.link
        self.link = None
        if href.lower() not in "".join(shown).lower():
            self.paragraphs[-1].append(f" ({href})")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.paragraphs[-1].append("\n")
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._close_link()
        elif tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.paragraphs[-1].append(_SPACE_RE.sub(" ", data))
            if self.link is not None:
                self.link[1].append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by ``"\\n\\n"``."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    collector._close_link()  # a link left open at the end
    paragraphs = []
    for parts in collector.paragraphs:
        lines = [_SPACE_RE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)

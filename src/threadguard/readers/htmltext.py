"""HTML comment bodies (Disqus stores ``<p>``-wrapped HTML) to the plain text readers see.

Scores must be computed on what readers read, not on markup: tags are dropped, entities
unescaped, whitespace collapsed as a browser would, paragraphs and block elements become
blank-line-separated paragraphs and ``<br>`` a newline. Script and style contents are dropped.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    ("p", "div", "blockquote", "li", "ul", "ol", "pre", "table", "tr", "section", "article")
) | {f"h{level}" for level in range(1, 7)}
_HIDDEN = frozenset(("script", "style"))
_SPACE_RE = re.compile(r"[ \t\n\r\f\v]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.hidden = 0

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

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.paragraphs[-1].append("\n")
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.paragraphs[-1].append(_SPACE_RE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, paragraphs separated by ``"\\n\\n"``."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = []
    for parts in collector.paragraphs:
        lines = [_SPACE_RE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)

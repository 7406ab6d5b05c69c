"""Turn flat comment records with parent links into a thread's comments in reading order.

JSON, CSV, Disqus and Reddit inputs all name each comment's parent by id, in whatever order
the exporter chose (often chronological). Downstream code expects reading order (depth-first,
as a page shows it) with depths, so this module does that once for all of them, and survives
what real exports contain: missing or duplicate ids, parents that are not in the file, and
parent loops. Everything is iterative and linear, so a 10,000-deep reply chain cannot
overflow the stack and a loop cannot hang.

It is also where every reader's comments are screened (:mod:`.screening`): a comment whose
text cannot be read (a lone surrogate, longer than ``score`` accepts, or not text at all)
is reported and left out, and its replies are read as top-level comments; an author, id,
parent or time that is not Unicode text is reported and dropped, keeping the comment.
Unscreened (a caller that refuses such values itself), values are kept as read, and a
comment that is not text at all is still reported and left out.

A reader that builds its :class:`~threadguard.thread.Comment` objects itself cannot skip this:
the format registry passes every reader's result through :func:`settled`, which leaves a
result :func:`build_comments` made as it is and rebuilds any other through it (the same
screening, repairs and warnings, located by the comment's place in the reader's output).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from threadguard.readers.screening import (
    ARTICLE_FIELDS,
    field_fault,
    readable_article,
    screening,
    text_fault,
)
from threadguard.thread import Comment, Problem, ReadResult, Thread


class SettledComments(tuple[Comment, ...]):
    """Comments as :func:`build_comments` returned them: screened (unless read unscreened)
    and in reading order. :func:`settled` does not screen these again (a reader that
    filters or rebuilds the tuple gets a plain one, which it does)."""

    __slots__ = ()


@dataclass
class RawComment:
    """A comment as an input format states it, before its place in the tree is settled.

    ``depth`` is the depth the input claims, if any: it is used to find the parent when no
    parent id is given, and otherwise only checked against the parent links.
    ``location`` says where the record is (``line 12``, ``comments[3]``) for problems.
    ``fault``, when set, says why the record cannot be read as a comment although it is
    one (its text is a number, say): it is reported and the comment left out.
    """

    text: str
    id: str | None = None
    parent: str | None = None
    author: str = ""
    created_at: str | None = None
    depth: int | None = None
    location: str = ""
    fault: str | None = None
    #: The language the input states for the comment (None: none stated).
    language: str | None = None


def _readable(raw: RawComment, source: str, problems: list[Problem]) -> RawComment:
    """``raw`` without the fields that are not Unicode text, each reported and dropped."""

    def kept(name: str, value: str | None, consequence: str) -> str | None:
        fault = field_fault(name, value)
        if fault is None:
            return value
        problems.append(Problem(source, raw.location, f"{fault}; {consequence}"))
        return None

    before = len(problems)
    cid = kept("id", raw.id, "the comment was given a new id")
    parent = kept("parent", raw.parent, "the parent link was dropped")
    author = kept("author", raw.author, "the author was dropped") or ""
    created_at = kept("created_at", raw.created_at, "the time was dropped")
    if len(problems) == before:  # every comment passes here: copy only one with a fault
        return raw
    return replace(raw, id=cid, parent=parent, author=author, created_at=created_at)


def _skipped(raws: list[RawComment], source: str, problems: list[Problem]) -> set[int]:
    """The records left out, each reported: a stated fault, or text that cannot be read."""
    skipped = set()
    for i, raw in enumerate(raws):
        fault = raw.fault or text_fault(raw.text)
        if fault is not None:
            problems.append(Problem(source, raw.location, f"{fault}; comment skipped"))
            skipped.add(i)
    return skipped


def _assign_ids(raws: list[RawComment], source: str, problems: list[Problem]) -> list[str]:
    """Give every record a unique id: keep the input's, generate ``cN`` where missing."""
    taken = {raw.id for raw in raws if raw.id}
    first_at: dict[str, str] = {}
    ids: list[str] = []
    for number, raw in enumerate(raws, start=1):
        if raw.id and raw.id not in first_at:
            new_id = raw.id
        else:
            base = raw.id or f"c{number}"
            new_id, n = base, 1
            while new_id in taken or new_id in first_at:
                n += 1
                new_id = f"{base}~{n}"
            if raw.id:
                problems.append(
                    Problem(
                        source,
                        raw.location,
                        f"duplicate comment id {raw.id!r} (first at {first_at[raw.id]}); "
                        f"renamed to {new_id!r}",
                    )
                )
        first_at[new_id] = raw.location
        ids.append(new_id)
    return ids


def _infer_parents_from_depth(raws: list[RawComment], ids: list[str]) -> list[str | None]:
    """Parent ids: as given, else the nearest earlier comment one level up by stated depth."""
    parents: list[str | None] = []
    open_ids: list[str] = []
    for raw, cid in zip(raws, ids, strict=True):
        parent = raw.parent
        if raw.depth is not None:
            depth = min(max(raw.depth, 0), len(open_ids))
            if parent is None and depth > 0:
                parent = open_ids[depth - 1]
            del open_ids[depth:]
            open_ids.append(cid)
        parents.append(parent)
    return parents


def _walk(
    root: int,
    children: dict[int, list[int]],
    depth_of: dict[int, int],
    order: list[int],
    base_depth: int = 0,
) -> None:
    """Depth-first pre-order from ``root``, children in input order, without recursion."""
    stack = [(root, base_depth)]
    while stack:
        node, depth = stack.pop()
        if node in depth_of:
            continue
        depth_of[node] = depth
        order.append(node)
        stack.extend((child, depth + 1) for child in reversed(children.get(node, [])))


def build_comments(
    raws: list[RawComment], source: str
) -> tuple[tuple[Comment, ...], list[Problem]]:
    """Settle ids, parents, depths and reading order for ``raws``; report what was repaired
    and what was left out."""
    problems: list[Problem] = []
    if screening():
        raws = [_readable(raw, source, problems) for raw in raws]
        skipped = _skipped(raws, source, problems)
    else:  # the caller refuses what cannot be read; a comment that is not one is skipped,
        # and reported, as when screening: one such comment refused the whole upload
        skipped = set()
        for i, raw in enumerate(raws):
            if raw.fault is not None:
                problems.append(Problem(source, raw.location, f"{raw.fault}; comment skipped"))
                skipped.add(i)
    # Ids and depth-implied parents are settled with the skipped records still in place,
    # so that a reply to a skipped comment is not taken for a reply to its sibling.
    ids = _assign_ids(raws, source, problems)
    parents = _infer_parents_from_depth(raws, ids)
    skipped_ids = {ids[i] for i in skipped}
    kept = [i for i in range(len(raws)) if i not in skipped]
    raws, ids, parents = [raws[i] for i in kept], [ids[i] for i in kept], [parents[i] for i in kept]
    index = {cid: i for i, cid in enumerate(ids)}

    parent_index: list[int | None] = []
    unresolved: set[int] = set()
    for i, parent in enumerate(parents):
        if parent is None:
            parent_index.append(None)
        elif parent in index:
            parent_index.append(index[parent])
        else:
            missing = "was skipped" if parent in skipped_ids else "is not in the input"
            problems.append(
                Problem(
                    source,
                    raws[i].location,
                    f"parent {parent!r} of comment {ids[i]!r} {missing}; "
                    "read as a top-level comment",
                    harmless=True,
                )
            )
            parent_index.append(None)
            unresolved.add(i)

    children: dict[int, list[int]] = {}
    for i, p in enumerate(parent_index):
        if p is not None:
            children.setdefault(p, []).append(i)

    depth_of: dict[int, int] = {}
    order: list[int] = []
    for i, p in enumerate(parent_index):
        if p is None:
            _walk(i, children, depth_of, order)

    for start in range(len(raws)):
        if start in depth_of:
            continue
        # Not reachable from any root: the parent chain above ``start`` loops.
        seen: dict[int, int] = {}
        node = start
        while node not in seen:
            seen[node] = len(seen)
            next_node = parent_index[node]
            assert next_node is not None  # every root was walked above
            node = next_node
        cycle_start = seen[node]
        cycle = [n for n, step in seen.items() if step >= cycle_start]
        breaker = min(cycle)
        names = " → ".join(ids[n] for n in sorted(cycle, key=lambda n: seen[n]))
        problems.append(
            Problem(
                source,
                raws[breaker].location,
                f"parent links form a loop ({names} → {ids[node]}); "
                f"comment {ids[breaker]!r} read as a top-level comment",
                harmless=True,
            )
        )
        old_parent = parent_index[breaker]
        if old_parent is not None:
            children[old_parent].remove(breaker)
        parent_index[breaker] = None
        _walk(breaker, children, depth_of, order)

    for i, raw in enumerate(raws):
        stated = raw.depth
        if (
            stated is not None
            and raw.parent is not None
            and i not in unresolved
            and stated != depth_of[i]
        ):
            problems.append(
                Problem(
                    source,
                    raw.location,
                    f"depth {stated} stated, but the parent links put comment {ids[i]!r} "
                    f"at depth {depth_of[i]}; the parent links were used",
                    harmless=True,
                )
            )

    comments: list[Comment] = []
    for position, i in enumerate(order):
        p = parent_index[i]
        raw = raws[i]
        comments.append(
            Comment(
                id=ids[i],
                text=raw.text,
                author=raw.author,
                parent=None if p is None else ids[p],
                depth=depth_of[i],
                created_at=raw.created_at,
                position=position,
                language=raw.language,
            )
        )
    return SettledComments(comments), problems


_COMMENT_FIELDS = ("id", "parent", "author", "created_at")


def _readable_as_is(thread: Thread) -> bool:
    """Whether screening would leave every article field and comment of ``thread`` as it is
    (always, unscreened). Comments :func:`build_comments` made are not screened again."""
    if not screening():
        return True
    if any(field_fault(name, getattr(thread, name)) is not None for name in ARTICLE_FIELDS):
        return False
    return isinstance(thread.comments, SettledComments) or all(
        text_fault(c.text) is None
        and all(field_fault(name, getattr(c, name)) is None for name in _COMMENT_FIELDS)
        for c in thread.comments
    )


def _in_reading_order(comments: tuple[Comment, ...]) -> bool:
    """Whether ``comments`` are as :func:`build_comments` leaves them: unique non-empty ids,
    numbered by position, depth-first with every reply right under its parent's subtree at
    its parent's depth + 1 (so no reply to a missing parent, and no loop)."""
    path: list[str] = []  # the ids from the current top-level comment down
    seen: set[str] = set()
    for position, c in enumerate(comments):
        if not c.id or c.id in seen or c.position != position:
            return False
        seen.add(c.id)
        if c.parent is None:
            if c.depth != 0:
                return False
        elif not 0 < c.depth <= len(path) or path[c.depth - 1] != c.parent:
            return False
        del path[c.depth :]
        path.append(c.id)
    return True


def _raw(comment: Comment, location: str) -> RawComment:
    """``comment`` as a record to settle again. Its depth counts only where it names no
    parent (a depth given instead of a parent link); otherwise 0 is the default, not a
    claim to check."""
    stated = comment.depth if comment.parent is None else None
    return RawComment(
        text=comment.text,
        id=comment.id or None,
        parent=comment.parent,
        author=comment.author,
        created_at=comment.created_at,
        depth=stated,
        location=location,
        language=comment.language,
    )


def settled(result: ReadResult, source: str) -> ReadResult:
    """``result`` with its comments screened and their tree repaired as
    :func:`build_comments` does, its warnings added after the reader's own.

    A result whose thread is already so (every reader that builds its comments with
    :func:`build_comments`) is returned as it is, so nothing is screened or reported twice;
    any other is rebuilt, each comment located as ``comment N`` (its place in the reader's
    output, from 1) since the reader kept no line for it.
    """
    thread = result.thread
    if _readable_as_is(thread) and _in_reading_order(thread.comments):
        return result
    problems = list(result.problems)
    article = readable_article(thread, source, "thread", problems)
    raws = [_raw(c, f"comment {n}") for n, c in enumerate(thread.comments, start=1)]
    comments, tree_problems = build_comments(raws, source)
    return ReadResult(
        thread=replace(article, comments=comments),
        problems=problems + tree_problems,
        format=result.format,
    )

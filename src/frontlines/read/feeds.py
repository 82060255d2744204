"""RSS and Atom feeds (feedparser): one document an entry.

An entry's document is its full content where the feed carries it (RSS `content:encoded`,
Atom `content`), read like a page's article so that the entry and its page give the same text
(and so the same document); else its summary (RSS `description`, Atom `summary`), else its
headline. A feed whose entries only link out is read for those summaries, and a note says so.
Entries are named `FEED#N`, N counted from 1 in the feed's order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterator

from frontlines.models import Document
from frontlines.read.detect import HTML_TYPES
from frontlines.read.document import BadDocument, Note, ReadError, make_document
from frontlines.read.html import fragment_text, paragraphs

_LINK_OUT = (("summary", "summary"), ("title", "headline"))  # what an entry gives, as said
# What publishing systems append to an entry's text, not the article's: WordPress's "The post
# TITLE appeared first on SITE." paragraph, and the link out ("Read more", "[…]").
_TRAILERS = (
    re.compile(r"\n*^The post .+ appeared first on .+\.\n*\Z", re.M),
    re.compile(
        r"[ \t]*(\[(…|\.\.\.)\]|\b(Read|Continue reading)( more)?( »| ›|…|\.\.\.)?)\s*\Z", re.I
    ),
)


def feed_documents(
    data: bytes, name: str, note: Note, content_type: str | None = None
) -> Iterator[Document | ReadError]:
    """Every entry of an RSS or Atom feed as a document, a bad entry as an error of its own."""
    import feedparser

    headers = {"content-type": content_type} if content_type else None
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    except Exception as err:  # noqa: BLE001 - feedparser fails in its own ways on broken bytes
        yield ReadError(name, f"not a readable feed: {type(err).__name__}: {err}")
        return
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.get("version"):
        reason = f": {_problem(problem)}" if problem else ""
        yield ReadError(name, f"not an RSS or Atom feed{reason}")
        return
    entries = parsed.get("entries", [])
    if problem and not isinstance(problem, feedparser.CharacterEncodingOverride):
        if not entries:
            yield ReadError(name, f"not a well-formed feed ({_problem(problem)}): no entry read")
            return
        note(f"{name}: note: not well-formed ({_problem(problem)}); its entries were read as found")
    feed = parsed.get("feed", {})
    outlet, language = feed.get("title") or None, feed.get("language") or None
    gave: Counter[str] = Counter()
    for index, entry in enumerate(entries, start=1):
        entry_name = f"{name}#{index}"
        try:
            text, given = _entry_text(entry)
            yield make_document(
                text,
                name=entry_name,
                doc_id=entry.get("id") or entry.get("link"),
                title=entry.get("title") or None,
                source=outlet,
                url=entry.get("link") or None,
                published=_entry_date(entry),
                language=language,
            )
            gave[given] += 1
        except BadDocument as err:
            yield ReadError(entry_name, str(err))
    if not entries:
        note(f"{name}: note: the feed has no entries")
    elif gave["summary"] or gave["title"]:
        note(f"{name}: note: {_link_out(gave, len(entries))}")


def _link_out(gave: Counter[str], entries: int) -> str:
    """What the note on entries that only link out says: `1 of its 3 entries gives only a
    summary, ...`."""
    parts = [f"{gave[kind]} only a {what}" for kind, what in _LINK_OUT if gave[kind]]
    count, _, first = parts[0].partition(" ")
    verb = "gives" if count == "1" else "give"
    return (
        f"{count} of its {entries} entries {verb} {' and '.join([first, *parts[1:]])}, not "
        "the article (at the entry's link), and that was read; `frontlines ingest --url LINK` "
        "fetches the article"
    )


def _entry_text(entry) -> tuple[str, str]:
    """The entry's text and what it is: `content`, `summary` or `title`."""
    title = entry.get("title") or None
    for content in entry.get("content") or []:
        text = _text_of(content.get("value") or "", content.get("type"), title)
        if text:
            return text, "content"
    summary = entry.get("summary") or ""
    text = _text_of(summary, (entry.get("summary_detail") or {}).get("type"), title)
    if text:
        return text, "summary"
    if title:
        return paragraphs(title), "title"
    raise BadDocument("entry has no text: no content, summary or title")


def _text_of(value: str, kind: str | None, title: str | None) -> str:
    if kind in HTML_TYPES or (kind is None and "<" in value):
        text = fragment_text(value, title)
    else:
        text = paragraphs(value, title)
    for trailer in _TRAILERS:
        text = trailer.sub("", text)
    return paragraphs(text)


def _entry_date(entry) -> str | None:
    """The entry's publication date (else its last update), `YYYY-MM-DD` in UTC."""
    for key in ("published", "updated"):
        given = entry.get(key)
        if not given:
            continue
        parsed = entry.get(f"{key}_parsed")
        if parsed is None:
            raise BadDocument(f"{key}: {given!r} is not a date")
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _problem(error: BaseException) -> str:
    message = getattr(error, "getMessage", None)
    return str(message() if callable(message) else error)

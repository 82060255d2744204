"""Web archives, WARC and ARC (warcio), read as a stream, one record at a time.

Every HTML response (a 2xx response, or a captured resource, whose content is HTML) is a
document: its page's article read as `html.html_document` reads a page, with the record's
target URI as its address and the capture date as its publication date where the page gives
none. The other records (requests, metadata, warcinfo, revisits, images, scripts, redirects
and error pages) are skipped and counted in a note. Records are named `ARCHIVE#N`, N counted
from 1 over every record in the archive.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from itertools import count
from typing import IO

from frontlines.models import Document
from frontlines.read.detect import HTML_TYPES, charset_of, markup_of, media_type
from frontlines.read.document import MAX_BYTES, BadDocument, Note, ReadError
from frontlines.read.html import html_document


def warc_documents(stream: IO[bytes], name: str, note: Note) -> Iterator[Document | ReadError]:
    """Every HTML response of a WARC or ARC archive as a document."""
    from warcio.archiveiterator import ArchiveIterator

    skipped: Counter[str] = Counter()
    pages = 0
    records = iter(ArchiveIterator(stream, arc2warc=True))
    for number in count(1):
        record_name = f"{name}#{number}"
        try:
            record = next(records, None)
        except Exception as err:  # noqa: BLE001 - whatever warcio meets in a damaged archive
            yield ReadError(
                record_name,
                f"not a readable WARC/ARC record: {_reason(err)}; the rest of the archive is "
                "not read",
            )
            break
        if record is None:
            break
        if not record.rec_type:
            yield ReadError(record_name, "not a WARC record: it has no WARC-Type")
            continue
        why_not = _not_a_page(record)
        if why_not:
            skipped[why_not] += 1
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI")
        try:
            body = record.content_stream().read(MAX_BYTES + 1)
        except (OSError, EOFError, ValueError, zlib.error) as err:
            yield ReadError(record_name, f"{uri}: content cannot be decoded: {_reason(err)}")
            continue
        if why_not == "" and markup_of(body[:4096]) != "html":
            skipped[f"{record.rec_type} of no content type"] += 1
            continue
        pages += 1
        try:
            yield _page(record, record_name, uri, body)
        except BadDocument as err:
            yield ReadError(record_name, f"{uri}: {err}")
    if skipped:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        note(
            f"{name}: note: {pages} HTML page(s) read; {sum(skipped.values())} other record(s) "
            f"skipped ({kinds})"
        )


def _page(record, record_name: str, uri: str | None, body: bytes) -> Document:
    if len(body) > MAX_BYTES:
        raise BadDocument(f"too large: over {MAX_BYTES:,} bytes")
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise BadDocument(f"record cut short: {missing:,} bytes missing")
    return html_document(
        body,
        record_name,
        address=uri,
        published=(record.rec_headers.get_header("WARC-Date") or "")[:10] or None,
        charset=charset_of(_content_type(record)),
    )


def _reason(error: BaseException) -> str:
    """The first line of an error's message, else its class."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _content_type(record) -> str | None:
    headers = record.http_headers if record.http_headers else record.rec_headers
    return headers.get_header("Content-Type")


def _not_a_page(record) -> str | None:
    """Why a record is no HTML page, as the note counts it (`request`, `response image/png`,
    `response HTTP 404`...); None for a page, "" when only its content can tell."""
    kind = record.rec_type
    if kind not in ("response", "resource"):
        return kind
    if record.http_headers and kind == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return f"{kind} HTTP {status or '?'}"
    media = media_type(_content_type(record))
    if media is None:
        return ""
    return None if media in HTML_TYPES else f"{kind} {media}"

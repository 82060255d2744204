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
from typing import IO

from frontlines.models import Document
from frontlines.read.detect import HTML_TYPES, charset_of, markup_of, media_type
from frontlines.read.document import MAX_BYTES, BadDocument, Note, ReadError
from frontlines.read.html import html_document


def warc_documents(stream: IO[bytes], name: str, note: Note) -> Iterator[Document | ReadError]:
    """Every HTML response of a WARC or ARC archive as a document."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    pages = number = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            number += 1
            record_name = f"{name}#{number}"
            if not record.rec_type:
                yield ReadError(record_name, "not a WARC record: it has no WARC-Type")
                continue
            why_not = _not_a_page(record)
            body = record.content_stream().read(MAX_BYTES + 1) if why_not in (None, "") else b""
            if why_not == "" and markup_of(body[:4096]) != "html":
                why_not = f"{record.rec_type} of no content type"
            if why_not:
                skipped[why_not] += 1
                continue
            pages += 1
            uri = record.rec_headers.get_header("WARC-Target-URI")
            try:
                if len(body) > MAX_BYTES:
                    raise BadDocument(f"too large: over {MAX_BYTES:,} bytes")
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:
                    raise BadDocument(f"record cut short: {missing:,} bytes missing")
                yield html_document(
                    body,
                    record_name,
                    address=uri,
                    published=(record.rec_headers.get_header("WARC-Date") or "")[:10] or None,
                    charset=charset_of(_content_type(record)),
                )
            except BadDocument as err:
                yield ReadError(record_name, f"{uri}: {err}")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as err:
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        yield ReadError(
            f"{name}#{number + 1}",
            f"not a readable WARC/ARC record: {reason}; the rest of the archive is not read",
        )
    if skipped:
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        note(
            f"{name}: note: {pages} HTML page(s) read; {sum(skipped.values())} other record(s) "
            f"skipped ({kinds})"
        )


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

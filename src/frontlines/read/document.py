"""What every reader shares: the `Document` it builds, the checks on its text and metadata,
and the `ReadError` that stands in a batch for a document that could not be read."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from frontlines.kb.countries import country_code
from frontlines.models import Document

METADATA_FIELDS = ("published", "title", "source", "url", "language", "country")

# Where a reader says something the user should know that is no error ("the feed's entries
# only link out: their summaries were read"); given `NAME: note: WHAT`.
Note = Callable[[str], None]


def no_note(_message: str) -> None:
    """The default `Note`: say nothing."""


@dataclass(frozen=True)
class ReadError:
    """A document that could not be read; `str()` gives `NAME[:LINE]: error: REASON`."""

    name: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.name if self.line is None else f"{self.name}:{self.line}"
        return f"{where}: error: {self.reason}"


class BadDocument(ValueError):
    """Raised inside the readers; turned into a `ReadError` at the batch boundary."""


# The longest body read, in characters (about a 300-page report); past it a document is refused
# by name with the reason, rather than left to run out of time or memory in the parser.
MAX_CHARS = int(os.environ.get("FRONTLINES_MAX_CHARS") or 2_000_000)
# The most bytes one document, page or feed is read into memory with (markup included);
# archives and bundles are read as streams, one member at a time, and have no such bound.
MAX_BYTES = 16 * MAX_CHARS
_SURROGATES = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """`text` with lone surrogates (from JSON escapes such as "\\ud800", which no encoder
    takes) replaced one for one by U+FFFD, so offsets are kept."""
    return _SURROGATES.sub("\ufffd", text)


def content_hash(text: str) -> str:
    """The document's identity: a hash of its normalised body text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def make_document(
    text: str, *, name: str = "<text>", doc_id: str | None = None, **metadata: object
) -> Document:
    """Build a `Document` from body text and metadata, checking both."""
    if not isinstance(text, str):
        raise BadDocument(f"text must be a string, not {type(text).__name__}")
    body = unicodedata.normalize(
        "NFC", valid_unicode(text).replace("\r\n", "\n").replace("\r", "\n")
    )
    if not body.strip():
        raise BadDocument("empty document: no text")
    if len(body) > MAX_CHARS:
        raise BadDocument(
            f"too long: {len(body):,} characters, over the limit of {MAX_CHARS:,} "
            "(set FRONTLINES_MAX_CHARS to raise it)"
        )
    fields = {key: metadata.get(key) for key in METADATA_FIELDS}
    fields["published"] = publication_date(fields["published"])
    fields["country"] = country_hint(fields["country"])
    for key in ("title", "source", "url", "language"):
        if fields[key] is not None:
            fields[key] = valid_unicode(str(fields[key]))
    ident = content_hash(body)
    return Document(
        id=ident,
        doc_id=valid_unicode(str(doc_id)) if doc_id is not None else ident,
        text=body,
        name=name,
        **fields,
    )


def country_hint(value: object) -> str | None:
    """The ISO alpha-3 code of a country hint (a code or an English name); a clear error for
    a value that names no country."""
    if value is None or value == "":
        return None
    code = country_code(str(value))
    if code is None:
        raise BadDocument(
            f"country: {value!r} is not a country (give an ISO 3166 alpha-3 code or an "
            "English name)"
        )
    return code


def publication_date(value: object) -> str | None:
    """`YYYY-MM-DD` from a date, a datetime or an ISO string; a clear error otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    for candidate in (text, text[:10]):
        try:
            return dt.date.fromisoformat(candidate).isoformat()
        except ValueError:
            continue
    raise BadDocument(f"published: {text!r} is not a date (expected YYYY-MM-DD)")


def binary_reason(head: bytes) -> str | None:
    """Why the first bytes of an input show it is no text, if they do."""
    if b"\x00" in head[:8192]:
        return "binary file (contains NUL bytes), not text"
    return _controls_reason(head[:8192].decode("utf-8", errors="ignore"))


def _controls_reason(sample: str) -> str | None:
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    if controls > max(8, len(sample) // 20):
        return "binary file (mostly control characters), not text"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 text (a byte-order mark dropped), or a clear error for binary or other bytes."""
    if b"\x00" in data[:8192]:
        raise BadDocument("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadDocument(
            f"not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
        ) from None
    reason = _controls_reason(text[:8192])
    if reason:
        raise BadDocument(reason)
    return text

"""Stage `read`: files, JSON Lines and standard input → `Document`.

A bad document never stops a batch: readers yield a `ReadError` in its place, naming the
document (and line, for JSON Lines) and what is wrong, and go on with the next one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from frontlines.kb.countries import country_code
from frontlines.models import Document

InputFormat = Literal["auto", "text", "jsonl"]
TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
METADATA_FIELDS = ("published", "title", "source", "url", "language", "country")


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
    fields["published"] = _published(fields["published"])
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


def _published(value: object) -> str | None:
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


def _decode(data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise BadDocument("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise BadDocument(
            f"not valid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"
        ) from None
    controls = sum(
        1 for ch in text[:8192] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f"
    )
    if controls > max(8, len(text[:8192]) // 20):
        raise BadDocument("binary file (mostly control characters), not text")
    return text


def split_front_matter(text: str) -> tuple[dict, str]:
    """Split YAML front matter (`---` ... `---`) from the body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            header = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            try:
                meta = yaml.safe_load(header) or {}
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                where = f" (line {mark.line + 2})" if mark is not None else ""
                raise BadDocument(f"front matter is not valid YAML{where}") from None
            if not isinstance(meta, dict):
                raise BadDocument("front matter must be a mapping of field: value")
            return meta, body
    raise BadDocument("front matter opened with '---' is never closed")


def text_document(data: bytes, name: str) -> Document:
    """A text file, with optional YAML front matter."""
    meta, body = split_front_matter(_decode(data))
    extra = {k: v for k, v in meta.items() if k in METADATA_FIELDS}
    return make_document(body, name=name, doc_id=meta.get("id"), **extra)


def jsonl_documents(data: bytes, name: str) -> Iterator[Document | ReadError]:
    """Documents from JSON Lines, one object per line with at least `text`."""
    try:
        text = _decode(data)
    except BadDocument as err:
        yield ReadError(name, str(err))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadError(name, f"malformed JSON: {err.msg} at column {err.colno}", number)
            continue
        if not isinstance(record, dict):
            yield ReadError(name, "a JSON Lines record must be an object", number)
            continue
        if "text" not in record:
            yield ReadError(name, "record has no 'text' field", number)
            continue
        try:
            extra = {k: record.get(k) for k in METADATA_FIELDS}
            yield make_document(
                record["text"], name=f"{name}:{number}", doc_id=record.get("id"), **extra
            )
        except BadDocument as err:
            yield ReadError(name, str(err), number)


def _sniff_jsonl(data: bytes) -> bool:
    return data.lstrip()[:1] == b"{"


def read_bytes(data: bytes, name: str, fmt: InputFormat = "auto") -> Iterator[Document | ReadError]:
    """Documents from raw bytes of one input (file or standard input)."""
    suffix = Path(name).suffix.lower()
    as_jsonl = fmt == "jsonl" or (
        fmt == "auto"
        and (suffix in JSONL_SUFFIXES or (suffix not in TEXT_SUFFIXES and _sniff_jsonl(data)))
    )
    if as_jsonl:
        yield from jsonl_documents(data, name)
        return
    try:
        yield text_document(data, name)
    except BadDocument as err:
        yield ReadError(name, str(err))


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Paths as given, with directories expanded to their readable files in sorted order."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
                    if child.name.lower() == "readme.md":
                        continue
                    yield str(child)
        else:
            yield path


def read_inputs(paths: Iterable[str], fmt: InputFormat = "auto") -> Iterator[Document | ReadError]:
    """Every document from the given paths (`-` is standard input), in input order."""
    for path in expand_paths(paths):
        if path == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", fmt)
            continue
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            yield ReadError(path, "no such file")
            continue
        except IsADirectoryError:
            yield ReadError(path, "is a directory")
            continue
        except OSError as err:
            yield ReadError(path, err.strerror or str(err))
            continue
        yield from read_bytes(data, path, fmt)

"""Files, folders, standard input and bytes → documents, each input sent to its reader.

Every input is read as a stream: its first bytes tell its format (`detect.format_of`), and an
archive or bundle goes to its reader without being loaded whole; a document, page or feed is
read whole (up to `MAX_BYTES`). Every document that comes out is checked to be English
(`language.english_only`). A bad document never stops a batch: a `ReadError` names it (and its
line, entry, record or member) and the next one is read.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import IO

from frontlines.models import Document
from frontlines.read.bundles import gzip_member, seekable, tar_members, zip_members
from frontlines.read.detect import (
    ARCHIVES,
    SNIFF_BYTES,
    InputFormat,
    charset_of,
    format_of,
    readable_name,
)
from frontlines.read.document import (
    MAX_BYTES,
    BadDocument,
    Note,
    ReadError,
    binary_reason,
    no_note,
)
from frontlines.read.feeds import feed_documents
from frontlines.read.html import html_document
from frontlines.read.language import english_only, release
from frontlines.read.text import jsonl_documents, text_document
from frontlines.read.warc import warc_documents

MAX_DEPTH = 4  # bundles inside bundles, at most (a zip that holds itself ends here)


def read_inputs(
    paths: Iterable[str], fmt: InputFormat = "auto", note: Note | None = None
) -> Iterator[Document | ReadError]:
    """Every document from the given paths (`-` is standard input), in input order."""
    try:
        for path in expand_paths(paths):
            if path == "-":
                yield from read_stream(sys.stdin.buffer, "<stdin>", fmt, note)
                continue
            try:
                handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator
            except FileNotFoundError:
                yield ReadError(path, "no such file")
                continue
            except IsADirectoryError:
                yield ReadError(path, "is a directory")
                continue
            except OSError as err:
                yield ReadError(path, err.strerror or str(err))
                continue
            with handle:
                yield from read_stream(handle, path, fmt, note)
    finally:
        release()  # the language model, once the batch is read


def read_bytes(
    data: bytes, name: str, fmt: InputFormat = "auto", note: Note | None = None, **origin
) -> Iterator[Document | ReadError]:
    """Documents from the raw bytes of one input."""
    yield from read_stream(io.BytesIO(data), name, fmt, note, **origin)


def read_stream(
    stream: IO[bytes],
    name: str,
    fmt: InputFormat = "auto",
    note: Note | None = None,
    *,
    content_type: str | None = None,
    address: str | None = None,
) -> Iterator[Document | ReadError]:
    """Documents from one binary stream named `name`; `content_type` and `address` are the
    HTTP content type and the URL of an input fetched from the web."""
    reader = _Reader(fmt, note or no_note, content_type, address)
    for item in reader.read(stream, name, name, 0):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield english_only(item)
        except BadDocument as err:
            yield ReadError(item.name, str(err))


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Paths as given, with directories expanded to their readable files in sorted order."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and readable_name(child.relative_to(p).as_posix()):
                    yield str(child)
        else:
            yield path


class _Reader:
    """One input's reading: the format asked for, where notes go, and what HTTP said."""

    def __init__(self, fmt: str, note: Note, content_type: str | None, address: str | None):
        self.fmt, self.note = fmt, note
        self.content_type, self.address = content_type, address

    def read(
        self, stream: IO[bytes], name: str, hint: str, depth: int, fmt: str | None = None
    ) -> Iterator[Document | ReadError]:
        """The documents of `stream`, its format told by its first bytes, the name `hint`
        and `fmt` (the format asked for, else this reading's)."""
        fmt = fmt or self.fmt
        start = _position(stream)
        head = stream.read(SNIFF_BYTES)
        kind = format_of(head, hint, fmt, self.content_type if depth == 0 else None)
        if kind in ARCHIVES:
            if depth >= MAX_DEPTH:
                yield ReadError(name, f"bundles nested more than {MAX_DEPTH} deep; not read")
                return
            yield from self._archive(kind, _rewound(stream, start, head), name, depth, fmt)
        elif kind == "jsonl":
            reason = binary_reason(head)
            if reason:
                yield ReadError(name, reason)
                return
            first = head + stream.readline() if head else b""
            yield from jsonl_documents(chain(io.BytesIO(first), stream), name)
        else:
            yield from self._document(kind, head, stream, name, depth)

    def _archive(
        self, kind: str, stream: IO[bytes], name: str, depth: int, fmt: str
    ) -> Iterator[Document | ReadError]:
        inner = "auto" if fmt in ARCHIVES else fmt  # the format asked for is the documents'

        def member(handle: IO[bytes], member_name: str, hint: str):
            return self.read(handle, member_name, hint, depth + 1, inner)

        if kind == "gzip":
            yield from gzip_member(stream, name, member)
        elif kind == "zip":
            yield from zip_members(stream, name, member, self.note)
        elif kind == "tar":
            yield from tar_members(stream, name, member, self.note)
        else:
            yield from warc_documents(stream, name, self.note)

    def _document(
        self, kind: str, head: bytes, stream: IO[bytes], name: str, depth: int
    ) -> Iterator[Document | ReadError]:
        data = head + stream.read(MAX_BYTES + 1 - len(head))
        if len(data) > MAX_BYTES:
            yield ReadError(name, f"too large: over {MAX_BYTES:,} bytes (set FRONTLINES_MAX_CHARS)")
            return
        content_type = self.content_type if depth == 0 else None
        if kind == "feed":
            yield from feed_documents(data, name, self.note, content_type)
            return
        try:
            if kind == "html":
                address = self.address if depth == 0 else None
                yield html_document(data, name, address=address, charset=charset_of(content_type))
            else:
                yield text_document(data, name)
        except BadDocument as err:
            yield ReadError(name, str(err))


def _position(stream: IO[bytes]) -> int | None:
    """Where a file or bytes in memory stands, to seek back to; None for any other stream
    (a gzip stream says it can seek, but only by reading its source again from the start)."""
    if not isinstance(stream, io.BufferedReader | io.BytesIO) or not seekable(stream):
        return None
    try:
        return stream.tell()
    except (OSError, ValueError):
        return None


def _rewound(stream: IO[bytes], start: int | None, head: bytes) -> IO[bytes]:
    """`stream` from its start again: sought back where it can be, else its first bytes put
    in front of the rest."""
    if start is not None:
        try:
            stream.seek(start)
            return stream
        except (OSError, ValueError):
            pass
    return io.BufferedReader(_Prefixed(head, stream))


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of the stream they came from."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head, self._rest = memoryview(head), rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

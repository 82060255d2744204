"""Bundles: zip, tar (plain or compressed) and gzip, read as streams, never unpacked to disk.

A member is read as a file of its name would be (`inputs.read_member`: any supported format,
a bundle in a bundle too) and named `BUNDLE/MEMBER`. Members no folder would be read for
(images, stylesheets, files of no known suffix, `__MACOSX/` resource forks) are skipped and
counted in a note. A damaged member is an error of its own; in a zip the other members are
still read, in a tar (a stream) the members after it cannot be.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from typing import IO

from frontlines.models import Document
from frontlines.read.detect import inner_name, readable_name
from frontlines.read.document import Note, ReadError

# Reads one member: (its stream, its name, the name its format is told by).
Member = Callable[[IO[bytes], str, str], Iterator[Document | ReadError]]
# What the archive modules raise on damaged bytes (zipfile: ValueError for a member header
# that points before the file, RuntimeError for an encrypted member).
_DAMAGED = (
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    zipfile.BadZipFile,
    tarfile.TarError,
    RuntimeError,
)


def zip_members(
    stream: IO[bytes], name: str, member: Member, note: Note
) -> Iterator[Document | ReadError]:
    """Every readable member of a zip archive (read from the central directory, which needs a
    seekable stream: a zip inside a stream is held in memory)."""
    if not seekable(stream):
        stream = io.BytesIO(stream.read())
    try:
        archive = zipfile.ZipFile(stream)
    except _DAMAGED as err:
        yield ReadError(name, f"not a readable zip archive: {err}")
        return
    skipped = []
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            if not readable_name(info.filename):
                skipped.append(info.filename)
                continue
            inside = f"{name}/{info.filename}"
            try:
                with archive.open(info) as handle:
                    yield from member(handle, inside, inside)
            except (*_DAMAGED, NotImplementedError) as err:
                yield ReadError(inside, f"cannot be read from the zip archive: {err}")
    _note_skipped(note, name, skipped)


def tar_members(
    stream: IO[bytes], name: str, member: Member, note: Note
) -> Iterator[Document | ReadError]:
    """Every readable member of a tar archive, plain or compressed, in one pass."""
    skipped = []
    inside = done = None
    try:
        with tarfile.open(fileobj=stream, mode="r|*") as archive:
            for info in archive:
                if not info.isfile():
                    continue
                if not readable_name(info.name):
                    skipped.append(info.name)
                    continue
                inside = f"{name}/{info.name}"
                handle = archive.extractfile(info)
                if handle is not None:
                    yield from member(handle, inside, inside)
                inside, done = None, inside
    except _DAMAGED as err:
        where = f" at {inside}" if inside else f" after {done}" if done else ""
        yield ReadError(name, f"damaged tar archive{where}: {err}; the rest of it is not read")
    _note_skipped(note, name, skipped)


def gzip_member(stream: IO[bytes], name: str, member: Member) -> Iterator[Document | ReadError]:
    """The one file a gzip stream holds, its format told by its name without `.gz`."""
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as unpacked:
            yield from member(unpacked, name, inner_name(name))
    except _DAMAGED as err:
        yield ReadError(name, f"damaged gzip data: {err}")


def seekable(stream: IO[bytes]) -> bool:
    """Whether `stream` can be sought back (a tar member read in one pass says it can ask
    its archive, which cannot answer)."""
    try:
        return stream.seekable()
    except (AttributeError, OSError, ValueError):
        return False


def _note_skipped(note: Note, name: str, skipped: list[str]) -> None:
    if skipped:
        shown = ", ".join(skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        note(f"{name}: note: {len(skipped)} member(s) of no readable format skipped ({shown})")

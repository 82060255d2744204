"""Plain text (with optional YAML front matter) and JSON Lines."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

import yaml

from frontlines.models import Document
from frontlines.read.document import (
    METADATA_FIELDS,
    BadDocument,
    ReadError,
    decode_text,
    make_document,
)


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
    meta, body = split_front_matter(decode_text(data))
    extra = {k: v for k, v in meta.items() if k in METADATA_FIELDS}
    return make_document(body, name=name, doc_id=meta.get("id"), **extra)


def jsonl_documents(source: bytes | Iterable[bytes], name: str) -> Iterator[Document | ReadError]:
    """Documents from JSON Lines, one object per line with at least `text`, read line by
    line (from bytes, or a binary stream): a bad line is an error of its own and the rest is
    read."""
    lines = io.BytesIO(source) if isinstance(source, bytes) else source
    offset = 0
    for number, raw in enumerate(lines, start=1):
        start, offset = offset, offset + len(raw)
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as err:
            byte, where = raw[err.start], start + err.start
            yield ReadError(name, f"not valid UTF-8: byte 0x{byte:02x} at offset {where}", number)
            continue
        if line.strip():
            yield _jsonl_record(line, name, number)


def _jsonl_record(line: str, name: str, number: int) -> Document | ReadError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return ReadError(name, f"malformed JSON: {err.msg} at column {err.colno}", number)
    if not isinstance(record, dict):
        return ReadError(name, "a JSON Lines record must be an object", number)
    if "text" not in record:
        return ReadError(name, "record has no 'text' field", number)
    try:
        extra = {k: record.get(k) for k in METADATA_FIELDS}
        return make_document(
            record["text"], name=f"{name}:{number}", doc_id=record.get("id"), **extra
        )
    except BadDocument as err:
        return ReadError(name, str(err), number)

"""Which reader an input goes to: by its first bytes, its name and its HTTP content type.

Archives and bundles are known by their first bytes whatever their name (a gzip, zip, tar or
WARC file called `.txt` is opened as what it is); a document's format comes from its name's
suffix, else its content type, else its first bytes (a feed's root element, an HTML page's
`<html>`, a JSON object), else it is text.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Literal, get_args

InputFormat = Literal["auto", "text", "jsonl", "html", "feed", "warc", "zip", "tar", "gzip"]
INPUT_FORMATS: tuple[str, ...] = get_args(InputFormat)
# Formats that hold documents rather than being one (a feed holds entries, but is read whole).
ARCHIVES = ("warc", "zip", "tar", "gzip")
FORMAT_HELP = {
    "auto": "by content and name (the default)",
    "text": "text with optional YAML front matter",
    "jsonl": "JSON Lines, one document a line",
    "html": "a web page: its article's text and metadata",
    "feed": "an RSS or Atom feed: one document an entry",
    "warc": "a WARC or ARC web archive: one document an HTML response",
    "zip": "a zip of any of these",
    "tar": "a tar (.tar.gz, .tgz) of any of these",
    "gzip": "one gzipped file of any of these",
}

TEXT_SUFFIXES = {".txt", ".md", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = {
    **dict.fromkeys(TEXT_SUFFIXES, "text"),
    **dict.fromkeys(JSONL_SUFFIXES, "jsonl"),
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml"), "html"),
    **dict.fromkeys((".rss", ".atom", ".rdf", ".xml"), "feed"),
    **dict.fromkeys((".warc", ".arc"), "warc"),
    ".zip": "zip",
    ".tar": "tar",
    ".tgz": "gzip",
    ".gz": "gzip",
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_MEDIA_TYPES = {
    **dict.fromkeys(HTML_TYPES, "html"),
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/warc": "warc",
}
_XML_TYPES = {"application/xml", "text/xml"}
SNIFF_BYTES = 8192  # read from the start of every input to tell its format
_PROLOG = re.compile(rb"\s*(<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)", re.S)
_FIRST_TAG = re.compile(rb"<([a-z][\w:.-]*)")


def archive_of(head: bytes) -> str | None:
    """The archive format the first bytes show, if any."""
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"WARC/", b"filedesc://")):  # a WARC, or an ARC (its first record)
        return "warc"
    return None


def markup_of(head: bytes) -> str | None:
    """`feed` or `html` from the first element of a markup document, if it is one."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith(b"<"):
        return None
    if re.match(rb"(\s|<\?xml[^>]*\?>|<!--.*?-->)*<!doctype html", text, re.S):
        return "html"
    position = 0
    while match := _PROLOG.match(text, position):
        position = match.end()
    start = text.find(b"<", position)
    tag = _FIRST_TAG.match(text, start) if start >= 0 else None
    if tag is None:
        return None
    if tag.group(1) in (b"rss", b"feed", b"rdf:rdf", b"rdf"):
        return "feed"
    if tag.group(1) in (b"html", b"head", b"body"):
        return "html"
    return None


def suffix_of(name: str) -> str | None:
    """The format a file name's suffix gives, if any (the suffix of a URL's path for a URL)."""
    path = name.split("?", 1)[0].split("#", 1)[0] if "://" in name else name
    return SUFFIXES.get(PurePosixPath(path).suffix.lower())


def media_type(content_type: str | None) -> str | None:
    return content_type.split(";", 1)[0].strip().lower() if content_type else None


def charset_of(content_type: str | None) -> str | None:
    """The charset an HTTP content type names, if any."""
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def format_of(head: bytes, name: str, fmt: str = "auto", content_type: str | None = None) -> str:
    """The format to read an input as: its first bytes `head`, the name it goes by, the
    format asked for and the HTTP content type it came with."""
    archive = archive_of(head)
    if archive == "gzip" or fmt in ARCHIVES:  # gzip wraps: what it holds is told inside
        return archive if archive == "gzip" else fmt
    if archive:
        return archive
    if fmt != "auto":
        return fmt
    by_name = suffix_of(name)
    if by_name == "feed" and name.lower().endswith(".xml"):
        return markup_of(head) or "feed"  # an .xml file may be a page (XHTML) too
    if by_name:
        return by_name
    by_type = _MEDIA_TYPES.get(media_type(content_type) or "")
    if by_type:
        return by_type
    if media_type(content_type) in _XML_TYPES:
        return markup_of(head) or "feed"
    by_content = markup_of(head)
    if by_content:
        return by_content
    return "jsonl" if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" else "text"


def inner_name(name: str) -> str:
    """The name a gzipped file's content goes by: `a.jsonl.gz` holds `a.jsonl`."""
    lower = name.lower()
    if lower.endswith(".tgz"):
        return name[:-4] + ".tar"
    return name[:-3] if lower.endswith(".gz") else name


def readable_name(name: str) -> bool:
    """A file a folder or a bundle is read for: a known suffix, and no README or the
    resource forks archivers leave (`__MACOSX/`, `._name`)."""
    base = PurePosixPath(name).name
    if base.lower() == "readme.md" or base.startswith("._") or "__MACOSX/" in name:
        return False
    return suffix_of(name) is not None

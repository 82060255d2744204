"""Which reader an input goes to, by its first bytes, its name and its content type."""

from __future__ import annotations

import pytest

from frontlines.read.detect import INPUT_FORMATS, format_of, inner_name, readable_name

PAGE = b"<!DOCTYPE html>\n<html lang='en'><head><title>x</title></head><body></body></html>"
RSS = b"<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet href='/r.xsl'?><rss>"
ATOM = b"<?xml version='1.0'?>\n<!-- generated -->\n<feed xmlns='http://www.w3.org/2005/Atom'>"
RDF = b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
TAR = bytes(257) + b"ustar\x0000" + bytes(100)


@pytest.mark.parametrize(
    ("head", "name", "fmt", "content_type", "expected"),
    [
        (b"Gunmen attacked", "report.txt", "auto", None, "text"),
        (b'{"text": "x"}', "batch.jsonl", "auto", None, "jsonl"),
        (b'{"text": "x"}', "batch", "auto", None, "jsonl"),
        (b'{"text": "x"}', "notes.txt", "auto", None, "text"),  # the name says text
        (PAGE, "page.html", "auto", None, "html"),
        (PAGE, "saved-page", "auto", None, "html"),  # by content
        (PAGE, "article.php", "auto", None, "html"),
        (RSS, "feed", "auto", None, "feed"),
        (ATOM, "atom.xml", "auto", None, "feed"),
        (RDF, "index.rdf", "auto", None, "feed"),
        (
            b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>",
            "page.xml",
            "auto",
            None,
            "html",
        ),
        (
            b"<p>A fragment</p>",
            "https://news.example/story",
            "auto",
            "text/html; charset=utf-8",
            "html",
        ),
        (
            b"<?xml version='1.0'?><rss>",
            "https://news.example/feed",
            "auto",
            "application/xml",
            "feed",
        ),
        (b"<rss version='2.0'>", "https://news.example/rss", "auto", "application/rss+xml", "feed"),
        (b"\x1f\x8b\x08\x00", "report.txt", "auto", None, "gzip"),  # bytes beat the name
        (b"\x1f\x8b\x08\x00", "crawl.warc.gz", "warc", None, "gzip"),  # gzip is opened first
        (b"PK\x03\x04", "mail.zip", "auto", None, "zip"),
        (b"PK\x03\x04", "attachment.bin", "text", None, "zip"),
        (TAR, "bundle.tar", "auto", None, "tar"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "crawl", "auto", None, "warc"),
        (
            b"filedesc://crawl.arc 0.0.0.0 20240312183000 text/plain 76",
            "crawl.arc",
            "auto",
            None,
            "warc",
        ),
        (b"Not a zip at all", "mail.zip", "auto", None, "zip"),  # the zip reader says so
        (PAGE, "page.html", "text", None, "text"),  # asked for
    ],
)
def test_format_of(head, name, fmt, content_type, expected):
    assert format_of(head, name, fmt, content_type) == expected


def test_every_format_has_a_reader_and_a_help_line():
    from frontlines.read import FORMAT_HELP

    assert set(INPUT_FORMATS) == set(FORMAT_HELP)
    assert INPUT_FORMATS[0] == "auto"


def test_names():
    assert inner_name("crawl.warc.gz") == "crawl.warc"
    assert inner_name("bundle.tgz") == "bundle.tar"
    assert readable_name("feeds/monitor.rss") and readable_name("crawl.warc.gz")
    assert not readable_name("photo.jpg") and not readable_name("README.md")
    assert not readable_name("__MACOSX/pages/._a.html") and not readable_name("pages/._a.html")

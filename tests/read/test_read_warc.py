"""Web archives: every HTML response a document, the rest skipped and counted."""

from __future__ import annotations

import gzip
import io

import pytest
from webinputs import ARTICLE_URL, DATA, RAID_URL, build_warc, warc_bytes

from frontlines.read import Document, read_bytes, read_inputs


@pytest.fixture
def warc_path(tmp_path):
    path = tmp_path / "sahelmonitor-crawl.warc.gz"
    path.write_bytes(warc_bytes())
    return path


SKIPPED = (
    "13 other record(s) skipped (1 metadata, 6 request, 1 response HTTP 301, 1 response HTTP "
    "404, 1 response image/jpeg, 1 response text/css, 1 revisit, 1 warcinfo)"
)


def test_every_html_response_is_a_document_with_its_uri_and_date(warc_path):
    notes: list[str] = []
    article, raid = read_inputs([str(warc_path)], note=notes.append)
    assert (article.name, article.url, article.published) == (
        f"{warc_path}#5",
        ARTICLE_URL,
        "2024-03-11",  # the page's own date, not the capture's
    )
    assert (raid.name, raid.url) == (f"{warc_path}#11", RAID_URL)  # sent gzipped and chunked
    assert raid.text.startswith("Gunmen killed nine villagers")
    assert notes == [f"{warc_path}: note: 2 HTML page(s) read; {SKIPPED}"]


def test_a_page_from_the_archive_is_the_article_as_plain_text(warc_path):
    article, _ = read_inputs([str(warc_path)])
    (text,) = read_inputs([str(DATA / "army-post-attack.txt")])
    assert article.text == text.text and article.id == text.id


def test_uncompressed_and_single_gzip_archives_read_alike():
    plain = list(read_bytes(warc_bytes(compress=False), "crawl.warc"))
    whole = list(read_bytes(gzip.compress(warc_bytes(compress=False), mtime=0), "crawl.warc.gz"))
    chunked = list(read_bytes(warc_bytes(), "crawl.warc.gz"))
    assert [d.id for d in plain] == [d.id for d in whole] == [d.id for d in chunked]
    assert len(plain) == 2


def test_a_page_without_a_date_of_its_own_takes_the_capture_date():
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = (
        b"<html><head><title>Curfew in Niamey</title></head><body><article><p>Authorities in "
        b"Niamey imposed a night curfew after two days of protests over fuel prices, the "
        b"interior ministry said in a statement read on state television.</p><p>Police "
        b"dispersed crowds with tear gas in several districts of the capital.</p></article>"
        b"</body></html>"
    )
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/niamey-curfew",
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.0"),
            warc_headers_dict={"WARC-Date": "2024-03-09T07:15:00Z"},
        )
    )
    (page,) = read_bytes(out.getvalue(), "niamey.warc")
    assert (page.published, page.url) == ("2024-03-09", "https://news.example/niamey-curfew")


def test_an_arc_file_is_read_too():
    page = (DATA / "bankass-village-raid.html").read_bytes()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    version = b"1 0 Test Crawler\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = b"filedesc://sahel.arc 0.0.0.0 20240312183000 text/plain %d\n%s\n" % (
        len(version),
        version,
    )
    arc += b"%s 192.0.2.10 20240312183002 text/html %d\n%s\n" % (RAID_URL.encode(), len(http), http)
    (document,) = read_bytes(arc, "sahel.arc")
    assert document.url == RAID_URL and document.text.startswith("Gunmen killed nine")


def test_a_truncated_archive_keeps_what_came_before_and_names_the_broken_record():
    data = warc_bytes(compress=False)
    cut = data[: data.index(b"WARC-Type: request", data.index(RAID_URL.encode())) - 400]
    items = list(read_bytes(cut, "cut.warc"))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError"]
    assert str(items[1]).startswith(f"cut.warc#11: error: {RAID_URL}: record cut short: ")


def test_a_damaged_archive_is_an_error_naming_the_record_and_the_batch_goes_on(tmp_path):
    data = warc_bytes(compress=False)
    seventh = data.index(b"WARC/1.0", data.index(b"image/jpeg"))  # the record after the image
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(data[:seventh] + b"GARBAGE LINE\r\n" + data[seventh:])
    items = list(read_inputs([str(damaged), str(DATA / "army-post-attack.txt")]))
    assert [type(i).__name__ for i in items] == ["Document", "ReadError", "Document"]
    error = str(items[1])
    assert error.startswith(f"{damaged}#8: error: not a readable WARC/ARC record: ")
    assert "GARBAGE" in error and error.endswith("; the rest of the archive is not read")


def test_a_record_without_a_type_is_an_error_naming_it():
    items = list(read_bytes(b"WARC/1.0\r\nthis is not a record header\r\n\r\n", "fake.warc"))
    assert [str(i) for i in items] == ["fake.warc#1: error: not a WARC record: it has no WARC-Type"]


def test_a_file_that_is_no_archive_is_an_error_naming_it():
    (error,) = read_bytes(b"<html><body>not an archive</body></html>", "page.warc")
    assert str(error).startswith("page.warc#1: error: not a readable WARC/ARC record: ")


def test_read_as_a_stream_from_a_file(tmp_path):
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        build_warc(out, compress=False)
    items = list(read_inputs([str(path)], "warc"))
    assert all(isinstance(i, Document) for i in items) and len(items) == 2

"""Real-world-shaped inputs for the read stage, built from the pages and feeds in
`read/data/` (all written for these tests): a web archive as a crawler writes it, a zip of
mixed files, and a news site served on 127.0.0.1."""

from __future__ import annotations

import gzip
import io
import threading
import time
import zipfile
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "read" / "data"
ARTICLE_URL = (
    "https://www.sahelmonitor.example/news/2024/03/11/militants-kill-14-soldiers-near-djibo"
)
RAID_URL = "https://www.sahelmonitor.example/news/2024/03/12/bankass-village-raid"


def build_warc(out: io.BufferedIOBase, *, compress: bool = True) -> None:
    """A crawl of the Sahel Monitor as a crawler writes it: warcinfo, a request before every
    response, two article pages (one sent gzip-encoded and chunked), an image, a stylesheet,
    a redirect, a 404 page, a metadata record and a revisit; fixed ids and dates, so the
    same bytes every time."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=compress)
    serial = iter(range(1, 100))

    def headers(date: str) -> dict[str, str]:
        return {
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{next(serial):012d}>",
            "WARC-Date": date,
        }

    def request(uri: str, date: str) -> None:
        path = uri.split("/", 3)[3] if uri.count("/") >= 3 else ""
        http = StatusAndHeaders(
            f"GET /{path} HTTP/1.1",
            [("Host", uri.split("/")[2]), ("User-Agent", "test-crawler/1.0")],
            is_http_request=True,
        )
        writer.write_record(
            writer.create_warc_record(
                uri, "request", http_headers=http, warc_headers_dict=headers(date)
            )
        )

    def response(uri: str, date: str, status: str, fields: list, body: bytes) -> None:
        request(uri, date)
        http = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
                warc_headers_dict=headers(date),
            )
        )

    info = writer.create_warcinfo_record(
        "sahelmonitor-crawl.warc.gz",
        {"software": "test-crawler/1.0", "format": "WARC File Format 1.0"},
    )
    info.rec_headers.replace_header(
        "WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>"
    )
    info.rec_headers.replace_header("WARC-Date", "2024-03-12T18:30:00Z")
    writer.write_record(info)
    html = [("Content-Type", "text/html; charset=utf-8")]
    response(
        "http://www.sahelmonitor.example/",
        "2024-03-12T18:30:01Z",
        "301 Moved Permanently",
        [("Location", "https://www.sahelmonitor.example/"), ("Content-Length", "0")],
        b"",
    )
    page = (DATA / "army-post-attack.html").read_bytes()
    response(ARTICLE_URL, "2024-03-12T18:30:02Z", "200 OK", html, page)
    response(
        "https://www.sahelmonitor.example/img/2024/03/djibo-road.jpg",
        "2024-03-12T18:30:03Z",
        "200 OK",
        [("Content-Type", "image/jpeg")],
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(256)) * 4,
    )
    response(
        "https://www.sahelmonitor.example/static/css/site.4f9c2.css",
        "2024-03-12T18:30:04Z",
        "200 OK",
        [("Content-Type", "text/css")],
        b"body { font-family: Georgia, serif; }\n.ticker { background: #b00; }\n",
    )
    raid = gzip.compress((DATA / "bankass-village-raid.html").read_bytes(), mtime=0)
    chunked = (
        b"".join(
            b"%x\r\n%s\r\n" % (len(raid[i : i + 700]), raid[i : i + 700])
            for i in range(0, len(raid), 700)
        )
        + b"0\r\n\r\n"
    )
    response(
        RAID_URL,
        "2024-03-12T18:30:05Z",
        "200 OK",
        [
            ("Content-Type", "text/html"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ],
        chunked,
    )
    response(
        "https://www.sahelmonitor.example/news/2024/03/01/deleted-story",
        "2024-03-12T18:30:06Z",
        "404 Not Found",
        html,
        b"<html><head><title>Page not found</title></head><body><h1>Sorry, this page does not "
        b"exist</h1><p>Try the search box or go back to the home page.</p></body></html>",
    )
    writer.write_record(
        writer.create_warc_record(
            ARTICLE_URL,
            "metadata",
            payload=io.BytesIO(b"outlinks: https://www.sahelmonitor.example/news/\n"),
            length=49,
            warc_content_type="application/warc-fields",
            warc_headers_dict=headers("2024-03-12T18:30:07Z"),
        )
    )
    revisit = headers("2024-03-12T18:40:00Z")
    revisit["WARC-Refers-To-Target-URI"] = ARTICLE_URL
    revisit["WARC-Profile"] = "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"
    writer.write_record(
        writer.create_warc_record(
            ARTICLE_URL,
            "revisit",
            http_headers=StatusAndHeaders("200 OK", html, protocol="HTTP/1.1"),
            warc_headers_dict=revisit,
        )
    )


def warc_bytes(compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    build_warc(buffer, compress=compress)
    return buffer.getvalue()


def build_bundle(out: io.BufferedIOBase) -> None:
    """What an analyst zips up to send on: saved pages, feeds, a text report, a JSON Lines
    batch, a web archive, a tar.gz of more, and what comes along (a photo, a `__MACOSX/`
    fork, a broken feed)."""
    import tarfile

    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w:gz") as tar:
        for name in ("west-africa-wire.atom", "bankass-village-raid.html"):
            data = (DATA / name).read_bytes()
            info = tarfile.TarInfo(f"more/{name}")
            info.size, info.mtime = len(data), 0
            tar.addfile(info, io.BytesIO(data))
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.write(DATA / "army-post-attack.html", "pages/army-post-attack.html")
        bundle.write(DATA / "sahel-monitor.rss", "feeds/sahel-monitor.rss")
        bundle.write(DATA / "army-post-attack.txt", "reports/army-post-attack.txt")
        bundle.writestr(
            "reports/batch.jsonl",
            '{"id": "wire-1", "text": "Police fired tear gas at protesters in Niamey on '
            'Tuesday.", "published": "2024-03-12"}\n{"id": "wire-2", "text": \n',
        )
        bundle.writestr("crawl/sahelmonitor-crawl.warc.gz", warc_bytes())
        bundle.writestr("more.tar.gz", inner.getvalue())
        bundle.writestr("pages/djibo-road.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF")
        bundle.writestr("__MACOSX/pages/._army-post-attack.html", b"\x00\x05\x16\x07")
        bundle.writestr("feeds/broken.rss", b"<rss version='2.0'><channel><title>x</title><item>")


ROBOTS = b"User-agent: BadBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n"


class Site:
    """A news site on 127.0.0.1: what it serves, and every request it was sent."""

    def __init__(self, robots: tuple[int, bytes] = (200, ROBOTS)) -> None:
        self.robots = robots
        self.requests: list[tuple[float, str, str]] = []  # (time, path, user agent)
        self.flaky = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                site.requests.append((time.monotonic(), self.path, self.headers["User-Agent"]))
                status, content_type, body = site.answer(self.path)
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                if status in (429, 503):
                    self.send_header("Retry-After", "0")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def answer(self, path: str) -> tuple[int, str | None, bytes]:
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return self.robots[0], "text/plain", self.robots[1]
        if path == "/news/army-post-attack":
            return 200, html, (DATA / "army-post-attack.html").read_bytes()
        if path == "/feed":
            return 200, "application/rss+xml", (DATA / "sahel-monitor.rss").read_bytes()
        if path == "/flaky":  # fails once, then answers
            self.flaky[path] += 1
            if self.flaky[path] == 1:
                return 500, "text/plain", b"Internal Server Error"
            return 200, html, (DATA / "bankass-village-raid.html").read_bytes()
        if path == "/busy":
            return 503, "text/plain", b"Service Unavailable"
        if path.startswith(("/private/", "/members/")):
            return 200, html, (DATA / "army-post-attack.html").read_bytes()
        return 404, html, b"<html><body><h1>Not found</h1></body></html>"

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

"""Pages and feeds from the web (`ingest --url URL`, `--urls FILE`), fetched politely.

Requests say who makes them (`user_agent()`), give up after a timeout, are retried with
exponential back-off on a network error, a 429 or a 5xx (a `Retry-After` is waited for, up to
a bound), are spaced per host (`host_delay`, or the host's robots.txt `Crawl-delay` if
longer), and are never made where the host's robots.txt disallows them: a robots.txt that
does not exist (4xx) allows all, one that cannot be read (5xx, no answer) disallows all, as
RFC 9309 says. What comes back goes to the reader its content type and first bytes call for:
a page, a feed, any other supported file.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from frontlines.models import Document
from frontlines.read.detect import InputFormat
from frontlines.read.document import MAX_BYTES, Note, ReadError
from frontlines.read.inputs import read_bytes
from frontlines.read.language import release

ROBOTS_AGENT = "frontlines"  # the name robots.txt rules are looked up for


def user_agent() -> str:
    """What the requests say they are: `frontlines/VERSION (...)`."""
    return (
        f"frontlines/{metadata.version('frontlines')} "
        "(reads news reports for conflict analysis; respects robots.txt)"
    )


_RETRIED = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchPolicy:
    """How politely and how patiently to fetch."""

    timeout: float = 20.0  # seconds to connect, and between two reads
    retries: int = 3  # further attempts after a network error, a 429 or a 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    host_delay: float = 1.0  # least seconds between two requests to one host
    max_wait: float = 60.0  # the longest Retry-After or Crawl-delay honoured


class FetchError(Exception):
    """A URL that could not be fetched; the message says why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # where the content came from, redirects followed
    status: int
    reason: str
    content_type: str | None
    content: bytes
    retry_after: str | None = None  # the Retry-After header, on a 429 or a 503


class Fetcher:
    """One HTTP client, the robots.txt of every host asked, and when each was last asked."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import httpx

        self.policy = policy or FetchPolicy()
        self._sleep, self._clock = sleep, clock
        self._client = httpx.Client(
            headers={"User-Agent": user_agent()},
            timeout=self.policy.timeout,
            follow_redirects=True,
        )
        self._robots: dict[str, RobotFileParser] = {}
        self._unread: dict[str, str] = {}  # hosts whose robots.txt could not be read: why
        self._last: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Fetched:
        """The content at `url`; `FetchError` when robots.txt disallows it, when it cannot
        be had after the retries, or for an HTTP error status."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError("not an http(s) URL")
        robots = self._robots_for(parts.scheme, parts.netloc)
        if not robots.can_fetch(ROBOTS_AGENT, url):
            unread = self._unread.get(parts.netloc)
            if unread:
                raise FetchError(
                    f"robots.txt of {parts.netloc} cannot be read ({unread}); not fetched"
                )
            raise FetchError(f"robots.txt of {parts.netloc} disallows it; not fetched")
        got = self._get(url)
        if got.status >= 400:
            raise FetchError(f"HTTP {got.status} {got.reason}".rstrip())
        return got

    def _robots_for(self, scheme: str, host: str) -> RobotFileParser:
        if host not in self._robots:
            robots = RobotFileParser()
            try:
                got = self._get(f"{scheme}://{host}/robots.txt")
            except FetchError as err:
                robots.disallow_all = True  # cannot be read: nothing may be fetched
                self._unread[host] = str(err)
            else:
                if got.status >= 500:
                    robots.disallow_all = True
                    self._unread[host] = f"HTTP {got.status} {got.reason}".rstrip()
                elif got.status >= 400:
                    robots.allow_all = True  # none: everything may be fetched
                else:
                    robots.parse(got.content.decode("utf-8", errors="replace").splitlines())
            self._robots[host] = robots
        return self._robots[host]

    def _get(self, url: str) -> Fetched:
        """GET with the retries; the last answer, whatever its status, or `FetchError` when
        none came or the last still asked to retry."""
        import httpx

        attempts = self.policy.retries + 1
        for attempt in range(attempts):
            self._wait_turn(urlsplit(url).netloc)
            wait = self.policy.backoff * 2**attempt
            try:
                got = self._download(url)
            except httpx.HTTPError as err:
                if attempt + 1 == attempts:
                    raise FetchError(f"{_describe(err)} (after {attempts} attempts)") from None
            else:
                if got.status not in _RETRIED:
                    return got
                if attempt + 1 == attempts:
                    raise FetchError(f"HTTP {got.status} {got.reason} (after {attempts} attempts)")
                wait = max(wait, retry_after_seconds(got.retry_after))
            self._sleep(min(wait, self.policy.max_wait))
        raise AssertionError("unreachable")

    def _download(self, url: str) -> Fetched:
        with self._client.stream("GET", url) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"over {MAX_BYTES:,} bytes; not read")
                chunks.append(chunk)
            return Fetched(
                url=str(response.url),
                status=response.status_code,
                reason=response.reason_phrase,
                content_type=response.headers.get("content-type"),
                content=b"".join(chunks),
                retry_after=response.headers.get("retry-after"),
            )

    def _wait_turn(self, host: str) -> None:
        """Wait until this host may be asked again."""
        delay = self.policy.host_delay
        robots = self._robots.get(host)
        crawl_delay = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), self.policy.max_wait))
        if host in self._last:
            remaining = self._last[host] + delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()


def _describe(error: Exception) -> str:
    name = type(error).__name__
    text = str(error).strip()
    return f"{name}: {text}" if text else name


def read_urls(
    urls: Iterable[str],
    fmt: InputFormat = "auto",
    note: Note | None = None,
    policy: FetchPolicy | None = None,
) -> Iterator[Document | ReadError]:
    """Every document from the given URLs, in order; a URL that cannot be fetched is an
    error naming it."""
    try:
        with Fetcher(policy) as fetcher:
            for url in urls:
                try:
                    got = fetcher.fetch(url)
                except FetchError as err:
                    yield ReadError(url, str(err))
                    continue
                yield from read_bytes(
                    got.content, url, fmt, note, content_type=got.content_type, address=got.url
                )
    finally:
        release()  # the language model, once the batch is read


def url_list(path: str) -> list[str]:
    """The URLs of a file, one a line; blank lines and `#` comments left out."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def retry_after_seconds(value: str | None, now: float | None = None) -> float:
    """Seconds a `Retry-After` header asks to wait (a number, or an HTTP date)."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError):
        return 0.0
    return max(0.0, when - (time.time() if now is None else now))

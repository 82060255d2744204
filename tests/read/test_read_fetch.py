"""Fetching pages and feeds, against a local HTTP server started here (nothing else is
reachable): the user agent, robots.txt, retries with back-off, errors, the per-host pace."""

from __future__ import annotations

import pytest
from webinputs import Site

from frontlines.read import Document, FetchPolicy, ReadError, read_urls

FAST = FetchPolicy(timeout=5, retries=2, backoff=0.01, host_delay=0)


@pytest.fixture
def site():
    running = Site()
    yield running
    running.close()


def test_a_page_and_a_feed_are_fetched_and_read(site):
    items = list(read_urls([f"{site.url}/news/army-post-attack", f"{site.url}/feed"], policy=FAST))
    assert [type(i).__name__ for i in items] == ["Document"] * 4
    page = items[0]
    assert page.name == f"{site.url}/news/army-post-attack"
    assert page.url == f"{site.url}/news/army-post-attack"  # where it was fetched from
    assert page.text.startswith("JNIM claimed") and page.published == "2024-03-11"
    assert items[1].name == f"{site.url}/feed#1" and items[1].id == page.id
    assert site.paths() == ["/robots.txt", "/news/army-post-attack", "/feed"]  # robots once
    agents = {agent for _, _, agent in site.requests}
    assert len(agents) == 1 and agents.pop().startswith("frontlines/")


def test_robots_txt_is_respected(site):
    url = f"{site.url}/private/report.html"
    (error,) = read_urls([url], policy=FAST)
    host = site.url.removeprefix("http://")
    assert str(error) == f"{url}: error: robots.txt of {host} disallows it; not fetched"
    assert site.paths() == ["/robots.txt"]


def test_robots_txt_rules_for_frontlines_by_name_are_the_ones_kept():
    named = b"User-agent: *\nDisallow: /\n\nUser-agent: frontlines\nDisallow: /members/\n"
    site = Site(robots=(200, named))
    try:
        urls = [f"{site.url}/members/report.html", f"{site.url}/news/army-post-attack"]
        error, page = read_urls(urls, policy=FAST)
        assert "disallows it" in str(error) and isinstance(page, Document)
        assert "/members/report.html" not in site.paths()
    finally:
        site.close()


def test_a_server_error_is_retried_with_back_off(site):
    (page,) = read_urls([f"{site.url}/flaky"], policy=FAST)
    assert isinstance(page, Document) and page.text.startswith("Gunmen killed nine")
    assert site.paths() == ["/robots.txt", "/flaky", "/flaky"]


def test_a_server_that_stays_down_is_an_error_after_the_retries(site):
    (error,) = read_urls([f"{site.url}/busy"], policy=FAST)
    assert str(error) == (
        f"{site.url}/busy: error: HTTP 503 Service Unavailable (after 3 attempts)"
    )
    assert site.paths().count("/busy") == 3


def test_a_missing_page_is_an_error_not_retried_and_the_rest_goes_on(site):
    items = list(read_urls([f"{site.url}/gone", f"{site.url}/news/army-post-attack"], policy=FAST))
    assert str(items[0]) == f"{site.url}/gone: error: HTTP 404 Not Found"
    assert isinstance(items[1], Document)
    assert site.paths().count("/gone") == 1


def test_requests_to_one_host_are_spaced(site):
    policy = FetchPolicy(timeout=5, retries=0, backoff=0, host_delay=0.25)
    urls = [f"{site.url}/news/army-post-attack", f"{site.url}/feed", f"{site.url}/gone"]
    list(read_urls(urls, policy=policy))
    times = [when for when, _, _ in site.requests]
    assert len(times) == 4
    assert all(b - a >= 0.24 for a, b in zip(times, times[1:], strict=False))


def test_a_robots_crawl_delay_longer_than_ours_is_kept():
    site = Site(robots=(200, b"User-agent: *\nCrawl-delay: 1\n"))
    try:
        list(read_urls([f"{site.url}/news/army-post-attack", f"{site.url}/feed"], policy=FAST))
        times = [when for when, path, _ in site.requests if path != "/robots.txt"]
        assert times[1] - times[0] >= 0.99
    finally:
        site.close()


def test_an_unreadable_robots_txt_disallows_all_and_a_missing_one_allows_all():
    down = Site(robots=(500, b"oops"))
    none = Site(robots=(404, b"no robots here"))
    try:
        (error,) = read_urls([f"{down.url}/news/army-post-attack"], policy=FAST)
        host = down.url.removeprefix("http://")
        assert str(error) == (
            f"{down.url}/news/army-post-attack: error: robots.txt of {host} cannot be read "
            "(HTTP 500 Internal Server Error (after 3 attempts)); not fetched"
        )
        assert "/news/army-post-attack" not in down.paths()
        (page,) = read_urls([f"{none.url}/news/army-post-attack"], policy=FAST)
        assert isinstance(page, Document)
    finally:
        down.close()
        none.close()


def test_no_server_and_not_a_url_are_errors():
    site = Site()
    url = site.url
    site.close()  # nothing listens there any more
    items = list(
        read_urls(
            [f"{url}/news/army-post-attack", "ftp://example.org/x", "report.txt"], policy=FAST
        )
    )
    assert all(isinstance(i, ReadError) for i in items)
    assert "ConnectError" in str(items[0]) and "(after 3 attempts)" in str(items[0])
    assert str(items[1]) == "ftp://example.org/x: error: not an http(s) URL"
    assert str(items[2]) == "report.txt: error: not an http(s) URL"

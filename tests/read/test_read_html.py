"""Saved web pages: the article, not the page around it."""

from __future__ import annotations

from webinputs import ARTICLE_URL, DATA

from frontlines.read import ReadError, read_bytes, read_inputs


def _one(path):
    (item,) = read_inputs([str(path)])
    return item


def test_a_news_page_gives_its_article_and_nothing_around_it():
    page = _one(DATA / "army-post-attack.html")
    assert page.text.startswith("JNIM claimed the dawn attack near Djibo")
    assert page.text.endswith("since 2015.\n")
    for around in (
        "Breaking",  # ticker
        "Most read",  # sidebar
        "Related stories",
        "Aid convoy reaches besieged Djibo",  # a related story, and the inline "Read more"
        "Thoughts with the families",  # a comment
        "Get the Sahel briefing",  # newsletter box
        "cookies",
        "All rights reserved",
        "Advertisement",
        "Share on",
        "Photo: Sahel Monitor archive",  # the picture's caption
    ):
        assert around not in page.text, around


def test_the_page_gives_its_metadata():
    page = _one(DATA / "army-post-attack.html")
    assert (
        page.title == "Militants kill 14 soldiers in attack on army post in northern Burkina Faso"
    )
    assert page.source == "Sahel Monitor"
    assert page.published == "2024-03-11"  # published, not the update of 12 March
    assert page.url == ARTICLE_URL  # the canonical URL
    assert page.language == "en"
    assert not page.text.startswith(page.title)  # the headline is the title, not the body


def test_the_page_reads_as_the_same_article_saved_as_text():
    page = _one(DATA / "army-post-attack.html")
    text = _one(DATA / "army-post-attack.txt")
    assert page.text == text.text and page.id == text.id


def test_the_events_of_the_page_are_those_of_the_plain_text_with_offsets_into_its_text():
    from frontlines.pipeline import extract_documents

    page, text = _one(DATA / "army-post-attack.html"), _one(DATA / "army-post-attack.txt")
    from_page, from_text = extract_documents([page, text])
    assert from_page.events and from_page.events == from_text.events
    for event in from_page.events:
        for evidence in event.evidence:
            assert page.text[evidence.start : evidence.end] == evidence.text
    kinds = {(e.sub_event_type, e.location.name if e.location else None) for e in from_page.events}
    assert ("Armed clash", "Djibo") in kinds or ("Attack", "Djibo") in kinds


def test_another_site_layout_no_article_element():
    page = _one(DATA / "bankass-village-raid.html")
    assert page.text.startswith("Gunmen killed nine villagers")
    assert page.text.endswith("sent troops to the area.\n")
    assert "Leave a Reply" not in page.text and "My cousin" not in page.text
    assert "Share this" not in page.text and "Related" not in page.text
    assert (page.source, page.published) == ("Sahel Monitor", "2024-03-12")


def test_a_page_with_no_article_is_an_error_naming_it():
    menu = b"<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav></body></html>"
    (error,) = read_bytes(menu, "index.html")
    assert isinstance(error, ReadError)
    assert str(error) == "index.html: error: no article text found in the page"


def test_a_page_in_another_charset_is_decoded():
    markup = (
        (DATA / "bankass-village-raid.html")
        .read_text()
        .replace("Bankass", "Bankass (Mopti r\u00e9gion)")
    )
    (page,) = read_bytes(
        markup.encode("cp1252"), "latin.html", content_type="text/html; charset=windows-1252"
    )
    assert "Mopti r\u00e9gion" in page.text


def test_html_is_known_by_content_without_a_name():
    data = (DATA / "army-post-attack.html").read_bytes()
    (page,) = read_bytes(data, "saved-page")
    assert page.text.startswith("JNIM claimed")

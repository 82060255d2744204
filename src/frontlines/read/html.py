"""Web pages: the article's main text and metadata, by trafilatura.

Navigation, comments, related-story lists, advertising and footers are left out; the title,
outlet, publication date and canonical URL come from the page's metadata (meta tags, JSON-LD,
`<time>`). The text is the article's paragraphs, one blank line between two, the way a report
saved as plain text reads; a first paragraph that repeats the title is left to `title`. Evidence
offsets point into this text, which is the document's body and what the store keeps.

trafilatura (and lxml under it) is imported on the first page read, never at start-up.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from frontlines.models import Document
from frontlines.read.document import BadDocument, make_document

# Precision over recall: a paragraph of boilerplate left in (a related story's headline, a
# reader's comment) is an event that did not happen; and a page of menus only gives no text.
_EXTRACTION = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_images": False,
    "include_links": False,
}
# trafilatura's own publication-date search, narrowed: the page's metadata and markup only
# (no guessing from dates in the text), and the original date, not the last update.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}
_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre")
_SPACES = re.compile(r"\s+")


@cache
def _trafilatura():
    for library in ("trafilatura", "htmldate", "courlan", "justext"):
        # their warnings (an encoding guessed wrong, a date not found) are not the user's
        logging.getLogger(library).addHandler(logging.NullHandler())
        logging.getLogger(library).propagate = False
    import trafilatura

    return trafilatura


def html_document(
    data: bytes,
    name: str,
    *,
    address: str | None = None,
    published: str | None = None,
    charset: str | None = None,
) -> Document:
    """The article a web page holds. `address` is where the page was fetched or captured
    (else its canonical URL is used); `published` is taken when the page gives no date of its
    own (a web archive's capture date); `charset` is the HTTP header's."""
    try:
        page = _trafilatura().bare_extraction(
            _decoded(data, charset),
            url=address,
            with_metadata=True,
            date_extraction_params=_DATE_SEARCH,
            **_EXTRACTION,
        )
    except Exception as err:  # noqa: BLE001 - the extractor's own failure on broken markup
        raise BadDocument(f"the page cannot be read: {type(err).__name__}: {err}") from None
    title = _clean(getattr(page, "title", None))
    text = paragraphs(getattr(page, "text", None) or "", title)
    if not text:
        raise BadDocument("no article text found in the page")
    url = address or getattr(page, "url", None)
    return make_document(
        text,
        name=name,
        title=title,
        source=_clean(page.sitename) or _clean(page.hostname) or _clean(page.author),
        url=url,
        published=page.date or published,
    )


def fragment_text(markup: str, title: str | None = None) -> str:
    """The text of an HTML fragment (a feed entry's content or summary), paragraphs apart as
    in a page's article, so that an entry and its page give the same text."""
    wrapped = f"<html><body><article>{markup}</article></body></html>"
    try:
        extracted = _trafilatura().bare_extraction(wrapped, **_EXTRACTION)
    except Exception:  # noqa: BLE001 - the extractor's own failure: the plain text below
        extracted = None
    text = paragraphs(getattr(extracted, "text", None) or "", title)
    return text or paragraphs(_plain_text(wrapped), title)


def paragraphs(text: str, title: str | None = None) -> str:
    """Non-empty lines as paragraphs, one blank line between two and a line break after the
    last, as in a text file; a first line that repeats the title left out."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and _folded(lines[0]) == _folded(title):
        lines = lines[1:]
    return "\n\n".join(lines) + "\n" if lines else ""


def _plain_text(markup: str) -> str:
    """All the text of some markup, a line break after every block."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def _decoded(data: bytes, charset: str | None) -> str | bytes:
    """The page as text in the HTTP header's charset, else as bytes for trafilatura to
    decode (UTF-8, else the encoding it detects)."""
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return data


def _clean(value: object) -> str | None:
    text = _SPACES.sub(" ", str(value)).strip() if value else ""
    return text or None


def _folded(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()

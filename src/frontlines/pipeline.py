"""The pipeline: read → normalize → parse → mentions → link → resolve → events → relate.

`resolve` runs before `events` so that events can be folded by resolved date and place; the
cross-document `merge` and `store` stages work on the resulting `Extraction`s.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from frontlines.events import detect_events
from frontlines.link import LinkedDocument, link
from frontlines.mentions import find_mentions
from frontlines.models import Actor, Document, Extraction
from frontlines.normalize import normalize
from frontlines.parse import ParsedDocument, parse, parse_many
from frontlines.read import make_document
from frontlines.relate import find_quotes, relate
from frontlines.resolve import resolve


def _actors(linked: LinkedDocument) -> list[Actor]:
    normalized = linked.parsed.normalized
    actors = []
    for actor_id, present in linked.actors.items():
        record = present.record
        mentions = []
        for mention in present.mentions:
            mentions.append(normalized.evidence(mention.start, mention.end))
        aliases = list(dict.fromkeys(m.text for m in mentions))
        actors.append(
            Actor(
                id=actor_id,
                name=record.name,
                type=record.type,
                inter=record.inter,
                country=record.country,
                wikidata=record.wikidata,
                aliases=aliases,
                mentions=mentions,
            )
        )
    actors.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
    return actors


def extract_parsed(parsed: ParsedDocument, user_kb: str | None = None) -> Extraction:
    """Every stage after parsing, for one document."""
    linked = link(find_mentions(parsed, user_kb), user_kb)
    resolved = resolve(linked)
    quotes = find_quotes(resolved)  # before events: "our forces" in a quote are the speaker's
    events = detect_events(resolved, quotes)
    picture = relate(resolved, events, quotes)
    document = parsed.document
    return Extraction(
        doc_id=document.doc_id,
        published=document.published,
        events=events,
        actors=_actors(linked),
        places=resolved.places,
        dates=resolved.dates,
        relations=picture.relations,
        control=picture.control,
        quotes=picture.quotes,
    )


_WARMED: set[str | None] = set()  # knowledge bases warm_up has run for in this process


class ExtractionTimeout(Exception):
    """A document took longer than the time limit set for one document."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ExtractionTimeout inside the block once `seconds` have passed.

    A batch must go on past one document that some rule handles badly (a parse walk that
    never ends, a pathological input), so the batch commands bound each document's time.
    It works through SIGALRM, so only on the main thread of a Unix process; elsewhere, and
    for no `seconds`, the block runs unbounded.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ExtractionTimeout(f"took longer than the time limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_document(
    document: Document, user_kb: str | None = None, seconds: float | None = None
) -> Extraction:
    """One document through every stage; with `seconds`, ExtractionTimeout past that."""
    if seconds and user_kb not in _WARMED:
        # Loading the model and indexes is the process's cost, not the first document's.
        warm_up(user_kb)
        _WARMED.add(user_kb)
    with time_limit(seconds):
        return extract_parsed(parse(document, normalize(document)), user_kb)


def extract_documents(
    documents: Iterable[Document], user_kb: str | None = None
) -> Iterator[Extraction]:
    """Extract a batch with spaCy's batched parsing, in input order."""
    pairs = ((document, normalize(document)) for document in documents)
    for parsed in parse_many(pairs):
        yield extract_parsed(parsed, user_kb)


def warm_up(user_kb: str | None = None) -> None:
    """Load the model and build every index now, not on the first document."""
    from frontlines.events import warm as warm_classifier
    from frontlines.kb.gazetteer import warm
    from frontlines.link import warm as warm_link
    from frontlines.parse import load_pipeline

    load_pipeline()
    warm()
    warm_link(user_kb)
    warm_classifier()
    # The rest is lazy (data files, dateparser's locale and time-zone tables, compiled
    # patterns): one short report through every stage pays for it here, not the first document.
    extract(_WARM_UP_TEXT, published="2021-03-03", user_kb=user_kb)


_WARM_UP_TEXT = (
    "Gunmen attacked a village near the capital on Monday, killing two people, police said.\n\n"
    '"We will respond," a spokesman for the army said on 2 March 2021, a week after the clashes.'
)


def extract(
    text: str, published: str | None = None, *, user_kb: str | None = None, **metadata: object
) -> Extraction:
    """The Python API: extract the conflict picture of one report's text."""
    return extract_document(make_document(text, published=published, **metadata), user_kb)

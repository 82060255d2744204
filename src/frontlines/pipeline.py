"""The pipeline: read → normalize → parse → mentions → link → resolve → events → relate.

`resolve` runs before `events` so that events can be folded by resolved date and place; the
cross-document `merge` and `store` stages work on the resulting `Extraction`s.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from pydantic import BaseModel

from frontlines.events import detect_events, event_id
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
        actors=_actors(picture.linked or linked),
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


# Past this many characters a body is read section by section: the parser's memory and some
# stages' cost grow faster than the length, and a report this long is many stories anyway.
SECTION_CHARS = 100_000


def sections(text: str, limit: int = SECTION_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections of `text`, each at most `limit` characters, cut
    at a paragraph break where there is one in the second half, else a line break, a
    sentence end or a space."""
    spans = []
    start = 0
    while len(text) - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for mark, keep in (("\n\n", 0), ("\n", 0), (". ", 1), (" ", 0)):
            found = text.rfind(mark, low, high)
            if found != -1:
                cut = found + keep
                break
        cut = cut if cut > start else high
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _shifted(value: object, offset: int) -> object:
    """A model with every (start, end) offset inside it moved by `offset`."""
    if isinstance(value, list):
        return [_shifted(item, offset) for item in value]
    if not isinstance(value, BaseModel):
        return value
    update = {
        name: _shifted(getattr(value, name), offset)
        for name in type(value).model_fields
        if isinstance(getattr(value, name), list | BaseModel)
    }
    if "start" in type(value).model_fields and "end" in type(value).model_fields:
        update["start"] = value.start + offset
        update["end"] = value.end + offset
    return value.model_copy(update=update)


def _joined(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction from its sections' (offset, extraction): offsets into the whole body,
    each actor once with all its mentions, events numbered through."""
    joined = Extraction(doc_id=document.doc_id, published=document.published)
    actors: dict[str, Actor] = {}
    for offset, part in parts:
        part = _shifted(part, offset)
        for field in ("events", "places", "dates", "relations", "control", "quotes"):
            getattr(joined, field).extend(getattr(part, field))
        for actor in part.actors:
            known = actors.get(actor.id)
            if known is None:
                actors[actor.id] = actor
            else:
                aliases = list(dict.fromkeys([*known.aliases, *actor.aliases]))
                mentions = [*known.mentions, *actor.mentions]
                actors[actor.id] = known.model_copy(
                    update={"aliases": aliases, "mentions": mentions}
                )
    joined.actors = list(actors.values())
    joined.events = [
        event.model_copy(update={"id": event_id(document.id, number)})
        for number, event in enumerate(joined.events, start=1)
    ]
    return joined


def _extract_whole(document: Document, user_kb: str | None) -> Extraction:
    if len(document.text) <= SECTION_CHARS:
        return extract_parsed(parse(document, normalize(document)), user_kb)
    parts = []
    for start, end in sections(document.text):
        if not document.text[start:end].strip():
            continue
        section = document.model_copy(update={"text": document.text[start:end]})
        parts.append((start, extract_parsed(parse(section, normalize(section)), user_kb)))
    return _joined(document, parts)


def extract_document(
    document: Document, user_kb: str | None = None, seconds: float | None = None
) -> Extraction:
    """One document through every stage; with `seconds`, ExtractionTimeout past that."""
    if seconds:  # loading the model and indexes is the process's cost, not the document's
        warm_up(user_kb)
    with time_limit(seconds):
        return _extract_whole(document, user_kb)


def extract_documents(
    documents: Iterable[Document], user_kb: str | None = None
) -> Iterator[Extraction]:
    """Extract a batch with spaCy's batched parsing, in input order."""
    batch: list[Document] = []
    for document in documents:
        if len(document.text) > SECTION_CHARS:  # read by sections, alone
            yield from _extract_batch(batch, user_kb)
            batch = []
            yield _extract_whole(document, user_kb)
            continue
        batch.append(document)
        if len(batch) == BATCH_DOCUMENTS:
            yield from _extract_batch(batch, user_kb)
            batch = []
    yield from _extract_batch(batch, user_kb)


BATCH_DOCUMENTS = 64  # documents parsed together, in spaCy's batches


def _extract_batch(documents: list[Document], user_kb: str | None) -> Iterator[Extraction]:
    for parsed in parse_many((document, normalize(document)) for document in documents):
        yield extract_parsed(parsed, user_kb)


def warm_up(user_kb: str | None = None) -> None:
    """Load the model and build every index now, not on the first document (once per
    process and knowledge base)."""
    if user_kb in _WARMED:
        return
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
    _WARMED.add(user_kb)


_WARM_UP_TEXT = (
    "Gunmen attacked a village near the capital on Monday, killing two people, police said.\n\n"
    '"We will respond," a spokesman for the army said on 2 March 2021, a week after the clashes.'
)


def extract(
    text: str, published: str | None = None, *, user_kb: str | None = None, **metadata: object
) -> Extraction:
    """The Python API: extract the conflict picture of one report's text."""
    return extract_document(make_document(text, published=published, **metadata), user_kb)

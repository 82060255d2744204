"""The sides of a report: the parties with who backs them, the notable quotes, and the
documents the footnotes cite. Part of gathering a report (`gather.py`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import select

from frontlines.report.model import Cited, Party, QuoteItem, Report, Source, format_date
from frontlines.store import documents, quotes, state_as_of

if TYPE_CHECKING:
    from frontlines.report.gatherer import Gatherer


def parties(g: Gatherer, report: Report, scope: list[dict]) -> None:
    words = g.words
    counts: Counter[str] = Counter()
    first: dict[str, list[dict]] = defaultdict(list)
    for row in scope:
        for key in ("actor1_id", "actor2_id"):
            if row[key]:
                counts[row[key]] += 1
                first[row[key]].append(row)
    links: dict[str, dict[tuple[str, str], list]] = defaultdict(lambda: defaultdict(list))
    if report.as_of:
        for item in state_as_of(g.engine, report.as_of, g.country).backing:
            kind = words["party_kinds"].get(item.kind, item.kind)
            if item.modality != "asserted":
                kind += f" ({words['modality_' + item.modality]})"
            links[item.target.id][(kind, item.source.name)].append(item)
            counts.setdefault(item.target.id, 0)
    for actor_id in sorted(counts, key=lambda a: (-counts[a], g.name(a))):
        spans = g.first_spans(first[actor_id][:3])
        party = Party(
            name=g.name(actor_id),
            kind=g.actor_kind(actor_id),
            events=counts[actor_id],
            refs=g.notes.cite_all(spans),
        )
        by_kind: dict[str, list[Cited]] = defaultdict(list)
        for (label, source), items in links[actor_id].items():
            modes = sorted({i.mode for i in items if i.mode != "unspecified"})
            text = source + (words["mode"].format(mode=", ".join(modes)) if modes else "")
            spans = [(e.document_id, e.start, e.end) for i in items for e in i.evidence]
            by_kind[label].append(Cited(text, g.notes.cite_all(spans, words["max_refs"])))
        party.links = sorted(by_kind.items())
        report.parties.append(party)


def notable_quotes(g: Gatherer, report: Report, scope: list[dict], moves: list[dict]) -> None:
    words = g.words
    docs = {span[0] for row in scope for span in g.evidence.get(row["cluster_id"], [])}
    docs |= {m["document_id"] for m in moves}
    if not docs:
        return
    query = (
        select(quotes)
        .join(documents, documents.c.id == quotes.c.document_id)
        .where(quotes.c.document_id.in_(sorted(docs)), quotes.c.direct.is_(True))
        .order_by(documents.c.published.asc().nulls_first(), documents.c.id, quotes.c.start)
    )
    per_speaker: Counter[str] = Counter()
    with g.engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(query)]
    for row in rows:
        if not row["speaker"] or len(report.quotes) >= words["max_quotes"]:
            continue
        who = row["speaker_id"] or row["speaker"]
        if per_speaker[who] >= words["max_quotes_per_speaker"]:
            continue
        refs = g.notes.cite_all([(row["document_id"], row["start"], row["end"])])
        if not refs:
            continue
        per_speaker[who] += 1
        actor = g.name(row["actor_id"]) if row["actor_id"] else ""
        role = row["role"] or ""
        if role.lower() in row["speaker"].lower():
            role = ""  # "a Turkish official", not "a Turkish official, official"
        report.quotes.append(
            QuoteItem(
                row["text"],
                refs,
                speaker=row["speaker"],
                role=role,
                actor=actor if actor != row["speaker"] else "",
                date=format_date(row["date"]),
            )
        )


def sources(g: Gatherer, report: Report) -> None:
    cited: dict[str, list[int]] = defaultdict(list)
    for note in report.footnotes:
        cited[note.document_id].append(note.number)
    for document_id, numbers in cited.items():
        document = g.documents[document_id]
        report.sources.append(
            Source(
                document=document["title"] or document["name"] or document["doc_id"],
                source=document["source"] or "",
                published=document["published"] or "",
                url=document["url"] or "",
                notes=numbers,
            )
        )
    report.sources.sort(key=lambda s: (s.published, s.document))

"""What a situation report holds: statements, each with the footnotes that source it, and the
footnotes themselves (document, offsets, the evidence text as the document has it)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml


@cache
def labels() -> dict:
    """The report's wording and choices (`report/data/labels.yaml`)."""
    text = resources.files("frontlines.report").joinpath("data/labels.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def format_date(date: str | None, precision: int = 1) -> str:
    """'2020-06-05' → '5 June 2020' (ACLED's style); vaguer precisions say so."""
    if not date:
        return ""
    words = labels()
    parts = date.split("-")
    year = parts[0]
    month = words["months"][int(parts[1]) - 1] if len(parts) > 1 else ""
    day = str(int(parts[2])) if len(parts) > 2 else ""
    if not month:
        return year
    if not day or precision >= 3:
        return words["date_month"].format(month=month, year=year)
    key = "date_week" if precision == 2 else "date_day"
    return words[key].format(day=day, month=month, year=year)


@dataclass
class Footnote:
    number: int
    document_id: str
    doc_id: str
    document: str = ""
    published: str | None = None
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass
class Cited:
    """A piece of text and the footnotes that source it."""

    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Statement(Cited):
    date: str | None = None
    when: str = ""
    order: int = 0


@dataclass
class TypeRow(Cited):
    events: int = 0
    deaths: int = 0


@dataclass
class ControlRow(Cited):
    """`text` is the place; `status` says who holds it and since when."""

    status: str = ""
    since: str = ""


@dataclass
class Party:
    name: str
    kind: str
    events: int
    refs: list[int] = field(default_factory=list)
    links: list[tuple[str, list[Cited]]] = field(default_factory=list)


@dataclass
class QuoteItem(Cited):
    speaker: str = ""
    role: str = ""
    actor: str = ""
    date: str = ""


@dataclass
class Source:
    document: str
    source: str
    published: str
    url: str
    notes: list[int] = field(default_factory=list)


@dataclass
class MapPoint:
    lat: float
    lon: float
    label: str
    category: str
    deaths: int = 0


@dataclass
class ControlPoint:
    lat: float
    lon: float
    place: str
    holder: str
    contested: bool = False


@dataclass
class Report:
    title: str
    country: str | None
    since: str | None
    as_of: str | None
    period: str
    as_of_label: str = ""
    headline: list[Statement] = field(default_factory=list)
    by_type: list[TypeRow] = field(default_factory=list)
    developments: list[Statement] = field(default_factory=list)
    control: list[ControlRow] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    points: list[MapPoint] = field(default_factory=list)
    control_points: list[ControlPoint] = field(default_factory=list)
    timeline: list[tuple[str, str, int]] = field(default_factory=list)
    control_dates: list[str] = field(default_factory=list)


class Notes:
    """Numbers evidence spans as footnotes, one number per (document, start, end); the
    footnote's text is always the document's own text at those offsets."""

    def __init__(self, documents: dict[str, dict]) -> None:
        self.documents = documents
        self.by_span: dict[tuple[str, int, int], int] = {}
        self.footnotes: list[Footnote] = []

    def cite(self, document_id: str, start: int | None, end: int | None) -> int | None:
        document = self.documents.get(document_id)
        if document is None or start is None or end is None:
            return None
        body = document["text"]
        if not 0 <= start < end <= len(body):
            return None
        key = (document_id, start, end)
        if key not in self.by_span:
            number = len(self.footnotes) + 1
            self.by_span[key] = number
            self.footnotes.append(
                Footnote(
                    number=number,
                    document_id=document_id,
                    doc_id=document["doc_id"],
                    document=document["title"] or document["name"] or document["doc_id"],
                    published=document["published"],
                    start=start,
                    end=end,
                    text=body[start:end],
                )
            )
        return self.by_span[key]

    def cite_all(self, spans, limit: int | None = None) -> list[int]:
        """Footnote numbers for (document_id, start, end) spans, in order, without repeats."""
        numbers: list[int] = []
        for document_id, start, end in spans:
            number = self.cite(document_id, start, end)
            if number is not None and number not in numbers:
                numbers.append(number)
            if limit and len(numbers) >= limit:
                break
        return sorted(numbers)

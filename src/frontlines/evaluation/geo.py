"""Scoring toponym resolution on GeoWebNews and GeoVirus (`frontlines eval GWN.xml`,
`frontlines eval GeoVirus.xml`).

GeoWebNews (Gritta, Pilehvar & Collier 2019): news articles with every toponym marked by type,
most with coordinates; scored on the types that name a place (Literal, Literal_Modifier,
Metonymic). GeoVirus (Gritta et al. 2018): WikiNews articles on epidemics, each toponym with
the coordinates of its Wikipedia page; every one is scored. Both are scored with coordinates:
accuracy within 161 km counting a missed toponym as wrong, the median
error of the ones found, the recall of spans (a place mention of ours overlaps it), and the
wrong ones by what they were placed as.
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from frontlines.evaluation.gold import km

SCORED_TYPES = {"Literal", "Literal_Modifier", "Metonymic"}
ACCURACY_KM = 161.0


# What the wrong ones were placed as: our feature, grouped ("country" is a country's point).
CAUSES = {
    "country": "a country's point",
    "region": "a state, province or county",
    "county": "a state, province or county",
    "city": "a town (a wrong namesake)",
    "landmark": "a street or building, at the wrong town",
    "unresolved": "a name no gazetteer knows, at the wrong town",
    "unresolved_region": "a name no gazetteer knows, at the wrong town",
}


@dataclass
class GeoScore:
    toponyms: int = 0
    found: int = 0
    within: int = 0
    errors: list[float] = field(default_factory=list)
    wrong: Counter[str] = field(default_factory=Counter)  # cause → toponyms
    misses: list[str] = field(default_factory=list)  # one line per wrong toponym

    def lines(self) -> list[str]:
        median = statistics.median(self.errors) if self.errors else float("nan")
        return [
            f"  toponyms scored (with coordinates; GeoWebNews's Literal, Literal_Modifier and "
            f"Metonymic): {self.toponyms}",
            f"  accuracy within {ACCURACY_KM:.0f} km (missed = wrong): {self.within}/"
            f"{self.toponyms} = {self.within / max(self.toponyms, 1):.3f}",
            f"  span recall: {self.found}/{self.toponyms} = "
            f"{self.found / max(self.toponyms, 1):.3f}",
            f"  median error of the toponyms found: {median:.1f} km",
            "  wrong, by what they were placed as:",
            *(f"    {cause}: {count}" for cause, count in self.wrong.most_common()),
        ]


def _toponyms(article: ET.Element) -> list[tuple[int, int, float, float]]:
    """(start, end, lat, lon) of the article's scored toponyms, in either set's format."""
    found = []
    text = article.findtext("text") or ""
    for item in article.find("locations") or []:  # GeoVirus
        lat, lon = item.findtext("lat"), item.findtext("lon")
        start, end, name = (
            int(item.findtext("start")),
            int(item.findtext("end")),
            item.findtext("name"),
        )
        if text[start:end] != name and text[start - 1 : end - 1] == name:
            start, end = start - 1, end - 1  # most of GeoVirus's offsets count from 1
        if lat and lon:
            found.append((start, end, float(lat), float(lon)))
    for item in article.find("toponyms") or []:
        kind = item.findtext("type")
        lat, lon = item.findtext("latitude"), item.findtext("longitude")
        if kind in SCORED_TYPES and lat and lon:
            found.append(
                (int(item.findtext("start")), int(item.findtext("end")), float(lat), float(lon))
            )
    return found


def evaluate_geo(path: Path, limit: int | None = None) -> GeoScore:
    from frontlines.link import link
    from frontlines.mentions import find_mentions
    from frontlines.normalize import normalize
    from frontlines.parse import parse_many
    from frontlines.read import Document
    from frontlines.resolve import resolve

    articles = ET.parse(path).getroot().findall("article")[:limit]
    texts = [a.findtext("text") or "" for a in articles]
    # The gold offsets are into the raw text: no reading-stage normalisation here.
    documents = [Document(id=str(i), doc_id=str(i), text=t) for i, t in enumerate(texts)]
    score = GeoScore()
    parsed = parse_many((d, normalize(d)) for d in documents)
    for article, one in zip(articles, parsed, strict=True):
        places = resolve(link(find_mentions(one))).places
        text = one.document.text
        for start, end, lat, lon in _toponyms(article):
            score.toponyms += 1
            hits = [p for p in places if p.start < end and start < p.end]
            context = text[max(0, start - 50) : end + 30].replace("\n", " ")
            where = f"{one.document.id}\t{text[start:end]!r}\tgold {lat:.2f},{lon:.2f}"
            if not hits:
                score.wrong["not found"] += 1
                score.misses.append(f"not found\t{where}\t|{context}|")
                continue
            score.found += 1
            place = hits[0]
            if place.lat is None:
                score.wrong["found without coordinates"] += 1
                score.misses.append(f"no coordinates\t{where}\t|{context}|")
                continue
            error = km(lat, lon, place.lat, place.lon)
            score.errors.append(error)
            score.within += error <= ACCURACY_KM
            if error > ACCURACY_KM:
                other = "a sea, world region or other feature"
                score.wrong[CAUSES.get(place.feature or "", other)] += 1
                score.misses.append(
                    f"{error:.0f} km\t{where}\t{place.name} ({place.country}, {place.feature}) "
                    f"{place.lat:.2f},{place.lon:.2f}\t|{context}|"
                )
    return score


def main(argv: list[str] | None = None) -> None:
    """`python -m frontlines.evaluation.geo GWN.xml [--misses]`: the score, and with `--misses`
    every wrong toponym (article, text, gold point, what it was placed as, its context)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every wrong toponym")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = parser.parse_args(argv)
    score = evaluate_geo(args.path, args.limit)
    print("\n".join(score.lines()))
    if args.misses:
        print("\n".join(score.misses))


if __name__ == "__main__":
    main()

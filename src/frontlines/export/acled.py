"""ACLED-style CSV: ACLED's columns in ACLED's order, with ACLED's meanings.

One row per real-world event (a cluster of reports): `source` lists every report's source,
`fatalities` is the cluster's conservative figure, `notes` is written ACLED's way from the
evidence ("On 5 June 2020, ..."). Only ACLED events are exported (PLOVER-only interactions
such as phone calls go to `plover-json`); background events only with `historical`; an event
with no country (neither its place nor its actors have one) cannot be coded and is counted
as left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from typing import TextIO

from sqlalchemy import Engine

from frontlines.export.common import ClusterEvent, cluster_events, data
from frontlines.kb.countries import country_codes
from frontlines.report import format_date

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (17: state forces and
    civilians); a sole actor's code times ten (60: protesters alone)."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def disorder_type(event_type: str, sub_event_type: str | None) -> str:
    vocab = data("vocab")
    return vocab["disorder_sub_event_types"].get(sub_event_type or "") or vocab[
        "disorder_types"
    ].get(event_type, "")


def _common_word(word: str, item: ClusterEvent) -> bool:
    """A sentence's first word is lower-cased after the date unless it is a name: a word
    the vocabulary lists, or one the reports also write in lower case, is not."""
    if not word or not word[0].isupper() or (len(word) > 1 and word.isupper()):
        return False
    lower = word.lower()
    if lower in data("vocab")["notes_lower_words"]:
        return True
    pattern = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
    return any(pattern.search(d.get("text") or "") for d in item.documents)


def notes(item: ClusterEvent) -> str:
    """ACLED's notes: the date, then what the evidence says happened."""
    vocab = data("vocab")
    sentences = list(dict.fromkeys(e["text"].strip() for e in item.evidence))[:3]
    if not sentences:
        return ""
    first = sentences[0]
    if not first.lower().startswith("on ") and item.row["date"]:
        if _common_word(first.split(" ", 1)[0].strip(",;:"), item):
            first = first[0].lower() + first[1:]
        date = format_date(item.row["date"])
        first = vocab["notes_lead"].format(date=date) + first
    text = " ".join([first, *sentences[1:]])
    if item.high > item.row["fatalities"]:
        text += " " + vocab["notes_deaths_differ"].format(
            low=item.row["fatalities"], high=item.high
        )
    return text


def _timestamp(item: ClusterEvent) -> int | str:
    stamps = [d["ingested_at"] for d in item.documents if d.get("ingested_at")]
    if not stamps:
        return ""
    return int(dt.datetime.fromisoformat(max(stamps)).timestamp())


def acled_rows(engine: Engine, historical: bool = False) -> tuple[list[dict], Counter]:
    """The ACLED rows, and counts of the events left out by reason."""
    vocab = data("vocab")
    left: Counter[str] = Counter()
    chosen: list[tuple[ClusterEvent, str]] = []
    for item in cluster_events(engine):
        if not item.row["event_type"]:
            left["not an ACLED event type"] += 1
        elif item.row["modality"] not in vocab["acled_modalities"]:
            left[f"{item.row['modality']}, not an event that happened"] += 1
        elif item.row["historical"] and not historical:
            left["background (historical)"] += 1
        elif not item.row["date"]:
            left["no date"] += 1
        elif not item.country:
            left["no country"] += 1
        else:
            chosen.append((item, item.country))
    numbers: Counter[str] = Counter()
    ids: dict[str, str] = {}
    for item, country in sorted(chosen, key=lambda c: c[0].rowid):
        numbers[country] += 1
        ids[item.row["id"]] = f"{country}{numbers[country]}"
    rows = []
    for item, country in chosen:
        record, row = item.record, item.row
        actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
        inter1, inter2 = actor1.get("inter"), actor2.get("inter")
        location = record.get("location") or {}
        iso, country_name, region = country_codes(country)
        disorder = disorder_type(row["event_type"], row["sub_event_type"])
        targeting = (
            vocab["civilian_targeting"]
            if inter2 == vocab["civilian_inter"] and "Political violence" in disorder
            else ""
        )
        sources = [d["source"] or d["title"] or d["name"] for d in item.documents]
        rows.append(
            {
                "event_id_cnty": ids[row["id"]],
                "event_date": row["date"],
                "year": int(row["date"][:4]),
                "time_precision": row["time_precision"],
                "disorder_type": disorder,
                "event_type": row["event_type"],
                "sub_event_type": row["sub_event_type"] or "",
                "actor1": actor1.get("name", ""),
                "assoc_actor_1": "; ".join(a["name"] for a in record.get("assoc_actor_1", [])),
                "inter1": inter1 if inter1 is not None else "",
                "actor2": actor2.get("name", ""),
                "assoc_actor_2": "; ".join(a["name"] for a in record.get("assoc_actor_2", [])),
                "inter2": inter2 if inter2 is not None else "",
                "interaction": interaction(inter1, inter2) or "",
                "civilian_targeting": targeting,
                "iso": iso,
                "region": region,
                "country": country_name,
                "admin1": location.get("admin1") or "",
                "admin2": "",
                "admin3": "",
                "location": location.get("name") or "",
                "latitude": location.get("lat", ""),
                "longitude": location.get("lon", ""),
                "geo_precision": location.get("geo_precision", ""),
                "source": "; ".join(dict.fromkeys(s for s in sources if s)),
                "source_scale": "",
                "notes": notes(item),
                "fatalities": row["fatalities"],
                "tags": vocab["tags"].get(row["event_type"], ""),
                "timestamp": _timestamp(item),
            }
        )
    return rows, left


def write_acled_csv(rows: list[dict], handle: TextIO) -> None:
    writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)

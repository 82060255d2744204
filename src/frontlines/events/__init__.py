"""Stage `events`: the events a resolved report tells, typed in ACLED's and PLOVER's
vocabularies, with their actors, place, date, fatalities and modality.

`detect` finds event clauses by the trigger rules (`rules`, lexicon in `kb/data/events.yaml`)
and asks the sentence classifier (`classifier`, trained on `corpus`) for each sentence's main
event; `typer` decides between the two judges; `fatalities` counts deaths by ACLED's rules;
`folding` folds one event told twice into one; `nonevents` judges what is no event. Entry point:
`detect_events`.
"""

from frontlines.events.classifier import LinearTyper, labels_of, views, warm
from frontlines.events.corpus import (
    CorpusItem,
    LabelledEvent,
    acled_types,
    corpus_folder,
    is_held_out,
    labelled_folder,
    load_corpus,
    load_labelled,
    split,
)
from frontlines.events.detect import detect_events, event_id

__all__ = [
    "CorpusItem",
    "LabelledEvent",
    "LinearTyper",
    "acled_types",
    "corpus_folder",
    "detect_events",
    "event_id",
    "is_held_out",
    "labelled_folder",
    "labels_of",
    "load_corpus",
    "load_labelled",
    "split",
    "views",
    "warm",
]

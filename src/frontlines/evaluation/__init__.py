"""Scoring the pipeline against gold data, and measuring its speed: the founding article's gold
and date expressions (`gold`), actor-name variants (`actors`), the event corpus's held-out
fifth (`events`), labelled real reports and CASE 2021 snippets (`real_events`), PLOVER
gold-standard records (`plover`), GeoWebNews toponyms (`geo`), the
conflict picture (`picture`, and on real text `picture_gold`) and the benchmark (`bench`)."""

from frontlines.evaluation.actors import evaluate_variants
from frontlines.evaluation.bench import run_bench
from frontlines.evaluation.events import evaluate_events, is_event_corpus
from frontlines.evaluation.geo import evaluate_geo
from frontlines.evaluation.gold import evaluate_dates, evaluate_gold
from frontlines.evaluation.picture_gold import evaluate_picture_gold, is_picture_gold
from frontlines.evaluation.plover import evaluate_plover
from frontlines.evaluation.real_events import evaluate_real, is_case_file, is_labelled
from frontlines.evaluation.throughput import machine, measure, real_corpora

__all__ = [
    "evaluate_dates",
    "evaluate_events",
    "evaluate_geo",
    "evaluate_gold",
    "evaluate_picture_gold",
    "evaluate_plover",
    "evaluate_real",
    "evaluate_variants",
    "is_case_file",
    "is_event_corpus",
    "is_labelled",
    "is_picture_gold",
    "machine",
    "measure",
    "real_corpora",
    "run_bench",
]

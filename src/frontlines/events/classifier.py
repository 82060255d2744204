"""Sentence typing by a linear model trained on real labelled reports
(`kb/data/labelled_events/`) and our own written corpus (`kb/data/event_corpus/`).

Two heads over the same features: the ACLED sub-event type (or none) and the PLOVER type (or
none). Features (chosen by measurement, see `eval_events.compare` and the cross-validation
over the real reports in docs/evaluation.md): word 1–2-grams seen at least twice and
character 4-grams over the sentence with names and numbers masked by their entity label,
plus the lemmas that head the clause and their dependents from the spaCy parse, plus each
name with its role in the clause (`named_roles`: who acts, on whom). Each head's
label comes from a linear SVM and its confidence from a logistic regression (the SVM types
better, the logistic model gives probabilities). Session 14 of docs/evaluation.md measured the
alternatives on two folds of the real reports (NB-SVM, C, class weights, Crammer–Singer, an
event-type head, SVM and logistic margins summed, per-class offsets, n-gram ranges, corpus
weights, first sentences as items, prepositional objects and the kinds of names as features,
the typer's thresholds): none gained on both folds; fold 1 type 0.828, sub-event macro-F1
0.674, the classifier alone 0.806 / 0.637 on each report's first sentence.

The model is trained on the training four-fifths of the written corpus (`corpus.split`) and on
the real reports outside their held-out fifth (`corpus.is_held_out`), so both held-out parts
stay unseen. Training takes under a minute; the result, compiled to arrays (`compiled`), is
cached under `FRONTLINES_CACHE` (default `~/.cache/frontlines`), keyed by the corpus and this
module's feature version, and `make setup` builds it once.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from frontlines.events.compiled import CompiledTyper, compile_typer
from frontlines.events.corpus import (
    CorpusItem,
    corpus_files,
    is_held_out,
    labelled_folder,
    load_corpus,
    load_labelled,
    split,
)
from frontlines.kb.cache import cache_dir, pickled

FEATURE_VERSION = 12  # 12: names with their role in the clause; word n-grams seen twice
# With 8,700 real reports, 1 and 3 score alike on the dev fold (type 0.797 both, sub-event
# macro-F1 0.646 / 0.642), and 1 trains faster.
REAL_WEIGHT = 1
USUAL_PAIRING = 0.9  # share of a sub-event type's sentences that must carry its PLOVER type
NONE = "none"
MASKED_ENTITIES = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "gpe",
    "NORP": "norp",
    "LOC": "loc",
    "FAC": "fac",
    "DATE": "date",
    "TIME": "time",
    "CARDINAL": "num",
    "QUANTITY": "num",
    "MONEY": "money",
}
NAMED_ENTITIES = {"ORG", "NORP", "GPE", "PERSON", "LOC", "FAC"}  # their role in the clause
HEAD_DEPS = {"ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl", "pcomp", "acl"}
ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "prep", "pobj", "attr", "agent", "prt", "neg"}


@dataclass(frozen=True)
class Typing:
    """What the classifier says of one sentence."""

    event_type: str | None
    sub_event_type: str | None
    acled_score: float
    plover_type: str | None
    plover_score: float
    sub_plover: str | None = None  # the PLOVER type the corpus nearly always gives this sub-type
    plover_alone: bool = True  # the corpus has this PLOVER type without an ACLED type


def view(span: Span, kind: str = "masked") -> str:
    """The text the model reads: raw, or with names and numbers masked, and parse features
    ("parse"), and each name with its role in the clause ("roles": `named_roles`)."""
    if kind == "raw":
        return span.text
    words = []
    for token in span:
        if token.is_space:
            continue
        label = MASKED_ENTITIES.get(token.ent_type_)
        if label:
            if token.ent_iob_ == "B" or not words or words[-1] != f"_{label}_":
                words.append(f"_{label}_")
        elif token.like_num:
            words.append("_num_")
        else:
            words.append(token.lower_)
    text = " ".join(words)
    if kind == "masked":
        return text
    parse = []
    for token in span:
        if token.pos_ in {"VERB", "AUX", "NOUN"} and token.dep_ in HEAD_DEPS:
            lemma = token.lemma_.lower()
            parse.append(f"h_{lemma}")
            for child in token.children:
                if child.dep_ in ARGUMENT_DEPS and not child.ent_type_:
                    parse.append(f"a_{lemma}_{child.dep_}_{child.lemma_.lower()}")
    text = text + " || " + " ".join(parse)
    return text + " " + named_roles(span) if kind == "roles" else text


_NOT_WORD = re.compile(r"\W+")


def named_roles(span: Span) -> str:
    """Each name of an actor, people or place with the dependency its head word has in the
    parse, as one token ("Taliban insurgents attack the consulate" → r_nsubj_taliban): the
    masked text hides who acts on whom, and the type often hangs on it (the army retaking a
    town, rebels taking it; armed men fighting troops, or attacking villagers)."""
    return " ".join(
        f"r_{entity.root.dep_}_" + _NOT_WORD.sub("_", entity.text.lower()).strip("_")
        for entity in span.ents
        if entity.label_ in NAMED_ENTITIES
    )


class LinearTyper:
    """Word and character n-grams into two linear heads (ACLED sub-event, PLOVER)."""

    def __init__(
        self, model: str = "logistic", c: float = 10.0, svm_labels: tuple[str, ...] = ()
    ) -> None:
        self.model = model
        self.c = c
        self.vectorizers: list = []
        self.heads: dict[str, object] = {}
        self.svm_labels = svm_labels
        self.deciders: dict[str, object] = {}
        self.plover_of_sub: dict[str, str | None] = {}  # the corpus's usual PLOVER type
        self.plover_alone: tuple[str, ...] = ()  # PLOVER types the corpus gives with no ACLED type

    def _features(self, texts: Sequence[str], fit: bool = False):
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer

        if fit:
            self.vectorizers = [
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    token_pattern=r"[^\s|]+",
                    min_df=2,  # an n-gram of one sentence: a third of the model, no help
                ),
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True, min_df=2
                ),
            ]
            matrix = hstack([v.fit_transform(texts) for v in self.vectorizers]).tocsr()
            for vectorizer in self.vectorizers:
                for name in ("stop_words_", "_stop_words_id"):  # a set, an object's address
                    if hasattr(vectorizer, name):
                        delattr(vectorizer, name)  # for identical bytes from identical input
            return matrix
        return hstack([v.transform(texts) for v in self.vectorizers]).tocsr()

    def _estimator(self):
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        if self.model == "svm":
            return LinearSVC(C=self.c / 10, class_weight="balanced", random_state=0)
        return LogisticRegression(C=self.c, max_iter=3000, class_weight="balanced")

    def fit(self, texts: Sequence[str], labels: dict[str, Sequence[str]]) -> LinearTyper:
        from sklearn.svm import LinearSVC

        matrix = self._features(texts, fit=True)
        for head, values in labels.items():
            estimator = self._estimator()
            estimator.fit(matrix, list(values))
            self.heads[head] = estimator
            if head in self.svm_labels:
                deciding = LinearSVC(C=self.c / 10, class_weight="balanced", random_state=0)
                self.deciders[head] = deciding.fit(matrix, list(values))
        return self

    def predict(self, texts: Sequence[str]) -> dict[str, list[tuple[str, float]]]:
        """For each head, (label, score) per text; the score is the logistic model's
        probability of the label (a margin when the model is an SVM). A head listed in
        `svm_labels` takes its label from a linear SVM (measured better for ACLED) and its
        score from the logistic model."""
        if not texts:
            return {head: [] for head in self.heads}
        matrix = self._features(texts)
        out: dict[str, list[tuple[str, float]]] = {}
        for head, estimator in self.heads.items():
            if hasattr(estimator, "predict_proba"):
                scores = estimator.predict_proba(matrix)
            else:
                scores = estimator.decision_function(matrix)
            classes = list(estimator.classes_)
            if head in self.deciders:
                labels = self.deciders[head].predict(matrix)
                out[head] = [
                    (str(label), float(row[classes.index(label)]))
                    for label, row in zip(labels, scores, strict=True)
                ]
                continue
            out[head] = [(classes[int(row.argmax())], float(row.max())) for row in scores]
        return out


def labels_of(items: Iterable[CorpusItem]) -> dict[str, list[str]]:
    listed = list(items)
    return {
        "acled": [i.sub_event_type or NONE for i in listed],
        "plover": [i.plover or NONE for i in listed],
    }


@lru_cache(maxsize=8)
def _parsed(texts: tuple[str, ...]) -> list[Span]:
    from frontlines.parse import load_pipeline

    return [doc[:] for doc in load_pipeline().pipe(texts, batch_size=64)]


def views(items: Sequence[CorpusItem], kind: str) -> list[str]:
    if kind == "raw":
        return [i.text for i in items]
    return [view(span, kind) for span in _parsed(tuple(i.text for i in items))]


def train(
    items: Sequence[CorpusItem],
    kind: str = "parse",
    model: str = "logistic",
    svm_labels: tuple[str, ...] = (),
) -> LinearTyper:
    typer = LinearTyper(model, svm_labels=svm_labels).fit(views(items, kind), labels_of(items))
    pairs = Counter((i.sub_event_type, i.plover) for i in items if i.sub_event_type)
    totals = Counter(i.sub_event_type for i in items if i.sub_event_type)
    for (sub, plover), count in sorted(pairs.items(), key=lambda kv: -kv[1]):
        # only a pairing the corpus nearly always makes stands in for the PLOVER head: the
        # sentences of a mixed type (Other: a ban is COERCE, a mass grave none) keep their own
        if sub not in typer.plover_of_sub and count >= USUAL_PAIRING * totals[sub]:
            typer.plover_of_sub[sub] = plover
    alone = {i.plover for i in items if i.plover and not i.sub_event_type}
    typer.plover_alone = tuple(sorted(alone))
    return typer


SHIPPED = {"kind": "roles", "model": "logistic", "svm_labels": ("acled", "plover")}


def _cache_path() -> Path:
    """The cached model's file, named by the corpus files' bytes and the feature settings."""
    from importlib.metadata import version

    digest = hashlib.sha1()
    for path in [*corpus_files(), *sorted(labelled_folder().glob("*.yaml"))]:
        digest.update(path.name.encode("utf-8") + path.read_bytes())
    settings = (FEATURE_VERSION, SHIPPED, USUAL_PAIRING, REAL_WEIGHT, version("scikit-learn"))
    digest.update(repr(settings).encode("utf-8"))
    return cache_dir() / f"event-typer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=1)
def shipped_typer() -> CompiledTyper | None:
    """The model trained on the training part of the packaged corpus, as arrays (cached on
    disk: reading documents needs no scikit-learn); None when there is no corpus."""
    return pickled(_cache_path(), _train_shipped)


def _train_shipped() -> CompiledTyper | None:
    items = training_items()
    return compile_typer(train(items, **SHIPPED)) if items else None


def training_items() -> list[CorpusItem]:
    """What the shipped model learns from: the written corpus's training part, and the real
    labelled reports outside their held-out fifth, each counted REAL_WEIGHT times (real text
    is what the model meets; the written corpus fills in rare types and hard negatives)."""
    written, _held_out = split(load_corpus())
    real = [
        replace(item, text=_as_typed(item.text))
        for item in load_labelled()
        if not is_held_out(item)
    ]
    return written + real * REAL_WEIGHT


_HEADING = re.compile(r"^[^.:\n]{1,400}:\s+(?=[A-Z0-9])")
_CITATIONS = re.compile(r"(\s*\([^()]*\))+\s*$")


def _as_typed(text: str) -> str:
    """A report's text as the pipeline gives it to the model: without the heading before a
    colon and the outlets cited at the end, which the parse makes sentences of their own."""
    body = text
    while heading := _HEADING.match(body):  # "Arab Spring: Bahraini uprising (2011–…): ..."
        body = body[heading.end() :]
    return _CITATIONS.sub("", body) or text


def warm() -> None:
    """Train (or load) the shipped model now: `make setup` calls this once."""
    shipped_typer()

"""The trained event typer as plain arrays, for reading documents without scikit-learn.

scikit-learn trains the typer (`classifier.train`); importing it costs more than a second of
every process's start-up, for what is, once trained, two vocabularies, their idf weights and a
weight matrix per head. `compile_typer` takes those out; `CompiledTyper.predict` computes what
the fitted vectorizers and linear models compute (the same n-grams, sublinear tf-idf, l2 norm,
decision values, the logistic model's softmax), which a test checks against scikit-learn.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from frontlines.events.classifier import LinearTyper

_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's, for char_wb n-grams


@dataclass
class CompiledVectorizer:
    analyzer: str  # "word" or "char_wb"
    ngram_range: tuple[int, int]
    token_pattern: str
    vocabulary: dict[str, int]
    idf: np.ndarray
    offset: int = 0  # where its columns start in the joined feature space

    def grams(self, text: str) -> list[str]:
        text = text.lower()
        low, high = self.ngram_range
        if self.analyzer == "char_wb":
            grams = []
            for word in _WHITE_SPACES.sub(" ", text).split():
                word = f" {word} "
                for n in range(low, high + 1):
                    offset = 0
                    grams.append(word[offset : offset + n])
                    while offset + n < len(word):
                        offset += 1
                        grams.append(word[offset : offset + n])
                    if offset == 0:  # a word shorter than n: one gram, the word itself
                        break
            return grams
        tokens = re.findall(self.token_pattern, text)
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        return grams

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one text: sublinear tf times idf, l2-normalised."""
        counts = Counter(g for g in self.grams(text) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64)
        values = np.fromiter((math.log(c) + 1.0 for c in counts.values()), dtype=np.float64)
        values *= self.idf[columns]
        norm = np.sqrt(np.dot(values, values))
        return columns + self.offset, values / norm if norm else values


@dataclass
class CompiledHead:
    classes: list[str]
    coef: np.ndarray  # (classes, features), or (1, features) for two classes
    intercept: np.ndarray
    probabilities: bool  # a logistic model (softmax) rather than a margin

    def decision(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        return self.coef[:, columns] @ values + self.intercept

    def scores(self, columns: np.ndarray, values: np.ndarray) -> np.ndarray:
        decision = self.decision(columns, values)
        if len(self.classes) == 2 and decision.shape[0] == 1:
            decision = np.array([-decision[0], decision[0]])
            if self.probabilities:
                return 1.0 / (1.0 + np.exp(-decision))  # as predict_proba: [1 - p, p]
            return decision
        if not self.probabilities:
            return decision
        shifted = np.exp(decision - decision.max())
        return shifted / shifted.sum()


@dataclass
class CompiledTyper:
    """What `classifier.LinearTyper` predicts, from arrays only."""

    vectorizers: list[CompiledVectorizer]
    heads: dict[str, CompiledHead]
    deciders: dict[str, CompiledHead]
    plover_of_sub: dict[str, str | None] = field(default_factory=dict)
    plover_alone: tuple[str, ...] = ()

    def predict(self, texts: Sequence[str]) -> dict[str, list[tuple[str, float]]]:
        out: dict[str, list[tuple[str, float]]] = {head: [] for head in self.heads}
        for text in texts:
            parts = [v.features(text) for v in self.vectorizers]
            columns = np.concatenate([c for c, _ in parts])
            values = np.concatenate([v for _, v in parts])
            for name, head in self.heads.items():
                scores = head.scores(columns, values)
                decider = self.deciders.get(name)
                if decider is not None:
                    label = decider.classes[int(decider.scores(columns, values).argmax())]
                    out[name].append((label, float(scores[head.classes.index(label)])))
                else:
                    best = int(scores.argmax())
                    out[name].append((head.classes[best], float(scores[best])))
        return out


def compile_typer(typer: LinearTyper) -> CompiledTyper:
    """The arrays of a fitted `classifier.LinearTyper`."""
    vectorizers = []
    offset = 0
    for fitted in typer.vectorizers:
        vocabulary = {str(k): int(v) for k, v in fitted.vocabulary_.items()}
        vectorizers.append(
            CompiledVectorizer(
                analyzer=fitted.analyzer,
                ngram_range=tuple(fitted.ngram_range),
                token_pattern=fitted.token_pattern,
                vocabulary=vocabulary,
                idf=np.asarray(fitted.idf_, dtype=np.float32),
                offset=offset,
            )
        )
        offset += len(vocabulary)

    def head(model, probabilities: bool) -> CompiledHead:
        return CompiledHead(
            classes=[str(c) for c in model.classes_],
            coef=np.ascontiguousarray(model.coef_, dtype=np.float32),  # half the size to load
            intercept=np.asarray(model.intercept_, dtype=np.float64),
            probabilities=probabilities,
        )

    return CompiledTyper(
        vectorizers=vectorizers,
        heads={
            name: head(model, hasattr(model, "predict_proba"))
            for name, model in typer.heads.items()
        },
        deciders={name: head(model, False) for name, model in typer.deciders.items()},
        plover_of_sub=dict(typer.plover_of_sub),
        plover_alone=tuple(typer.plover_alone),
    )

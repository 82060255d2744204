"""How the typer weighs the classifier against the other judges: a type it is sure of
stands against the sides' reading of Attack or Armed clash."""

from __future__ import annotations

import pytest
from conftest import text_extraction

import frontlines.events.typer as typer
from frontlines.events.classifier import Typing


def _typing(sub: str | None, score: float, plover: str | None = "ASSAULT") -> Typing:
    return Typing(
        event_type=None,
        sub_event_type=sub,
        acled_score=score,
        plover_type=plover,
        plover_score=score,
        sub_plover=plover,
        plover_alone=False,
    )


def _typed_as(monkeypatch: pytest.MonkeyPatch, typing: Typing, text: str):
    monkeypatch.setattr(typer, "type_sentences", lambda sentences: [typing] * len(sentences))
    return text_extraction(text).events


def test_a_sure_attack_stands_against_the_sides(monkeypatch):
    text = "A gunman shot dead two police officers outside a cafe in Paris on Friday."
    unsure = _typed_as(monkeypatch, _typing("Attack", 0.5), text)
    assert unsure[0].sub_event_type == "Armed clash"  # police are an armed side
    sure = _typed_as(monkeypatch, _typing("Attack", typer.SURE_OF_SIDES + 0.05), text)
    assert sure[0].sub_event_type == "Attack"

"""What a control verb's object says of the places named inside it: whether it names a kind
of place at all ('the airport in X', not 'the release of hostages in X'), and whether a place
in it only describes the place taken ('Zaranj, the capital of Nimruz Province'). Part of the
`relate` stage's control reading."""

from __future__ import annotations

from spacy.tokens import Token

from frontlines.kb import load_data


def described_by(root: Token, trigger: Token) -> bool:
    """'Zaranj, the capital of Nimruz Province': a place in an apposition's 'of' phrase says
    where the place taken lies; it is not taken."""
    current = root
    while current != trigger and current.head != current:
        of = current.head
        apposition = of.head.dep_ == "appos" and of.head != trigger
        if current.dep_ == "pobj" and of.lower_ == "of" and apposition:
            return True
        current = current.head
    return False


def place_like_object(trigger: Token, preps: set[str]) -> bool:
    """Whether the object names a kind of place ('the airport in X', 'control of ...',
    'villages in X'), so that a place named inside it may be the one taken."""
    lexicon = load_data("relate.yaml")["control"]
    kinds = {
        *lexicon["facility_nouns"], *lexicon["settlement_nouns"], *lexicon["place_objects"],
        "control",
    }
    for child in trigger.children:
        heads = [child] if child.dep_ in {"dobj", "attr", "oprd"} else []
        if child.dep_ == "prep" and child.lower_ in preps:
            heads = [g for g in child.children if g.dep_ == "pobj"]
        if any(h.lemma_.lower() in kinds or h.lower_ in kinds for h in heads):
            return True
    return False

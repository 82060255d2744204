"""Which deed a date in a sentence dates, where the parse hides it: a clause hung on the toll
rather than on the deed it counts, and the wounding a later death came of."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from frontlines.kb import load_data


@lru_cache(maxsize=1)
def _wound_words() -> frozenset[str]:
    return frozenset(str(w) for w in load_data("fatality_cues.yaml").get("wound_words") or ())


def toll_of(noun: Token) -> Token:
    """The deed a toll counts ("the death toll of the bombing"): a clause misparsed onto the
    toll tells of the deed."""
    if noun.lemma_.lower() != "toll":
        return noun
    deeds = [o for p in noun.children if p.lower_ in {"of", "from"} for o in p.children]
    return next((o for o in deeds if o.dep_ == "pobj"), noun)


def dates_wounds(token: Token) -> bool:
    """A date in what a death of wounds tells of the wounding: "dies of wounds he received
    from a bombing on July 18", "of injuries sustained when soldiers shot him yesterday",
    "a boy injured by a missile on April 7 dies" — ACLED dates the deed, not the death."""
    for above in token.ancestors:
        if above.lemma_.lower() in _wound_words() and (
            above.pos_ == "NOUN" or above.dep_ in {"acl", "relcl"}
        ):
            return True
    return False

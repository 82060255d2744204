"""Attack or Armed clash, by who the sides are: ACLED's Attack is violence by an armed side
against unarmed people, its Armed clash a fight between two armed sides, whatever verb tells
it ('militants attacked a gendarmerie post' is a clash, 'an ambush killed five of a family'
an attack)."""

from __future__ import annotations

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.clauses import force_kind
from frontlines.events.folding import Draft
from frontlines.kb.cues import cue_words
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

# ACLED inter codes of armed sides: state forces, rebels, political and identity militias,
# external forces.
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
CIVILIANS = 7
# What an attack is made on: its target, not its doer.
TARGET_PREPOSITIONS = frozenset({"on", "against", "at", "targeting"})


def as_battle_on_armed_side(draft: Draft) -> None:
    """ACLED's Attack is violence against civilians: one whose named target is soldiers,
    police or an armed group ('militants attacked a gendarmerie post'), or told amid fighting
    ('16 people are killed amid fresh fighting'), is an armed clash."""
    if draft.sub_event_type != "Attack":
        return
    target, doer = draft.actor2, draft.actor1
    if doer is not None and doer.inter not in ARMED_INTER:
        return
    if target is not None and doer is not None and doer.id == target.id:
        return
    if (
        (target is not None and target.inter in ARMED_INTER and doer is not None)
        or _forces_harmed(draft.sentence)
        or _fighting_told(draft.sentence)
    ):
        draft.event_type, draft.sub_event_type = "Battles", "Armed clash"


def as_attack_on_civilians(draft: Draft) -> None:
    """An Armed clash whose other side is civilians, in a sentence that tells no fighting and
    names no armed men but the doers ('five of a family are killed in an ambush by suspected
    Taliban', 'Israeli soldiers killed a farmer'), is ACLED's Attack: one armed side only."""
    if draft.sub_event_type != "Armed clash":
        return
    if draft.actor2 is None or draft.actor2.inter != CIVILIANS:
        return
    if draft.actor1 is not None and draft.actor1.inter not in ARMED_INTER:
        return
    if _fighting_told(draft.sentence) or _armed_besides_doer(draft.sentence):
        return
    if _forces_harmed(draft.sentence):
        return
    draft.event_type, draft.sub_event_type = "Violence against civilians", "Attack"


def _fighting_told(sentence: Span) -> bool:
    """'clashes', 'a gunfight', 'an exchange of fire', 'turf battles': two sides fought."""
    words = cue_words("fighting_words")
    text = sentence.text.lower()
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sentence) or any(
        " " in w and w in text for w in words
    )


def _doer_side(sentence: Span) -> set[int]:
    """Tokens that name who did something: active subjects and 'by' phrases, without what
    a subject's attack was 'on' ('an attack on forces loyal to Haftar kills nine')."""
    doers: set[int] = set()

    def gather(token: Token) -> None:
        doers.add(token.i)
        for child in token.children:
            if child.lower_ not in TARGET_PREPOSITIONS:
                gather(child)

    for token in sentence:
        if token.dep_ == "nsubj" or (token.dep_ == "pobj" and token.head.lower_ == "by"):
            gather(token)
    return doers


def _armed_besides_doer(sentence: Span) -> bool:
    """Whether the sentence names soldiers, police or armed men other than the doers ('an
    attack on a military base', 'an operation against PKK militants')."""
    words = cue_words("armed_target_words")
    doers = _doer_side(sentence)
    return any(t.i not in doers and t.pos_ != "PROPN" and t.lower_ in words for t in sentence)


def _forces_harmed(sentence: Span) -> bool:
    """Whether the sentence says soldiers or police were harmed ('kill eight security force
    members', 'an Israeli soldier is stabbed', 'gunmen shot two policemen')."""
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs") | cue_words("harm_person_verbs")
    for token in sentence:
        if token.dep_ not in {"nsubjpass", "dobj"} or token.head.lemma_.lower() not in harm:
            continue
        first = next(c for c in token.head.children if c.dep_ in {"nsubjpass", "dobj"})
        if first != token:
            continue  # "kill 13 people ..., the army reports": a misparse's second object
        words = [token, *(c for c in token.children if c.dep_ in {"compound", "amod"})]
        words += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]  # "members of the security forces"
        if any(force_kind(w) in {"military", "police"} for w in words):
            return True
    return False


def agreement_partner(draft: Draft, resolved: ResolvedDocument) -> ActorRef | None:
    """'The Philippine government and the Moro Islamic Liberation Front sign a peace pact', 'a
    ceasefire between Israel and Hamas': the party the agreement's actor1 makes it with, named
    beside it as a subject or after 'between' (None: no other party named so)."""
    if draft.sub_event_type != "Agreement" or draft.actor1 is None or draft.actor2 is not None:
        return None
    heads: list[Token] = []
    for token in draft.sentence:
        first = next((c for c in token.children if c.dep_ == "pobj"), None)
        if token.lower_ == "between" and first is not None:
            heads += [first, *first.conjuncts]
        elif token.dep_ == "nsubj" and token.conjuncts:
            heads += [token, *token.conjuncts]
    first = draft.actor1
    own = first.country or first.id.split("-")[0]  # 'PHL', 'PHL-government', its president
    said = first.text.split()[-1:]
    for head in heads:
        phrase = clauses.phrase_tokens(head)
        if said and any(t.text == said[0] for t in phrase):
            continue  # the first party's own phrase ('Colombian President Juan Manuel Santos')
        for ref in clauses.actor_refs(phrase, resolved):
            if ref.id != first.id and ref.id.split("-")[0] != own:
                return ref
    return None


def clash_partner(draft: Draft, country: str, resolved: ResolvedDocument) -> ActorRef | None:
    """'Ten gang members are killed in a shootout with soldiers', 'two guards are killed
    following clashes with Yemeni forces': the state force a fight is told as being 'with',
    where the sentence names no doer, is the side that fought the harmed (its state the one
    its words name, else the event's). None where the fight is a verb ('rebels clash with
    troops': its subject acts) or the partner no state force."""
    from frontlines.events.actor_country import generic_ref
    from frontlines.mentions import demonym_country

    nouns = cue_words("clash_nouns")
    for token in draft.sentence:
        if token.lower_ != "with" or token.i == 0:
            continue
        # the fight the phrase hangs on, or the one right before it ('killed in shootout
        # with soldiers', parsed as hanging on 'killed')
        fights = [token.head, token.doc[token.i - 1]]
        if not any(
            f.pos_ == "NOUN" and (f.lower_ in nouns or f.lemma_.lower() in nouns) for f in fights
        ):
            continue
        for partner in (c for c in token.children if c.dep_ == "pobj"):
            phrase = clauses.phrase_tokens(partner)
            owners = [demonym_country(t.text) for t in phrase if demonym_country(t.text)]
            owner = owners[0] if owners else country
            for ref in clauses.actor_refs(phrase, resolved):
                if ref.id in {f"{owner}-military", f"{owner}-police"}:
                    return ref  # 'clashes with the Egyptian Army'
            kind = force_kind(partner)
            if kind not in {"military", "police"}:
                continue
            armed = cue_words("armed_descriptors") | {"mutinous", "rebel", "rogue"}
            if any(c.lower_ in armed for c in partner.children if c.dep_ == "amod"):
                continue  # 'clashes with mutinous soldiers'
            return generic_ref(owner, kind, partner.text, resolved)
    return None


# A fight over ground or a clash whose other side the text leaves unnamed: ACLED codes the
# state's military of the place as that side, where the one named is no state force.
UNNAMED_STATE_SIDE = {"Non-state actor overtakes territory", "Armed clash"}


def state_other_side(draft: Draft, resolved: ResolvedDocument) -> None:
    """'The Taliban captures Nirkh District', 'Rebels launch an offensive in the Nafusa
    Mountains', 'Gunmen shoot down a military helicopter': a non-state side fighting or
    taking ground with no other side named fought the state's military (in place)."""
    from frontlines.events.actor_country import generic_ref, home_country

    doer = draft.actor1
    if draft.sub_event_type not in UNNAMED_STATE_SIDE or draft.actor2 is not None:
        return
    if doer is None or doer.inter in {1, 8}:
        return  # a state force or a foreign one: the other side is not its own army
    country = home_country(draft, resolved)
    if not country:
        return
    side = generic_ref(country, "military", draft.trigger.text, resolved)
    if side is not None and side.id != doer.id:
        draft.actor2 = side

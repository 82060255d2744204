"""Territorial control changes from the wording of a report: who took, entered, left,
retreated to or besieged which place, and when.

Part of the `relate` stage. A place counts only when the control verb governs it ("took
control of the city of X", "retreated towards X", "X fell to Y"), not when it merely stands
in the sentence; a place named as a reference point ("south of X") or a whole country is not
a control change. "Our forces" inside a quote are the forces of the quote's speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from frontlines.clauses import (
    actor_refs,
    agent_of,
    date_of,
    evidence_of,
    modality_of,
    phrase_tokens,
    speaker_side,
    subject_of,
    with_conjuncts,
)
from frontlines.kb import load_data
from frontlines.mentions import demonym_country
from frontlines.models import ControlChange, DateMention, PlaceMention, Quote
from frontlines.parse import lemmas_of, sentences_of
from frontlines.relate.control_context import (
    clean_name,
    dateline_day,
    forced_to,
    in_report_country,
    left_no_place,
    object_of_intent,
    refused,
    report_countries,
)
from frontlines.relate.facilities import facility_before, facility_places
from frontlines.relate.fighting import antecedent, earlier_captor, fought, relative_holder
from frontlines.relate.phrases import backers_in, held_by, side_refs
from frontlines.relate.places import (
    governing_preposition,
    names_places,
    object_places,
    object_tokens,
    place_before,
    places_in,
    region,
    subject_places,
    taken_places,
    town_before,
    unknown_towns,
)
from frontlines.relate.speech import (
    announcer_of,
    claim_modality,
    reporting_subject,
    stands_for_speaker,
)
from frontlines.relate.taking import intended, passive_subject_names, withdrawn_side
from frontlines.resolve import ResolvedDocument

NUMBER_WORDS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens"}
SKIPPED_MODALITIES = {"planned", "hypothetical", "threatened"}
FIRST_PERSON = {"we", "our", "us", "ours"}


@cache
def lexicon() -> dict:
    return load_data("relate.yaml")["control"]


@cache
def _lemmas(kind: str) -> dict[str, tuple[str, ...]]:
    """Single lemmas → (), phrasal verbs → their second words, for one kind."""
    found: dict[str, tuple[str, ...]] = {}
    for entry in lexicon()[kind]:
        words = str(entry).split()
        # "" marks the lemma as a trigger on its own ("seize" beside "seize control")
        found[words[0]] = (*found.get(words[0], ()), *(words[1:2] or [""]))
    return found


@cache
def _control_nouns() -> dict[str, str]:
    return {str(w): kind for kind, words in lexicon()["nouns"].items() for w in words}


@dataclass
class _Trigger:
    token: Token
    kind: str  # captured, entered, withdrew, retreated_to, besieged, fell, lost, or a noun


def _particle_or_prep(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in {"prt", "prep", "dobj"}}


_VERB_KINDS = ("captured", "entered", "besieged", "withdrew", "retreated_to", "fell", "lost")


@cache
def _forms() -> dict[str, str]:
    return {str(k): str(v) for k, v in (lexicon().get("forms") or {}).items()}


def is_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun though it has a subject and an object:
    a headline's present tense after a topic ('War in X: Government forces capture Y')."""
    if token.pos_ == "VERB":
        return True
    deps = {c.dep_ for c in token.children}
    return token.pos_ in {"NOUN", "PROPN"} and {"nsubj", "dobj"} <= deps


def verb_lemma(token: Token) -> str:
    """The token's lemma, or the control verb an unlemmatised form is of ('retook')."""
    lemma = token.lemma_.lower()
    return _forms().get(lemma, lemma)


def _verb_kind(token: Token) -> str | None:
    lemma = verb_lemma(token)
    if not is_verb(token):
        return None
    for kind in _VERB_KINDS:
        table = _lemmas(kind)
        if lemma not in table:
            continue
        seconds = table[lemma]
        if not seconds or "" in seconds:
            return kind
        if _particle_or_prep(token) & set(seconds):
            return kind
        if lemma in {"take", "win", "secure"}:
            return kind  # only with a place object, checked when places are read
    return None


@cache
def _trigger_lemmas() -> frozenset[str]:
    """Every lemma that can make a token a trigger in `_triggers`."""
    verbs = {lemma for kind in _VERB_KINDS for lemma in _lemmas(kind)}
    return frozenset(verbs | set(_control_nouns()) | {"control"} | set(_forms()))


def _triggers(sentence: Span) -> list[_Trigger]:
    found: list[_Trigger] = []
    nouns = _control_nouns()
    doc = sentence.doc
    lemmas, possible = lemmas_of(doc), _trigger_lemmas()
    for index in range(sentence.start, sentence.end):
        if lemmas[index] not in possible:
            continue  # no trigger: spare making spaCy's Token object
        token = doc[index]
        kind = _verb_kind(token)
        if kind is not None:
            found.append(_Trigger(token, kind))
        elif token.pos_ == "NOUN" and token.lemma_.lower() == "control":
            head = token.head  # "took control of", "extend its control to"
            if head.pos_ == "VERB" and not any(t.token == head for t in found):
                found.append(_Trigger(head, "captured"))
            elif any(  # "retake control of X" with the verb tagged as the noun's compound
                c.dep_ == "compound" and verb_lemma(c) in _lemmas("captured")
                for c in token.children
            ):
                found.append(_Trigger(token, "captured"))
        elif (
            token.pos_ == "NOUN"
            and token.lemma_.lower() in nouns
            and any(
                c.dep_ == "prep" and c.lower_ in _noun_preps(nouns[token.lemma_.lower()])
                for c in token.children
            )
        ):
            found.append(_Trigger(token, "noun-" + nouns[token.lemma_.lower()]))
    return found


def _noun_preps(kind: str) -> set[str]:
    """'the capture of X'; a withdrawal also 'from X'."""
    return {"of", "from"} if kind == "withdrew" else {"of"}


def _refs(head: Token | None, resolved: ResolvedDocument, quotes: list[Quote]) -> list[str]:
    if head is None:
        return []
    tokens = [t for h in with_conjuncts(head) for t in phrase_tokens(h)]
    refs = [r.id for r in actor_refs(tokens, resolved)]
    backers = backers_in(tokens, resolved)  # "the UN-recognised government": not the UN
    refs = side_refs([r for r in refs if r not in backers] or refs, resolved)
    if not refs and head.pos_ in {"NOUN", "PROPN"}:
        # "forces loyal to X", "fighters of X": the side is the one the phrase names
        refs = [r.id for r in actor_refs(region(head), resolved)]
    if not refs and any(t.lower_ in FIRST_PERSON for t in tokens):
        actor = speaker_side(head, quotes, resolved)
        refs = [actor] if actor else []
    if not refs and stands_for_speaker(head):
        speaker = reporting_subject(head.head)  # "the army said its forces had taken X"
        refs = _refs(speaker, resolved, quotes) if speaker is not None else []
    return refs


def _verbless_root(trigger: Token, resolved: ResolvedDocument) -> Token | None:
    """'Kurdish forces, supported by X, retake control of Y': when the parser found no verb
    (a headline's present tense read as a noun) the sentence's root is the noun naming who
    acts, and the trigger hangs below it; the root must name a party itself."""
    root = trigger.sent.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.i >= trigger.i:
        return None
    named = any(s <= root.idx < e for s, e in resolved.linked.actor_of)
    return root if root in trigger.ancestors and named else None


def _from_actor(trigger: Token, resolved: ResolvedDocument) -> str | None:
    """'recaptured X from Y', 'recaptured the town of X from Y': Y lost X (not 'troops from
    Y' in the subject: who took it)."""
    doers = {t.i for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    for token in region(trigger):
        if token.dep_ == "prep" and token.lower_ == "from" and token.i not in doers:
            refs = actor_refs(list(token.subtree), resolved)
            if refs:
                return refs[0].id
    return None


def _people(subject: Token | None) -> bool:
    """'Thousands of Iraqis', 'civilians', 'residents': people, not an armed side."""
    head, counted = subject, False
    if head is not None and head.lower_ in NUMBER_WORDS:  # not "the Russians ... left X"
        of = [g for c in head.children if c.lower_ == "of" for g in c.children]
        head, counted = (of[0], True) if of else (head, False)
    if head is None:
        return False
    demonym = counted and demonym_country(head.text) is not None
    return demonym or head.lemma_.lower() in set(lexicon()["people_nouns"])


def _changes_for(
    trigger: _Trigger, resolved: ResolvedDocument, quotes: list[Quote]
) -> list[tuple[PlaceMention, str, str | None, str | None]]:
    """(place, kind, gained_by, lost_by) for one trigger."""
    token = trigger.token
    lex = lexicon()
    objects = set(lex["object_preps"])
    verb = is_verb(token)
    subject, passive = subject_of(token) if verb else (None, False)
    subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
    if len(subjects) > 1:  # "TRIPOLI, March 5 (Reuters) - Rebels captured": the nearest
        subject = subjects[-1]
    doer = _refs(agent_of(token), resolved, quotes) if verb else []
    if not passive:
        doer = doer or _refs(subject, resolved, quotes)
        if not doer and subject is None and agent_of(token) is None:
            doer = _refs(_verbless_root(token, resolved), resolved, quotes)
    if token.dep_ == "pcomp" and token.head.lower_ == "for":  # "praised X for taking Y": X
        praised = [c for c in token.head.head.children if c.dep_ == "dobj"]
        doer = _refs(praised[0], resolved, quotes) if praised else doer
    forced = forced_to(token)
    if forced is not None:  # "forcing President X to flee the capital": X fled
        doer = _refs(forced, resolved, quotes)
    doer_id = doer[0] if doer else None
    out = []
    after_preposition = token.i > 0 and token.doc[token.i - 1].pos_ == "ADP"
    if token.dep_ == "amod" or after_preposition and token.tag_ in {"VBN", "VBD"}:
        return []  # "in occupied East Jerusalem": a standing description, no change told
    if trigger.kind == "entered" and any(c.dep_ == "auxpass" for c in token.children):
        return []  # "a deal is reached in X": nobody entered X
    if trigger.kind in {"withdrew", "retreated_to"} and _people(subject):
        return []  # "thousands of Iraqis flee Mosul": people fleeing, no side leaving
    if trigger.kind in {"captured", "entered", "besieged"}:
        places = taken_places(token, objects, resolved)
        if not passive:  # "X is captured by Y": subject_of leaves X out where Y is named
            subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.dep_ == "nsubjpass":
            places += subject_places(subject, resolved)
        relative = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if not places and relative is not None and antecedent(relative, token) != relative:
            # "Kunduz, which was captured by X": the noun the relative clause hangs on
            places += subject_places(token.head, resolved)
        described = token.head
        if token.dep_ == "advcl" and described.pos_ == "VERB":  # hung on the verb
            described = next((c for c in described.children if c.dep_ == "dobj"), described)
        participle = token.dep_ in {"acl", "advcl"} and token.tag_ == "VBN"
        if not places and participle and agent_of(token) and described.pos_ != "VERB":
            # "hit Tal Rifaat, recently captured by X": the name the participle describes
            places += subject_places(described, resolved)
            places += facility_places([described], resolved) if not places else []
            if not places and described.pos_ == "PROPN":  # a name no gazetteer knows
                places += names_places([described], resolved)
        if not places:  # "... after the town of X is captured by Y", its subject misparsed
            places = names_places(passive_subject_names(token), resolved)
        pronoun = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if not places and pronoun is not None and pronoun.lower_ == "it":
            places = place_before(token, resolved)  # "X ... the day after it was captured"
        if not places:  # "in control of Mekelle after entering the regional capital" (not
            # "the town": the last town named may be where the others went)
            places = town_before(token, resolved, capitals_only=True)
        if not places and trigger.kind == "captured":
            # "an attack in Mosul, taking control of the city": the one town named before
            places = town_before(token, resolved, only_one=True)
        if not places and trigger.kind in {"captured", "entered"}:
            # "... the Mitiga airport. 'Our forces took control of the airport'": the facility
            # of that kind named before
            places = facility_before(object_tokens(token, objects), resolved)
        lost = _from_actor(token, resolved)
        # "entered the LNA-held city of Sirte", "took X after fighting with Y"
        lost = lost or held_by(object_tokens(token, objects), resolved)
        lost = lost or next((o for o in fought(token, resolved) if o != doer_id), None)
        lost = lost or earlier_captor(token, resolved) or relative_holder(token, resolved)
        lost = lost or withdrawn_side(token, doer_id, resolved)  # "forces withdrew as ..."
        if trigger.kind == "captured" and verb_lemma(token) in set(lex["expel"]):
            objects_refs = [
                r.id
                for c in token.children
                if c.dep_ == "dobj"
                for r in actor_refs(list(c.subtree), resolved)
            ]
            lost = lost or (objects_refs[0] if objects_refs else None)
            places = [place for _, place in object_places(token, {"from", "out"}, resolved)]
        out += [(p, trigger.kind, doer_id, lost) for p in places]
    elif trigger.kind in {"withdrew", "retreated_to"}:
        if left_no_place(token, resolved):
            return []
        destinations = set(lex["destination_preps"])
        movement = destinations | set(lex["source_preps"])
        for root, place in object_places(token, movement, resolved):
            if governing_preposition(root, token) in destinations:
                out.append((place, "retreated_to", doer_id, None))
            else:  # "withdrew from the town", "abandoned the town"
                out.append((place, "withdrew", None, doer_id))
        left_from = set(lex["source_preps"])
        # "withdraw from the towns of A, B and C" with C a name no gazetteer knows
        taken = [place for place, *_ in out]
        out += [
            (p, "withdrew", None, doer_id)
            for p in unknown_towns(token, left_from, resolved)
            if not any(p.start < t.end and t.start < p.end for t in taken)
        ]
        if not any(kind == "withdrew" for _, kind, _, _ in out):  # "left Bani Walid Airport"
            left = object_tokens(token, left_from)
            # not "retreated outside the city towards the X air base": where they went
            towards = {t.i for t in left if t.dep_ == "prep" and t.lower_ in destinations}
            left = [t for t in left if not towards & {a.i for a in (t, *t.ancestors)}]
            out += [(p, "withdrew", None, doer_id) for p in facility_places(left, resolved)]
        if not out:  # "withdrew from the town": the town named before
            out += [(p, "withdrew", None, doer_id) for p in town_before(token, resolved)]
    elif trigger.kind == "fell" and subject is not None:
        places = [place for _, place in places_in(region(subject), resolved)]
        gained = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "into"}:
                refs = actor_refs(list(child.subtree), resolved)
                gained = refs[0].id if refs else None
        out += [(p, "captured", gained, None) for p in places]
    elif trigger.kind == "lost":
        out += [(p, "captured", None, doer_id) for _, p in object_places(token, set(), resolved)]
    elif trigger.kind.startswith("noun-"):
        kind = trigger.kind.removeprefix("noun-")
        preps = _noun_preps(kind)
        of_phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ in preps]
        places = [p for _, p in places_in([t for c in of_phrases for t in region(c)], resolved)]
        if not places and kind == "withdrew":  # "the withdrawal from the airbase" named before
            places = facility_before(of_phrases, resolved)
        gained = None
        for child in token.children:
            if child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ == "by":
                refs = actor_refs(list(child.subtree), resolved)
                gained = refs[0].id if refs else gained
            elif kind == "withdrew" and child.dep_ == "amod" and gained is None:
                refs = actor_refs([child], resolved)  # "the American withdrawal from X"
                gained = refs[0].id if refs else gained
        if kind == "withdrew" and gained is None:  # "the withdrawal of its troops from Y"
            withdrawn = [
                g for c in of_phrases if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
            ]
            refs = [r for g in withdrawn for r in _refs(g, resolved, quotes)]
            announcer = announcer_of(token)
            if not refs and announcer is not None and any(stands_for_speaker(g) for g in withdrawn):
                refs = _refs(announcer, resolved, quotes)
            gained = refs[0] if refs else None
        if kind == "withdrew":  # "X's withdrawal from Y": X left Y
            return [(p, kind, None, gained) for p in places if gained]
        announcer = announcer_of(token)
        if gained is None and announcer is not None and token.lemma_.lower() != "fall":
            # "X announced the capture of Y": X took it (said by X: a claim, `_modality`)
            refs = _refs(announcer, resolved, quotes)
            gained = refs[0] if refs else None
        lost = _from_actor(token, resolved) if kind == "captured" else None
        out += [(p, kind, gained, lost if lost != gained else None) for p in places]
    return [item for item in out if item[2] or item[3]]


def _shared_date(
    trigger: Token, triggers: list[Token], resolved: ResolvedDocument
) -> DateMention | None:
    """'two days prior militants had overrun several towns and captured the base': a verb
    joined to an earlier one shares the date told before that one."""
    head = trigger.head
    if trigger.dep_ != "conj" or head.pos_ not in {"VERB", "AUX"}:
        return None
    date = date_of(head, triggers, resolved)
    return date if date is not None and date.start < head.idx else None


PAST_AUXILIARIES = {"was", "were", "had", "has", "have"}


def _told_done(trigger: Token) -> bool:
    """'an attempt to retake Kunduz, which was captured by X yesterday': a relative clause
    in the past tells what was done, whatever the clause around it means to do."""
    return trigger.dep_ == "relcl" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in PAST_AUXILIARIES for c in trigger.children
    )


def find_control(resolved: ResolvedDocument, quotes: list[Quote]) -> list[ControlChange]:
    """Every control change the report states, one per place and kind per clause."""
    published = dateline_day(resolved) or resolved.linked.parsed.document.published
    changes: list[ControlChange] = []
    seen: set[tuple] = set()
    countries = report_countries(resolved)
    for sentence in sentences_of(resolved.linked.parsed.doc):
        triggers = _triggers(sentence)
        tokens = [t.token for t in triggers]
        for trigger in triggers:
            meant = modality_of(trigger.token) in SKIPPED_MODALITIES and not _told_done(
                trigger.token
            )
            meant = meant or intended(trigger.token) or object_of_intent(trigger.token)
            meant = meant or refused(trigger.token)
            if meant:
                continue  # "will take X", "an operation to capture X": meant, not done
            for place, kind, gained, lost in _changes_for(trigger, resolved, quotes):
                if gained and gained == lost:
                    continue
                # a claim is the gainer's; a side telling its own loss or withdrawal admits it
                modality = claim_modality(trigger.token, {gained} - {None}, resolved)
                if modality in SKIPPED_MODALITIES:  # told done in a relative clause
                    modality = "asserted"
                date = date_of(trigger.token, tokens, resolved) or _shared_date(
                    trigger.token, tokens, resolved
                )
                value = date.value if date else None
                place = in_report_country(place, countries, sentence)
                name = clean_name(place.name or place.text)
                if name is None:
                    continue
                if name != (place.name or place.text):
                    place = place.model_copy(update={"name": name})
                key = (place.name, kind, gained, lost, value or published, modality)
                if key in seen:
                    continue
                seen.add(key)
                changes.append(
                    ControlChange(
                        place=place.name or place.text,
                        lat=place.lat,
                        lon=place.lon,
                        country=place.country,
                        gained_by=gained,
                        lost_by=lost,
                        date=value or published,
                        kind=kind,
                        modality=modality,
                        evidence=[evidence_of(sentence, resolved)],
                    )
                )
    return changes

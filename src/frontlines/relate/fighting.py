"""The sides of a fight as the text tells it, typed event or not: "X clashed with Y", "X and
Y fought", "fighting between X and Y", "X took the town after fighting with Y", "clashes
with Y" in a clause whose subject is X, "X defeated / ambushed Y", "Y was attacked by X",
"X faced resistance from Y", "X is locked in a war with Y". Each side opposes the other. Part
of the `relate` stage; the words are in `kb/data/relate.yaml` (`relations.opposes`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from functools import cache

from spacy.tokens import Span, Token

from frontlines.clauses import actor_refs, agent_of, phrase_tokens, subject_of, with_conjuncts
from frontlines.kb import load_data
from frontlines.kb.countries import is_generic_class
from frontlines.mentions import actor_records
from frontlines.models import Evidence
from frontlines.parse import sentences_of
from frontlines.relate.forces import speakers_force
from frontlines.relate.phrases import backers_in, is_person, side_refs
from frontlines.relate.speech import reporting_subject, stands_for_speaker
from frontlines.resolve import ResolvedDocument

OPPONENT_PREPS = {"with", "against"}
ALLY_PREPS = {"alongside"}  # "fought alongside X": on X's side
UNARMED_TYPES = {"civilians", "protesters", "rioters", "state", "person"}


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w) for w in load_data("relate.yaml")["relations"]["opposes"][name])


def _sides(head: Token | None, resolved: ResolvedDocument) -> list[str]:
    if head is None:
        return []
    spoken_for = speakers_force(head, resolved)  # "Turkey says its military shelled X"
    if spoken_for is not None:
        return [spoken_for]
    described = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    found: list[str] = []
    for conjunct in with_conjuncts(head):  # each conjunct a side: "Turkey and the FSA"
        tokens = _side_tokens(conjunct, resolved)
        own = [r.id for r in actor_refs([t for t in tokens if t.i not in described], resolved)]
        if described and any(_armed(a, resolved) for a in own):
            # "the al-Nusra Front, an al-Qaeda affiliate, assaults X": the apposition
            # describes the side named, it is no side of its own (but "Syrian War: The
            # Syrian Army" with the heading's noun as the subject names the side in it)
            tokens = [t for t in tokens if t.i not in described]
        refs = _owners(conjunct, tokens, resolved) or [r.id for r in actor_refs(tokens, resolved)]
        backers = backers_in(tokens, resolved)  # "Turkish-backed forces" fight, not Turkey
        found += side_refs([a for a in refs if a not in backers] or refs, resolved)
    if not found and stands_for_speaker(head):  # "they said they had fought X"
        speaker = reporting_subject(head.head)
        said = _sides(speaker, resolved) if speaker is not None and speaker != head else []
        # "'Our forces defeated X,' said Colonel Y, spokesman for Z": Z's forces, not Y
        parties = [a for a in said if not is_person(a, resolved)]
        return parties or said
    return [a for a in dict.fromkeys(found) if not is_generic_class(a)]


OWNER_WORDS = {"loyal", "belonging", "affiliated"}  # "forces loyal to X" are X's


def _owners(head: Token, tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """'troops loyal to Muammar Gaddafi': the actors named inside the owner phrase, not a
    longer mention running over the troops too (read as the country's forces)."""
    if not any(c.lower_ in OWNER_WORDS for c in head.children) or not tokens:
        return []
    low, high = min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)
    inside = sorted(
        (a, actor_id)
        for (a, b), actor_id in resolved.linked.actor_of.items()
        if low <= a and b <= high
    )
    return list(dict.fromkeys(actor_id for _, actor_id in inside))


def _side_tokens(head: Token, resolved: ResolvedDocument) -> list[Token]:
    """One conjunct's words; 'troops loyal to X' are X's, whatever 'troops' alone would be."""
    owner = [t for c in head.children if c.lower_ in OWNER_WORDS for t in c.subtree]
    if head.pos_ == "NOUN" and owner and actor_refs(owner, resolved):
        return owner
    return phrase_tokens(head)


def _sides_after(word: Token, preps: Collection[str], resolved: ResolvedDocument) -> list[str]:
    """The sides named after one of `preps` under `word` ('clashes with X', 'between X and Y',
    'took Z from X')."""
    return [
        side
        for child in word.children
        if child.dep_ == "prep" and child.lower_ in preps
        for g in child.children
        if g.dep_ == "pobj"
        for side in _sides(g, resolved)
    ]


def _clause_sides(word: Token, resolved: ResolvedDocument) -> list[str]:
    """The sides the subject of the clause a fight noun stands in names ('X took Y after
    clashes with Z'); past a relative clause whose subject names none ('X took villages that
    were held by W in a clash with Z': X) to the clause it is in."""
    current = word
    for _ in range(10):
        if current.head == current:
            return []
        current = current.head
        if current.pos_ not in {"VERB", "AUX"}:
            continue
        subject, passive = subject_of(current)
        sides = _sides(subject, resolved)  # "X is locked in a war with Y": X too
        headed = subject is not None and any(
            t.text == ":" for t in current.doc[subject.i : current.i]
        )  # the heading's noun taken for the subject: "Syrian War: The army ... took"
        if (subject is None or headed) and not passive and agent_of(current) is None:
            sides = _named_before(current, resolved) or sides
        if sides or current.dep_ not in {"relcl", "acl"}:
            return sides
    return []


def _named_before(verb: Token, resolved: ResolvedDocument) -> list[str]:
    """A verb the parser left with no subject ('Conflict, X-led intervention: The army,
    along with militias, took ...', the heading run into the clause): the sides named
    before it since the heading's colon, not their backers."""
    tokens = list(verb.sent)[: verb.i - verb.sent.start]
    colons = [n for n, t in enumerate(tokens) if t.text == ":"]
    if not colons:
        return []
    tokens = [t for t in tokens[colons[-1] + 1 :] if not t.is_punct]
    backers = backers_in(tokens, resolved)
    found = [r.id for r in actor_refs(tokens, resolved) if r.id not in backers]
    return [a for a in side_refs(list(dict.fromkeys(found)), resolved) if not is_generic_class(a)]


def _armed(actor_id: str, resolved: ResolvedDocument) -> bool:
    """A side that can be fought: not a country, a person, civilians or protesters."""
    linked = resolved.linked.actors.get(actor_id)
    record = linked.record if linked else actor_records().get(actor_id)
    return record is None or record.type not in UNARMED_TYPES


def _object_fight(token: Token, resolved: ResolvedDocument) -> tuple[list, list] | None:
    """'X defeated / repelled / ambushed Y', 'Y was attacked by X': the doer and the armed
    side its object names (an attack on a place or a country is no fight between sides)."""
    subject, passive = subject_of(token)
    agent = agent_of(token)
    if agent is not None:
        doers = _sides(agent, resolved)
        objects = [c for c in token.children if c.dep_ == "nsubjpass"]
    elif passive:
        return None
    else:
        doers = _sides(subject, resolved)
        objects = [c for c in token.children if c.dep_ == "dobj"]
    others = [a for o in objects for a in _sides(o, resolved) if _armed(a, resolved)]
    others = [a for a in others if a not in doers]
    return (doers, others) if doers and others else None


def fight_pairs(sentence: Span, resolved: ResolvedDocument) -> Iterator[tuple]:
    """('opposes', word, one side, the other side) for every fight the sentence tells."""
    verbs, nouns = _words("verbs"), _words("nouns")
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in verbs:
            subject, passive = subject_of(token)
            if token.dep_ == "acl" and token.tag_ == "VBG":  # "US forces battling X"
                subject, passive = token.head, False
            subject = antecedent(subject, token)
            if passive or averted(token):
                continue
            sides = _sides(subject, resolved)
            if not sides:  # "help the YPG fight against X", the name hung on the verb
                named = [c for c in token.children if c.dep_ == "compound"]
                sides = [s for c in named for s in _sides(c, resolved)]
            others = _sides_after(token, OPPONENT_PREPS, resolved)
            # "forces battling the Islamic State", "fought the Taliban": the armed object
            others += [
                a
                for c in token.children
                if c.dep_ == "dobj"
                for a in _sides(c, resolved)
                if _armed(a, resolved) and a not in sides and a not in others
            ]
            partners = [a for a in _sides_after(token, ALLY_PREPS, resolved) if a not in sides]
            if sides and partners:  # "X are fighting alongside Y"
                yield "allied_with", token, sides, partners
            hired = subject is not None and subject.lemma_.lower() in {"mercenary"}
            employers = _sides_after(token, {"for"}, resolved) if hired else []
            if sides and employers:  # "Sudanese mercenaries fighting for Haftar"
                yield "supports", token, sides, [e for e in employers if e not in sides]
            joined = subject is not None and len(with_conjuncts(subject)) > 1
            if not others and len(sides) > 1 and joined:  # "X and Y clashed" (not "Russian
                # mercenaries from the Wagner Group fought", one side named twice)
                sides, others = sides[:1], sides[1:]
            if sides and others:
                yield "opposes", token, sides, others
        elif token.pos_ == "NOUN" and ({lemma, token.lower_} & (nouns | _words("source_nouns"))):
            both = _sides_after(token, {"between"}, resolved)
            if len(both) < 2 and token.dep_ == "nsubj":  # "fighting erupted between X and Y"
                both = _sides_after(token.head, {"between"}, resolved)
            if len(both) > 1:
                yield "opposes", token, both[:1], both[1:]
                continue
            others = []
            if {lemma, token.lower_} & nouns:
                others = _sides_after(token, OPPONENT_PREPS, resolved)
            if {lemma, token.lower_} & _words("source_nouns"):
                others += _sides_after(token, {"from"}, resolved)  # "resistance from X"
            if others:
                # "the YPG fight against X", "the army's fight against X": the noun's own
                own = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"}]
                sides = [s for c in own for s in _sides(c, resolved) if s not in others]
                sides = sides or _clause_sides(token, resolved)
                if sides:
                    yield "opposes", token, sides, others
        elif token.pos_ == "VERB" and lemma in _words("object_verbs"):
            pair = _object_fight(token, resolved)
            if pair is not None:
                yield "opposes", token, *pair
        elif token.pos_ == "NOUN" and {lemma, token.lower_} & _words("attack_nouns"):
            # "launch a counter-attack against X", "their airstrike campaign against X"
            others = [a for a in _sides_after(token, {"against"}, resolved) if _armed(a, resolved)]
            own = [c for c in token.children if c.dep_ in {"compound", "poss", "nmod"}]
            sides = [s for c in own for s in _sides(c, resolved) if s not in others]
            sides = sides or [s for s in _clause_sides(token, resolved) if s not in others]
            if sides and others and not averted(token):
                yield "opposes", token, sides, others


RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}


def antecedent(subject: Token | None, verb: Token) -> Token | None:
    """'the coalition that has fought IS': the relative pronoun stands for the noun the
    clause hangs on."""
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subject


def averted(word: Token) -> bool:
    """'withdrawing to avoid clashing with its ally': a fight kept from happening."""
    current = word
    for _ in range(2):
        current = current.head
        if current.lemma_.lower() in _words("averting_verbs"):
            return True
        if current.head == current:
            break
    return False


def only_averted(sentence: Span) -> bool:
    """A sentence whose every fight word is kept from happening ('withdrawing to avoid
    clashing with its ally'): it tells no fight, whatever an event read in it says."""
    words = _words("verbs") | _words("nouns")
    fights = [t for t in sentence if t.lemma_.lower() in words and t.pos_ in {"VERB", "NOUN"}]
    return bool(fights) and all(averted(t) for t in fights)


def held_by_agent(tokens: list[Token], resolved: ResolvedDocument) -> list[str]:
    """'two strongholds held by X': who held what was taken."""
    held = frozenset(str(w) for w in load_data("relate.yaml")["control"]["held_participles"])
    return [
        r.id
        for t in tokens
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.lower_ in held
        for c in t.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
        for r in actor_refs(phrase_tokens(g), resolved)
    ][:1]


def fought(trigger: Token, resolved: ResolvedDocument) -> list[str]:
    """Whom the clause of `trigger` says its doer fought ('took X after clashes with Y')."""
    verbs, nouns = _words("verbs"), _words("nouns")
    found: list[str] = []
    for token in trigger.subtree:
        if token.head.i != trigger.i and token.head.head.i != trigger.i:
            continue  # only the trigger's own phrases, not a nested clause's
        lemma = token.lemma_.lower()
        if lemma in verbs and token.pos_ == "VERB" or lemma in nouns and token.pos_ == "NOUN":
            found += _sides_after(token, OPPONENT_PREPS, resolved)
    return found


@cache
def _capture_lemmas() -> frozenset[str]:
    control = load_data("relate.yaml")["control"]
    return frozenset(str(w) for w in control["captured"] if " " not in str(w))


def capture_pairs(sentence: Span, resolved: ResolvedDocument) -> Iterator[tuple]:
    """('opposes', verb, takers, losers) for 'X took Y from Z', named places or not ('claims
    to have captured five cities from Z'): taking ground from a side is fighting it, whatever
    the claim about the ground."""
    for token in sentence:
        lemma = token.lemma_.lower()
        lemma = load_data("relate.yaml")["control"]["forms"].get(lemma, lemma)  # "retook"
        if token.pos_ != "VERB" or lemma not in _capture_lemmas():
            continue
        losers = _sides_after(token, {"from"}, resolved)
        for taken in (c for c in token.children if c.dep_ == "dobj" and not losers):
            losers = _sides_after(taken, {"from"}, resolved)  # "captured sites from X"
        if not losers:  # "seized two strongholds held by X"
            objects = [t for c in token.children if c.dep_ == "dobj" for t in c.subtree]
            losers = side_refs(held_by_agent(objects, resolved), resolved)
        subject, passive = subject_of(token)
        takers = [] if passive else _sides(antecedent(subject, token), resolved)
        takers = [t for t in takers if t not in losers]
        if takers and losers:
            yield "opposes", token, takers, losers


def earlier_captor(trigger: Token, resolved: ResolvedDocument) -> str | None:
    """'retook the dam after its capture by Y': Y held it."""
    nouns = set(load_data("relate.yaml")["control"]["nouns"]["captured"])
    for token in trigger.sent:
        if token.lemma_.lower() not in nouns or token.pos_ != "NOUN" or token.i < trigger.i:
            continue
        if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            continue
        for child in token.children:
            if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
                refs = actor_refs(list(child.subtree), resolved)
                if refs:
                    return refs[0].id
    return None


HELD_VERBS = {"hold", "control", "occupy", "seize", "capture", "take", "overrun"}


def relative_holder(trigger: Token, resolved: ResolvedDocument) -> str | None:
    """'captured Morek, which rebels had held since 2014', 'captured X, previously held by
    the army', 'captured X after months under rebel control': the rebels (the army) held it."""
    for token in trigger.subtree:  # "under Houthi control", "under the control of X"
        if token.lower_ == "under" and token.dep_ == "prep":
            nouns = [c for c in token.children if c.dep_ == "pobj" and c.lemma_ == "control"]
            owners = [
                t
                for n in nouns
                for c in n.children
                if c.dep_ in {"compound", "amod", "poss"} or c.dep_ == "prep" and c.lower_ == "of"
                for t in c.subtree
            ]
            sides = side_refs([r.id for r in actor_refs(owners, resolved)], resolved)
            if sides:
                return sides[0]
    for child in trigger.children:
        # "captured X, previously held by Y" with the participle hung on the verb
        if child.dep_ == "advcl" and child.tag_ == "VBN" and child.lemma_ in HELD_VERBS:
            sides = _sides(agent_of(child), resolved)
            if sides:
                return sides[0]
        if child.dep_ not in {"dobj", "prep"}:
            continue
        for token in child.subtree:
            if token.dep_ not in {"relcl", "acl"} or token.lemma_.lower() not in HELD_VERBS:
                continue
            subject, passive = subject_of(token)
            holder = agent_of(token)  # "which had been held by rebels"
            if holder is None and not passive and subject is not None:
                holder = subject if subject.tag_ not in {"WDT", "WP"} else None
            sides = _sides(holder, resolved)
            if sides:
                return sides[0]
    return None


def averted_at(evidence: Evidence, resolved: ResolvedDocument) -> bool:
    """Whether the sentence at the evidence tells only fights kept from happening."""
    normalized = resolved.linked.parsed.normalized
    for sentence in sentences_of(resolved.linked.parsed.doc):
        start, end = normalized.span(sentence.start_char, sentence.end_char)
        if start <= evidence.start < end:
            return only_averted(sentence)
    return False

"""Death tolls by ACLED's rules, from one sentence's parse (`kb/data/fatality_cues.yaml`).

A count of people ("18 protesters", "twenty-seven of the rebels", "a farmer", "himself and ten
soldiers") is a toll when the parse ties it to a death word: the object or passive subject of
a death verb ("killed 18 protesters", "a farmer died", "beat him to death"), or governed by a
death noun ("the death of 13 people", "leaving five fighters dead", "Three of the martyrs").
Failing that, a number next to a death word in the same clause counts ("Eight dead as clashes
erupt"). Injuries are kept apart. Counts of distinct groups add up; a subset ("among them two
children") does not; an updated toll ("the death toll rose to 55") replaces the parts; a
competing figure ("put the toll at 15") keeps the lowest.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.kb import load_data
from frontlines.kb.cues import cues
from frontlines.mentions import number_value
from frontlines.resolve import acled_fatalities

WINDOW = 5  # tokens between a bare number and the death word next to it
COMPLEMENTS = {"acomp", "oprd", "xcomp", "attr", "dobj"}  # "were shot dead", "lost their lives"
NOT_COUNTED = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
ONE_PERSON = {"him", "her", "himself", "herself", "he", "she"}


@lru_cache(maxsize=1)
def _data() -> dict:
    return load_data("fatality_cues.yaml") or {}


@lru_cache(maxsize=32)
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _data().get(name) or ())


@dataclass
class Count:
    value: int
    vague: bool
    start: int  # token index of the count's first word
    head: Token  # the noun counted (or the number itself)
    strong: bool = True  # tied to the death word by the parse, not by nearness


MISPARSED_KILLS = {"kill", "kills", "killed", "killing"}  # "a bomb ... kills 14" parsed as a noun


def _is_death(token: Token) -> bool:
    lemma, lower = token.lemma_.lower(), token.lower_
    if lemma in _words("death_verbs") and token.pos_ in {"VERB", "AUX"}:
        return True
    if lower in MISPARSED_KILLS or _fatally(token):
        return True  # "4 people are fatally shot"
    if lower in {"lives", "life"}:
        return token.head.lemma_.lower() == "lose"
    if lower == "alive":
        return token.head.lemma_.lower() in {"burn", "bury"}
    return lower in _words("death_nouns") or lemma in _words("death_nouns")


def _fatally(token: Token) -> bool:
    return token.pos_ == "VERB" and any(c.lower_ == "fatally" for c in token.children)


def _is_injury(token: Token) -> bool:
    if _fatally(token):
        return False
    return token.lower_ in _words("injury_words") or token.lemma_.lower() in _words("injury_words")


def _counted(number: Token) -> Token:
    """The phrase head a number counts: the noun it modifies ("18 protesters"), else the
    number itself ("13 of the elements", "4 dead")."""
    if number.dep_ in {"nummod", "quantmod", "amod", "compound"} and number.head.pos_ in {
        "NOUN",
        "PROPN",
    }:
        head = number.head
        while head.dep_ == "compound" and head.head.pos_ in {"NOUN", "PROPN"} and head.head != head:
            head = head.head  # "26 Boko Haram militants" parsed as 26 of "Haram": the militants
        return head
    return number


def _of_noun(head: Token) -> Token | None:
    """'X' of "13 of the X"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _counts(sentence: Span) -> list[Count]:
    """Every count of people in the sentence, numbers joined ("twenty - seven")."""
    found: list[Count] = []
    tokens = list(sentence)
    vague = {str(k): int(v) for k, v in (cues().get("vague_death_counts") or {}).items()}
    dozen = {str(k): int(v) for k, v in (_data().get("dozen_words") or {}).items()}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        lower = token.lower_
        before = tokens[index - 1].lower_ if index else ""
        if token.like_num and token.ent_type_ not in NOT_COUNTED and before != "no":
            end = index + 1
            while end < len(tokens) and (
                tokens[end].like_num
                or (tokens[end].text == "-" and end + 1 < len(tokens) and tokens[end + 1].like_num)
            ):
                end += 1
            following = [t.lower_ for t in tokens[end : end + 3]]
            unit = following[1:2] if following[:1] == ["-"] else following[:1]
            in_range = tokens[end - 1].dep_ == "conj" and tokens[end - 1].head.like_num
            counted = _counted(tokens[end - 1])
            events = counted.lemma_.lower() in _words("event_nouns")  # "in two attacks"
            if not set(unit) & _words("not_counts") and not in_range and not events:
                value = number_value(" ".join(t.text for t in tokens[index:end]))
                if value is not None and value < 100000:
                    found.append(Count(value, False, token.i, counted))
            index = end
            continue
        if lower in dozen and before in {"a", "one"}:
            found.append(Count(dozen[lower], False, token.i - 1, _counted(token)))
        elif lower in vague and token.pos_ in {"NOUN", "NUM", "PRON"}:
            found.append(Count(vague[lower], True, token.i, _counted(token)))
        index += 1
    return found


def _above(head: Token) -> list[Token]:
    """The word that says what happened to the counted, and its complements."""
    governor = head.head
    if governor.dep_ == "prep" or governor.lower_ == "of":
        governor = governor.head  # "the death of 13", "rose to ten"
    words = [governor]
    words += [c for c in governor.children if c.dep_ in COMPLEMENTS and c is not head]
    words += [  # "the death toll rose to 55"
        c
        for c in governor.children
        if c.dep_ == "nsubj" and c.lemma_.lower() in _words("toll_nouns") and c is not head
    ]
    for child in governor.children:
        if child.dep_ == "prep" and child.lower_ not in {"without", "of", "after", "before"}:
            words += [g for g in child.children if g.dep_ == "pobj"]  # "beaten to death"
    words += [  # "are poisoned and fatally shot": a verb sharing the counted as its subject
        c
        for c in governor.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and not any(g.dep_ in {"nsubj", "nsubjpass", "dobj"} for g in c.children)
    ]
    return words


def _harm(tokens: list[Token], numeric: bool) -> str | None:
    if any(_is_death(t) or (numeric and t.lemma_.lower() in _words("loss_verbs")) for t in tokens):
        return "death"
    return "injury" if any(_is_injury(t) for t in tokens) else None


def _along_with(head: Token) -> Token | None:
    """The verb of 'killed, along with eight others': what befell the first befell these."""
    preposition = head.head
    if head.dep_ != "pobj" or preposition.lower_ != "with" or preposition.i == 0:
        return None
    if head.doc[preposition.i - 1].lower_ not in {"along", "together"}:
        return None
    verb = preposition.head
    return verb.head if verb.lower_ in {"along", "together"} else verb


def _kind(count: Count) -> str | None:
    """'death' or 'injury' for the count, by its place in the parse, else its neighbours."""
    head = count.head
    own = [head] if head.i != count.start else []
    own += [c for c in head.children if c.dep_ in {"amod", "acl", "relcl"}]  # "4 dead"
    of_noun = _of_noun(head)
    own += [of_noun] if of_noun is not None else []  # "Three of the martyrs"
    if _is_injury(head) or (own and _harm(own, False) == "injury"):
        return "injury"
    if own and _harm(own, False) == "death":
        return "death"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and _is_injury(after) and after.pos_ in {"VERB", "ADJ"}:
        return "injury"  # "rises to 38 with 155 injured"
    along = _along_with(head)
    if along is not None and _harm([along], False):
        return _harm([along], False)  # "a journalist is killed, along with eight others"
    anchor = head
    while anchor.dep_ == "conj" and anchor.head != anchor:
        between = head.doc[anchor.head.i + 1 : anchor.i]
        if any(_is_injury(t) for t in between) and not any(_is_death(t) for t in between):
            return "injury"  # "kills one and injures 30 people", 30 parsed as one's conjunct
        anchor = anchor.head  # "himself and ten soldiers": the first conjunct's place
    governor = anchor.head
    if anchor.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and not _is_death(c) for c in governor.children
    ):
        return None  # the subject of "shot dead a journalist" did the killing
    above = _above(anchor) if anchor.head != anchor else []
    if above and _is_injury(above[0]):
        return "injury"
    kind = _harm(above, not count.vague)
    if kind:
        return kind
    if count.vague:
        return None
    doc = head.doc
    best: tuple[int, str] | None = None
    for token in head.sent:
        distance = abs(token.i - count.start)
        if distance == 0 or distance > WINDOW:
            continue
        between = doc[min(token.i, count.start) : max(token.i, count.start)]
        if any(t.text in {";", ":"} for t in between):
            continue
        kind = "death" if _is_death(token) else "injury" if _is_injury(token) else None
        if kind and (best is None or distance < best[0]):
            best = (distance, kind)
    if best and best[1] == "death":
        count.strong = False
    return best[1] if best else None


def _victims(token: Token) -> list[Token]:
    """The phrases whose people died by `token`: 'killed X', 'X died', 'beat X to death',
    'shot X dead', 'his death', 'the death of X', 'a journalist shot dead'."""
    verb = token if token.pos_ in {"VERB", "AUX"} else None
    if token.dep_ == "pobj" and token.head.lower_ in {"to", "until"}:
        verb = token.head.head
    elif token.lower_ in {"dead", "alive"} and token.dep_ in {
        "acomp",
        "oprd",
        "advmod",
        "ccomp",
        "xcomp",
        "dobj",
        "conj",
    }:
        verb = token.head
    if verb is not None:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        intransitive = verb == token and token.lemma_.lower() != "kill"  # "a farmer died"
        if not objects and (intransitive or (verb != token and verb.tag_ == "VBN")):
            objects = [c for c in verb.children if c.dep_ == "nsubj"]  # "activist shot dead"
        if not objects and verb.dep_ == "conj":  # "was shot in the chest and died"
            objects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not objects and verb.dep_ in {"xcomp", "oprd"}:  # "is confirmed killed"
            objects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if objects or verb == token:
            return objects
    found = [c for c in token.children if c.dep_ == "poss"]
    of_noun = _of_noun(token)
    found += [of_noun] if of_noun is not None else []
    if token.dep_ in {"acl", "amod"} and token.head.pos_ == "NOUN":
        found.append(token.head)
    return found


def _singles(sentence: Span, taken: set[int], counts: list[Count]) -> list[Count]:
    """People killed without a number: 'killed a teacher', 'himself and ten soldiers',
    'beat them to death' (as many as the count before)."""
    found = []
    for token in sentence:
        if not _is_death(token) or token.lower_ in {"toll", "bodies", "lives", "life"}:
            continue
        for noun in _victims(token):
            for member in [noun, *noun.conjuncts]:
                numbered = any(c.i in taken for c in member.children if c.dep_ == "nummod")
                negated = member.i > 0 and member.doc[member.i - 1].lower_ in {"no", "any"}
                if (
                    member.i in taken
                    or numbered
                    or negated
                    or member.ent_type_ in {"GPE", "ORG", "NORP"}
                    or member.lower_ in _words("not_victims")
                    or member.lemma_.lower() in _words("toll_nouns")
                ):
                    continue
                group = _them(member, counts)
                if group is not None:
                    taken.add(member.i)
                    found.append(Count(group, False, member.i, member))
                    break  # "killed them and burned the bodies of them": one group
                if member.tag_ in {"NN", "NNP"} or member.lower_ in ONE_PERSON | {"his"}:
                    taken.add(member.i)
                    found.append(Count(1, False, member.i, member))
    return found


def _is_subset(count: Count) -> bool:
    doc = count.head.doc
    before = {t.lower_ for t in doc[max(count.start - 3, 0) : count.start]}
    return bool(before & _words("subset_markers"))


def _toll(count: Count) -> str | None:
    """'update' for "the toll rose to 55", 'competing' for "put the toll at 15"."""
    doc = count.head.doc
    before = doc[max(count.start - 6, count.head.sent.start) : count.start]
    above = _above(count.head) if count.head.head != count.head else []
    named = [t for t in before if t.lemma_.lower() in _words("toll_nouns")]
    named += [
        t
        for t in above
        if (t.lower_ in {"dead", "martyrs", "deaths"} and t.dep_ not in COMPLEMENTS - {"dobj"})
        or t.lemma_.lower() in _words("toll_nouns")
    ]  # "put the dead at 15", not "are shot dead"
    if not named:
        return None
    verbs = [t for t in [*before, *above[:1]] if t.lemma_.lower() in _words("toll_update_verbs")]
    return "update" if verbs else "competing"


def _them(member: Token, counts: list[Count]) -> int | None:
    """'beat them to death' after 'two men': the number of the people 'them' stands for."""
    if member.lower_ not in {"them", "themselves"}:
        return None
    earlier = [c for c in counts if c.start < member.i and not c.vague]
    return earlier[-1].value if earlier else None


def sentence_toll(sentence: Span) -> list[tuple[int, bool]]:
    """The sentence's death toll as [(count, vague)], or [] when it states none; [(0, False)]
    when it says that nobody died."""
    lowered = " " + sentence.text.lower() + " "
    if not any(_is_death(t) or t.lemma_.lower() in _words("loss_verbs") for t in sentence):
        return []  # no death word, no toll (and nothing that says nobody died)
    every = _counts(sentence)
    counts = [c for c in every if _kind(c) == "death"]
    taken = {c.head.i for c in counts} | {c.start for c in counts}
    counts += _singles(sentence, taken, every)
    earlier = _told_as_cause(sentence)
    if any(c.head.i not in earlier for c in counts):
        counts = [c for c in counts if c.head.i not in earlier]  # "after violence left 44 dead"
    if any(c.strong for c in counts):
        counts = [c for c in counts if c.strong]
    if any(p in lowered for p in _words("self_phrases")):
        return [(1, False)]
    if not counts or (
        not any(c.strong for c in counts) and any(p in lowered for p in _words("zero_phrases"))
    ):
        return [(0, False)] if any(p in lowered for p in _words("zero_phrases")) else []
    updates = [c.value for c in counts if _toll(c) == "update"]
    if updates:
        return [(max(updates), False)]
    competing = [c.value for c in counts if _toll(c) == "competing"]
    parts = [c for c in counts if not _is_subset(c) and _toll(c) is None]
    total = sum(c.value for c in parts)
    vague = any(c.vague for c in parts)
    if competing:
        return [(min([*competing, total] if parts else competing), vague)]
    return [(total, vague)]


def _told_as_cause(sentence: Span) -> set[int]:
    """The tokens of what the sentence gives as the event's occasion ("a day after street
    violence left 44 dead, armed men burn ..."): another event's toll."""
    return {
        t.i
        for p in sentence
        if p.dep_ == "prep" and p.lower_ in {"after", "following", "since"}
        for t in p.subtree
    }


def fatality_count(figures: list[tuple[int, int, bool]]) -> int:
    """ACLED's rules: a stated figure beats a vague word ('several' → 10); of competing
    figures given together the lowest; the first sentence to state one, not a later detail
    ('one student died of his injuries') of the same toll."""
    exact = [(sentence, value) for sentence, value, vague in figures if not vague]
    if exact:
        first = min(sentence for sentence, _ in exact)
        return acled_fatalities([value for sentence, value in exact if sentence == first])
    return acled_fatalities([value for _, value, _ in figures])

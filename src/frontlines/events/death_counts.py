"""Words of death and harm, and the counts of people a sentence gives
(`kb/data/fatality_cues.yaml`): the reading `fatalities` builds its tolls on.

A count is a number ("18 protesters", "twenty - seven", "From 18 to 43 people": the lower), a
dozen ("a dozen"), a pair ("both pilots") or a vague word ("dozens", by ACLED's readings),
tied to the noun it counts; numbers of years, hours, places, events and ranks count no one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from frontlines.kb import load_data
from frontlines.kb.cues import cues
from frontlines.mentions import number_value

NOT_COUNTED = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
ONE_PERSON = {"him", "her", "himself", "herself", "he", "she"}


@lru_cache(maxsize=1)
def cue_data() -> dict:
    return load_data("fatality_cues.yaml") or {}


@lru_cache(maxsize=32)
def fatality_words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in cue_data().get(name) or ())


_words = fatality_words


@dataclass
class Count:
    value: int
    vague: bool
    start: int  # token index of the count's first word
    head: Token  # the noun counted (or the number itself)
    strong: bool = True  # tied to the death word by the parse, not by nearness
    alone: bool = False  # a lone bomber who "blew himself up": counted only with no other dead


# "a bomb ... kills 14", "a car bomb massacres 100 people" parsed as nouns
MISPARSED_KILLS = {"kill", "kills", "killed", "killing", "massacres", "massacred"}


REFLEXIVES = {"himself", "herself", "themselves"}


def phrasal(token: Token, table: str) -> bool:
    """'gunned down' ('gun: down' in the table), 'blew himself up' with a reflexive object."""
    particle = (cue_data().get(table) or {}).get(token.lemma_.lower())
    return bool(particle) and any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


def self_death(token: Token) -> bool:
    """'blew himself up', 'two others blew themselves up', 'detonated their explosive
    vests': the subject died."""
    if token.lemma_.lower() in fatality_words("self_detonation_verbs"):
        return any(
            c.dep_ == "dobj"
            and c.lemma_.lower() in fatality_words("worn_explosives")
            and any(p.dep_ == "poss" and p.lower_ in {"his", "her", "their"} for p in c.children)
            for c in token.children
        )
    return phrasal(token, "self_death_verbs") and any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children
    )


def is_death(token: Token) -> bool:
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ in {"VERB", "AUX"} and any(c.dep_ == "neg" for c in token.children):
        return False  # "says she did not die of tear gas": no death told
    if lemma in _words("death_verbs") and token.pos_ in {"VERB", "AUX"}:
        return True
    if token.pos_ == "VERB" and (phrasal(token, "death_phrasal_verbs") or self_death(token)):
        return True
    if lower in MISPARSED_KILLS or fatally(token):
        return True  # "4 people are fatally shot"
    if lower in {"lives", "life"}:
        return token.head.lemma_.lower() == "lose"
    if lower == "alive":  # "buried alive", "bury alive 45" with "bury" taken for a noun
        before = token.doc[token.i - 1] if token.i > 0 else token
        return {token.head.lemma_.lower(), before.lemma_.lower()} & {"burn", "bury"} != set()
    if lower not in _words("death_nouns") and lemma not in _words("death_nouns"):
        return False
    return not any(c.lower_ in _words("undone_words") for c in token.children)


def fatally(token: Token) -> bool:
    return token.pos_ == "VERB" and any(c.lower_ == "fatally" for c in token.children)


def is_injury(token: Token) -> bool:
    if fatally(token):
        return False
    return token.lower_ in _words("injury_words") or token.lemma_.lower() in _words("injury_words")


def countable(number: Token) -> bool:
    """A number that may count people: not a date, time, sum or rank, except a bare number the
    tagger took for a date ("kill around 70", "the attack that killed 54")."""
    if number.ent_type_ not in NOT_COUNTED:
        return True
    if number.ent_type_ == "PERCENT":  # "Two United States troops" tagged as a percentage
        return not _entity_has(number, {"%", "percent", "per"})
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if number.is_alpha and following is not None and following.like_num:
        return True  # "two 17-year-old Palestinians": the age is the date-like part
    roles = {"dobj", "nsubjpass", "nsubj", "conj", "nummod"}
    if number.ent_type_ != "DATE" or number.dep_ not in roles:
        return False
    if number.dep_ == "nummod" and number.head.lower_ in _words("not_counts"):
        return False  # "5 May", "two days"
    doc, start, end = number.doc, number.i, number.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    year = number.text.isdigit() and len(number.text) == 4
    return not year and all(
        t.like_num or t.lower_ in _words("number_modifiers") for t in doc[start:end]
    )


def _entity_has(token: Token, wanted: set[str]) -> bool:
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.lower_ in wanted for t in doc[start:end])


def alternative(number: Token) -> bool:
    """The second of two figures for one toll ("10 or 15", "between 20 and 30"), not a second
    count ("kills 58 and 32, respectively")."""
    first = number.head
    if not first.like_num:
        return False
    joined = {c.lower_ for c in first.children if c.dep_ == "cc"}
    before = number.doc[first.i - 1].lower_ if first.i > 0 else ""
    return "or" in joined or before == "between" or first.head.lower_ == "between"


def counted_noun(number: Token) -> Token:
    """The phrase head a number counts: the noun it modifies ("18 protesters"), else the
    number itself ("13 of the elements", "4 dead")."""
    if number.dep_ == "quantmod" and number.head.like_num and number.head != number:
        return counted_noun(number.head)  # "From 18 to 43 people": 18 counts the people
    describer = number.head
    if (
        number.dep_ == "nummod"
        and describer.dep_ == "amod"
        and describer.pos_ != "NUM"
        and describer.head.pos_ in {"NOUN", "PROPN"}
        and describer.head.i > describer.i
    ):
        number = describer  # "Six suspect militants", the number parsed as the adjective's
    if number.dep_ in {"nummod", "quantmod", "amod", "compound"} and number.head.pos_ in {
        "NOUN",
        "PROPN",
    }:
        head = number.head
        while (
            (head.dep_ in {"compound", "nmod"} or (head.dep_ == "poss" and head.pos_ == "PROPN"))
            and head.head.pos_ in {"NOUN", "PROPN"}
            and head.head != head
        ):
            # "26 Boko Haram militants" parsed as 26 of "Haram", "Two Algerian People's
            # National Army personnel" as two of "People": the militants, the personnel
            head = head.head
        return head
    return number


def of_noun(head: Token) -> Token | None:
    """'X' of "13 of the X"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def counts_of(sentence: Span) -> list[Count]:
    """Every count of people in the sentence, numbers joined ("twenty - seven")."""
    found: list[Count] = []
    tokens = list(sentence)
    vague = {str(k): int(v) for k, v in (cues().get("vague_death_counts") or {}).items()}
    dozen = {str(k): int(v) for k, v in (cue_data().get("dozen_words") or {}).items()}
    pairs = {str(k): int(v) for k, v in (cue_data().get("pair_words") or {}).items()}
    index = 0
    while index < len(tokens):
        token = tokens[index]
        lower = token.lower_
        before = tokens[index - 1].lower_ if index else ""
        if token.like_num and countable(token) and before not in {"no", "number"}:
            end = index + 1
            while end < len(tokens) and (  # "twenty - seven", not "two 17-year-old"
                (tokens[end].like_num and tokens[end].is_alpha == token.is_alpha)
                or (tokens[end].text == "-" and end + 1 < len(tokens) and tokens[end + 1].like_num)
            ):
                end += 1
            following = [t.lower_ for t in tokens[end : end + 3]]
            unit = following[1:2] if following[:1] == ["-"] else following[:1]
            in_range = (tokens[end - 1].dep_ == "conj" and alternative(tokens[end - 1])) or (
                before in {"to", "-"} and index > 1 and tokens[index - 2].like_num
            )  # "64 to 100 people": the lower figure
            counted = counted_noun(tokens[end - 1])
            events = counted.lemma_.lower() in _words("event_nouns") or (
                counted.pos_ == "NOUN"
                and counted.lemma_.lower() in _words("place_nouns") | _words("group_nouns")
            )  # "in two attacks", "on two villages", "two rival factions", not "55 Islamic
            # State insurgents"
            if not set(unit) & _words("not_counts") and not in_range and not events:
                value = number_value(" ".join(t.text for t in tokens[index:end]))
                if value is not None and unit and unit[0] in dozen:  # "two dozen fighters"
                    value *= dozen[unit[0]]
                    counted = counted_noun(tokens[end + (following[:1] == ["-"])])
                if value is not None and value < 100000:
                    found.append(Count(value, False, token.i, counted))
            index = end
            continue
        if lower in dozen and before in {"a", "one"}:
            found.append(Count(dozen[lower], False, token.i - 1, counted_noun(token)))
        elif lower in pairs and token.dep_ in {"det", "predet"} and token.head.tag_ == "NNS":
            found.append(Count(pairs[lower], False, token.i, token.head))  # "both pilots"
        elif lower in vague and token.pos_ in {"NOUN", "NUM", "PRON"}:
            found.append(Count(vague[lower], True, token.i, counted_noun(token)))
        index += 1
    return found


RELATIVES = {"who", "that", "which", "whom"}
CLAUSE_LINKS = {"ROOT", "conj", "parataxis", "ccomp"}


def clause_of(token: Token) -> Token:
    """The verb of the clause a word is told in: a participle ("..., killing 4") belongs to
    the clause it hangs on, a clause with its own subject ("while six die in ...") is one."""
    current = token
    for _ in range(40):
        if current.pos_ in {"VERB", "AUX"} and (
            current.dep_ in CLAUSE_LINKS
            or (
                current.dep_ == "advcl"
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in current.children)
            )
        ):
            return current
        if current.head == current:
            return current
        current = current.head
    return current


def other_scene(first: Token, later: Token) -> bool:
    """Whether the clause of `later` tells another incident than that of `first`: another
    doer or attack ("and five policemen are killed by another officer"), or other places than
    the first clause names ("near Jos, while six die in attacks ... in Maiduguri")."""
    if _another_deed_between(first, later):
        return True
    home, clause = clause_of(first), clause_of(later)
    if home == clause:
        return False
    own = [t for t in later.sent if clause_of(t) == clause]
    if any(t.lower_ in fatality_words("other_scene_markers") for t in own):
        return True
    places = {t.lower_ for t in own if _scene(t)}
    home_places = {t.lower_ for t in later.sent if _scene(t) and clause_of(t) == home}
    return bool(places and home_places and not places & home_places)


def _another_deed_between(first: Token, later: Token) -> bool:
    """'killing 4 ..., another strike at 7:15am hits a bus, killing 3': a deed named as
    another between the two counts, however the parse hangs it."""
    between = first.doc[min(first.i, later.i) + 1 : max(first.i, later.i)]
    return any(
        t.lower_ in fatality_words("other_scene_markers")
        and t.head.lemma_.lower() in fatality_words("event_nouns")
        for t in between
    )


LOCATIVES = {"in", "at", "near", "outside", "inside", "across", "around"}


def _scene(token: Token) -> bool:
    """A place named as where something happened ("in Maiduguri", "near the city of Jos"),
    not as whose it is ("Nigeria's military")."""
    if token.ent_type_ != "GPE":
        return False
    for above in token.ancestors:
        if above.dep_ == "prep" and above.lower_ in LOCATIVES:
            return True
        if above.pos_ in {"VERB", "AUX"}:
            return False
    return False


def clause_words(head: Token) -> list[Token]:
    """The clauses hung on a counted noun that tell what befell it, and their complements:
    "three civilians injured by ...", "two members reported as killed", "people who died";
    not a clause with a subject of its own ("..., later two militants being killed")."""
    found = []
    for clause in head.children:
        if clause.dep_ not in {"acl", "relcl"} or any(
            g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ not in RELATIVES for g in clause.children
        ):
            continue
        found.append(clause)
        for child in clause.children:
            if child.dep_ in {"xcomp", "oprd"}:
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ == "as":
                found += [g for g in child.children if g.dep_ in {"pcomp", "pobj", "amod", "acomp"}]
    return found


def across_break(first: Token, second: Token) -> bool:
    """A colon between two words: a heading ("X intervention in Yemen: ten civilians are
    killed") or the parts of a total ("six are killed: three in X, ...")."""
    low, high = sorted((first.i, second.i))
    return any(t.text == ":" for t in first.doc[low + 1 : high])


def personal(name: Token) -> bool:
    """A name the tagger took for a group or place that the words around make a person:
    "American hostage Abdul-Rahman Kassig", "the Imam of China", "Isnilon Hapilon and Omar
    Maute"."""
    people = fatality_words("person_nouns")
    if name.lower_ in people:
        return True
    if any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in people for c in name.children):
        return True
    return any(c.ent_type_ == "PERSON" for c in name.conjuncts)


def described(name: Token) -> bool:
    """A name the tagger took for a place or group but described as a person ('Hashmat
    Karzai, the cousin of ...'): an apposition with a common noun."""
    return name.tag_ == "NNP" and any(c.dep_ == "appos" and c.tag_ == "NN" for c in name.children)


def unit_partners(noun: Token) -> list[Token]:
    """'Sapper X of the 1st Combat Engineer Regiment and an Afghan interpreter die': one
    joined to the unit the parse made the person's apposition is the person's partner."""
    return [
        partner
        for unit in noun.children
        if unit.dep_ == "appos" and unit.ent_type_ == "ORG"
        for partner in unit.conjuncts
        if partner.pos_ == "NOUN" and any(d.lower_ in {"a", "an"} for d in partner.children)
    ]


def one_more(member: Token) -> bool:
    """'Three detonated their vests and a fourth was killed': one more, told by its rank."""
    return member.ent_type_ == "ORDINAL" and any(c.lower_ == "a" for c in member.children)


def told_as_cause(sentence: Span) -> tuple[set[int], set[int]]:
    """The tokens of what the sentence gives as the event's occasion or background, with
    another event's toll: "a day after street violence left 44 dead", "one week after 35
    are killed" (the toll where the sentence gives no other); and those never the event's:
    what it answers ("in retaliation for the killing of three") and a running toll over a
    campaign ("where 13 have been killed since October 2015")."""
    found: set[int] = set()
    never: set[int] = set()
    for word in sentence:
        lower = word.lower_
        if word.dep_ == "prep" and lower in {"after", "following", "since"}:
            found.update(t.i for t in word.subtree)
            if word.head.dep_ == "npadvmod" and word.head.head.dep_ == "advcl":
                found.update(t.i for t in word.head.head.subtree)  # "A day after X left 44 dead"
        elif word.dep_ == "mark" and lower in {"after", "following", "since"} and _earlier(word):
            found.update(t.i for t in word.head.subtree)  # "... one week after 35 are killed"
        elif word.dep_ == "prep" and lower in {"for", "to", "of"} and _after_occasion(word):
            never.update(t.i for t in word.subtree)
        elif word.dep_ == "dobj" and word.head.lemma_.lower() in fatality_words("occasion_verbs"):
            never.update(t.i for t in word.subtree)  # "protesting an attack that killed"
        if lower == "since" and word.head.pos_ == "VERB" and _dated_past(word):
            never.update(t.i for t in word.head.subtree)
    return found, never


def _after_occasion(preposition: Token) -> bool:
    """'in retaliation for', 'during the funerals for 33 people killed' (the 'for' at times
    hung on the verb before the noun)."""
    occasions = fatality_words("occasion_nouns")
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else preposition
    return preposition.head.lemma_ in occasions or before.lemma_.lower() in occasions


def _earlier(mark: Token) -> bool:
    """An 'after' clause that tells an earlier deed, not how this one began: set apart by a
    span of time ("one week after"), by 'other'/'another', or given as the occasion of the
    killing the main verb tells ("kills 146 jihadists after militants killed 14")."""
    clause, main = mark.head, mark.head.head
    before = mark.doc[max(mark.i - 2, mark.sent.start) : mark.i]
    if any(t.lemma_.lower() in fatality_words("time_units") for t in before):
        return True
    if any(t.lower_ in {"other", "another", "earlier", "previous"} for t in clause.subtree):
        return True
    return is_death(main) or any(
        c.dep_ in {"xcomp", "advcl"} and is_death(c) for c in main.children if c != clause
    )


def _dated_past(since: Token) -> bool:
    """'since October 2015', 'since 2019': a campaign's start named by a month or year (not
    'since the ceasefire accord earlier in September', a comparison)."""
    months = fatality_words("not_counts")
    start = next((c for c in since.children if c.dep_ == "pobj"), None)
    if start is None:
        return False
    year = start.like_num and len(start.text) == 4
    return year or start.lower_ in months  # not "since Saturday": the event's own days


def lethal_toll(sentence: Span) -> list[tuple[int, bool]]:
    """'The army initiates a fatal crackdown': a deed told as deadly, with no count, is one
    dead at least (vague, so any figure given beats it); [] where none is."""
    return [(1, True)] if _lethal_deed(sentence) else []


def _lethal_deed(sentence: Span) -> bool:
    for word in sentence:
        deed = word.head
        if (
            word.lower_ in fatality_words("lethal_words")
            and word.dep_ == "amod"
            and deed.tag_ == "NN"
            and deed.dep_ in {"dobj", "nsubj", "nsubjpass"}
            and deed.head.dep_ == "ROOT"
            and any(c.lower_ in {"a", "an"} for c in deed.children)
        ):
            return True
    return False

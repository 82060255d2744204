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

from spacy.tokens import Span, Token

from frontlines.events.death_counts import (
    ONE_PERSON,
    REFLEXIVES,
    Count,
    across_break,
    clause_words,
    counts_of,
    described,
    is_death,
    is_injury,
    of_noun,
    one_more,
    other_scene,
    personal,
    self_death,
    told_as_cause,
    unit_partners,
)
from frontlines.events.death_counts import (
    fatality_words as _words,
)
from frontlines.events.toll_parts import breakdown, is_subset, of_the_dead, with_conjuncts
from frontlines.resolve import acled_fatalities

WINDOW = 5  # tokens between a bare number and the death word next to it
COMPLEMENTS = {"acomp", "oprd", "xcomp", "attr", "dobj"}  # "were shot dead", "lost their lives"


def _above(head: Token) -> list[Token]:
    """The word that says what happened to the counted, and its complements."""
    governor = head.head
    if governor.dep_ == "prep" or governor.lower_ == "of":
        governor = governor.head  # "the death of 13", "rose to ten"
    if governor.lower_ in _words("total_nouns") and governor.head != governor:
        governor = governor.head  # "shoot dead a total of eight people"
    words = [governor]
    words += [
        c
        for c in governor.children
        if (c.dep_ in COMPLEMENTS or (c.dep_ == "advmod" and c.lower_ in {"dead", "alive"}))
        and c is not head
    ]  # "shoot dead a total of eight", "dead" parsed as an adverb
    words += [  # "the death toll rose to 55"
        c
        for c in governor.children
        if c.dep_ == "nsubj" and c.lemma_.lower() in _words("toll_nouns") and c is not head
    ]
    words += [  # "two members reported as killed"
        c
        for c in governor.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
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
    words += [  # "are missing and presumed dead"
        g for c in words[1:] if c.dep_ == "conj" for g in c.children if g.dep_ in {"oprd", "acomp"}
    ]
    return words


def _harm(tokens: list[Token], numeric: bool) -> str | None:
    if any(is_death(t) or (numeric and t.lemma_.lower() in _words("loss_verbs")) for t in tokens):
        return "death"
    return "injury" if any(is_injury(t) for t in tokens) else None


def _along_with(head: Token) -> Token | None:
    """The verb of 'killed, along with eight others': what befell the first befell these."""
    preposition = head.head
    if head.dep_ != "pobj" or preposition.lower_ not in {"with", "alongside"}:
        return None
    if preposition.lower_ == "with" and (
        preposition.i == 0 or head.doc[preposition.i - 1].lower_ not in {"along", "together"}
    ):
        return None
    verb = preposition.head
    verb = verb.head if verb.lower_ in {"along", "together"} else verb
    if verb.pos_ in {"NOUN", "PROPN"} and verb.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return verb.head  # "the governor, along with six guards, are killed"
    return verb


def _kind(count: Count) -> str | None:
    """'death' or 'injury' for the count, by its place in the parse, else its neighbours."""
    head = count.head
    own = [head] if head.i != count.start else []
    own += [c for c in head.children if c.dep_ == "amod"]  # "4 dead"
    own += clause_words(head)  # "injured by ...", "reported as killed", not "two being killed"
    own += [  # "leave 15 militants and 5 soldiers dead": the last one's "dead" is all of theirs
        c
        for later in head.conjuncts
        if later.i > head.i
        for c in later.children
        if c.dep_ == "amod" and c.lower_ == "dead"
    ]
    owner = of_noun(head)
    own += [owner] if owner is not None else []  # "Three of the martyrs"
    if is_injury(head) or (own and _harm(own, False) == "injury"):
        return "injury"
    if own and _harm(own, False) == "death":
        return "death"
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if after is not None and is_injury(after) and after.pos_ in {"VERB", "ADJ"}:
        return "injury"  # "rises to 38 with 155 injured"
    fates = _words("other_fates")
    if head.lemma_.lower() in fates or (
        after is not None and after.lower_ in fates and after.pos_ in {"VERB", "ADJ"}
    ):
        return None  # "killing seven fighters with 40 captured", "and arrests 4"
    if _injury_before(count):
        return "injury"  # "kills 31 and injures over 100", "injures" misparsed
    along = _along_with(head)
    if along is not None and _harm([along], False):
        return _harm([along], False)  # "a journalist is killed, along with eight others"
    if _self_killed(count.head):
        return "death"  # "the two others entered and blew themselves up"
    anchor = head
    while anchor.dep_ in {"conj", "appos"} and anchor.head != anchor:
        between = head.doc[anchor.head.i + 1 : anchor.i]
        if any(is_injury(t) for t in between) and not any(is_death(t) for t in between):
            return "injury"  # "kills one and injures 30 people", 30 parsed as one's conjunct
        anchor = anchor.head  # "himself and ten soldiers": the first conjunct's place
    governor = anchor.head
    verbs = [governor, *(c for c in governor.children if c.dep_ == "xcomp")]
    if anchor.dep_ == "nsubj" and any(
        c.dep_ == "dobj" and not is_death(c) and c.lower_ not in REFLEXIVES
        for v in verbs
        for c in v.children
    ):
        return None  # the subject of "shot dead a journalist", "mass execute dozens" did it
    above = _above(anchor) if anchor.head != anchor else []
    if above and is_injury(above[0]) and not any(is_death(t) for t in above[1:]):
        return "injury"  # not "kidnapped and then killed"
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
        kind = "death" if is_death(token) else "injury" if is_injury(token) else None
        if kind and (best is None or distance < best[0]):
            best = (distance, kind)
    if best and best[1] == "death":
        count.strong = False
    return best[1] if best else None


def _self_killed(head: Token) -> bool:
    """The subject of 'blew themselves up', or of a verb it shares with one."""
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    shared = [c for c in verb.conjuncts if not any(g.dep_ == "nsubj" for g in c.children)]
    return any(self_death(v) for v in [verb, *shared])


def _injury_before(count: Count) -> bool:
    """An injury word right before the count, past 'at least', 'over', 'another' ..."""
    doc = count.head.doc
    index = count.start - 1
    skipped = _words("number_modifiers") - {"and", "or", "between", "the", "to"}
    while index >= count.head.sent.start and doc[index].lower_ in skipped:
        index -= 1
    return index >= count.head.sent.start and is_injury(doc[index])


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
    if verb is not None and self_death(verb):
        return [c for c in verb.children if c.dep_ == "nsubj"]  # the bomber, not "himself"
    if verb is not None:
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] or _taken_away(verb)
        intransitive = verb == token and token.lemma_.lower() != "kill"  # "a farmer died"
        if not objects and (intransitive or (verb != token and verb.tag_ == "VBN")):
            objects = [c for c in verb.children if c.dep_ == "nsubj"]  # "activist shot dead"
        if not objects and verb.dep_ == "conj":  # "was shot in the chest and died"
            objects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not objects and verb.dep_ in {"xcomp", "oprd"}:  # "is confirmed killed"
            objects = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if not objects and verb.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in verb.children):
            objects = _controller(verb.head.head)  # "opens fire before being shot dead"
        if objects or verb == token:
            return objects
    found = [c for c in token.children if c.dep_ == "poss"]
    owner = of_noun(token)
    found += [owner] if owner is not None else []
    if token.dep_ in {"acl", "amod"} and token.head.pos_ == "NOUN":
        found.append(token.head)
    return found


def _taken_away(verb: Token) -> list[Token]:
    """'they have killed Al-Shabwani, a terrorist wanted over ...': the name after an active
    'kill' with no object, parsed as the subject of the verb after it."""
    after = verb.doc[min(verb.i + 1, len(verb.doc) - 1)]
    noun = after.head if after.dep_ == "compound" else after
    active = verb.lemma_.lower() == "kill" and any(c.dep_ == "nsubj" for c in verb.children)
    ok = noun.dep_ == "nsubj" and noun.head.i > noun.i and noun.left_edge.i == verb.i + 1
    return [noun] if active and ok else []


def _controller(verb: Token) -> list[Token]:
    """The subject of the verb a participle clause hangs on ("A woman opens fire ... before
    being shot dead", "He drove ... and opened fire, before being shot dead")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects or verb.dep_ != "conj":
            return subjects
        verb = verb.head
    return []


def _singles(sentence: Span, taken: set[int], counts: list[Count]) -> list[Count]:
    """People killed without a number: 'killed a teacher', 'himself and ten soldiers',
    'beat them to death' (as many as the count before)."""
    found = []
    for token in sentence:
        if not is_death(token) or token.lower_ in {"toll", "bodies", "lives", "life"}:
            continue
        victims = _victims(token)
        if any(v.i in taken for v in victims):  # "kill 13 people ..., the army and a chief
            victims = [v for v in victims if v.i in taken]  # report": a misparsed object
        for noun in victims:
            shared = _companions(token) if noun is victims[0] else []  # "killed alongside X"
            for member in [noun, *noun.conjuncts, *_companions(noun), *shared]:
                numbered = any(c.i in taken for c in member.children if c.dep_ == "nummod")
                negated = member.i > 0 and member.doc[member.i - 1].lower_ in {"no", "any"}
                if (
                    member.i in taken
                    or numbered
                    or negated
                    or (
                        member.ent_type_ in {"GPE", "ORG", "NORP"}
                        and not (described(member) or personal(member))
                    )
                    or across_break(member, token)
                    or _title(member, noun)
                    or member.lemma_.lower() in _words("time_units")
                    or _after_subset_marker(member)
                    or member.lower_ in _words("not_victims")
                    or member.lemma_.lower() in _words("toll_nouns")
                ):
                    continue
                group = _them(member, counts)
                if group is not None:
                    taken.add(member.i)
                    found.append(Count(group, False, member.i, member))
                    break  # "killed them and burned the bodies of them": one group
                if (
                    member.tag_ in {"NN", "NNP"}
                    or member.lower_ in ONE_PERSON | {"his"}
                    or one_more(member)
                ):
                    taken.add(member.i)
                    found.append(Count(1, False, member.i, member, alone=self_death(token)))
    return found


def _title(member: Token, first: Token) -> bool:
    """'X, the party secretary, and parliamentary candidate for Y': a bare common noun
    joined to a name describes the named, it is no one else."""
    return (
        member is not first
        and first.pos_ == "PROPN"
        and member.tag_ == "NN"
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in member.children)
    )


def _companions(noun: Token) -> list[Token]:
    """'X, along with his driver', 'X alongside his cousin': those who shared X's fate."""
    found = []
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in {"along", "together"}:
            prep = next((c for c in prep.children if c.lower_ == "with"), prep)
        if prep.lower_ in {"with", "alongside"} and (
            prep.lower_ == "alongside" or noun.doc[prep.i - 1].lower_ in {"along", "together"}
        ):
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found + unit_partners(noun)


def _after_subset_marker(token: Token) -> bool:
    """'including a district commander': one of a count already given."""
    start = token.left_edge.i
    before = token.doc[max(start - 3, token.sent.start) : start]
    return any(t.lower_ in _words("subset_markers") and t.lower_ != "among" for t in before)


def _toll(count: Count) -> str | None:
    """'update' for "the toll rose to 55", 'competing' for "put the toll at 15", 'running'
    for a total the event adds to ("bringing the number killed this year to 29")."""
    doc = count.head.doc
    running = _running(count.head)
    if running is not None:
        return "running" if _over_campaign(running) else "update"
    before = doc[max(count.start - 6, count.head.sent.start) : count.start]
    above = _above(count.head) if count.head.head != count.head else []
    named = [t for t in before if t.lemma_.lower() in _words("toll_nouns")]
    named += [
        t
        for t in (above if count.head.dep_ != "conj" and count.head.head.lower_ != "of" else [])
        if (
            t.lower_ in {"dead", "martyrs", "deaths"}
            and t.dep_ not in (COMPLEMENTS - {"dobj"}) | {"advmod"}
        )
        or t.lemma_.lower() in _words("toll_nouns")
    ]  # "put the dead at 15", not "are shot dead", "the deaths of two and four of them"
    if not named:
        return None
    verbs = [t for t in [*before, *above[:1]] if t.lemma_.lower() in _words("toll_update_verbs")]
    return "update" if verbs else "competing"


def _running(head: Token) -> Token | None:
    """The 'bringing ... to' or 'taking ... to' verb that carries a count: a running total."""
    for verb in head.ancestors:
        if verb.lemma_.lower() in _words("running_total_verbs") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _words("toll_nouns") | _words("total_nouns")
            for c in verb.children
        ):
            return verb
    return None


def _over_campaign(verb: Token) -> bool:
    """A running total over a campaign ("bringing the toll to 34 since March 30", "the 2010
    death toll", "the toll from the strikes to 32") or over a land or a people ("the number of
    Turkish soldiers killed in Syria", "the Israeli death toll", "the toll in the country"),
    not the event's own toll raised by later deaths ("dies of his injuries, raising the death
    toll to five")."""
    return any(
        t.ent_type_ in {"DATE", "GPE", "NORP"} or t.lower_ in _words("campaign_markers")
        for t in verb.subtree
    )


def _them(member: Token, counts: list[Count]) -> int | None:
    """'beat them to death' after 'two men': the number of the people 'them' stands for."""
    if member.lower_ not in {"them", "themselves"}:
        return None
    earlier = [c for c in counts if c.start < member.i and not c.vague]
    return earlier[-1].value if earlier else None


def dead_in(sentence: Span) -> list[Count]:
    """The counts of the dead the sentence gives as its event's (not another's)."""
    every = counts_of(sentence)
    kinds = [_kind(c) for c in every]
    for index in range(1, len(every)):
        if kinds[index] != "injury" and kinds[index - 1] == "death":
            before, count = every[index - 1], every[index]
            between = sentence.doc[before.head.i + 1 : count.start]
            if before.head.i < count.start and all(t.lower_ in {",", "and"} for t in between):
                kinds[index] = "death"  # "killing six police, one soldier, and one translator"
                count.strong = before.strong
    counts = [c for c, kind in zip(every, kinds, strict=True) if kind == "death"]
    taken = {c.head.i for c in counts} | {c.start for c in counts}
    counts += _singles(sentence, taken, every)
    earlier, never = told_as_cause(sentence)
    counts = [c for c in counts if c.head.i not in never]  # "in retaliation for the killing"
    if any(c.head.i not in earlier for c in counts):
        counts = [c for c in counts if c.head.i not in earlier]  # "after violence left 44 dead"
    if any(c.strong for c in counts):
        counts = [c for c in counts if c.strong]
    if any(not c.alone for c in counts):
        counts = [c for c in counts if not c.alone]  # "a bomber blew himself up, killing 13"
    return counts


def sentence_toll(sentence: Span) -> list[tuple[int, bool]]:
    """The sentence's death toll as [(count, vague)], or [] when it states none; [(0, False)]
    when it says that nobody died."""
    lowered = " " + sentence.text.lower() + " "
    if not any(is_death(t) or t.lemma_.lower() in _words("loss_verbs") for t in sentence):
        return []  # no death word, no toll (and nothing that says nobody died)
    counts = dead_in(sentence)
    if any(p in lowered for p in _words("self_phrases")):
        return [(1, False)]
    if not counts or (
        not any(c.strong for c in counts) and any(p in lowered for p in _words("zero_phrases"))
    ):
        return [(0, False)] if any(p in lowered for p in _words("zero_phrases")) else []
    updates = [with_conjuncts(c, counts) for c in counts if _toll(c) == "update"]
    if updates:
        return [(max(updates), False)]
    running = [c for c in counts if _toll(c) == "running"]
    if running and len(running) == len(counts):
        return [(min(c.value for c in running), False)]  # the only figure given
    counts = [c for c in counts if c not in running]  # the event's own part
    first = min(counts, key=lambda c: c.start, default=None)
    counts = [c for c in counts if first is None or not other_scene(first.head, c.head)]
    parted = breakdown(counts)
    counts = [c for c in counts if c not in parted]
    competing = [c.value for c in counts if _toll(c) == "competing"]
    parts = [c for c in counts if not is_subset(c) and _toll(c) is None]
    parts = [c for c in parts if c is first or not of_the_dead(c)]  # "2 of the corpses"
    total = sum(c.value for c in parts)
    vague = any(c.vague for c in parts)
    if competing:
        return [(min([*competing, total] if parts else competing), vague)]
    return [(total, vague)]


def fatality_count(figures: list[tuple[int, int, bool]]) -> int:
    """ACLED's rules: a stated figure beats a vague word ('several' → 10); of competing
    figures given together the lowest; the first sentence to state one, not a later detail
    ('one student died of his injuries') of the same toll."""
    exact = [(sentence, value) for sentence, value, vague in figures if not vague]
    if exact:
        first = min(sentence for sentence, _ in exact)
        return acled_fatalities([value for sentence, value in exact if sentence == first])
    return acled_fatalities([value for _, value, _ in figures])

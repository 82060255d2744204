"""The state force a sentence names as the doer of violence its main clause leaves unnamed.

"Twelve people are killed after soldiers open fire on protesters", "fourteen are killed by
Turkish airstrikes", "in a Syrian government airstrike": the clause that reports the deaths
has no doer, but the sentence says whose forces or weapons did it. A coder codes those forces,
not an Unidentified Armed Group. A force that only found the dead or tells of another's
deed is none (`finder`); the sides of a clash are read in the order named (`clash_sides`).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.events.actor_country import generic_ref
from frontlines.events.folding import Draft
from frontlines.kb.countries import countries
from frontlines.kb.cues import cue_words, cues
from frontlines.kb.names import name_key
from frontlines.mentions import actor_index, actor_records, demonym_country
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

MODIFIER_DEPS = {"compound", "amod", "poss", "nmod"}
STATE_WORDS = {"government", "regime", "state"}
STATE_FORCE_SUFFIXES = ("-military", "-police")


def state_force_named(
    draft: Draft, country: str | None, resolved: ResolvedDocument
) -> ActorRef | None:
    """A state force the sentence names doing violence: a force word as a doer ('soldiers
    open fire'), or a state's adjective on a force or a weapon ('Turkish airstrikes', 'the
    Syrian government airstrike', 'government planes'); None when it names none."""
    taken = {r.id for r in (draft.actor2, *draft.assoc2) if r is not None}
    on_civilians = draft.sub_event_type == "Attack"
    for token in draft.sentence:
        if on_civilians and stops_the_attacker(token):
            continue  # 'the attacker is shot dead by Israeli soldiers': not the attack's doer
        found = _force_word(token, country, resolved) or _state_instrument(token, country, resolved)
        if found is not None and found.id not in taken:
            return found
    return None


def stops_the_attacker(token: Token) -> bool:
    """Whether the force word's deed is done to the attackers ('police shoot the gunman',
    'the assailant is shot by soldiers'): the force stopped an attack it did not make."""
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "by" else token.head
    if token.dep_ not in {"nsubj", "pobj"} or verb.pos_ != "VERB":
        return False
    attackers = cue_words("armed_men_nouns")
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # 'is shot and killed by'
    done_to = [c for v in verbs for c in v.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any({c.lower_, c.lemma_.lower(), f"{c.lemma_.lower()}s"} & attackers for c in done_to)


def armed_men_doers(draft: Draft) -> list[Token]:
    """The unnamed armed men the sentence names as doers: 'militants', 'a gunman', 'rebel
    forces' (a force word whose modifier makes it an armed group's)."""
    fighters = cue_words("armed_men_nouns")
    kinds = cues().get("force_modifiers") or {}
    found = []
    for token in draft.sentence:
        rebel = token.lower_ in cue_words("force_words") and any(
            c.dep_ in {"amod", "compound"} and kinds.get(c.lower_) == "rebels"
            for c in token.children
        )
        if (token.lower_ in fighters or rebel) and is_doer_position(token):
            found.append(token)
    return found


def armed_men_country(draft: Draft) -> str | None:
    """'Three Israelis are killed after a Palestinian gunman opens fire': the country whose
    demonym marks the armed men the sentence names as doers outside the clause of the harm."""
    for token in armed_men_doers(draft):
        for child in token.children:
            pro = any(t.lower_ in {"pro", "anti"} for t in child.doc[max(child.i - 2, 0) : child.i])
            if child.dep_ in {"amod", "compound"} and demonym_country(child.text) and not pro:
                return demonym_country(child.text)  # not 'pro-Russian gunmen'
    return None


def is_doer_position(token: Token) -> bool:
    """Whether the phrase the token stands in is a doer: a subject ('soldiers open fire'), an
    agent ('by Turkish airstrikes'), or an attack the harm happened in ('in a Syrian
    government airstrike'); never a target ('on an army base'), a victim ('soldiers are
    killed'), a holder ('the town, held by the army') or a reporter ('the army says')."""
    head = token
    weapons = cue_words("state_force_instruments") | cue_words("attack_nouns")
    for _ in range(8):
        if head.dep_ == "conj" and head.head != head:
            head = head.head  # 'X and Y attack': Y stands where X does
        elif head.dep_ in MODIFIER_DEPS and head.head != head:
            if head.head.lemma_.lower() not in weapons:
                return False  # 'the police chief', 'an army base': not the force acting
            head = head.head
        elif head.dep_ == "pobj" and head.head.lower_ == "of" and _a_count(head.head.head):
            head = head.head.head  # 'hundreds of Sudanese troops arrive'
        else:
            break
    if head.dep_ == "nsubj":  # who acts, not who reports it ('the army says ...')
        verb = head.head
        harm = cue_words("harm_verbs") | cue_words("harm_force_verbs")
        if verb.tag_ == "VBN" and verb.lemma_.lower() in harm:
            return False  # 'with eight police officers killed'
        if finds_harm(verb):
            return False  # 'police find the bodies of 12 men': not who killed them
        claims = any(c.lemma_.lower() in {"responsibility", "credit"} for c in verb.children)
        # 'ISIL claims to have executed ...': the claimant of its own deed
        claims = (
            claims
            or verb.lemma_.lower() in cue_words("claim_verbs")
            and any(c.dep_ == "xcomp" for c in verb.children)
        )
        return claims or verb.lemma_.lower() not in cue_words("reporting_verbs")
    if head.dep_ == "ROOT" and head.lemma_.lower() in weapons:
        return True  # 'Syrian government airstrikes kill 25', parsed as the root
    if head.dep_ != "pobj":
        return False
    preposition = head.head.lower_
    if preposition == "by":
        return head.head.head.lemma_.lower() not in cue_words("not_doer_verbs")
    return preposition in {"in", "during"} and head.lemma_.lower() in cue_words("attack_nouns")


def _a_count(token: Token) -> bool:
    """'Hundreds', 'dozens', 'members', 'two': a number of what follows 'of', not its owner."""
    counts = set(cues().get("vague_death_counts") or {}) | {"thousands", "tens", "member"}
    return token.pos_ == "NUM" or token.lemma_.lower() in counts or token.lower_ in counts


def _force_word(token: Token, country: str | None, resolved: ResolvedDocument) -> ActorRef | None:
    """'soldiers', 'police', 'security forces' where they act: its country's force."""
    kind = clauses.force_kind(token)
    if kind not in {"military", "police"} or not country or not is_doer_position(token):
        return None
    owner = _owner(token, country, resolved)
    return generic_ref(owner, kind, token.text, resolved) if owner else None


def _state_instrument(
    token: Token, country: str | None, resolved: ResolvedDocument
) -> ActorRef | None:
    """'Turkish airstrikes', 'Israeli forces', 'Government planes': the state's military."""
    if token.lemma_.lower() not in cue_words("state_force_instruments"):
        return None
    if not is_doer_position(token):
        return None
    for ref in clauses.actor_refs([token], resolved):
        if ref.id.endswith(STATE_FORCE_SUFFIXES):
            return ref  # 'Ivorian forces' linked as Ivory Coast's military already
    for led in (c for c in token.children if c.lower_ == "led" and c.i > c.left_edge.i):
        leader = token.doc[led.left_edge.i : led.i + 1].text  # 'Saudi-led airstrikes'
        coalitions = actor_index().get(f"{leader} coalition")
        if len(coalitions) == 1:
            return clauses.ref_for(coalitions[0], token.text, resolved)
    deps = {"amod", "compound", "poss", "nmod"}
    if token.tag_ == "VBG":
        deps = deps | {"nsubj"}  # 'heavy government shelling ... kills', parsed as a clause
    modifiers = [c for c in token.children if c.dep_ in deps]
    modifiers += [  # 'a drone strike by the United States'
        o for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children
    ]
    for modifier in modifiers:
        allied = _alliance_of(modifier, resolved)
        if allied is not None:
            return allied  # 'a NATO air strike': the alliance's forces, as ACLED names them
        owner = _state_of(modifier, resolved)
        if owner is None and modifier.lower_ in STATE_WORDS:
            inner = [c for c in modifier.children if c.dep_ in {"amod", "compound", "poss"}]
            owner = next((_state_of(c, resolved) for c in inner if _state_of(c, resolved)), country)
        if owner:
            return generic_ref(owner, "military", token.text, resolved)
    return None


def _alliance_of(token: Token, resolved: ResolvedDocument) -> ActorRef | None:
    """An international organisation with forces of its own named on a weapon ('NATO')."""
    for ref in clauses.actor_refs([token], resolved):
        record = actor_records().get(ref.id)
        if record is not None and record.type == "international_org" and record.inter == 8:
            return ref
    return None


def _owner(token: Token, country: str, resolved: ResolvedDocument) -> str | None:
    """Whose force a force word is: the state its modifier names, else the event's country."""
    for child in token.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            owner = _state_of(child, resolved)
            if owner:
                return owner
        if child.dep_ == "prep" and child.lower_ == "of":  # "soldiers of the Turkish Army"
            for owned_by in child.children:
                owner = _state_of(owned_by, resolved) if owned_by.dep_ == "pobj" else None
                if owner:
                    return owner
    return country


def _state_of(token: Token, resolved: ResolvedDocument) -> str | None:
    for ref in clauses.actor_refs([token], resolved):
        record = actor_records().get(ref.id)
        if record is not None and (record.type == "state" or ref.id.endswith(STATE_FORCE_SUFFIXES)):
            return record.country
    # 'in a United States drone attack': a country's name the linking read as the place
    words = [c.text for c in token.children if c.dep_ == "compound" and c.i < token.i]
    return _country_named(" ".join([*words, token.text]))


@lru_cache(maxsize=4096)
def _country_named(text: str) -> str | None:
    """The country a capitalised name names as written ('United States'; not 'car' for CAR)."""
    if not text[:1].isupper() or text.isupper():
        return None  # acronyms ('CAR', 'DRC') are too often words in capitals
    for country in countries().values():
        if text == country.name or text in country.names:
            return country.iso3
    return None


def state_force_harmed(draft: Draft, resolved: ResolvedDocument) -> ActorRef | None:
    """Soldiers or police the sentence says were harmed ('eight Egyptian soldiers are
    killed', 'gunmen shot two policemen'): the side the violence was done to."""
    for token in _harmed(draft):
        for ref in clauses.actor_refs(clauses.phrase_tokens(token), resolved):
            if ref.id.endswith(STATE_FORCE_SUFFIXES):
                return ref
    return None


def forces_harmed(draft: Draft, country: str, resolved: ResolvedDocument) -> ActorRef | None:
    """Soldiers or police the sentence counts among the harmed ('killing three policemen',
    'leaves four soldiers dead', '21 people die, including two American soldiers', 'a Russian
    major general is killed'), or whose post was attacked ('a car bomb outside a police
    station', 'at a checkpoint'): ACLED's actor2 is that force, not civilians. Whose force it
    is, is the state its words name, else the event's country. None where the event has
    harmed named already, or civilians by that word, or no such force."""
    harmed = draft.actor2
    said = name_key(harmed.text) if harmed is not None else ""
    if harmed is not None and (not harmed.id.endswith("-civilians") or "civilian" in said):
        return None  # named already, or civilians by that word
    posts = cue_words("force_facilities") | cue_words("state_force_posts")
    if any(t.lower_.startswith("civilian") for t in draft.sentence):
        posts = set()  # 'kills five civilians near a checkpoint': the post was not the target
    for token in draft.sentence:
        kind = clauses.force_kind(token)
        if kind is None and token.lower_ in cue_words("military_members"):
            kind = "military"
        found = kind in {"military", "police"} and _harmed_member(token)
        if not found and token.lemma_.lower() in posts:
            kind = _post_force(token)
            found = kind is not None and _attacked_post(token)
        owner = _whose(token, country, resolved) if found else None
        ref = generic_ref(owner, kind, token.text, resolved) if owner else None
        if ref is not None and (draft.actor1 is None or ref.id != draft.actor1.id):
            return ref
    return None


def _whose(token: Token, country: str, resolved: ResolvedDocument) -> str:
    """The state the words before a force word name ('Israeli Border Police officers', 'a
    U.S. military base'), at any depth of its phrase, else the event's country."""
    head = token
    while head.dep_ == "compound" and head.head != head:
        head = head.head  # 'Police' in 'Israeli Border Police officers'
    for before in (t for t in head.subtree if t.i < head.i):
        owner = _state_of(before, resolved) or demonym_country(before.text)
        if owner:
            return owner
    return _owner(token, country, resolved)


def _harmed_member(token: Token) -> bool:
    """Whether the force word stands among the harmed: the object or passive subject of a
    verb of harm ('leaves ... dead' too), the subject of 'die', after 'including' or in
    'the deaths of'; never a doer."""
    if is_doer_position(token):
        return False
    head = token
    while head.dep_ in {"conj", "appos", "compound"} and head.head != head:
        head = head.head
    verb = head.head.lemma_.lower()
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs") | {"leave"}
    harm = harm | cue_words("harm_person_verbs")  # 'an Israeli soldier is stabbed'
    if head.dep_ in {"dobj", "nsubjpass"} and verb in harm:
        return True
    if head.dep_ == "nsubj" and verb == "die":
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "including":
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_ == "death"


def _post_force(token: Token) -> str | None:
    """'a police station' the police's, 'an army base' the military's, 'a checkpoint' a
    state's forces' (its military) where no word names another holder."""
    forces = cues().get("generic_forces") or {}
    for child in token.children:
        if child.dep_ in {"compound", "amod"} and child.lower_ in forces:
            kind = forces[child.lower_]
            return kind if kind in {"military", "police"} else None
        if child.dep_ in {"compound", "amod", "poss"} and child.pos_ == "PROPN":
            return None  # 'a Houthi checkpoint': a named group's
    if token.lower_ in cue_words("state_force_posts") or any(
        c.lower_ == "security" for c in token.children
    ):
        return "military"
    return None


def _attacked_post(token: Token) -> bool:
    """Whether the post is where the attack struck: after 'on', 'at', 'outside', 'near',
    'into' or 'against', or the object of the verb of the attack."""
    if token.dep_ == "pobj":
        return token.head.lower_ in {"on", "at", "outside", "near", "into", "against"}
    attack = cue_words("attack_cues") | cue_words("harm_verbs") | {"attack", "hit", "storm"}
    return token.dep_ == "dobj" and token.head.lemma_.lower() in attack


def harmed_armed_men(
    draft: Draft, country: str | None, resolved: ResolvedDocument
) -> ActorRef | None:
    """'The army killed scores of terrorists', 'five militants were killed': the violence was
    done to armed men, a side in a fight rather than civilians. Their side is the group named
    on them ('a drone strike killed two Al Shabaab militants'), else an Unidentified Armed
    Group of the country; None where no armed men are among the harmed."""
    fighters = cue_words("armed_men_nouns")
    harmed = False
    for token in _harmed(draft):
        nouns = [token, *[c for c in token.children if c.dep_ == "prep" for c in c.children]]
        harmed = harmed or any(n.lower_ in fighters for n in nouns)  # "scores of terrorists"
        if token.lower_ not in fighters:
            continue
        for ref in clauses.actor_refs(clauses.phrase_tokens(token), resolved):
            record = actor_records().get(ref.id)
            if record is not None and record.type not in {"state", "person"}:
                return ref
    return generic_ref(country, "unidentified", draft.trigger.text, resolved) if harmed else None


def _harmed(draft: Draft) -> list[Token]:
    """The heads the sentence says violence was done to: the object or passive subject of
    a verb of harm ('killed five militants', 'soldiers were shot')."""
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs")
    return [
        t
        for t in draft.sentence
        if t.dep_ in {"nsubjpass", "dobj"} and t.head.lemma_.lower() in harm
    ]


def clash_sides(draft: Draft) -> tuple[list[list[Token]], bool]:
    """The sides a fight's 'between A and B' names, in the order named ('clashes between
    government troops and rebels'): ACLED's actor1 in a clash is the side named first as
    acting. Each side is its noun phrase's tokens; [] where the sentence names no two. Else
    the harmed the sentence counts together ('26 militants and 11 soldiers are killed'),
    which are sides only where each is one (the flag says which reading it is)."""
    for token in _harmed(draft):
        if token.dep_ != "nsubjpass" or any(c.dep_ == "agent" for c in token.head.children):
            continue  # 'X kills A and B', 'A and B are killed by X': X is the doer
        heads = [token, *token.conjuncts]
        if len(heads) >= 2:
            return [clauses.phrase_tokens(head) for head in heads], False
    nouns = cue_words("clash_nouns")
    for token in draft.sentence:
        # the fight is the word 'between' hangs on, or the subject of it ('fighting
        # continues to rage between ...')
        near = [token.head, token.head.head, *token.head.children, *token.head.head.children]
        fight = any(n.lower_ in nouns or n.lemma_.lower() in nouns for n in near[:2]) or any(
            n.dep_ == "nsubj" and n.lemma_.lower() in nouns for n in near[2:]
        )
        first = next((c for c in token.children if c.dep_ == "pobj"), None)
        if token.lower_ != "between" or not fight or first is None:
            continue  # 'the border between Sudan and South Sudan' names no sides
        heads = [first, *first.conjuncts]
        if len(heads) >= 2:
            return [clauses.phrase_tokens(head) for head in heads], True
    return _fighting_subjects(draft.sentence, nouns)


ONE_SIDED = {"fire", "gunfire", "war", "conflict"}  # "X and Y fired on protesters" fought nobody


def _fighting_subjects(sentence: Span, nouns: frozenset | set) -> tuple[list[list[Token]], bool]:
    """'JNIM and ISGS fighters clashed', 'Al Shabaab and ISIS militants clashed': the subjects
    of a verb of fighting fought each other, in the order named."""
    verbs = set(nouns) - ONE_SIDED
    for token in sentence:
        if token.pos_ != "VERB" or token.lemma_.lower() not in verbs:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        if any(
            c.dep_ == "prep"
            and c.lower_ in {"with", "against"}
            and any(g.dep_ == "pobj" for g in c.children)
            for c in token.children
        ):
            continue  # "Congolese and MONUSCO troops clashed with the ADF": one side, together
        heads = [subject, *subject.conjuncts]
        inner = [
            c for c in subject.children if c.dep_ in {"nmod", "compound", "amod"} and c.conjuncts
        ]
        if len(heads) < 2 and inner:  # the names joined inside one noun phrase
            heads = [inner[0], *inner[0].conjuncts]
        if len(heads) >= 2:
            return [clauses.phrase_tokens(head) for head in heads], True
    return [], False


def state_force_of(ref: ActorRef | None, country: str) -> bool:
    """A named state force of the country ('Israel Defense Forces' of Israel)."""
    record = actor_records().get(ref.id) if ref is not None else None
    return record is not None and record.country == country and record.inter == 1


def finds_harm(verb: Token) -> bool:
    """Whether a verb of finding finds the dead or the damage, not ground taken back
    ("recovered the bodies", not "recovered control of two villages" or "recovered the town")."""
    if verb.lemma_.lower() not in cue_words("finding_verbs"):
        return False
    taken = cue_words("taken_objects")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return not any(
        o.lemma_.lower() in taken or o.ent_type_ in {"GPE", "LOC", "FAC"} for o in objects
    )


def finder(ref: ActorRef | None, sentence: Span) -> bool:
    """A state force that only found the dead or the harm ('security forces find the bodies')
    or tells of another's deed ('the IDF reports a rocket fired from Gaza landed'; not 'the
    army says it killed ...', its own)."""
    words = ref.text.split() if ref is not None and ref.id.endswith(STATE_FORCE_SUFFIXES) else []
    if not words and ref is not None and actor_records().get(ref.id) is not None:
        words = ref.text.split() if actor_records()[ref.id].inter == 1 else []
    tells = cue_words("reporting_verbs")
    for token in sentence:
        if not words or token.text != words[-1] or token.dep_ != "nsubj":
            continue
        if finds_harm(token.head):
            return True
        told = [c for c in token.head.children if c.dep_ == "ccomp"]
        doers = [s for c in told for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        if token.head.lemma_.lower() in tells and doers and doers[0].pos_ != "PRON":
            return True
    return False


def army_meets_crowds(country: str, published: object, said: str) -> bool:
    """Whether the state's crackdowns on crowds were its army's on the report's day (Syria's
    from 2011), so that forces the text does not call police are its military."""
    window = (cues().get("army_meets_crowds") or {}).get(country)
    day = str(published or "")[:10]
    in_window = bool(window) and window[0] <= day and (not window[1] or day <= window[1])
    return in_window and "police" not in said.lower()


def harms_unnamed(draft: Draft) -> bool:
    """Whether the event harms people no force is named among: property destroyed, or a
    blast that kills or wounds."""
    if draft.sub_event_type == "Looting/property destruction":
        return True
    if draft.event_type != "Explosions/Remote violence":
        return False
    harm = cue_words("death_words") | cue_words("injury_words") | cue_words("harm_verbs")
    return any(t.lower_ in harm or t.lemma_.lower() in harm for t in draft.sentence)

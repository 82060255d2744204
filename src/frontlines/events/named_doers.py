"""The armed party a report names as the doer of violence its clause leaves unnamed.

'... are killed in an attack by Boko Haram militants', 'The bombing was claimed by X', 'X is
behind the attacks': a coder codes the group the sentence, or the report's claim of
responsibility, names as the doer; never a target ('a bombing at a Houthi headquarters'), a
victim ('kills 30 IS militants'), a denier ('the Taliban denies responsibility'), a force that
stopped the attacker, or a group named only in the heading before the colon (the conflict's
name). An organisation acting where it has one branch on the day is that branch.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

import frontlines.clauses as clauses
from frontlines.events.doers import (
    STATE_FORCE_SUFFIXES,
    is_doer_position,
    stops_the_attacker,
)
from frontlines.events.folding import Draft
from frontlines.kb import ActorRecord
from frontlines.kb.cues import cue_words
from frontlines.mentions import actor_records
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

# Kinds of named actor that can be the unnamed doer of violence the sentence reports.
ARMED_TYPES = {
    "rebel_group",
    "armed_group",
    "militia",
    "terrorist_group",
    "paramilitary",
    "ethnic_militia",
    "mercenary",
    "military",
}


@lru_cache(maxsize=1)
def _branches() -> dict[tuple[str, str], list[str]]:
    """(organisation id, country) → the ids of its branches in that country."""
    found: dict[tuple[str, str], list[str]] = {}
    for record in actor_records().values():
        for parent in record.member_of:
            if record.country:
                found.setdefault((parent, record.country), []).append(record.id)
    return found


def branch_in(ref: ActorRef | None, country: str | None, published: object = None) -> str | None:
    """The one branch an organisation has in the event's country on the report's day ('Al
    Qaeda' in Yemen is Al Qaeda in the Arabian Peninsula, 'Islamic State' in Mozambique its
    Mozambique province, 'African Union' troops in Somalia in 2013 AMISOM), as ACLED names
    the group that acts there; None where it has none or several."""
    if ref is None or not country or ref.country:
        return None
    branches = _branches().get((ref.id, country), [])
    if len(branches) > 1:
        records = actor_records()
        branches = [b for b in branches if valid_on(records[b], published)]
    return branches[0] if len(branches) == 1 else None


def valid_on(record: ActorRecord, published: object) -> bool:
    day = str(published)[:10] if published else ""
    return (
        not day
        or (record.valid_from or "") <= day
        and (not record.valid_to or day <= record.valid_to)
    )


def armed_party_named(draft: Draft, resolved: ResolvedDocument) -> ActorRef | None:
    """'... are killed in an attack by Boko Haram militants', 'The attack is claimed by X':
    where the clause gives violence no doer, the armed group its sentence names (or the
    report's claim of responsibility) is the doer, as a coder would read it; never one of the
    targets."""
    taken = {r.id for r in (draft.actor2, *draft.assoc2) if r is not None}
    records = actor_records()
    taken |= {p for t in list(taken) if t in records for p in records[t].member_of}  # its branch
    claims = _claim_sentences(draft.sentence.doc)
    for sentence in (draft.sentence, *claims):
        for ref in clauses.actor_refs(list(sentence), resolved):
            if only_in_heading(ref, sentence, resolved):
                continue  # 'Boko Haram insurgency: gunmen ...' is an unnamed group's deed
            record = actor_records().get(ref.id)
            claims = _claimant(ref, sentence, resolved)
            if record is None and sentence is not draft.sentence and claims:
                return ref  # 'Hizbul Mujahideen claims responsibility': a group unknown here
            armed = record is not None and record.type in ARMED_TYPES
            armed = armed and (ref.id not in taken or claims)  # 'with X claiming responsibility'
            armed = armed and not ref.id.endswith("-unidentified")  # unnamed: no one new
            if armed and (record.type != "military" or not draft.actor2):
                # a state's named army ('the Israel Defense Forces') acts only where placed so
                state_force = ref.id.endswith(STATE_FORCE_SUFFIXES) or record.inter == 1
                here = sentence is draft.sentence
                if here and state_force and not _acts_in(ref, sentence, resolved):
                    continue  # 'soldiers are killed', 'the town held by the army'
                if here and state_force and _stopped_attacker(draft, ref, resolved):
                    continue  # 'the attacker is shot dead by Israeli soldiers'
                if here and not state_force and done_to(ref, sentence, resolved):
                    continue  # 'kills 30 IS militants', 'a bombing at a Houthi headquarters'
                if sentence is not draft.sentence and _denies(ref, sentence, resolved):
                    continue  # 'The Taliban denies responsibility'
                where = draft.location.country if draft.location else None
                branch = branch_in(ref, where, resolved.linked.parsed.document.published)
                return clauses.ref_for(branch, ref.text, resolved) if branch else ref
    return None


def _heading_end(sentence: Span) -> int:
    """The index of the colon that ends a label the sentence opens with ('Al-Qaeda insurgency
    in Yemen, Saudi Arabian-led intervention in Yemen: Medics say ...'), else its start: the
    label names the conflict, not who acted in the clause. A label has no finite verb ('...
    leaves 17 dead: 12 rangers' is a clause)."""
    for token in sentence[:-1]:
        if token.tag_ in {"VBZ", "VBD", "VBP", "MD"}:
            return sentence.start
        if token.text.endswith(":"):
            following = token.doc[token.i + 1]
            return token.i if following.text[:1].isupper() else sentence.start
    return sentence.start


def only_in_heading(ref: ActorRef | None, sentence: Span, resolved: ResolvedDocument) -> bool:
    end = _heading_end(sentence)
    if ref is None or end == sentence.start:
        return False
    named = [
        t.i for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))
    ]
    return bool(named) and max(named) < end


def _acts_in(ref: ActorRef, sentence: Span, resolved: ResolvedDocument) -> bool:
    """Whether a mention of the actor stands where a doer does in the sentence (a mention
    through the sentence's other words, such as a conflict's name, leaves it as it was)."""
    named = [t for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))]
    heads = [t for t in named if t.head not in named or t.head == t]
    return not heads or any(is_doer_position(head) for head in heads)


def _claimant(ref: ActorRef, sentence: Span, resolved: ResolvedDocument) -> bool:
    """Whether the actor is the one the sentence says claims the deed: the subject of
    'claims responsibility' ('the group X', 'a faction of X' too), the agent of 'was claimed
    by'."""
    named = [t for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))]
    for head in (t for t in named if t.head not in named or t.head == t):
        for _ in range(3):  # 'militant group X', 'a faction of X': the phrase X stands in
            if (
                head.dep_ in {"appos", "compound"}
                or head.dep_ == "pobj"
                and head.head.lower_ == "of"
            ):
                head = head.head.head if head.dep_ == "pobj" else head.head
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "by" else head.head
        claimed = head.dep_ == "pobj" and verb.lemma_.lower() in cue_words("claim_verbs")
        claiming = [verb] if head.dep_ == "nsubj" else []
        claiming += [c for c in head.children if c.dep_ == "acl"]  # 'X claiming responsibility'
        responsible = any(c.lower_.startswith("responsib") for v in claiming for c in v.children)
        if claimed or responsible:
            return True
    return False


def done_to(
    ref: ActorRef, sentence: Span, resolved: ResolvedDocument, deaths: bool = False
) -> bool:
    """Whether every mention of the group in the sentence stands where violence is done to it
    or its property: an object ('kills 30 IS militants'), a passive subject, the object of a
    place or target preposition ('at a Houthi headquarters', 'the founder of LeT'), or the
    owner of a post ('a Tahrir al-Sham base'); with `deaths` (not in a clash, where the dead of
    one side are still a side), also the one who dies or is named with a participle of harm
    ('a Polish national ... dies', 'Chinese citizens abducted')."""
    named = [t for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))]
    heads = [t for t in named if t.head not in named or t.head == t]
    posts = cue_words("force_facilities")
    attacks = cue_words("attack_nouns")
    men = cue_words("force_words") | cue_words("armed_men_nouns")
    harm = cue_words("harm_verbs") | cue_words("harm_force_verbs") | cue_words("harm_person_verbs")

    def harmed(token: Token) -> bool:
        head = token
        for _ in range(6):
            if head.dep_ == "conj" or head.dep_ == "appos":
                head = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in men:
                head = head.head.head  # 'militants of the ADF' stand where the militants do
            elif head.dep_ in {"compound", "amod", "poss", "nmod"}:
                if head.head.lemma_.lower() in posts:
                    return True  # 'a Tahrir al-Sham base'
                if head.head.lemma_.lower() in attacks:
                    return False  # 'following a TTP attack', 'suggests an ISIS suicide attack'
                head = head.head  # 'Boko Haram militants', 'Hamas rockets'
            else:
                break
        if head.dep_ in {"dobj", "nsubjpass"}:
            return True
        if deaths and head.dep_ == "nsubj" and head.head.lemma_.lower() == "die":
            return True  # 'a Polish national who was wounded in the attack dies'
        participles = [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if deaths and any(
            c.lemma_.lower() in harm and not any(a.dep_ == "aux" for a in c.children)
            for c in participles
        ):
            return True  # '29 Chinese citizens abducted while working in Sudan'
        taker = head.head.head.lemma_.lower() if head.dep_ == "pobj" else ""
        if head.head.lower_ == "from" and taker in cue_words("taking_verbs"):
            return True  # 'regained control of the town from ISGS': the side that lost it
        if head.dep_ != "pobj" or head.head.head.lemma_.lower() == "blame":
            return False  # 'an attack blamed on X'
        return head.head.lower_ in {"at", "on", "against", "of", "near"}

    return bool(heads) and all(harmed(t) for t in heads)


def _stopped_attacker(draft: Draft, ref: ActorRef, resolved: ResolvedDocument) -> bool:
    if draft.sub_event_type != "Attack":
        return False
    sentence = draft.sentence
    named = [t for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))]
    heads = [t for t in named if t.head not in named or t.head == t]
    return bool(heads) and all(stops_the_attacker(t) for t in heads)


def _denies(ref: ActorRef, sentence: Span, resolved: ResolvedDocument) -> bool:
    named = [t for t in sentence if any(r.id == ref.id for r in clauses.actor_refs([t], resolved))]
    denials = cue_words("denial_verbs")
    return any(t.head.lemma_.lower() in denials for t in named if t.dep_ == "nsubj")


def _claims_a_deed(token: Token) -> bool:
    """'... claims responsibility', 'The bombing was claimed by X', 'X is behind the attacks'."""
    if token.lower_.startswith("responsib"):
        # not 'no group has claimed responsibility', unless it says by whom it was done ('...,
        # which is believed to have been carried out by Boko Haram')
        return not _nobody_claims(token.head) or any(t.dep_ == "agent" for t in token.sent)
    attacks = cue_words("attack_nouns") | cue_words("attack_cues")
    blamed_for = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"]
    if token.lemma_.lower() == "blame" and any(  # 'witnesses blamed X for the attack'
        g.lemma_.lower() in attacks for c in blamed_for for g in c.children
    ):
        return True
    if token.lemma_.lower() in cue_words("claim_verbs") | {"blame"}:  # 'is blamed on X'
        return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in attacks for c in token.children)
    if token.lower_ == "behind":  # 'X is behind the attacks'
        return any(c.dep_ == "pobj" and c.lemma_.lower() in attacks for c in token.children)
    return False


def _nobody_claims(verb: Token) -> bool:
    """'No one has claimed responsibility', 'nobody has so far claimed', 'has not claimed':
    the sentence says the deed is unclaimed, so the groups it names did not claim it."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        s.lower_ in {"nobody", "none", "no-one"} or any(d.lower_ == "no" for d in s.children)
        for s in subjects
    )


def _claim_sentences(doc: Doc) -> list[Span]:
    """The report's sentences that say who is responsible, found once per document."""
    bounds = doc.user_data.get("frontlines_claim_sentences")
    if bounds is None:
        starts = {t.sent.start for t in doc if _claims_a_deed(t)}
        bounds = [(s.start, s.end) for s in doc.sents if s.start in starts]
        doc.user_data["frontlines_claim_sentences"] = bounds
    return [doc[start:end] for start, end in bounds]


def taken_from(draft: Draft, resolved: ResolvedDocument) -> ActorRef | None:
    """'regained control of Tongo Tongo from ISGS', 'retake two camps from forces loyal to
    Haftar': the side ground is taken from, the other side of a fight for territory (a state
    named there is its military)."""
    for token in draft.sentence:
        if token.lower_ != "from" or token.head.lemma_.lower() not in cue_words("taking_verbs"):
            continue
        for loser in (c for c in token.children if c.dep_ == "pobj"):
            for ref in clauses.actor_refs(clauses.phrase_tokens(loser), resolved):
                record = actor_records().get(ref.id)
                if record is None or record.type == "person":
                    continue
                return ref
    return None

"""Actors as ACLED names them, once an event's type is settled.

A state acting by force is its forces: its military in battles, explosions and violence against
civilians, its police where it arrests or meets protesters ("Russia arrests two men" is Police
Forces of Russia); in other strategic developments (a curfew, an accord) it is its government.
A crowd is protesters or rioters by what the event says it did, and stays actor1 where a force
meets it (the force is actor2). Violence whose doer goes unnamed ("a roadside bomb kills ...")
is an Unidentified Armed Group, and its unnamed victims Civilians, of the event's country —
and of no country the text does not give.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

import frontlines.clauses as clauses
from frontlines.events.actor_country import (
    a_people,
    generic_ref,
    home_country,
    of_home,
    tribal_militia,
)
from frontlines.events.air_strikes import unattributed_strike_doer
from frontlines.events.arrested import arrested_side
from frontlines.events.crowds import (
    discovered_person,
    either_force,
    force_met_by_crowd,
    force_on_crowd,
    is_state,
    named_as_place,
    subject_elsewhere,
)
from frontlines.events.described import (
    FORCE_EVENT_TYPES,
    UNNAMED_DOER_SUB_TYPES,
    community_militia,
    described_actor,
    rebels_class,
    unnamed_people_fighters,
)
from frontlines.events.doers import (
    STATE_FORCE_SUFFIXES,
    armed_men_country,
    armed_men_doers,
    clash_sides,
    finder,
    forces_harmed,
    harmed_armed_men,
    harms_unnamed,
    state_force_harmed,
    state_force_named,
    state_force_of,
)
from frontlines.events.folding import Draft
from frontlines.events.named_doers import (
    armed_party_named,
    branch_in,
    done_to,
    only_in_heading,
    taken_from,
)
from frontlines.events.sides import agreement_partner, clash_partner
from frontlines.kb.cues import cue_words
from frontlines.kb.names import name_key
from frontlines.mentions import actor_index, actor_records
from frontlines.models import ActorRef
from frontlines.resolve import ResolvedDocument

FORCE_SUB_TYPES = {"Disrupted weapons use", "Headquarters or base established"}
POLICE_SUB_TYPES = {"Arrests", "Protest with intervention", "Excessive force against protesters"}
REMOTE = "Explosions/Remote violence"
TERRITORY_SUB_TYPES = {"Government regains territory", "Non-state actor overtakes territory"}
UNNAMED_DOER_EVENT_TYPES = {"Explosions/Remote violence", "Violence against civilians"}
CROWDS = {"Protests": "protesters", "Riots": "rioters"}
# ACLED codes a protest met by force as the protest (the crowd actor1, the force actor2), and
# excessive force against protesters as violence by the force (the force actor1, the crowd actor2).
CROWD_FIRST = {"Protest with intervention"}
FORCE_FIRST = {"Excessive force against protesters"}
HARM_TO_CIVILIANS = {"Attack", "Abduction/forced disappearance", "Sexual violence", "Mob violence"}
# What a state is in a strategic development of its own, whatever words the sentence has.
STATE_SUB_TYPES = {"Change to group/activity": "military", "Agreement": "government"}
STATE_HEADS = {"government", "regime", "state", "authorities", "officials", "ministry"}


def _security_police(ref: ActorRef | None) -> bool:
    """'Turkish security forces' as its police: words that name the military or the police by
    what they do (`either_force`)."""
    if ref is None or ref.country is None or ref.id != f"{ref.country}-police":
        return False
    said = ref.text.lower()
    return any(said.endswith(p) for p in cue_words("either_force_words"))


def _coalition_led(
    ref: ActorRef | None, sentence: Span, resolved: ResolvedDocument
) -> ActorRef | None:
    """The coalition a state named as 'X-led' leads, where the knowledge base has one."""
    weapons = cue_words("state_force_instruments") | cue_words("attack_nouns")
    for token in sentence:
        if ref is None or token.lower_ != "led" or token.i < 2:
            continue
        if token.head.lemma_.lower() not in weapons:
            continue  # 'Saudi Arabian-led intervention in Yemen:' names the war, not who struck
        leader = token.doc[token.i - 2 : token.i + 1].text  # 'Saudi Arabian-led'
        if not leader.startswith(ref.text.split()[-1]) and ref.text not in leader:
            continue
        for start in range(max(token.i - 4, sentence.start), token.i - 1):
            phrase = token.doc[start : token.i + 1].text
            found = actor_index().get(f"{phrase} coalition")
            if len(found) == 1:
                return clauses.ref_for(found[0], ref.text, resolved)
    return None


def _forces(draft: Draft, role: str) -> str | None:
    """Which of a state's generated actors acts in the draft's event, if one does."""
    if draft.sub_event_type in POLICE_SUB_TYPES:
        return "police" if role == "actor1" else None
    if draft.event_type in FORCE_EVENT_TYPES or draft.sub_event_type in FORCE_SUB_TYPES:
        return "military"
    if draft.event_type == "Strategic developments" and role == "actor1":
        # troops sent, jets deployed, a campaign ended or begun, a pull-out: its military; a
        # curfew, a ban, an accord: its government
        if draft.sub_event_type in STATE_SUB_TYPES:
            return STATE_SUB_TYPES[draft.sub_event_type]
        words = {t.lower_ for t in draft.sentence} | {t.lemma_.lower() for t in draft.sentence}
        return "military" if words & cue_words("armed_force_nouns") else "government"
    return None


def name_as_acled(draft: Draft, resolved: ResolvedDocument) -> None:
    """Rename the draft's actors as ACLED's codebook names them (in place)."""
    if draft.event_type in FORCE_EVENT_TYPES and discovered_person(draft.actor1, resolved):
        draft.actor1 = None
    if draft.event_type in FORCE_EVENT_TYPES and finder(draft.actor1, draft.sentence):
        draft.actor1 = None  # 'police find the bodies of 12 men': the killers are unnamed
    if draft.event_type in FORCE_EVENT_TYPES and named_as_place(
        draft.actor1, draft.sentence, resolved
    ):
        draft.actor1 = None  # 'a stabbing at an Ikea store in Västerås, Sweden'
    if draft.event_type in FORCE_EVENT_TYPES and subject_elsewhere(draft.actor1, draft):
        draft.actor1 = None  # 'a grenade attack in Benghazi, as Italy announces ...'
    if only_in_heading(draft.actor1, draft.sentence, resolved):
        draft.actor1 = None  # 'Saudi Arabian-led intervention in Yemen: ... airstrikes ...'
    fights = draft.event_type in FORCE_EVENT_TYPES and draft.actor1 is not None
    deaths = draft.event_type != "Battles"  # one side's dead in a clash is still a side
    if fights and done_to(draft.actor1, draft.sentence, resolved, deaths):
        # 'an ambush on Mexican police', 'a bombing at a Houthi headquarters', 'Rabbani is
        # killed in a suicide bombing': the side harmed, not the doer
        draft.actor1, draft.actor2 = None, draft.actor2 or draft.actor1
    draft.actor2 = draft.actor2 or agreement_partner(draft, resolved)  # 'X and Y sign a deal'
    if draft.sub_event_type in TERRITORY_SUB_TYPES:  # 'regained Tongo Tongo from ISGS'
        loser = taken_from(draft, resolved)
        said = is_state(draft.actor2) and loser is not None and loser.id != draft.actor2.id
        if loser is not None and (draft.actor2 is None or said):
            draft.actor2 = loser
    home = home_country(draft, resolved)
    for role in ("actor1", "actor2"):
        setattr(draft, role, of_home(getattr(draft, role), home, draft.sentence, resolved))
    for role in ("actor1", "actor2"):
        ref = getattr(draft, role)
        record = actor_records().get(ref.id) if ref is not None else None
        if ref is not None and record is not None and record.acled_as in actor_records():
            ref = clauses.ref_for(record.acled_as, ref.text, resolved)  # the IDF: Israel's military
            setattr(draft, role, ref)
        leader = record is not None and record.type == "person" and record.inter == 1
        if leader and role == "actor1" and draft.event_type in FORCE_EVENT_TYPES:
            # 'loyalists of President Hadi capture the airport': the state's forces he leads
            ref = generic_ref(record.country, "military", ref.text, resolved) or ref
            setattr(draft, role, ref)
        where = draft.location.country if draft.location else None
        branch = branch_in(ref, where, resolved.linked.parsed.document.published)
        if ref is not None and branch is not None:
            ref = clauses.ref_for(branch, ref.text, resolved)  # Al Qaeda in Yemen: AQAP
            setattr(draft, role, ref)
        led = _coalition_led(ref, draft.sentence, resolved) if is_state(ref) else None
        if led is not None:  # 'Saudi Arabian-led air raids': the coalition it leads
            setattr(draft, role, led)
            continue
        forces = _forces(draft, role) if is_state(ref) else None
        if role == "actor2" and forces and draft.sub_event_type in HARM_TO_CIVILIANS:
            forces = "civilians"  # "militants behead 21 Egyptian Christians": its civilians
        if role == "actor2" and is_state(ref) and draft.sub_event_type == "Agreement":
            # a state's people freed are its civilians; a state party to a deal its government
            forces = "civilians" if a_people(ref, draft.sentence, False) else "government"
        if draft.sub_event_type in POLICE_SUB_TYPES and either_force(ref, draft.sentence):
            forces = "police"  # security forces meeting a crowd or arresting are its police
        fights = draft.event_type in FORCE_EVENT_TYPES and draft.sub_event_type not in FORCE_FIRST
        if fights and _security_police(ref):
            forces = "military"  # 'Russian security forces kill three rebels': in a fight, its army
        if forces == "military" and a_people(ref, draft.sentence, role == "actor1"):
            # 'Palestinians fire mortars': armed men of that people, not its state's army
            forces = "unidentified" if role == "actor1" else "civilians"
        if forces == "police" and role == "actor1":
            named = state_force_named(draft, ref.country, resolved)  # 'detained by the military'
            military = named is not None and named.id == f"{ref.country}-military"
            if military and not either_force(named, draft.sentence):
                forces = "military"
        if ref is not None and forces:
            setattr(draft, role, generic_ref(ref.country, forces, ref.text, resolved) or ref)
    crowd = CROWDS.get(draft.event_type or "")
    if crowd and a_people(draft.actor2) and is_state(draft.actor2):
        draft.actor2 = None  # 'Syrians protest': the crowd, not a side it protests against
    actor1 = draft.actor1
    if crowd and actor1 is not None and actor1.country:
        other = "rioters" if crowd == "protesters" else "protesters"
        # the unnamed doers of a riot are its rioters ('a prison riot kills 50')
        unnamed = crowd == "rioters" and actor1.id == f"{actor1.country}-unidentified"
        if unnamed or actor1.id == f"{actor1.country}-{other}":
            draft.actor1 = generic_ref(actor1.country, crowd, actor1.text, resolved) or actor1
    # The event's own country, else the one the report's place names and parties vote for
    # (or the user's hint); with neither, no country is invented.
    country = home
    unnamed = draft.actor1 is None or draft.actor1.id.endswith("-unidentified")
    if not country and unnamed and draft.event_type in FORCE_EVENT_TYPES:
        draft.actor1 = armed_party_named(draft, resolved) or draft.actor1  # needs no country
    if not country:
        return
    if draft.actor1 is None and crowd:
        draft.actor1 = clauses.generic_actor(country, crowd, draft.trigger)
    unnamed = draft.actor1 is None or draft.actor1.id == f"{country}-unidentified"
    if unnamed and (
        draft.event_type in FORCE_EVENT_TYPES or draft.sub_event_type in UNNAMED_DOER_SUB_TYPES
    ):  # 'Fulani herdsmen attack ...', whatever unnamed doer the roles gave
        draft.actor1 = unnamed_people_fighters(draft, country) or draft.actor1
    for role in ("actor1", "actor2"):
        described = described_actor(getattr(draft, role), draft, country, resolved)
        if described is not None:
            setattr(draft, role, described)
        ref = rebels_class(getattr(draft, role), country, resolved, draft.sentence)
        setattr(draft, role, ref)
    unnamed = draft.actor1 is None or draft.actor1.id == f"{country}-unidentified"
    if unnamed and draft.event_type in FORCE_EVENT_TYPES:  # 'members of the Pokot community'
        draft.actor1 = community_militia(draft, country) or draft.actor1
    if draft.event_type in FORCE_EVENT_TYPES and _a_creed(draft.actor1, resolved):
        draft.actor1 = None  # 'a Wahhabi Islamist opens fire', 'near a Catholic church'
    unnamed = draft.actor1 is None or draft.actor1.id.endswith("-unidentified")
    if unnamed and draft.event_type in FORCE_EVENT_TYPES:
        # armed men the clause names ('ambushed by militants') are no state's forces
        said = name_key(draft.actor1.text).split()[-1:] if draft.actor1 is not None else []
        armed_men = bool(said) and said[0] in cue_words("armed_men_nouns")
        draft.actor1 = (
            armed_party_named(draft, resolved)
            or (None if armed_men else state_force_named(draft, country, resolved))
            or draft.actor1
        )
    if draft.event_type == "Battles":
        _first_named_first(draft, country, resolved)
    unnamed = draft.actor1 is None or draft.actor1.id == f"{country}-unidentified"
    if draft.event_type == "Battles" and unnamed and not armed_men_doers(draft):
        partner = clash_partner(draft, country, resolved)  # 'in a shootout with soldiers'
        if partner is not None and partner.id != (draft.actor1.id if draft.actor1 else None):
            if draft.actor2 is not None and draft.actor2.id == partner.id:
                # the harmed fought the force: an armed group where the text names none
                unnamed_side = clauses.generic_actor(country, "unidentified", draft.trigger)
                draft.actor2 = draft.actor1 or unnamed_side
            draft.actor1 = partner
    if draft.sub_event_type in CROWD_FIRST:
        force_met_by_crowd(draft, country, resolved)
    if draft.sub_event_type in FORCE_FIRST:
        force_on_crowd(draft, country, resolved)
    moved = draft.actor2 is not None and draft.actor2.id.endswith(STATE_FORCE_SUFFIXES)
    if draft.actor1 is None and draft.sub_event_type == "Change to group/activity" and moved:
        draft.actor1, draft.actor2 = draft.actor2, None  # 'the Algerian army is deployed'
    if draft.actor1 is None and draft.event_type == "Strategic developments":
        # 'soldiers of the Turkish Army advance', 'seven generals defect': its forces; a
        # missile intercepted or a bomb defused where nobody is named: the state's military;
        # 'JEM rebels release 49 peacekeepers', 'rebel forces advance': the armed group
        men = armed_men_doers(draft)
        unnamed = generic_ref(country, "unidentified", men[0].text, resolved) if men else None
        draft.actor1 = (
            armed_party_named(draft, resolved)
            or state_force_named(draft, country, resolved)
            or (rebels_class(unnamed, country, resolved) if unnamed else None)
        )
        fired_from = clauses.origin_of(draft.sentence, resolved)  # not the shooters' own
        stopped = draft.sub_event_type == "Disrupted weapons use" and fired_from != country
        if draft.actor1 is None and stopped:
            draft.actor1 = generic_ref(country, "military", draft.trigger.text, resolved)
    origin = _fired_from(draft, resolved) if draft.event_type == REMOTE else None
    unnamed = draft.actor1 is None or draft.actor1.id.endswith("-unidentified")
    # a state's own forces do not fire into it from abroad: 'the IDF says a rocket fired
    # from Gaza landed in Israel' is the rocket's shooters'
    home_force = draft.actor1 is not None and draft.actor1.id == f"{country}-military"
    home_force = home_force or state_force_of(draft.actor1, country)  # 'the IDF says ...'
    if home_force and origin and origin != country:
        draft.actor1, unnamed = None, True
    if unnamed and origin and origin != country:  # "rockets fired from Gaza": its shooters'
        draft.actor1 = clauses.generic_actor(origin, "unidentified", draft.trigger)
    elif unnamed and draft.actor1 is not None and draft.event_type in FORCE_EVENT_TYPES:
        people = armed_men_country(draft)  # 'after a Palestinian gunman opens fire'
        if people and people != draft.actor1.country:
            draft.actor1 = generic_ref(people, "unidentified", draft.actor1.text, resolved)
    if draft.actor1 is None and draft.event_type in FORCE_EVENT_TYPES:
        draft.actor1 = tribal_militia(None, draft.sentence, country)  # 'tribesmen ambush ...'
    if draft.actor1 is None and draft.event_type == "Battles":
        # a battle has two sides: against a state's forces the unnamed side is an armed
        # group; against an armed group, the state's military
        state_side = draft.actor2 is not None and draft.actor2.inter == 1
        # against civilians the unnamed side is no state's army ('a Palestinian woman ... is
        # shot', 'three Americans are killed in the attack')
        harmed = draft.actor2 is not None and draft.actor2.id.endswith("-civilians")
        kind = "military" if draft.actor2 is not None and not state_side else "unidentified"
        kind = "unidentified" if harmed else kind
        draft.actor1 = clauses.generic_actor(country, kind, draft.trigger)
        men = armed_men_doers(draft)
        if men:  # 'rebel forces take over the airbase': an armed group's
            words = [c.text for c in men[0].children if c.dep_ in {"amod", "compound"}]
            said = " ".join([*words, men[0].text])
            draft.actor1 = rebels_class(
                generic_ref(country, "unidentified", said, resolved), country, resolved
            )
    # 'a drone strike kills 20 in North Waziristan': who flies there, unless the report
    # names the doer elsewhere ('Witnesses blamed the RSF for the attack')
    flier = unattributed_strike_doer(draft, country, resolved)
    if flier is not None:
        draft.actor1 = armed_party_named(draft, resolved) or flier
    unnamed_doer = draft.event_type in UNNAMED_DOER_EVENT_TYPES
    unnamed_doer = unnamed_doer or draft.sub_event_type in UNNAMED_DOER_SUB_TYPES
    if draft.actor1 is None and unnamed_doer:
        draft.actor1 = clauses.generic_actor(country, "unidentified", draft.trigger)
    if draft.actor2 is None and draft.event_type in FORCE_EVENT_TYPES:
        draft.actor2 = state_force_harmed(draft, resolved)  # 'soldiers are killed by ...'
    if draft.event_type in FORCE_EVENT_TYPES:  # 'killing three policemen', 'a police station'
        draft.actor2 = forces_harmed(draft, country, resolved) or draft.actor2
    state_doer = draft.actor1 is not None and draft.actor1.id.endswith(STATE_FORCE_SUFFIXES)
    if draft.actor2 is None and state_doer:  # 'killed five Taliban fighters', 'militants'
        draft.actor2 = harmed_armed_men(draft, country, resolved)
    if draft.event_type in FORCE_EVENT_TYPES:  # 'armed tribesmen kill 18 Houthi fighters'
        draft.actor1 = tribal_militia(draft.actor1, draft.sentence, country) or draft.actor1
    unknown = draft.actor2 is not None and draft.actor2.id.startswith("new-")
    if unknown and draft.event_type in UNNAMED_DOER_EVENT_TYPES:
        draft.actor2 = None  # 'Shia worshippers', 'Siraj Raisani', 'Kabul Bank': people harmed
    if draft.sub_event_type == "Arrests" and (draft.actor2 is None or is_state(draft.actor2)):
        # 'police arrest 3 protesters'; '15 Palestinians' are people, not their state
        draft.actor2 = arrested_side(draft, country, resolved) or draft.actor2
    if draft.actor2 is None and (draft.sub_event_type in HARM_TO_CIVILIANS or harms_unnamed(draft)):
        # violence against civilians is so by its targets, whatever words name them; a blast
        # that kills or wounds people no force is named among, and property burnt, harm civilians
        draft.actor2 = clauses.generic_actor(country, "civilians", draft.trigger)


def _a_creed(ref: ActorRef | None, resolved: ResolvedDocument) -> bool:
    """A people or creed the tagger named ('Catholic', 'Sunni Arab', 'Wahhabi Islamist') that
    the knowledge base does not know as a group: a description of the doers or the harmed,
    never an armed group's name."""
    linked = resolved.linked.actors.get(ref.id) if ref is not None else None
    return linked is not None and ref.id.startswith("new-") and linked.record.type == "group"


def _fired_from(draft: Draft, resolved: ResolvedDocument) -> str | None:
    """The country the fire the draft reports came from by the sentence's words ('a rocket
    fired from Gaza', 'shells fired from Syria'), not someone's coming from there
    ('civilians travelling from Burkina Faso'); the place is read from the words after
    'from', whatever the parse made of them."""
    weapons = cue_words("weapon_nouns") | cue_words("state_force_instruments")
    for token in draft.sentence:
        if token.lower_ != "from":
            continue
        fired = token.head  # 'rockets fired from Gaza', or 'rockets from Gaza'
        nouns = [c for c in fired.children if c.dep_ in {"nsubj", "nsubjpass"}] + [fired]
        nouns += [fired.head] if fired.dep_ in {"acl", "relcl"} else []
        if not any(n.lemma_.lower() in weapons or n.lower_ in weapons for n in nouns):
            continue
        after = next((t for t in token.doc[token.i + 1 : token.i + 3] if t.lower_ != "the"), None)
        for (start, end), place in resolved.place_at.items():
            if after is not None and start <= after.idx < end and place.country:
                return place.country
    return None


def _first_named_first(draft: Draft, country: str, resolved: ResolvedDocument) -> None:
    """'Clashes between government troops and rebels': the side named first is actor1, the
    next actor2, as ACLED orders a clash neither side is said to have begun. A side is the
    draft's actor where its words lie in the side's phrase, else the actor the phrase names
    (a state its military, unnamed armed men an armed group)."""
    sides, between = clash_sides(draft)
    if not sides:
        return
    found: list[ActorRef | None] = []
    for phrase in sides[:2]:
        own = [r for r in (draft.actor1, draft.actor2) if r is not None and _within(r, phrase)]
        found.append(own[0] if own else _side_actor(phrase, draft, country, resolved))
    first, second = found
    if first is None or second is not None and first.id == second.id:
        return
    if not between and second is None:
        return  # 'five soldiers and two civilians are killed': one side harmed, not two
    doer = draft.actor1
    named = doer is not None and not doer.id.endswith("-unidentified")
    if not between and named and doer.id not in {first.id, second.id}:
        return  # '... are killed in an attack by Boko Haram': the doer is named
    if second is None:
        old = [r for r in (draft.actor1, draft.actor2) if r is not None and r.id != first.id]
        second = old[0] if old and not old[0].id.endswith("-civilians") else None
    draft.actor1, draft.actor2 = first, second or draft.actor2


def _within(ref: ActorRef, phrase: list[Token]) -> bool:
    # every word of it: 'Houthi forces' is not within 'pro-Hadi forces'
    words, texts = ref.text.split(), {t.text for t in phrase}
    return bool(words) and words[-1] in texts and all(w in texts for w in words)


def _side_actor(
    phrase: list[Token], draft: Draft, country: str, resolved: ResolvedDocument
) -> ActorRef | None:
    refs = [r for r in clauses.actor_refs(phrase, resolved) if not r.id.endswith("-civilians")]
    head = phrase[0]
    if refs:
        ref = refs[0]
        record = actor_records().get(ref.id)
        if record is not None and record.acled_as in actor_records():
            return clauses.ref_for(record.acled_as, ref.text, resolved)
        if is_state(ref) and not a_people(ref):
            return generic_ref(ref.country, "military", ref.text, resolved)
        return None if is_state(ref) or record is None or record.type == "person" else ref
    kind = clauses.force_kind(head)
    if kind in {"military", "police"} and not any(
        c.dep_ == "amod" and c.lower_ in cue_words("armed_descriptors") for c in head.children
    ):  # 'pro-government forces', not 'mutineering soldiers'... or 'rebel forces'
        return generic_ref(country, kind, head.text, resolved)
    if head.lower_ in cue_words("armed_men_nouns"):
        unnamed = generic_ref(country, "unidentified", head.text, resolved)
        return rebels_class(unnamed, country, resolved)
    return None

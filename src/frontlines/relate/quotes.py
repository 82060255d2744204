"""Quotes and reported speech, each with its speaker, the speaker's role and whom they speak for.

Direct quotes are found by their marks (straight, typographic, guillemets, low-high, and a
quote that runs across paragraphs by the convention of reopening each paragraph); reported
speech is a speech verb's clause ("X said that ..."). A speaker is the subject of the nearest
speech verb outside the quote, "according to X", "X: ...", or, for "he added" and for a quote
standing alone after another, the previous speaker.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from frontlines.kb import load_data
from frontlines.models import Quote, Speaker
from frontlines.parse import (
    lemmas_of,
    pos_of,
    sentence_of,
    sentences_of,
    text_of,
    token_at,
    token_table,
)
from frontlines.relate.speakers import (
    Profiles,
    actors_over,
    clean_speaker_name,
    person_at,
    role_of,
    speaker_from_phrase,
)
from frontlines.resolve import ResolvedDocument

ANTECEDENT_SENTENCES = 3  # how far back a pronoun's speaker may be named, in sentences
# Opening mark → closing mark.
PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", '"': '"', "\u2018": "\u2019"}


@cache
def lexicon() -> dict:
    return load_data("relate.yaml")["quotes"]


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lexicon()[name])


@dataclass
class QuoteSpan:
    """A direct quote's content as normalised offsets; `parts` has one range per paragraph."""

    parts: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    def covers(self, position: int) -> bool:
        return any(start - 1 <= position < end + 1 for start, end in self.parts)


def _opens_single(text: str, i: int) -> bool:
    """A left single quote opens a quote only before a word and not inside one (o'clock)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isalnum() and after.isalnum()


def _single_close(text: str, i: int) -> int | None:
    """Where a quote opened by a straight single mark closes in its paragraph: a mark after
    punctuation or a word's end, not an apostrophe ('don't', 'Libya's') nor a plural's
    possessive ('the rebels' positions'); None when it does not close there."""
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    j = text.find("'", i + 1, end)
    while j > 0:
        before, after = text[j - 1], text[j + 1] if j + 1 < len(text) else " "
        if not after.isalnum() and (
            before in ".,!?" or before.isalpha() and (after in ".,;:!?)\n" or before != "s")
        ):
            return j
        j = text.find("'", j + 1, end)
    return None


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every direct quote's content, joined across paragraphs that reopen it."""
    spans: list[QuoteSpan] = []
    i = 0
    running: QuoteSpan | None = None
    while i < len(text):
        mark = text[i]
        if mark == "'" and _opens_single(text, i):  # curly single marks, folded by normalize
            j = _single_close(text, i)
            if j is not None:
                spans.append(QuoteSpan([(i + 1, j)]))
                running = None
                i = j + 1
                continue
        if mark not in PAIRS or (mark == "\u2018" and not _opens_single(text, i)):
            i += 1
            continue
        close = PAIRS[mark]
        paragraph_end = text.find("\n", i)
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        j = text.find(close, i + 1, paragraph_end)
        while j > 0 and close == "\u2019" and j + 1 < len(text) and text[j + 1].isalpha():
            j = text.find(close, j + 1, paragraph_end)  # an apostrophe, not the close
        continuing = running is not None and text[running.end : i].strip() == ""
        if j < 0:  # runs to the paragraph's end: continues if the next paragraph reopens
            content = (i + 1, paragraph_end)
            if continuing:
                running.parts.append(content)
            else:
                running = QuoteSpan([content])
                spans.append(running)
            next_start = paragraph_end
            while next_start < len(text) and text[next_start].isspace():
                next_start += 1
            if next_start >= len(text) or text[next_start] != mark:
                running = None
            i = paragraph_end + 1
            continue
        if continuing:
            running.parts.append((i + 1, j))
        else:
            spans.append(QuoteSpan([(i + 1, j)]))
        running = None
        i = j + 1
    return [s for s in spans if any(text[a:b].strip() for a, b in s.parts)]


@dataclass
class _Said:
    """A speaker found for a quote."""

    speaker: Speaker
    verb: Token | None = None
    according: bool = False  # "..., according to X": X's words, however few


def _nearest_verb(frame: list[Token], span: QuoteSpan, first: Token | None = None) -> Token | None:
    """The speech verb whose clause holds the quote ('X says it captured its pilot who "was
    on a mission"', not the nearer 'and also claims'), else the nearest one."""
    verbs = [
        t for t in frame if t.lemma_.lower() in _words("speech_verbs") and t.pos_ in {"VERB", "AUX"}
    ]
    if not verbs:
        return None
    if first is not None:
        governing = [t for t in first.ancestors if t in verbs]
        # "X says the launches served to confirm the Houthis' "hostility"": a speech verb
        # whose subject is a thing says nothing; the one above it speaks
        speaking = [t for t in governing if not _thing_subject(t)]
        if speaking or governing:
            return (speaking or governing)[0]
    return min(verbs, key=lambda t: min(abs(t.idx - span.start), abs(t.idx - span.end)))


def _thing_subject(verb: Token) -> bool:
    """Whether the verb's subject, or the subject of the verb it completes ('served to
    confirm'), is a common noun naming no one: no name, no office, no people."""
    current = verb
    for _ in range(2):
        subject = next((c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            break
        if current.dep_ not in {"xcomp", "advcl"}:
            return False
        current = current.head
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    own = [c for c in subject.children if c.dep_ in {"compound", "poss", "amod", "nmod"}]
    if any(t.pos_ == "PROPN" or t.ent_type_ for c in own for t in c.subtree):
        return False
    return role_of(subject) is None and subject.lemma_.lower() in _words("thing_subjects")


def _subject_child(verb: Token, frame: set[int], deps: set[str]) -> Token | None:
    """The verb's subject; of two ('TPLF leader X confirms' parsed as 'TPLF' and 'X'), the
    one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in deps and c.i in frame]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def _subject_phrase(verb: Token, frame: set[int]) -> Token | None:
    subject = _subject_child(verb, frame, {"nsubj", "nsubjpass"})
    if subject is not None:
        return subject
    if verb.dep_ in {"advcl", "xcomp"} and verb.head.lemma_.lower() == "quote":
        for child in verb.head.children:  # "X quoted Y, confirming that ...": Y speaks
            if child.dep_ == "dobj":
                return child
    if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and verb.tag_ in {"VBG", "VBD", "VBZ", "VBP"}:
        # "X confirmed the raid, saying ...", "X spoke and said ...": X speaks
        current = verb
        for _ in range(3):  # up to the clause's verb ("saying" hung on "the raid")
            current = current.head
            if current.pos_ in {"VERB", "AUX"}:
                said = current.head
                if current.dep_ == "ccomp" and said.lemma_.lower() in _words("speech_verbs"):
                    # "X says Y has taken Z, adding ...": X goes on speaking, not Y
                    current = said
                subject = _subject_child(current, frame, {"nsubj"})
                if subject is not None:
                    return subject
                if current.dep_ != "conj":  # "X says ... but warned ... and added ...": X
                    break
    clause = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
    for token in verb.doc[verb.i + 1 : verb.i + 6]:  # "said Colonel X, spokesman ..."
        if token.i not in frame or token.i in clause or token.is_punct and token.text != ",":
            break
        if token.pos_ == "PROPN":
            return token
    return None


def _according_to(frame: list[Token]) -> Token | None:
    for token in frame:
        if token.lower_ == "according":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj
    return None


class _Attributor:
    def __init__(self, resolved: ResolvedDocument, spans: list[QuoteSpan]) -> None:
        self.resolved = resolved
        self.spans = spans
        self.profiles = Profiles(resolved)
        self.previous: Speaker | None = None
        self.previous_end = -1
        # The tokens a quote covers (QuoteSpan.covers), by index, found once: the test runs
        # on every token near a quote.
        starts = token_table(resolved.linked.parsed.doc).starts
        self.quoted: set[int] = set()
        for span in spans:
            for start, end in span.parts:  # as QuoteSpan.covers: start - 1 <= idx < end + 1
                self.quoted.update(
                    range(bisect_left(starts, start - 1), bisect_left(starts, end + 1))
                )

    def _from_head(self, head: Token) -> Speaker | None:
        if head.pos_ == "PRON" or head.lower_ in _words("pronouns"):
            return self._antecedent(head)
        speaker = speaker_from_phrase(head, self.resolved, self.profiles)
        if speaker is not None and self._same_office(head, speaker):
            return self.previous  # "A Defence official says ... 'X,' according to the official"
        return speaker

    def _same_office(self, head: Token, speaker: Speaker) -> bool:
        """'the official' after an official has spoken: the one who spoke."""
        previous = self.previous
        if previous is None or speaker.id or speaker.actor or not previous.role:
            return False
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        return definite and head.lower_ in previous.role.lower().split()

    def _antecedent(self, pronoun: Token) -> Speaker | None:
        """'he said': the last speaker, unless a person or an office ('the governor of the
        province') is the subject of a sentence since, a few sentences back at most."""
        doc = pronoun.doc
        sentence = sentence_of(pronoun)
        sentences = sentences_of(doc)
        index = next((n for n, s in enumerate(sentences) if s.start == sentence.start), 0)
        people = pronoun.lower_ in _words("personal_pronouns")
        for earlier in reversed(sentences[max(0, index - ANTECEDENT_SENTENCES) : index + 1]):
            if earlier.end_char <= self.previous_end:
                break
            subjects = [
                t
                for t in earlier
                if t.dep_ in {"nsubj", "nsubjpass"}
                and t.i < pronoun.i
                and t.i not in self.quoted
                and t.pos_ in {"NOUN", "PROPN"}
                and t.idx > self.previous_end
            ]
            for subject in reversed(subjects):
                tokens = list(subject.subtree)
                named = person_at(tokens, self.resolved) is not None
                office = role_of(subject) is not None
                if named or office or not people and actors_over(tokens, self.resolved):
                    return speaker_from_phrase(subject, self.resolved, self.profiles)
        return self.previous

    def _said_by(self, verb: Token | None, members: set[int]) -> _Said | None:
        if verb is None:
            return None
        head = _subject_phrase(verb, members)
        speaker = self._from_head(head) if head is not None else None
        return _Said(speaker, verb) if speaker is not None else None

    def for_frame(self, frame: list[Token], span: QuoteSpan) -> _Said | None:
        members = {t.i for t in frame}
        first = token_at(self.resolved.linked.parsed.doc, span.start)
        verb = _nearest_verb(frame, span, first)
        # the speech verb whose clause holds the quote speaks it, before an "according to"
        # that attributes another clause of the sentence ('According to X, ... while Y says
        # that ... "the situation under control"')
        said = self._said_by(verb, members) if verb in first.ancestors else None
        if said is not None:
            return said
        according = _according_to(frame)
        if according is not None:
            speaker = self._from_head(according)
            return _Said(speaker, according=True) if speaker else None
        said = self._said_by(verb, members)
        if said is not None:
            return said
        colon = [t for t in frame if t.text == ":" and t.idx < span.start]
        if colon and colon[-1].idx >= span.start - 3:
            before = [t for t in frame if t.idx < colon[-1].idx and t.pos_ in {"PROPN", "NOUN"}]
            if before:
                speaker = self._from_head(before[-1])
                if speaker is not None:
                    return _Said(speaker)
        return None

    def direct(self, span: QuoteSpan) -> Quote | None:
        doc = self.resolved.linked.parsed.doc
        text = text_of(doc)
        # By the tokens holding the marks: a mark beside whitespace has no span of its own.
        first, last = token_at(doc, span.start), token_at(doc, span.end - 1)
        sentences = _frame_sentences(sentence_of(first), sentence_of(last))
        frame = [t for s in sentences for t in s if t.i not in self.quoted and not t.is_space]
        said = self.for_frame(frame, span)
        if said is None and not any(t.is_alpha for t in frame):
            said = self._introduced(sentences[0], span)
        words = sum(len(text[a:b].split()) for a, b in span.parts)
        if _scare_quote(text, span, words) and not _reported_words(said, first):
            return None
        if said is None:
            alone = not any(t.is_alpha for t in frame)
            if alone and self.previous is not None and span.start - self.previous_end < 400:
                said = _Said(self.previous)  # a quote standing alone continues the last one
            elif words < int(lexicon()["min_words_without_speaker"]):
                return None  # a title or a scare quote
        speaker = said.speaker if said else Speaker()
        if said:
            self.previous, self.previous_end = speaker, span.end
        return self._quote(span.parts, speaker, direct=True)

    def _introduced(self, sentence: Span, span: QuoteSpan) -> _Said | None:
        """A quote opening its paragraph after one that ends in a colon ('X, the mayor of Y,
        told a news agency:'): the speaker is that sentence's."""
        doc = sentence.doc
        before = text_of(doc)[: span.start - 1].rstrip()
        if not before.endswith(":") or sentence.start == 0:
            return None
        previous = sentence_of(doc[sentence.start - 1])
        frame = [t for t in previous if t.i not in self.quoted and not t.is_space]
        return self.for_frame(frame, span)

    def _quote(self, parts: list[tuple[int, int]], speaker: Speaker, *, direct: bool) -> Quote:
        normalized = self.resolved.linked.parsed.normalized
        text = normalized.text
        trimmed = []
        for start, end in parts:  # the words only: no spaces or trailing comma at the edges
            while start < end and text[start].isspace():
                start += 1
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
                end -= 1
            trimmed.append((start, end))
        pieces = [normalized.evidence(a, b) for a, b in trimmed]
        body = " ".join(p.text for p in pieces)  # a quote across paragraphs: joined by a space
        if speaker.name:  # "Sami Khiyami's" read with its possessive: the name
            speaker = speaker.model_copy(update={"name": clean_speaker_name(speaker.name)})
        return Quote(
            speaker=speaker,
            text=body,
            start=pieces[0].start,
            end=pieces[-1].end,
            direct=direct,
            date=self.resolved.linked.parsed.document.published,
        )

    def reported(self, verb: Token) -> Quote | None:
        """'X said that ...': the clause as reported speech."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses or verb.i in self.quoted:
            return None
        tokens = sorted({t for clause in clauses for t in clause.subtree}, key=lambda t: t.i)
        tokens = tokens[1:] if tokens and tokens[0].lower_ == "that" else tokens
        while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
            tokens.pop()  # "..., and" before the speaker's verb
        if len(tokens) < 3 or any(t.i in self.quoted for t in tokens):
            return None
        sentence = sentence_of(verb)
        head = _subject_phrase(verb, set(range(sentence.start, sentence.end)))
        speaker = self._from_head(head) if head is not None else None
        if speaker is None:
            return None
        self.previous, self.previous_end = speaker, tokens[-1].idx
        start = tokens[0].idx
        end = tokens[-1].idx + len(tokens[-1].text)
        return self._quote([(start, end)], speaker, direct=False)


def _reported_words(said: _Said | None, first: Token) -> bool:
    """A few quoted words inside what a named speaker says ('X says the situation remains
    "dire"') are the speaker's own words, not a phrase held at arm's length."""
    if said is None or not (said.speaker.name or said.speaker.id):
        return False
    if said.according:  # 'among "the most dangerous" ..., according to X': X's words
        return True
    return said.verb is not None and said.verb in first.ancestors


def _scare_quote(text: str, span: QuoteSpan, words: int) -> bool:
    """A few quoted words inside a clause ('entered the "so-called zone" by night') are a
    phrase held at arm's length, not speech."""
    if words >= int(lexicon()["min_words_without_speaker"]) or len(span.parts) > 1:
        return False
    before = text[: span.start - 1].rstrip()
    ends_clause = text[span.end - 1 : span.end] in {".", ",", "!", "?"}
    return bool(before) and before[-1].isalpha() and not ends_clause


def _frame_sentences(first: Span, last: Span) -> list[Span]:
    """The sentences a quote stands in, with a short attribution sentence split off after it
    ('"...," \\n a Turkish official said.' parsed as two sentences)."""
    sentences = sentences_of(first.doc)
    index = {s.start: n for n, s in enumerate(sentences)}
    chosen = sentences[index[first.start] : index[last.start] + 1]
    following = index[last.start] + 1
    if following < len(sentences):
        after = sentences[following]
        short = len(after) <= 10 and not any(t.text in PAIRS for t in after)
        if short and any(t.lemma_.lower() in _words("speech_verbs") for t in after):
            chosen.append(after)
    return chosen


def find_quotes(resolved: ResolvedDocument) -> list[Quote]:
    """Every direct quote and every piece of reported speech in the document, in text order."""
    doc = resolved.linked.parsed.doc
    spans = find_quote_spans(text_of(doc))
    attributor = _Attributor(resolved, spans)
    pending = sorted(
        [(span.start, "direct", span) for span in spans]
        + [
            (doc[i].idx, "reported", doc[i])
            for i, (lemma, pos) in enumerate(zip(lemmas_of(doc), pos_of(doc), strict=True))
            if lemma in _words("speech_verbs") and pos == "VERB"
        ],
        key=lambda item: item[0],
    )
    quotes: list[Quote] = []
    for _, kind, item in pending:
        quote = attributor.direct(item) if kind == "direct" else attributor.reported(item)
        if quote is not None:
            quotes.append(quote)
    return quotes

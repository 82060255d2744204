"""The language a document is written in (py3langid); only English is read.

A document is refused as not English only when there is enough text to tell (`MIN_LETTERS`)
and the identifier puts the chance that it is English under `NOT_ENGLISH`: over the 10,874
one-to-three-sentence Wikipedia conflict entries the lowest chance it gives English is 0.012
(a headline full of Nigerian place names, which it thinks Nigerian Pidgin), twelve times the
bound, and a French, Spanish, German, Russian, Arabic, Portuguese or Turkish sentence of a
dozen words scores under 1e-5.
Too little text to tell is read as English.

The model (4.5 MB compressed, 70 MB in memory) is loaded on the first document read, not at
start-up, and kept in the cache directory as a pickle (0.07 s to load then, against 0.5 s from
the package). `release()` lets it go when a batch is read (`read_inputs`, `read_urls`), so the
extraction that follows, and the workers it forks, do not carry it.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

from frontlines.models import Document
from frontlines.read.document import BadDocument

MIN_LETTERS = 20  # fewer letters than this is too little to tell a language by
NOT_ENGLISH = 1e-3  # the chance of English under which a document is not English
SAMPLE_CHARS = 5000  # the start of a long document is enough to tell


@cache
def _identifier():
    from frontlines.kb.cache import cache_dir, pickled

    version = metadata.version("py3langid")
    return pickled(cache_dir() / f"py3langid-{version}.pickle", _load_identifier)


def release() -> None:
    """Let the model go (it is loaded again when next needed)."""
    _identifier.cache_clear()


def _load_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_of(text: str) -> tuple[str, float] | None:
    """The likeliest language of `text` (ISO 639 code) and the chance that it is English;
    None when there is too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    identifier = _identifier()
    code, chance = identifier.classify(sample)
    if code == "en":
        return code, chance
    return code, next((p for other, p in identifier.rank(sample) if other == "en"), 0.0)


def english_only(document: Document) -> Document:
    """The document with `language` set to `en`; `BadDocument` when it is in another
    language ("not English: looks like French"). Too little text to tell is read as is."""
    found = language_of(document.text)
    if found is None:
        return document
    code, english = found
    if english < NOT_ENGLISH and code not in ("en", "zxx"):  # zxx: no language at all
        raise BadDocument(f"not English: looks like {language_name(code)}")
    return document.model_copy(update={"language": "en"})


def language_name(code: str) -> str:
    """The English name of an ISO 639 language code (`fr` → French)."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else None
    found = found or pycountry.languages.get(alpha_3=code)
    return getattr(found, "name", None) or code

"""Stage `read`: inputs → `Document`.

Text with YAML front matter and JSON Lines (`text`), web pages (`html`, by trafilatura), RSS
and Atom feeds (`feeds`), WARC and ARC web archives (`warc`), zip, tar and gzip bundles of any
of these (`bundles`), files, folders and standard input (`inputs`, which tells each input's
format by `detect`), and URLs fetched politely (`fetch`). Only English documents are read
(`language`). A bad document never stops a batch: readers yield a `ReadError` in its place,
naming the document (and its line, entry, record or member) and what is wrong, and go on.
"""

from frontlines.models import Document
from frontlines.read.detect import FORMAT_HELP, INPUT_FORMATS, InputFormat
from frontlines.read.document import (
    MAX_BYTES,
    MAX_CHARS,
    BadDocument,
    Note,
    ReadError,
    content_hash,
    country_hint,
    make_document,
    valid_unicode,
)
from frontlines.read.fetch import Fetcher, FetchPolicy, read_urls, url_list
from frontlines.read.inputs import expand_paths, read_bytes, read_inputs, read_stream
from frontlines.read.language import english_only, language_of
from frontlines.read.text import jsonl_documents, split_front_matter, text_document

__all__ = [
    "FORMAT_HELP",
    "INPUT_FORMATS",
    "MAX_BYTES",
    "MAX_CHARS",
    "BadDocument",
    "Document",
    "FetchPolicy",
    "Fetcher",
    "InputFormat",
    "Note",
    "ReadError",
    "content_hash",
    "country_hint",
    "english_only",
    "expand_paths",
    "jsonl_documents",
    "language_of",
    "make_document",
    "read_bytes",
    "read_inputs",
    "read_stream",
    "read_urls",
    "split_front_matter",
    "text_document",
    "url_list",
    "valid_unicode",
]

"""Damaged bytes of every format: each input gives documents and errors, never an exception
out of the readers (the libraries under them fail in their own ways: a ValueError from
zipfile, an AttributeError from warcio, a UnicodeDecodeError from feedparser)."""

from __future__ import annotations

import gzip
import io
import random

import pytest
from webinputs import DATA, build_bundle, warc_bytes

from frontlines.read import Document, ReadError, read_bytes


def _inputs() -> list[tuple[bytes, str, str]]:
    bundle = io.BytesIO()
    build_bundle(bundle)
    lines = b'{"text": "Troops entered Boni on Sunday after clashes."}\n' * 30
    return [
        ((DATA / "army-post-attack.html").read_bytes(), "page.html", "auto"),
        ((DATA / "sahel-monitor.rss").read_bytes(), "monitor.rss", "auto"),
        ((DATA / "west-africa-wire.atom").read_bytes(), "wire", "feed"),
        (warc_bytes(compress=False), "crawl.warc", "auto"),
        (warc_bytes(), "crawl.warc.gz", "auto"),
        (bundle.getvalue(), "bundle.zip", "auto"),
        (gzip.compress(lines, mtime=0), "batch.jsonl.gz", "auto"),
    ]


def _damaged(data: bytes, rng: random.Random) -> bytes:
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 30)):
        at = rng.randrange(len(damaged)) if damaged else 0
        roll = rng.random()
        if roll < 0.4 and damaged:
            damaged[at] = rng.randrange(256)
        elif roll < 0.7:
            damaged[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        else:
            del damaged[at : at + rng.randint(1, 50)]
    if rng.random() < 0.2:
        damaged = damaged[: rng.randrange(len(damaged) + 1)]
    return bytes(damaged)


@pytest.mark.parametrize("seed", range(3))
def test_damaged_inputs_give_documents_and_errors_only(seed):
    rng = random.Random(seed)
    inputs = _inputs()
    for _ in range(40):
        data, name, fmt = rng.choice(inputs)
        items = list(read_bytes(_damaged(data, rng), name, fmt))
        assert all(isinstance(i, Document | ReadError) for i in items)

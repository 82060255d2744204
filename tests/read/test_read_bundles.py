"""Bundles (zip, tar, gzip) of any supported format, read as streams."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tarfile
import zipfile

import pytest
from webinputs import DATA, build_bundle

from frontlines.read import Document, ReadError, read_bytes, read_inputs


@pytest.fixture
def bundle_path(tmp_path):
    path = tmp_path / "sent-by-analyst.zip"
    with path.open("wb") as out:
        build_bundle(out)
    return path


def test_a_zip_of_mixed_files_reads_every_supported_member(bundle_path):
    notes: list[str] = []
    items = list(read_inputs([str(bundle_path)], note=notes.append))
    names = [i.name.removeprefix(f"{bundle_path}/") for i in items if isinstance(i, Document)]
    assert names == [
        "pages/army-post-attack.html",
        "feeds/sahel-monitor.rss#1",
        "feeds/sahel-monitor.rss#2",
        "feeds/sahel-monitor.rss#3",
        "reports/army-post-attack.txt",
        "reports/batch.jsonl:1",
        "crawl/sahelmonitor-crawl.warc.gz#5",
        "crawl/sahelmonitor-crawl.warc.gz#11",
        "more.tar.gz/more/west-africa-wire.atom#1",
        "more.tar.gz/more/west-africa-wire.atom#2",
        "more.tar.gz/more/bankass-village-raid.html",
    ]
    errors = [str(i).removeprefix(f"{bundle_path}/") for i in items if isinstance(i, ReadError)]
    assert errors == [
        "reports/batch.jsonl:2: error: malformed JSON: Expecting value at column 1",
        "more.tar.gz/more/west-africa-wire.atom#3: error: not English: looks like French",
        "feeds/broken.rss#1: error: entry has no text: no content, summary or title",
    ]
    assert notes[-1] == (
        f"{bundle_path}: note: 2 member(s) of no readable format skipped "
        "(pages/djibo-road.jpg, __MACOSX/pages/._army-post-attack.html)"
    )


def test_the_same_article_in_a_bundle_is_one_text(bundle_path):
    documents = [i for i in read_inputs([str(bundle_path)]) if isinstance(i, Document)]
    article = {d.name.rsplit("/", 1)[-1] for d in documents if d.id == documents[0].id}
    assert article == {
        "army-post-attack.html",
        "sahel-monitor.rss#1",
        "army-post-attack.txt",
        "sahelmonitor-crawl.warc.gz#5",
        "west-africa-wire.atom#1",
    }


def test_a_tar_gz_read_from_a_pipe(tmp_path):
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w:gz") as tar:
        for name in ("army-post-attack.html", "sahel-monitor.rss", "army-post-attack.txt"):
            tar.add(DATA / name, arcname=f"inbox/{name}")
    script = (
        "import sys; from frontlines.read import read_inputs\n"
        "for item in read_inputs(['-']): print(getattr(item, 'name', item))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], input=archive.getvalue(), capture_output=True, check=True
    ).stdout.decode()
    assert shown.split() == [
        "<stdin>/inbox/army-post-attack.html",
        "<stdin>/inbox/sahel-monitor.rss#1",
        "<stdin>/inbox/sahel-monitor.rss#2",
        "<stdin>/inbox/sahel-monitor.rss#3",
        "<stdin>/inbox/army-post-attack.txt",
    ]


def test_a_gzipped_file_reads_as_what_it_holds():
    lines = [
        {"id": "a", "text": "Gunmen attacked a village near Gao on Sunday, killing four."},
        {"id": "b", "text": "Police dispersed protesters in Dhaka with tear gas."},
    ]
    data = gzip.compress("\n".join(json.dumps(x) for x in lines).encode(), mtime=0)
    items = list(read_bytes(data, "wire.jsonl.gz"))
    assert [(i.name, i.doc_id) for i in items] == [
        ("wire.jsonl.gz:1", "a"),
        ("wire.jsonl.gz:2", "b"),
    ]
    (page,) = read_bytes(gzip.compress((DATA / "army-post-attack.html").read_bytes()), "page.gz")
    assert page.text.startswith("JNIM claimed")


def test_an_archive_is_known_by_its_bytes_whatever_its_name(bundle_path):
    renamed = list(read_bytes(bundle_path.read_bytes(), "attachment.txt"))
    assert len([i for i in renamed if isinstance(i, Document)]) == 11


def test_damaged_bundles_are_errors_naming_them_and_the_batch_goes_on(tmp_path, bundle_path):
    truncated = tmp_path / "truncated.jsonl.gz"
    lines = (json.dumps({"text": f"Troops entered Boni, report {i**7}."}) for i in range(900))
    whole = gzip.compress("\n".join(lines).encode(), mtime=0)
    truncated.write_bytes(whole[: len(whole) // 2])
    not_zip = tmp_path / "reports.zip"
    not_zip.write_bytes(b"these are not the reports you are looking for")
    cut_tar = tmp_path / "cut.tar"
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        tar.add(DATA / "army-post-attack.html", arcname="a.html")
        tar.add(DATA / "bankass-village-raid.html", arcname="b.html")
    cut_tar.write_bytes(archive.getvalue()[:14000])
    paths = [truncated, not_zip, cut_tar, DATA / "army-post-attack.txt"]
    items = list(read_inputs([str(p) for p in paths]))
    errors = [str(i) for i in items if isinstance(i, ReadError)]
    assert errors[0].startswith(f"{truncated}: error: damaged gzip data: ")
    assert errors[1] == f"{not_zip}: error: not a readable zip archive: File is not a zip file"
    assert errors[2].startswith(f"{cut_tar}: error: damaged tar archive at {cut_tar}/b.html: ")
    assert items[-1].name == str(DATA / "army-post-attack.txt")  # the batch went on
    good = [i.name for i in items if isinstance(i, Document)]
    assert f"{cut_tar}/a.html" in good and f"{truncated}:1" in good  # what came before


def test_a_damaged_zip_member_is_an_error_and_the_other_members_are_read(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        bundle.write(DATA / "army-post-attack.html", "a.html")
        bundle.write(DATA / "bankass-village-raid.html", "b.html")
    data = bytearray(buffer.getvalue())
    start = data.index(b"a.html") + len(b"a.html") + 50
    data[start : start + 40] = bytes(40)  # inside a.html's compressed bytes
    items = list(read_bytes(bytes(data), "mail.zip"))
    assert isinstance(items[0], ReadError) and str(items[0]).startswith(
        "mail.zip/a.html: error: cannot be read from the zip archive: "
    )
    assert items[1].name == "mail.zip/b.html"


def test_a_zip_nested_past_the_limit_is_refused():
    data = (DATA / "army-post-attack.txt").read_bytes()
    for depth in range(6):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as bundle:
            bundle.writestr("inner.zip" if depth else "report.txt", data)
        data = buffer.getvalue()
    (error,) = read_bytes(data, "deep.zip")
    assert str(error).endswith("error: bundles nested more than 4 deep; not read")


@pytest.mark.parametrize("fmt", ["zip", "auto"])
def test_a_bundle_is_streamed_not_unpacked_to_disk(tmp_path, monkeypatch, fmt):
    path = tmp_path / "bundle.zip"
    with path.open("wb") as out:
        build_bundle(out)
    written = []
    real_open = open

    def watch(file, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            written.append(file)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", watch)
    items = list(read_inputs([str(path)], fmt))
    assert len(items) > 10 and written == []

"""RSS and Atom feeds: one document an entry."""

from __future__ import annotations

from webinputs import ARTICLE_URL, DATA, RAID_URL

from frontlines.read import Document, ReadError, read_bytes, read_inputs


def _read(*names: str):
    notes: list[str] = []
    items = list(read_inputs([str(DATA / n) for n in names], note=notes.append))
    return items, notes


def test_rss_entries_are_documents_with_their_metadata():
    (first, second, third), notes = _read("sahel-monitor.rss")
    rss = str(DATA / "sahel-monitor.rss")
    assert [d.name for d in (first, second, third)] == [f"{rss}#1", f"{rss}#2", f"{rss}#3"]
    assert (first.doc_id, first.url, first.published) == (
        "sahelmonitor-48213",
        ARTICLE_URL,
        "2024-03-11",
    )
    assert first.title.startswith("Militants kill 14 soldiers")
    assert {d.source for d in (first, second, third)} == {"Sahel Monitor"}
    assert (second.url, second.published) == (RAID_URL, "2024-03-12")
    assert first.text.startswith("JNIM claimed the dawn attack")
    assert "appeared first on" not in first.text  # WordPress's line under every entry


def test_an_entry_that_only_links_out_gives_its_summary_and_a_note_says_so():
    (_, _, third), notes = _read("sahel-monitor.rss")
    assert third.text == (
        "Burkina Faso's army said on Tuesday that air strikes had destroyed two militant "
        "camps in the north of the country, near the border with Mali.\n"
    )  # the "Read more" link left out
    assert notes == [
        f"{DATA / 'sahel-monitor.rss'}: note: 1 of its 3 entries gives only a summary, not the "
        "article (at the entry's link), and that was read; `frontlines ingest --url LINK` "
        "fetches the article"
    ]


def test_atom_entries_and_a_french_entry_reported_by_name():
    (first, second, french), notes = _read("west-africa-wire.atom")
    atom = str(DATA / "west-africa-wire.atom")
    assert first.source == "West Africa Wire: Security" and first.published == "2024-03-11"
    assert second.text.startswith("Trucks carrying food") and second.published == "2024-03-12"
    assert isinstance(french, ReadError)
    assert str(french) == f"{atom}#3: error: not English: looks like French"
    assert len(notes) == 1 and "1 of its 3 entries gives only a summary" in notes[0]


def test_a_page_and_its_entries_in_two_feeds_are_one_document():
    items, _ = _read("army-post-attack.html", "sahel-monitor.rss", "west-africa-wire.atom")
    documents = [i for i in items if isinstance(i, Document)]
    page = documents[0]
    same = [d.name.rsplit("/", 1)[-1] for d in documents if d.id == page.id]
    assert same == ["army-post-attack.html", "sahel-monitor.rss#1", "west-africa-wire.atom#1"]
    raid = (DATA / "bankass-village-raid.html").read_bytes()
    (raid_page,) = read_bytes(raid, "bankass-village-raid.html")
    assert raid_page.id == documents[2].id  # the RSS entry's full content is the page's text


def test_a_broken_feed_is_an_error_naming_it_and_the_batch_goes_on(tmp_path):
    broken = tmp_path / "broken.rss"
    broken.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title")
    items = list(read_inputs([str(broken), str(DATA / "sahel-monitor.rss")]))
    assert isinstance(items[0], ReadError)
    assert str(items[0]).startswith(f"{broken}: error: not a well-formed feed (")
    assert [type(i).__name__ for i in items[1:]] == ["Document"] * 3


def test_a_bad_entry_is_an_error_naming_the_entry_and_the_others_are_read():
    feed = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Clashes in Goma</title><description>Fighting broke out in Goma on Sunday between
    the army and M23 rebels, residents said.</description>
    <pubDate>sometime last week</pubDate></item>
    <item><link>https://wire.example/empty</link></item>
    <item><title>Shelling hits Kharkiv</title><description>Russian shelling hit a residential
    district of Kharkiv overnight, killing two people, the regional governor said.</description>
    <pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate></item>
    </channel></rss>"""
    items = list(read_bytes(feed, "wire.rss"))
    assert [str(i) for i in items[:2]] == [
        "wire.rss#1: error: published: 'sometime last week' is not a date",
        "wire.rss#2: error: entry has no text: no content, summary or title",
    ]
    assert items[2].published == "2024-03-12" and items[2].text.startswith("Russian shelling")


def test_xml_that_is_no_feed_is_an_error():
    (error,) = read_bytes(
        b"<?xml version='1.0'?><urlset><url><loc>x</loc></url></urlset>", "sitemap.xml"
    )
    assert str(error).startswith("sitemap.xml: error: not an RSS or Atom feed")


def test_a_feed_is_known_by_content_without_a_suffix():
    data = (DATA / "west-africa-wire.atom").read_bytes()
    items = list(read_bytes(data, "security-feed"))
    assert items[0].source == "West Africa Wire: Security"


def test_only_the_link_out_is_cut_from_a_summary():
    items = b"".join(
        b"<item><title>t%d</title><link>https://wire.example/%d</link><description>%s"
        b"</description></item>" % (n, n, text)
        for n, text in enumerate(
            [
                b"Rebels shelled the town, officials said. Read more",
                b"Rebels shelled the town, officials said [...]",
                b"Rebels shelled the town, officials said. Continue reading &#187;",
                b"Rebels posted the claim in a messaging thread",
                b"Rebels said they would read more names of the dead.",
            ]
        )
    )
    feed = b"<rss version='2.0'><channel><title>Wire</title>%s</channel></rss>" % items
    texts = [d.text for d in read_bytes(feed, "wire.rss")]
    assert texts == [
        "Rebels shelled the town, officials said.\n",
        "Rebels shelled the town, officials said\n",
        "Rebels shelled the town, officials said.\n",
        "Rebels posted the claim in a messaging thread\n",
        "Rebels said they would read more names of the dead.\n",
    ]

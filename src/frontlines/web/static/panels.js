// The side panel's views: an event with its source sentence highlighted in its document, a
// document with every extracted fact, an actor page, the actor list, the control picture.

import {
  actorLink, clear, colour, deaths, el, eventLabel, getJSON, routeLink,
} from "./dom.js";

// Offsets in the store count Unicode code points; JavaScript strings count UTF-16 units.
function codePoints(text) {
  return Array.from(text);
}

// The document text split at every span boundary; each piece carries the spans covering it.
// `marks` are [start, end] ranges shown as the highlighted source (the <mark> elements).
export function renderText(text, spans, marks) {
  const chars = codePoints(text);
  const cuts = new Set([0, chars.length]);
  for (const s of [...spans, ...marks.map(([start, end]) => ({ start, end }))]) {
    cuts.add(Math.max(0, Math.min(chars.length, s.start)));
    cuts.add(Math.max(0, Math.min(chars.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "doc-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.kind !== "event");
    const marked = marks.some(([start, end]) => start <= a && end >= b);
    let node = document.createTextNode(piece);
    if (covering.length) {
      const kinds = [...new Set(covering.map((s) => `f-${s.kind}`))].join(" ");
      const title = covering.map((s) => `${s.kind}: ${s.label || ""}`).join("\n");
      node = el("span", { class: kinds, title }, node);
    }
    if (marked) node = el("mark", { class: "evidence" }, node);
    body.append(node);
  }
  return body;
}

function documentHeader(doc) {
  const meta = [doc.published, doc.source, doc.name].filter(Boolean).join(" · ");
  return el(
    "div",
    { class: "doc-head" },
    el("h3", { text: doc.title || doc.name || doc.id }),
    el("div", { class: "muted", text: meta }),
    doc.url ? el("div", { class: "muted small", text: doc.url }) : null,
  );
}

async function documentView(documentId, marks) {
  const doc = await getJSON(`/api/documents/${encodeURIComponent(documentId)}`);
  const text = renderText(doc.text, doc.spans, marks);
  return el("section", { class: "document" }, documentHeader(doc), text);
}

function scrollToMark(panel) {
  const mark = panel.querySelector("mark.evidence");
  if (mark) mark.scrollIntoView({ block: "center" });
}

function fact(label, value) {
  return el("tr", {}, el("th", { text: label }), el("td", {}, value ?? "—"));
}

export async function showEvent(panel, eventId) {
  const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const record = event.record || {};
  const sources = event.sources || [];
  const assoc = (list) => (list || []).map((a) => [actorLink(a.id, a.name), " "]);
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = colour(event.event_type);
  const evidence = event.evidence.map((ev) => el("blockquote", { class: "source", text: ev.text }));
  clear(panel).append(
    el("h2", {}, swatch, eventLabel(event)),
    el(
      "table",
      { class: "facts" },
      fact("date", event.date || "undated"),
      fact("type", [event.event_type, event.sub_event_type].filter(Boolean).join(" / ") || null),
      fact("PLOVER", [event.plover_type, event.plover_mode].filter(Boolean).join(" / ") || null),
      fact("actor 1", el("span", {}, actorLink(event.actor1_id, event.actor1), " ",
        assoc(record.assoc_actor_1))),
      fact("actor 2", el("span", {}, actorLink(event.actor2_id, event.actor2), " ",
        assoc(record.assoc_actor_2))),
      fact("location", event.location
        ? el("span", {}, routeLink(["place", event.location], event.location),
          event.country ? `, ${event.country}` : "",
          event.geo_precision > 1 ? el("span", { class: "muted", text: " (approximate)" }) : "")
        : null),
      fact("fatalities", deaths(event) + (event.contradicting ? " (sources differ)" : "")),
      fact("modality", event.modality + (event.historical ? " (background)" : "")),
      fact("sources", `${event.source_count} document(s)`),
    ),
    el("h3", { text: "Source sentence" }),
    el("div", { id: "evidence" }, evidence),
    sources.length > 1
      ? el("ul", { class: "sources" }, sources.map((s) =>
        el("li", {}, routeLink(["event", s.event_id], `${s.published || ""} ${s.title || s.name}`))))
      : "",
  );
  const marks = event.evidence.map((ev) => [ev.start, ev.end]);
  panel.append(await documentView(event.document_id, marks));
  scrollToMark(panel);
  return event;
}

export async function showDocument(panel, documentId, marks = []) {
  clear(panel).append(await documentView(documentId, marks));
  scrollToMark(panel);
}

// Relations grouped by the other actor: its kinds and modes once, each distinct quote once.
function relationItems(relations, who) {
  const groups = new Map();
  for (const rel of relations) {
    const other = rel[who] || { id: null, name: "?" };
    if (!groups.has(other.id)) groups.set(other.id, { other, how: new Set(), quotes: new Map() });
    const group = groups.get(other.id);
    group.how.add(`${rel.kind}, ${rel.mode}${rel.date ? ", " + rel.date : ""}`);
    for (const quote of rel.evidence || []) {
      if (!group.quotes.has(quote.text)) group.quotes.set(quote.text, { ...quote, doc: rel.document_id });
    }
  }
  return [...groups.values()].map(({ other, how, quotes }) =>
    el(
      "li",
      {},
      actorLink(other.id, other.name),
      el("span", { class: "muted", text: ` ${[...how].join("; ")}` }),
      [...quotes.values()].map((q) =>
        el("blockquote", { class: "source" }, q.text, " ",
          routeLink(["document", q.doc, `${q.start}-${q.end}`], "source"))),
    ),
  );
}

export function eventRows(events, onSelect) {
  return events.map((e) => {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = colour(e.event_type);
    return el(
      "tr",
      {
        class: "event-row",
        dataset: { eventId: e.id },
        tabindex: 0,
        onclick: () => onSelect(e.id),
        onkeydown: (ev) => ev.key === "Enter" && onSelect(e.id),
      },
      el("td", { text: e.date || "undated" }),
      el("td", {}, swatch, eventLabel(e)),
      el("td", { text: e.actor1 || "" }),
      el("td", { text: e.actor2 || "" }),
      el("td", { text: e.location || "" }),
      el("td", { class: "num", text: deaths(e) }),
      el("td", { class: "num", text: String(e.source_count ?? 1) }),
    );
  });
}

export async function showActor(panel, actorId, onSelect, onFilter) {
  const actor = await getJSON(`/api/actors/${encodeURIComponent(actorId)}`);
  const list = (items, empty) => (items.length ? items : [el("li", { class: "muted", text: empty })]);
  clear(panel).append(
    el("h2", { text: actor.name }),
    el("div", { class: "muted", text: [actor.id, actor.type, actor.country,
      actor.inter !== null ? `inter ${actor.inter}` : null,
      actor.discovered ? "discovered" : null].filter(Boolean).join(" · ") }),
    el("p", { text: `${actor.mentions} mentions in ${actor.documents} document(s)` }),
    el("button", { type: "button", onclick: () => onFilter(actor), text: "Show its events on the map" }),
    el("h3", { text: "Also known as" }),
    el("ul", { class: "aliases" }, list(actor.aliases.map((a) => el("li", { text: a })), "none seen")),
    el("h3", { text: "Backed by" }),
    el("ul", { class: "backers" }, list(relationItems(actor.backers, "source"), "none found")),
    el("h3", { text: "Backs" }),
    el("ul", {}, list(relationItems(actor.backs, "target"), "none found")),
    el("h3", { text: `Events (${actor.events.length})` }),
    el("table", { class: "events small" }, el("tbody", {}, eventRows(actor.events, onSelect))),
  );
}

export async function showActors(panel, query = "") {
  const url = "/api/actors?limit=500" + (query ? `&q=${encodeURIComponent(query)}` : "");
  const data = await getJSON(url);
  const search = el("input", { type: "search", placeholder: "name or alias", value: query });
  const form = el("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    showActors(panel, search.value.trim());
  } }, search, el("button", { type: "submit", text: "Find" }));
  clear(panel).append(
    el("h2", { text: `Actors (${data.total})` }),
    form,
    el("ul", { class: "actor-list" }, data.actors.map((a) =>
      el("li", {}, actorLink(a.id, a.name),
        el("span", { class: "muted", text: ` ${a.country || ""} · ${a.events} events` })))),
  );
}

// A place: who holds it as of today with the claims behind that, and the events there.
export async function showPlace(panel, name, onSelect) {
  const today = new Date().toISOString().slice(0, 10);
  const [found, state] = await Promise.all([
    getJSON(`/api/events?${new URLSearchParams({ location: name, limit: "500" })}`),
    getJSON(`/api/state?as_of=${today}`),
  ]);
  const place = state.places.find((p) => p.place === name);
  const first = found.events[0];
  const where = first && first.latitude !== null
    ? `${first.country || ""} · ${first.latitude.toFixed(3)}, ${first.longitude.toFixed(3)}` : "";
  const claims = place ? place.claims.map((c) => el("li", {},
    el("span", { text: `${c.date || "undated"} ${c.kind} ` }),
    c.holder ? actorLink(c.holder.id, c.holder.name) : "",
    c.lost_by ? el("span", {}, " from ", actorLink(c.lost_by.id, c.lost_by.name)) : "",
    (c.evidence || []).slice(0, 1).map((q) => el("blockquote", { class: "source" }, q.text, " ",
      routeLink(["document", c.document_id, `${q.start}-${q.end}`], "source"))))) : [];
  clear(panel).append(
    el("h2", { text: name }),
    el("div", { class: "muted", text: where }),
    el("h3", { text: "Control" }),
    place ? el("p", {}, "Held by: ", holderCell(place)) : el("p", { class: "muted",
      text: "No control change reported here." }),
    el("ul", { class: "claims" }, claims),
    el("h3", { text: `Events here (${found.total})` }),
    el("table", { class: "events small" }, el("tbody", {}, eventRows(found.events, onSelect))),
  );
  return first;
}

// Who holds a place: the holder (since when), or the contenders when claims conflict.
function holderCell(place) {
  const links = (actors) => actors.flatMap((a, i) => [i ? ", " : "", actorLink(a.id, a.name)]);
  if (place.contested) {
    return el("span", {}, "contested", place.contenders && place.contenders.length
      ? el("span", {}, ": ", links(place.contenders)) : "");
  }
  if (!place.holder) return el("span", { class: "muted", text: "—" });
  return el(
    "span",
    {},
    actorLink(place.holder.id, place.holder.name),
    place.since ? el("span", { class: "muted", text: ` since ${place.since}` }) : "",
    place.besieged_by && place.besieged_by.length
      ? el("span", { class: "muted" }, "; besieged by ", links(place.besieged_by)) : "",
  );
}

export async function showControl(panel, asOf, country, onPlaces) {
  const dateInput = el("input", { type: "date", id: "as-of", value: asOf, required: true });
  const countryInput = el("input", { type: "text", id: "control-country", placeholder: "ISO3",
    maxlength: 3, size: 4, value: country || "" });
  const form = el("form", { class: "inline", onsubmit: (ev) => {
    ev.preventDefault();
    showControl(panel, dateInput.value, countryInput.value.trim(), onPlaces);
  } }, "as of ", dateInput, " ", countryInput, el("button", { type: "submit", text: "Show" }));
  clear(panel).append(el("h2", { text: "Control" }), form);
  if (!asOf) return;
  const params = new URLSearchParams({ as_of: asOf });
  if (country) params.set("country", country);
  const state = await getJSON(`/api/state?${params}`);
  onPlaces(state.places);
  const rows = state.places.map((p) => {
    const last = p.claims[p.claims.length - 1];
    const ev = last && last.evidence[0];
    return el(
      "tr",
      { class: p.contested ? "contested" : "" },
      el("td", { text: p.place }),
      el("td", {}, holderCell(p)),
      el("td", { text: last ? `${last.kind} ${last.date || ""}` : "" }),
      el("td", {}, ev ? routeLink(["document", last.document_id, `${ev.start}-${ev.end}`], "source") : ""),
    );
  });
  panel.append(
    el("h3", { text: `Places (${state.places.length})` }),
    state.places.length
      ? el("table", { class: "control" }, el("thead", {}, el("tr", {},
        ["place", "held by", "last change", ""].map((h) => el("th", { text: h })))),
      el("tbody", {}, rows))
      : el("p", { class: "muted", text: "No control changes known up to this date." }),
    el("h3", { text: `Backing (${state.backing.length})` }),
    el("ul", {}, state.backing.map((b) => el("li", {}, actorLink(b.source.id, b.source.name),
      ` ${b.kind} `, actorLink(b.target.id, b.target.name),
      el("span", { class: "muted", text: ` (${b.mode}${b.date ? ", " + b.date : ""})` })))),
  );
}

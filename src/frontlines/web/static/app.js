// The page: filters → /api/events → timeline, map and table; hash routes for the side panel.

import { clear, el, getJSON, TYPE_COLOURS } from "./dom.js";
import { EventMap } from "./map.js";
import {
  eventRows, showActor, showActors, showControl, showDocument, showEvent, showPlace,
} from "./panels.js";
import { Timeline } from "./timeline.js";

const TABLE_ROWS = 500;
const state = { events: [], visible: [], range: null, actor: null, hidden: new Set() };
const panel = document.getElementById("panel");
const form = document.getElementById("filters");
let eventMap;
let timeline;

function status(text) {
  document.getElementById("status").textContent = text;
}

function selectEvent(id) {
  location.hash = `#/event/${encodeURIComponent(id)}`;
}

function filterParams() {
  const params = new URLSearchParams({ limit: "10000" });
  const data = new FormData(form);
  for (const key of ["q", "country", "type"]) {
    const value = String(data.get(key) || "").trim();
    if (value) params.set(key, value);
  }
  if (state.actor) params.set("actor", state.actor.id);
  return params;
}

async function loadEvents() {
  status("loading…");
  const data = await getJSON(`/api/events?${filterParams()}`);
  state.events = data.events;
  const more = data.total > data.events.length ? ` (first ${data.events.length} shown)` : "";
  const total = data.total_exact === false ? `more than ${data.total}` : `${data.total}`;
  status(`${total} events${more}`);
  timeline.setEvents(state.events); // calls applyRange
  eventMap.fit();
}

function inRange(event) {
  if (!state.range) return true;
  return Boolean(event.date) && event.date >= state.range[0] && event.date <= state.range[1];
}

function typeKey(event) {
  return event.event_type in TYPE_COLOURS ? event.event_type : "Other";
}

function applyRange(range) {
  state.range = range;
  const inDates = state.events.filter(inRange);
  const counts = new Map();
  for (const e of inDates) counts.set(typeKey(e), (counts.get(typeKey(e)) || 0) + 1);
  eventMap.setLegend([...counts.entries()].sort(), state.hidden, (name, shown) => {
    if (shown) state.hidden.delete(name);
    else state.hidden.add(name);
    applyRange(state.range);
  });
  state.visible = inDates.filter((e) => !state.hidden.has(typeKey(e)));
  eventMap.setEvents(state.visible);
  const body = clear(document.querySelector("#events tbody"));
  body.append(...eventRows(state.visible.slice(0, TABLE_ROWS), selectEvent));
  const located = state.visible.filter((e) => e.latitude !== null).length;
  document.getElementById("table-count").textContent =
    `${state.visible.length} events in range, ${located} on the map` +
    (state.visible.length > TABLE_ROWS ? ` (table shows ${TABLE_ROWS})` : "");
}

function actorChip() {
  const holder = clear(document.getElementById("actor-filter"));
  if (!state.actor) return;
  holder.append(
    el("span", { class: "chip" }, `actor: ${state.actor.name} `,
      el("button", { type: "button", title: "remove", text: "×", onclick: () => {
        state.actor = null;
        actorChip();
        loadEvents();
      } })),
  );
}

function filterByActor(actor) {
  state.actor = { id: actor.id, name: actor.name };
  actorChip();
  loadEvents();
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const [view, id, extra] = parts;
  if (view !== "control") eventMap.setControl([]);
  if (view !== "event") eventMap.highlight(null);
  try {
    if (view === "event" && id) {
      eventMap.highlight(await showEvent(panel, id));
    } else if (view === "actor" && id) {
      await showActor(panel, id, selectEvent, filterByActor);
    } else if (view === "place" && id) {
      const here = await showPlace(panel, id, selectEvent);
      eventMap.focus(here);
    } else if (view === "actors") {
      await showActors(panel);
    } else if (view === "document" && id) {
      const marks = extra ? [extra.split("-").map(Number)] : [];
      await showDocument(panel, id, marks);
    } else if (view === "control") {
      const latest = state.events.find((e) => e.date);
      await showControl(panel, id || (latest ? latest.date : ""), extra || "", (places) =>
        eventMap.setControl(places));
    } else {
      clear(panel).append(
        el("h2", { text: "frontlines" }),
        el("p", { text: "Click a marker or a table row to see the event and the sentence it " +
          "came from, highlighted in its report." }),
        el("ul", { class: "guide" },
          el("li", { text: "Drag across the timeline (or use the sliders) to narrow the dates." }),
          el("li", { text: "Tick event types on and off in the map legend." }),
          el("li", { text: "Search the reports, or narrow by country or type, above." }),
          el("li", { text: "Actors: aliases, backers, events. Control: who holds what, when." }),
          el("li", { text: "A hollow marker: the place is only approximate." })),
      );
    }
  } catch (err) {
    clear(panel).append(el("p", { class: "error", text: `Could not load: ${err.message}` }));
  }
}

async function start() {
  const config = await getJSON("/api/config");
  if (config.missing_vendor_files.length) {
    status(`front-end files missing (run make setup): ${config.missing_vendor_files.join(", ")}`);
    return;
  }
  eventMap = new EventMap("map", config, selectEvent);
  timeline = new Timeline(document.getElementById("timeline"), applyRange);
  const types = await getJSON("/api/event-types");
  const select = form.querySelector("select[name=type]");
  for (const t of types) select.append(el("option", { value: t.event_type, text: t.event_type }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    loadEvents();
  });
  window.addEventListener("hashchange", route);
  await eventMap.loadBorders("/static/vendor/countries-50m.json");
  await loadEvents();
  await route();
  document.body.dataset.ready = "true";
}

start().catch((err) => status(`error: ${err.message}`));

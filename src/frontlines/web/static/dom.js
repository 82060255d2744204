// DOM helpers. Text from the store only ever reaches the page as text nodes (textContent),
// never as HTML, so a <script> in a report is shown, not run.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c6d31",
  "Strategic developments": "#1f77b4",
};
export const OTHER_COLOUR = "#7f7f7f";

export function colour(eventType) {
  return TYPE_COLOURS[eventType] || OTHER_COLOUR;
}

export function eventLabel(event) {
  return event.sub_event_type || event.event_type || event.plover_type || "event";
}

// A link that routes inside the page (hash routes: #/event/ID, #/actor/ID, ...).
export function routeLink(route, text, cls) {
  return el("a", { href: "#/" + route.map(encodeURIComponent).join("/"), class: cls, text });
}

export function actorLink(id, name) {
  if (!id) return el("span", { class: "muted", text: name || "—" });
  return routeLink(["actor", id], name || id, "actor-link");
}
// Deaths as the sources give them: the lowest sourced figure, and the highest when they differ.
export function deaths(event) {
  const low = event.fatalities_low ?? event.fatalities;
  const high = event.fatalities_high ?? low;
  return high > low ? `${low}–${high}` : String(low);
}

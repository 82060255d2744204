// The map: country borders from the world-atlas TopoJSON (no tile server needed), an optional
// tile layer when one is configured, and events as markers coloured by type, gathered into
// grid clusters when they crowd together at the current zoom.
/* global L, topojson */

import { colour, el, eventLabel } from "./dom.js";

const CELL = 48; // cluster grid cell, in screen pixels

export class EventMap {
  constructor(container, config, onSelect) {
    this.onSelect = onSelect;
    this.events = [];
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 14 });
    this.map.setView([20, 15], 2);
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.attribution || "", maxZoom: 18 })
        .addTo(this.map);
    }
    this.markers = L.layerGroup().addTo(this.map);
    this.control = L.layerGroup().addTo(this.map);
    this.selection = L.layerGroup().addTo(this.map);
    this.map.on("zoomend moveend", () => this.draw());
  }

  async loadBorders(url) {
    const response = await fetch(url);
    if (!response.ok) return;
    const topo = await response.json();
    const countries = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f1efe8", fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map);
    this.markers.eachLayer((layer) => layer.bringToFront && layer.bringToFront());
  }

  setEvents(events) {
    this.events = events.filter((e) => e.latitude !== null && e.longitude !== null);
    this.draw();
  }

  fit() {
    if (!this.events.length) return;
    const bounds = L.latLngBounds(this.events.map((e) => [e.latitude, e.longitude]));
    this.map.fitBounds(bounds.pad(0.2), { maxZoom: 7, animate: false });
  }

  // Grid clustering: events whose screen positions fall into the same cell become one marker.
  draw() {
    this.markers.clearLayers();
    const cells = new Map();
    for (const event of this.events) {
      const point = this.map.latLngToLayerPoint([event.latitude, event.longitude]);
      const key = `${Math.floor(point.x / CELL)}:${Math.floor(point.y / CELL)}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key).push(event);
    }
    for (const members of cells.values()) {
      if (members.length === 1) this.markers.addLayer(this.single(members[0]));
      else this.markers.addLayer(this.cluster(members));
    }
  }

  single(event) {
    const dot = el("div", {
      class: "fl-marker",
      dataset: { eventId: event.id },
    });
    dot.style.background = colour(event.event_type);
    if (event.geo_precision > 1) {  // a region or a country, not a town: a hollow dot
      dot.classList.add("approx");
      dot.style.borderColor = colour(event.event_type);
    }
    const marker = L.marker([event.latitude, event.longitude], {
      icon: L.divIcon({ html: dot, className: "fl-icon", iconSize: [16, 16] }),
      keyboard: true,
      title: `${event.date || "undated"} · ${eventLabel(event)} · ${event.location || ""}`,
    });
    marker.on("click", () => this.onSelect(event.id));
    return marker;
  }

  cluster(members) {
    const lat = members.reduce((s, e) => s + e.latitude, 0) / members.length;
    const lon = members.reduce((s, e) => s + e.longitude, 0) / members.length;
    const counts = new Map();
    for (const e of members) counts.set(e.event_type, (counts.get(e.event_type) || 0) + 1);
    const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const size = Math.min(44, 22 + Math.round(Math.log2(members.length) * 4));
    const bubble = el("div", { class: "fl-cluster", text: String(members.length) });
    bubble.style.borderColor = colour(main);
    bubble.style.width = bubble.style.height = bubble.style.lineHeight = `${size - 4}px`;
    const marker = L.marker([lat, lon], {
      icon: L.divIcon({ html: bubble, className: "fl-icon", iconSize: [size, size] }),
      title: `${members.length} events: ${[...new Set(members.map((e) => e.location))].join(", ")}`,
    });
    marker.on("click", () => {
      const same = members.every(
        (e) => e.latitude === members[0].latitude && e.longitude === members[0].longitude,
      );
      if (same || this.map.getZoom() >= this.map.getMaxZoom()) {
        marker.bindPopup(this.list(members), { maxHeight: 260 }).openPopup();
      } else {
        const bounds = L.latLngBounds(members.map((e) => [e.latitude, e.longitude]));
        this.map.fitBounds(bounds.pad(0.5));
      }
    });
    return marker;
  }

  list(members) {
    const sorted = [...members].sort((a, b) => (b.date || "").localeCompare(a.date || ""));
    return el(
      "div",
      { class: "cluster-list" },
      el("strong", { text: `${members.length} events at ${members[0].location || "?"}` }),
      el(
        "ul",
        {},
        sorted.map((e) =>
          el(
            "li",
            {},
            el("span", { class: "swatch", style: `background:${colour(e.event_type)}` }),
            el("a", {
              href: "#",
              class: "cluster-item",
              dataset: { eventId: e.id },
              text: `${e.date || "undated"} ${eventLabel(e)}`,
              onclick: (ev) => {
                ev.preventDefault();
                this.onSelect(e.id);
              },
            }),
          ),
        ),
      ),
    );
  }

  // Places with their holder as of a date (the control picture).
  setControl(places) {
    this.control.clearLayers();
    for (const place of places) {
      if (place.lat === null || place.lon === null || place.lat === undefined) continue;
      const holder = place.contested ? "contested" : place.holder ? place.holder.name : "unknown";
      const label = el("div", { class: "fl-control", text: `${place.place}: ${holder}` });
      this.control.addLayer(
        L.marker([place.lat, place.lon], {
          icon: L.divIcon({ html: label, className: "fl-icon", iconSize: null }),
          interactive: false,
        }),
      );
    }
  }

  // The legend: one checkbox per event type with its count in range; unticking hides it.
  setLegend(counts, hidden, onToggle) {
    if (!this.legend) {
      this.legend = L.control({ position: "topright" });
      this.legend.onAdd = () => {
        const box = el("div", { class: "fl-legend leaflet-bar" });
        L.DomEvent.disableClickPropagation(box);
        return box;
      };
      this.legend.addTo(this.map);
    }
    const box = this.legend.getContainer();
    while (box.firstChild) box.removeChild(box.firstChild);
    for (const [name, count] of counts) {
      const input = el("input", { type: "checkbox", dataset: { type: name } });
      input.checked = !hidden.has(name);
      input.addEventListener("change", () => onToggle(name, input.checked));
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour(name);
      box.append(el("label", {}, input, swatch, `${name} (${count})`));
    }
  }

  // Centre the map on an event's place, ringed.
  focus(event) {
    this.highlight(event);
    if (event && event.latitude !== null && event.longitude !== null) {
      this.map.setView([event.latitude, event.longitude], Math.max(this.map.getZoom(), 8));
    }
  }

  // A ring around the selected event (also when it sits inside a cluster).
  highlight(event) {
    this.selection.clearLayers();
    if (!event || event.latitude === null || event.longitude === null) return;
    const ring = el("div", { class: "fl-ring" });
    this.selection.addLayer(
      L.marker([event.latitude, event.longitude], {
        icon: L.divIcon({ html: ring, className: "fl-icon fl-ring-icon", iconSize: [52, 52] }),
        interactive: false,
        keyboard: false,
        zIndexOffset: 1000,
      }),
    );
  }
}

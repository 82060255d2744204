// The timeline: a histogram of events by day or month; a range chosen by dragging across the
// bars or with the two sliders filters the map and the table.

import { clear } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

function monthKey(date) {
  return date.slice(0, 7);
}

export class Timeline {
  constructor(root, onChange) {
    this.root = root;
    this.onChange = onChange;
    this.chart = root.querySelector("#timeline-chart");
    this.from = root.querySelector("#range-from");
    this.to = root.querySelector("#range-to");
    this.label = root.querySelector("#range-label");
    this.bins = [];
    this.lo = 0;
    this.hi = 0;
    this.from.addEventListener("input", () => this.slide("from"));
    this.to.addEventListener("input", () => this.slide("to"));
    root.querySelector("#range-reset").addEventListener("click", () => this.select(0, this.last()));
    this.chart.addEventListener("mousedown", (ev) => this.dragStart(ev));
    window.addEventListener("mousemove", (ev) => this.dragMove(ev));
    window.addEventListener("mouseup", () => (this.dragging = null));
  }

  last() {
    return Math.max(0, this.bins.length - 1);
  }

  // Bins: days when the dated events span four months or less, months otherwise.
  setEvents(events) {
    const dates = events.map((e) => e.date).filter(Boolean).sort();
    this.bins = [];
    if (dates.length) {
      const first = new Date(dates[0] + "T00:00:00Z");
      const lastDate = new Date(dates[dates.length - 1] + "T00:00:00Z");
      this.daily = (lastDate - first) / DAY <= 120;
      const counts = new Map();
      for (const d of dates) {
        const key = this.daily ? d : monthKey(d);
        counts.set(key, (counts.get(key) || 0) + 1);
      }
      for (let t = new Date(first); t <= lastDate; ) {
        const iso = t.toISOString().slice(0, 10);
        const key = this.daily ? iso : monthKey(iso);
        this.bins.push({ key, count: counts.get(key) || 0 });
        if (this.daily) t = new Date(t.getTime() + DAY);
        else t = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1));
      }
    }
    for (const input of [this.from, this.to]) {
      input.min = 0;
      input.max = this.last();
      input.disabled = this.bins.length < 2;
    }
    this.lo = 0;
    this.hi = this.last();
    this.from.value = this.lo;
    this.to.value = this.hi;
    this.draw();
    this.report();
  }

  // The chosen range as [from, to] ISO dates (inclusive), or null when all is chosen.
  range() {
    if (!this.bins.length || (this.lo === 0 && this.hi === this.last())) return null;
    const start = this.bins[this.lo].key;
    const endKey = this.bins[this.hi].key;
    const end = this.daily ? endKey : `${endKey}-31`;
    return [this.daily ? start : `${start}-01`, end];
  }

  select(lo, hi) {
    this.lo = Math.max(0, Math.min(lo, hi));
    this.hi = Math.min(this.last(), Math.max(lo, hi));
    this.from.value = this.lo;
    this.to.value = this.hi;
    this.draw();
    this.report();
  }

  slide(which) {
    let lo = Number(this.from.value);
    let hi = Number(this.to.value);
    if (lo > hi) {
      if (which === "from") hi = lo;
      else lo = hi;
    }
    this.select(lo, hi);
  }

  binAt(ev) {
    const box = this.chart.getBoundingClientRect();
    const x = Math.min(Math.max(ev.clientX - box.left, 0), box.width - 1);
    return Math.floor((x / box.width) * this.bins.length);
  }

  dragStart(ev) {
    if (!this.bins.length) return;
    ev.preventDefault();
    this.dragging = this.binAt(ev);
    this.select(this.dragging, this.dragging);
  }

  dragMove(ev) {
    if (this.dragging === null || this.dragging === undefined) return;
    this.select(this.dragging, this.binAt(ev));
  }

  report() {
    const range = this.range();
    if (!this.bins.length) this.label.textContent = "no dated events";
    else if (!range) {
      this.label.textContent = `all dates: ${this.bins[0].key} – ${this.bins[this.last()].key}`;
    } else this.label.textContent = `${this.bins[this.lo].key} – ${this.bins[this.hi].key}`;
    this.onChange(range);
  }

  draw() {
    clear(this.chart);
    const width = 1000;
    const height = 60;
    this.chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.chart.setAttribute("preserveAspectRatio", "none");
    const max = Math.max(1, ...this.bins.map((b) => b.count));
    const w = width / Math.max(1, this.bins.length);
    this.bins.forEach((bin, i) => {
      const h = bin.count ? Math.max(2, (bin.count / max) * (height - 4)) : 0;
      const bar = svg("rect", {
        x: i * w + w * 0.08,
        y: height - h,
        width: Math.max(0.5, w * 0.84),
        height: h,
        class: i >= this.lo && i <= this.hi ? "bar in" : "bar",
      });
      const title = svg("title", {});
      title.textContent = `${bin.key}: ${bin.count}`;
      bar.append(title);
      this.chart.append(bar);
    });
  }
}

"""The report's map (events and control over shipped country borders) and timeline chart, as
self-contained SVG drawn here: no tiles, no fonts, nothing fetched."""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from xml.sax.saxutils import escape

import pycountry

from frontlines.report.model import Report, labels
from frontlines.report.topo import countries

BBox = tuple[float, float, float, float]
FONT = "font-family='Helvetica, Arial, sans-serif'"


def _union(boxes: list[BBox]) -> BBox | None:
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _view(report: Report) -> BBox:
    boxes: list[BBox] = [(p.lon, p.lat, p.lon, p.lat) for p in report.points]
    boxes += [(p.lon, p.lat, p.lon, p.lat) for p in report.control_points]
    focus = _focus(report.country)
    if focus is not None:
        box = focus.bbox(largest_only=True)
        if box and box[2] - box[0] < 90:
            boxes.append(box)
    view = _union(boxes) or (-170.0, -58.0, 180.0, 78.0)
    west, south, east, north = view
    span = max(east - west, north - south, 1.5)
    cx, cy = (west + east) / 2, (south + north) / 2
    half_w = max(east - west, 1.5) / 2 + span * 0.08
    half_h = max(north - south, 1.5) / 2 + span * 0.08
    k = math.cos(math.radians(max(-70.0, min(70.0, cy))))
    ratio = half_h / (half_w * k)
    if ratio < 0.55:
        half_h = half_w * k * 0.55
    elif ratio > 0.85:
        half_w = half_h / (k * 0.85)
    return cx - half_w, max(-85.0, cy - half_h), cx + half_w, min(85.0, cy + half_h)


def _focus(country: str | None):
    if not country:
        return None
    found = pycountry.countries.get(alpha_3=country)
    if found is None:
        return None
    return next((c for c in countries() if c.numeric == found.numeric), None)


class Projection:
    def __init__(self, view: BBox, width: int) -> None:
        self.west, self.south, self.east, self.north = view
        self.k = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.k)
        self.width = width
        self.height = round((self.north - self.south) * self.scale)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.k * self.scale, (self.north - lat) * self.scale


def _path(rings, project: Projection, view: BBox) -> str:
    west, south, east, north = view
    margin = max(east - west, north - south) * 0.2
    parts = []
    for ring in rings:
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        if (
            max(lons) < west - margin
            or min(lons) > east + margin
            or max(lats) < south - margin
            or min(lats) > north + margin
        ):
            continue
        points, last = [], None
        for lon, lat in ring:
            x, y = project(lon, lat)
            if last is None or abs(x - last[0]) + abs(y - last[1]) >= 0.8:
                points.append(f"{x:.1f} {y:.1f}")
                last = (x, y)
        if len(points) > 2:
            parts.append("M" + "L".join(points) + "Z")
    return "".join(parts)


def _colour(category: str) -> str:
    colours = labels()["colours"]
    return colours.get(category, colours["other"])


def map_svg(report: Report, width: int = 720) -> str:
    """Events (circles by ACLED type, sized by deaths) and control as of the report's date
    (diamonds in the holder's colour) over the country borders."""
    words = labels()
    view = _view(report)
    project = Projection(view, width)
    height = project.height
    holders = list(dict.fromkeys(p.holder for p in report.control_points))
    palette = words["holder_colours"]
    entries = [("circle", _colour(c), c) for c in dict.fromkeys(p.category for p in report.points)]
    entries += [("diamond", palette[i % 7], h) for i, h in enumerate(holders)]
    note = words["map_legend_control"].format(as_of=report.as_of or "")
    legend, band = _legend([("title", "", note), *entries], 8, height + 18, width - 16)
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height + band + 12}' "
        f"width='{width}' height='{height + band + 12}' role='img' {FONT} font-size='11'>",
        f"<title>{escape(words['map_title'])}</title>",
        f"<rect width='{width}' height='{height + band + 12}' fill='#fff'/>",
        *_layer(report, project, view, holders),
    ]
    detail = _crowded(report, project)
    if detail is not None:
        out += _inset(report, project, detail, holders)
    out.append(
        f"<text x='{width - 4}' y='{height - 4}' text-anchor='end' font-size='9' fill='#555' "
        "stroke='#fff' stroke-width='2' paint-order='stroke'>"
        "borders: world-atlas (Natural Earth)</text>"
    )
    out += legend
    out.append("</svg>")
    return "\n".join(out)


def _legend(
    entries: list[tuple[str, str, str]], left: float, top: float, width: float
) -> tuple[list[str], int]:
    """Legend entries (shape, colour, label) flowing left to right in rows within `width`;
    the SVG elements and the height they take."""
    out: list[str] = []
    x, y = left, top
    for shape, colour, label in entries:
        size = 7 * len(label) + (8 if shape == "title" else 26)
        if x > left and x + size > left + width:
            x, y = left, y + 17
        if shape == "title":
            out.append(f"<text x='{x:.0f}' y='{y:.0f}' font-weight='bold'>{escape(label)}</text>")
        else:
            if shape == "circle":
                out.append(f"<circle cx='{x + 5:.0f}' cy='{y - 4:.0f}' r='5' fill='{colour}'/>")
            elif shape == "square":
                out.append(
                    f"<rect x='{x:.0f}' y='{y - 9:.0f}' width='10' height='10' fill='{colour}'/>"
                )
            elif shape == "triangle":
                out.append(f"<path d='M{x + 5:.0f} {y - 9:.0f}l5 9h-10z' fill='#222'/>")
            else:
                out.append(
                    f"<rect x='{x + 1:.0f}' y='{y - 8:.0f}' width='8' height='8' fill='{colour}' "
                    f"stroke='#222' transform='rotate(45 {x + 5:.0f} {y - 4:.0f})'/>"
                )
            out.append(f"<text x='{x + 15:.0f}' y='{y:.0f}'>{escape(label)}</text>")
        x += size
    return out, int(y - top + 17)


def _crowded(report: Report, project: Projection, radius: float = 40.0) -> BBox | None:
    """The bounding box of the most crowded spot (four markers or more within `radius`
    pixels of one another), to be drawn again larger in an inset."""
    points = [(p.lon, p.lat) for p in report.points + report.control_points]
    pixels = [project(lon, lat) for lon, lat in points]

    def near(i: int) -> list[int]:
        x0, y0 = pixels[i]
        return [j for j, (x, y) in enumerate(pixels) if math.hypot(x - x0, y - y0) <= radius]

    best = max((near(i) for i in range(len(points))), key=len, default=[])
    if len(best) < 4:
        return None
    box = _union([(points[j][0], points[j][1], points[j][0], points[j][1]) for j in best])
    west, south, east, north = box
    pad = max(0.12, 0.25 * max(east - west, north - south))
    return west - pad, south - pad, east + pad, north + pad


def _inset(report: Report, main: Projection, box: BBox, holders: list[str]) -> list[str]:
    width = 300
    west, south, east, north = box
    k = math.cos(math.radians((south + north) / 2))
    half_w, half_h = (east - west) / 2, (north - south) / 2
    if half_h / (half_w * k) > 0.75:
        half_w = half_h / (k * 0.75)
    else:
        half_h = half_w * k * 0.75
    cx, cy = (west + east) / 2, (south + north) / 2
    view = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
    project = Projection(view, width)
    (x0, y0), (x1, y1) = main(view[0], view[3]), main(view[2], view[1])
    # the corner that hides the fewest markers and stays clear of the framed spot
    pixels = [main(p.lon, p.lat) for p in report.points + report.control_points]
    corners = []
    for left in (main.width - width - 8, 8):
        for top in (8, main.height - project.height - 8):
            right, bottom = left + width, top + project.height
            hidden = sum(left <= x <= right and top <= y <= bottom for x, y in pixels)
            overlaps = not (x1 < left or x0 > right or y1 < top or y0 > bottom)
            corners.append((overlaps, hidden, left, top))
    _, _, left, top = min(corners)
    frame = f"x='{x0:.1f}' y='{y0:.1f}' width='{x1 - x0:.1f}' height='{y1 - y0:.1f}'"
    return [
        f"<rect {frame} fill='none' stroke='#222' stroke-dasharray='3 2'/>",
        f"<svg x='{left}' y='{top}' width='{width}' height='{project.height}' "
        f"viewBox='0 0 {width} {project.height}'>",
        *_layer(report, project, view, holders, clip="inset"),
        f"<rect width='{width}' height='{project.height}' fill='none' stroke='#222' "
        "stroke-width='1.5'/></svg>",
    ]


def _layer(
    report: Report, project: Projection, view: BBox, holders: list[str], clip: str = "frame"
) -> list[str]:
    """Borders, control diamonds, event circles and place names in one projection."""
    words = labels()
    width, height = project.width, project.height
    focus = _focus(report.country)
    out = [
        f"<defs><clipPath id='{clip}'><rect width='{width}' height='{height}'/></clipPath></defs>",
        f"<rect width='{width}' height='{height}' fill='#dce9f2'/>",
        f"<g clip-path='url(#{clip})' stroke='#8a8a8a' stroke-width='0.6'>",
    ]
    for country in countries():
        d = _path([ring for polygon in country.polygons for ring in polygon], project, view)
        if d:
            fill = "#f4efdc" if country is focus else "#ececec"
            out.append(f"<path d='{d}' fill='{fill}' fill-rule='evenodd'/>")
    out.append("</g>")
    palette = words["holder_colours"]
    named: dict[str, tuple[float, float]] = {}
    groups: dict[tuple[float, float], list] = defaultdict(list)
    for point in report.points:
        groups[(round(point.lat, 2), round(point.lon, 2))].append(point)
    for items in groups.values():
        # several events at one place: the deadliest in the middle, the others around it
        items = sorted(items, key=lambda p: -p.deaths)
        x0, y0 = project(items[0].lon, items[0].lat)
        middle = 4 + min(10.0, math.sqrt(items[0].deaths))
        ring = 0 if len(items) == 1 else middle + 5 + len(items)
        for index, point in enumerate(items):
            angle = 2 * math.pi * (index - 1) / (len(items) - 1) if index else 0.0
            x = x0 + (ring * math.cos(angle) if index else 0)
            y = y0 + (ring * math.sin(angle) if index else 0)
            radius = 4 + min(10.0, math.sqrt(point.deaths))
            tip = f"{point.label}: {point.category}" + (f", {point.deaths}" if point.deaths else "")
            out.append(
                f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radius:.1f}' "
                f"fill='{_colour(point.category)}' fill-opacity='0.85' stroke='#fff'>"
                f"<title>{escape(tip)}</title></circle>"
            )
        if items[0].label:
            named.setdefault(items[0].label, (x0 + ring, y0))
    for point in report.control_points:
        x, y = project(point.lon, point.lat)
        colour = "#ffffff" if point.contested else palette[holders.index(point.holder) % 7]
        out.append(
            f"<rect x='{x - 6:.1f}' y='{y - 6:.1f}' width='12' height='12' fill='{colour}' "
            f"stroke='#222' stroke-width='1.2' transform='rotate(45 {x:.1f} {y:.1f})'>"
            f"<title>{escape(point.place + ': ' + point.holder)}</title></rect>"
        )
        named.setdefault(point.place, (x, y))
    for name, (x, y) in named.items():
        anchor = "end" if x > width - 120 else "start"
        dx = -12 if anchor == "end" else 12
        out.append(
            f"<text x='{x + dx:.1f}' y='{y - 8:.1f}' text-anchor='{anchor}' stroke='#fff' "
            f"stroke-width='3' paint-order='stroke' fill='#111'>{escape(name)}</text>"
        )
    return out


def _bins(since: dt.date, as_of: dt.date) -> tuple[str, list[dt.date]]:
    days = (as_of - since).days
    if days <= 62:
        return "day", [since + dt.timedelta(days=i) for i in range(days + 1)]
    if days <= 730:
        start = since - dt.timedelta(days=since.weekday())
        return "week", [start + dt.timedelta(weeks=i) for i in range((as_of - start).days // 7 + 1)]
    months, current = [], since.replace(day=1)
    while current <= as_of:
        months.append(current)
        current = (current + dt.timedelta(days=32)).replace(day=1)
    return "month", months


def _bin_of(date: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return date - dt.timedelta(days=date.weekday())
    if unit == "month":
        return date.replace(day=1)
    return date


def timeline_svg(report: Report, width: int = 720, height: int = 220) -> str:
    """Events per day (week, month) stacked by ACLED type; deaths above the bars; control
    changes marked under the axis."""
    words = labels()
    if not report.since or not report.as_of:
        return ""
    since, as_of = dt.date.fromisoformat(report.since), dt.date.fromisoformat(report.as_of)
    if as_of < since:
        return ""
    unit, bins = _bins(since, as_of)
    counts: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    deaths: dict[dt.date, int] = defaultdict(int)
    for date, category, dead in report.timeline:
        key = _bin_of(dt.date.fromisoformat(date), unit)
        counts[key][category] += 1
        deaths[key] += dead
    categories = list(dict.fromkeys(c for _, c, _ in report.timeline))
    left, right, top, bottom = 36, 12, 28, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max((sum(v.values()) for v in counts.values()), default=1) or 1
    step = plot_w / len(bins)
    bar = min(step * 0.8, 60)
    title = words["timeline_title"].format(unit=words["timeline_units"][unit])
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' "
        f"width='{width}' height='{height}' role='img' {FONT} font-size='11'>",
        f"<title>{escape(title)}</title>",
        "<rect width='100%' height='100%' fill='#fff'/>",
        f"<text x='{left}' y='16' font-weight='bold'>{escape(title)}</text>",
        f"<line x1='{left}' y1='{top + plot_h}' x2='{width - right}' y2='{top + plot_h}' "
        "stroke='#333'/>",
    ]
    for value in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * value / peak
        out.append(f"<text x='{left - 6}' y='{y + 4:.1f}' text-anchor='end'>{value}</text>")
        out.append(
            f"<line x1='{left}' y1='{y:.1f}' x2='{width - right}' y2='{y:.1f}' stroke='#ddd'/>"
        )
    every = max(1, math.ceil(len(bins) / 10))
    for index, start in enumerate(bins):
        x = left + step * index + (step - bar) / 2
        y = top + plot_h
        for category in categories:
            n = counts[start].get(category, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            out.append(
                f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar:.1f}' height='{h:.1f}' "
                f"fill='{_colour(category)}'><title>{escape(f'{start}: {category} {n}')}"
                "</title></rect>"
            )
        if deaths.get(start) and step >= 22:
            out.append(
                f"<text x='{x + bar / 2:.1f}' y='{y - 4:.1f}' text-anchor='middle' "
                f"fill='#900'>†{deaths[start]}</text>"
            )
        if index % every == 0:
            month = words["months"][start.month - 1][:3]
            label = f"{start.day} {month}" if unit != "month" else f"{month} {start.year}"
            out.append(
                f"<text x='{left + step * index + step / 2:.1f}' y='{top + plot_h + 14}' "
                f"text-anchor='middle'>{escape(label)}</text>"
            )
    marked = {_bin_of(dt.date.fromisoformat(d), unit) for d in report.control_dates}
    for index, start in enumerate(bins):
        if start in marked:
            x = left + step * index + step / 2
            y = top + plot_h + 20
            out.append(f"<path d='M{x:.1f} {y}l5 9h-10z' fill='#222'/>")
    entries = [("square", _colour(c), c) for c in categories]
    entries.append(("triangle", "", words["timeline_control"]))
    legend, band = _legend(entries, left, height - 6, width - left - right)
    out += legend
    out.append("</svg>")
    total = height + band - 17
    out[0] = out[0].replace(f"0 0 {width} {height}'", f"0 0 {width} {total}'", 1)
    out[0] = out[0].replace(f"height='{height}'", f"height='{total}'", 1)
    return "\n".join(out)

"""Rendering a gathered report as Markdown or HTML through the package's Jinja templates.

HTML escapes every piece of text (autoescape), the SVG charts are built here with their own
escaping and embedded inline; Markdown escapes the characters Markdown would act on and links
its charts as SVG files written beside it (or as data URIs when it goes to standard output).
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from frontlines.report.model import Report
from frontlines.report.svg import map_svg, timeline_svg

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def markdown_escape(value: object) -> str:
    """Text as Markdown shows it literally: no emphasis, links, raw HTML or table breaks."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("frontlines.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["md"] = markdown_escape
    return env


def _data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def render_html(report: Report) -> str:
    template = _environment().get_template("report.html.j2")
    return template.render(
        r=report,
        map_svg=Markup(map_svg(report)),
        timeline_svg=Markup(timeline_svg(report)),
    )


def render_markdown(report: Report, out: Path | None = None) -> tuple[str, dict[Path, str]]:
    """The Markdown text, and the chart files to write beside `out` (none without `out`:
    the charts are then embedded as data URIs)."""
    charts = {"map": map_svg(report), "timeline": timeline_svg(report)}
    files: dict[Path, str] = {}
    sources: dict[str, str] = {}
    for name, svg in charts.items():
        if out is None:
            sources[name] = _data_uri(svg)
        else:
            path = out.with_name(f"{out.stem}-{name}.svg")
            files[path] = svg
            sources[name] = path.name
    template = _environment().get_template("report.md.j2")
    text = template.render(r=report, map_src=sources["map"], timeline_src=sources["timeline"])
    return re.sub(r"\n{3,}", "\n\n", text), files


def write_report(report: Report, fmt: str, out: str | None) -> str | None:
    """Write the report to `out` (and its chart files beside it); without `out`, return it."""
    path = Path(out) if out else None
    if fmt == "html":
        text, files = render_html(report), {}
    else:
        text, files = render_markdown(report, path)
    if path is None:
        return text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    for chart, svg in files.items():
        chart.write_text(svg, encoding="utf-8")
    return None

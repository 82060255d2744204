"""`frontlines report`: a situation report written from the store alone (headline figures,
key developments, control, parties and backers, quotes, a map and a timeline), every
statement footnoted to the evidence spans of its source documents."""

from frontlines.report.gatherer import gather
from frontlines.report.model import Footnote, Report, format_date
from frontlines.report.render import render_html, render_markdown, write_report

__all__ = [
    "Footnote",
    "Report",
    "format_date",
    "gather",
    "render_html",
    "render_markdown",
    "write_report",
]

"""The web UI and JSON API (`frontlines serve`), and its latency benchmark (`bench-api`)."""

from __future__ import annotations

from frontlines.web.app import create_app
from frontlines.web.bench import run_api_bench
from frontlines.web.db import StoreMissing
from frontlines.web.server import allowed_hosts, is_loopback, serve, start_in_thread

__all__ = [
    "StoreMissing",
    "allowed_hosts",
    "create_app",
    "is_loopback",
    "run_api_bench",
    "serve",
    "start_in_thread",
]

"""The web UI and JSON API (`frontlines serve`)."""

from __future__ import annotations

from frontlines.web.app import create_app
from frontlines.web.server import serve, start_in_thread

__all__ = ["create_app", "serve", "start_in_thread"]

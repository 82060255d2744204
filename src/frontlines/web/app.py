"""`frontlines serve`: the JSON API and the page (map, timeline, table, sources).

Safe by default: the store is opened read-only, every value is a bound SQL parameter, ids
are checked against a narrow pattern before any query, the page renders report text with
`textContent` only, and a Content-Security-Policy forbids inline and foreign scripts.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

import frontlines.web.actors as actor_queries
import frontlines.web.queries as queries
import frontlines.web.schemas as s
from frontlines.web.control import state_picture
from frontlines.web.db import Store, open_read_only

STATIC = Path(__file__).resolve().parent / "static"
MAX_OFFSET = 1_000_000_000  # past any store; SQLite takes no integer above 2**63 - 1
VENDOR = STATIC / "vendor"
VENDOR_FILES = ("leaflet.js", "leaflet.css", "topojson-client.min.js", "countries-50m.json")
DOCUMENT_ID = r"^[0-9a-f]{8,64}$"
ITEM_ID = r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
COUNTRY = r"^[A-Za-z]{3}$"
log = logging.getLogger("frontlines.web")


def missing_vendor_files() -> list[str]:
    """Front-end files that `make setup` copies from npm packages and that are not there."""
    return [name for name in VENDOR_FILES if not (VENDOR / name).is_file()]


def doc(model: object) -> dict:
    """Decorator arguments that document the answer's shape in OpenAPI. The endpoints stay
    annotated `-> dict`, so answers are serialised by pydantic-core as plain dicts, with no
    per-row model validation (fast for the page's 10,000 rows)."""
    return {"responses": {200: {"model": model}}}


def _parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox must be four numbers: west,south,east,north") from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise HTTPException(422, "bbox out of range: west,south,east,north in degrees")
    return west, south, east, north


def _content_security_policy(tiles: str | None, docs: bool) -> str:
    images = "'self' data:"
    if tiles:
        parts = urlsplit(tiles.replace("{s}", "*"))
        images += f" {parts.scheme}://{parts.netloc}"
    scripts = "'self' 'unsafe-inline'" if docs else "'self'"
    return (
        f"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; "
        f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'"
    )


def create_app(
    db: str,
    tiles: str | None = None,
    attribution: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The web application over the store at `db` (opened read-only).

    `allowed_hosts` limits the Host header the server answers (`frontlines serve` on a
    loopback address allows only loopback names, so a web page elsewhere cannot reach the API
    by rebinding its own domain name to 127.0.0.1).
    """
    store: Store = open_read_only(db)
    app = FastAPI(
        title="frontlines",
        summary="A sourced conflict picture: events, actors, control, documents.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    if missing := missing_vendor_files():
        log.warning("front-end files missing (run `make setup`): %s", ", ".join(missing))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        values = [request.url.path, *(v for _, v in request.query_params.multi_items())]
        if any("\x00" in value for value in values):
            # no text column takes a NUL (PostgreSQL refuses it outright): nothing can match
            response = JSONResponse({"detail": "a NUL character in the request"}, 422)
        else:
            response = await call_next(request)
        docs = request.url.path == "/docs"
        response.headers["Content-Security-Policy"] = _content_security_policy(tiles, docs)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="frontlines API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/api/config", tags=["page"], **doc(s.Config))
    def config() -> dict:
        """What the page needs to know: the optional tile layer and missing front-end files."""
        return {
            "tiles": tiles,
            "attribution": attribution,
            "missing_vendor_files": missing_vendor_files(),
            "clustered": store.clustered,
        }

    @app.get("/api/events", tags=["events"], **doc(s.EventPage))
    def list_events(
        start: Annotated[str | None, Query(pattern=DATE, description="from YYYY-MM-DD")] = None,
        end: Annotated[str | None, Query(pattern=DATE, description="to YYYY-MM-DD")] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY, description="ISO3")] = None,
        actor: Annotated[str | None, Query(pattern=ITEM_ID, description="actor id")] = None,
        location: Annotated[str | None, Query(max_length=200, description="place name")] = None,
        type: Annotated[list[str] | None, Query(max_length=100, description="ACLED type")] = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
        q: Annotated[str | None, Query(max_length=200, description="words in the report")] = None,
        limit: Annotated[int, Query(ge=1, le=queries.MAX_LIMIT)] = 100,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict:
        """Events, one per real-world event, newest first, with the total matching."""
        filters = queries.EventFilter(
            start=start,
            end=end,
            country=country,
            actor=actor,
            location=location,
            types=type or [],
            bbox=_parse_bbox(bbox),
            q=q,
            limit=limit,
            offset=offset,
        )
        return queries.search_events(store, filters)

    @app.get("/api/events/{event_id}", tags=["events"], **doc(s.EventDetail))
    def get_event(event_id: Annotated[str, PathParam(pattern=ITEM_ID)]) -> dict:
        """One event: its record, evidence sentences, document and all its sources."""
        found = queries.event_detail(store, event_id)
        if found is None:
            raise HTTPException(404, "no such event")
        return found

    @app.get("/api/event-types", tags=["events"], **doc(list[s.EventType]))
    def event_types() -> list[dict]:
        """The ACLED event types in the store, with counts."""
        return queries.event_types(store)

    @app.get("/api/actors", tags=["actors"], **doc(s.ActorPage))
    def list_actors(
        q: Annotated[str | None, Query(max_length=200, description="name or alias")] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict:
        """Actors with their event counts, the most active first."""
        return actor_queries.list_actors(store, q, country, limit, offset)

    @app.get("/api/actors/{actor_id}", tags=["actors"], **doc(s.ActorDetail))
    def get_actor(actor_id: Annotated[str, PathParam(pattern=ITEM_ID)]) -> dict:
        """One actor: aliases, backers (supports / allied_with relations), events."""
        found = actor_queries.actor_detail(store, actor_id)
        if found is None:
            raise HTTPException(404, "no such actor")
        return found

    @app.get("/api/state", tags=["control"], **doc(s.StatePicture))
    def state(
        as_of: Annotated[str, Query(pattern=DATE, description="YYYY-MM-DD")],
        country: Annotated[str | None, Query(pattern=COUNTRY)] = None,
    ) -> dict:
        """Who holds which place as of a date, with the claims behind it, and who backs whom."""
        return state_picture(store, as_of, country.upper() if country else None)

    @app.get("/api/documents/{document_id}", tags=["documents"], **doc(s.DocumentDetail))
    def get_document(document_id: Annotated[str, PathParam(pattern=DOCUMENT_ID)]) -> dict:
        """A document's text with the spans of every fact extracted from it."""
        found = queries.document_detail(store, document_id)
        if found is None:
            raise HTTPException(404, "no such document")
        return found

    return app

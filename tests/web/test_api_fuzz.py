"""The JSON API fuzzed against its own OpenAPI document (schemathesis): whatever the request,
no server error. Malformed ids, huge parameters, path traversal and SQL in every field are
answered with a 4xx (or a 200 that finds nothing), never a 5xx."""

from __future__ import annotations

import warnings
from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from webstore import store_path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from frontlines.web import create_app


@pytest.fixture(scope="module")
def app(backend: str):
    return create_app(store_path(backend))


def test_no_request_gives_a_server_error(app):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def no_server_error(case) -> None:
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])

        no_server_error()


HOSTILE = [
    "../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "' OR 1=1 --",
    "'; DROP TABLE events; --",
    '" UNION SELECT * FROM documents --',
    "\x00",
    "%00",
    "😀" * 50,
    "a" * 3_000,  # over every length limit, under the client's own URL limit
    "-1",
    "1e309",
    "NaN",
    "[]",
    "{}",
]


@pytest.fixture(scope="module")
def client(app) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_query_field_and_path_give_no_server_error(client, value):
    document = client.get("/openapi.json").json()
    for path, operations in document["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        params = {p["name"]: value for p in operation.get("parameters", []) if p["in"] == "query"}
        url = path
        for p in operation.get("parameters", []):
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", quote(value[:2000], safe=""))
        response = client.get(url, params=params)
        assert response.status_code < 500, (path, value[:40], response.status_code)

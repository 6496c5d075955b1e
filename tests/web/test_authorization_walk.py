"""The authorization walk: every route of the URL configuration, as every kind of person.

Generated from the URL configuration, so a route added later is walked without
anyone writing a test for it, and fails `test_every_route_has_an_expectation`
until someone says who may use it. Parameters are filled with the ids of a
restricted incident and of one of everything it holds (tests/web/authz_world.py).

For each route and each person, the walk asks (GET, with `?q=` a searched word,
then POST, and PUT/PATCH on the API, for those who may not change it):

- Nothing of the restricted incident reaches anyone it does not exist for: no
  secret word in any answer, however asked; and no debrief reaches anyone but
  its author.
- Nobody learns it exists: to them, each answer is the one the same route
  gives for an id that exists nowhere.
- The status is the one its expectation allows for that person: sign-in first,
  404 to those the incident does not exist for, 403 to those who may see but
  not change it, admins only on admin pages, and the people entitled do get in.
- No answer is a server error.
"""

from __future__ import annotations

import json
import re

import pytest

from .authz_world import DEBRIEF_SECRET, ROLES, SEARCH, SECRETS, SEES, WRITES, World, build
from .routes import path_for, routes

# -- What each route is, for access -------------------------------------------------------------

PUBLIC = "public"  # no sign-in: the sign-in page, health, API docs, hooks with their own secret
SIGNED_IN = "signed-in"  # anyone signed in; lists and searches leave the restricted incident out
EDITORS = "editors"  # editors and admins; viewers get 403
ADMINS = "admins"  # admins only; everyone else 403, whatever the id
INCIDENT = "incident"  # reading the restricted incident: 404 to those it does not exist for
INCIDENT_WRITE = "incident-write"  # changing it: 404 to those, 403 to a responder who is a viewer
RESPONDERS = "responders"  # a responder's own page on it (the debrief): 403 to admins, who are not
OWN = "own"  # one person's object on it (their debrief, their chat upload): 404 to all others
API = "api"  # API lists: 401 without a session or token
API_INCIDENT = "api-incident"  # API on the restricted incident: 401, 404 to outsiders, 403 writes

EXPECTATIONS = {
    "": PUBLIC,  # a redirect to the incident list
    "healthz": PUBLIC,
    "favicon.ico": PUBLIC,
    "invite/<str:token>/": PUBLIC,  # a one-time link; a wrong token is a 404 for everyone
    "login/": PUBLIC,
    "logout/": PUBLIC,
    "api/": PUBLIC,
    "api/docs": PUBLIC,
    "api/openapi.json": PUBLIC,
    "hooks/alerts/<int:source_id>/": PUBLIC,
    "hooks/slack/commands": PUBLIC,
    "hooks/slack/events": PUBLIC,
    "hooks/slack/interactions": PUBLIC,
    "hooks/trackers/<int:pk>/": PUBLIC,
    "account/": SIGNED_IN,
    "account/api-token/": SIGNED_IN,
    "account/api-token/revoke/": SIGNED_IN,
    "actions/": SIGNED_IN,
    "actions/export.csv": SIGNED_IN,
    "incidents/": SIGNED_IN,
    "incidents/export.csv": SIGNED_IN,
    "insights/": SIGNED_IN,
    "insights/incidents/": SIGNED_IN,
    "insights/<slug:slug>/": SIGNED_IN,
    "insights/<slug:slug>/<slug:block>.csv": SIGNED_IN,
    "mentions/": SIGNED_IN,
    "search/": SIGNED_IN,
    "services/": SIGNED_IN,
    "settings/": SIGNED_IN,
    "slack/link/": SIGNED_IN,
    "incidents/triage/": SIGNED_IN,
    "incidents/new/": EDITORS,
    "incidents/triage/<int:pk>/declare/": EDITORS,
    "incidents/triage/<int:pk>/dismiss/": EDITORS,
    "incidents/import/": EDITORS,
    "audit/": ADMINS,
    "people/": ADMINS,
    "people/<int:pk>/role/": ADMINS,
    "people/invite/": ADMINS,
    "incidents/<int:pk>/delete/": ADMINS,
    "incidents/<int:pk>/merge/": ADMINS,
    "settings/alert-sources/": ADMINS,
    "settings/alert-sources/<int:pk>/delete/": ADMINS,
    "settings/alert-sources/<int:pk>/rotate/": ADMINS,
    "settings/factor-categories/": ADMINS,
    "settings/factor-categories/<int:pk>/delete/": ADMINS,
    "settings/review-templates/": ADMINS,
    "settings/review-templates/<int:template_pk>/": ADMINS,
    "settings/review-templates/<int:template_pk>/default/": ADMINS,
    "settings/roster/": ADMINS,
    "settings/roster/<int:pk>/delete/": ADMINS,
    "settings/severities/": ADMINS,
    "settings/slack/": ADMINS,
    "settings/slack/channels/<int:pk>/nudges/": ADMINS,
    "settings/trackers/": ADMINS,
    "settings/trackers/<int:pk>/delete/": ADMINS,
    "settings/trash/": ADMINS,
    "settings/webhooks/": ADMINS,
    "settings/webhooks/<int:pk>/": ADMINS,
    "settings/webhooks/<int:pk>/delete/": ADMINS,
    "settings/webhooks/<int:pk>/toggle/": ADMINS,
    "settings/webhooks/deliveries/<int:pk>/redeliver/": ADMINS,
    "settings/trash/<str:kind>/<int:pk>/purge/": ADMINS,
    "settings/trash/<str:kind>/<int:pk>/restore/": ADMINS,
    "incidents/<int:pk>/": INCIDENT,
    "incidents/<int:pk>/actions/": INCIDENT,
    "incidents/<int:pk>/actions/check/": INCIDENT,
    "incidents/<int:pk>/events/<int:event_pk>/history/": INCIDENT,
    "incidents/<int:pk>/review.html": INCIDENT,
    "incidents/<int:pk>/review.md": INCIDENT,
    "incidents/<int:pk>/review/": INCIDENT,
    "incidents/<int:pk>/related/": INCIDENT,
    "incidents/<int:pk>/review/analyze/": INCIDENT,
    "incidents/<int:pk>/review/readiness/": INCIDENT,
    "incidents/<int:pk>/review/sections/<slug:key>/history/": INCIDENT,
    "incidents/<int:pk>/review/summary/": INCIDENT,
    "incidents/<int:pk>/actions/<int:item_pk>/delete/": INCIDENT_WRITE,
    "incidents/<int:pk>/actions/<int:item_pk>/edit/": INCIDENT_WRITE,
    "incidents/<int:pk>/actions/<int:item_pk>/status/": INCIDENT_WRITE,
    "incidents/<int:pk>/actions/new/": INCIDENT_WRITE,
    "incidents/<int:pk>/action-items/<int:item_pk>/send-to-tracker/": INCIDENT_WRITE,
    "incidents/<int:pk>/edit/": INCIDENT_WRITE,
    "incidents/<int:pk>/events/": INCIDENT_WRITE,
    "incidents/<int:pk>/events/<int:event_pk>/delete/": INCIDENT_WRITE,
    "incidents/<int:pk>/events/<int:event_pk>/edit/": INCIDENT_WRITE,
    "incidents/<int:pk>/events/<int:event_pk>/highlight/": INCIDENT_WRITE,
    "incidents/<int:pk>/factors/<int:factor_pk>/delete/": INCIDENT_WRITE,
    "incidents/<int:pk>/factors/<int:factor_pk>/edit/": INCIDENT_WRITE,
    "incidents/<int:pk>/factors/new/": INCIDENT_WRITE,
    "incidents/<int:pk>/import-chat/": INCIDENT_WRITE,
    "incidents/<int:pk>/responders/": INCIDENT_WRITE,
    "incidents/<int:pk>/responders/<int:responder_pk>/remove/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/acknowledge/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/approve/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/facts/keep/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/facts/refresh/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/sections/<slug:key>/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/sections/<slug:key>/acknowledge/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/sections/<slug:key>/comments/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/start/": INCIDENT_WRITE,
    "incidents/<int:pk>/review/state/": INCIDENT_WRITE,
    "incidents/<int:pk>/status/": INCIDENT_WRITE,
    "incidents/<int:pk>/debrief/": RESPONDERS,
    "incidents/<int:pk>/debrief/analyze/": RESPONDERS,
    "incidents/<int:pk>/debrief/<int:debrief_pk>/delete/": OWN,
    "incidents/<int:pk>/debrief/<int:debrief_pk>/share/": OWN,
    "incidents/<int:pk>/import-chat/<int:upload_pk>/": OWN,
    "incidents/<int:pk>/import-chat/<int:upload_pk>/discard/": OWN,
    "api/action-items": API,
    "api/factor-categories": API,
    "api/incidents": API,
    "api/action-items/<item_id>": API_INCIDENT,
    "api/incidents/<incident_id>": API_INCIDENT,
    "api/incidents/<incident_id>/action-items": API_INCIDENT,
    "api/incidents/<incident_id>/events": API_INCIDENT,
    "api/incidents/<incident_id>/status": API_INCIDENT,
    "api/incidents/<incident_id>/factors": API_INCIDENT,
    "api/incidents/<incident_id>/review": API_INCIDENT,
    "api/incidents/<incident_id>/review/sections/<key>": API_INCIDENT,
}

ROUTES = sorted(set(routes()))

# -- Who may get what -------------------------------------------------------------------------

TO_LOGIN = "login"  # a redirect to the sign-in page
ANYTHING = "anything"  # any answer but a server error (the secrets are checked anyway)
# Those who are nobody to HTML pages: no session, a deactivated account's, an API token's.
NOBODY = {"anonymous", "deactivated", "outsider_token"}
# Statuses each kind allows, per role, for a GET; POST-only routes answer GET with 405.
_HIDDEN = {404}
ALLOWED: dict[str, dict[str, set]] = {
    SIGNED_IN: {"*": {200, 302}},
    EDITORS: {"viewer": {403}, "responder_viewer": {403}, "*": {200}},
    # An admin asking for an object that is not there (the ids are the incident's) gets 404.
    ADMINS: {"admin": {200, 302, 404}, "*": {403}},
    INCIDENT: {"viewer": _HIDDEN, "outsider": _HIDDEN, "*": {200}},
    INCIDENT_WRITE: {"viewer": _HIDDEN, "outsider": _HIDDEN, "responder_viewer": {403}, "*": {200}},
    RESPONDERS: {"viewer": _HIDDEN, "outsider": _HIDDEN, "admin": {403}, "*": {200}},
    # The responder made the upload and wrote the debrief; their preview of a chat
    # file that reads as nothing sends them back to the upload form (302).
    OWN: {"responder": {200, 302}, "responder_viewer": {403, 404}, "*": _HIDDEN},
    API: {"*": {200}},
    API_INCIDENT: {"outsider": _HIDDEN, "viewer": _HIDDEN, "*": {200}},
}
# Writes by a responder who is a viewer, on what they may read: refused.
WRITE_REFUSED = {API_INCIDENT: {403}}


def _role_for(kind: str, role: str) -> str:
    """The role as this kind of route sees it: a token is the outsider on the API only."""
    if role == "outsider_token":
        return "outsider" if kind in (API, API_INCIDENT) else "anonymous"
    return "anonymous" if role == "deactivated" else role


def allowed(kind: str, role: str, method: str = "get") -> set | str:
    """The statuses `role` may get from a route of this kind; method is "get" or "write"."""
    role = _role_for(kind, role)
    if kind == PUBLIC:
        return ANYTHING
    if role == "anonymous":
        return {401, 405} if kind in (API, API_INCIDENT) else {TO_LOGIN, 405}
    rules = ALLOWED[kind]
    statuses = set(rules.get(role, rules["*"]))
    if method == "get" or statuses <= {403, 404}:
        # Whoever may not read it may not write it either, and hears the same.
        return statuses | {405}
    if role in SEES - WRITES and kind in WRITE_REFUSED:
        return WRITE_REFUSED[kind] | {405}
    # Allowed to write, or a write that stores nothing (the analysis endpoints).
    return ANYTHING


# -- The world and the walk -------------------------------------------------------------------


@pytest.fixture
def world(admin, editor, viewer, outsider, restricted, sev2) -> World:
    cast_users = {"admin": admin, "responder": editor, "viewer": viewer, "outsider": outsider}
    return build(cast_users, restricted, sev2)


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _status(response) -> int | str:
    if response.status_code == 302 and response["Location"].startswith("/login/"):
        return TO_LOGIN
    return response.status_code


def _secrets_for(role: str) -> list[str]:
    secrets = [] if role in SEES else [*SECRETS.values()]
    if role != "responder":
        secrets.append(DEBRIEF_SECRET)
    return secrets


def _missing(values: dict) -> dict:
    """The same parameters with every id one that exists nowhere."""
    return {name: 987654 if isinstance(value, int) else value for name, value in values.items()}


def _variants(world: World, route: str) -> list[dict]:
    """Parameter sets for the route: one, or one per insights report and table."""
    if "<slug:slug>" not in route:
        return [world.values]
    from unblame.insights.views import REPORTS

    if "<slug:block>" not in route:
        return [{**world.values, "slug": slug} for slug in REPORTS]
    admin = world.client("admin")
    pairs = set()
    for slug in REPORTS:
        page = admin.get(f"/insights/{slug}/").content.decode()
        pairs |= set(re.findall(rf"/insights/({re.escape(slug)})/([\w-]+)\.csv", page))
    assert pairs, "the reports link no CSV tables to walk"
    return [{**world.values, "slug": slug, "block": block} for slug, block in sorted(pairs)]


def _requests(route: str, role: str, kind: str):
    """(method, extra) pairs to try: reading always, writing for those who may not."""
    yield "get", {}
    yield "get", {"q": SEARCH}
    if role in WRITES:
        # Allowed to change it; the walk must not delete what the next route needs.
        return
    yield "post", {}
    if route.startswith("api/"):
        yield "put", {}
        yield "patch", {}


def _ask(client, method: str, url: str, data: dict, route: str = ""):
    if route.startswith("api/") and method != "get":
        # A body the API's own schema accepts, so the answer comes from the access check.
        body = json.dumps(api_body(route, method))
        return getattr(client, method)(url, body, content_type="application/json")
    return getattr(client, method)(url, data)


def api_body(route: str, method: str) -> dict:
    """A valid JSON body for the route's operation, made from the OpenAPI description."""
    from unblame.server.urls import api

    schema = api.get_openapi_schema()
    path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
    operation = schema["paths"].get(path, {}).get(method, {})
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    return _example(content["schema"], schema) if content else {}


def _example(node: dict, schema: dict):
    """The plainest value the JSON schema node accepts: the searched word for text."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        return _example(schema["components"]["schemas"][name], schema)
    for combined in ("allOf", "anyOf", "oneOf"):
        if combined in node:
            options = [n for n in node[combined] if n.get("type") != "null"]
            return _example(options[0], schema)
    if "default" in node:
        return node["default"]
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "object":
        properties = node.get("properties", {})
        return {name: _example(sub, schema) for name, sub in properties.items()}
    if kind == "string" and node.get("format") == "date-time":
        return "2026-03-04T12:00:00Z"
    if kind == "string" and node.get("format") == "date":
        return "2026-03-04"
    return {"integer": 1, "number": 1, "boolean": False, "array": []}.get(kind, SEARCH)


def _walk(world: World, route: str) -> list[str]:
    kind = EXPECTATIONS.get(route, PUBLIC)
    problems = []
    for values in _variants(world, route):
        url, nowhere = path_for(route, values), path_for(route, _missing(values))
        for role in ROLES:
            client = world.client(role)
            for method, data in _requests(route, role, kind):
                response = _ask(client, method, url, data, route)
                problems += _check(world, kind, role, method, url, response, data)
                if role not in SEES and url != nowhere and response.status_code < 500:
                    other = _status(_ask(client, method, nowhere, data, route))
                    if other != _status(response):
                        problems.append(
                            f"{role} {method.upper()} {url}: {_status(response)}, but {other} "
                            f"for an id that does not exist: the difference gives it away"
                        )
    return problems


def _check(world, kind, role, method, url, response, data) -> list[str]:
    where = f"{role} {method.upper()} {url}{'?q=' + SEARCH if data else ''}"
    status = _status(response)
    if response.status_code >= 500:
        return [f"{where}: server error {response.status_code}"]
    problems = []
    body = _body(response)
    for secret in _secrets_for(role):
        if secret.encode() in body:
            problems.append(f"{where}: the answer holds {secret!r}")
    expected = allowed(kind, role, "get" if method == "get" else "write")
    if _refused_by_schema(response):
        # The body did not fit the schema, so nothing was looked up: an answer that
        # says nothing about the incident (and the same for one that does not exist).
        return problems
    if expected != ANYTHING and status not in expected:
        problems.append(f"{where}: {status}, expected one of {sorted(map(str, expected))}")
    return problems


def _refused_by_schema(response) -> bool:
    """A 422 from the API's body validation, before the view ran."""
    if response.status_code != 422 or not response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return False
    detail = json.loads(response.content).get("detail")
    return isinstance(detail, list) and all(d.get("loc", [""])[0] == "body" for d in detail)


# -- The tests --------------------------------------------------------------------------------


def test_every_route_has_an_expectation():
    missing = [route for route in ROUTES if route not in EXPECTATIONS]
    assert missing == [], (
        "Routes nobody has said who may use; add each to EXPECTATIONS in this file: "
        + ", ".join(missing)
    )


def test_no_expectation_is_left_over_from_a_removed_route():
    # An entry for a route that no longer exists would hide a renamed route's absence.
    assert sorted(set(EXPECTATIONS) - set(ROUTES)) == []


def test_the_walk_covers_pages_api_exports_and_settings():
    kinds = {EXPECTATIONS.get(route) for route in ROUTES}
    assert {INCIDENT, INCIDENT_WRITE, ADMINS, API, API_INCIDENT, SIGNED_IN} <= kinds
    assert len(ROUTES) >= 80
    assert any(route.endswith(".csv") for route in ROUTES)


@pytest.mark.parametrize("route", ROUTES)
def test_route(world, route):
    assert _walk(world, route) == []


# -- The walk can fail: its checks see what they are looking for --------------------------------


def test_the_responder_gets_the_secrets_the_walk_looks_for(world):
    client = world.client("responder")
    page = _body(client.get(f"/incidents/{world.restricted.pk}/")).decode()
    assert SECRETS["event"] in page
    debrief = _body(client.get(f"/incidents/{world.restricted.pk}/debrief/")).decode()
    assert DEBRIEF_SECRET in debrief
    review = _body(client.get(f"/incidents/{world.restricted.pk}/review.md")).decode()
    assert SECRETS["section"] in review


def test_a_leak_is_reported(world):
    response = world.client("admin").get(f"/incidents/{world.restricted.pk}/")
    problems = _check(world, INCIDENT, "viewer", "get", "/x/", response, {})
    assert any("walrusfield" in problem for problem in problems)


def test_a_wrong_status_is_reported(world):
    response = world.client("viewer").get("/audit/")
    assert _check(world, ADMINS, "admin", "get", "/audit/", response, {}) == [
        "admin GET /audit/: 403, expected one of ['200', '302', '404', '405']"
    ]


def test_an_unlisted_route_is_walked_as_public_and_still_checked(world):
    # Until it has an entry: no leak and no server error hold for it already.
    assert EXPECTATIONS.get("no/such/route/", PUBLIC) == PUBLIC
    response = world.client("responder").get(f"/incidents/{world.restricted.pk}/")
    assert _check(world, PUBLIC, "outsider", "get", "/x/", response, {}) != []


@pytest.mark.parametrize(
    "kind,role,expected",
    [
        (INCIDENT, "anonymous", {TO_LOGIN, 405}),
        (INCIDENT, "deactivated", {TO_LOGIN, 405}),
        (API_INCIDENT, "outsider_token", {404, 405}),
        (INCIDENT, "outsider_token", {TO_LOGIN, 405}),
        (INCIDENT, "outsider", {404, 405}),
        (INCIDENT_WRITE, "responder_viewer", {403, 405}),
        (ADMINS, "responder", {403, 405}),
        (RESPONDERS, "admin", {403, 405}),
    ],
)
def test_the_expectations_read_as_the_policy(kind, role, expected):
    assert allowed(kind, role) == expected


def test_a_responder_who_is_a_viewer_may_not_write():
    assert allowed(INCIDENT_WRITE, "responder_viewer", "write") == {403, 405}
    assert allowed(API_INCIDENT, "responder_viewer", "write") == {403, 405}
    assert allowed(INCIDENT_WRITE, "outsider", "write") == {404, 405}
    assert allowed(EDITORS, "viewer", "write") == {403, 405}


def test_api_writes_are_sent_a_body_their_schema_accepts():
    body = api_body("api/incidents/<incident_id>/review/sections/<key>", "put")
    assert body["body"] == SEARCH and body["version"] == 1
    assert api_body("api/incidents", "get") == {}


def test_a_body_the_schema_refuses_is_not_held_against_the_route(world):
    client = world.client("outsider_token")
    response = client.post(
        f"/api/incidents/{world.restricted.pk}/action-items",
        json.dumps({"title": []}),
        content_type="application/json",
    )
    assert response.status_code == 422 and _refused_by_schema(response)
    assert not _refused_by_schema(client.get(f"/api/incidents/{world.restricted.pk}"))

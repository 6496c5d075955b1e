"""The OpenAPI description offers, for every choice the API reads or writes, its model's choices.

django-ninja merges each schema's enums into one table by class name, so
two `Status` classes (an incident's, an action item's) became one component
and /api/docs offered the wrong values. These tests read the published
document the way a client does, and watch every definition ninja merges.
"""

import enum
import json
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from django.db import models
from ninja import NinjaAPI, Schema
from ninja.openapi.schema import OpenAPISchema

from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, Status, TimelineEvent
from unblame.server.api_enums import Named, named_choices

INCIDENT_STATUS = Incident._meta.get_field("status")
EVENT_KIND = TimelineEvent._meta.get_field("kind")
ITEM_STATUS = ActionItem._meta.get_field("status")
ITEM_KIND = ActionItem._meta.get_field("kind")
ITEM_PRIORITY = ActionItem._meta.get_field("priority")

# (method, path, where, field name) -> the model field whose choices it must offer.
# Every enum in the document must be listed here, so a new one gets checked too.
EXPECTED = {
    ("get", "/api/incidents", "query", "status"): INCIDENT_STATUS,
    ("post", "/api/incidents/{incident_id}/status", "body", "status"): INCIDENT_STATUS,
    ("post", "/api/incidents/{incident_id}/events", "body", "kind"): EVENT_KIND,
    ("get", "/api/action-items", "query", "status"): ITEM_STATUS,
}
for _method, _path in (
    ("get", "/api/action-items"),
    ("get", "/api/action-items/{item_id}"),
    ("patch", "/api/action-items/{item_id}"),
    ("get", "/api/incidents/{incident_id}/action-items"),
    ("post", "/api/incidents/{incident_id}/action-items"),
):
    for _field in (ITEM_STATUS, ITEM_KIND, ITEM_PRIORITY):
        EXPECTED[(_method, _path, "response", _field.name)] = _field
for _method, _path in (
    ("patch", "/api/action-items/{item_id}"),
    ("post", "/api/incidents/{incident_id}/action-items"),
):
    for _field in (ITEM_STATUS, ITEM_KIND, ITEM_PRIORITY):
        EXPECTED[(_method, _path, "body", _field.name)] = _field


def _enums(node: Any, components: dict, name: str, seen: frozenset = frozenset()) -> Iterator:
    """(property name, enum values) for every enum under `node`, following $refs."""
    if isinstance(node, list):
        for item in node:
            yield from _enums(item, components, name, seen)
        return
    if not isinstance(node, dict):
        return
    if "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[1]
        if ref not in seen:
            yield from _enums(components[ref], components, name, seen | {ref})
    if "enum" in node:
        yield name, node["enum"]
    for key in ("allOf", "anyOf", "oneOf", "items"):
        if key in node:
            yield from _enums(node[key], components, name, seen)
    for prop, value in node.get("properties", {}).items():
        yield from _enums(value, components, prop, seen)


def _enums_by_operation(document: dict) -> dict[tuple, list]:
    """Every enum of every operation's parameters, request body and responses."""
    components = document["components"]["schemas"]
    found: dict[tuple, list] = {}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            places = [(p["in"], p["schema"], p["name"]) for p in operation.get("parameters", [])]
            for content in operation.get("requestBody", {}).get("content", {}).values():
                places.append(("body", content["schema"], ""))
            for response in operation.get("responses", {}).values():
                for content in response.get("content", {}).values():
                    places.append(("response", content["schema"], ""))
            for where, schema, name in places:
                for field, values in _enums(schema, components, name):
                    key = (method, path, where, field)
                    assert found.setdefault(key, values) == values, key
    return found


def _choices(field: models.Field) -> list[str]:
    return [value for value, _label in field.choices]


def test_every_enum_offers_the_choices_of_its_model_field(as_viewer):
    document = as_viewer.get("/api/openapi.json").json()
    found = _enums_by_operation(document)
    assert set(found) == set(EXPECTED)
    for key, field in EXPECTED.items():
        assert found[key] == _choices(field), key


def test_the_docs_offer_an_incident_its_own_statuses_and_kinds(as_viewer):
    found = _enums_by_operation(as_viewer.get("/api/openapi.json").json())
    status = found[("post", "/api/incidents/{incident_id}/status", "body", "status")]
    kinds = found[("post", "/api/incidents/{incident_id}/events", "body", "kind")]
    assert "identified" in status and "in_progress" not in status
    assert "deploy" in kinds and "prevent" not in kinds


def test_each_choices_type_has_a_component_of_its_own(as_viewer):
    components = as_viewer.get("/api/openapi.json").json()["components"]["schemas"]
    expected = {
        "IncidentStatus": INCIDENT_STATUS,
        "TimelineEventKind": EVENT_KIND,
        "ActionItemStatus": ITEM_STATUS,
        "ActionItemKind": ITEM_KIND,
        "ActionItemPriority": ITEM_PRIORITY,
    }
    enums = {name: schema for name, schema in components.items() if "enum" in schema}
    assert set(enums) == set(expected)
    for name, field in expected.items():
        assert enums[name]["enum"] == _choices(field)
        assert enums[name]["title"] == name


def _definitions_by_name(api: NinjaAPI, monkeypatch) -> dict[str, set[str]]:
    """Every distinct definition ninja merged into the components, by name."""
    merged: dict[str, set[str]] = {}
    original = OpenAPISchema.add_schema_definitions

    def spy(self: OpenAPISchema, definitions: dict) -> None:
        for name, definition in definitions.items():
            merged.setdefault(name, set()).add(json.dumps(definition, sort_keys=True))
        original(self, definitions)

    monkeypatch.setattr(OpenAPISchema, "add_schema_definitions", spy)
    api.get_openapi_schema(path_prefix="")
    return merged


def test_no_two_definitions_share_a_component_name(monkeypatch):
    from unblame.server.urls import api

    merged = _definitions_by_name(api, monkeypatch)
    assert {"IncidentStatus", "ActionItemStatus", "TimelineEventKind"} <= set(merged)
    assert {name: defs for name, defs in merged.items() if len(defs) > 1} == {}


class _Left(enum.StrEnum):
    A = "a"


class _Right(enum.StrEnum):
    B = "b"


# Two classes with one bare name, as ActionItem.Status and incidents' Status.
_Left.__name__ = _Right.__name__ = _Left.__qualname__ = _Right.__qualname__ = "Status"


def test_the_collision_check_sees_two_classes_of_one_name(monkeypatch):
    class LeftIn(Schema):
        status: _Left

    class RightIn(Schema):
        status: _Right

    api = NinjaAPI(urls_namespace="collision-check")

    @api.post("/left")
    def left(request, data: LeftIn) -> None: ...

    @api.post("/right")
    def right(request, data: RightIn) -> None: ...

    assert len(_definitions_by_name(api, monkeypatch)["Status"]) == 2


def test_named_keeps_two_classes_of_one_name_apart(monkeypatch):
    class LeftIn(Schema):
        status: Annotated[_Left, Named("TestLeftStatus")]

    class RightIn(Schema):
        status: Annotated[_Right, Named("TestRightStatus")]

    api = NinjaAPI(urls_namespace="named-check")

    @api.post("/left")
    def left(request, data: LeftIn) -> None: ...

    @api.post("/right")
    def right(request, data: RightIn) -> None: ...

    merged = _definitions_by_name(api, monkeypatch)
    assert "Status" not in merged
    assert [json.loads(d)["enum"] for d in merged["TestLeftStatus"]] == [["a"]]
    assert [json.loads(d)["enum"] for d in merged["TestRightStatus"]] == [["b"]]


def test_named_validates_as_the_choices_type():
    class In(Schema):
        status: Annotated[_Left, Named("TestValidatedStatus")]

    assert In.model_validate({"status": "a"}).status is _Left.A
    with pytest.raises(ValueError, match="Input should be 'a'"):
        In.model_validate({"status": "b"})


def test_named_refuses_one_name_for_two_types():
    class First(Schema):
        status: Annotated[_Left, Named("TestTakenStatus")]

    with pytest.raises(TypeError, match="already names"):

        class Second(Schema):
            status: Annotated[_Right, Named("TestTakenStatus")]

    assert named_choices()["TestTakenStatus"] is _Left


def test_named_refuses_what_is_not_a_str_choices_type():
    class Number(enum.IntEnum):
        ONE = 1

    with pytest.raises(TypeError, match="not a str choices type"):

        class In(Schema):
            number: Annotated[Number, Named("TestNumber")]


def test_named_refuses_a_name_that_is_no_identifier():
    with pytest.raises(ValueError, match="not a usable component name"):
        Named("Incident Status")


def test_the_api_names_each_model_choices_type_once():
    from unblame.server import urls  # noqa: F401  (registers every API schema)

    names = named_choices()
    assert names["IncidentStatus"] is Status
    assert names["TimelineEventKind"] is TimelineEvent.Kind
    assert names["ActionItemStatus"] is ActionItem.Status
    assert names["ActionItemKind"] is ActionItem.Kind
    assert names["ActionItemPriority"] is ActionItem.Priority


def test_the_api_rejects_an_action_item_status_for_an_incident(as_editor, incident):
    url = f"/api/incidents/{incident.pk}/status"
    body = {"status": "in_progress", "version": incident.version}
    response = as_editor.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    body["status"] = "identified"
    response = as_editor.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["status"] == "identified"


def test_the_api_rejects_an_action_item_kind_for_an_event(as_editor, incident):
    url = f"/api/incidents/{incident.pk}/events"
    body = {"text": "Rolled back", "kind": "prevent"}
    response = as_editor.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert not incident.events.filter(text="Rolled back").exists()
    body["kind"] = "deploy"
    response = as_editor.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    assert incident.events.get(text="Rolled back").kind == "deploy"

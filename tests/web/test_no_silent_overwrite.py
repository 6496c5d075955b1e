"""Two saves from the same version never both land, on every write route there is.

The routes come from the URL configuration itself: every route is either a
write to an existing object, raced here, or listed in NOT_AN_EDIT with the
reason it is not one. A route added later that is neither fails
`test_every_route_is_raced_or_says_why_not`, so a new edit path cannot
escape the rule. API routes are told apart by their HTTP methods: every
method other than GET must be raced.

A race: two writers open the same page (or read the same API object), then
both save from what they saw. The first save lands; the second is refused
(409, 412 for If-Match, or 404 when the object is gone) and the stored
value is the first writer's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from unblame.actions.models import ActionItem, ContributingFactor, FactorCategory
from unblame.incidents.models import Incident, Responder, Severity, TimelineEvent
from unblame.reviews.models import Debrief, Review, ReviewTemplate, TemplateSection
from unblame.reviews.services import draft_review

from .actions_cast import *  # noqa: F403
from .conftest import make_user

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# Every route that changes no stored object, or only creates new ones, with why.
NOT_AN_EDIT: dict[str, str] = {
    "home": "a redirect",
    "healthz": "reads nothing it changes",
    "insights:related": "reads: the related-incidents card of an incident",
    "favicon": "a file",
    "settings": "a list of settings pages",
    "accounts:login": "signs in",
    "accounts:logout": "signs out",
    "accounts:profile": "a person's own preferences, written by nobody else",
    "accounts:new_api_token": "makes a new token, shown once",
    "accounts:revoke_api_token": "forgets the person's own token",
    "accounts:people": "a list",
    "accounts:change_role": "an admin's single choice of role, audited; no typed text",
    "accounts:invite": "makes a new invitation",
    "accounts:accept_invite": "makes a new account, once per invitation",
    "accounts:audit": "reads the audit log",
    "accounts:roster": "adds names; a duplicate is refused by a unique constraint",
    "accounts:roster_delete": "removes a name; a second removal is a 404",
    "incidents:list": "a list",
    "incidents:export": "a CSV of the list",
    "incidents:create": "declares a new incident",
    "incidents:detail": "a page",
    "incidents:responder_add": "adds a responder; the same person and role twice is one row",
    "incidents:event_add": "adds a timeline event",
    "incidents:event_history": "reads an event's earlier versions",
    "incidents:services": "adds services; there is no service edit yet",
    "incidents:delete": "moves the incident to the trash, whole; restoring gives it back as it was",
    "incidents:event_delete": "moves the event to the trash, whole; restoring gives it back",
    "incidents:merge": "moves rows between incidents and trashes the duplicate; no typed text",
    "incidents:trash": "a list",
    "incidents:trash_restore": "takes a row out of the trash as it was",
    "incidents:trash_purge": "deletes what is in the trash, after a ticked box",
    "incidents:triage": "a list",
    "incidents:triage_declare": "declares a new incident; a decided entry is a 404",
    "incidents:triage_dismiss": "a one-way decision; a decided entry is a 404",
    "integrations:chat_import": "uploads a chat export to preview",
    "integrations:chat_preview": "imports new timeline events from one upload",
    "integrations:chat_discard": "drops a pending upload",
    "integrations:alert_webhook": "machine input: adds alerts and events",
    "integrations:alert_sources": "adds an alert source",
    "integrations:alert_source_rotate": "replaces a secret with a new random one",
    "integrations:alert_source_delete": "removes an alert source",
    "integrations:slack_events": "machine input from Slack",
    "integrations:slack_commands": "machine input from Slack",
    "integrations:slack_interactions": "machine input from Slack",
    "integrations:slack_settings": "Slack connection settings, being built in parallel",
    "integrations:slack_channel_nudges": "a per-channel switch, being built in parallel",
    "integrations:slack_link": "links a person's own Slack account",
    "actions:list": "a list",
    "actions:export": "a CSV of the list",
    "actions:incident": "a page",
    "actions:item_create": "adds an action item",
    "actions:check": "analyses text, stores nothing",
    "actions:factor_create": "adds a contributing factor",
    "reviews:review": "a page",
    "reviews:start": "drafts the review; a second start gets the first one's review",
    "reviews:approve": "adds an approval",
    "reviews:readiness": "a page",
    "reviews:acknowledge_gap": "adds an acknowledgement",
    "reviews:summary": "a page",
    "reviews:facts_refresh": "saves sections through save_body from their current versions",
    "reviews:facts_keep": "moves a baseline of record facts; no typed text",
    "reviews:analyze": "analyses text, stores nothing",
    "reviews:section_history": "reads a section's versions",
    "reviews:comment_add": "adds a comment; comments are not edited",
    "reviews:acknowledge": "adds an acknowledgement",
    "reviews:debrief_analyze": "analyses text, stores nothing",
    "reviews:debrief_share": "appends to a section as a new version, never over one",
    "reviews:debrief_delete": "a person's private notes",
    "reviews:mentions": "a list",
    "reviews:templates": "adds a template",
    "reviews:template_default": "an admin's choice of default, audited; no typed text",
    "review_markdown:import": "imports a review file (reworked with a preview elsewhere)",
    "review_markdown:markdown": "an export",
    "review_markdown:html": "an export",
    "insights:search": "a search",
    "insights:index": "reports",
    "insights:incidents": "a list",
    "insights:report": "a report",
    "insights:csv": "a report's CSV",
    "integrations:webhooks": "adds an endpoint, its secret made at random",
    "integrations:webhook_log": "reads the delivery log",
    "integrations:webhook_toggle": "an admin's pause or resume, audited; no typed text",
    "integrations:webhook_delete": "removes an endpoint; a second removal is a 404",
    "integrations:webhook_redeliver": "adds a new delivery of a logged event",
    "integrations:trackers": "adds a tracker, its webhook secret made at random",
    "integrations:tracker_delete": "removes a tracker; a second removal is a 404",
    "integrations:tracker_send": "links an item to a new issue; a second send is refused",
    "integrations:tracker_webhook": "machine input from a tracker, through set_status",
    "POST api/incidents": "declares a new incident",
    "POST api/incidents/<incident_id>/events": "adds a timeline event",
    "POST api/incidents/<incident_id>/action-items": "adds an action item",
    "api:api-root": "the API's index",
    "api:openapi-json": "the API's description",
    "api:openapi-view": "the API's documentation page",
}


def route_table() -> Iterator[tuple[str, str, URLPattern]]:
    """(route, namespaced name, pattern) for every route of the URL configuration."""
    yield from _walk(get_resolver().url_patterns, "", "")


def _walk(patterns, prefix: str, namespace: str):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
            yield route, name, pattern


def api_methods(pattern: URLPattern) -> set[str] | None:
    """The HTTP methods of a django-ninja route, or None for any other view."""
    for cell in getattr(pattern.callback, "__closure__", None) or ():
        operations = getattr(cell.cell_contents, "operations", None)
        if operations is not None:
            return {method for operation in operations for method in operation.methods}
    return None


def write_routes() -> dict[str, str]:
    """Race key -> route for every route that may change something.

    Pages are keyed by URL name; an API route by "METHOD route", one key
    per writing method (a read-only API route is not listed).
    """
    found: dict[str, str] = {}
    for route, name, pattern in route_table():
        methods = api_methods(pattern)
        if methods is None:
            if name not in NOT_AN_EDIT:
                found[name] = route
        else:
            for method in sorted(methods - SAFE_METHODS):
                if f"{method} {route}" not in NOT_AN_EDIT:
                    found[f"{method} {route}"] = route
    return found


# -- Building what the browser would send --------------------------------------------------------


def browser_data(*forms_: Any) -> dict[str, Any]:
    """The POST data of forms (and formsets) as rendered, every hidden field included."""
    data: dict[str, Any] = {}
    for form in forms_:
        if isinstance(form, forms.BaseFormSet):
            data.update(browser_data(form.management_form, *form.forms))
            continue
        for bound in form:
            data.update(_field_data(bound))
    return data


def _field_data(bound) -> dict[str, Any]:
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return {bound.html_name: "on"} if value else {}
    if isinstance(value, list | tuple):
        return {bound.html_name: [str(item) for item in value]}
    formatted = widget.format_value(value)
    return {bound.html_name: "" if formatted is None else formatted}


def page_data(client: Client, url: str, *names: str) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, url
    return browser_data(*(response.context[name] for name in names))


# -- The races ------------------------------------------------------------------------------------


@dataclass
class Race:
    """Two saves based on what both writers saw; `stored()` tells whose landed."""

    url: str
    first: dict[str, Any]
    second: dict[str, Any]
    stored: Callable[[], Any]
    expected: Any
    method: str = "post"
    headers: dict[str, str] = field(default_factory=dict)
    # Text the second writer typed, which their 409 page must still show.
    typed: str = ""


@dataclass
class World:
    a: Client
    b: Client
    incident: Incident
    event: TimelineEvent
    factor: ContributingFactor
    item: ActionItem
    token: str


def _edited(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**data, **changes}


def _incident_edit(w: World) -> Race:
    url = f"/incidents/{w.incident.pk}/edit/"
    seen = page_data(w.a, url, "form")
    return Race(
        url,
        _edited(seen, title="First writer's title"),
        _edited(seen, title="Second writer's title"),
        lambda: Incident.objects.get(pk=w.incident.pk).title,
        "First writer's title",
        typed="Second writer&#x27;s title",
    )


def _incident_transition(w: World) -> Race:
    seen = {"version": w.incident.version}
    return Race(
        f"/incidents/{w.incident.pk}/status/",
        {**seen, "status": "identified"},
        {**seen, "status": "monitoring", "note": "Watching the error rate"},
        lambda: Incident.objects.get(pk=w.incident.pk).status,
        "identified",
        typed="Watching the error rate",
    )


def _responder_remove(w: World) -> Race:
    responder = w.incident.responders.get()
    seen = {"version": responder.version}
    return Race(
        f"/incidents/{w.incident.pk}/responders/{responder.pk}/remove/",
        seen,
        seen,
        lambda: Responder.objects.filter(pk=responder.pk).exists(),
        False,
    )


def _event_edit(w: World) -> Race:
    url = f"/incidents/{w.incident.pk}/events/{w.event.pk}/edit/"
    seen = page_data(w.a, url, "form")
    return Race(
        url,
        _edited(seen, text="Rolled back deploy 42"),
        _edited(seen, text="Paused deploy 42"),
        lambda: TimelineEvent.objects.get(pk=w.event.pk).text,
        "Rolled back deploy 42",
        typed="Paused deploy 42",
    )


def _event_highlight(w: World) -> Race:
    seen = {"version": w.event.version, "highlighted": "1"}
    return Race(
        f"/incidents/{w.incident.pk}/events/{w.event.pk}/highlight/",
        seen,
        {**seen, "highlighted": "0"},
        lambda: TimelineEvent.objects.get(pk=w.event.pk).highlighted,
        True,
    )


def _severities(w: World) -> Race:
    seen = page_data(w.a, "/settings/severities/", "formset")
    return Race(
        "/settings/severities/",
        _edited(seen, **{"form-0-label": "Everything is down"}),
        _edited(seen, **{"form-0-label": "Most things are down"}),
        lambda: Severity.objects.get(name="SEV1").label,
        "Everything is down",
        typed="Most things are down",
    )


def _factor_edit(w: World) -> Race:
    url = f"/incidents/{w.incident.pk}/factors/{w.factor.pk}/edit/"
    seen = page_data(w.a, url, "form")
    return Race(
        url,
        _edited(seen, description="Config pushes skip the canary."),
        _edited(seen, description="No canary stage for config."),
        lambda: ContributingFactor.objects.get(pk=w.factor.pk).description,
        "Config pushes skip the canary.",
        typed="No canary stage for config.",
    )


def _factor_delete(w: World) -> Race:
    seen = {"version": w.factor.version}
    return Race(
        f"/incidents/{w.incident.pk}/factors/{w.factor.pk}/delete/",
        seen,
        seen,
        lambda: ContributingFactor.objects.filter(pk=w.factor.pk).exists(),
        False,
    )


def _item_edit(w: World) -> Race:
    url = f"/incidents/{w.incident.pk}/actions/{w.item.pk}/edit/"
    seen = page_data(w.a, url, "form")
    return Race(
        url,
        _edited(seen, title="Canary every config push"),
        _edited(seen, title="Add a config canary"),
        lambda: ActionItem.objects.get(pk=w.item.pk).title,
        "Canary every config push",
        typed="Add a config canary",
    )


def _item_delete(w: World) -> Race:
    seen = {"version": w.item.version}
    return Race(
        f"/incidents/{w.incident.pk}/actions/{w.item.pk}/delete/",
        seen,
        seen,
        lambda: ActionItem.objects.filter(pk=w.item.pk).exists(),
        False,
    )


def _item_status(w: World) -> Race:
    seen = {"version": w.item.version}
    return Race(
        f"/incidents/{w.incident.pk}/actions/{w.item.pk}/status/",
        {**seen, "status": "in_progress"},
        {**seen, "status": "done"},
        lambda: ActionItem.objects.get(pk=w.item.pk).status,
        "in_progress",
    )


def _categories(w: World) -> Race:
    seen = page_data(w.a, "/settings/factor-categories/", "formset")
    first = FactorCategory.objects.first()
    return Race(
        "/settings/factor-categories/",
        _edited(seen, **{"form-0-description": "Tests that ran, or did not"}),
        _edited(seen, **{"form-0-description": "How changes were tested"}),
        lambda: FactorCategory.objects.get(pk=first.pk).description,
        "Tests that ran, or did not",
        typed="How changes were tested",
    )


def _category_delete(w: World) -> Race:
    unused = FactorCategory.objects.get(name="Staffing and load")
    seen = {"version": unused.version}
    return Race(
        f"/settings/factor-categories/{unused.pk}/delete/",
        seen,
        seen,
        lambda: FactorCategory.objects.filter(pk=unused.pk).exists(),
        False,
    )


def _section_edit(w: World) -> Race:
    draft_review(w.incident, None)
    url = f"/incidents/{w.incident.pk}/review/sections/impact/"
    seen = page_data(w.a, url, "form")
    review = w.incident.review
    return Race(
        url,
        _edited(seen, body="About 4% of card payments failed."),
        _edited(seen, body="Card payments failed for 40 minutes."),
        lambda: review.sections.get(key="impact").body,
        "About 4% of card payments failed.",
        typed="Card payments failed for 40 minutes.",
    )


def _review_transition(w: World) -> Race:
    review = draft_review(w.incident, None)
    Review.objects.filter(pk=review.pk).update(state="in_review")
    seen = {"version": review.version}
    return Race(
        f"/incidents/{w.incident.pk}/review/state/",
        {**seen, "state": "draft", "note": "More to write"},
        {**seen, "state": "published", "note": "Ready"},
        lambda: Review.objects.get(pk=review.pk).state,
        "draft",
        typed="Ready",
    )


def _debrief(w: World) -> Race:
    user = w.incident.responders.get().user
    Debrief.objects.create(incident=w.incident, author=user, seeing="The dashboard.")
    # Only its author writes a debrief: the race is one person in two tabs.
    tab = Client()
    tab.force_login(user)
    w.a = w.b = tab
    url = f"/incidents/{w.incident.pk}/debrief/"
    seen = page_data(tab, url, "form")
    return Race(
        url,
        _edited(seen, seeing="The canary dashboard was green."),
        _edited(seen, seeing="The error graph lagged."),
        lambda: Debrief.objects.get(incident=w.incident).seeing,
        "The canary dashboard was green.",
        typed="The error graph lagged.",
    )


def _template_edit(w: World) -> Race:
    template = ReviewTemplate.objects.get(is_default=True)
    url = f"/settings/review-templates/{template.pk}/"
    seen = page_data(w.a, url, "form", "formset")
    first = TemplateSection.objects.filter(template=template).first()
    return Race(
        url,
        _edited(seen, **{"sections-0-title": "What happened"}),
        _edited(seen, **{"sections-0-title": "The story"}),
        lambda: TemplateSection.objects.get(pk=first.pk).title,
        "What happened",
        typed="The story",
    )


def _api_incident(w: World) -> Race:
    seen = w.a.get(f"/api/incidents/{w.incident.pk}", headers=_bearer(w)).json()
    return Race(
        f"/api/incidents/{w.incident.pk}",
        {"version": seen["version"], "title": "First writer's title"},
        {"version": seen["version"], "title": "Second writer's title"},
        lambda: Incident.objects.get(pk=w.incident.pk).title,
        "First writer's title",
        method="patch",
        headers=_bearer(w),
    )


def _api_status(w: World) -> Race:
    seen = w.a.get(f"/api/incidents/{w.incident.pk}", headers=_bearer(w)).json()
    return Race(
        f"/api/incidents/{w.incident.pk}/status",
        {"version": seen["version"], "status": "identified"},
        {"version": seen["version"], "status": "monitoring"},
        lambda: Incident.objects.get(pk=w.incident.pk).status,
        "identified",
        method="post",
        headers=_bearer(w),
    )


def _api_item(w: World) -> Race:
    seen = w.a.get(f"/api/action-items/{w.item.pk}", headers=_bearer(w))
    # The other way to name the version: the ETag, sent back as If-Match.
    headers = {**_bearer(w), "If-Match": seen["ETag"]}
    return Race(
        f"/api/action-items/{w.item.pk}",
        {"status": "in_progress"},
        {"status": "done"},
        lambda: ActionItem.objects.get(pk=w.item.pk).status,
        "in_progress",
        method="patch",
        headers=headers,
    )


def _api_section(w: World) -> Race:
    review = draft_review(w.incident, None)
    seen = w.a.get(f"/api/incidents/{w.incident.pk}/review", headers=_bearer(w)).json()
    version = next(s["version"] for s in seen["sections"] if s["key"] == "impact")
    return Race(
        f"/api/incidents/{w.incident.pk}/review/sections/impact",
        {"version": version, "body": "About 4% of card payments failed."},
        {"version": version, "body": "Card payments failed for 40 minutes."},
        lambda: review.sections.get(key="impact").body,
        "About 4% of card payments failed.",
        method="put",
        headers=_bearer(w),
    )


def _bearer(w: World) -> dict[str, str]:
    return {"Authorization": f"Bearer {w.token}"}


RACES: dict[str, Callable[[World], Race]] = {
    "incidents:edit": _incident_edit,
    "incidents:transition": _incident_transition,
    "incidents:responder_remove": _responder_remove,
    "incidents:event_edit": _event_edit,
    "incidents:event_highlight": _event_highlight,
    "incidents:severities": _severities,
    "actions:factor_edit": _factor_edit,
    "actions:factor_delete": _factor_delete,
    "actions:item_edit": _item_edit,
    "actions:item_delete": _item_delete,
    "actions:item_status": _item_status,
    "actions:categories": _categories,
    "actions:category_delete": _category_delete,
    "reviews:section_edit": _section_edit,
    "reviews:transition": _review_transition,
    "reviews:debrief": _debrief,
    "reviews:template_edit": _template_edit,
    "PATCH api/incidents/<incident_id>": _api_incident,
    "PATCH api/action-items/<item_id>": _api_item,
    "POST api/incidents/<incident_id>/status": _api_status,
    "PUT api/incidents/<incident_id>/review/sections/<key>": _api_section,
}


def test_every_route_is_raced_or_says_why_not(db):
    unraced = sorted(set(write_routes()) - set(RACES))
    assert unraced == [], "Race these writes below, or say in NOT_AN_EDIT why they are not edits"


def test_no_race_is_for_a_route_that_is_gone(db):
    assert sorted(set(RACES) - set(write_routes())) == []


def test_a_route_that_is_not_listed_counts_as_a_write(db):
    # The walk itself: pages are writes unless listed, API routes by method.
    routes = write_routes()
    assert routes["incidents:edit"] == "incidents/<int:pk>/edit/"
    assert "incidents:detail" not in routes
    assert not any(key.startswith("GET ") for key in routes)


@pytest.fixture
def world(db, incident, event, factor, item, admin) -> World:
    responder = incident.responders.get()
    # One responder to race over, the incident's commander; the admin writes.
    assert responder.role == Responder.Role.INCIDENT_COMMANDER
    other_admin = make_user("ada", "admin")
    a, b = Client(), Client()
    a.force_login(admin)
    b.force_login(other_admin)
    return World(a, b, incident, event, factor, item, admin.new_api_token())


@pytest.mark.parametrize("name", sorted(RACES))
def test_two_saves_from_one_version_never_both_land(world, name):
    race = RACES[name](world)
    first = _send(world.a, race, race.first)
    assert first.status_code in (200, 302), first.content[:500]
    second = _send(world.b, race, race.second)
    assert second.status_code in (404, 409, 412)
    assert race.stored() == race.expected
    if race.typed and second.status_code == 409:
        assert race.typed in second.content.decode()


def _send(client: Client, race: Race, data: dict[str, Any]):
    if race.method == "post" and not race.url.startswith("/api/"):
        return client.post(race.url, data, headers=race.headers)
    send = getattr(client, race.method)
    return send(race.url, data, content_type="application/json", headers=race.headers)

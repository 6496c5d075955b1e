"""Every insights page, CSV and drill-down counts only what its viewer may see.

The restricted incident of the history has its own month, factor category,
responder and figures; none of them may reach someone off it, not even as
a count, on any report, table or CSV.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from unblame.insights.views import REPORTS

from .history import SECRET_CATEGORY, SECRET_MONTH, SECRET_PERSON

SECRET_MARKS = [SECRET_MONTH, SECRET_CATEGORY, SECRET_PERSON, "Credential stuffing", "Asia/Tokyo"]


def _blocks(slug, scope_client):
    response = scope_client.get(reverse("insights:report", args=[slug]))
    assert response.status_code == 200
    return [block.slug for block in response.context["blocks"]]


def all_urls(client):
    urls = [reverse("insights:index"), reverse("insights:incidents")]
    for slug in REPORTS:
        urls.append(reverse("insights:report", args=[slug]))
        urls += [reverse("insights:csv", args=[slug, block]) for block in _blocks(slug, client)]
    return urls


def test_every_page_and_csv_asks_anonymous_people_to_sign_in(client, as_admin, history):
    for url in all_urls(as_admin):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response["Location"]


@pytest.mark.parametrize("who", ["as_viewer", "as_outsider"])
def test_no_page_or_csv_shows_anything_of_a_restricted_incident(request, history, who):
    client = request.getfixturevalue(who)
    urls = all_urls(client)
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for mark in SECRET_MARKS:
            assert mark not in text, (url, mark)


def test_its_responders_and_admins_see_it_counted(as_editor, as_admin, history):
    for client in (as_editor, as_admin):
        factors = client.get(reverse("insights:csv", args=["factors", "across-services"]))
        assert SECRET_CATEGORY in factors.content.decode()
        load = client.get(reverse("insights:csv", args=["load", "people"])).content.decode()
        assert SECRET_PERSON in load
        assert (
            SECRET_MONTH
            in client.get(reverse("insights:report", args=["response"])).content.decode()
        )


def test_counts_leave_the_restricted_incident_out(as_viewer, as_admin, history):
    def ed_incidents(client):
        rows = client.get(reverse("insights:csv", args=["load", "people"])).content.decode()
        return next(line for line in rows.splitlines() if line.startswith("ed,")).split(",")[3]

    # ed responds to both incidents; the viewer sees only the public one counted.
    assert ed_incidents(as_viewer) == "1"
    assert ed_incidents(as_admin) == "2"


@pytest.mark.parametrize("who", ["as_viewer", "as_outsider"])
def test_a_drill_down_never_lists_a_restricted_incident(request, history, restricted, who):
    client = request.getfixturevalue(who)
    category = history["secret_category"].pk
    for params in [{}, {"month": SECRET_MONTH}, {"category": category}, {"items": "any"}]:
        response = client.get(reverse("insights:incidents"), params)
        assert response.status_code == 200
        assert f"/incidents/{restricted.pk}/" not in response.content.decode()


def test_a_responder_drills_down_to_it(as_editor, history, restricted):
    response = as_editor.get(
        reverse("insights:incidents"), {"category": history["secret_category"].pk}
    )
    assert f"/incidents/{restricted.pk}/" in response.content.decode()


def test_an_unknown_report_or_table_is_404(as_admin, history):
    assert as_admin.get(reverse("insights:report", args=["nope"])).status_code == 404
    assert as_admin.get(reverse("insights:csv", args=["factors", "nope"])).status_code == 404
    assert as_admin.get(reverse("insights:csv", args=["nope", "by-month"])).status_code == 404


def test_a_restricted_incidents_hours_never_count_out_of_hours_for_those_off_it(
    as_viewer, as_outsider, as_admin, history
):
    """ed responded to both incidents; the restricted one ran 03:00-11:20 UTC, 6 hours of it
    before ed's (UTC) working day. Only those who may see it have those hours counted."""

    def ed(client, block):
        rows = client.get(reverse("insights:csv", args=["load", block])).content.decode()
        first = "ed," if block == "people" else "No team,"
        return next(line for line in rows.splitlines() if line.startswith(first)).split(",")

    for client in (as_viewer, as_outsider):
        # The public incident's hour, all of it in ed's working hours.
        assert ed(client, "people")[4:] == ["1.0", "0", "0.0", "0.0", "0.0"]
        teams = ed(client, "teams")
        assert teams[2] == "1.0" and teams[5:] == ["0.0", "0.0"]
    assert ed(as_admin, "people")[4:] == ["9.33", "1", "50.0", "6.0", "64.3"]

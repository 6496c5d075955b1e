"""Section history: every version, and a readable diff between any two."""

from django.urls import reverse

from .conftest import save


def _history(client, incident, key="learnings", **params):
    url = reverse("reviews:section_history", args=[incident.pk, key])
    return client.get(url, params)


def _three_versions(review, editor, admin):
    save(review, "learnings", "We learned one thing.", editor)
    save(review, "learnings", "We learned two things.", admin)


def test_it_lists_every_version_newest_first_with_author(
    as_viewer, incident, review, editor, admin
):
    _three_versions(review, editor, admin)
    page = _history(as_viewer, incident).content.decode()
    page = page[page.index("<h2>Versions</h2>") :]
    assert page.index("Version 3") < page.index("Version 2") < page.index("Version 1")
    assert "Drafted from the incident record" in page
    assert "alice" in page


def test_by_default_it_compares_the_last_two_versions(as_viewer, incident, review, editor, admin):
    _three_versions(review, editor, admin)
    page = _history(as_viewer, incident).content.decode()
    assert "Version 2 → version 3" in page
    assert "<del>one</del><ins>two</ins> <del>thing.</del><ins>things.</ins>" in page


def test_it_compares_any_two_versions(as_viewer, incident, review, editor, admin):
    _three_versions(review, editor, admin)
    page = _history(as_viewer, incident, **{"from": 1, "to": 3}).content.decode()
    assert "Version 1 → version 3" in page
    assert "<ins>We learned two things.</ins>" in page


def test_unknown_version_numbers_fall_back_to_the_default(
    as_viewer, incident, review, editor, admin
):
    _three_versions(review, editor, admin)
    page = _history(as_viewer, incident, **{"from": "x", "to": 99}).content.decode()
    assert "Version 2 → version 3" in page


def test_an_outsider_gets_404_on_a_restricted_review(as_outsider, restricted, restricted_review):
    assert _history(as_outsider, restricted).status_code == 404

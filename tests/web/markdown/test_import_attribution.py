"""A review file's people are tied to accounts only as the importer confirms in the preview.

The file names responders, timeline authors and action-item owners by
username. The preview lists each name that matches an account and what it
would be there; only the names left ticked are tied to their account on
import, the rest are kept as text (as chat import does with chat authors).
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from unblame.accounts.attribution import Attributions, Confirmed
from unblame.actions.models import ActionItem
from unblame.incidents.models import Incident, TimelineEvent
from unblame.reviews.mdio.importer import UNMATCHED_RESPONDERS, import_review, preview_import

from ..conftest import make_user

IMPORT = reverse("review_markdown:import")

FILE = """---
unblame: 1
incident:
  title: Queue backlog
  severity: SEV2
  status: resolved
  restricted: {restricted}
  declared: '2026-03-04T12:00:00Z'
  responders:
  - username: Dana
    name: Dana Smith
    role: scribe
  - username: sam
    role: responder
  - username: ghost
    role: responder
timeline:
- at: '2026-03-04T12:04:00Z'
  text: paged the queue owner
  author: dana
- at: '2026-03-04T12:09:00Z'
  text: drained the backlog
  author: dana
- at: '2026-03-04T12:10:00Z'
  text: confirmed recovery
  author: ghost
action_items:
- title: Alert on queue age
  owner: sam
---

<!-- unblame:section summary -->
## Summary

The queue backed up.
"""


@pytest.fixture
def people(db):
    return {
        "dana": make_user("dana", "editor", first_name="Dana", last_name="Smith"),
        "sam": make_user("sam", "viewer"),
    }


def file_text(restricted: bool = False) -> str:
    return FILE.format(restricted="true" if restricted else "false")


def preview_page(client: Client, text: str):
    upload = SimpleUploadedFile("review.md", text.encode(), "text/markdown")
    return client.post(IMPORT, {"file": upload})


def confirm(client: Client, preview, attribute: list[str]):
    return client.post(IMPORT, {**preview.context["confirm"].initial, "attribute": attribute})


def imported_incident() -> Incident:
    return Incident.objects.get(title="Queue backlog")


# The preview ------------------------------------------------------------------------------


def test_the_preview_lists_every_name_that_matches_an_account(people, editor) -> None:
    result = preview_import(file_text(), editor)
    found = {a.name: (a.user.username, a.what) for a in result.attributions}
    assert found == {
        "Dana": ("dana", "responder (scribe); author of a timeline entry ×2"),
        "sam": ("sam", "responder (responder); owner of action item 'Alert on queue age'"),
    }
    assert not Incident.objects.exists()


def test_the_preview_page_asks_to_confirm_each_name_ticked(people, as_editor) -> None:
    response = preview_page(as_editor, file_text())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Who are the people the file names?" in page
    assert "“Dana” is Dana Smith (dana): responder (scribe)" in page
    assert "“sam” is sam (sam): responder (responder); owner of action item" in page
    assert page.count('name="attribute"') == 2
    assert '<input type="checkbox" name="attribute" value="Dana" checked>' in page
    assert "ghost" not in page[page.index("<fieldset") : page.index("</fieldset>")]


def test_a_file_naming_nobody_with_an_account_asks_nothing(as_editor) -> None:
    page = preview_page(as_editor, file_text()).content.decode()
    assert "<fieldset" not in page


# The import -------------------------------------------------------------------------------


def test_confirmed_names_are_tied_to_their_accounts(people, as_editor) -> None:
    preview = preview_page(as_editor, file_text())
    response = confirm(as_editor, preview, ["Dana", "sam"])
    assert response.status_code == 200
    incident = imported_incident()
    assert set(incident.responders.values_list("user__username", flat=True)) >= {"dana", "sam"}
    authors = set(incident.events.filter(author__isnull=False).values_list("author__username"))
    assert authors == {("dana",)}
    assert ActionItem.objects.get(incident=incident).owner == people["sam"]
    assert "“Dana” is Dana Smith (dana)" not in response.content.decode()


def test_unconfirmed_names_are_kept_as_text(people, as_editor) -> None:
    preview = preview_page(as_editor, file_text())
    response = confirm(as_editor, preview, [])
    assert response.status_code == 200
    incident = imported_incident()
    assert not incident.responders.filter(user__in=people.values()).exists()
    unmatched = incident.review.sections.get(key=UNMATCHED_RESPONDERS[0]).body
    assert unmatched.split("\n") == [
        "- Dana (Dana Smith), scribe",
        "- sam, responder",
        "- ghost, responder",
    ]
    events = incident.events.filter(text__in=["paged the queue owner", "drained the backlog"])
    assert {(e.author, e.author_name) for e in events} == {(None, "dana")}
    item = ActionItem.objects.get(incident=incident)
    assert item.owner is None
    assert "Owner in the imported file: sam" in item.description
    assert "owner &#x27;sam&#x27; was not confirmed" in response.content.decode()


def test_confirming_one_name_ties_no_other(people, as_editor) -> None:
    preview = preview_page(as_editor, file_text())
    confirm(as_editor, preview, ["sam"])
    incident = imported_incident()
    assert list(incident.responders.values_list("user__username", flat=True)) == ["sam"]
    assert not incident.events.filter(author=people["dana"]).exists()
    assert ActionItem.objects.get(incident=incident).owner == people["sam"]


def test_a_name_posted_that_the_file_does_not_use_ties_nobody(people, admin, as_editor) -> None:
    preview = preview_page(as_editor, file_text())
    confirm(as_editor, preview, [admin.username, "ghost"])
    incident = imported_incident()
    assert not incident.responders.exists()
    assert not incident.events.filter(author__isnull=False).exists()


def test_names_are_confirmed_without_regard_to_case(people, editor) -> None:
    result = import_review(file_text(), editor, attribute=["DANA"])
    assert result.incident.responders.get().user == people["dana"]
    assert result.incident.events.filter(author=people["dana"]).count() == 2


def test_an_unconfirmed_responder_gets_no_sight_of_a_restricted_incident(people, as_editor):
    preview = preview_page(as_editor, file_text(restricted=True))
    confirm(as_editor, preview, ["sam"])
    incident = imported_incident()
    dana = Client()
    dana.force_login(people["dana"])
    assert dana.get(incident.get_absolute_url()).status_code == 404
    sam = Client()
    sam.force_login(people["sam"])
    assert sam.get(incident.get_absolute_url()).status_code == 200


def test_the_command_line_ties_every_match_as_before(people, editor) -> None:
    # No `attribute`: whoever runs the command administers the installation.
    result = import_review(file_text(), editor)
    assert {a.user.username for a in result.attributions} == {"dana", "sam"}
    assert result.incident.responders.count() == 2
    assert TimelineEvent.objects.filter(author=people["dana"]).count() == 2


def test_the_import_result_lists_only_what_was_tied(people, editor) -> None:
    result = import_review(file_text(), editor, attribute=["sam"])
    assert [(a.name, a.what) for a in result.attributions] == [
        ("sam", "responder (responder); owner of action item 'Alert on queue age'")
    ]


# The shared pieces ------------------------------------------------------------------------


def test_confirmed_none_confirms_every_name() -> None:
    assert "anyone" in Confirmed(None)
    assert "Dana" in Confirmed(["dana"])
    assert "sam" not in Confirmed(["dana"])
    assert "sam" not in Confirmed([])


def test_attributions_count_repeated_parts_per_name() -> None:
    found = Attributions()
    found.add("Dana", "u", "author of a timeline entry")
    found.add("dana", "u", "author of a timeline entry")
    found.add("dana", "u", "responder (scribe)")
    found.add("sam", "v", "responder (responder)")
    listed = found.as_list()
    assert [a.name for a in listed] == ["Dana", "sam"]
    assert listed[0].what == "author of a timeline entry ×2; responder (scribe)"


def test_the_chat_preview_shows_its_authors_through_the_same_choices(as_editor, incident):
    from ..test_chat_import import upload

    make_user("dana", "editor", first_name="Dana", last_name="Smith")
    response = upload(as_editor, incident)
    page = as_editor.get(response["Location"]).content.decode()
    assert "Who wrote these messages?" in page
    assert "“dana” is Dana Smith (dana): author of a message" in page
    assert '<input type="checkbox" name="attribute" value="dana" checked>' in page

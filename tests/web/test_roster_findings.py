"""One roster everywhere: the same words get the same findings on every page, import and API call.

"Zorbel" is on no built-in list of given names, so only the roster can tell
the analyzer it is a person.
"""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from unblame.accounts.models import RosterName
from unblame.accounts.roster import roster
from unblame.actions import models as action_models
from unblame.actions.models import ActionItem
from unblame.integrations import models as integration_models
from unblame.integrations.chat import ChatMessage
from unblame.integrations.models import import_chat
from unblame.language.lexicon import GIVEN_NAMES
from unblame.reviews import analysis, readiness
from unblame.reviews.services import draft_review

from .conftest import make_user

PROMISE = "Zorbel will double-check the config from now on."
HINDSIGHT = "Zorbel should have checked the config before deploying."
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def zorbel_on_the_roster(admin) -> RosterName:
    return RosterName.objects.create(name="Zorbel", added_by=admin)


@pytest.fixture
def review(incident, editor):
    return draft_review(incident, editor)


@pytest.fixture
def spy(monkeypatch):
    """Every roster the analyzer is handed, whichever app calls it."""
    handed: list[tuple[str, ...]] = []

    def record(real):
        def analyze(text, *, names=(), **kwargs):
            handed.append(tuple(sorted(set(names))))
            return real(text, names=names, **kwargs)

        return analyze

    for module in (action_models, analysis, integration_models, readiness):
        monkeypatch.setattr(module, "analyze", record(module.analyze))
    # The action items' findings are remembered per text and roster.
    action_models._try_harder.cache_clear()
    return handed


def live(client, incident, text, key):
    url = reverse("reviews:analyze", args=[incident.pk])
    response = client.post(url, {"body": text, "section": key}, HTTP_ACCEPT="application/json")
    return response.json()["findings"]


def checked(client, incident, text):
    url = reverse("actions:check", args=[incident.pk]) + "?field=title"
    body = client.post(url, {"title": text}, **HTMX).content.decode()
    return re.findall(r"\((UB\d{3})\)", body)


def test_zorbel_is_a_name_only_the_roster_knows():
    assert "Zorbel" not in GIVEN_NAMES


def test_every_page_and_the_api_hand_the_analyzer_the_same_roster(
    as_editor, incident, review, editor, zorbel_on_the_roster, spy
):
    item = ActionItem.objects.create(incident=incident, title=PROMISE)
    section = review.sections.get(key="action_items")
    section.save_body(editor, PROMISE, section.version)
    pk = incident.pk
    visits = [
        lambda: as_editor.get(reverse("reviews:review", args=[pk])),
        lambda: as_editor.get(reverse("reviews:section_edit", args=[pk, "action_items"])),
        lambda: as_editor.get(reverse("reviews:readiness", args=[pk])),
        lambda: live(as_editor, incident, PROMISE, "action_items"),
        lambda: as_editor.post(
            reverse("reviews:debrief_analyze", args=[pk]), {"field": "seeing", "seeing": PROMISE}
        ),
        lambda: checked(as_editor, incident, PROMISE),
        lambda: as_editor.get(reverse("actions:item_edit", args=[pk, item.pk])),
        lambda: as_editor.get(reverse("actions:incident", args=[pk])),
        lambda: as_editor.get(reverse("actions:list")),
        lambda: as_editor.get(f"/api/action-items/{item.pk}"),
    ]
    for visit in visits:
        before = len(spy)
        action_models._try_harder.cache_clear()
        # Lists read an item's stored findings while they are current (keyed by the
        # roster names in its text); forget them so each page analyses afresh.
        ActionItem.objects.filter(pk=item.pk).update(stored_findings=None)
        visit()
        assert len(spy) > before
    # Every page hands over the one roster; stored findings hand over the part of it
    # that can stand in the text (their key), which must still hold the name used.
    everyone = set(roster(incident))
    assert tuple(sorted(everyone)) in spy
    assert all(set(names) <= everyone and "Zorbel" in names for names in spy)
    assert "Zorbel" in everyone


def test_a_chat_import_hands_over_the_same_roster_and_its_own_authors(
    incident, editor, zorbel_on_the_roster, spy
):
    message = ChatMessage(
        occurred_at=datetime(2026, 3, 4, 13, 5, tzinfo=UTC),
        author="zq",
        author_aliases=("Quillane Fenwick",),
        text="rolling back",
        external_id="t:1",
    )
    import_chat(incident, [message], editor)
    assert set(spy[0]) == set(roster(incident)) | {"Quillane Fenwick"}
    assert {"Zorbel", "zq"} <= set(spy[0])


def test_the_same_action_item_text_gets_the_same_findings_on_every_page(
    as_editor, incident, review, editor, zorbel_on_the_roster
):
    section = review.sections.get(key="action_items")
    section.save_body(editor, PROMISE, section.version)
    item = ActionItem.objects.create(incident=incident, title=PROMISE)
    on_the_check = checked(as_editor, incident, PROMISE)
    in_the_review = [
        f["rule"]
        for f in live(as_editor, incident, PROMISE, "action_items")
        if f["category"] == "try_harder"
    ]
    on_the_item = [f.rule for f in item.try_harder_findings()]
    from_the_api = [
        f["rule"] for f in as_editor.get(f"/api/action-items/{item.pk}").json()["try_harder"]
    ]
    assert on_the_check
    assert on_the_check == in_the_review == on_the_item == from_the_api


def test_hindsight_about_an_account_is_found_in_a_review(as_editor, incident, review):
    make_user("zq", "viewer", first_name="Zorbel")
    findings = live(as_editor, incident, HINDSIGHT, "timeline")
    assert "counterfactual" in {f["category"] for f in findings}


def test_hindsight_about_a_roster_name_is_found_in_a_reviews_action_items(
    as_editor, incident, review, zorbel_on_the_roster
):
    findings = live(as_editor, incident, HINDSIGHT, "action_items")
    assert "counterfactual" in {f["category"] for f in findings}


def test_hindsight_about_a_chat_author_is_found_in_a_debrief(as_editor, incident):
    message = ChatMessage(
        occurred_at=datetime(2026, 3, 4, 13, 5, tzinfo=UTC),
        author="Zorbel",
        text="rolling back",
        external_id="t:1",
    )
    import_chat(incident, [message], make_user("sam", "editor"))
    url = reverse("reviews:debrief_analyze", args=[incident.pk])
    response = as_editor.post(url, {"field": "seeing", "seeing": HINDSIGHT})
    assert "counterfactual" in {item.finding.category.value for item in response.context["items"]}


def test_a_list_of_items_works_the_roster_out_once_per_request(as_editor, incident, editor):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert as_editor.get(reverse("actions:list")).status_code == 200
        return len(captured)

    ActionItem.objects.create(incident=incident, title=PROMISE, owner=editor)
    one = queries()
    for n in range(5):
        ActionItem.objects.create(incident=incident, title=f"{PROMISE} {n}", owner=editor)
    assert queries() == one

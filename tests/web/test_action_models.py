"""ActionItem, ContributingFactor and FactorCategory behaviour, with time frozen at NOW."""

from datetime import date

import pytest
from django.db.models import ProtectedError

from unblame.accounts.models import AuditEntry
from unblame.actions.models import (
    ActionItem,
    ActionSummary,
    ContributingFactor,
    FactorCategory,
    try_harder_in,
)

from .actions_cast import *  # noqa: F403

DEFAULT_CATEGORIES = [
    "Change management",
    "Testing",
    "Monitoring and detection",
    "Alerting",
    "Capacity",
    "Dependency",
    "Configuration",
    "Documentation and knowledge",
    "Tooling and UX",
    "Communication and coordination",
    "Process",
    "Staffing and load",
]


def test_the_default_taxonomy_comes_from_a_migration(db):
    names = list(FactorCategory.objects.values_list("name", flat=True))
    assert names == DEFAULT_CATEGORIES
    assert all(FactorCategory.objects.values_list("is_default", flat=True))


def test_a_category_in_use_cannot_be_deleted(factor, category):
    assert category.in_use
    with pytest.raises(ProtectedError):
        category.delete()


def test_factors_are_numbered_in_the_order_they_are_added(incident, category):
    first = ContributingFactor.objects.create(incident=incident, category=category, description="a")
    second = ContributingFactor.objects.create(
        incident=incident, category=category, description="b"
    )
    assert (first.position, second.position) == (1, 2)
    assert list(incident.factors.all()) == [first, second]


def test_an_item_due_before_today_is_overdue(item, frozen):
    assert item.is_overdue


def test_an_item_due_today_is_not_overdue(item, frozen):
    item.due_date = date(2026, 3, 4)
    assert not item.is_overdue


def test_a_done_item_is_never_overdue(item, frozen):
    item.status = ActionItem.Status.DONE
    assert not item.is_overdue


def test_an_undated_item_is_never_overdue(item, frozen):
    item.due_date = None
    assert not item.is_overdue


def test_overdue_items_stay_overdue_after_the_incident_closes(item, frozen):
    item.incident.status = "closed"
    item.incident.save()
    assert ActionItem.objects.overdue().get() == item


def test_closing_an_item_records_when_and_reopening_clears_it(item, editor, frozen):
    assert item.set_status(ActionItem.Status.DONE, editor)
    item.refresh_from_db()
    assert item.closed_at is not None and item.closed_at.isoformat().startswith("2026-03-04")
    item.set_status(ActionItem.Status.IN_PROGRESS, editor)
    item.refresh_from_db()
    assert item.closed_at is None


def test_a_status_change_is_audited(item, editor):
    item.set_status(ActionItem.Status.WONT_DO, editor)
    entry = AuditEntry.objects.get(action="status")
    assert (entry.before, entry.after) == ({"status": "open"}, {"status": "wont_do"})
    assert entry.object_type == "actions.actionitem"


def test_setting_the_same_status_changes_nothing(item, editor):
    assert not item.set_status(ActionItem.Status.OPEN, editor)
    assert not AuditEntry.objects.exists()


def test_an_unknown_status_is_refused(item, editor):
    with pytest.raises(ValueError):
        item.set_status("finished", editor)


def test_a_try_harder_title_is_found(item):
    item.title = "Remind engineers to double-check the config before deploying"
    findings = item.try_harder_findings()
    assert [f.category for f in findings] == ["try_harder"]
    assert findings[0].message and findings[0].suggestion
    assert not item.changes_the_system


def test_a_try_harder_description_is_found_too(item):
    item.description = "Everyone should be more careful when running migrations."
    assert item.try_harder_by_field()["description"]
    assert not item.changes_the_system


def test_an_automated_check_changes_the_system(item):
    item.title = "Add a presubmit check that validates the schema"
    assert item.try_harder_findings() == []
    assert item.changes_the_system


def test_a_learning_item_does_not_change_the_system(item):
    item.kind = ActionItem.Kind.LEARN
    assert item.try_harder_findings() == []
    assert not item.changes_the_system


def test_responders_names_are_read_as_people(item, editor):
    editor.first_name = "Dana"
    editor.save()
    item.title = "Dana will double-check the config from now on"
    assert "Dana" in item.roster()
    assert item.try_harder_findings()


def test_retraining_a_model_is_not_try_harder():
    assert try_harder_in("Retrain the fraud model on last month's data") == []


def test_blank_text_has_no_findings():
    assert try_harder_in("   ") == []


def test_the_summary_counts_the_share_that_changes_the_system(incident, item, editor, frozen):
    ActionItem.objects.create(incident=incident, title="Be more careful with deploys")
    ActionItem.objects.create(incident=incident, title="Write a runbook", kind="learn")
    dropped = ActionItem.objects.create(incident=incident, title="Retrain everyone")
    dropped.set_status(ActionItem.Status.WONT_DO, editor)
    summary = ActionSummary.of(incident)
    assert (summary.factors, summary.items, summary.open, summary.overdue) == (1, 4, 3, 1)
    # Won't-do items leave the share: 1 of the 3 remaining changes the system.
    assert (summary.changing_system, summary.considered, summary.system_percent) == (1, 3, 33)


def test_the_summary_of_an_incident_without_items_has_no_share(incident):
    summary = ActionSummary.of(incident)
    assert summary.system_share is None and summary.system_percent is None


def test_items_sort_by_due_date_with_undated_last(incident, item):
    undated = ActionItem.objects.create(incident=incident, title="Someday")
    sooner = ActionItem.objects.create(incident=incident, title="Soon", due_date=date(2026, 2, 1))
    assert list(ActionItem.objects.by_due_date()) == [sooner, item, undated]


def test_visible_to_hides_restricted_items_from_outsiders(item, restricted_item, outsider, editor):
    assert list(ActionItem.objects.visible_to(outsider)) == [item]
    assert set(ActionItem.objects.visible_to(editor)) == {item, restricted_item}


def test_deleting_a_factor_keeps_its_items(factor, item, editor):
    factor.delete_by(editor)
    item.refresh_from_db()
    assert item.factors.count() == 0
    assert AuditEntry.objects.filter(action="delete", object_type="actions.contributingfactor")

"""Every save and delete updates the search index and the insights rollups in its transaction.

Bulk writes send no signals: importers that use bulk_create call
index.refresh themselves (integrations.models.import_chat), and
`unblame demo --incidents` rebuilds both.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from unblame.actions.models import FactorCategory
from unblame.incidents.models import Incident
from unblame.insights import index, rollups
from unblame.reviews.models import Review, ReviewSection, SectionVersion


def _saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Fixtures load raw rows in any order; `rebuild_search_index` follows them.
    if not raw:
        index.refresh(sender, [instance.pk])


def _deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    index.remove(sender, [instance.pk])


for model in index.indexed_models():
    post_save.connect(_saved, sender=model, dispatch_uid=f"search-save-{model.__name__}")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"search-delete-{model.__name__}")


def _version_saved(sender: Any, instance: SectionVersion, raw: bool = False, **kw: Any) -> None:
    if not raw:
        index.refresh_section_of(instance)


def _category_saved(sender: Any, instance: FactorCategory, raw: bool = False, **kw: Any) -> None:
    if not raw:
        index.refresh_category(instance)


post_save.connect(_version_saved, sender=SectionVersion, dispatch_uid="search-section-version")
post_save.connect(_category_saved, sender=FactorCategory, dispatch_uid="search-category")


# -- Insights results kept in the cache ------------------------------------------------------


def _counted_changed(**kwargs: Any) -> None:
    from unblame.insights import cache

    cache.changed()


def _counted_models() -> list[Any]:
    from django.contrib.auth import get_user_model

    from unblame.actions.models import ActionItem, ContributingFactor
    from unblame.incidents.models import Incident, Responder, Service, Severity
    from unblame.reviews.models import FindingAcknowledgement

    return [
        Incident,
        Responder,
        Service,
        Severity,
        ContributingFactor,
        FactorCategory,
        ActionItem,
        Review,
        ReviewSection,
        SectionVersion,
        FindingAcknowledgement,
        get_user_model(),
    ]


for counted in _counted_models():
    name = counted.__name__
    post_save.connect(_counted_changed, sender=counted, dispatch_uid=f"insights-save-{name}")
    post_delete.connect(_counted_changed, sender=counted, dispatch_uid=f"insights-delete-{name}")
m2m_changed.connect(
    _counted_changed, sender=Incident.services.through, dispatch_uid="insights-services"
)


# -- Rollups (insights.rollups) ----------------------------------------------------------------


def _incident_of(instance: Any) -> int | None:
    """The id of the incident a saved or deleted row belongs to."""
    if isinstance(instance, Incident):
        return instance.pk
    if isinstance(instance, SectionVersion):
        instance = instance.section
    if isinstance(instance, ReviewSection):
        instance = instance.review
    if getattr(instance, "section_id", None):  # an acknowledgement of a section
        instance = instance.section.review
    elif getattr(instance, "review_id", None):  # an acknowledgement of the review
        instance = instance.review
    return getattr(instance, "incident_id", None)


def _rollups_of(model: Any) -> list[Any]:
    from unblame.actions.models import ActionItem, ContributingFactor
    from unblame.incidents.models import Responder
    from unblame.insights import models as facts
    from unblame.reviews.models import FindingAcknowledgement

    return {
        Incident: list(rollups.TABLES),
        Responder: [facts.ResponderFacts],
        ActionItem: [facts.ItemFacts],
        ContributingFactor: [facts.FactorFacts],
        Review: [facts.IncidentFacts, facts.ReviewFacts],
        ReviewSection: [facts.ReviewFacts],
        SectionVersion: [facts.ReviewFacts],
        FindingAcknowledgement: [facts.ReviewFacts],
    }[model]


def _rollup_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    # Fixtures load raw rows in any order; `rebuild_insights` follows them.
    if not raw:
        rollups.refresh([_incident_of(instance)], _rollups_of(sender))


def _rollup_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Rows of a deleted row go with it (their foreign keys cascade); what it
    # changed in its incident's other rows is read again once the deletion is
    # committed, as the incident itself may be going in the same cascade.
    try:
        incident = _incident_of(instance)
    except ObjectDoesNotExist:
        return  # its section or review went first, in the same cascade
    tables = _rollups_of(sender)
    transaction.on_commit(lambda: rollups.refresh([incident], tables))


def _zone_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        rollups.refresh_zone(instance)


def _merged(sender: Any, kept: Incident, duplicate: Incident, **kwargs: Any) -> None:
    # A merge moves responders and reviews with UPDATEs; this app's receiver
    # runs after those of the apps listed before it (actions, reviews).
    rollups.refresh([kept.pk, duplicate.pk])


def _services_changed(sender: Any, action: str, **kwargs: Any) -> None:
    # The link table's triggers marked the services' kept response minutes stale (SQLite).
    if action.startswith("post_"):
        from unblame.insights import digest

        digest.refresh_stale()


def _connect_rollups() -> None:
    from django.contrib.auth import get_user_model

    from unblame.actions.models import ActionItem, ContributingFactor
    from unblame.incidents.merge import incident_merged
    from unblame.incidents.models import Responder
    from unblame.reviews.models import FindingAcknowledgement

    saved = [Incident, Responder, ActionItem, ContributingFactor, Review, ReviewSection]
    for model in [*saved, SectionVersion, FindingAcknowledgement]:
        uid = f"rollups-save-{model.__name__}"
        post_save.connect(_rollup_saved, sender=model, dispatch_uid=uid)
    # Deleting an incident, responder, item or factor cascades to its rows alone.
    for model in (Review, ReviewSection, FindingAcknowledgement):
        uid = f"rollups-delete-{model.__name__}"
        post_delete.connect(_rollup_deleted, sender=model, dispatch_uid=uid)
    post_save.connect(_zone_saved, sender=get_user_model(), dispatch_uid="rollups-zone")
    incident_merged.connect(_merged, dispatch_uid="rollups-merge")
    m2m_changed.connect(
        _services_changed, sender=Incident.services.through, dispatch_uid="rollups-services"
    )


_connect_rollups()

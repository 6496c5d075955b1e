"""Every save and delete of searchable text updates the search index in the same transaction.

Bulk writes send no signals: importers that use bulk_create call
index.refresh themselves (integrations.models.import_chat).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save

from unblame.actions.models import FactorCategory
from unblame.incidents.models import Incident
from unblame.insights import index
from unblame.reviews.models import Review, ReviewSection, ReviewState, SectionVersion


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


def _review_saved(sender: Any, instance: Review, raw: bool = False, **kw: Any) -> None:
    # Published text is what the writing report reads; count it as it is published.
    if not raw and instance.state == ReviewState.PUBLISHED:
        from unblame.insights.writing import count_missing

        count_missing(ReviewSection.objects.filter(review=instance).exclude(body=""), limit=None)


post_save.connect(_review_saved, sender=Review, dispatch_uid="insights-review-published")


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

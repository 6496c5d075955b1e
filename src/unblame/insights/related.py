"""Earlier incidents like this one: shared services, shared factor categories, shared words.

Only incidents the reader may see, declared before this one and within
WINDOW of it, are considered; each shared service or category counts two,
wording found through the search index counts one, and the newest wins a tie.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from unblame.actions.models import ContributingFactor
from unblame.incidents.access import visible_incidents
from unblame.incidents.models import Incident
from unblame.insights.models import SearchEntry
from unblame.insights.search import search_ids

WINDOW = timedelta(days=365)
LIMIT = 5
# Words too common in incident titles to say two incidents are alike.
COMMON = frozenset(
    [
        "after",
        "before",
        "during",
        "with",
        "from",
        "into",
        "when",
        "were",
        "have",
        "been",
        "this",
        "that",
        "than",
        "then",
        "their",
        "there",
        "what",
        "which",
        "while",
        "some",
        "more",
        "less",
        "very",
        "incident",
        "incidents",
        "issue",
        "issues",
        "error",
        "errors",
        "problem",
        "problems",
        "outage",
        "degraded",
        "failing",
        "failed",
        "failure",
    ]
)


@dataclass
class Related:
    incident: Incident
    services: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    wording: bool = False

    @property
    def reasons(self) -> list[str]:
        reasons = [f"service {name}" for name in self.services]
        reasons += [f"factor category {name}" for name in self.categories]
        return reasons + (["similar wording"] if self.wording else [])


def wording_of(incident: Incident) -> list[str]:
    words = [w for w in incident.title.split() if len(w) > 3 and w.lower() not in COMMON]
    return list(dict.fromkeys(w.strip(".,:;!?()[]\"'").lower() for w in words))[:8]


def _count(queryset: Any, distinct: str = "") -> Coalesce:
    """Rows of `queryset` per incident, or its distinct values of the field `distinct`."""
    # A later values() replaces an earlier distinct(), so distinctness is counted here.
    n = Count(distinct, distinct=True) if distinct else Count("*")
    counted = queryset.values("incident_id").annotate(n=n).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def related_incidents(incident: Incident, user: Any, limit: int = LIMIT) -> list[Related]:
    earlier = visible_incidents(user).filter(
        declared_at__lt=incident.declared_at, declared_at__gte=incident.declared_at - WINDOW
    )
    through = Incident.services.through.objects
    services = through.filter(incident_id=incident.pk).values("service_id")
    categories = ContributingFactor.objects.filter(incident=incident).values("category_id")
    shared_services = through.filter(incident_id=OuterRef("pk"), service_id__in=services)
    shared_categories = (
        ContributingFactor.objects.filter(incident=OuterRef("pk"), category_id__in=categories)
        .order_by()
        .values("incident_id", "category_id")
        .distinct()
    )
    worded = search_ids(
        earlier, wording_of(incident), kind=SearchEntry.Kind.INCIDENT, any_word=True
    )
    ranked = (
        earlier.filter(Exists(shared_services) | Exists(shared_categories) | Q(pk__in=worded))
        .annotate(
            score=2 * _count(shared_services)
            + 2 * _count(shared_categories, "category_id")
            + Case(When(pk__in=worded, then=Value(1)), default=Value(0))
        )
        .select_related("severity")
        .order_by("-score", "-declared_at", "-id")[:limit]
    )
    found = {
        candidate.pk: Related(candidate, wording=candidate.pk in worded) for candidate in ranked
    }
    _reasons(found, services, categories)
    return list(found.values())


def _reasons(found: dict[int, Related], services: Any, categories: Any) -> None:
    names = defaultdict(list)
    rows = Incident.services.through.objects.filter(
        incident_id__in=found, service_id__in=services
    ).values_list("incident_id", "service__name")
    for incident_id, name in rows.order_by("service__name"):
        names[incident_id].append(name)
    factor_rows = (
        ContributingFactor.objects.filter(incident_id__in=found, category_id__in=categories)
        .values_list("incident_id", "category__name")
        .order_by("category__name")
        .distinct()
    )
    for pk, related in found.items():
        related.services = names[pk]
    for incident_id, name in factor_rows:
        found[incident_id].categories.append(name)

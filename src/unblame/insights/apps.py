from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def fill_empty_index(sender: Any, **kwargs: Any) -> None:
    """Index existing records the first time an installation migrates to a version with search."""
    from unblame.incidents.models import Incident
    from unblame.insights import index
    from unblame.insights.models import SearchEntry

    if not SearchEntry.objects.exists() and Incident.objects.exists():
        index.rebuild()


def fill_empty_rollups(sender: Any, **kwargs: Any) -> None:
    """Write the rollups the first time an installation migrates to a version with them."""
    from unblame.incidents.models import Incident
    from unblame.insights import rollups
    from unblame.insights.models import IncidentFacts

    if not IncidentFacts.objects.exists() and Incident.objects.exists():
        rollups.rebuild()


class InsightsConfig(AppConfig):
    name = "unblame.insights"
    label = "insights"
    verbose_name = "Insights and search across incidents"

    def ready(self) -> None:
        # Keeps the search index in step with every save and delete.
        from unblame.insights import signals  # noqa: F401

        post_migrate.connect(fill_empty_index, sender=self, dispatch_uid="search-fill-empty")
        post_migrate.connect(fill_empty_rollups, sender=self, dispatch_uid="rollups-fill-empty")

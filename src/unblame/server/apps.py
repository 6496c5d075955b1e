from django.apps import AppConfig
from django.conf import settings


class ServerConfig(AppConfig):
    """Holds the shared templates, static files and template tags."""

    name = "unblame.server"
    label = "server"

    def ready(self) -> None:
        from unblame.server import datadir

        # An installation from before the data folder was created private.
        datadir.tighten(settings.DATA_DIR)

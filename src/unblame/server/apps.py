from django.apps import AppConfig


class ServerConfig(AppConfig):
    """Holds the shared templates, static files and template tags."""

    name = "unblame.server"
    label = "server"

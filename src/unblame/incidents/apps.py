from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "unblame.incidents"
    label = "incidents"

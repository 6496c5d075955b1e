from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "unblame.actions"
    label = "actions"
    verbose_name = "Contributing factors and action items"

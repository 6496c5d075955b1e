from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "unblame.integrations"
    label = "integrations"
    verbose_name = "Chat imports and alert webhooks"

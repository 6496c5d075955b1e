from django.apps import AppConfig


class IntegrationsConfig(AppConfig):
    name = "unblame.integrations"
    label = "integrations"
    verbose_name = "Chat imports and alert webhooks"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from unblame.accounts.models import AuditEntry
        from unblame.integrations.webhooks import on_audit_entry

        # Webhook events come from the audit log every service writes.
        post_save.connect(on_audit_entry, sender=AuditEntry, dispatch_uid="webhook-events")

from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "unblame.actions"
    label = "actions"
    verbose_name = "Contributing factors and action items"

    def ready(self) -> None:
        from unblame.actions.merge import move_to_kept
        from unblame.incidents.merge import incident_merged

        incident_merged.connect(move_to_kept, dispatch_uid="actions-merge")

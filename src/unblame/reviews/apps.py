from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "unblame.reviews"
    label = "reviews"
    verbose_name = "Reviews and personal debriefs"

    def ready(self) -> None:
        from unblame.incidents.merge import incident_merged
        from unblame.reviews.merge import move_to_kept

        incident_merged.connect(move_to_kept, dispatch_uid="reviews-merge")

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "unblame.reviews"
    label = "reviews"
    verbose_name = "Reviews and personal debriefs"

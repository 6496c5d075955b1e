from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "unblame.accounts"
    label = "accounts"

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "goodloop.accounts"
    label = "accounts"

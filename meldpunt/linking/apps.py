from django.apps import AppConfig


class LinkingConfig(AppConfig):
    name = "meldpunt.linking"

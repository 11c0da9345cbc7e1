from django.apps import AppConfig


class LibConfig(AppConfig):
    name = "meldpunt.lib"
    label = "meldpunt_lib"
    verbose_name = "Meldpunt shared helpers"

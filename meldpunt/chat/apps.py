from django.apps import AppConfig


class ChatConfig(AppConfig):
    name = "meldpunt.chat"

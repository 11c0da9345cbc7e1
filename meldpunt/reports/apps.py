from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "meldpunt.reports"

    def ready(self) -> None:
        from meldpunt.cases.search import register_text_source
        from meldpunt.reports.selectors import mailbox_texts

        register_text_source(mailbox_texts)

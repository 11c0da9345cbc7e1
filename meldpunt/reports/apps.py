from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "meldpunt.reports"
    verbose_name = _("Meldingen")

    def ready(self) -> None:
        from meldpunt.cases.search.index import register_text_source
        from meldpunt.lib.metrics import register_gauge
        from meldpunt.lib.reporter_session import register_session_end
        from meldpunt.lib.rotation import register_encrypted_binary
        from meldpunt.reports.selectors import mailbox_texts, reports_last_hour
        from meldpunt.reports.services import ATTACHMENT_PURPOSE
        from meldpunt.reports.session import end_draft

        register_text_source(mailbox_texts)
        register_session_end(end_draft)
        # Attachments are encrypt_bytes output in a BinaryField: rotate_keys must know them.
        register_encrypted_binary(
            model="reports.Attachment", field="data", purpose=ATTACHMENT_PURPOSE
        )
        register_gauge(
            "meldpunt_reports_last_hour",
            "Web reports sent and mailbox messages received in the last hour, per channel.",
            reports_last_hour,
        )

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "meldpunt.reports"

    def ready(self) -> None:
        from meldpunt.cases.search import register_text_source
        from meldpunt.lib.rotation import register_encrypted_binary
        from meldpunt.reports.selectors import mailbox_texts
        from meldpunt.reports.services import ATTACHMENT_PURPOSE

        register_text_source(mailbox_texts)
        # Attachments are encrypt_bytes output in a BinaryField: rotate_keys must know them.
        register_encrypted_binary(
            model="reports.Attachment", field="data", purpose=ATTACHMENT_PURPOSE
        )

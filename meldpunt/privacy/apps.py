from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "meldpunt.privacy"
    verbose_name = _("Bewaartermijnen en privacy")

    def ready(self) -> None:
        from meldpunt.audit.labels import register_choice_labels
        from meldpunt.privacy.models import PeriodUnit, RetentionCategory

        register_choice_labels(
            {"category": dict(RetentionCategory.choices), "unit": dict(PeriodUnit.choices)}
        )

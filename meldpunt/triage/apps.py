from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "meldpunt.triage"
    verbose_name = _("Signalen en triage")

    def ready(self) -> None:
        from meldpunt.audit.labels import register_choice_labels, register_value_label
        from meldpunt.cases.checklist import register_checklist
        from meldpunt.triage.models import Decision
        from meldpunt.triage.presenters import signal_label
        from meldpunt.triage.taxonomy import grouped_indicator_choices

        # The checklist of signals an advisor ticks on a contact is triage's taxonomy.
        register_checklist(grouped_indicator_choices)
        register_choice_labels({"decision": dict(Decision.choices)})
        register_value_label("item", signal_label)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The filters of a case search (the fields of cases.search.selectors.CaseQuery), as the audit log
# names them.
SEARCH_FILTERS = {
    "text": _("zoekwoorden"),
    "status": _("status"),
    "assigned_to_id": _("behandelaar"),
    "unassigned": _("zonder behandelaar"),
    "created_from": _("aangemaakt vanaf"),
    "created_to": _("aangemaakt tot en met"),
}


class CasesConfig(AppConfig):
    name = "meldpunt.cases"
    verbose_name = _("Zaken")

    def ready(self) -> None:
        from meldpunt.audit.labels import register_choice_labels
        from meldpunt.cases.models import (
            AssessmentConclusion,
            CaseKind,
            CaseStatus,
            Channel,
            ClosingReason,
            Disposition,
            Outcome,
            Urgency,
        )

        status_or_kind = {**dict(CaseStatus.choices), **dict(CaseKind.choices)}
        register_choice_labels(
            {
                "from": status_or_kind,
                "to": status_or_kind,
                "kind": dict(CaseKind.choices),
                "reason": dict(ClosingReason.choices),
                "outcome": dict(Outcome.choices),
                "conclusion": dict(AssessmentConclusion.choices),
                "channel": dict(Channel.choices),
                "disposition": dict(Disposition.choices),
                "urgency": dict(Urgency.choices),
                "filters": SEARCH_FILTERS,
            }
        )

"""The dashboard's filters: a plain GET form that works without JavaScript."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Municipality, Role, User
from meldpunt.cases.models import Channel
from meldpunt.stats.selectors import Scope, years_offered

GRAINS = [("week", _("week")), ("month", _("maand")), ("quarter", _("kwartaal"))]
QUARTERS = [("", _("heel het jaar"))] + [
    (str(q), _("kwartaal %(q)s") % {"q": q}) for q in range(1, 5)
]


class FilterForm(forms.Form):
    """Year for everyone; quarter, grain, municipality and channel only for those who see
    exact figures. A municipality viewer sees whole years by quarter and only their own
    municipality, so two choices together cannot reveal a hidden small number."""

    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"), choices=QUARTERS, coerce=int, required=False, empty_value=None
    )
    per = forms.ChoiceField(label=_("Per"), choices=GRAINS, required=False)
    gemeente = forms.ChoiceField(
        label=_("Gemeente"),
        choices=[("", _("alle gemeenten")), *Municipality.choices],
        required=False,
    )
    kanaal = forms.ChoiceField(
        label=_("Kanaal"), choices=[("", _("alle kanalen")), *Channel.choices], required=False
    )

    def __init__(self, data: object, *, user: User, today: date) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.user = user
        self.today = today
        self.fields["jaar"].choices = [(year, str(year)) for year in years_offered(today)]  # type: ignore[attr-defined]
        if user.role == Role.MUNICIPALITY:
            for name in ("kwartaal", "per", "gemeente", "kanaal"):
                del self.fields[name]

    def scope(self) -> Scope:
        """The scope asked for; the default (this year) for anything invalid."""
        protected = self.user.role == Role.MUNICIPALITY
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("jaar") or self.today.year
        if protected:
            return Scope(year=year, municipality=self.user.municipality, protected=True)
        return Scope(
            year=year,
            quarter=data.get("kwartaal"),
            grain=data.get("per") or "month",
            municipality=data.get("gemeente", ""),
            channel=data.get("kanaal", ""),
        )


def last_quarter(today: date) -> tuple[int, int]:
    """The year and number of the last quarter that has ended."""
    quarter = (today.month - 1) // 3
    return (today.year, quarter) if quarter else (today.year - 1, 4)


class ReportForm(forms.Form):
    """Year, quarter and (for analysts and coordinators) the municipality of a quarterly
    report. A municipality viewer gets their own municipality, whatever is asked."""

    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"), choices=[(q, str(q)) for q in range(1, 5)], coerce=int
    )
    gemeente = forms.ChoiceField(label=_("Gemeente"), choices=Municipality.choices)

    def __init__(self, data: object, *, user: User, today: date) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        self.user = user
        self.today = today
        self.fields["jaar"].choices = [(year, str(year)) for year in years_offered(today)]  # type: ignore[attr-defined]
        if user.role == Role.MUNICIPALITY:
            del self.fields["gemeente"]

    def choice(self) -> tuple[int, int, str]:
        """(year, quarter, municipality) asked for; the last ended quarter by default."""
        year, quarter = last_quarter(self.today)
        data = self.cleaned_data if self.is_valid() else {}
        if self.user.role == Role.MUNICIPALITY:
            municipality = self.user.municipality
        else:
            municipality = data.get("gemeente") or Municipality.values[0]
        return data.get("jaar") or year, data.get("kwartaal") or quarter, municipality

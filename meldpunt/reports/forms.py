"""The steps of the web report form, and the mailbox forms.

Forms only check input; storing is left to services. Every form renders its own
error messages next to the field (see templates/forms/_field.html); browser-side
``required`` checks are switched off so the messages are always the site's own, in the
reporter's language.
"""

from typing import Any

import phonenumbers
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Area, Exploitation, HowHeard, ReporterRole
from meldpunt.reports.receipts import normalise_code
from meldpunt.reports.uploads import ACCEPT, CleanFile, UploadRefused, clean_upload

TEXT_MAX = 10_000
LINE_MAX = 300

SENSITIVE = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}


def _text(label: Any, help_text: Any = "", max_length: int = LINE_MAX) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=max_length,
        widget=forms.TextInput(attrs={**SENSITIVE, "class": "utrecht-textbox"}),
    )


def _area(
    label: Any, help_text: Any = "", rows: int = 3, required: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={**SENSITIVE, "class": "utrecht-textarea", "rows": rows}),
    )


class OptionRadio(forms.RadioSelect):
    """One choice per line, the button before its label (forms/_field.html gives the fieldset)."""

    template_name = "reports/widget_options.html"


def _radio(label: Any, choices: list[tuple[str, Any]], help_text: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        widget=OptionRadio(attrs={"class": "utrecht-radio-button"}),
        error_messages={"required": _("Kies een van de mogelijkheden.")},
    )


class OptionCheckboxes(forms.CheckboxSelectMultiple):
    """Tick what applies: one box per line, before its label (as OptionRadio)."""

    template_name = "reports/widget_options.html"


class ReportStepForm(forms.Form):
    use_required_attribute = False

    def raw(self) -> dict[str, str | list[str]]:
        """What was typed, as text, so it can be kept in the draft even when invalid."""
        raw: dict[str, str | list[str]] = {}
        for name, field in self.fields.items():
            if isinstance(field, forms.MultipleChoiceField):
                ticked = field.widget.value_from_datadict(self.data, self.files, name)
                raw[name] = [str(value) for value in ticked or []]
            else:
                raw[name] = str(self.data.get(name, ""))
        return raw


class WhoForm(ReportStepForm):
    reporter_role = _radio(
        _("Wie bent u?"),
        [
            (ReporterRole.BYSTANDER, _("Ik woon in de buurt of ik zag of hoorde iets")),
            (ReporterRole.PROFESSIONAL, _("Ik meld vanuit mijn werk (als professional)")),
            (ReporterRole.SELF, _("Het gaat over mijzelf")),
            (ReporterRole.OTHER, _("Anders")),
        ],
    )


WISH_ADVICE = "advice"
WISH_REPORT = "report"


class WhatForm(ReportStepForm):
    description = _area(
        _("Wat is er aan de hand?"),
        _("Schrijf op wat u zag, hoorde of meemaakte. Alles kan helpen, ook kleine dingen."),
        rows=8,
        required=True,
    )
    exploitation = _radio(
        _("Om welke vorm van uitbuiting gaat het volgens u?"),
        [
            (Exploitation.SEXUAL, _("Seksuele uitbuiting (gedwongen seks of sekswerk)")),
            (Exploitation.LABOUR, _("Arbeidsuitbuiting (werk onder slechte omstandigheden)")),
            (Exploitation.CRIMINAL, _("Criminele uitbuiting (gedwongen stelen of drugs dealen)")),
            (Exploitation.UNKNOWN, _("Ik weet het niet")),
        ],
    )
    wish = _radio(
        _("Wat wilt u van het Meldpunt?"),
        [
            (WISH_ADVICE, _("Ik wil advies. Daarna beslis ik zelf wat ik doe.")),
            (WISH_REPORT, _("Ik wil dat het Meldpunt er iets mee doet. Dit heet een melding.")),
        ],
        _(
            "Bij een melding bekijken wij binnen 5 werkdagen wat er nodig is. "
            "Is het dringend, dan zo snel mogelijk."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].error_messages["required"] = _(
            "Schrijf in een paar woorden op wat er aan de hand is."
        )


WHEN_CHOICES = [
    ("ongoing", _("Het gebeurt nu nog")),
    ("recent", _("Kort geleden (de afgelopen maanden)")),
    ("past", _("Langer geleden")),
]


class WhereWhenForm(ReportStepForm):
    municipality = _radio(
        _("In welke gemeente gebeurt het?"),
        [(area.value, capfirst(area.label)) for area in Area if area != Area.UNKNOWN]
        + [(Area.UNKNOWN, _("Ik weet het niet"))],
    )
    place = _text(_("Plaats of wijk"), _("Niet verplicht."))
    address = _text(_("Adres"), _("Niet verplicht. Bijvoorbeeld straat en huisnummer."))
    workplace = _text(
        _("Werkplek of bedrijf"), _("Niet verplicht. Bijvoorbeeld de naam van een bedrijf.")
    )
    when = _radio(_("Wanneer gebeurt of gebeurde het?"), WHEN_CHOICES)


VICTIM_COUNT_CHOICES = [
    ("1", _("Eén persoon")),
    ("2-5", _("2 tot 5 personen")),
    ("6+", _("Meer dan 5 personen")),
    ("unknown", _("Ik weet het niet")),
]
YES_NO_UNKNOWN = [("yes", _("Ja")), ("no", _("Nee")), ("unknown", _("Ik weet het niet"))]
CONCERN_CHOICES = [
    ("danger", _("Iemand is in gevaar of wordt bedreigd")),
    ("documents", _("Iemand moest zijn paspoort of ID-kaart afgeven")),
]


class PeopleForm(ReportStepForm):
    victim_count = _radio(_("Hoeveel mensen worden mogelijk uitgebuit?"), VICTIM_COUNT_CHOICES)
    minors = _radio(_("Zijn er kinderen bij (jonger dan 18 jaar)?"), YES_NO_UNKNOWN)
    victim_age = _text(_("Hoe oud zijn zij ongeveer?"), _("Niet verplicht."))
    victim_origin = _text(
        _("Nationaliteit of taal"),
        _("Niet verplicht. Bijvoorbeeld: Pools, Roemeens, spreekt alleen Engels."),
    )
    concerns = forms.MultipleChoiceField(
        label=_("Klopt een van deze dingen?"),
        help_text=_("Niet verplicht. Kruis aan wat klopt."),
        required=False,
        choices=CONCERN_CHOICES,
        widget=OptionCheckboxes(attrs={"class": "utrecht-checkbox"}),
    )
    perpetrators = _area(
        _("Wie zijn mogelijk de daders?"),
        _("Niet verplicht. Beschrijf hoe zij eruitzien, namen of bijnamen, wat zij doen."),
    )


class IdentifyForm(ReportStepForm):
    phone_numbers = _area(_("Telefoonnummers"), _("Niet verplicht. Eén per regel."), rows=2)
    licence_plates = _area(_("Kentekens van auto's of busjes"), _("Niet verplicht."), rows=2)
    addresses = _area(_("Adressen"), _("Niet verplicht. Eén per regel."), rows=2)
    company_names = _area(_("Namen van bedrijven"), _("Niet verplicht."), rows=2)
    websites = _area(
        _("Websites, advertenties of accounts op sociale media"),
        _("Niet verplicht. Bijvoorbeeld een link naar een advertentie."),
        rows=2,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by content in ``clean``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ACCEPT, "class": "report-file"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class FilesForm(forms.Form):
    """Attachments: every good file is kept, every refused one is named in the error."""

    use_required_attribute = False

    files = MultipleFileField(  # type: ignore[assignment]  # a field; not BaseForm.files
        label=_("Foto's of documenten toevoegen"),
        required=False,
    )

    def __init__(self, *args: Any, already: int = 0, tries_left: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.already = already
        self.tries_left = tries_left
        self.tried = 0
        self.accepted: list[CleanFile] = []
        limit = settings.MELDPUNT_ATTACHMENT_MAX_FILES
        mb = settings.MELDPUNT_ATTACHMENT_MAX_BYTES // (1024 * 1024)
        self.fields["files"].help_text = _(
            "Niet verplicht. Foto's (JPEG, PNG of HEIC) of PDF, hoogstens %(count)s bestanden "
            "van elk %(mb)s MB. Wij halen gegevens zoals de plek waar een foto is gemaakt "
            "uit de foto."
        ) % {"count": limit, "mb": mb}

    def clean_files(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data["files"]
        room = settings.MELDPUNT_ATTACHMENT_MAX_FILES - self.already
        problems: list[str] = []
        for upload in files:
            if len(self.accepted) >= room:
                problems.append(
                    _("%(name)s is niet toegevoegd: u kunt hoogstens %(count)s bestanden sturen.")
                    % {"name": upload.name, "count": settings.MELDPUNT_ATTACHMENT_MAX_FILES}
                )
                continue
            if self.tried >= self.tries_left:
                problems.append(
                    _(
                        "%(name)s is niet toegevoegd: u heeft voor deze melding al te veel "
                        "bestanden geprobeerd. Stuur de melding met de bestanden die er nu "
                        "bij staan."
                    )
                    % {"name": upload.name}
                )
                continue
            self.tried += 1
            try:
                self.accepted.append(clean_upload(upload))
            except UploadRefused as refused:
                problems.append(str(refused))
        if problems:
            raise forms.ValidationError(problems)
        return files


CONTACT_CHOICES = [
    ("anonymous", _("Ik blijf anoniem. Ik kijk zelf in mijn postbus met mijn code.")),
    ("phone", _("U mag mij bellen")),
    ("email", _("U mag mij e-mailen")),
]


class ContactForm(ReportStepForm):
    how_heard = _radio(
        _("Hoe hebt u van ons gehoord?"),
        [
            (choice.value, capfirst(choice.label))
            for choice in HowHeard
            if choice != HowHeard.UNKNOWN
        ]
        + [(HowHeard.UNKNOWN, _("Weet ik niet meer"))],
    )
    contact_preference = _radio(_("Mogen wij contact met u opnemen?"), CONTACT_CHOICES)
    phone = forms.CharField(
        label=_("Uw telefoonnummer"),
        required=False,
        max_length=40,
        widget=forms.TextInput(
            attrs={**SENSITIVE, "class": "utrecht-textbox", "inputmode": "tel", "type": "tel"}
        ),
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        required=False,
        max_length=200,
        widget=forms.EmailInput(attrs={**SENSITIVE, "class": "utrecht-textbox"}),
        error_messages={"invalid": _("Dit is geen geldig e-mailadres.")},
    )
    consent = forms.BooleanField(
        label=_(
            "Ik geef het Meldpunt toestemming om mij over deze melding te bellen of te mailen. "
            "Mijn gegevens worden alleen gebruikt om contact met mij op te nemen en niet aan "
            "anderen gegeven zonder mijn toestemming."
        ),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "utrecht-checkbox"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        preference = data.get("contact_preference")
        if preference == "phone":
            phone = data.get("phone", "").strip()
            if not phone:
                self.add_error("phone", _("Vul uw telefoonnummer in, of kies een andere manier."))
            else:
                try:
                    parsed = phonenumbers.parse(phone, "NL")
                    valid = phonenumbers.is_possible_number(parsed)
                except phonenumbers.NumberParseException:
                    valid = False
                if not valid:
                    self.add_error(
                        "phone", _("Dit telefoonnummer klopt niet. Bijvoorbeeld: 06 12345678.")
                    )
        if preference == "email" and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul uw e-mailadres in, of kies een andere manier."))
        if preference in {"phone", "email"} and not data.get("consent"):
            self.add_error("consent", _("Geef toestemming, of kies ervoor anoniem te blijven."))
        return data


class CheckForm(forms.Form):
    """The last step: the honeypot that people never see and bots fill in."""

    use_required_attribute = False

    homepage = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_homepage(self) -> str:
        value: str = self.cleaned_data["homepage"]
        if value:
            raise forms.ValidationError(_("Laat dit veld leeg."))
        return value


class MailboxCodeForm(forms.Form):
    use_required_attribute = False

    code = forms.CharField(
        label=_("Uw code (16 cijfers)"),
        help_text=_("De code die u kreeg na het versturen van uw melding."),
        max_length=40,
        widget=forms.TextInput(
            attrs={**SENSITIVE, "class": "utrecht-textbox", "inputmode": "numeric"}
        ),
        error_messages={"required": _("Vul uw code in.")},
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("Een code bestaat uit 16 cijfers. Kijk of u hem goed hebt overgenomen.")
            )
        return code


class MailboxMessageForm(forms.Form):
    use_required_attribute = False

    text = forms.CharField(
        label=_("Uw bericht"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={**SENSITIVE, "class": "utrecht-textarea", "rows": 6}),
    )
    files = MultipleFileField(  # type: ignore[assignment]  # a field; not BaseForm.files
        label=_("Foto's of documenten toevoegen"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.accepted: list[CleanFile] = []
        self.fields["files"].help_text = _(
            "Niet verplicht. Foto's (JPEG, PNG of HEIC) of PDF, hoogstens %(count)s bestanden."
        ) % {"count": settings.MELDPUNT_ATTACHMENT_MAX_FILES}

    def clean_files(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data["files"]
        if len(files) > settings.MELDPUNT_ATTACHMENT_MAX_FILES:
            raise forms.ValidationError(
                _("U kunt hoogstens %(count)s bestanden tegelijk sturen.")
                % {"count": settings.MELDPUNT_ATTACHMENT_MAX_FILES}
            )
        problems = []
        for upload in files:
            try:
                self.accepted.append(clean_upload(upload))
            except UploadRefused as refused:
                problems.append(str(refused))
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean(self) -> dict[str, Any]:
        data = super().clean() or self.cleaned_data
        if not data.get("text", "").strip() and not self.accepted and not self.errors:
            self.add_error("text", _("Schrijf een bericht of voeg een bestand toe."))
        return data


class StaffReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Antwoord aan de melder"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"class": "utrecht-textarea", "rows": 5}),
        error_messages={"required": _("Schrijf een antwoord.")},
    )

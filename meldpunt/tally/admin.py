"""Campaign periods and their short links, for administrators (/beheer/)."""

from typing import Any

from django import forms
from django.contrib import admin
from django.forms import BaseInlineFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from meldpunt.accounts.models import Municipality
from meldpunt.tally.models import Campaign, CampaignLink
from meldpunt.tally.services import link_code_assign, link_qr, link_url

QR_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


class CampaignForm(forms.ModelForm[Campaign]):
    municipalities = forms.MultipleChoiceField(
        label=_("Gemeenten"),
        choices=Municipality.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Waar de campagne liep. Niets aangevinkt: de hele regio."),
    )

    class Meta:
        model = Campaign
        fields = ["name", "medium", "municipalities", "start", "end"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("Het einde ligt voor het begin."))
        return data


class CampaignLinkInline(admin.StackedInline[CampaignLink, Campaign]):
    # Stacked: every field gets its own label (a tabular inline has only column headings).
    model = CampaignLink
    extra = 0
    fields = ["label", "short_link", "qr_codes"]
    readonly_fields = ["short_link", "qr_codes"]

    @admin.display(description=_("korte link"))
    def short_link(self, link: CampaignLink) -> str:
        return link_url(link) if link.pk else "-"

    @admin.display(description=_("QR-code om te drukken"))
    def qr_codes(self, link: CampaignLink) -> str | Promise:
        if not link.pk:
            return _("na opslaan")
        base = "admin:tally_campaign_qr"
        return format_html(
            '<a href="{}">SVG</a> · <a href="{}">PNG</a>',
            reverse(base, args=[link.pk, "svg"]),
            reverse(base, args=[link.pk, "png"]),
        )


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin[Campaign]):
    form = CampaignForm
    list_display = ["name", "medium", "start", "end"]
    list_filter = ["medium"]
    inlines = [CampaignLinkInline]

    def save_formset(
        self,
        request: HttpRequest,
        form: Any,
        formset: BaseInlineFormSet[Any, Any, Any],
        change: bool,
    ) -> None:
        for link in formset.save(commit=False):
            if not link.code:
                link_code_assign(link)
            link.save()
        for gone in formset.deleted_objects:
            gone.delete()

    def get_urls(self) -> list[URLPattern]:
        qr = path(
            "link/<int:link_id>/qr.<str:kind>",
            self.admin_site.admin_view(self.qr_view),
            name="tally_campaign_qr",
        )
        return [qr, *super().get_urls()]

    def qr_view(self, request: HttpRequest, link_id: int, kind: str) -> HttpResponse:
        """Who: administrators (the admin site). The link's QR code as a file."""
        if kind not in QR_TYPES or not self.has_view_permission(request):
            return HttpResponse(status=404)
        link = get_object_or_404(CampaignLink, pk=link_id)
        response = HttpResponse(link_qr(link, kind), content_type=QR_TYPES[kind])
        response["Content-Disposition"] = f'attachment; filename="qr-{link.code}.{kind}"'
        return response

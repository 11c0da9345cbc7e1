"""Staff views of the triage assistant.

For other screens (phone intake, chat console) that want suggestions while someone types:

- URL name ``triage:suggest`` (``/medewerkers/triage/suggesties/``), method POST with the
  CSRF token, form field ``text``; optional field ``target``: the id of a checklist form
  whose ``indicators`` checkboxes the fragment's "Overnemen" buttons tick (static/js/triage.js).
- Returns an HTML fragment (200) meant for an htmx swap: the text with the triggering
  words in ``<mark>``, the indicators found with accept/dismiss buttons, the suggested
  form with its reasons, and urgency flags. An empty text gives a short hint.
- Example: ``<textarea name="text" hx-post="{% url 'triage:suggest' %}"
  hx-trigger="input changed delay:800ms" hx-target="#triage-result"></textarea>``
  (the page sends the CSRF token, e.g. ``hx-headers`` on the body, or the textarea
  sits in a form with ``{% csrf_token %}`` and ``hx-include="closest form"``).
  Inside an element that sets ``hx-select`` (like the case page), add
  ``hx-select="unset"`` on the requesting element: the fragment has no ``#main``.
- Pages that show the fragment load ``static/js/triage.js`` (for the buttons) and
  ``static/css/triage.css``.
- Who: advisors and coordinators (CASE_ROLES); others get 403, anonymous users a
  redirect to login. The text is never logged or stored.

The checklist itself: ``{% load triage %}{% indicator_checklist selected %}`` renders a
checkbox named ``indicators`` per indicator, grouped by form (or build your own from
``meldpunt.triage.taxonomy``).

``triage:decide`` (POST, on the case page) keeps an advisor's accept or dismiss;
``triage:decision_stats`` (GET, coordinators) shows per indicator how often it was
accepted and dismissed.
"""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from meldpunt.accounts.permissions import (
    CASE_ROLES,
    COORDINATOR_ROLES,
    StaffRequest,
    staff_required,
)
from meldpunt.cases.selectors import access_case, access_contact
from meldpunt.triage.forms import DecideForm, SuggestForm
from meldpunt.triage.presenters import present
from meldpunt.triage.selectors import decision_stats
from meldpunt.triage.services import triage_decide
from meldpunt.triage.suggest import suggest


@require_POST
@staff_required(*CASE_ROLES)
def suggest_fragment(request: StaffRequest) -> HttpResponse:
    """Who: advisors and coordinators. Suggestions for the posted text, as a fragment."""
    form = SuggestForm(request.POST)
    if not form.is_valid():
        return render(request, "triage/_suggestions.html", {"form": form}, status=400)
    text = form.cleaned_data["text"]
    context = {
        "form": form,
        "result": present(text, suggest(text)) if text.strip() else None,
        "target": form.cleaned_data["target"],
    }
    return render(request, "triage/_suggestions.html", context)


@require_POST
@staff_required(*CASE_ROLES)
def decide(request: StaffRequest, case_id: int) -> HttpResponse:
    """Who: advisors and coordinators. Accept or dismiss one suggestion for a case's contact."""
    case = access_case(request.user, case_id, audit=None)
    form = DecideForm(request.POST)
    if not form.is_valid():
        return render(request, "triage/_decision.html", {"form": form}, status=400)
    data = form.cleaned_data
    contact = access_contact(request.user, data["contact"], case=case, audit=None)
    try:
        decision = triage_decide(
            case=case,
            contact=contact,
            item=data["item"],
            accepted=data["decision"] == "accept",
            by=request.user,
            suggested=data["suggested"],
        )
    except ValidationError as error:
        form.add_error("item", error)
        return render(request, "triage/_decision.html", {"form": form}, status=400)
    if not request.headers.get("HX-Request"):
        return redirect("cases:detail", case_id=case.pk)
    return render(request, "triage/_decision.html", {"state": decision.decision})


@require_GET
@staff_required(*COORDINATOR_ROLES)
def decision_stats_page(request: StaffRequest) -> HttpResponse:
    """Who: coordinators. Per indicator and taxonomy version: accepted and dismissed counts."""
    return render(
        request, "triage/decision_stats.html", {"stats": decision_stats(user=request.user)}
    )

"""POST /medewerkers/triage/suggesties/: suggestions as an HTML fragment, for case roles only."""

import logging
import re

import pytest
from django.urls import reverse

from tests.triage.test_suggest_rules_2026_12_9 import NAIL_STUDIO, model

pytestmark = pytest.mark.django_db

URL = reverse("triage:suggest")
TEXT = "De baas heeft zijn paspoort afgepakt. Hij werkt zeven dagen per week <b>zonder</b> loon."


def test_advisor_gets_highlighted_words_and_suggestions(advisor, verified_client) -> None:
    """An advisor sees the triggering words in <mark>, the indicators and accept buttons."""
    response = verified_client(advisor).post(URL, {"text": TEXT}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    # The word in a mark of its own or in a longer one (a model may show a phrase).
    assert re.search(r'<mark class="triage-mark">[^<]*\bpaspoort\b[^<]*</mark>', html)
    assert "Identiteitsbewijs afgenomen" in html
    assert 'data-indicator="gen.documents_retained"' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_two_forms_are_shown_each_with_its_words(advisor, verified_client) -> None:
    """A report with sexual and criminal exploitation shows both forms, each with the
    indicators and words that belong to it."""
    text = (
        "Een meisje van 16 moet van haar loverboy seks hebben met klanten in hotels. "
        "Daarnaast moet ze voor hem drugs verkopen op school."
    )
    html = verified_client(advisor).post(URL, {"text": text}).content.decode()
    assert "meer dan één vorm" in html
    assert 'data-form="sexual"' in html and 'data-form="criminal"' in html
    assert 'Drugs dealen of vervoeren <span class="triage-words">(drugs, verkopen)</span>' in html


def test_a_text_that_rules_exploitation_out_says_so(advisor, verified_client) -> None:
    """Own passport, free to leave, "geen aanwijzingen voor uitbuiting": no form, and why."""
    text = (
        "Hij heeft zijn eigen paspoort en kan gewoon weg als hij wil. Wel werkt hij soms "
        "veel overuren. Geen aanwijzingen voor uitbuiting."
    )
    html = verified_client(advisor).post(URL, {"text": text}).content.decode()
    assert "de tekst zegt zelf dat er geen aanwijzingen voor uitbuiting zijn" in html
    assert "data-form=" not in html
    # Since 2026.12.15 the overtime is no suggested signal there, and the words that rule
    # exploitation out are shown and marked.
    assert "Mogelijke signalen" not in html and "Geen signalen gevonden" not in html
    assert '<span class="triage-words">Woorden: aanwijzingen, Geen, uitbuiting</span>' in html
    assert '<mark class="triage-mark">aanwijzingen</mark> voor <mark' in html


def test_coordinator_may_use_it_too(coordinator, verified_client) -> None:
    """A coordinator gets the fragment as well."""
    assert verified_client(coordinator).post(URL, {"text": TEXT}).status_code == 200


def test_target_form_is_passed_to_the_buttons(advisor, verified_client) -> None:
    """With target, the accept buttons name the checklist form they tick."""
    response = verified_client(advisor).post(URL, {"text": TEXT, "target": "intake-form"})
    assert 'data-target="intake-form"' in response.content.decode()


def test_empty_text_gives_a_hint(advisor, verified_client) -> None:
    """No text: a short hint instead of results."""
    response = verified_client(advisor).post(URL, {"text": "  "})
    assert "Typ of plak een tekst" in response.content.decode()


def test_too_long_text_gives_a_message(advisor, verified_client) -> None:
    """A text over the limit gets a clear message and status 400."""
    response = verified_client(advisor).post(URL, {"text": "a" * 20_001})
    assert response.status_code == 400
    assert "te lang" in response.content.decode()


@pytest.mark.parametrize("who", ["analyst", "municipality_viewer", "administrator"])
def test_roles_without_case_access_get_403(who, request, verified_client) -> None:
    """Analysts, municipalities and administrators are refused."""
    user = request.getfixturevalue(who)
    assert verified_client(user).post(URL, {"text": TEXT}).status_code == 403


def test_anonymous_is_sent_to_login(client) -> None:
    """Without login: a redirect to the login page."""
    response = client.post(URL, {"text": TEXT})
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_get_is_not_allowed(advisor, verified_client) -> None:
    """Only POST: text must never travel in a URL."""
    assert verified_client(advisor).get(URL).status_code == 405


def test_text_is_never_logged(advisor, verified_client, caplog) -> None:
    """No log record at any level contains the posted text."""
    with caplog.at_level(logging.DEBUG):
        verified_client(advisor).post(URL, {"text": TEXT})
    assert "paspoort" not in caplog.text


def test_a_text_in_a_language_without_patterns_says_it_cannot_be_read(
    advisor, verified_client
) -> None:
    """Issue 17: an Arabic text gets no form and no "no signals", but the note that the
    signal list has no words in its language and that entities are still found."""
    text = "أخذ صاحب العمل جواز سفري ولم يدفع راتبي منذ شهرين."
    html = verified_client(advisor).post(URL, {"text": text}).content.decode()
    assert "geen woorden in de taal van deze tekst" in html
    assert "Geen signalen gevonden" not in html
    assert "data-form=" not in html


# The rules score labour here (one general sign); the model reads a massage parlour whose
# women never go out alone: sexual (since 2026.12.8).
MODEL_ONLY = (
    "Buurman belt over een massagesalon aan de Meentweg 22, 8224 BP Lelystad. Er komen 's "
    "avonds laat veel mannen. De vrouwen die er werken komen nooit alleen naar buiten en "
    "worden gebracht en gehaald door dezelfde man in een grijze Golf, 52-RKT-6. Website van "
    "de salon: thai-relax-lelystad.nl."
)


def test_a_form_only_the_model_reads_is_shown_with_its_chance_and_words(
    advisor, verified_client
) -> None:
    """A form the rules gave no score is shown with the model's chance and the words that
    weighed most, and the signals that belong to it."""
    response = verified_client(advisor).post(URL, {"text": MODEL_ONLY})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-form="sexual"' in html
    assert "kans" in html
    assert "Woorden die het zwaarst wogen" in html
    assert "massagesalon" in html.split('data-form="sexual"')[1].split("</li>")[0]


def test_a_signal_only_its_model_reads_is_shown_with_its_chance_and_words(
    advisor, verified_client, monkeypatch
) -> None:
    """An indicator the rules miss and its model reads (since 2026.12.9) shows the chance
    and the words that weighed most, and a note that it does not count for the form."""
    text = NAIL_STUDIO
    pushed = {"b=niets_betaald": 2.0}
    monkeypatch.setattr(
        "meldpunt.triage.suggest.indicator_model",
        lambda: model(text, pushed, gen_wages_withheld=0.83),
    )
    html = verified_client(advisor).post(URL, {"text": text}).content.decode()
    item = html.split('data-indicator="gen.wages_withheld"')[1].split("</li>")[0]
    assert "kans 83%" in item
    assert "Woorden die het zwaarst wogen: niets betaald" in item
    assert "telt niet mee voor de vorm" in html
    assert '<mark class="triage-mark">niets betaald</mark>' in html

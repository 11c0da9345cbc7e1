"""The case page names a contact's "Afloop" (how the call went) for phone calls only."""

import pytest
from django.urls import reverse

from meldpunt.cases.models import Channel
from meldpunt.cases.services import case_create, contact_add

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("channel", "shown"),
    [
        (Channel.PHONE, True),
        (Channel.CHAT, False),
        (Channel.WEB_REPORT, False),
        (Channel.MAILBOX, False),
    ],
)
def test_afloop_only_for_phone_contacts(verified_client, advisor, channel, shown) -> None:
    """A web report, chat or mailbox message never says "Afloop: gesprek gevoerd"."""
    case = case_create(by=advisor)
    contact_add(case=case, by=advisor, channel=channel, summary="Zorgen om de buren")
    html = verified_client(advisor).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert ("<dt>Afloop</dt>" in html) is shown
    assert ("gesprek gevoerd" in html) is shown

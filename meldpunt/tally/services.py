"""Counting: a visit through a short link, a chat's wait, a refused chat. Each adds to a
plain count and keeps nothing about who it was (see models)."""

import hashlib
import io
import secrets
from datetime import datetime

import segno
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from meldpunt.lib import clock, ratelimit
from meldpunt.tally.models import Campaign, CampaignLink, ChatRefusal, ChatWait, LinkVisit

# No 0/o, 1/l/i: a code read aloud or typed from a flyer comes out right. 31 ** 10 is
# about 8 * 10 ** 14 codes, so guessing one takes years at any rate the server answers.
CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
CODE_LENGTH = 10
# A short link counts one visit per client (a keyed hash of its address, in the cache
# only, see lib.ratelimit) per link per hour: reloading or a script does not inflate it,
# while people who share an address (a mobile network) still count in different hours.
VISIT_LIMIT_SECONDS = 3600
# Unknown codes a client may try per hour; after that every code answers "not found".
MISS_LIMIT = ratelimit.Limit("campaign-miss", 20, 3600)
# A refused chat counts once per client per hour, so reloading the page does not add.
REFUSAL_LIMIT_SECONDS = 3600


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().lower().encode()).hexdigest()


def link_code_assign(link: CampaignLink) -> CampaignLink:
    """Give a new short link a fresh random code (before it is saved)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not CampaignLink.objects.filter(code_digest=code_digest(code)).exists():
            link.code, link.code_digest = code, code_digest(code)
            return link


def link_create(*, campaign: Campaign, label: str = "") -> CampaignLink:
    """A new short link for the campaign."""
    link = link_code_assign(CampaignLink(campaign=campaign, label=label))
    link.save()
    return link


def link_url(link: CampaignLink) -> str:
    """The short link in full, as printed (MELDPUNT_SITE_URL)."""
    return settings.MELDPUNT_SITE_URL + reverse("campaign_visit", args=[link.code])


def link_qr(link: CampaignLink, kind: str) -> bytes:
    """The link as a printable QR code, made here: "svg" or "png"."""
    qr = segno.make(link_url(link), error="m", micro=False)
    out = io.BytesIO()
    if kind == "svg":
        qr.save(out, kind="svg", scale=10, border=4, title=link_url(link), xmldecl=True)
    else:
        qr.save(out, kind="png", scale=20, border=4)
    return out.getvalue()


def _add_one(model: type[models.Model], **key: object) -> None:
    """One more on the count of the row with ``key``, made when it is the first."""
    rows = model._default_manager.filter(**key)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            model._default_manager.create(count=1, **key)
    except IntegrityError:  # another request made the row just now
        rows.update(count=F("count") + 1)


def _local(at: datetime) -> datetime:
    return timezone.localtime(at)


def link_visit(*, code: str, client: str) -> CampaignLink | None:
    """The link of ``code`` (None for an unknown code or a client that guessed too
    often); counts the visit once per client, link and hour."""
    if ratelimit.is_limited(MISS_LIMIT, client):
        return None
    link = CampaignLink.objects.filter(code_digest=code_digest(code)).first()
    if link is None:
        ratelimit.hit(MISS_LIMIT, client)
        return None
    once = ratelimit.Limit(f"campaign-visit:{link.pk}", 1, VISIT_LIMIT_SECONDS)
    if ratelimit.hit(once, client):
        _add_one(LinkVisit, link=link, day=_local(clock.now()).date())
    return link


def chat_wait_record(*, started_at: datetime, left_queue_at: datetime, answered: bool) -> None:
    """A chat left the queue: answered by an advisor, or ended by the person first."""
    start = _local(started_at)
    seconds = max(0, int((left_queue_at - started_at).total_seconds()))
    ChatWait.objects.create(
        day=start.date(), hour=start.hour, waited_seconds=seconds, answered=answered
    )


def chat_refusal_record(*, reason: str, client: str) -> None:
    """The chat said no (closed or full) to a client; once per client and hour."""
    if not ratelimit.hit(ratelimit.Limit("chat-refusal", 1, REFUSAL_LIMIT_SECONDS), client):
        return
    at = _local(clock.now())
    _add_one(ChatRefusal, day=at.date(), hour=at.hour, reason=reason)

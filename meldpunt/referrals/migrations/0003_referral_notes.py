"""Referrals made with the old one-step button become Referral rows.

That button kept the partner's name in an internal note ("Doorverwezen naar: ..."). Each
such note becomes a referral with that text as its reason (the note stays). What was
shared and on what basis was never recorded, so the referral says so: no fields, legal
ground "not recorded". A partner name that matches the directory links to that partner;
any other goes to one inactive placeholder partner, so no free text becomes a plain column.
"""

from django.db import migrations

PREFIXES = ("Doorverwezen naar: ", "Referred to: ")
PLACEHOLDER = "Onbekende partner (doorverwijzing van vóór het partnerregister)"


def move(apps, schema_editor):  # type: ignore[no-untyped-def]
    Note = apps.get_model("cases", "Note")
    Partner = apps.get_model("referrals", "Partner")
    Referral = apps.get_model("referrals", "Referral")
    ReferralUpdate = apps.get_model("referrals", "ReferralUpdate")
    by_name = {partner.name.lower(): partner for partner in Partner.objects.all()}
    placeholder = None
    counts: dict[int, int] = {}
    for note in Note.objects.select_related("case").order_by("created_at", "id"):
        text = note.text or ""
        prefix = next((p for p in PREFIXES if text.startswith(p)), None)
        if prefix is None:
            continue
        partner = by_name.get(text[len(prefix) :].strip().lower())
        if partner is None:
            if placeholder is None:
                placeholder, _ = Partner.objects.get_or_create(
                    name=PLACEHOLDER, defaults={"kind": "other", "active": False}
                )
            partner = placeholder
        case = note.case
        counts[case.pk] = counts.get(case.pk, Referral.objects.filter(case=case).count()) + 1
        referral = Referral.objects.create(
            case=case,
            partner=partner,
            reference=f"{case.number}-D{counts[case.pk]}",
            urgency=case.urgency,
            reason=text,
            shared_fields=[],
            shared=[],
            consent_given=False,
            legal_ground="not_recorded",
            status="sent",
            referred_by_id=note.author_id,
            referred_at=note.created_at,
        )
        ReferralUpdate.objects.create(
            referral=referral,
            status="sent",
            on=note.created_at.date(),
            recorded_at=note.created_at,
            recorded_by_id=note.author_id,
        )


class Migration(migrations.Migration):
    dependencies = [("referrals", "0002_seed_partners"), ("cases", "0004_inbox_indexes")]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]

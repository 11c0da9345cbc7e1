"""The partners named in the domain notes, so the directory is usable from the first start.

Only facts from those notes: numbers that are not there stay empty for a coordinator to fill
in. Running it again (or after a coordinator has edited a partner) adds nothing twice.
"""

from django.db import migrations

ALL_MUNICIPALITIES: list[str] = []  # empty: every municipality (a national partner)
FLEVOLAND = ["GM0034", "GM0303", "GM0995", "GM0171", "GM0184", "GM0050"]

PARTNERS = [
    {
        "name": "Alarmnummer 112",
        "kind": "police",
        "phone": "112",
        "hours": "24/7",
        "notes_for_advisors": "Bij acuut gevaar. Eerst 112, daarna vastleggen.",
    },
    {
        "name": "Politie",
        "kind": "police",
        "phone": "0900-8844",
        "notes_for_advisors": "Zonder spoed. Mensenhandel gaat naar de AVIM van de politie.",
    },
    {
        "name": "Politie – AVIM (mensenhandel)",
        "kind": "avim",
        "phone": "0900-8844",
        "notes_for_advisors": "De afdeling van de politie die mensenhandel onderzoekt. "
        "Bereikbaar via het algemene nummer van de politie.",
    },
    {
        "name": "Nederlandse Arbeidsinspectie",
        "kind": "labour_inspectorate",
        "phone": "0800-5151",
        "exploitation_forms": ["labour"],
        "notes_for_advisors": "Meldingen over arbeidsuitbuiting; ook anoniem.",
    },
    {
        "name": "Zorgcoördinator mensenhandel (gemeente)",
        "kind": "care_coordinator",
        "municipalities": FLEVOLAND,
        "notes_for_advisors": "Regelt zorg en opvang voor slachtoffers in de gemeente.",
    },
    {
        "name": "CoMensha",
        "kind": "comensha",
        "notes_for_advisors": "Landelijk coördinatiecentrum. Registreert mogelijke "
        "slachtoffers (schriftelijke toestemming nodig als de melder geen politie, KMar of "
        "inspectie is) en regelt opvang.",
    },
    {
        "name": "Fier / CKM",
        "kind": "victim_support",
        "exploitation_forms": ["sexual"],
        "notes_for_advisors": "Anonieme chat en hulp voor slachtoffers van seksuele uitbuiting.",
    },
    {"name": "Slachtofferhulp Nederland", "kind": "victim_support"},
    {
        "name": "Meld Misdaad Anoniem",
        "kind": "anonymous_tips",
        "phone": "0800-7000",
        "notes_for_advisors": "Geen nummerherkenning, geen opnames, geen terugkoppeling.",
    },
    {
        "name": "Veilig Thuis",
        "kind": "veilig_thuis",
        "phone": "0800-2000",
        "notes_for_advisors": "Huiselijk geweld en kindermishandeling.",
    },
    {
        "name": "Jeugdzorg (via de gemeente)",
        "kind": "youth_care",
        "municipalities": FLEVOLAND,
        "notes_for_advisors": "Voor minderjarigen.",
    },
    {"name": "Opvang in Flevoland", "kind": "shelter", "municipalities": FLEVOLAND},
    {"name": "GGD Flevoland", "kind": "other", "municipalities": FLEVOLAND},
    {"name": "RIEC", "kind": "other", "municipalities": FLEVOLAND},
]


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Partner = apps.get_model("referrals", "Partner")
    for fields in PARTNERS:
        Partner.objects.get_or_create(name=fields["name"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("referrals", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]

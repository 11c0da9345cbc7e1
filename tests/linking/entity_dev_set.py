"""A development set for entity extraction (issue 14, "Entities it still misses").

Short sentences in Dutch, English and mixed, written for this set (every plate, address,
account and number invented), each with the exact entities it must give. DISTRACTORS
must give no plate, address, handle, domain or KvK number at all: times, amounts, dates,
house and room numbers, road numbers, order and reference numbers.

Run ``python -m tests.linking.entity_dev_set`` for precision and recall per kind.
"""

P, A, H, D = "plate", "address", "handle", "domain"

CASES: list[tuple[str, set[tuple[str, str]]]] = [
    # --- Dutch plates: spaces, dashes, none, lower case --------------------------------
    ("Een wit busje met kenteken VT 123 B haalt ze op.", {(P, "VT123B")}),
    ("Het kenteken is vt 123 b, zegt de buurman.", {(P, "VT123B")}),
    ("Kenteken: vt-123-b.", {(P, "VT123B")}),
    ("Ze stappen in een auto, kenteken vt123b.", {(P, "VT123B")}),
    ("Grijze Transit, nummerbord 12 KBB 3.", {(P, "12KBB3")}),
    ("The van had plate 12-kbb-3 on it.", {(P, "12KBB3")}),
    ("A black BMW, registration GZ 456 X, picks her up.", {(P, "GZ456X")}),
    ("kenteken 45 TRN 7 gezien bij de loods", {(P, "45TRN7")}),
    ("Busje met kenteken AB 123 C staat elke ochtend voor de deur.", {(P, "AB123C")}),
    ("The licence plate was ab-12-cd, a red Golf.", {(P, "AB12CD")}),
    ("Zijn Audi (kenteken 1 ABC 23) staat op de stoep.", {(P, "1ABC23")}),
    ("Plate number: x 123 bz.", {(P, "X123BZ")}),
    ("Nummerbord: 99-ZZT-1", {(P, "99ZZT1")}),
    ("license plate K 12 GRT on a white Sprinter", {(P, "K12GRT")}),
    ("Kenteken GB-12-34 en nog een bus, kenteken 34-GB-56.", {(P, "GB1234"), (P, "34GB56")}),
    # --- foreign plates with a plate word or a country word near ------------------------
    ("Een Roemeense bus, kenteken B 123 ABC, haalt ze om vijf uur op.", {(P, "B123ABC")}),
    ("The van has Romanian plates CJ 12 XYZ.", {(P, "CJ12XYZ")}),
    ("Roemeens kenteken is-45-abc, een grijze Dacia.", {(P, "IS45ABC")}),
    ("A Polish van, registration WA 12345, parks there at night.", {(P, "WA12345")}),
    ("Poolse bus met kenteken PO 4N123.", {(P, "PO4N123")}),
    ("Polish plate KR 123AB on a blue Opel.", {(P, "KR123AB")}),
    ("Bulgaars kenteken CA 1234 AB op een zwarte Mercedes.", {(P, "CA1234AB")}),
    ("The car had Bulgarian plates PB 4567 KX.", {(P, "PB4567KX")}),
    ("Een Duits kenteken, B-AB 1234, op een Sprinter.", {(P, "BAB1234")}),
    ("German plate HH-XY 123 on the van.", {(P, "HHXY123")}),
    ("Duitse auto met kenteken M AB 123.", {(P, "MAB123")}),
    ("Nummerbord WX 1234A, een Poolse auto.", {(P, "WX1234A")}),
    # --- addresses ----------------------------------------------------------------------
    ("Ze wonen met tien man op 8221ab 12.", {(A, "8221AB 12")}),
    ("Het pand staat op 12 (8221 AB).", {(A, "8221AB 12")}),
    ("Adres: Kerkstraat 12, 8221 AB Lelystad.", {(A, "8221AB 12")}),
    ("Ze slapen op 8221 AB, nr 12.", {(A, "8221AB 12")}),
    ("Woning aan de Kerkstraat 12a, 8221 AB Lelystad.", {(A, "8221AB 12A")}),
    ("8221ab 12a, tweede verdieping", {(A, "8221AB 12A")}),
    ("They live at 3512 jk 7, above a shop.", {(A, "3512JK 7")}),
    ("The house is Dorpsweg 45, 3512 JK Utrecht.", {(A, "3512JK 45")}),
    ("Ze verblijven op 1314 CZ 214.", {(A, "1314CZ 214")}),
    ("adres 1314cz 214 in almere", {(A, "1314CZ 214")}),
    ("Bungalow 12 (8221 AB) op het park.", {(A, "8221AB 12")}),
    ("Op het adres 8221 AB 12 A wonen acht mannen.", {(A, "8221AB 12A")}),
    ("De flat aan de Schouw 14, 8232lk Lelystad.", {(A, "8232LK 14")}),
    ("kerkstraat 12, 8221 ab lelystad", {(A, "8221AB 12")}),
    ("They stay at Havenweg 3 in 1234 AB Almere.", {(A, "1234AB 3")}),
    ("Het huis (nr. 12, 8221 AB) staat leeg.", {(A, "8221AB 12")}),
    ("Adres: 8221AB, 12.", {(A, "8221AB 12")}),
    ("Ze woont op 2512 gh nummer 30.", {(A, "2512GH 30")}),
    ("Kerkstraat 12 te 8221 AB Lelystad", {(A, "8221AB 12")}),
    ("The address is 8221 AB Lelystad, number 12.", {(A, "8221AB 12")}),
    # --- handles ------------------------------------------------------------------------
    ("Snap: xyz_99", {(H, "@xyz_99")}),
    ("Snap: lisa.x", {(H, "@lisa.x")}),
    ("Op Snapchat heet hij mo.breda.", {(H, "@mo.breda")}),
    ("his insta is kingmo_030", {(H, "@kingmo_030")}),
    ("Her Insta is sweet.lisa2009 and he likes every photo.", {(H, "@sweet.lisa2009")}),
    ("TikTok account dirk_0321 stuurt haar berichten.", {(H, "@dirk_0321")}),
    ("Telegram @boss_nl", {(H, "@boss_nl")}),
    ("Hij zit op Telegram als @Boss_NL.", {(H, "@boss_nl")}),
    ("insta xyz_99", {(H, "@xyz_99")}),
    ("IG: xyz_99", {(H, "@xyz_99")}),
    ("IG: lisa.xx", {(H, "@lisa.xx")}),
    ("His IG is lisa.vd.b and she is 15.", {(H, "@lisa.vd.b")}),
    ("Contact via Instagram @Lisa.Sweet.", {(H, "@lisa.sweet")}),
    ("Zijn snap is mo_010, zegt ze.", {(H, "@mo_010")}),
    ("on tiktok he is called dj.rambo", {(H, "@dj.rambo")}),
    ("Snapchat: @ghost_07", {(H, "@ghost_07")}),
    ("Ze heeft contact met hem via Snapchat (ghost_07).", {(H, "@ghost_07")}),
    ("Instagram account: lisa_x2010", {(H, "@lisa_x2010")}),
    ("Op TikTok heet ze sweetgirl_12.", {(H, "@sweetgirl_12")}),
    ("Snapchat-naam: mo.breda", {(H, "@mo.breda")}),
    ("FB: jan.de.vries.77", {(H, "@jan.de.vries.77")}),
    ("Zijn Telegram is @werk_nu", {(H, "@werk_nu")}),
    ("He texts her on Snapchat from the account bigboss_010.", {(H, "@bigboss_010")}),
    ("Ze kent hem van Instagram, naam: jaydee_020.", {(H, "@jaydee_020")}),
    # --- domains ------------------------------------------------------------------------
    ("De vacature stond op www.Snelwerk-NL.com.", {(D, "snelwerk-nl.com")}),
    ("Zie HTTPS://WWW.FastJobs.PL/vacatures/123 voor het werk.", {(D, "fastjobs.pl")}),
    ("The ad was on https://escort-dreams.eu/profiel/lisa?id=3.", {(D, "escort-dreams.eu")}),
    ("Site: Werken-In-Holland.nl/apply", {(D, "werken-in-holland.nl")}),
    ("Op kinky.nl/adv/555 staat haar foto.", {(D, "kinky.nl/adv/555")}),
    ("He found the job on jobs-abroad.ro.", {(D, "jobs-abroad.ro")}),
    ("Vacature op www.agencyworks.at", {(D, "agencyworks.at")}),
    # --- IBAN and KvK -------------------------------------------------------------------
    ("Loon naar NL 91 ABNA 0417 1643 00.", {("iban", "NL91ABNA0417164300")}),
    ("KvK 71 23 45 68, uitzendbureau Snel BV.", {("kvk", "71234568")}),
    # --- mixed --------------------------------------------------------------------------
    (
        "Buurman zag busje VT 123 B bij 8221ab 12, de man heet op Snapchat mo.breda.",
        {(P, "VT123B"), (A, "8221AB 12"), (H, "@mo.breda")},
    ),
    (
        "She met him on Instagram (IG: lisa.x), he drives a Polish car, plate WA 12345.",
        {(H, "@lisa.x"), (P, "WA12345")},
    ),
]

DISTRACTORS: list[str] = [
    "Om 12 15 stond het busje er, om 8 uur vertrok het.",
    "Ze kregen 12 50 euro per uur, soms 12,50.",
    "Op 12-05-2026 om 05:30 uur werden ze opgehaald.",
    "Ze werken op de A6 en de A 27, bij afrit 12 van de N302.",
    "Hij slaapt in kamer 12 met vier anderen.",
    "Bus 12 brengt ze naar het werk, lijn 1234.",
    "Ordernummer 1234 AB, referentie AB 1234 en factuur 2026 AB 12.",
    "In 2024 en 12 mannen woonden daar, huisnummer 12.",
    "He works 12 hours, from 6 AM to 6 PM, for 80 euro.",
    "Ze is 15 jaar, hij is 32; ze werken 62 uur per week.",
    "De kamer kost 450 euro per maand, 8221 AB zonder nummer.",
    "Op Snapchat heet hij anders, his insta is private.",
    "Zijn TikTok is gesloten, her IG is unknown.",
    "Op Instagram is ze actief, op Snapchat als influencer.",
    "Room 12, floor 3, building B, gate 4.",
    "Hij werkt bij PostNL in de loods, ticket AB 123 C? Nee, dat was de bus.",
    "Ze kregen ieder 200 PLN en 50 RON, in 2025 13 keer.",
    "Tussen 22 en 06 uur, dat is 8 uur per nacht, 7 dagen.",
    "Pakket 12 AB 34 lag op de stoep, zendingnummer 3SABCD1234567.",
    "In box 3 of the warehouse, aisle 12 B, rack 4.",
    "Hij heeft een Poolse vriend die 62 uur werkt, WA en NL.",
    "De Duitse baas betaalt 10 euro; de Roemeense mannen werken 12 uur.",
    "Het was 12 graden en ze stonden van 5 tot 17 uur buiten.",
    "Code 1234AB werd gebruikt als wachtwoord.",
    "Route: A2, A12, E35 en A 6; parkeerplaats P3.",
    "Hij vroeg 1500 euro, betaalde 12 x 50 euro, rest 900.",
    "Kenteken weet ik niet, het was om 12 30 uur.",
    "The plate was too dirty to read at 11 45 PM.",
    "Ze werkte 3 dagen in Polen, WA 3 dagen, en in Duitsland.",
    "Telegram gebruikt hij sinds 2023, Instagram 2x per dag.",
    "Het formulier: versie 2.1, pagina 12 van 30.",
    "Zijn snap is niet bekend, insta weet ze niet.",
    "Flat 12-2, tweede verdieping, zonder postcode.",
    "Om 14.30 uur op 12.06.2026, 15,50 euro.",
]


def score(
    cases: list[tuple[str, set[tuple[str, str]]]] = CASES,
    distractors: list[str] = DISTRACTORS,
    *,
    ignored_in_distractors: frozenset[str] = frozenset({"phone", "iban", "email"}),
) -> str:
    """Precision and recall per kind, after the texts whose entities differ."""
    from meldpunt.linking.extract import extract

    kinds: dict[str, list[int]] = {}
    misses = []
    for text, expected in cases + [(t, set()) for t in distractors]:
        found = {(e.kind, e.value) for e in extract(text)}
        if text in distractors:
            found = {f for f in found if f[0] not in ignored_in_distractors}
        for kind in {k for k, _ in expected | found}:
            tally = kinds.setdefault(kind, [0, 0, 0])  # true pos, found, expected
            exp = {e for e in expected if e[0] == kind}
            got = {f for f in found if f[0] == kind}
            tally[0] += len(exp & got)
            tally[1] += len(got)
            tally[2] += len(exp)
        if found != expected:
            misses.append((text, sorted(expected - found), sorted(found - expected)))
    lines = [f"{t!r}\n    missing {m}\n    extra {x}" for t, m, x in misses]
    for kind, (tp, got, exp) in sorted(kinds.items()):
        precision, recall = tp / got if got else 1, tp / exp if exp else 1
        lines.append(f"{kind:8} precision {precision:.2f} recall {recall:.2f}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    import django

    django.setup()
    sys.stdout.write(score())

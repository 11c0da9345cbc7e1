"""Entity extraction: each kind found in free text and normalised to one form."""

import pytest

from meldpunt.cases.models import texts_of
from meldpunt.linking.extract import extract, normalise_plate


def values(text: str, kind: str) -> list[str]:
    return [e.value for e in extract(text) if e.kind == kind]


def test_phone_numbers_become_e164() -> None:
    """Mobile, landline and international notations give E.164 with the Dutch default."""
    text = "Bel 06-12345678, of +31 6 1234 5678, of vast 0320 123 456, of +48 512 345 678."
    assert values(text, "phone") == ["+31612345678", "+31612345678", "+31320123456", "+48512345678"]


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("AB-12-34", "AB1234"),  # 1
        ("12-34-AB", "1234AB"),  # 2
        ("12-AB-34", "12AB34"),  # 3
        ("AB-12-CD", "AB12CD"),  # 4
        ("AB-CD-12", "ABCD12"),  # 5
        ("12-AB-CD", "12ABCD"),  # 6
        ("12-ABC-3", "12ABC3"),  # 7
        ("1-ABC-23", "1ABC23"),  # 8
        ("AB-123-C", "AB123C"),  # 9
        ("A-123-BC", "A123BC"),  # 10
        ("ABC-12-D", "ABC12D"),  # 11
        ("A-12-BCD", "A12BCD"),  # 12
        ("1-AB-234", "1AB234"),  # 13
        ("123-AB-4", "123AB4"),  # 14
    ],
)
def test_plates_of_every_side_code(written: str, normal: str) -> None:
    """All 14 side codes are recognised with dashes and normalised without them."""
    assert values(f"Kenteken {written} gezien.", "plate") == [normal]
    assert normalise_plate(written.lower()) == normal


def test_a_plate_written_differently_gives_the_same_value() -> None:
    """With or without dashes, upper or lower case: one normal form."""
    assert values("auto 12-KBB-3 en", "plate") == values("auto 12kbb3 en", "plate") == ["12KBB3"]
    assert values("busje VGT-42-J", "plate") == values("busje vgt42j", "plate") == ["VGT42J"]


def test_words_and_postcodes_are_not_plates() -> None:
    """Ordinary words, amounts and a postcode without dashes are not taken for plates."""
    assert values("Ze werkt 7 dagen, 1234AB 5, kosten 250 euro, huis123 en COVID19.", "plate") == []


def test_postcode_with_house_number_after_or_before() -> None:
    """'1234 AB 12', '1234AB, nr 12' and 'Kerkstraat 12a, 1234 AB' all normalise."""
    assert values("Adres 1234 AB 12 in Almere", "address") == ["1234AB 12"]
    assert values("postcode 1234AB, nr. 12", "address") == ["1234AB 12"]
    assert values("Woont op Kerkstraat 12a, 1234 AB Almere", "address") == ["1234AB 12A"]
    assert values("postcode 8231eh 5", "address") == ["8231EH 5"]


def test_a_postcode_alone_or_an_amount_is_no_address() -> None:
    """A postcode without a house number, or '1500 in cash', gives no address."""
    assert values("Ergens in 1234 AB.", "address") == []
    assert values("He was paid 1500 in cash, 12 hours a day.", "address") == []


def test_emails_are_lowercased() -> None:
    """E-mail addresses are found and lowercased."""
    assert values("Mail naar Jan.Jansen@Example.NL graag.", "email") == ["jan.jansen@example.nl"]


def test_iban_needs_a_valid_checksum() -> None:
    """A valid IBAN (with or without spaces) is kept compact; a wrong check digit is dropped."""
    assert values("Rekening NL91 ABNA 0417 1643 00 van hem.", "iban") == ["NL91ABNA0417164300"]
    assert values("Rekening nl91abna0417164300.", "iban") == ["NL91ABNA0417164300"]
    assert values("Rekening NL91ABNA0417164301.", "iban") == []


def test_kvk_number_only_with_a_context_word() -> None:
    """Eight digits count as KvK number only after a word like KvK or chamber of commerce."""
    assert values("Bedrijf staat in de KvK onder 12345678.", "kvk") == ["12345678"]
    assert values("Chamber of Commerce number 12.345.678", "kvk") == ["12345678"]
    assert values("Het ordernummer is 12345678.", "kvk") == []


def test_web_addresses_become_hosts() -> None:
    """A link and a bare domain give the host in lower case, without www."""
    text = "Zie https://WWW.Sneaky-Massage.nl/over-ons?x=1 en ook fastjobs.pl voor werk."
    assert values(text, "domain") == ["sneaky-massage.nl", "fastjobs.pl"]


def test_links_on_big_platforms_keep_their_path() -> None:
    """On a public platform only the path says something; the platform alone is skipped."""
    text = "Advertentie op https://www.kinky.nl/adv/12345/ en gewoon op facebook.com."
    assert values(text, "domain") == ["kinky.nl/adv/12345"]


def test_handles_need_a_platform_nearby() -> None:
    """@name is a handle when a platform is named; an e-mail address is not a handle."""
    assert values("Op Instagram heet ze @Lisa_2009.", "handle") == ["@lisa_2009"]
    assert values("snapchat: mike99", "handle") == ["@mike99"]
    assert values("Zie je @morgen!", "handle") == []
    assert values("mail lisa@example.com via instagram", "handle") == []


def test_texts_of_walks_json_values() -> None:
    """Strings in nested details (dicts and lists) are all found for indexing."""
    assert texts_of({"a": "x", "b": ["y", {"c": "z"}], "d": 3}) == ["x", "y", "z"]


def test_texts_with_too_few_digits_for_a_phone_number_find_none_and_short_ones_are_found() -> None:
    """The matcher is skipped below five digits; the shortest Dutch number, a municipality's
    14 and area code, is read and left out as a service (since 2026.12.13); a short foreign
    number is found."""
    from meldpunt.linking.extract import phones

    assert phones("Bel 112 of kom naar nummer 12") == []
    assert phones("Gemeente: 14 0320") == []
    assert [e.value for e in phones("IJsland: +354 412 3456")] == ["+3544123456"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Een busje met kenteken VT 123 B haalt ze op.", "plate", "VT123B"),
        ("Hij rijdt een 12 KBB 3 rond.", "plate", "12KBB3"),
        ("Ze slapen op 8221ab 12 in Lelystad.", "address", "8221AB 12"),
        ("Ze wonen op Kerkstraat 12 (8221 AB) Lelystad.", "address", "8221AB 12"),
        ("Zijn rekening NL 91 ABNA 0417 1643 00 is uitgeleend.", "iban", "NL91ABNA0417164300"),
        ("Het bureau staat bij de KvK onder 71 23 45 68.", "kvk", "71234568"),
        ("Snap: dark.knight07", "handle", "@dark.knight07"),
        ("Op Snapchat heet hij mo.breda, zegt ze.", "handle", "@mo.breda"),
        ("His Instagram is kingmo_030 and he texts her.", "handle", "@kingmo_030"),
        ("Flat boven mij, huisnummer 214, postcode 1314 CZ, in Almere.", "address", "1314CZ 214"),
        ("Ze wonen op 8221 ab 12 in Lelystad.", "address", "8221AB 12"),
        ("Postcode 1314 CZ Almere, nummer 5.", "address", "1314CZ 5"),
        (
            "Via Discord praat hij met iemand die zegt dat hij 15 is, @shadowgamer_77.",
            "handle",
            "@shadowgamer_77",
        ),
        ("He writes from +44 7700 912 345 on WhatsApp.", "phone", "+447700912345"),
        ("Zijn nummer is 06-9753 1864.", "phone", "+31697531864"),
    ],
)
def test_entities_written_the_way_people_write_them(text: str, kind: str, value: str) -> None:
    """Plates with spaces, lower-case or bracketed postcodes, an IBAN with a space after
    the country code, a KvK number in pairs and a handle named next to a platform."""
    assert values(text, kind) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Om 05:30 kregen ze 350 euro, op 12-03-2026, at 12 30 PM.",
        "In 2024 en 12 mannen; huisnummer 12; 8221ab zonder nummer.",
        "Ze werken 62 uur per week voor 3 euro per uur, in 2025 13 keer.",
        "Telefoonnummer 06 12 34 56 78 is geen KvK-nummer.",
        "Op Snapchat heet hij niet zo.",
        "In 1990 op 12 jaar; 2024 en 13 keer; om 1230 uur; 3 euro per uur.",
        "Rekening 1234 5678, op 12.06.2026 om 14.30 uur, 15,50 euro, +25 graden.",
    ],
)
def test_times_amounts_dates_and_house_numbers_are_no_entities(text: str) -> None:
    """Only a phone number is found in these texts, never a plate, address, KvK or handle."""
    assert {e.kind for e in extract(text)} <= {"phone"}


@pytest.mark.parametrize(
    "text",
    [
        "KvK onbekend, bel 06 - 12 34 56 78 of 0320 - 12 34 56.",
        "Op Snapchat is ze actief, his Instagram is private, op TikTok als influencer.",
        "Op instagram heet hij anders; her snapchat name is unknown.",
    ],
)
def test_pairs_and_platform_phrases_without_a_real_value_give_no_kvk_or_handle(text) -> None:
    """A phone number in pairs after "KvK" is no KvK number; a word after "op Snapchat is"
    without a digit, dot or underscore is no handle."""
    assert not {e.kind for e in extract(text)} & {"kvk", "handle"}


def test_a_quoted_name_next_to_a_platform_is_a_handle() -> None:
    """ "'darkwolf_0702' op Discord", "Snapchat-account bigboss.almere"; a quoted number
    or a quoted word near a platform is no handle."""

    def handles(text: str) -> set[str]:
        return {e.value for e in extract(text) if e.kind == "handle"}

    assert handles("Hij heet 'darkwolf_0702' op Discord.") == {"@darkwolf_0702"}
    assert handles("Hij gebruikt het Snapchat-account bigboss.almere.") == {"@bigboss.almere"}
    assert handles("Op Snapchat vroeg hij '1000' euro, 'snel'.") == set()


def test_a_bare_platform_link_keeps_its_path() -> None:
    """ "facebook.com/groups/werkinholland" without https is the group, not Facebook."""
    text = "Via de groep facebook.com/groups/werkinholland kwam hij hier."
    assert {(e.kind, e.value) for e in extract(text)} == {
        ("domain", "facebook.com/groups/werkinholland")
    }


def test_a_plus_with_an_unknown_country_code_is_no_phone_and_no_error() -> None:
    """ "+999 1234 5678" has no country behind it: nothing is found, nothing breaks."""
    assert values("Bel +999 1234 5678 nu.", "phone") == []


def test_a_house_number_after_a_comma_before_a_postcode_in_brackets() -> None:
    """Since 2026.12.4: "holiday park, 12 (8221 AB) Dronten" is an address; an amount or
    a time before a postcode without brackets or a house number stays none."""
    assert values("They live in a holiday park, 12 (8221 AB) Dronten.", "address") == ["8221AB 12"]
    assert values("Huur 450 euro, om 14:00, 8221 AB.", "address") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Snapchat he is called lisa.x2011.",
        "On Snapchat she goes by lisa.x2011 now.",
        "On Snapchat he goes by lisa.x2011.",
    ],
)
def test_a_name_after_on_a_platform_he_is_called(text: str) -> None:
    """The English "op Snapchat heet hij xyz_1"; a capitalised plain name is the person's
    own, so "on Snapchat he is called Tom" gives nothing."""
    assert values(text, "handle") == ["@lisa.x2011"]
    assert values("On Snapchat he is called Tom.", "handle") == []


def test_a_lower_case_postcode_after_a_street_and_number() -> None:
    """Since 2026.12.5: "Bosweg 3, 3851 ld Ermelo" is an address; a year after a street
    and number ("Kerkstraat 12, 2024 en 2025") stays none."""
    assert values("A holiday home at Bosweg 3, 3851 ld Ermelo.", "address") == ["3851LD 3"]
    assert values("Bosweg 3, 3851ld Ermelo", "address") == ["3851LD 3"]
    assert values("Kerkstraat 12, 2024 en 2025 waren zwaar.", "address") == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Het kenteken is vt 123 b, zegt hij.", "VT123B"),
        ("Busje met kenteken AB 123 C voor de deur.", "AB123C"),
        ("Zijn Audi (kenteken 1 ABC 23) staat op de stoep.", "1ABC23"),
        ("Plate number: x 123 bz.", "X123BZ"),
    ],
)
def test_right_after_a_plate_word_any_side_code_in_any_case_with_spaces(text, plate) -> None:
    """After "kenteken", "plate", "nummerbord": lower case and letters the RDW does not
    issue too, with spaces, dashes or nothing between the groups."""
    assert values(text, "plate") == [plate]


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Een Roemeense bus, kenteken B 123 ABC, haalt ze op.", "B123ABC"),
        ("The van has Romanian plates CJ 12 XYZ.", "CJ12XYZ"),
        ("A Polish van, registration WA 12345, parks there.", "WA12345"),
        ("Poolse bus met kenteken PO 4N123.", "PO4N123"),
        ("Bulgaars kenteken CA 1234 AB op een Mercedes.", "CA1234AB"),
        ("Een Duits kenteken, B-AB 1234, op een Sprinter.", "BAB1234"),
        ("German plate HH-XY 123 on the van.", "HHXY123"),
    ],
)
def test_romanian_polish_bulgarian_and_german_plates_after_a_plate_word(text, plate) -> None:
    """The longest format wins ("CA 1234 AB" is Bulgarian, not a Polish "CA 1234")."""
    assert values(text, "plate") == [plate]


@pytest.mark.parametrize(
    "text",
    [
        "Kenteken weet ik niet, het was om 12 30 uur.",
        "The plate was too dirty to read at 11 45 PM.",
        "Hij heeft een Poolse vriend die 62 uur werkt, WA en NL.",
        "De Duitse baas betaalt 10 euro; de Roemeense mannen werken 12 uur.",
        "Ze werken op de A6 en de A 27, bij afrit 12 van de N302; kamer 12, bus 12.",
    ],
)
def test_only_what_follows_the_plate_word_itself_is_read_as_a_plate(text) -> None:
    """A time later in the sentence, road numbers and words after a country word are none."""
    assert values(text, "plate") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("IG: xyz_99", "@xyz_99"),
        ("His IG is lisa.vd.b and she is 15.", "@lisa.vd.b"),
        ("FB: jan.de.vries.77", "@jan.de.vries.77"),
        ("Ze heeft contact met hem via Snapchat (ghost_07).", "@ghost_07"),
        ("He texts her on Snapchat from the account bigboss_010.", "@bigboss_010"),
        ("Ze kent hem van Instagram, naam: jaydee_020.", "@jaydee_020"),
    ],
)
def test_ig_fb_a_name_in_brackets_and_the_account_name_later_in_the_sentence(text, handle):
    """ "IG" and "FB" are platforms; "Snapchat (name)" and "account name" / "naam: name"
    after a platform in the same sentence give the handle."""
    assert values(text, "handle") == [handle]


def test_a_plain_word_after_platform_colon_that_starts_a_sentence_is_no_handle() -> None:
    """ "Facebook: contul meu e @ionut.p" gives @ionut.p, not @contul; "Instagram (IG:
    lisa.x)" gives @lisa.x, not @ig; "Snap: xyz" stays a handle."""
    assert values("Scrieți-mi pe Facebook: contul meu e @ionut.p1", "handle") == ["@ionut.p1"]
    assert values("She met him on Instagram (IG: lisa.x).", "handle") == ["@lisa.x"]
    assert values("Snap: xyz", "handle") == ["@xyz"]


@pytest.mark.parametrize(
    "text",
    [
        "kerkstraat 12, 8221 ab lelystad",
        "Kerkstraat 12 te 8221 AB Lelystad",
        "The address is 8221 AB Lelystad, number 12.",
    ],
)
def test_a_street_in_lower_case_te_before_the_postcode_and_number_after_the_town(text):
    """A lower-case street before a lower-case postcode, "12 te 8221 AB" and "8221 AB
    Lelystad, number 12" are addresses."""
    assert values(text, "address") == ["8221AB 12"]


def test_an_order_or_invoice_number_that_looks_like_a_postcode_is_no_address() -> None:
    """ "factuur 2026 AB 12", "order 1234 AB 5": a reference word right before it; the
    word "postcode" itself still counts."""
    assert values("Ordernummer 1234 AB, factuur 2026 AB 12, order: 1234 AB 5.", "address") == []
    assert values("postcode 1234AB, nr. 12", "address") == ["1234AB 12"]


@pytest.mark.parametrize(
    "text",
    ["insta: 16", "snapchat = 15 jaar", "Instagram: 2x per dag", "tt: 2 uur, tg: 3x"],
)
def test_an_age_or_a_count_after_a_platform_is_no_handle(text: str) -> None:
    """A name after "platform:" needs two letters in a row, so ages and counts are none."""
    assert values(text, "handle") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ze wonen sinds mei 2019 in Almere (1315 HP).",
        "Het waren er 12 (8221 AB).",
        "Vanaf 12 - 8221 AB",
        "Ze werken 12 uur in Almere (1315 HP).",
    ],
)
def test_a_year_or_a_count_before_a_postcode_is_no_house_number(text: str) -> None:
    """A number after "sinds", a month, "er", "vanaf" and the like is no house number."""
    assert values(text, "address") == []


@pytest.mark.parametrize(
    "text",
    ["Mail jobs(at)snelwerk-nl.com", "mail: jobs [at] snelwerk-nl.com", "jobs @ snelwerk-nl.com"],
)
def test_an_address_written_against_robots_is_an_email_and_no_domain(text: str) -> None:
    """ "(at)", "[at]" and a spaced "@" give the e-mail address, never its domain alone."""
    assert [(e.kind, e.value) for e in extract(text)] == [("email", "jobs@snelwerk-nl.com")]


def test_the_domain_of_an_email_is_a_domain_only_when_also_written_as_a_web_address() -> None:
    """A handle after "is @" stays a handle; the domain comes in only with its own link."""
    assert values("Mail info@snelwerk-nl.com.", "domain") == []
    assert values("Mail info@snelwerk-nl.com, zie www.snelwerk-nl.com.", "domain") == [
        "snelwerk-nl.com"
    ]
    assert values("Haar insta is @sweet.lara.x", "email") == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("his insta is easymoney.nl", "@easymoney.nl"),
        ("op TikTok heet hij geldbaas.nl", "@geldbaas.nl"),
        ("ze volgt het insta-account snelgeld.nl", "@snelgeld.nl"),
    ],
)
def test_an_account_name_that_looks_like_a_domain_is_a_handle(text: str, handle: str) -> None:
    """Named as a platform's account, "easymoney.nl" is the account, not a web address."""
    assert [(e.kind, e.value) for e in extract(text)] == [("handle", handle)]


def test_a_platform_link_after_his_insta_is_stays_a_link() -> None:
    """ "his insta is instagram.com/jay_x" keeps the link with its path."""
    assert values("his insta is instagram.com/jay_x", "domain") == ["instagram.com/jay_x"]
    assert values("his insta is instagram.com/jay_x", "handle") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Adres: 1324 RB Almere, De Vaart nummer 8.", "1324RB 8"),
        ("Een nagelstudio (nummer 14, 1315 ks Almere).", "1315KS 14"),
        ("Haar woning is een verkooppunt: nr 5 in 1324rj.", "1324RJ 5"),
        ("Het huis, huisnummer 21, 8315 pb Emmeloord.", "8315PB 21"),
        ("8221 AB Lelystad, De Schouw 14", "8221AB 14"),
    ],
)
def test_a_house_number_word_or_a_street_of_any_name_around_the_postcode(text, address) -> None:
    """Since 2026.12.11: "nummer 14, 1315 ks", "nr 5 in 1324rj", a town and a street
    whose name ends in no street word ("De Vaart nummer 8", "De Schouw 14")."""
    assert values(text, "address") == [address]


@pytest.mark.parametrize(
    "text",
    [
        "1324 RB Almere, Jan 12 jaar oud",
        "In 1324 RB Almere, De Vaart wonen 12 mannen",
        "kamer nummer 14, 1315 ks is de postcode van de wijk",
        "Sinds 2019 in 1324rj",
    ],
)
def test_a_count_an_age_or_a_room_near_the_postcode_is_no_house_number(text) -> None:
    assert values(text, "address") == []


@pytest.mark.parametrize(
    ("text", "plate"),
    [
        ("Ze komen in een blauwe Opel, PB 3381 AM (Bulgaars).", "PB3381AM"),
        ("A grey van, CJ 12 XYZ, Romanian, picks them up.", "CJ12XYZ"),
        ("Een bus met WA 12345, een Pools kenteken.", "WA12345"),
    ],
)
def test_a_foreign_plate_with_its_country_right_after_it(text, plate) -> None:
    """Since 2026.12.11 the country word may follow the plate, within a few words."""
    assert values(text, "plate") == [plate]


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("op Snapchat heet hij lisa", "@lisa"),
        ("Op Snapchat heet hij xyzboy.", "@xyzboy"),
        ("On Snapchat he goes by sweetjay, she said.", "@sweetjay"),
        (
            "Leerlingen lieten een Telegram-kanaal zien, flevo_girls_leaks, met foto's.",
            "@flevo_girls_leaks",
        ),
    ],
)
def test_a_plain_name_after_a_naming_verb_or_a_name_with_an_underscore_near_a_platform(
    text, handle
) -> None:
    """Since 2026.12.11: a plain name in lower case after "heet hij" or "goes by" that ends
    the clause, and a name with an underscore in a sentence that names a platform."""
    assert values(text, "handle") == [handle]


@pytest.mark.parametrize(
    "text",
    [
        "Op Snapchat heet hij anders.",
        "Op Snapchat heet ze Lisa.",
        "op Snapchat heet hij niet zo",
        "Op Instagram is ze actief.",
        "Hij stuurde loon_maart.pdf via Telegram.",
        "Zijn Snapchat weet ik niet, hij heet Mo en woont in Almere.",
    ],
)
def test_a_common_word_after_a_naming_verb_is_no_handle(text) -> None:
    assert values(text, "handle") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("8224 ab lelystad nr 12", ("address", "8224AB 12")),
        ("Haar OnlyFans-pagina 'sweetlara' wordt door hem beheerd.", ("handle", "@sweetlara")),
        ("kvk-nummer 12.34.56.78", ("kvk", "12345678")),
    ],
)
def test_a_town_in_lower_case_a_quoted_page_name_and_a_kvk_number_in_dotted_pairs(
    text, entity
) -> None:
    """Since 2026.12.11."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


def test_a_quoted_plain_word_away_from_the_page_word_or_a_dotted_date_stays_none() -> None:
    assert extract("Op OnlyFans zegt ze 'sorry' tegen iedereen.") == []
    assert values("KvK weet ik niet, op 12.03.20 gebeld", "kvk") == []


@pytest.mark.parametrize(
    "text",
    [
        "Op Facebook, naam: J.de Vries, stond de vacature.",
        "Op Facebook heet hij J.de Vries.",
        "FB: J.de Vries",
        "Ze vond het werk via Facebook (naam: M.van Dijk).",
    ],
)
def test_an_initial_with_a_surname_is_no_handle_and_no_domain(text) -> None:
    """ "J.de Vries": the initial and "de" look like a host in Germany or a dotted name."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Busje met Pools kenteken PL WGM 4521 brengt nieuwe mensen.", ("plate", "WGM4521")),
        ("Truck plate LT KDA 482, the trailer is other.", ("plate", "KDA482")),
        ("een grijze Opel, kenteken BG CB 3312 PK, om 18 uur", ("plate", "CB3312PK")),
        ("only number 3b and 1315 hk on a letter", ("address", "1315HK 3B")),
        ("I am in apartment in Almere, flat 18c, 1312zp.", ("address", "1312ZP 18C")),
        ("In de bovenwoning tegenover (9a, 8302 ck) wonen vrouwen.", ("address", "8302CK 9A")),
    ],
)
def test_a_country_code_before_a_plate_a_flat_number_and_a_number_in_brackets(text, entity) -> None:
    """Since 2026.12.11 (development set 13): "kenteken PL WGM 4521" without the country
    code, "flat 18c, 1312zp", "(9a, 8302 ck)", "number 3b and 1315 hk"."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        "Ze slapen met 9, 8302 ck is de postcode van het park.",
        "Ze wonen in twee straten (9, 8302 ck en 8302 cl).",
    ],
)
def test_a_count_before_a_lower_case_postcode_stays_no_address(text) -> None:
    """Only a number in brackets that close right after the postcode is a house number."""
    assert values(text, "address") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("House is nr 41, 8256 be Biddinghuizen.", ("address", "8256BE 41")),
        (
            "Op de boerderij naast ons, 230 (3891 zk) in Zeewolde, wonen ze.",
            ("address", "3891ZK 230"),
        ),
        ("In de flat (8225 TA) nr. 118 in Lelystad woont R.", ("address", "8225TA 118")),
        ("De boer rijdt in een pick-up, gnx 90 r.", ("plate", "GNX90R")),
        ("The ride is always booked from 06.73.15.22.08 at night.", ("phone", "+31673152208")),
        ("on Zalo his name is minh_tuan88, he helps her", ("handle", "@minh_tuan88")),
        ("Liet berichten zien op Snapchat van BigMo.NOP: betalen.", ("handle", "@bigmo.nop")),
        ("een grijze Peugeot, Frans kenteken GH-512-QT (F)", ("plate", "GH512QT")),
        (
            "hij verkoopt via Vinted, account sneakerdrop_lelystad.",
            ("handle", "@sneakerdrop_lelystad"),
        ),
        ("registered, kvk-nummer 6640.2218.", ("kvk", "66402218")),
    ],
)
def test_variants_of_development_set_14(text, entity) -> None:
    """Since 2026.12.11 (development set 14, measured first: recall 0.88)."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        "Ze wonen met 12 (3891 zk) mannen in het huis.",
        "Om 06.15.22.08 uur vertrok de bus.",
        "Op Snapchat van mij staat niets.",
    ],
)
def test_near_misses_of_development_set_14_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("De Schouw 14, 8232lk", ("address", "8232LK 14")),
        ("Het bedrijf is ingeschreven onder 90123456 bij de KvK", ("kvk", "90123456")),
        ("Ze heeft een OnlyFans 'sweetlara' die door hem wordt beheerd", ("handle", "@sweetlara")),
        ("tel onbekend, auto WGM 7712", ("plate", "WGM7712")),
        ("Hij rijdt een Opel (RO) BV 22 MHI.", ("plate", "BV22MHI")),
        ("Een auto met kenteken CA 4471 KM (BG) brengt boodschappen.", ("plate", "CA4471KM")),
    ],
)
def test_variants_of_the_second_entity_set(text, entity) -> None:
    """Since 2026.12.11 (short texts written for the extractor by someone who never read
    it, measured first: recall 0.96, precision 1.00)."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


@pytest.mark.parametrize(
    "text",
    [
        "Het kostte 90123456 euro volgens de KvK-cijfers",
        "op Instagram 'gewoon' wat foto's",
        "De auto (NL) stond er niet.",
    ],
)
def test_near_misses_of_the_second_entity_set_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("some of us must drive the van vlk 28 t and deliver packets", ("plate", "VLK28T")),
        ("Naast hem (8302KL45) wonen 6 mannen.", ("address", "8302KL 45")),
    ],
)
def test_variants_of_development_set_15(text, entity) -> None:
    """Since 2026.12.11 (development set 15, measured first: recall 0.98)."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


@pytest.mark.parametrize(
    "text", ["Ze komen van vlk 28 t tot 30.", "Bestelnummer (8302KL45) is verzonden."]
)
def test_near_misses_of_development_set_15_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("I am parked at a truck stop. Truck LT KRV 518. I am not in danger.", ("plate", "KRV518")),
        ("[chat] Bezoeker: car is BG CA 4412 MX, grey Opel.", ("plate", "CA4412MX")),
        (
            "3rd floor. his snap is lilmoneyjay\n[chat] Medewerker: Ik bel nu 112.",
            ("handle", "@lilmoneyjay"),
        ),
        (
            "Op zijn Snapchat staat een contact bando.almere dat opdrachten stuurt.",
            ("handle", "@bando.almere"),
        ),
        (
            "he sells it through a TikTok shop, glowdeals.flevo; he pays them",
            ("handle", "@glowdeals.flevo"),
        ),
    ],
)
def test_variants_of_development_set_16(text, entity) -> None:
    """Since 2026.12.11 (development set 16, measured first: recall 0.94)."""
    assert [(e.kind, e.value) for e in extract(text)] == [entity]


@pytest.mark.parametrize(
    "text", ["his insta is private.", "Her snap is gone.", "zijn snap is verwijderd."]
)
def test_what_an_account_is_like_is_no_handle(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("huisnr 21a / 8223BN, 3e verdieping achter", {("address", "8223BN 21A")}),
        ("beller: hij heet Marek, rijdt PL WGM 4521", {("plate", "WGM4521")}),
        ("Belgische plaat 2-HXT-451, grijze Caddy", {("plate", "2HXT451")}),
        ("op 1333 HX, nummer 51 staan 3 busjes", {("address", "1333HX 51")}),
        (
            "Duitse BMW M-XY 987 en een Skoda uit Polen, WGM 4521",
            {("plate", "MXY987"), ("plate", "WGM4521")},
        ),
        ("UK number from the recruiter +44 (0)7700 900123, said", {("phone", "+447700900123")}),
        ("+31-6-98765431 / +31.6.98765430", {("phone", "+31698765431"), ("phone", "+31698765430")}),
    ],
)
def test_variants_of_the_third_entity_set(text, entities) -> None:
    """Since 2026.12.11 (150 hurried texts written for the extractor by someone who never
    read it, measured first: recall 196/205, one false address)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "8223BN, 3e verdieping",
        "Hij rijdt 12 uur per dag.",
        "Ze komen uit Polen, 12 mannen.",
        "Een plaat van 2 meter.",
    ],
)
def test_near_misses_of_the_third_entity_set_stay_none(text) -> None:
    assert extract(text) == []


def test_a_make_and_model_before_a_country_word_is_no_plate() -> None:
    """Development set 17: "BMW X5 with Polish plates, PO 8812K (PL)" gave the plate BMWX5."""
    assert values("A BMW X5 with Polish plates, PO 8812K (PL), stood there.", "plate") == [
        "PO8812K"
    ]


def test_the_word_signal_is_no_platform() -> None:
    """ "Signal" the messenger is named as a platform too rarely to make every "signal" in a
    text one: "a signal, mo_010" or "signal MODEL_ALONE" gave handles."""
    assert (
        values("This is a signal of exploitation: the boss mo_010 keeps the money.", "handle") == []
    )
    assert values("Below MODEL_ALONE a text without any signal keeps no form", "handle") == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Adres van de zaak: 8243 ex, nr 8. Twee van hen", {("address", "8243EX 8")}),
        ("Pc/hnr neef: 8252 JN / 3. Mld wil eerst advies", {("address", "8252JN 3")}),
        ("(Postcode: 8303 ZK Huisnummer: 30) over 6 Poolse mannen", {("address", "8303ZK 30")}),
        ("the landlord of a house in Lelystad (30, 8224HX), rented to", {("address", "8224HX 30")}),
        ("Address I see on a letter: Bolder 32 - 8224tb. He come back", {("address", "8224TB 32")}),
        (
            "two companies on my name, KvK 8617 2203 and 85 93 04 17, registered",
            {("kvk", "86172203"), ("kvk", "85930417")},
        ),
        ("The company is Grillhuis Almere B.V., KvK 63-84-52-10. He", {("kvk", "63845210")}),
        (
            "een jongen die ze via Snapchat kende (hij heette daar jayden.flevo0, dat profiel",
            {("handle", "@jayden.flevo0")},
        ),
        (
            'gaming on Discord with a "friend" who calls himself d4rkm0de. Lately',
            {("handle", "@d4rkm0de")},
        ),
        ("op Snapchat heet die jongen mo.almere.36.\nAfweging", {("handle", "@mo.almere.36")}),
        (
            "via een vacature op Telegram-kanaal AlmereJobsUA: 'cleaning",
            {("handle", "@almerejobsua")},
        ),
        ("only a Snapchat name he mentioned: sahbi.ams.", {("handle", "@sahbi.ams")}),
    ],
)
def test_variants_of_development_sets_20_to_22(text, entities) -> None:
    """Since 2026.12.12 (development sets 20, 21 and 22, measured first: recall 0.97,
    0.95 and 0.96)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "Postadres: Postbus 2031, 8203 AA Lelystad",
        "sturen naar ons postadres, Postbus 91, 8200 AB Lelystad, t.a.v. team",
        "Write to PO Box 112, 8200 AB Lelystad.",
        "Hij heette daar anders, dat profiel is nu weg.",
        "He calls himself the boss.",
    ],
)
def test_a_po_box_or_a_plain_word_after_a_naming_verb_stays_none(text) -> None:
    """A post office box number is no house number (development set 22: two false addresses)."""
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I read veiligthuisflevoland.nl/mensenhandel and the CoMensha site, www.comensha.nl",
        "Kijk op https://www.politie.nl/mijn-buurt of bel 0900-8844",
        "zie www.nlarbeidsinspectie.nl/melden en www.rijksoverheid.nl/onderwerpen/mensenhandel",
        "info op www.veiligthuis.nl, ggdflevoland.nl en www.fairwork.nu",
        "the page on https://www.government.nl/topics/human-trafficking says",
        "formulier op loket.overheid.nl en www.ind.nl",
    ],
)
def test_the_site_of_a_partner_or_a_government_body_is_no_domain(text) -> None:
    """Every case that mentions it would be linked (development set 23: domain precision
    0.70, its writer left such sites unlabelled)."""
    assert values(text, "domain") == []


def test_a_site_that_only_starts_like_a_public_one_is_still_a_domain() -> None:
    text = "werk via www.politie-vacatures.nl en snelgeld-overheid.nl"
    assert values(text, "domain") == ["politie-vacatures.nl", "snelgeld-overheid.nl"]


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Op Snap heet hij dk.vip.22. Wij hebben", {("handle", "@dk.vip.22")}),
        (
            "Op Snapchat heeft hij contact met flexboy.036, die hem 'broertje' noemt.",
            {("handle", "@flexboy.036")},
        ),
        (
            "he bring us in his van with number CA 4821 KP. We are not",
            {("plate", "CA4821KP")},
        ),
        ("Ze rijden in een bus met kenteken VT-123-B naar de kas", {("plate", "VT123B")}),
    ],
)
def test_variants_of_development_sets_23_and_24(text, entities) -> None:
    """Since 2026.12.13 (development sets 23 and 24, measured first: recall 0.98 each)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "Hij had contact met collega.s van de kas.",
        "Op Snapchat heeft hij contact met Ahmed, zegt ze.",
        "the bus with 12 men left at 5.30",
        "de bus met 14 mannen vertrok om 05.30",
    ],
)
def test_contact_with_a_person_or_a_bus_with_a_count_stays_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "Hij kwam in grijze VW Golf, mld las kenteken af: xk 412 g. 22:21 mld geadviseerd",
            {("plate", "XK412G")},
        ),
        (
            "aan 'een gast van Insta'. Dat account heet cashflow.flevo, er staan filmpjes op",
            {("handle", "@cashflow.flevo")},
        ),
        (
            "shows on velvetcam-studio.eu, my name there is SweetAna_RO, 8 or 10 hours",
            {("domain", "velvetcam-studio.eu"), ("handle", "@sweetana_ro")},
        ),
        (
            "I answered an advert on Instagram from photographer lensmaster.almere for model work",
            {("handle", "@lensmaster.almere")},
        ),
        (
            "We live 8 men in one house, Kamperweg 9 I think, postcode 8311 RB. Marek drive",
            {("address", "8311RB 9")},
        ),
        ("He showed us on the map: 8253 TX, house 41. The man drives", {("address", "8253TX 41")}),
        (
            "trucks with Romanian plates (one of them is B 88 TRX, another IS-21-MRT). They",
            {("plate", "B88TRX"), ("plate", "IS21MRT")},
        ),
        (
            "music until 3, a few German plates (one was BOR-MK 318). I honestly don't know",
            {("plate", "BORMK318")},
        ),
    ],
)
def test_variants_of_development_sets_25_and_26(text, entities) -> None:
    """Since 2026.12.13 (development sets 25 and 26, measured first: recall 0.97 and 0.94)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "Verkeerd nummer, doorverwezen naar gemeente (14 0321). Geen melding.",
        "bel de gemeente op 14 036 of kijk op de site",
        "Dat account is van hem, zegt ze. Hij zat op Insta.",
        "The house 41 is empty, said the neighbour of 8253 TX.",
        "a few German cars, one was parked at 3 318 times",
        "He wrote to me on Instagram from his holiday at e.g. the beach.",
    ],
)
def test_a_municipal_number_or_a_word_between_stays_none(text) -> None:
    """The municipalities' number 14 plus an area code is the council's, no one's phone."""
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "cleaning company Sparkle Facility Services (KvK 8 1 2 3 4 5 6 7) in two hotels",
            {("kvk", "81234567")},
        ),
        (
            "In een huurwoning op 8224 CG 103-B (Lelystad) woont volgens ons register",
            {("address", "8224CG 103B")},
        ),
        ("Nr van de pooier: 0044 7700 918245. Geen direct gevaar", {("phone", "+447700918245")}),
        ("call my cousin on 0048 601 234 567 after work", {("phone", "+48601234567")}),
        ("een grijs busje, kenteken vlgs mld vgk 38 t. Ze komen", {("plate", "VGK38T")}),
        ("witte Caddy, kenteken volgens de buurvrouw vj 519 x. Dezelfde", {("plate", "VJ519X")}),
        ("een auto met Spaans kenteken (2231 HBF) en steeds", {("plate", "2231HBF")}),
        (
            "answered an Instagram story from quickcash.nl.official: earn 500 in one day",
            {("handle", "@quickcash.nl.official")},
        ),
        (
            "a contract from dutchharvest-jobs.com and 290 euro to their account NL12 INGB 0001"
            " 2345 67, then they stopped answering",
            {("domain", "dutchharvest-jobs.com")},
        ),
    ],
)
def test_variants_of_development_sets_28_and_29(text, entities) -> None:
    """Since 2026.12.15 (development sets 28 and 29, measured first: recall 0.96 and 0.99)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        # An IBAN whose check digits fail is no phone number.
        "He already sent 9000, first to NL31 RABO 0118 2746 55 and now by Western Union.",
        "4.200 euro overgemaakt naar ES02 0081 5712 8300 0441 7266. Nu reageert ze niet",
        # A public body's e-mail address is the sender's desk, no part of the case.
        "mail the inspector at j.devries@nlarbeidsinspectie.nl or call",
        # A web shop's name on a gift card.
        "Hij stuurt haar cadeaukaarten (bol.com, 25 en 50 euro) en beloofde een telefoon.",
    ],
)
def test_a_failed_iban_a_public_desk_or_a_shop_stays_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "an advert on Instagram from photographer adi.bogdan.7791 for model work",
            "@adi.bogdan.7791",
        ),
        ("On TikTok the account of the boss is lina.rose.22 and she posts daily", "@lina.rose.22"),
        ("op insta volgt ze jay.money.x", "@jay.money.x"),
    ],
)
def test_a_dotted_account_name_may_end_in_a_short_part(text, handle) -> None:
    """The short middle part of 2026.12.15 must not cost a name whose last part is short
    or a number, as it did in a first version (found in review)."""
    assert {(e.kind, e.value) for e in extract(text)} == {("handle", handle)}


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "I work in kitchen of a restaurant, address is 15, 1311hx\nK: every day",
            {("address", "1311HX 15")},
        ),
        (
            "Ze wonen met z'n zessen in een huis van de baas: (1336 BR) 41-B, Almere Buiten.",
            {("address", "1336BR 41B")},
        ),
        ("In de flat op Botter 12-C (8243 kd) wonen telkens", {("address", "8243KD 12C")}),
        ("Marek: yes this number +48 (0) 502 118 634. Thanks", {("phone", "+48502118634")}),
        ("trucks with Lithuanian plates, mine is KRT 418. The agent", {("plate", "KRT418")}),
        ("trucks with Polish plates, for example WGM 4812K, driven by", {("plate", "WGM4812K")}),
        ("truck is Turkish plate 34 ABC 123. my whatsapp", {("plate", "34ABC123")}),
        ("Op Chaturbate heet ze sweetmilena_pl. Alle inkomsten", {("handle", "@sweetmilena_pl")}),
        (
            "He met the man on Grindr, where the man calls himself DaddyFlevo. The boy",
            {("handle", "@daddyflevo")},
        ),
        (
            "Er is één man, op Grindr heet hij daddy_lelystad, die regelt",
            {("handle", "@daddy_lelystad")},
        ),
        (
            "for a Portuguese company (lusoconstrucoes.pt/trabalhe-connosco). We work",
            {("domain", "lusoconstrucoes.pt")},
        ),
    ],
)
def test_variants_of_development_sets_30_and_31(text, entities) -> None:
    """Since 2026.12.16 (development sets 30 and 31, measured first: recall 0.97 and 0.95,
    and one Polish number read as a Dutch one)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        # a count after a postcode in brackets
        "Ze woont in Lelystad (8221 AB) 3 jaar en werkt daar",
        # a Turkish-looking group with no plate word or country before it
        "op 12 december om 34 ABC 123 uur",
        # a plate word with an example that is no plate
        "the plates, for example the big ones, were dirty",
    ],
)
def test_near_misses_of_development_sets_30_and_31_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Contact leerplichtambtenaar: leerplicht@noordoostpolder.nl of via de school.",
        "Zie www.almere.nl/zorg-en-welzijn voor het wijkteam.",
        "mail de gemeente, info@lelystad.nl, of bel 14 0320",
    ],
)
def test_the_contacts_of_the_region_s_municipalities_are_no_entities(text) -> None:
    """A municipality is a public body (development set 31: the attendance officer's
    address); the region's municipalities are those it serves (accounts.Municipality)."""
    assert extract(text) == []


def test_a_business_whose_site_only_starts_like_a_municipality_s_is_a_domain() -> None:
    assert {(e.kind, e.value) for e in extract("zie almere-uitzendwerk.nl")} == {
        ("domain", "almere-uitzendwerk.nl")
    }


def test_a_brand_right_after_a_platform_is_no_handle() -> None:
    """A name with capitals inside is a handle after a naming verb only (found in review)."""
    assert extract("Hij werkt bij McDonalds en zit op Instagram McDonalds te kijken.") == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "Sit.: in woning Lindenlaan 14 (8232 kw Lelystad) wonen vlgs mld min. 10 mnn",
            {("address", "8232KW 14")},
        ),
        (
            "wordt via Airbnb verhuurd (airbnb.nl/rooms/48213377). Elk weekend",
            {("domain", "airbnb.nl/rooms/48213377")},
        ),
        (
            "trekkers van een Pools bedrijf, kentekens o.a. WGM 55213. De chauffeurs",
            {("plate", "WGM55213")},
        ),
    ],
)
def test_variants_of_development_sets_32_and_33(text, entities) -> None:
    """Since 2026.12.17 (development sets 32 and 33, measured first: recall 0.98 and 0.94)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


def test_a_listing_site_alone_is_no_domain() -> None:
    assert extract("we boekten via airbnb.nl en booking.com een huisje") == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "the boss talks to me on telegram, he's called dr.cash. I just want out",
            {("handle", "@dr.cash")},
        ),
        (
            "Een zilveren Toyota met Pools kenteken, mld noteerde PZ 4KL72. Ze",
            {("plate", "PZ4KL72")},
        ),
        (
            "Verblijft in een flat in Stad-West, nummer 14-B, 1316 vr. Gebruikt pillen",
            {("address", "1316VR 14B")},
        ),
        ("The address he gave: 18c, 8302 ex, third floor.", {("address", "8302EX 18C")}),
        (
            "In een woning van ons in Almere Poort, 1363XS8, wonen veertien mannen",
            {("address", "1363XS 8")},
        ),
        ("op snap is ie lucaas.x3 en verder weet ik niks", {("handle", "@lucaas.x3")}),
        ("een jongen die op TikTok @ jaybee.0365 heet", {("handle", "@jaybee.0365")}),
        ("on grindr he's DaddyAlmere50, his number is unknown", {("handle", "@daddyalmere50")}),
        (
            "we live 8 man in house Spoorbaanweg 14-B 1312ne, 3 small rooms",
            {("address", "1312NE 14B")},
        ),
        ("she works from his apartment, 8232zk19, receiving clients", {("address", "8232ZK 19")}),
        (
            "I reported Zen Garden Massage (2b, 8212ch, Lelystad) because",
            {("address", "8212CH 2B")},
        ),
    ],
)
def test_variants_of_development_sets_34_to_36(text, entities) -> None:
    """Since 2026.12.19 (development sets 34, 35 and 36, measured first: recall 0.98, 0.96
    and 0.94)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "on telegram, he's called often by the boss",
        "kenteken onbekend, mld noteerde 12 uur als tijdstip",
        "order 2024AB12 is verzonden",
        "The address he gave: 18 years ago, 8302 ex",
        "op snap is ie 16 en ze is er altijd",
        "on insta he's active every night",
        "the house was sold in 2019, 8232zk was the old code",
        "the bus (line 2, 8212ch, Lelystad) was late",
    ],
)
def test_near_misses_of_development_sets_34_to_36_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("Weet je het adres? Bezoeker: 8256 sc, number 9 I think.", {("address", "8256SC 9")}),
        ("they took me to a house, 1357gt 22 i think. i have to stay", {("address", "1357GT 22")}),
        ("het pand op 8224 CG 103-B, daar", {("address", "8224CG 103B")}),
        (
            "De vacature stond op olx.pl/oferta/dekarz-holandia-praca-od-zaraz, 20 euro",
            {("domain", "olx.pl/oferta/dekarz-holandia-praca-od-zaraz")},
        ),
    ],
)
def test_variants_of_development_sets_38_and_39(text, entities) -> None:
    """Since 2026.12.21 (development sets 38 and 39, measured first: recall 0.93 and 0.99;
    "number 9 I think" had given the house number an addition "I")."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


def test_a_classifieds_site_alone_is_no_domain() -> None:
    assert extract("ik zag het op olx.pl en op olx.ro") == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("de admin heet op telegram vxqmoney. my sister's pic", {("handle", "@vxqmoney")}),
        (
            "The salon is in Almere Stad, on Instagram it is braidsbymadamrose. You can reach",
            {("handle", "@braidsbymadamrose")},
        ),
        ("op insta heet hij dnnsvdw [chat 13:26] Medewerker: Bewaar", {("handle", "@dnnsvdw")}),
        ("Snapchat van de jongen: fastcash.0036 Mijn e-mailadres", {("handle", "@fastcash.0036")}),
        ("een private-leaseauto op zijn naam, een Peugeot, gf 538 x, waar", {("plate", "GF538X")}),
        ("zwarte Skoda Octavia vj 38 pk voor de deur", {("plate", "VJ38PK")}),
        # the reading of the platform's name, or of a part of a dotted name, is none
        ("Instagram van die vriend: Insta = lowkey.flevo. Hij", {("handle", "@lowkey.flevo")}),
        ("on instagram it is nailsbylinh.almere. in Almere", {("handle", "@nailsbylinh.almere")}),
    ],
)
def test_variants_of_development_sets_40_and_41(text, entities) -> None:
    """Since 2026.12.22 (development sets 40 and 41, measured first: recall 0.986 and
    0.958)."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "ze is op instagram actief, zegt haar moeder.",
        "on Instagram it is private, so we see nothing.",
        "op insta heet hij anders [chat 13:26] Medewerker: oké",
        "Snapchat van de jongen: weet ik niet",
        "een Peugeot, 12 jaar oud, stond er",
        "een Opel, om 18 uur weg",
    ],
)
def test_near_misses_of_development_sets_40_and_41_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Advies: Juridisch Loket 0900-8020 of Slachtofferhulp 0900 0101.",
        "Hij kan het Juridisch Loket bellen (0900 - 8020).",
    ],
)
def test_a_national_service_line_is_no_entity(text) -> None:
    """An eight-digit 0900 number is a national organisation's line, like the police's
    0900-8844 (since 2026.12.23): advice, not part of a case."""
    assert extract(text) == []


def test_a_business_line_on_0900_or_a_chat_line_on_0906_still_is() -> None:
    found = {(e.kind, e.value) for e in extract("0900-1234567 of 0906-1234567 in de advertentie")}
    assert found == {("phone", "+319001234567"), ("phone", "+319061234567")}


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("a guy on Snapchat, cashking.nl, offered '300 euro'", "@cashking.nl"),
        ("a girl on instagram, sophie.lovee.nl, we video called", "@sophie.lovee.nl"),
        ("Vriend heet op insta mr.mo.vip. Mld wil niet", "@mr.mo.vip"),
        ("op Discord verder praten, daar heet hij skyy.nl. Moeder", "@skyy.nl"),
        ("via TikTok benaderd, het account heet scoutmodels.eu. Het", "@scoutmodels.eu"),
        ("Op Instagram benaderd door het account koerier.jobs.nl: 'jij rijdt'", "@koerier.jobs.nl"),
    ],
)
def test_a_name_that_looks_like_a_domain_right_after_a_platform_or_a_naming_word(text, handle):
    """Since 2026.12.25 (seven development sets wrote these as handles, none as a web
    address): every reading of a name next to a platform also takes a dotted name."""
    assert {(e.kind, e.value) for e in extract(text)} == {("handle", handle)}


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("op Facebook staat een vacature van www.flexwerk-nl.com, bel", "flexwerk-nl.com"),
        ("she saw the ad on Instagram and then went to luxegirls.nl to apply", "luxegirls.nl"),
        ("het bureau op LinkedIn verwijst naar werkbureau-oost.pl", "werkbureau-oost.pl"),
    ],
)
def test_a_web_address_further_from_the_platform_stays_a_domain(text, domain) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == {("domain", domain)}


@pytest.mark.parametrize(
    ("text", "iban"),
    [
        ("Afbetalen gaat naar BE64 4272 5621 7592. Advertenties", "BE64427256217592"),
        ("4.200 euro naar ES02 0081 5712 8300 0441 7265. Nu", "ES0200815712830004417265"),
    ],
)
def test_an_iban_is_read_by_its_international_check_digits_alone(text, iban) -> None:
    """The IBAN's own check (ISO 7064 mod 97) and its country's length decide, not a bank's
    national check digits inside it (since 2026.12.25): development sets 25, 34 and 38
    wrote such IBANs, as a reporter copying one from a message would."""
    assert values(text, "iban") == [iban]


@pytest.mark.parametrize(
    "text",
    [
        "Afbetalen gaat naar BE64 4272 5621 7593.",  # one digit off: the check fails
        "each week to LT55 7304 4006 6012 7589 11.",  # 22 characters: a Lithuanian IBAN has 20
    ],
)
def test_an_iban_with_a_wrong_check_or_length_stays_none(text) -> None:
    assert values(text, "iban") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Waar is het huis? Kokkel 8 8251 gk. not danger today", ("address", "8251GK 8")),
        ("The address he sent me: 102 1325 ph Almere. Please", ("address", "1325PH 102")),
        ("pls email me, on Facebook i am maricel.r.88 but dont write", ("handle", "@maricel.r.88")),
        ("op insta ben ik lisa_2009, hij stuurde", ("handle", "@lisa_2009")),
    ],
)
def test_variants_of_development_sets_46_and_47(text, entity) -> None:
    """Since 2026.12.25 (development sets 46 and 47, measured first: recall 0.988 and
    0.957): a street and number without a comma before a lower-case postcode, a number
    after "the address ...:" without one, and the writer's own account ("I am ...")."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    "text",
    [
        "Kamer 12 8221 ab.",
        "Lijn 12 8221 ab.",
        "Sinds 2019 1324 rj.",
        "Groep 8 8224 pw.",
        "on Facebook I am a member of the group",
        "op insta ben ik actief",
    ],
)
def test_near_misses_of_development_sets_46_and_47_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Raj, username op Signal rajrecruit.07. Bussen", ("handle", "@rajrecruit.07")),
        ('An account on Signal "boss.almere" gives the addresses.', ("handle", "@boss.almere")),
        ("op de bouwplaats, Larserpoortweg 3, 8218 na Lelystad. Hij", ("address", "8218NA 3")),
        ("What is the address? De Zuid 88, Dronten, 8251 PP. It is", ("address", "8251PP 88")),
        ("Adres: Zuiderzeestraat 14-C, (8223ak). Mannen", ("address", "8223AK 14C")),
        ("Woning: Kathmandustraat 22 – 1335 EJ. Zijn", ("address", "1335EJ 22")),
        ("een Audi A3, kenteken TB - 408 - X. Een van hen", ("plate", "TB408X")),
        ("grijze Mercedes, kenteken vlgs zijn bericht 7 - TZF - 09, en", ("plate", "7TZF09")),
        ("in Almere Muziekwijk, postal code 1311AR, nr 7. When we", ("address", "1311AR 7")),
    ],
)
def test_variants_of_development_set_50(text, entity) -> None:
    """Since 2026.12.26 (development set 50, 300 entities, measured first: recall 0.943):
    Signal as a platform (written with its capital), a street and number before a
    postcode whose letters are a word, with the town between them or after it, a number
    with an addition before a postcode in brackets, a dash of any kind, and a plate whose
    groups are set apart by spaced dashes; "postal code" is no reference's code."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    "text",
    [
        "There is no signal of exploitation, signal_2 is a test.",
        "Ze gebruikt Signal en WhatsApp met haar moeder.",
        "Kamer 12, Almere, 8221 AB is de postcode van het park.",
        "Dorpsweg 3, 1990 en later woonde hij elders.",
        "kenteken weet ik niet, 3 - 4 man in de bus",
        "De code: 1311AR, nr 7 van de actie.",
    ],
)
def test_near_misses_of_development_set_50_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            'via the sugar dating app Seeking, username there "GenerousGentNL". First',
            "@generousgentnl",
        ),
        (
            'a woman on the dating site Match, her profile "Svetlana_love77". She',
            "@svetlana_love77",
        ),
    ],
)
def test_a_quoted_name_after_username_or_profile_on_any_site(text, handle) -> None:
    """Since 2026.12.26 (development set 50): "username" or "profile" says it is an account,
    on a site the extractor does not know as well; only a name with a digit, dot,
    underscore or capitals inside, in quotes."""
    assert {(e.kind, e.value) for e in extract(text)} == {("handle", handle)}


@pytest.mark.parametrize(
    "text",
    [
        'his profile is "private" now',
        'the account "Savings 2024" at the bank',
        'her profile "says she is 19"',
    ],
)
def test_a_quoted_word_after_profile_stays_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        (
            "two KvK numbers on their window: 59 33 10 47 (massage) and 59 33 10 55 (webshop).",
            {("kvk", "59331047"), ("kvk", "59331055")},
        ),
    ],
)
def test_a_kvk_list_with_a_word_in_brackets(text, entities) -> None:
    """Since 2026.12.26 (development set 50): the next number of a list is read however far
    from the word "KvK" the list goes on."""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "KvK 59 33 10 47 (massage) and 2 rooms upstairs",
        "KvK 59 33 10 47 (massage) and call 06 12 34 56 78 after six",
    ],
)
def test_what_follows_a_kvk_number_that_is_no_number_of_the_list(text) -> None:
    assert [e.kind for e in extract(text) if e.kind == "kvk"] == ["kvk"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("someone called Jay, on Snapchat he is jaydaboss036. My boy", ("handle", "@jaydaboss036")),
        ("het adres van een foto van een pakketje: 9-B, 1335 VZ. Daar", ("address", "1335VZ 9B")),
    ],
)
def test_variants_of_development_set_51(text, entity) -> None:
    """Since 2026.12.26 (development set 51, measured first: recall 0.980): "on Snapchat
    he is x1" names the account as "he is called" does; a house number after a colon."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    "text",
    ["on Snapchat he is 16 and she is 15", "on Snapchat he is always online", "om: 9, 1335 is"],
)
def test_near_misses_of_development_set_51_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        # the KvK number after the town is no house number
        (
            "Salon: Golden Lotus Wellness, Botter 12, 8232 JB Lelystad, KvK 68 29 45 13, website",
            {("address", "8232JB 12"), ("kvk", "68294513")},
        ),
        (
            "De werver: op insta heet hij 'geldmaken.nl' (ja, als een website), en hij",
            {("handle", "@geldmaken.nl")},
        ),
        (
            "Kenny adverteert via Snapchat-stories: zijn account heet 'kennyy.vip' en via",
            {("handle", "@kennyy.vip")},
        ),
        (
            "Auto: zilveren Passat, Duits kenteken 'DU-K 4821' (Duisburg). Verder",
            {("plate", "DUK4821")},
        ),
    ],
)
def test_variants_of_development_set_52(text, entities) -> None:
    """Since 2026.12.26 (development set 52, measured first: recall 0.955, precision 0.987):
    "KvK" after a town is no street; a quoted name that looks like a domain next to a
    platform is the account's; a plate in quotes after the plate word. (A quoted name
    with capitals inside next to a platform was tried and not kept: a shop's or a
    seller's display name as often as an account's, 2 right and 2 wrong.)"""
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    "text",
    [
        "Op Facebook staat 'Lelystad' als woonplaats.",
        "Hij las op Instagram over 'www.werkinnl.nl' niets.",
        "kenteken 'weet ik niet', om 12 uur",
    ],
)
def test_near_misses_of_development_set_52(text) -> None:
    assert {e.kind for e in extract(text)} <= {"domain"}
    assert not [e for e in extract(text) if e.kind in {"handle", "plate"}]


@pytest.mark.parametrize(
    ("text", "plates"),
    [
        (
            "kentekens TK-829-R, h 471 nb en 57-KPL-2. Er staan",
            {"TK829R", "H471NB", "57KPL2"},
        ),
        ("registered in her name (S-881-KG and s 882 kg), plus", {"S881KG", "S882KG"}),
        ("vans: WPI 48721 and WGM 2K33A (Polish), also", {"WPI48721", "WGM2K33A"}),
        ("De auto's: x-771-gh, 7 tzr 55 en N-452-PD. Ook", {"X771GH", "7TZR55", "N452PD"}),
    ],
)
def test_a_plate_listed_with_a_plate_already_read(text, plates) -> None:
    """Since 2026.12.27: another plate in a list with one already read, after it or
    just before it, in any case (development sets 33, 41, 47 and 50)."""
    assert {e.value for e in extract(text) if e.kind == "plate"} == plates


@pytest.mark.parametrize(
    "text",
    [
        "kenteken VT-123-B, 12 jan gezien",
        "kenteken VT-123-B, om 18 uur",
        "kenteken VT-123-B en 45 min later weer",
        "om 12:30, VT-123-B kwam toen",
        "zwarte Audi A6, ZF-331-P, leasemaatschappij",
    ],
)
def test_what_stands_next_to_a_plate_but_is_no_plate_of_its_list(text) -> None:
    assert len([e for e in extract(text) if e.kind == "plate"]) == 1


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ('most days. On Facebook he is "FemiGlobalCleaning". The company', "@femiglobalcleaning"),
        ("bureau is on Facebook 'ZielonaPracaNL' and the planner", "@zielonapracanl"),
        ("Verhuurder op Airbnb: 'HostMarco' (superhost).", "@hostmarco"),
        ("Sparkling Almere, op LinkedIn als 'Sparkling-Almere'. Mijn", "@sparkling-almere"),
        (
            "verkocht in een Telegram-groep, de beheerder heet daar FlevoLeaksAdmin. Ze",
            "@flevoleaksadmin",
        ),
    ],
)
def test_a_quoted_display_name_with_capitals_inside_right_after_a_platform(text, entity) -> None:
    """Since 2026.12.27 (development set 52): a quoted name with capitals inside right
    after the platform or after "als", "is", "he is"; LinkedIn and Airbnb are platforms;
    "heet daar" names the account of a platform named before."""
    assert {(e.kind, e.value) for e in extract(text)} == {("handle", entity)}


@pytest.mark.parametrize(
    "text",
    [
        "Vertelde dat hij via Grindr 'afspraakjes' heeft met oudere mannen.",
        "Op Facebook 'Werken In Nederland' gezien",
        "Hij heet daar Jan, zegt ze.",
    ],
)
def test_a_quoted_word_or_a_first_name_after_a_platform_stays_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("via agency TechBridge Global (website techbridge-global.in). In", "techbridge-global.in"),
        ("recruiter site werkvisa-holland.vn, daar", "werkvisa-holland.vn"),
    ],
)
def test_the_web_address_of_a_recruiter_abroad(text, entity) -> None:
    """Since 2026.12.27 the country domains of more countries that workers are recruited
    from (India, Vietnam, Thailand, Pakistan, ...)."""
    assert {(e.kind, e.value) for e in extract(text)} == {("domain", entity)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The apartment is 17, 1325 kx, she sent me the location.", "1325KX 17"),
        ("I reported the Thai massage place at 40, 1315rb in Almere.", "1315RB 40"),
        ("yes, 4 of us in a flat, 27-b, 1335 hs Almere. 500", "1335HS 27B"),
        ("eengezinswoning aan de Kempenaar 61, 8224 gb wonen volgens", "8224GB 61"),
    ],
)
def test_a_number_alone_and_a_comma_before_a_lower_case_postcode(text, entity) -> None:
    """Since 2026.12.27 (development sets 13, 34, 35, 38, 41 and 45)."""
    assert {(e.kind, e.value) for e in extract(text)} == {("address", entity)}


@pytest.mark.parametrize(
    "text",
    [
        "ons postadres, Postbus 91, 8200 ab Lelystad",
        "we komen om 17, 1325 kx is de wijk",
        "sinds 2019, 1324 rj Almere",
        "kamer 12, 8221 ab",
    ],
)
def test_a_box_a_time_a_year_or_a_room_before_a_lower_case_postcode_stays_none(text) -> None:
    assert not [e for e in extract(text) if e.kind == "address"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("a black Passat, and his number is 0897 552 301 (Bulgarian). They", "+359897552301"),
        ("The uncle is called Ryszard, his Polish phone is 601 227 394 (+48). The", "+48601227394"),
        ("if i say no he knows. his number is 0485 55 21 90 (belgian). mine", "+32485552190"),
        ("My number: 07911 555 203 (UK number, WhatsApp works).", "+447911555203"),
        ("Mld eigen nr: 07459 203118. Geen direct gevaar", "+447459203118"),
    ],
)
def test_a_number_written_the_national_way_of_its_country(text, phone) -> None:
    """Since 2026.12.27 (development sets 17, 33, 38 and 48): a number whose country is
    written right after it, in brackets or before "number"; eleven digits from 07 on are
    a British mobile number."""
    assert {(e.kind, e.value) for e in extract(text)} == {("phone", phone)}


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Mld: 06 1234 5678 Poolse man, werkt", "+31612345678"),
        ("zijn nummer +31 6 1234 5678 (Pools) is", "+31612345678"),
        ("bel 0320 123 456 (Lelystad)", "+31320123456"),
    ],
)
def test_a_person_s_nationality_after_a_dutch_number_leaves_it_dutch(text, phone) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == {("phone", phone)}


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("link: fansly.com/luna.lovexx [chat 10:26]", "fansly.com/luna.lovexx"),
        ("haar pagina https://www.chaturbate.com/sweetnova_x/ is", "chaturbate.com/sweetnova_x"),
    ],
)
def test_a_link_on_a_webcam_or_fan_site_is_its_page(text, domain) -> None:
    """Since 2026.12.27 (development set 44): like OnlyFans, the site alone is nothing."""
    assert {(e.kind, e.value) for e in extract(text)} == {("domain", domain)}
    assert extract("ze werkt op stripchat.com, zegt ze") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("De regelaar noemt zich op Telegram BanksyAlmere. Jongen", ("handle", "@banksyalmere")),
        (
            "hij heeft een OnlyFans voor mij gemaakt, daar heet ik lunarose.xo. hij",
            ("handle", "@lunarose.xo"),
        ),
        ("Op snap heet zoon lilx.z, daar zijn", ("handle", "@lilx.z")),
        ("Op insta heet dochter lot.xo; moeder zag", ("handle", "@lot.xo")),
        ("through a Slovenian company, gradnja-work.si. The", ("domain", "gradnja-work.si")),
    ],
)
def test_variants_of_development_set_53(text, entity) -> None:
    """Since 2026.12.27 (development set 53, measured first: recall 0.953): "noemt zich op
    Telegram" with a name with capitals inside; "heet ik", "heet zoon"; Slovenian domains."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    "text",
    [
        "hij noemt zich op Telegram Kobra, zegt ze",
        "op snap heet ik gewoon Lisa",
        "Op insta heet zoon anders.",
    ],
)
def test_near_misses_of_development_set_53_stay_none(text) -> None:
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Bezoeker: Botter 41-C in Lelystad (8232 ja). he says", "8232JA 41C"),
        ("in een huis van RoWork aan de Bosweg 7, Biddinghuizen 8256 ag, twee per bed", "8256AG 7"),
        ("op mijn adres Kotter 18 8243 ck, want de baas", "8243CK 18"),
        (
            "I live next to a nail bar in Emmeloord, Marktplein 4b, Emmeloord (8302 hw). A",
            "8302HW 4B",
        ),
        ("In de woning Kempenaar 417 in Lelystad (8242 kp) komen", "8242KP 417"),
    ],
)
def test_a_street_number_and_town_before_a_lower_case_postcode(text, address) -> None:
    """Since 2026.12.27 (development sets 52 and 53): the town after "in" or a comma, the
    postcode after a bracket or a space; a name and number after an address word."""
    assert {(e.kind, e.value) for e in extract(text)} == {("address", address)}


@pytest.mark.parametrize(
    "text",
    [
        "Sinds 2019 in Almere (1315 ja) woont",
        "Kamer 12, Lelystad 8221 ab",
        "hij woont er al 12 8221 ab",
    ],
)
def test_a_year_a_room_or_a_count_before_a_town_and_postcode_stays_none(text) -> None:
    assert not [e for e in extract(text) if e.kind == "address"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("at about 8:30 a black Opel van (zk 430 p) drops four people", ("plate", "ZK430P")),
        ("Shiny Hands Car Wash, Rigaweg 7b, 1332 al. They have", ("address", "1332AL 7B")),
    ],
)
def test_variants_of_development_set_54(text, entity) -> None:
    """Since 2026.12.27 (development set 54, measured first: recall 0.978): a make with
    "van" after it before a plate; a street, number and a postcode whose letters are a word
    at the end of a sentence."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    "text",
    ["a black Opel van 12 jaar oud", "Ik woon al 12 jaar in de Kerkstraat 7, 1332 al."],
)
def test_near_misses_of_development_set_54(text) -> None:
    assert {e.kind for e in extract(text)} <= {"address"}
    assert not [e for e in extract(text) if e.kind == "plate"]


@pytest.mark.parametrize(
    "text",
    [
        "rekening NL91-ABNA-0417-1643-00 zegt hij",
        "iban NL91.ABNA.0417.1643.00.",
        "IBAN NL91  ABNA  0417  1643  00",
        "iban nl91-abna-0417-1643-00",
    ],
)
def test_an_iban_whose_groups_are_set_apart_by_dashes_dots_or_two_spaces(text) -> None:
    """Since 2026.12.27: the same separator throughout, and the check digits hold."""
    assert {(e.kind, e.value) for e in extract(text)} == {("iban", "NL91ABNA0417164300")}


@pytest.mark.parametrize(
    "text",
    ["NL91-ABNA-0417-1643-01 fout", "order NL91-ABNA.0417-1643.00", "NL91-ABNA-0417-1643-00-X"],
)
def test_a_dashed_look_alike_with_a_wrong_check_or_mixed_separators_stays_none(text) -> None:
    assert not [e for e in extract(text) if e.kind == "iban"]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("E-mail: h.postma1962 apenstaartje ziggo punt nl", "h.postma1962@ziggo.nl"),
        ("contact me in Ukrainian or English: yuliia.kov at ukr dot net", "yuliia.kov@ukr.net"),
        (
            "the recruiter, recruit.team(at)flexpower.agency, stopped",
            "recruit.team@flexpower.agency",
        ),
        (
            "Graag advies. l.vanderwal[at]flevomeercollege[punt]nl, kamer 0.12",
            "l.vanderwal@flevomeercollege.nl",
        ),
        ("My e-mail is marites.santos88 [at] yahoo [dot] com.", "marites.santos88@yahoo.com"),
        ("Mail mij: tesfay.g {at} outlook {dot} com", "tesfay.g@outlook.com"),
        (
            "His e-mail is lettings at greenkeyhomes dot co dot uk and",
            "lettings@greenkeyhomes.co.uk",
        ),
        (
            "Is there anything I should look for? sarah dot whitfield at btinternet dot com",
            "sarah.whitfield@btinternet.com",
        ),
    ],
)
def test_an_email_address_spelled_out_so_robots_miss_it(text, email) -> None:
    """Since 2026.12.27 (development set 55, measured first: recall 0.761)."""
    assert {(e.kind, e.value) for e in extract(text)} == {("email", email)}


@pytest.mark.parametrize(
    "text",
    [
        "I stayed at hotel-lagune.nl last week",
        "mail info at politie dot nl",
        "we zijn at home punt",
    ],
)
def test_a_plain_at_before_a_real_dot_or_a_public_desk_is_no_spelled_email(text) -> None:
    assert not [e for e in extract(text) if e.kind == "email"]


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Florin has a Romanian number, 0745 118 392 Staff:", "+40745118392"),
        ("Visitor: my number is 07700 900461, its a UK number, I live", "+447700900461"),
        ("or my Irish mobile 087 123 4567.", "+353871234567"),
        ("Hongaars: 06 30 452 1178 (dus +36, niet Nederlands!).", "+36304521178"),
        ("My number is Portuguese: 912 345 678, WhatsApp only.", "+351912345678"),
        ("Het nummer van die man is Brits: 07700 900 218. Moeder", "+447700900218"),
        ("Mld z'n nummer: 698 412 077, Pools nummer (+48).", "+48698412077"),
        ("my mobile is 0532 123 45 67 (Turkish). He", "+905321234567"),
        ("Terugbellen op zijn Franse nummer: 06 12 34 56 78 (dus +33). Alleen", "+33612345678"),
    ],
)
def test_a_number_whose_country_is_written_just_before_or_after_it(text, phone) -> None:
    """Since 2026.12.27 (development set 55): the country before the number with a number
    word or a colon, or after it with "dus +36" or ", its a UK number"."""
    assert {(e.kind, e.value) for e in extract(text)} == {("phone", phone)}


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Bel Frans: 06 12345678", "+31612345678"),
        ("een Poolse man, 06 12345678 belde", "+31612345678"),
        ("Haar Poolse nummer: 0048 512 330 918. Ik", "+48512330918"),
    ],
)
def test_a_name_a_nationality_or_a_number_with_its_country_code_is_read_as_written(
    text, phone
) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == {("phone", phone)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The Dutch office is in Lelystad, K.v.K. 03374849. Trucks", ("kvk", "03374849")),
        ("Ik ben Petra, petra.v(apenstaartje)kpnmail.nl. Liever", ("email", "petra.v@kpnmail.nl")),
        (
            "He plays Fortnite and a player called Reaper_Lelystad is his friend",
            ("handle", "@reaper_lelystad"),
        ),
        ("Onze dochter zit op Yubo, daar heet ze jasmijn.x. Een", ("handle", "@jasmijn.x")),
    ],
)
def test_variants_of_development_set_55(text, entity) -> None:
    """Since 2026.12.27 (development set 55, measured first: recall 0.761): "K.v.K.";
    "(apenstaartje)"; games and Yubo as platforms. (Its writer kept an addition that is no
    letter in the normal form, "8302DG 14-2"; tests/linking/entity_dev_set_writers.py
    drops it, "8232LK 14", so that reports on one building link: left as it is.)"""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        # a Belgian company's number in its register is no phone number
        (
            "a Belgian company (company no. 0712.345.678 in the Belgian register), kvk#: 84601129",
            {("kvk", "84601129")},
        ),
        ("I saw steam coming out of the kitchen, it is hot.", set()),
    ],
)
def test_near_misses_of_development_set_55(text, entities) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == entities


@pytest.mark.parametrize(
    ("text", "plates"),
    [
        ("Het busje heeft Tsjechisch kenteken 2AX 4417. Geen", {"2AX4417"}),
        (
            "Trucks: WGM 4K712 (Polish trailer unit) and a Dutch one BX-LP-72.",
            {"WGM4K712", "BXLP72"},
        ),
    ],
)
def test_a_czech_plate_and_a_country_first_in_brackets_after_a_plate(text, plates) -> None:
    """Since 2026.12.27 (development set 55)."""
    assert {e.value for e in extract(text) if e.kind == "plate"} == plates


def test_a_country_in_brackets_after_a_year_is_no_plate() -> None:
    assert extract("Het bedrijf bestaat sinds 2019 (Polish company) en") == []


@pytest.mark.parametrize(
    "word",
    [
        *("Bulgaars", "Belgian", "UK", "Brits", "Engelse", "English", "Polish", "Polen"),
        *("Pole", "Pools", "Poolse", "Roemeens", "Roemenië", "Romanian", "Litouws"),
        *("Lithuanian", "Duits", "German", "Oekraïens", "Oekraiens", "Ukrainian", "Hongaars"),
        *("Hungarian", "Spaans", "Spanish", "Frans", "French", "Iers", "Irish", "Portugees"),
        *("Portuguese", "Turks", "Turkish", "Tsjechisch", "Czech", "Italiaans", "Italian"),
        *("Filipijns", "Philippine"),
    ],
)
def test_every_country_word_before_a_number_names_a_country(word) -> None:
    """Each country word the phone readings take has its country: none may stop the
    extractor."""
    extract(f"zijn {word} nummer: 0612 345 678 (+48), of {word}: 0612 345 679 ({word})")


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "[11:12] flori: my number is 0745 318 662 it is romanian, only whatsapp.",
            ("phone", "+40745318662"),
        ),
        ("mijn telefoon 512 908 377 (Polen, +48) whatsapp. dank u", ("phone", "+48512908377")),
        (
            "eigenaar dhr. Ivanov, tel. 0176 3322 8104 (Duits nummer). Wij",
            ("phone", "+4917633228104"),
        ),
        (
            "Bezoeker: my ukrainian number 050 218 77 64, the dutch one he checks",
            ("phone", "+380502187764"),
        ),
        (
            "Zoon heeft op Instagram gechat met sanne.xo.2010 (zogenaamd een meisje)",
            ("handle", "@sanne.xo.2010"),
        ),
        (
            "on my Polish account PL61 1090-1014-0000-0712-1981-2874. The rest",
            ("iban", "PL61109010140000071219812874"),
        ),
        ("een huurauto met Duits kenteken, meestal DO-KR 8813. Hij", ("plate", "DOKR8813")),
        ("The address is 3893 GK Zeewolde, house number 41. Please", ("address", "3893GK 41")),
    ],
)
def test_variants_of_development_set_56(text, entity) -> None:
    """Since 2026.12.27, after its models (development set 56, measured first on the final
    models: recall 0.931, precision 0.978): "it is romanian" after a number; "(Polen,
    +48)"; German mobile numbers of twelve digits; "ukrainian" is no "uk"; "op Instagram
    gechat met x.y"; an IBAN whose first group is set apart by a space and the rest by
    dashes; "meestal" before a plate; "house number"."""
    assert {(e.kind, e.value) for e in extract(text)} == {entity}


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("kvk-nummer 7708 1944 (BTW NL8590.12.345.B01).  Met", {("kvk", "77081944")}),
        ("Verwezen naar het Juridisch Loket (www.juridischloket.nl) en de vakbond.", set()),
        ("Bel mij: 0612345678, it is urgent", {("phone", "+31612345678")}),
    ],
)
def test_near_misses_of_development_set_56(text, entities) -> None:
    assert {(e.kind, e.value) for e in extract(text)} == entities

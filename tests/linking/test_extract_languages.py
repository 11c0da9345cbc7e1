"""Issue 17: entities in Polish, Romanian, Bulgarian, Ukrainian and Arabic texts."""

import pytest

from meldpunt.linking.extract import extract


def found(text: str) -> set[tuple[str, str]]:
    return {(e.kind, e.value) for e in extract(text)}


def test_polish_numbers_international_and_national_in_a_polish_text() -> None:
    text = "Zadzwoń do szefa, jest pod numerem 601 234 567 albo +48 512 345 678. Nie odbiera."
    assert found(text) == {("phone", "+48601234567"), ("phone", "+48512345678")}


def test_a_polish_national_number_is_only_read_in_a_polish_text() -> None:
    """Nine digits in a Dutch or English text are no Polish number."""
    assert found("Hij belde vanaf 601 234 567 naar de receptie.") == set()


def test_romanian_mobile_numbers_in_a_romanian_text_and_a_dutch_one_beside_them() -> None:
    text = "Șeful este la numărul 0721 234 567, sunați și la 0612345678 pentru că lucrez acolo."
    assert found(text) == {("phone", "+40721234567"), ("phone", "+31612345678")}


def test_an_alkmaar_number_in_a_dutch_text_stays_dutch() -> None:
    assert found("Het kantoor in Alkmaar: 072 123 4567.") == {("phone", "+31721234567")}


def test_polish_romanian_and_dutch_ibans_next_to_each_other() -> None:
    text = (
        "Konto: PL61 1090 1014 0000 0712 1981 2874 i RO49 AAAA 1B31 0075 9384 0000, "
        "NL91 ABNA 0417 1643 00 en NL91ABNA0417164300"
    )
    assert found(text) == {
        ("iban", "PL61109010140000071219812874"),
        ("iban", "RO49AAAA1B31007593840000"),
        ("iban", "NL91ABNA0417164300"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Номерът му е +359 88 123 4567, пише от ivan.petrov@abv.bg, сайт "
            "https://rabota-nl.bg/obiava, колата 12-KBB-3.",
            {
                ("phone", "+359881234567"),
                ("email", "ivan.petrov@abv.bg"),
                ("domain", "rabota-nl.bg"),
                ("plate", "12KBB3"),
            },
        ),
        (
            "Знайшла його в інстаграмі @robota_nl_2024, телефон +380 67 123 4567, "
            "IBAN UA213223130000026007233566001, оголошення на olx.ua.",
            {
                ("handle", "@robota_nl_2024"),
                ("phone", "+380671234567"),
                ("iban", "UA213223130000026007233566001"),
                # OLX is a classifieds site like Marktplaats: an ad's link would be an
                # entity, the site alone is none (since 2026.12.21)
            },
        ),
        (
            "وجدته على انستغرام @ahmad_99 وموقع https://werk-nl.com/job، ورقمه +31 6 12345678، "
            "البريد ahmad@gmail.com، الحساب NL91ABNA0417164300، السيارة 45-LZB-3",
            {
                ("handle", "@ahmad_99"),
                ("domain", "werk-nl.com"),
                ("phone", "+31612345678"),
                ("email", "ahmad@gmail.com"),
                ("iban", "NL91ABNA0417164300"),
                ("plate", "45LZB3"),
            },
        ),
        ("رقمه ٠٦١٢٣٤٥٦٧٨ في هولندا", {("phone", "+31612345678")}),
        (
            "Mașina are numărul 67-TRX-4, contul RO49AAAA1B31007593840000, "
            "Instagram: @ionut.popescu88, site www.munca-olanda.ro.",
            {
                ("plate", "67TRX4"),
                ("iban", "RO49AAAA1B31007593840000"),
                ("handle", "@ionut.popescu88"),
                ("domain", "munca-olanda.ro"),
            },
        ),
    ],
)
def test_entities_with_cyrillic_arabic_or_romanian_around_them(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_an_at_name_without_a_platform_word_in_any_language_is_no_handle() -> None:
    assert found("Написа ми @ivan_nl вчера.") == set()

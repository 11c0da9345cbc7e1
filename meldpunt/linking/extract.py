"""Finding entities in free text and normalising them, so equal things compare equal.

Every kind has one normal form, because the blind index only matches identical input:

- phone: E.164 (``phonenumbers``, Dutch default region), e.g. ``+31612345678``
- plate: Dutch licence plate of side code 1 to 14, upper case without dashes
- address: postcode plus house number, ``1234AB 12`` (with an addition: ``1234AB 12A``)
- email: lower case
- iban: compact upper case, only when its check digits (ISO 7064 mod 97) and its country's
  length and format hold (``stdnum.iban``; a bank's national check digits inside are not
  tested since 2026.12.25)
- kvk: the 8 digits, only with a context word such as "KvK" close before it
- domain: the host in lower case without ``www.``; for a link on a large public
  platform (where the host says nothing) the host plus path
- handle: ``@name`` in lower case, only with a platform named close by

Nothing here stores or logs what it finds.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

import phonenumbers
from stdnum import iban as stdnum_iban


@dataclass(frozen=True)
class Entity:
    kind: str
    value: str
    start: int
    end: int


# Side codes 1 to 14: L a letter, D a digit, groups separated by a dash on the plate.
PLATE_SIDE_CODES = (
    "LL-DD-DD",
    "DD-DD-LL",
    "DD-LL-DD",
    "LL-DD-LL",
    "LL-LL-DD",
    "DD-LL-LL",
    "DD-LLL-D",
    "D-LLL-DD",
    "LL-DDD-L",
    "L-DDD-LL",
    "LLL-DD-L",
    "L-DD-LLL",
    "D-LL-DDD",
    "DDD-LL-D",
)
# Written without dashes, a plate is only taken when its letters are ones the RDW issues
# (no vowels, no C, Q, W, Y), which keeps words and codes out. Side code 2 without dashes
# looks exactly like a postcode (1234AB), so it is only recognised with dashes.
PLATE_LETTERS = "BDFGHJKLMNPRSTVXZ"


def _plate_part(group: str, letters: str) -> str:
    """Regex for one group of a side code: "LL" two letters, "DDD" three digits."""
    kind = f"[{letters}]" if group[0] == "L" else r"\d"
    return f"{kind}{{{len(group)}}}"


def _plate_regex() -> re.Pattern[str]:
    dashed, compact = [], []
    for number, code in enumerate(PLATE_SIDE_CODES, start=1):
        groups = code.split("-")
        dashed.append("-".join(_plate_part(g, "A-Z") for g in groups))
        if number != 2:
            compact.append("".join(_plate_part(g, PLATE_LETTERS) for g in groups))
    body = "|".join(f"(?:{p})" for p in dashed + compact)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _spaced_plate_regex() -> re.Pattern[str]:
    """Plates written with spaces ("VT 123 B"): capitals the RDW issues only, and only side
    codes whose groups alternate letters and digits, so a time ("12 30 PM"), an amount
    or "om 12 uur" never reads as a plate."""
    spaced = []
    for code in PLATE_SIDE_CODES:
        groups = code.split("-")
        if all(a[0] != b[0] for a, b in pairwise(groups)):
            spaced.append(" ".join(_plate_part(g, PLATE_LETTERS) for g in groups))
    body = "|".join(f"(?:{p})" for p in spaced)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


PLATE_RE = _plate_regex()
SPACED_PLATE_RE = _spaced_plate_regex()

# Right after a plate word ("kenteken vt 123 b", "plate: AB 123 C", "registration WA 12345")
# any side code is read, in any case, with spaces, dashes or nothing between its groups,
# and so are the common formats of the countries most workers come from (Romania, Poland,
# Bulgaria, Germany); upper case only with just a country word before it ("Romanian
# plates CJ 12 XYZ"). Only the first thing written after the word counts, so "kenteken
# weet ik niet, om 12 30 uur" gives nothing.
# Since 2026.12.9 also the short forms of phone notes ("kt", "kent.", "reg"), the Belgian
# "nummerplaat" and the German "Kennzeichen".
PLATE_WORD_RE = re.compile(
    r"(?i)\b(?=[iklnprî])(?:kentekens?|kentekenpla(?:at|ten)|nummerbord(?:en)?|nummerpla(?:at|ten)|pla(?:at|ten)|"
    r"(?:licen[cs]e\s+|number\s+)?"
    r"plates?|registration|reg|kt|kent|kennzeichen|rejestracj\w*|înmatricul\w*|inmatricul\w*)"
    r"\b\.?"
)
PLATE_COUNTRY_RE = re.compile(
    # a country code in brackets, "Opel (RO) BV 22 MHI", "CA 4471 KM (BG)" (since 2026.12.11)
    r"(?i)(?<=\()(?-i:RO|PL|BG|LT|LV|EE|D|DE|F|FR|B|BE|UA|HU|SK|CZ|GB|UK|MD)(?=\))|"
    r"\b(?=[rpbdlgefu])(?:roemeens\w*|romanian|pools\w*|polish|bulgaars\w*|bulgarian|duits\w*|german|"
    r"litouws\w*|lithuanian|belgisch\w*|belgian|brits\w*|british|engelse|uk|frans\w*|french|"
    r"spaans\w*|spanish|turks\w*|turkish|"
    # the countries ("een Skoda uit Polen, WGM 4521", since 2026.12.11)
    r"polen|poland|roemeni[eë]|romania|bulgarije|bulgaria|duitsland|germany|litouwen|lithuania|"
    r"belgi[eë]|belgium|frankrijk|france|"
    # since 2026.12.27
    r"tsjech\w*|czech\w*)\b"
)
# Between the word and the plate: a colon, a bracket, "is", "was", "number", "nummer".
PLATE_FILLER_RE = re.compile(
    # a quote too: "Duits kenteken 'DU-K 4821'" (since 2026.12.26)
    r"(?i)\s*[:(),'‘’\"“]\s*|\s*(?:is|was|were|are|waren|number|nummer|nr\.?|no\.?|(?:zo)?iets\s+als|"
    # "his van with number CA 4821 KP", "bus met nummer ...", "las kenteken af: ...",
    # "plates (one of them is ...", "(one was ..." (since 2026.12.13)
    r"with\s+(?:the\s+)?number|met\s+(?:het\s+)?nummer|af|one(?:\s+of\s+them)?\s+(?:is|was)|"
    r"something\s+like|volgens\s+mij|denk\s+ik|i\s+think|"
    # "Duits kenteken, meestal DO-KR 8813" (since 2026.12.27)
    r"meestal|usually|mostly|vaak|often|soms|sometimes|"
    # "plates, for example WGM 4812K", "plates, mine is KRT 418" (since 2026.12.16)
    r"for\s+example|for\s+instance|e\.g\.|bijvoorbeeld|bijv\.|"
    # "kentekens o.a. WGM 55213" (since 2026.12.17)
    r"o\.a\.|onder\s+andere|among\s+others|"
    r"(?:mine|his|hers|ours|theirs|de\s+mijne|die\s+van\s+(?:mij|hem|haar))\s+(?:is|was)|"
    # who read it: "kenteken vlgs mld vgk 38 t", "volgens de buurvrouw vj 519 x" (since
    # 2026.12.15)
    r"(?:volgens|vlgs?\.?)\s+(?:mld|melder|haar|hem|hen|hun|(?:de|zijn|haar|het)\s+\w+)|"
    # who wrote it down: "Pools kenteken, mld noteerde PZ 4KL72" (since 2026.12.19)
    r"(?:mld|melder|ik|hij|zij|ze|i|he|she)\s+(?:noteerde|heeft\s+genoteerd|schreef\s+op|"
    r"wrote\s+down|noted))(?=[\s:])"
    # the country code of the plate, in capitals ("PL WGM 4521", since 2026.12.11)
    r"|\s*(?-i:PL|LT|LV|EE|BG|RO|MD|UA|HU|SK|CZ|DE|NL|BE|FR|GB|UK)(?=\s)"
)
SPACE_RE = re.compile(r"\s*:?\s*")
FOREIGN_PLATES = (
    r"[A-Z]{1,2}[ -]?\d{2,3}[ -]?[A-Z]{3}",  # Romania: county, 2 or 3 digits, 3 letters
    r"[A-Z]{2,3}[ -]?\d[A-Z0-9]{3,4}",  # Poland: district, then 4 or 5 from a digit on
    r"[A-Z]{1,2}[ -]?\d{4}[ -]?[A-Z]{1,2}",  # Bulgaria: region, 4 digits, 1 or 2 letters
    r"[A-Z]{1,3}[ -][A-Z]{1,2}[ -]?\d{1,4}[EH]?",  # Germany: district, letters, digits
    r"[A-Z]{3}[ -]?\d{3}",  # Lithuania: 3 letters, 3 digits (since 2026.12.9)
    r"\d[ -]?[A-Z]{3}[ -]?\d{3}",  # Belgium: 1-ABC-123
    r"[A-Z]{2}\d{2}[ -]?[A-Z]{3}",  # United Kingdom: AB12 CDE
    r"[A-Z]{2}[ -]?\d{3}[ -]?[A-Z]{2}",  # France: AB-123-CD (since 2026.12.11)
    r"\d{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}",  # Spain: 1234 BCD (since 2026.12.15)
    r"(?-i:\d{2}[ -]?[A-Z]{1,3}[ -]?\d{2,4})",  # Turkey: 34 ABC 123, in capitals (since 2026.12.16)
    r"\d[A-Z][A-Z0-9][ -]?\d{4}",  # Czechia: 2AX 4417 (since 2026.12.27)
)


# The makes of car people name ("Duitse BMW M-XY 987", "een Peugeot, gf 538 x").
MAKES = (
    r"bmw|audi|mercedes|opel|volkswagen|vw|ford|skoda|škoda|renault|peugeot|toyota|fiat|dacia|"
    r"citro[eë]n|seat|volvo|kia|hyundai|nissan|mazda|lexus"
)
# Right after a vehicle or a van or car model, optionally in brackets, a Dutch side code
# in any case with spaces, dashes or nothing ("witte Transit 12BBK3", "bus vt 123 b",
# "De bestelbus (12 bbk 3)"), since 2026.12.9. Not after "van", which is Dutch for "of".
# (The lookahead on the first letter lets the scan skip most positions quickly.)
VEHICLE_BEFORE_PLATE_RE = re.compile(
    r"(?i)\b(?=[abcdfghiklmnoprstvw])(?:auto|bus|busje|bestelbus|car|wagen|truck|vrachtwagen|minibus|transit|sprinter|"
    # English "the van", "a white van" (since 2026.12.11); "van" alone is Dutch "of"
    r"(?:the|a|white|black|grey|gray|blue|red|silver|his|her|their|our|my)\s+van|"
    r"pick-?up|suv|camper|bestelwagen|rijdt|reed|drives|drove|"
    r"crafter|vito|caddy|transporter|master|trafic|ducato|boxer|jumper|vivaro|movano|berlingo|"
    r"partner|kangoo|golf|polo|passat|astra|corsa|octavia|logan|duster|iveco|"
    # the make alone: "een Peugeot, gf 538 x" (since 2026.12.22), or with "van" after it:
    # "a black Opel van (zk 430 p)" (since 2026.12.27)
    rf"(?:{MAKES})(?:\s+van)?)\b\s*[(:,]?\s*"
)
# One pattern per format, the longest match wins ("CA 1234 AB" is Bulgarian, not "CA 1234").
LOOSE_PLATE_RES = tuple(
    re.compile(rf"(?i)(?:{p})(?![\w-])")
    for p in [
        # "TB - 408 - X": a dash set apart by spaces too (since 2026.12.26)
        r"(?: ?- ?| )?".join(_plate_part(g, "A-Z") for g in code.split("-"))
        for code in PLATE_SIDE_CODES
    ]
    + list(FOREIGN_PLATES)
)
FOREIGN_PLATE_RES = tuple(re.compile(rf"(?:{p})(?![\w-])") for p in FOREIGN_PLATES)
# After a vehicle only letters the RDW issues: "lijn 12" and "12 jaar" are no plates.
VEHICLE_PLATE_RES = tuple(
    re.compile(
        "(?i)" + "[ -]?".join(_plate_part(g, PLATE_LETTERS) for g in code.split("-")) + r"(?![\w-])"
    )
    for code in PLATE_SIDE_CODES
)
AFTER_VEHICLE_RES = VEHICLE_PLATE_RES + FOREIGN_PLATE_RES


def _longest(regexes: tuple[re.Pattern[str], ...], text: str, at: int) -> re.Match[str] | None:
    matches = [m for regex in regexes if (m := regex.match(text, at))]
    return max(matches, key=lambda m: m.end(), default=None)


# "8221 AB", "8221AB" and since 2026.12.9 "8221-AB".
POSTCODE_RE = re.compile(r"(?<![\w-])([1-9]\d{3})[ -]?([A-Z]{2})(?![\w-])")
# "Adres is 8221AB12": postcode and number written as one, only after an address word
# (since 2026.12.9).
POSTCODE_GLUED_RE = re.compile(r"(?<![\w-])([1-9]\d{3})([A-Za-z]{2})(\d{1,5})(?![\w-])")
ADDRESS_WORD_RE = re.compile(
    # "from his apartment, 8232zk19" (since 2026.12.19)
    r"(?i)\b(?:adres|address|postcode|woont|wonen|woning|lives?|apartment|appartement|flat)\b"
)
POSTCODE_LOWER_RE = re.compile(r"(?i)postcode:?\s+([1-9]\d{3}) ?([a-z]{2})(?![\w-])")
# Lower case without the word "postcode" only written together ("8221ab"), and then only
# with a house number right after it: "2024 en 12" must never read as an address.
POSTCODE_JOINED_RE = re.compile(r"(?<![\w-])([1-9]\d{3})([a-z]{2})(?![\w-])")
# Lower case with a space ("8221 ab 12") only with the house number right after it and
# letters that are no word ("2024 en 12", "1990 op 12" are not addresses), or a house
# number word around it ("8243 ex, nr 8", since 2026.12.12).
POSTCODE_SPACED_LOWER_RE = re.compile(r"(?<![\w-])([1-9]\d{3}) ([a-z]{2})(?![\w-])")
NOT_POSTCODE_LETTERS = frozenset(
    {
        "aa",
        "al",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "de",
        "do",
        "en",
        "er",
        "ex",
        "go",
        "he",
        "hi",
        "if",
        "in",
        "is",
        "it",
        "je",
        "me",
        "mn",
        "my",
        "na",
        "no",
        "of",
        "ok",
        "om",
        "on",
        "op",
        "or",
        "os",
        "so",
        "te",
        "to",
        "uw",
        "up",
        "us",
        "we",
        "ze",
        "zo",
    }
)
STREET_ENDS = (
    r"(?:straat|weg|laan|plein|dijk|kade|gracht|singel|pad|steeg|hof|park|dreef|baan|markt|wal|"
    r"ring|allee|dam|haven|street|road|lane|str\.?|ln\.?)"
)
HOUSE_NUMBER_WORDS_NL = r"(?i:nr|nummer|huisnummer|huisnr|hnr)"
HOUSE_NUMBER_WORDS = (
    # "8253 TX, house 41" (since 2026.12.13)
    # "3893 GK Zeewolde, house number 41" (since 2026.12.27)
    rf"(?:{HOUSE_NUMBER_WORDS_NL}|(?i:house\s+number|number|no|flat|apartment|apt|appartement|house))\.?:?\s*"
)
# After the postcode: the number, "nr 12", a town (since 2026.12.11 also in lower case) and
# then "nummer 12", or since
# 2026.12.9 a town and a street: "8221 AB Lelystad, Kerkstraat 12".
HOUSE_AFTER_RE = re.compile(
    rf"^(\s*\)?\s*[,/-]?\s*(?:\)?\s*{HOUSE_NUMBER_WORDS}|[A-Za-z][\w'-]+,?\s+{HOUSE_NUMBER_WORDS}|"
    rf"(?:[A-Z][\w'-]+,?\s+)?[A-Z][\wÀ-ÿ'-]*{STREET_ENDS}\s+)?)"
    # "8224 CG 103-B" (since 2026.12.15); not the "I" of "number 9 I think" (since 2026.12.21)
    r"(\d{1,5})(?:\s|-)?(?:(?![Ii]\s+[a-z])([a-zA-Z]))?\b"
)
# A town and a street whose name ends in no street word ("8221 AB Lelystad, De Schouw 14",
# "1324 RB Almere, De Vaart nummer 8"), since 2026.12.11; never a count or an age after it.
HOUSE_AFTER_TOWN_RE = re.compile(
    # never "Lelystad, KvK 68 29 45 13" (since 2026.12.26)
    rf"^\s*,?\s*[A-Z][\w'-]+,?\s+(?:(?:De|Het|Den|'t)\s+)?(?!(?i:kvk)\b)[A-Z][\wÀ-ÿ'-]+\s+"
    rf"(?:{HOUSE_NUMBER_WORDS})?(\d{{1,5}})\s?([a-zA-Z])?\b"
)
# ", 12 mannen", "- 12 mannen", "3 a 4": a count, not a house number (since 2026.12.9);
# not after "nummer" (", nummer 51 staan 3 busjes", since 2026.12.11).
HOUSE_WORD_RE = re.compile(rf"(?i)\b{HOUSE_NUMBER_WORDS}")
# ", 3e verdieping": a floor (since 2026.12.11).
FLOOR_RE = re.compile(r"(?i)(?:e|de|ste)?\s*(?:verdieping|etage|floor|verd\b)")
RANGE_GOES_ON_RE = re.compile(r"\s*(?:a|à|tot|of|or|to)\s+\d")
COUNT_GOES_ON_RE = re.compile(r"\s+(?!(?:bis|hoog|boven|beneden|in|te)\b)[^\W\d_]{3,}")
# Before it: "Kerkstraat 12a, 1234 AB", "12 (8221 AB)", "huisnummer 214, postcode 1314 CZ";
# since 2026.12.9 with an addition ("14-2", "7 bis", "31-A", "12 hs"), at the start of the
# text, after a dash ("Kade 101 - 8012 DH"), "Schouw 14 in Lelystad (8232 LK)" and
# "nummer 12 (postcode 8221 AB)".
HOUSE_BEFORE_RE = re.compile(
    # "een pakketje: 9-B, 1335 VZ": after a colon too (since 2026.12.26)
    r"(?:^|[\wÀ-ÿ.,:]\s|\()(\d{1,5})(?:\s?-?\s?([a-z])(?![a-z]))?"
    r"(?:\s?-\s?\d{1,3}\b|\s+(?:hs|bis|bg|bv|boven|beneden|i{1,3})\b)?"
    # a hedge after the number: "Kamperweg 9 I think, postcode 8311 RB" (since 2026.12.13)
    r"(?:\s+(?:I\s+think|I\s+believe|denk\s+ik|geloof\s+ik|volgens\s+mij))?\s*[,–-]?\s*"
    r"(?:(?:in|te|at)\s+(?:[a-z][\w'-]+\s+)?)?\(?\s*"
    r"(?:(?:postcode|zip code|postal code):?\s+)?\(?$",
    re.IGNORECASE,
)
# Words before a number that make it a room, a floor, a line, a year or a count: "kamer 12,
# 8221 AB", "sinds 2019 in Almere (1315 HP)" (since 2026.12.9).
NOT_HOUSE_BEFORE_RE = re.compile(
    r"(?i)\b(?:kamer|room|bed|hal|gebouw|building|verdieping|floor|etage|bus|lijn|line|km|afrit|"
    r"exit|vak|gate|unit|zaal|lokaal|box|postbus|antwoordnummer|in|sinds|since|om|tot|tussen|per|met|with|ongeveer|about|"
    r"circa|ca|totaal|total|aantal|er|van|vanaf|zijn|waren|wonen|werken|bijna|ruim|januari|februari|maart|april|"
    r"mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|"
    r"june|july|august|october)\.?\s*$"
)
# A lower-case postcode ("3851 ld", "3851ld") may also follow a street and number with a
# comma: "Bosweg 3, 3851 ld Ermelo" (since 2026.12.5); the street must end like one. Since
# 2026.12.9 also without a comma and abbreviated ("kerkstr. 12 8221 ab", "Kerkln 12, 8221 ab").
# Since 2026.12.17 also with the postcode in brackets: "Lindenlaan 14 (8232 kw Lelystad)".
STREET_BEFORE_RE = re.compile(
    # "Spoorbaanweg 14-B 1312ne": an addition after a dash too (since 2026.12.19)
    rf"\b[A-Za-z][\wÀ-ÿ'-]*{STREET_ENDS}\s+(\d{{1,5}})(?:\s?-?\s?([a-zA-Z])(?![a-zA-Z]))?"
    # "Zuiderzeestraat 14-C, (8223ak)" (since 2026.12.26)
    r"\s*(?:,\s*\(|[,(])?\s*$"
)
# English order, the number before the street: "12 Kerkstraat, 8221 AB" (since 2026.12.9).
NUMBER_STREET_BEFORE_RE = re.compile(
    rf"(?<![\w.,-])(\d{{1,5}})\s?([a-zA-Z])?\s+[A-Za-z][\wÀ-ÿ'-]*{STREET_ENDS}\s*,?\s*$"
)
# Any capitalised name with a number and a comma before it ("Schouw 14, 8232lk Lelystad"),
# when a town follows the postcode (since 2026.12.6); since 2026.12.25 also without the
# comma ("Kokkel 8 8251 gk.").
NAME_NUMBER_BEFORE_RE = re.compile(r"\b[A-Z][\wÀ-ÿ'-]+\s+(\d{1,5})\s?([a-zA-Z])?\s*[,-]?\s*$")
# A name and a number with the town between them and the postcode: "De Zuid 88, Dronten,
# 8251 PP" (since 2026.12.26).
# Since 2026.12.27 also "Botter 41-C in Lelystad (8232 ja)", "Marktplein 4b, Emmeloord (8302
# hw)" and "Bosweg 7, Biddinghuizen 8256 ag".
NAME_NUMBER_TOWN_BEFORE_RE = re.compile(
    r"\b[A-Z][\wÀ-ÿ'-]+\s+(\d{1,5})(?:\s?-?\s?([a-zA-Z])(?![a-zA-Z]))?\s*(?:,|\s+in)\s*"
    r"[A-Z][a-zà-ÿ'-]+(?:[ -][A-Z][a-zà-ÿ'-]+)?\s*[,(]?\s*$"
)
# The name of a room, a line, a group or a year is none of a street's (since 2026.12.25).
NOT_NAME_BEFORE_RE = re.compile(
    r"(?i)\b(?:kamer|room|lijn|line|bus|sinds|since|groep|group|week|klas|class|jaar|year|"
    r"verdieping|floor|hal|gebouw|building|unit|box|postbus)\s*$"
)
TOWN_AFTER_RE = re.compile(r"\s+[A-Z][a-zà-ÿ'-]{2,}")
# or the end of the line ("De Schouw 14, 8232lk", since 2026.12.11) or of the sentence
# ("Bolder 32 - 8224tb. He come back", since 2026.12.12)
# or the next chat line ("Markerkant 40c, 1314 al [chat 11:08]", since 2026.12.27)
LINE_ENDS_RE = re.compile(r"[ \t]*(?:[.;)]?[ \t]*(?:\n|$|\[chat\b)|[.;)]\s)")
# A house number word before the postcode, in any case: "nummer 14, 1315 ks", "nr 5 in
# 1324rj" (since 2026.12.11).
NUMBER_WORD_BEFORE_RE = re.compile(
    # "nummer 14-B, 1316 vr": an addition after a dash too (since 2026.12.19)
    rf"(?i)\b{HOUSE_NUMBER_WORDS}(\d{{1,5}})(?:\s?-?\s?([a-z])(?![a-z]))?\s*[,/-]?\s*"
    r"(?:(?:in|te|at|and|en)\s+)?\(?\s*$"
)
NUMBER_WORD_AFTER_RE = re.compile(rf"\s*[,/-]?\s*{HOUSE_NUMBER_WORDS_NL}\.?:?\s*\d")
# "address is 15, 1311hx": the number after an address word (since 2026.12.16), or after
# a few words and a colon: "the address he gave: 18c, 8302 ex" (since 2026.12.19).
ADDRESS_NUMBER_BEFORE_RE = re.compile(
    r"(?i)\b(?:adres|address)(?:\s+is|(?:\s+[a-z]+){0,3}\s*:)?\s+(\d{1,5})\s?([a-z])?\s*,?\s*$"
)
# A number and the postcode alone in brackets, "(9a, 8302 ck)", or the postcode in brackets
# after the number, "naast ons, 230 (3891 zk)" (since 2026.12.11).
BRACKETED_BEFORE_RE = re.compile(
    # "Botter 12-C (8243 kd)" (since 2026.12.16)
    r"(?:\(\s*|(?:^|[\w,]\s))(?P<number>\d{1,5})(?:\s?-?\s?([a-zA-Z])(?![a-zA-Z]))?\s*[,(]\s*$"
)
# The bracket that closes after the postcode, perhaps after its town: "(2b, 8212ch,
# Lelystad)" (since 2026.12.19).
BRACKET_CLOSES_RE = re.compile(r"(?:\s*,\s*[A-Z][\w'-]+)?\s*\)")
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,24}(?![\w-])", re.IGNORECASE)
IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2} ?\d{2}(?: ?[A-Z0-9]){10,30}", re.IGNORECASE)
# Groups set apart by the same dash, dot or two spaces throughout, the first perhaps by a
# space: "NL91-ABNA-0417-1643-00", "NL91.ABNA.0417.1643.00", "PL61 1090-1014-0000-..."
# (since 2026.12.27).
IBAN_SEPARATED_RE = re.compile(
    r"(?<![\w.-])[A-Z]{2}\d{2}(?:(?P<sep>[.-]| {2})| )[A-Z0-9]{1,4}"
    r"(?(sep)|(?P<later>[.-]| {2})[A-Z0-9]{1,4})"
    r"(?:(?(sep)(?P=sep)|(?P=later))[A-Z0-9]{1,4}){1,6}"
    r"(?![\w-]|\.\w)",
    re.IGNORECASE,
)
KVK_RE = re.compile(
    r"(?<![\d-])(?<!\d[.,])(?<!\d )"
    # "KvK 8 1 2 3 4 5 6 7": digit by digit (since 2026.12.15)
    r"(\d{8}|\d{4}[ .]\d{4}|\d{2}\.\d{3}\.\d{3}|\d{2}([ .-])\d{2}\2\d{2}\2\d{2}|\d(?: \d){7})"
    r"(?![\d-]|[.,]\d| \d)"
)
KVK_CONTEXT_RE = re.compile(
    r"(?i)\b(kvk|kamer van koophandel|handelsregister|chamber of commerce|"
    r"coc number|company number|registration number)\b|"
    # "K.v.K. 03374849": no word boundary after its last dot (since 2026.12.27)
    r"\b(k\.v\.k)\.?"
)
# "KvK 8617 2203 and 85 93 04 17": a second number in a list (since 2026.12.12)
# "59 33 10 47 (massage) and 59 33 10 55": a word in brackets after one (since 2026.12.26)
KVK_LIST_RE = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|en|and|&|of|or)\s*")
# "ingeschreven onder 90123456 bij de KvK" (since 2026.12.11)
KVK_AFTER_RE = re.compile(
    r"(?i)\s+(?:bij|in|at|with)\s+(?:de|het|the)\s+"
    r"(?:kvk\b|k\.v\.k\.?|kamer van koophandel\b|handelsregister\b|chamber of commerce\b)"
)
URL_RE = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"'()]+")
TLDS = (
    "nl|com|net|org|eu|be|de|pl|ro|bg|ua|info|biz|io|co|uk|me|tv|xxx|online|site|shop|"
    "app|live|club|vip|top|xyz|fr|es|it|ru|cz|hu|lt|lv|sk|"
    # since 2026.12.16
    "pt|ch|dk|fi|gr|tr|md|rs|hr|ph|ng|br|"
    # since 2026.12.27
    "in|vn|th|pk|ae|gh|za|cn|ie|at|se|us|si|ba|mk|"
    # not the endings an account's name takes ("travelbae.jobs", "lisa.life")
    "agency|services|solutions|company|nu"
)
# "jobs(at)snelwerk-nl.com", "jobs [at] snelwerk-nl.com", "jobs @ snelwerk-nl.com": an
# address written so robots miss it is still an address, and its domain no web address
# (since 2026.12.9).
WRITTEN_AT_RE = re.compile(
    r"(?i)\s@\s|[(\[{]\s*(?:at|@|apenstaartje)\s*[)\]}]|\s(?:apenstaartje|dot|punt)\s|"
    r"[(\[{]\s*(?:dot|punt)\s*[)\]}]"
)
# Since 2026.12.27 also spelled out: "h.postma1962 apenstaartje ziggo punt nl", "yuliia.kov
# at ukr dot net", "marites.santos88 [at] yahoo [dot] com". A plain "at" only with a dot
# spelled out after it, so "stayed at hotel-lagune.nl" is no address.
SPELLED_AT = r"(?:\s*[(\[{]\s*(?:at|@|apenstaartje)\s*[)\]}]\s*|\s+(?:@|apenstaartje)\s+)"
SPELLED_DOT = r"(?:\s*[(\[{]\s*(?:dot|punt)\s*[)\]}]\s*|\s+(?:dot|punt)\s+)"
WRITTEN_EMAIL_RE = re.compile(
    # "sarah dot whitfield at btinternet dot com": the dots of the name spelled out too
    rf"(?<![\w.+-])([\w+-]+(?:(?:\.|{SPELLED_DOT})[\w+-]+)*)(?:{SPELLED_AT}((?:[a-z0-9-]+(?:\.|{SPELLED_DOT}))+(?:{TLDS}))|"
    rf"\s+at\s+((?:[a-z0-9-]+(?:\.|{SPELLED_DOT}))*[a-z0-9-]+{SPELLED_DOT}(?:{TLDS})))(?![\w-])",
    re.IGNORECASE,
)
SPELLED_DOT_RE = re.compile(SPELLED_DOT, re.IGNORECASE)
TLD_HINT_RE = re.compile(rf"(?i)\.(?:{TLDS})\b")
# Not the start of a longer dotted name: "heet hij dk.vip.22" (since 2026.12.13).
DOMAIN_RE = re.compile(
    rf"(?i)(?<![\w@.-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{TLDS}))(?![\w-])(?!\.\w)"
)
# On these platforms the host says nothing about the case; a link keeps its path.
PLATFORM_HOSTS = frozenset(
    {
        "facebook.com",
        "instagram.com",
        "tiktok.com",
        "snapchat.com",
        "twitter.com",
        "x.com",
        "t.me",
        "telegram.me",
        "wa.me",
        "youtube.com",
        "google.com",
        "marktplaats.nl",
        "kinky.nl",
        "onlyfans.com",
        # the webcam and fan sites a platform list names (since 2026.12.27)
        "fansly.com",
        "chaturbate.com",
        "stripchat.com",
        "linkedin.com",
        "vinted.nl",
        "2dehands.be",
        "reddit.com",
        # web shops: the name on a gift card says nothing (development set 28, 2026.12.15)
        "bol.com",
        "amazon.nl",
        # holiday lets: a listing's link is the place, the site alone nothing (development
        # set 33, 2026.12.17)
        "airbnb.nl",
        "airbnb.com",
        "booking.com",
        # classifieds where jobs are offered: the offer's link says where a worker was
        # recruited, the site alone nothing (development set 38, 2026.12.21)
        "olx.pl",
        "olx.ro",
        "olx.bg",
        "olx.ua",
        "amazon.com",
        "amazon.de",
    }
)
# The sites of the meldpunt's partners and of government bodies say nothing about a case:
# every report that mentions one would be linked to every other (development set 23,
# since 2026.12.13). A host counts with its subdomains ("loket.overheid.nl"); the Veilig
# Thuis and GGD regions each have their own ("veiligthuisflevoland.nl").
PUBLIC_HOSTS = frozenset(
    {
        "comensha.nl",
        "politie.nl",
        "nlarbeidsinspectie.nl",
        "inspectieszw.nl",
        "rijksoverheid.nl",
        "government.nl",
        "overheid.nl",
        "ind.nl",
        "uwv.nl",
        "kvk.nl",
        "belastingdienst.nl",
        "om.nl",
        "juridischloket.nl",
        "meldmisdaadanoniem.nl",
        "slachtofferhulp.nl",
        "fairwork.nu",
        "fier.nl",
        "kindertelefoon.nl",
        "wikipedia.org",
    }
)
PUBLIC_HOST_RE = re.compile(r"(?:veiligthuis|ggd)[a-z-]*\.nl")
HANDLE_RE = re.compile(
    r"(?<![\w@.])@([a-z0-9_](?:[a-z0-9_.]{0,28}[a-z0-9_])?)(?![\w@])", re.IGNORECASE
)
PLATFORM_CONTEXT_RE = re.compile(
    r"(?i)\b(instagram|insta|ig|snapchat|snap|tiktok|telegram|twitter|x|facebook|fb|sc|tt|tg|"
    r"whatsapp|dm|"
    r"onlyfans|threads|discord|skype|kik|account|profiel|profile|handle|gebruikersnaam|username|"
    # dating and webcam sites (since 2026.12.16)
    r"grindr|tinder|badoo|bumble|hinge|chaturbate|stripchat|fansly|(?-i:Signal)|"
    # Polish, Romanian, Bulgarian, Ukrainian and Arabic (issue 17)
    r"konto|profil|cont|contul|instagramie|telegramie|facebooku|"
    r"инстаграм\w*|інстаграм\w*|телеграм\w*|тикток\w*|тікток\w*|фейсбук\w*|снапчат\w*|профил\w*|акаунт\w*|"
    r"аккаунт\w*|нік|ник|"
    r"انستغرام|انستقرام|إنستغرام|انستا|تيليجرام|تلغرام|تيلغرام|سناب|سناب شات|تيك توك|"
    r"فيسبوك|فيس بوك|حساب)(?!\w)"
)
# "IG" and "FB" as people write them ("IG: lisa.x", "FB: jan.de.vries.77"), since 2026.12.9
PLATFORMS = (
    r"(?:instagram|insta|ig|snapchat|snap|tiktok|telegram|onlyfans|discord|skype|kik|facebook|fb|"
    # since 2026.12.11
    r"zalo|wechat|viber|vinted|marktplaats|"
    # since 2026.12.16
    r"grindr|tinder|badoo|bumble|hinge|chaturbate|stripchat|fansly|"
    # a business's or a landlord's page, games and the apps children meet strangers on
    # (since 2026.12.27)
    r"linkedin|airbnb|roblox|fortnite|minecraft|steam|twitch|yubo|xbox|playstation|"
    # the messenger, only with its capital: "signal" is a word too (since 2026.12.26)
    r"(?-i:Signal))"
)
# A name that has a letter and a digit, an underscore or a dot inside ("mo_010",
# "mo.breda", "jaydenxx_"): never an age or a time ("op IG is ze 16"), since 2026.12.9.
MARKED_NAME = (
    r"(?=[a-z0-9_.]*[a-z])(?=[a-z0-9_]*(?:[0-9_]|\.[a-z0-9_]))[a-z0-9_](?:[a-z0-9_.]*[a-z0-9_])?"
)
# A name in capitals inside, "AlmereJobsUA" ("Telegram-kanaal AlmereJobsUA", since 2026.12.12)
CAMEL_NAME = r"(?-i:[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+)"
CAMEL_RE = re.compile(CAMEL_NAME)
# The short forms of chat lines ("sc: lilbaby.x", "tt: dirk0321", "tg @werkbaas_pl") and
# WhatsApp and Twitter, only with "platform:" or "@" and a marked name (since 2026.12.9).
SHORT_PLATFORMS = r"(?:sc|tt|tg|twitter|whatsapp)"
SHORT_NAMED_RE = re.compile(
    rf"(?i)\b{SHORT_PLATFORMS}\s*[:=]\s*@?((?=[a-z0-9_.]*[a-z]{{2}}){MARKED_NAME})(?![\w@/-])(?!\.\w)"
)
TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}")
# "tiktok: geldbaas.nl" is a handle, not a domain: read before links (since 2026.12.6),
# but never a platform's own link ("insta: instagram.com/x").
PLATFORM_NAMED_RE = re.compile(
    rf"(?i)\b{PLATFORMS}"
    r"(?:\s+(?:account|naam|name|profiel|profile)|\s+van\s+(?:hem|haar|hun)"
    # "Snapchat van de jongen: fastcash.0036" (since 2026.12.22)
    r"|\s+(?:van|of)\s+(?:de|het|die|the)\s+[a-z]+)?"
    # "op TikTok @ jaybee.0365": an "@" set apart after the platform (since 2026.12.19)
    r"(?:\s*[:=]|\s*\((?=\s*@?[\w.]+\))|\s+(?=@\s))\s*(?:@\s?)?"
    # the platform named again is no name: "Instagram van die vriend: Insta = lowkey.flevo"
    rf"(?!{PLATFORMS}\b)([a-z0-9_][a-z0-9_.]{{0,28}}[a-z0-9_])(?![\w/]|\.\w)"
)
PLAIN_WORD_GOES_ON_RE = re.compile(r"[ \t]+[^\W\d_]")
# Where a plain name ends: the end of a clause, of the text or of a chat line.
CLAUSE_ENDS = r"(?!\.\w)(?=\s*(?:[.,;:!?)'\"”’\[]|$))"
# "op Snapchat heet hij xyz_1", "his Snapchat is xyz.1", "on Snapchat he is called xyz.1",
# "on TikTok she goes by xyz_1": only a name with a digit, dot or
# underscore, so "op Snapchat is ze actief" or "his Instagram is private" gives nothing.
# Since 2026.12.9 also "snap van de chauffeur is mo.breda" and "on snap hes called".
PLATFORM_SAYS_RE = re.compile(
    # "on telegram, he's called dr.cash": a comma may follow the platform (since 2026.12.19)
    rf"(?i)\b{PLATFORMS}(?:\s+(?:van|of)\s+(?:de|het|the|his|her|zijn|haar)\s+[a-z]+)?,?\s+"
    # "op snap is ie semmm.dr", "on grindr he's DaddyAlmere50" (since 2026.12.19)
    r"(?:(?:heet|is)\s+(?:hij|zij|ze|ie)|(?:he|she|they|hes|shes)(?:'s|’s|\s+is|\s+are)?\s+"
    r"(?:called|named|goes\s+by)|(?:he|she)(?:'s|’s)|noemt\s+(?:hij|zij|ze)\s+zich|is\s+(?:called|named)|"
    r"(?:heet|is|as|als|called|named|name|naam|goes\s+by|naar|onder|under|van|from)|"
    # the writer's own: "on Facebook i am maricel.r.88", "op insta ben ik x_y" (since 2026.12.25)
    r"(?:i\s+am|i['’]m|ik\s+ben|ben\s+ik)|"
    # "on Snapchat he is jaydaboss036" (since 2026.12.26)
    r"(?:he|she|they)\s+(?:is|are)|"
    r"(?:(?:his|her|their|zijn|haar|hun)\s+)?(?:account|naam|name|profiel|profile|handle|username)"
    r"\s+(?:is|heet))\s+"
    rf"@?({MARKED_NAME})(?![\w@-])(?!\.\w)"
)
# A plain name in lower case after a naming verb that ends its clause ("op Snapchat heet
# hij lisa", "on Snapchat he goes by sweetjay, ..."), since 2026.12.11; not a common word
# ("heet hij anders", "is called something") and not a capitalised first name ("he is
# called Tom"), which is the person's own.
PLATFORM_CALLS_RE = re.compile(
    rf"(?i)\b{PLATFORMS}(?:\s+(?:van|of)\s+(?:de|het|the|his|her|zijn|haar)\s+[a-z]+)?\s+"
    r"(?:heet\s+(?:hij|zij|ze)|(?:he|she|they)(?:'s|’s|\s+is|\s+are)?\s+(?:called|named|goes\s+by)|"
    r"goes\s+by|noemt\s+(?:hij|zij|ze)\s+zich|is\s+(?:called|named)|"
    # "on Instagram it is braidsbymadamrose." (since 2026.12.22)
    r"(?:it|het)\s+is|it['’]s)\s+"
    # before the next chat line too: "op insta heet hij dnnsvdw [chat 13:26]"
    rf"@?([a-z][a-z0-9]{{2,29}}){CLAUSE_ENDS}"
)
# The name first and the platform after it: "de admin heet op telegram vxqmoney." (since
# 2026.12.22); a plain name only as PLATFORM_CALLS_RE takes one.
CALLED_ON_PLATFORM_RE = re.compile(
    r"(?i)\b(?:heet|heten|noemt\s+(?:(?:hij|zij|ze)\s+)?zich|is\s+called|goes\s+by)\s+(?:op|on)\s+"
    # "noemt zich op Telegram BanksyAlmere": capitals inside too (since 2026.12.27)
    rf"{PLATFORMS}\s+@?((?-i:{MARKED_NAME})|{CAMEL_NAME}|[a-z][a-z0-9]{{2,29}}){CLAUSE_ENDS}"
)
NOT_CALLED = frozenset(
    {"anders", "niet", "nog", "ook", "zo", "daar", "er", "iets", "hetzelfde", "wel", "so"}
    | {"not", "something", "different", "differently", "nothing", "else", "too", "there"}
    # what an account is like: "his insta is private", "zijn snap is verwijderd"
    | {"private", "gone", "deleted", "blocked", "closed", "open", "public", "fake", "new"}
    | {"old", "active", "inactive", "offline", "online", "empty", "weg", "prive", "privé"}
    | {"verwijderd", "geblokkeerd", "dicht", "openbaar", "nep", "nieuw", "leeg", "actief"}
    | {"unknown", "onbekend", "gesloten", "hidden", "verborgen", "unclear", "onduidelijk"}
)
# A name with an underscore (few words have one) in a sentence that names a platform:
# "een Telegram-kanaal zien, flevo_girls_leaks, waarin ...", since 2026.12.11; never a
# file name ("loon_maart.pdf").
UNDERSCORE_NAME_RE = re.compile(
    r"(?i)(?<![\w@./-])((?=[a-z0-9_.]*[a-z]{2})[a-z0-9][a-z0-9.]*_[a-z0-9_.]*[a-z0-9_])"
    r"(?![\w@/-])(?!\.\w)"
)
# A dotted name in lower case, three letters or more on both sides ("lensmaster.almere"),
# in a sentence that names a platform (since 2026.12.13); never "o.a." or "bijv.".
DOTTED_NAME_RE = re.compile(
    # "quickcash.nl.official": a short part in between (since 2026.12.15), and any after
    r"(?<![\w@./-])((?-i:[a-z][a-z0-9_]{2,}(?:\.[a-z0-9_]+)*?\.[a-z][a-z0-9_]{2,}"
    r"(?:\.[a-z0-9_]+)*))"
    r"(?![\w@/-])(?!\.\w)"
)
ACCOUNT_NOUN_RE = re.compile(
    r"(?i)(?:account|naam|name|profiel|profile|kanaal|channel|gebruikersnaam|username|handle)\b"
)
FILE_NAME_RE = re.compile(r"(?i)\.(?:pdf|jpe?g|png|gif|docx?|xlsx?|mp4|mov|zip|txt|heic)$")
CONTEXT_CHARS = 40
HANDLE_BEFORE = 150
BARE_PATH_RE = re.compile(r"/[^\s<>\"'()]+")
# "Snapchat-account bigboss.almere", "'darkwolf_0702' op Discord", "op Snapchat heet de
# man ... 'kingmo010'": a quoted name or a name after "-account", only with a digit, dot
# or underscore, and only with a platform named within the context.
PLATFORM_ACCOUNT_RE = re.compile(
    rf"(?i)\b(?:{PLATFORMS}|{SHORT_PLATFORMS})[- ](?:account|profiel|profile|naam|name|"
    r"gebruikersnaam|username|handle|kanaal|channel|groep|group|shop|winkel)(?:\s+(?:is|heet))?"
    r"\s*[:,]?\s+"
    rf"@?({MARKED_NAME}|{CAMEL_NAME})(?![\w@-])(?!\.\w)"
)
# A page or account word with a quoted name right after it, plain words too: "OnlyFans-pagina
# 'sweetlara'" (since 2026.12.11).
QUOTED_PLAIN_NAME = r"\s+['‘’\"“”]@?([a-z][a-z0-9_.]{2,29})['‘’\"“”]"
PAGE_QUOTED_RE = re.compile(
    rf"(?i)\b{PLATFORMS}[- ](?:account|pagina|page|profiel|profile|kanaal|channel)\s*:?"
    + QUOTED_PLAIN_NAME
)
# "een OnlyFans 'sweetlara'", "her Insta 'lisa'": the platform as a thing someone has
# (since 2026.12.11); not "op Instagram 'gewoon' foto's".
PLATFORM_QUOTED_RE = re.compile(rf"(?i)\b{PLATFORMS}" + QUOTED_PLAIN_NAME)
HAS_PLATFORM_RE = re.compile(r"(?i)\b(?:een|haar|zijn|hun|a|an|her|his|their)\s+$")
# A name written right after the platform ("op TikTok dirk_0321 heet", "on Instagram,
# sweetboy.77 sent") or "the account is called ..." later in a sentence that names a
# platform (since 2026.12.7): only a name of at least four characters with two letters
# in a row and a digit, dot or underscore, so times, amounts, dates and "e.g." are none.
LONG_MARKED_NAME = rf"(?=[a-z0-9_.]*[a-z]{{2}})(?=[a-z0-9_.]{{4}}){MARKED_NAME}"
HANDLE_NAME = rf"@?({LONG_MARKED_NAME})"
# After a naming verb also a name with capitals inside ("calls himself DaddyFlevo", since
# 2026.12.16); not right after a platform, where a brand is as likely ("op Instagram
# McDonalds").
CALLED_NAME = rf"@?({LONG_MARKED_NAME}|{CAMEL_NAME})"
PLATFORM_THEN_NAME_RE = re.compile(
    rf"(?i)\b{PLATFORMS},?\s+"
    # "op Instagram gechat met sanne.xo.2010", "on Snapchat talking to x.y" (since 2026.12.27)
    r"(?:(?:ge)?chat(?:te|ted|ting|ten)?\s+(?:met|with)\s+|talk(?:ed|ing|s)?\s+(?:to|with)\s+)?"
    rf"{HANDLE_NAME}(?![\w@-])(?!\.\w)(?![.,:]\d)"
)
# Since 2026.12.9 also "his name there is ...", "een account dat sweet.money24 heet",
# "hij heet daar jay.bandz", with the platform before or after in the same sentence; since
# 2026.12.12 "hij heette daar", "heet die jongen", "calls himself", "a Snapchat name he
# mentioned: ...".
ACCOUNT_CALLED_RE = re.compile(
    r"(?i)\b(?:(?:account|naam|name|profiel|profile|kanaal|channel|gebruikersnaam|username|"
    r"handle|contact)(?:\s+(?:daar|there))?(?:\s+(?:is\s+called|is\s+named|heet|is|met|with)|\s*:|"
    r"(?:\s+[a-z]+){1,3}\s*:)?|"
    r"(?:account|profiel|profile|kanaal)\s+(?:dat|die)|(?:hij|zij|ze|he|she)\s+heet(?:te)?|"
    # "daar heet ik lunarose.xo", "op snap heet zoon lilx.z" (since 2026.12.27)
    r"heet(?:te)?\s+(?:hij|zij|ze|ik|zoon|dochter|die\s+[a-z]+|de\s+[a-z]+)|"
    r"noemt\s+(?:(?:hij|zij|ze)\s+)?zich|"
    # "de beheerder heet daar FlevoLeaksAdmin" (since 2026.12.27)
    r"heet(?:te)?(?=\s+(?:daar|er)\s)|"
    r"calls\s+(?:himself|herself|themselves))(?:\s+(?:daar|there|er|ook))?\s+"
    rf"{CALLED_NAME}(?![\w@-])(?!\.\w)(?![.,:]\d)"
)
SENTENCE_END_RE = re.compile(r"[.!?\n]\s")
QUOTED_NAME_RE = re.compile(rf"(?i)['‘’\"“”]@?({MARKED_NAME})['‘’\"“”]")
PLATFORM_WORD_RE = re.compile(rf"(?i)\b{PLATFORMS}\b")
# "een account op Instagram dat almerebuiten.leaks heet" (since 2026.12.6)
PLATFORM_THAT_RE = re.compile(rf"(?i)\b{PLATFORMS}\s+(?:dat|die)\s+@?({MARKED_NAME})\s+heet\b")
QUOTED_BEFORE, QUOTED_AFTER = 60, 20
# A quoted name right after "username" or "profile" is an account's on any site, known or
# not ("username there \"GenerousGentNL\"", "her profile \"Svetlana_love77\""), since
# 2026.12.26; only a name with a digit, dot, underscore or capitals inside.
ACCOUNT_QUOTED_RE = re.compile(
    r"(?i)\b(?:username|user\s+name|gebruikersnaam|profile|profiel|handle|nickname)"
    r"(?:\s+(?:there|daar|is|was|heet))*\s*:?\s*['‘’\"“”]"
    rf"@?({LONG_MARKED_NAME}|{CAMEL_NAME})['‘’\"“”]"
)
# Numbers that many reports mention because they are advice, not because they are part
# of a case: the meldpunt (the police's 0900-8844 is a national line, NATIONAL_LINES).
PUBLIC_NUMBERS = frozenset({"+31882220500"})
# Freephone numbers (0800) belong to services, never to a person in a case: Veilig Thuis,
# Meld Misdaad Anoniem, the inspectorate, 113, a bank (since 2026.12.9); nor does a
# municipality's "14" and its area code ("14 0321", a universal access number; since
# 2026.12.13).
SERVICE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.UAN}
)
# Nor does a short 0900 number, 0900 and four digits: a national organisation's line, as
# the police's 0900-8844 is (and Juridisch Loket, Slachtofferhulp; since 2026.12.23). A
# business's ten-digit 0900 number and an 0906 chat line stay entities.
NATIONAL_LINES = range(9_000_000, 9_010_000)


def _service(number: phonenumbers.PhoneNumber) -> bool:
    """Whether ``number`` belongs to a service, never to a person or business in a case."""
    national_line = number.country_code == 31 and number.national_number in NATIONAL_LINES
    return national_line or phonenumbers.number_type(number) in SERVICE_TYPES


def _spans(entities: list[Entity]) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in entities]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


# No valid phone number has fewer digits (none of the four-digit strings matches; the
# shortest Dutch one, 14 + area code, has six): a text with fewer is not handed to the
# phone number matcher, the slowest extractor.
MIN_PHONE_DIGITS = 5
# Written the way only a phone number is written, a number outside the numbering plan is
# still a phone number people pass on ("06-9123 4567", "+44 7700 912 345"): a Dutch
# mobile number (06 and eight digits) or one with a country code after "+".
WRITTEN_PHONE_RE = re.compile(
    r"(?<![\w+.])(?:06[ -]?(?:\d[ -]?){7}\d|06\.(?:\d\d\.){3}\d\d|"
    # "+44 (0)7700 900123", "+31.6.98765430" (since 2026.12.11)
    # "0044 7700 918245", with the international prefix written out (since 2026.12.15)
    r"(?:\+|00)[1-9]\d{0,2}[ .-]?(?:\(0\)[ ]?)?(?:[ .-]?\d){7,12})"
    r"(?![\w-]|[.,]\d)"
)


# --- Polish and Romanian numbers written the national way (issue 17) ---------------
# In a text that looks Polish, "601 234 567" is a Polish mobile number; in one that
# looks Romanian, "0721 234 567" is a Romanian mobile number (as a Dutch number it would
# be an Alkmaar landline). Only mobile numbers, and only in such a text.
PL_MARKS_RE = re.compile(r"(?i)[ąęłńśźżć]|\b(?:się|nie|jest|że|przez|pracy|telefon\w*)\b")
RO_MARKS_RE = re.compile(r"(?i)[ăâîșțşţ]|\b(?:și|să|este|sunt|pentru|lucr\w+|munc\w+)\b")
RO_MOBILE_RE = re.compile(r"(?<![\d+])07\d{2}[ .-]?\d{3}[ .-]?\d{3}(?![\d])")
MARKS_NEEDED = 3


def _national(text: str) -> list[Entity]:
    found = []
    regions = []
    if len(PL_MARKS_RE.findall(text)) >= MARKS_NEEDED:
        regions.append("PL")
    if len(RO_MARKS_RE.findall(text)) >= MARKS_NEEDED:
        regions.append("RO")
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.VALID
        ):
            raw = match.raw_string
            if raw.startswith(("+", "00")):
                continue
            if region == "RO" and not RO_MOBILE_RE.fullmatch(raw.strip()):
                continue
            if phonenumbers.number_type(match.number) != phonenumbers.PhoneNumberType.MOBILE:
                continue
            value = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Entity("phone", value, match.start, match.end))
    return found


# --- end of issue 17 ---------------------------------------------------------------


# A number written the national way with its country right after it: "0897 552 301
# (Bulgarian)", "601 227 394 (+48)", "07911 555 203 (UK number)", "0485 55 21 90 (belgian)",
# which read as Dutch would be another number or none (since 2026.12.27).
# Never the start of a longer run of digits, nor a number with "00" and a country code.
NATIONAL_NUMBER_RE = re.compile(r"(?<![\w+.-])(?<!\d )(?!00)\d(?:[ .-]?\d){7,11}(?![\w-]|[ .,-]\d)")
COUNTRY_WORDS = (
    r"bulgar\w*|belgi\w*|uk|brit\w*|engels\w*|english|pol(?:ish|en|e)|pools\w*|"
    r"roemeen\w*|roemeni\w*|romanian|litouw\w*|lithuanian|duits\w*|german|"
    r"oekra[iï]en\w*|ukrainian|hongaar\w*|hungarian|spaans\w*|spanish|frans\w*|french|"
    # since 2026.12.27
    r"iers\w*|irish|portug\w*|turk\w*|tsjech\w*|czech|italia\w*|filipijn\w*|philippine"
)
NUMBER_WORDS = r"number|nummer|nr|mobile|mobiel|phone|telefoon\w*|gsm"
# After the number: "(Bulgarian)", "(+48)", "(UK number", "Pools nummer", "(dus +36, niet
# Nederlands!)", ", its a UK number", ", Pools nummer (+48)", "0745 318 662 it is romanian",
# "(Polen, +48)". The number's country, not a person's: never "06 1234 5678 Poolse man".
COUNTRY_OF_NUMBER_RE = re.compile(
    r"(?i)\s*,?\s*\(?\s*(?:(?P<said>(?:it|this|that)\s+is|it['’]?s)\s+(?:an?\s+)?|"
    r"(?:dus|so|i\.e\.|is)\s+(?:an?\s+)?)?"
    rf"(?:\+(?P<code>\d{{1,3}})\b|(?P<country>{COUNTRY_WORDS})\b"
    rf"(?(said)|(?=\s*\)|\s*,\s*\+\d|\s+(?:{NUMBER_WORDS})\b)))"
)
# Before it (since 2026.12.27): "a Romanian number, 0745 118 392", "my Irish mobile 087
# ...", "Franse nummer: 06 ...", "My phone is Romanian: 0745 ...", "Hongaars: 06 30 ...".
COUNTRY_BEFORE_NUMBER_RE = re.compile(
    rf"(?i)(?:\b(?P<country>{COUNTRY_WORDS})\s*(?P<word>(?:{NUMBER_WORDS})\b\s*(?:is\s*)?)?|"
    rf"\b(?:{NUMBER_WORDS})\b[^.\n]{{0,25}}?\bis\s+(?P<named>{COUNTRY_WORDS}))\s*(?P<colon>[:,])?\s*$"
)
COUNTRY_BEFORE = 45
UK_MOBILE_RE = re.compile(r"07\d{9}")
COUNTRY_REGIONS = (
    ("bulgar", "BG"),
    ("belgi", "BE"),
    # before "uk", which it starts with
    ("ukrainian", "UA"),
    ("uk", "GB"),
    ("brit", "GB"),
    ("engels", "GB"),
    ("english", "GB"),
    ("pol", "PL"),
    ("pools", "PL"),
    ("roem", "RO"),
    ("romanian", "RO"),
    ("litouw", "LT"),
    ("lithuanian", "LT"),
    ("duits", "DE"),
    ("german", "DE"),
    ("oekra", "UA"),
    ("hongaar", "HU"),
    ("hungarian", "HU"),
    ("spaans", "ES"),
    ("spanish", "ES"),
    ("frans", "FR"),
    ("french", "FR"),
    ("iers", "IE"),
    ("irish", "IE"),
    ("portug", "PT"),
    ("turk", "TR"),
    ("tsjech", "CZ"),
    ("czech", "CZ"),
    ("italia", "IT"),
    ("filipijn", "PH"),
    ("philippine", "PH"),
)


def _region(word: str) -> str:
    return next(r for prefix, r in COUNTRY_REGIONS if word.lower().startswith(prefix))


def _dutch(raw: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(raw, "NL"))
    except phonenumbers.NumberParseException:
        return False


def _country_of(text: str, written: re.Match[str]) -> phonenumbers.PhoneNumber | None:
    """The number ``written`` the national way, read in the country written right after it
    or just before it; None when no country is written there."""
    raw = written.group()
    after = COUNTRY_OF_NUMBER_RE.match(text, written.end())
    if after is not None and after.group("code"):
        # read with that country's own trunk prefix ("06 30 ..." in Hungary)
        region = phonenumbers.region_code_for_country_code(int(after.group("code")))
        return phonenumbers.parse(raw, region)
    if after is not None:
        return phonenumbers.parse(raw, _region(after.group("country")))
    before = COUNTRY_BEFORE_NUMBER_RE.search(
        text, max(0, written.start() - COUNTRY_BEFORE), written.start()
    )
    if before is None:
        return None
    if before.group("named") or before.group("word"):
        return phonenumbers.parse(raw, _region(before.group("named") or before.group("country")))
    # a country and a colon alone: "Hongaars: 06 30 452 1178", never "Frans: 06 1234 5678",
    # a man's name before a Dutch number
    if before.group("colon") == ":" and not _dutch(raw):
        return phonenumbers.parse(raw, _region(before.group("country")))
    return None


def _abroad(text: str) -> list[Entity]:
    """Numbers written the national way whose country is written right after or before
    them, and British mobile numbers."""
    found = []
    for written in NATIONAL_NUMBER_RE.finditer(text):
        raw = written.group()
        if COUNTRY_CODE_BEFORE_RE.search(text, max(0, written.start() - 6), written.start()):
            continue  # "+31 6 1234 5678 (Polish)": the rest of a number with its country code
        try:
            number = _country_of(text, written)
        except phonenumbers.NumberParseException:
            continue
        if number is None:
            # eleven digits from 07 on are never Dutch: a British mobile number
            if UK_MOBILE_RE.fullmatch(re.sub(r"\D", "", raw)):
                number = phonenumbers.parse(raw, "GB")
                if phonenumbers.is_valid_number(number):
                    found.append(Entity("phone", _e164(number), *written.span()))
            continue
        # the country is written, so a number it could have is enough
        if phonenumbers.is_possible_number(number) and not _service(number):
            found.append(Entity("phone", _e164(number), *written.span()))
    return found


def _e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Written like an IBAN, whether its check digits hold or not ("NL31 RABO 0118 2746 55", "ES02
# 0081 5712 8300 0441"): its digits are no phone number and no account's name (development
# sets 28 and 29, since 2026.12.15).
IBAN_SHAPE_RE = re.compile(r"\b[A-Z]{2} ?\d{2}(?: ?[A-Z0-9]{4}){3,}")


def _iban_like(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in IBAN_SHAPE_RE.finditer(text)]


# A company's number in a register is no phone number, however it is written: "company
# no. 0712.345.678 in the Belgian register" (since 2026.12.27).
REGISTER_BEFORE_RE = re.compile(
    r"(?i)\b(?:company\s+(?:no|nr|number)|ondernemingsn(?:ummer|r)|enterprise\s+(?:no|number)|"
    r"btw(?:-?n(?:ummer|r))?|vat(?:\s+(?:no|number))?|kvk(?:-?n(?:ummer|r))?)\.?\s*[:#]?\s*$"
)
# "+48 (0) 502 118 634": the "(0)" after a country code is the trunk prefix of that country,
# not the start of a Dutch number (development set 31, since 2026.12.16).
COUNTRY_CODE_BEFORE_RE = re.compile(r"(?:\+|\b00)[1-9]\d{0,2}[ .-]?$")


def phones(text: str, *, iban_like: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Phone numbers as E.164; the public numbers of the meldpunt and its partners are
    skipped, and so is text written like an IBAN (``iban_like``, found here unless given)."""
    if sum(c.isdigit() for c in text) < MIN_PHONE_DIGITS:
        return []
    found = _abroad(text)
    found += [e for e in _national(text) if not _overlaps(e.start, e.end, _spans(found))]
    ibans = _iban_like(text) if iban_like is None else iban_like
    taken = _spans(found) + ibans
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.VALID):
        if _overlaps(match.start, match.end, taken) or (
            match.raw_string.startswith("(")
            and COUNTRY_CODE_BEFORE_RE.search(text, max(0, match.start - 6), match.start)
        ):
            continue
        if REGISTER_BEFORE_RE.search(text, max(0, match.start - CONTEXT_CHARS), match.start):
            continue
        if _service(match.number):
            continue
        value = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if value not in PUBLIC_NUMBERS:
            found.append(Entity("phone", value, match.start, match.end))
    taken = _spans(found) + ibans
    for written in WRITTEN_PHONE_RE.finditer(text):
        if _overlaps(*written.span(), taken):
            continue
        try:
            # a trunk "(0)" after the country code is never dialled from abroad
            number = phonenumbers.parse(written.group().replace("(0)", ""), "NL")
        except phonenumbers.NumberParseException:  # "+999 ...": no such country code
            continue
        if phonenumbers.is_possible_number(number) and not _service(number):
            value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Entity("phone", value, *written.span()))
    return found


def normalise_plate(raw: str) -> str | None:
    """Upper case without dashes when ``raw`` is a Dutch plate of side code 1 to 14."""
    match = PLATE_RE.fullmatch(raw.strip())
    return match.group().replace("-", "").upper() if match else None


def _is_reference(text: str, start: int) -> bool:
    """ "ordernummer VT-123-B", "factuur 2026 AB 12": a reference, not a plate or postcode."""
    return REFERENCE_BEFORE_RE.search(text, max(0, start - 30), start) is not None


def plates(text: str) -> list[Entity]:
    found = []
    for match in PLATE_RE.finditer(text):
        raw = match.group()
        if not (any(c.isdigit() for c in raw) and any(c.isalpha() for c in raw)):
            continue
        if _is_reference(text, match.start()):
            continue
        # "BTW NL8590.12.345.B01": the start of a VAT number (since 2026.12.27)
        if REGISTER_BEFORE_RE.search(text, max(0, match.start() - CONTEXT_CHARS), match.start()):
            continue
        found.append(Entity("plate", raw.replace("-", "").upper(), match.start(), match.end()))
    taken = _spans(found)

    def take(plate: re.Match[str] | None) -> None:
        """A plate read after a vehicle, plate or country word, or before a country."""
        if plate and not _overlaps(*plate.span(), taken) and (value := _loose_value(plate)):
            found.append(Entity("plate", value, *plate.span()))
            taken.append(plate.span())

    for match in SPACED_PLATE_RE.finditer(text):
        if not _overlaps(*match.span(), taken) and not _is_reference(text, match.start()):
            found.append(Entity("plate", match.group().replace(" ", ""), *match.span()))
            taken.append(match.span())
    for vehicle in VEHICLE_BEFORE_PLATE_RE.finditer(text):
        # since 2026.12.11 also a foreign plate in capitals ("auto WGM 7712"), and after
        # "is" or a country code ("car is BG CA 4412 MX", "Truck LT KRV 518")
        starts = _after_filler(text, vehicle.end())
        take(next(filter(None, (_longest(AFTER_VEHICLE_RES, text, at) for at in starts)), None))
    countries = list(PLATE_COUNTRY_RE.finditer(text))
    for regexes, words in (
        (LOOSE_PLATE_RES, PLATE_WORD_RE.finditer(text)),
        (FOREIGN_PLATE_RES, countries),
    ):
        for word in words:
            starts = _after_filler(text, word.end())
            # the words "van", "bus", "car" may stand between a country word and the plate
            if regexes is FOREIGN_PLATE_RES:
                starts = _after_filler(text, _after_vehicle(text, starts[0]))
            plate = next(filter(None, (_longest(regexes, text, at) for at in starts)), None)
            # and the plates listed after it: "B 88 TRX, another IS-21-MRT" (since 2026.12.13)
            while plate is not None:
                take(plate)
                listed = PLATE_LIST_RE.match(text, plate.end())
                plate = _longest(regexes, text, listed.end()) if listed else None
    for country in countries:
        take(_foreign_plate_before(text, country.start()))
    for read in list(found):
        _take_listed(text, read, take)
    return found


# Another plate in a list with one already read, after it or just before it: "kentekens
# TK-829-R, h 471 nb en 57-KPL-2", "S-881-KG and s 882 kg", "vans: WPI 48721 and WGM 2K33A"
# (since 2026.12.27). Only a side code with letters the RDW issues, in any case, or a
# foreign format in capitals, that is the whole list item: "CB 3312 PK, om 18 uur" or
# "VT-123-B en 45 min later" gives nothing.
LIST_SEPARATOR_RE = re.compile(r"(?i)\s*,\s*|\s+(?:and|en|or|of|und)\s+")
LIST_ITEM_ENDS_RE = re.compile(r"(?i)\s*(?:[,.;)]|\s(?:and|en|or|of|und)\s|$)")
LIST_ITEM_STARTS_RE = re.compile(r"(?:^|[:(,]\s*|\s(?:and|en)\s+)$")
LISTED_BEFORE = 16


def _take_listed(text: str, plate: Entity, take: Callable[[re.Match[str] | None], None]) -> None:
    """Hands ``take`` the plates listed after ``plate`` and the one just before it."""
    at = plate.end
    while (gap := LIST_SEPARATOR_RE.match(text, at)) and (
        listed := _longest(AFTER_VEHICLE_RES, text, gap.end())
    ):
        if not LIST_ITEM_ENDS_RE.match(text, listed.end()):
            break
        take(listed)
        at = listed.end()
    for start in range(max(0, plate.start - LISTED_BEFORE), plate.start):
        if start and text[start - 1].isalnum():
            continue  # a list item starts after a space or a sign, never inside a word
        listed = _longest(AFTER_VEHICLE_RES, text, start)
        gap = listed and LIST_SEPARATOR_RE.match(text, listed.end())
        if (
            listed
            and gap
            and gap.end() == plate.start
            and LIST_ITEM_STARTS_RE.search(text, max(0, start - 8), start)
        ):
            take(listed)
            return


# Between two plates in a list: "B 88 TRX, another IS-21-MRT", "WGM 4521 en WGM 7712".
# A word must say it is a list: "kenteken CB 3312 PK, om 18 uur" has none.
PLATE_LIST_RE = re.compile(
    r"(?i)\s*,?\s*(?:(?:and|en)\s+(?:another|nog\s+een|een\s+andere?)|and|en|another|"
    r"nog\s+een|een\s+andere?)\s+"
)
# Between a foreign plate and its country written after it: "PB 3381 AM (Bulgaars)", "WA
# 12345, een Pools kenteken", "CJ 12 XYZ, Romanian" (since 2026.12.11).
# Since 2026.12.27 the country as the first word in brackets: "WGM 4K712 (Polish trailer
# unit)".
COUNTRY_AFTER_GAP_RE = re.compile(
    r"\s*(?:,|\(?(?=\w+(?:\s+\w+){0,3}\)))?\s*(?:(?:een|a|an|met|with)\s+)?"
)
COUNTRY_AFTER_REACH = 16


def _foreign_plate_before(text: str, country_at: int) -> re.Match[str] | None:
    """The foreign plate, in capitals, that ends just before a country word."""
    for at in range(max(0, country_at - COUNTRY_AFTER_REACH), country_at):
        # a plate starts with a capital or a digit, after no letter or digit
        if (at and text[at - 1].isalnum()) or not (text[at].isupper() or text[at].isdigit()):
            continue
        if VEHICLE_RE.match(text, at):  # "BMW X5 with Polish plates"
            continue
        plate = _longest(FOREIGN_PLATE_RES, text, at)
        gap = plate and COUNTRY_AFTER_GAP_RE.match(text, plate.end())
        if plate and gap and gap.end() == country_at:
            return plate
    return None


NOT_PLATE_GROUPS = NOT_POSTCODE_LETTERS | {"uur", "per", "tot", "min", "and", "the", "een"}
PLATE_GROUP_RE = re.compile(r"(?<= )[^\W\d_]+(?= )")


def _loose_value(plate: re.Match[str]) -> str | None:
    """The normal form of a plate read after a plate, country or vehicle word: letters and
    digits both, and no word between numbers ("kenteken: iets als 12 of 13", since
    2026.12.9)."""
    raw = plate.group()
    if not (any(c.isdigit() for c in raw) and any(c.isalpha() for c in raw)):
        return None
    if any(group.lower() in NOT_PLATE_GROUPS for group in PLATE_GROUP_RE.findall(raw)):
        return None
    return re.sub(r"[ -]", "", raw).upper()


def _after_filler(text: str, at: int) -> list[int]:
    """Where a plate may start after a plate word, the furthest first: the filler words
    are skipped one by one, so in "plate number IS 21 MVR" the Romanian county "IS" is
    still read as part of the plate when "21 MVR" is no plate (since 2026.12.9)."""
    starts = [_skip_space(text, at)]
    while (filler := PLATE_FILLER_RE.match(text, at)) is not None and filler.end() > at:
        at = filler.end()
        starts.append(_skip_space(text, at))
    return starts[::-1]


def _skip_space(text: str, at: int) -> int:
    space = SPACE_RE.match(text, at)
    return space.end() if space else at


VEHICLE_RE = re.compile(
    r"(?i)(?:auto|bus|busje|van|car|wagen|bestelbus|truck|vrachtwagen|minibus|plates?|"
    r"kenteken|nummerbord|"
    # a make ("Duitse BMW M-XY 987", since 2026.12.11)
    rf"{MAKES})\b"
)


def _after_vehicle(text: str, at: int) -> int:
    vehicle = VEHICLE_RE.match(text, at)
    return vehicle.end() if vehicle else at


def _house_number(
    text: str, start: int, end: int, *, after_only: bool = False
) -> tuple[str, str] | None:
    after = HOUSE_AFTER_RE.match(text[end : end + CONTEXT_CHARS])
    counted = (
        after
        # "(8221 AB) 3 jaar": a count after the bracket too (since 2026.12.16)
        and after.group(1).lstrip().startswith((",", "-", "/", ")"))
        and not HOUSE_WORD_RE.search(after.group(1))
        and COUNT_GOES_ON_RE.match(after.string, after.end(2))
    )
    floor = after and FLOOR_RE.match(after.string, after.end(2))
    if after and not (counted or floor) and not RANGE_GOES_ON_RE.match(after.string, after.end(2)):
        return after.group(2), (after.group(3) or "")
    town = HOUSE_AFTER_TOWN_RE.match(text[end : end + CONTEXT_CHARS])
    if town and not COUNT_GOES_ON_RE.match(town.string, town.end(1)):
        return town.group(1), (town.group(2) or "")
    before_text = text[max(0, start - CONTEXT_CHARS) : start]
    worded = NUMBER_WORD_BEFORE_RE.search(before_text)
    if worded and not NOT_HOUSE_BEFORE_RE.search(before_text, 0, worded.start()):
        return worded.group(1), (worded.group(2) or "")
    if after_only:
        street = STREET_BEFORE_RE.search(before_text) or NUMBER_STREET_BEFORE_RE.search(before_text)
        # or after an address word: "op mijn adres Kotter 18 8243 ck, want" (since 2026.12.27)
        if street is None and (
            TOWN_AFTER_RE.match(text, end)
            or LINE_ENDS_RE.match(text, end)
            or ADDRESS_WORD_RE.search(before_text)
        ):
            street = _named_before(NAME_NUMBER_BEFORE_RE, before_text)
        # "(9a, 8302 ck)", and with the town: "(2b, 8212ch, Lelystad)" (since 2026.12.19)
        if street is None and BRACKET_CLOSES_RE.match(text, end):
            street = _bracketed_number(before_text)
        if street is None:
            street = ADDRESS_NUMBER_BEFORE_RE.search(before_text)
        if street is None:
            street = _named_before(NAME_NUMBER_TOWN_BEFORE_RE, before_text)
        if street is None:
            street = _bare_number(before_text)
        return (street.group(1), street.group(2) or "") if street else None
    before = HOUSE_BEFORE_RE.search(text, max(0, start - CONTEXT_CHARS), start)
    if before and not NOT_HOUSE_BEFORE_RE.search(
        text, max(0, before.start(1) - 20), before.start(1)
    ):
        return before.group(1), (before.group(2) or "")
    english = NUMBER_STREET_BEFORE_RE.search(text, max(0, start - CONTEXT_CHARS), start)
    if english is None:
        english = _named_before(NAME_NUMBER_TOWN_BEFORE_RE, before_text)
    return (english.group(1), english.group(2) or "") if english else None


def _named_before(regex: re.Pattern[str], before_text: str) -> re.Match[str] | None:
    """A capitalised name and its number right before a postcode ("Kokkel 8 ", "De Zuid 88,
    Dronten, "); never a room, a line or a year ("Kamer 12 8221 ab.", "Sinds 2019 1324
    rj.")."""
    named = regex.search(before_text)
    if named and NOT_NAME_BEFORE_RE.search(before_text, 0, named.start(1)):
        return None
    return named


# A number alone and a comma: "The apartment is 17, 1325 kx", "at 40, 1315rb in Almere",
# "27-b, 1335 hs" (since 2026.12.27); never after a room, box, count or number word
# ("Postbus 91, 8200 AB", "om 17, 1325 kx", "kamer nummer 14, 1315 ks": the number word
# has its own reading) nor in brackets ("(9, 8302 ck en 8302 cl)").
BARE_NUMBER_BEFORE_RE = re.compile(
    r"(?:^|(?<=\s))(\d{1,4})(?:\s?-?\s?([a-zA-Z])(?![a-zA-Z]))?\s*,\s*\(?$"
)
# "kamer nummer 14, ": the number word's own reading decides
NUMBER_WORD_ENDS_RE = re.compile(rf"\b{HOUSE_NUMBER_WORDS}$")
# "Ik was op 12, 2024ab niet thuis": a day, not a house number
DATE_BEFORE_RE = re.compile(
    r"(?i)\b(?:op|on|the|de|voor|na|before|after|rond|around|vanaf|from)\s*$"
)


def _bare_number(before_text: str) -> re.Match[str] | None:
    """A number alone and a comma right before a postcode, as a match whose first two
    groups are the number and its addition."""
    bare = BARE_NUMBER_BEFORE_RE.search(before_text)
    if bare is None:
        return None
    words = before_text[: bare.start(1)]
    if any(
        regex.search(words) for regex in (NOT_HOUSE_BEFORE_RE, NUMBER_WORD_ENDS_RE, DATE_BEFORE_RE)
    ):
        return None
    return bare


def _bracketed_number(before_text: str) -> re.Match[str] | None:
    """ "(9a, " or "230 (" right before a postcode whose bracket closes after it, as a match
    whose first two groups are the number and its addition; not "met 12 (".
    """
    bracketed = BRACKETED_BEFORE_RE.search(before_text)
    if bracketed is None or NOT_HOUSE_BEFORE_RE.search(before_text, 0, bracketed.start("number")):
        return None
    return bracketed


# "order 1234 AB 12", "factuur 2026 AB 12": a reference, not a postcode (since 2026.12.9).
REFERENCE_BEFORE_RE = re.compile(
    r"(?i)\b(?:order\w*|bestel\w*|factuur\w*|invoice|ref\w*|ticket\w*|zending\w*|"
    r"pakket\w*|parcel|tracking\w*|track|(?<!postal\s)(?<!zip\s)(?<!post\s)code|dossier\w*|klantnummer|"
    r"artikel\w*|"
    # "zaaknummer", "zaak nr", never "de zaak" (the shop: "adres van de zaak: 8243 ex, nr 8")
    r"zaak(?:nummer|nr)\w*|zaak(?=\s*(?:nr|nummer)\b)|"
    r"kenmerk\w*)(?:\s*(?:nr|nummer|number|no)\.?)?\s*[:#]?\s*(?:[A-Z0-9][\w-]*\s+)?\(?$"
)


def addresses(text: str) -> list[Entity]:
    """Postcode plus house number; a postcode alone (a whole street) is not taken."""
    found = []
    seen: list[tuple[int, int]] = []
    for regex in (POSTCODE_RE, POSTCODE_LOWER_RE, POSTCODE_JOINED_RE, POSTCODE_SPACED_LOWER_RE):
        for match in regex.finditer(text):
            start, end = match.start(1), match.end(2)
            letters = match.group(2).upper()
            if letters in {"SA", "SD", "SS"} or _overlaps(start, end, seen):
                continue
            if _is_reference(text, start):
                continue
            spaced = regex is POSTCODE_SPACED_LOWER_RE
            if (
                spaced
                and match.group(2) in NOT_POSTCODE_LETTERS
                # "nr 41, 8256 be Biddinghuizen" (since 2026.12.11), "address: 18c, 8302 ex"
                # (since 2026.12.19)
                and not NUMBER_WORD_BEFORE_RE.search(text, max(0, start - CONTEXT_CHARS), start)
                and not ADDRESS_NUMBER_BEFORE_RE.search(text[max(0, start - CONTEXT_CHARS) : start])
                and not NUMBER_WORD_AFTER_RE.match(text, end)
                # "Larserpoortweg 3, 8218 na Lelystad" (since 2026.12.26), "Rigaweg 7b, 1332
                # al." (since 2026.12.27)
                and not (
                    STREET_BEFORE_RE.search(text[max(0, start - CONTEXT_CHARS) : start])
                    and (TOWN_AFTER_RE.match(text, end) or LINE_ENDS_RE.match(text, end))
                )
                # "Botter 41-C in Lelystad (8232 ja)" (since 2026.12.27)
                and not (
                    _named_before(
                        NAME_NUMBER_TOWN_BEFORE_RE, text[max(0, start - CONTEXT_CHARS) : start]
                    )
                    and BRACKET_CLOSES_RE.match(text, end)
                )
            ):
                continue
            house = _house_number(
                text, start, end, after_only=regex is POSTCODE_JOINED_RE or spaced
            )
            if house is None:
                continue
            number, addition = house
            value = f"{match.group(1)}{letters} {int(number)}{addition.upper()}"
            seen.append((start, end))
            found.append(Entity("address", value, start, end))
    for match in POSTCODE_GLUED_RE.finditer(text):
        if _overlaps(*match.span(), seen) or _is_reference(text, match.start()):
            continue
        # after an address word, or in capitals ("naast hem (8302KL45)", since 2026.12.11;
        # "in Almere Poort, 1363XS8" without brackets since 2026.12.19)
        if match.group(2).isupper() or ADDRESS_WORD_RE.search(
            text, max(0, match.start() - 30), match.start()
        ):
            value = f"{match.group(1)}{match.group(2).upper()} {int(match.group(3))}"
            found.append(Entity("address", value, *match.span()))
    return found


def emails(text: str) -> list[Entity]:
    """E-mail addresses in lower case; not those of a partner or a government body, whose
    desks many reports name (since 2026.12.15)."""
    found = [
        Entity("email", m.group().lower(), m.start(), m.end())
        for m in EMAIL_RE.finditer(text)
        if not _is_public(m.group().rpartition("@")[2].lower())
    ]
    if WRITTEN_AT_RE.search(text) is None:
        return found
    taken = _spans(found)
    for match in WRITTEN_EMAIL_RE.finditer(text):
        domain = SPELLED_DOT_RE.sub(".", match.group(2) or match.group(3)).lower()
        if not _overlaps(*match.span(), taken) and not _is_public(domain):
            name = SPELLED_DOT_RE.sub(".", match.group(1))
            found.append(Entity("email", f"{name}@{domain}".lower(), *match.span()))
    return found


# A letter counts as two digits in the check: A = 10 ... Z = 35.
IBAN_LETTER_DIGITS = str.maketrans({chr(c): str(c - 55) for c in range(ord("A"), ord("Z") + 1)})


def _checksum_holds(compact: str) -> bool:
    """The IBAN check digits (ISO 7064 mod 97-10) of an upper-case run without spaces: a
    quick test before ``stdnum``'s full one, which a run of look-alikes ("1234 AB 1234 AB
    ...") would otherwise call tens of thousands of times."""
    moved = compact[4:] + compact[:4]
    if not moved.isascii() or not moved.isalnum():
        return False
    return int(moved.translate(IBAN_LETTER_DIGITS)) % 97 == 1


def ibans(text: str) -> list[Entity]:
    """IBANs with valid check digits; a run of characters is cut back until it validates."""
    found = []
    at = 0
    while (match := IBAN_RE.search(text, at)) is not None:
        raw = match.group()
        at = match.start() + 1
        for cut in range(len(raw), 14, -1):
            candidate = raw[:cut].rstrip()
            if cut < len(raw) and raw[cut - 1] == " ":
                continue
            compact = candidate.replace(" ", "").upper()
            if _checksum_holds(compact) and stdnum_iban.is_valid(compact, check_country=False):
                end = match.start() + len(candidate)
                found.append(Entity("iban", compact.upper(), match.start(), end))
                # The run may reach into a second IBAN ("PL61 ... 2874 i RO49 ..."):
                # look again right after this one.
                at = end
                break
    for match in IBAN_SEPARATED_RE.finditer(text):
        compact = re.sub(r"[ .-]", "", match.group()).upper()
        if (
            not _overlaps(*match.span(), _spans(found))
            and _checksum_holds(compact)
            and stdnum_iban.is_valid(compact, check_country=False)
        ):
            found.append(Entity("iban", compact, *match.span()))
    return found


def kvk_numbers(text: str) -> list[Entity]:
    """8-digit numbers with a chamber-of-commerce word at most 40 characters before them.

    Written in pairs ("71 23 45 68", since 2026.12.11 also "71.23.45.68", since 2026.12.12
    "71-23-45-68") only as the first number after that word or the next in a list of them,
    since a phone number is often written in pairs too ("06 - 12 34 56 78").
    """
    found: list[Entity] = []
    for match in KVK_RE.finditer(text):
        before = text[max(0, match.start() - CONTEXT_CHARS) : match.start()]
        contexts = list(KVK_CONTEXT_RE.finditer(before))
        listed = found and KVK_LIST_RE.fullmatch(text, found[-1].end, match.start())
        if not contexts and not listed:
            if KVK_AFTER_RE.match(text, match.end()):
                found.append(Entity("kvk", re.sub(r"\D", "", match.group()), *match.span()))
            continue
        between = before[contexts[-1].end() :] if contexts else ""
        if match.group(2) and any(c.isdigit() for c in between) and not listed:
            continue
        digits = re.sub(r"\D", "", match.group())
        found.append(Entity("kvk", digits, match.start(), match.end()))
    return found


def _host_value(host: str, path: str) -> str | None:
    host = host.lower().rstrip(".").removeprefix("www.")
    if "." not in host:
        return None
    if host in PLATFORM_HOSTS:
        path = path.split("?", 1)[0].split("#", 1)[0].rstrip("/").lower()
        return f"{host}{path}" if path else None
    if _is_public(host):
        return None
    return host


def _is_public(host: str) -> bool:
    parts = host.split(".")
    public = _public_hosts()
    return PUBLIC_HOST_RE.fullmatch(host) is not None or any(
        ".".join(parts[i:]) in public for i in range(len(parts) - 1)
    )


@cache
def _public_hosts() -> frozenset[str]:
    """The partners' and public bodies' hosts, and the sites of the municipalities the
    meldpunt serves ("noordoostpolder.nl"; development set 31, since 2026.12.16)."""
    # A models module: imported once the apps are loaded, not when this one is.
    from meldpunt.accounts.models import Municipality

    municipal = {f"{label.lower().replace(' ', '')}.nl" for label in Municipality.labels}
    return PUBLIC_HOSTS | municipal


def domains(text: str, *, skip: list[tuple[int, int]]) -> list[Entity]:
    found = []
    taken = list(skip)
    for match in URL_RE.finditer(text):
        raw = match.group().rstrip(".,;:!?،؛؟»")
        rest = re.sub(r"(?i)^https?://", "", raw)
        host, _, path = rest.partition("/")
        host = host.split(":", 1)[0].split("@")[-1]
        value = _host_value(host, "/" + path if path else "")
        taken.append((match.start(), match.start() + len(raw)))
        if value:
            found.append(Entity("domain", value, match.start(), match.start() + len(raw)))
    for match in DOMAIN_RE.finditer(text):
        if _overlaps(*match.span(), taken):
            continue
        # A bare platform link keeps its path: "facebook.com/groups/werk".
        after = BARE_PATH_RE.match(text, match.end())
        end = after.end() if after else match.end()
        value = _host_value(match.group(1), after.group().rstrip(".,;:!?") if after else "")
        if value:
            found.append(Entity("domain", value, match.start(), end))
    return found


# The readings of an account's name that also take one that looks like a domain, and
# whether the platform must be named in the name's sentence (the others name it themselves).
DOMAIN_LIKE_NAMED = (
    (PLATFORM_SAYS_RE, False),
    (PLATFORM_ACCOUNT_RE, False),
    (PLATFORM_THEN_NAME_RE, False),
    (CALLED_ON_PLATFORM_RE, False),
    (ACCOUNT_CALLED_RE, True),
)


def named_handles(text: str) -> list[Entity]:
    """ "tiktok: name", read before links so "tiktok: geldbaas.nl" is no domain."""
    found = []
    for match in SHORT_NAMED_RE.finditer(text):
        found.append(Entity("handle", "@" + match.group(1).lower(), *match.span(1)))
    for match in PLATFORM_NAMED_RE.finditer(text):
        if _overlaps(*match.span(1), [(e.start, e.end) for e in found]):
            continue
        name = match.group(1).lower()
        # "insta: 16", "Instagram: 2x per dag": an age or a count, not a name (since 2026.12.9)
        if not TWO_LETTERS_RE.search(name):
            continue
        # A plain word with more words after it is the start of a sentence ("Facebook:
        # contul meu e @ionut.p"), not a name; "Snap: xyz" and "Snap: xyz, ..." are names.
        if name.isalpha() and PLAIN_WORD_GOES_ON_RE.match(text, match.end(1)):
            continue
        if name.removeprefix("www.") not in PLATFORM_HOSTS:
            found.append(Entity("handle", "@" + name, match.start(1), match.end(1)))
    # "his insta is easymoney.nl", "op TikTok heet hij geldbaas.nl", "Snapchat-account
    # quickcash.nl": a name that looks like a domain is the account's (since 2026.12.9);
    # since 2026.12.25 also right after the platform ("on Snapchat, cashking.nl,"), before
    # it ("heet op insta mr.mo.vip") and after a naming word in a sentence that names one
    # ("op Discord ..., daar heet hij skyy.nl"). Only read around a top-level domain, which
    # few texts have.
    for hint in TLD_HINT_RE.finditer(text):
        window = (max(0, hint.start() - HANDLE_BEFORE), min(len(text), hint.end() + CONTEXT_CHARS))
        for regex, in_sentence in DOMAIN_LIKE_NAMED:
            for match in regex.finditer(text, *window):
                name = match.group(1).lower()
                if (
                    DOMAIN_RE.fullmatch(name)
                    and not text.startswith("/", match.end(1))
                    and name.removeprefix("www.") not in PLATFORM_HOSTS
                    and not _overlaps(*match.span(1), [(e.start, e.end) for e in found])
                    and (
                        not in_sentence
                        or PLATFORM_WORD_RE.search(
                            _sentence_around(text, match.start(), match.end(1))
                        )
                    )
                ):
                    found.append(Entity("handle", "@" + name, *match.span(1)))
        # "op insta heet hij 'geldmaken.nl'" (since 2026.12.26)
        for match in QUOTED_NAME_RE.finditer(text, *window):
            name = match.group(1).lower()
            around = text[max(0, match.start() - QUOTED_BEFORE) : match.end() + QUOTED_AFTER]
            if (
                DOMAIN_RE.fullmatch(name)
                and not name.startswith("www.")
                and PLATFORM_WORD_RE.search(around)
                and not _overlaps(*match.span(1), [(e.start, e.end) for e in found])
            ):
                found.append(Entity("handle", "@" + name, *match.span(1)))
    return found


# "his snap is lilmoneyjay" at the end of a clause or line, with "his", "haar" before the
# platform (since 2026.12.11); not "his insta is private" (NOT_CALLED).
PLATFORM_IS_RE = re.compile(
    rf"(?i)\b{PLATFORMS}\s+is\s+@?([a-z][a-z0-9]{{2,29}})(?=[ \t]*(?:[.,;:!?)'\"”’\n]|$))"
)


# A quoted name with capitals inside right after the platform, or after "als", "is" or
# "he is": "on Facebook he is \"FemiGlobalCleaning\"", "op LinkedIn als 'Sparkling-Almere'"
# (since 2026.12.27); not a quoted word ("via Grindr 'afspraakjes'").
PLATFORM_QUOTED_CAMEL_RE = re.compile(
    rf"(?i)\b{PLATFORMS}(?:[- ](?:account|pagina|page|profiel|profile|kanaal|channel))?"
    r"\s*(?::|,|\s+(?:als|as|is|heet|(?:he|she|hij|ze|zij)\s+(?:is|heet))|\s+(?:heet|is)\s+(?:hij|ze|zij))?"
    r"\s*['‘’\"“”]@?((?-i:[A-Z][a-z0-9]+(?:-?[A-Z0-9][A-Za-z0-9]*)+))['‘’\"“”]"
)


class PlatformReading(NamedTuple):
    """A reading that starts at a platform's name. ``owned``: only after "een", "his" and
    the like ("een OnlyFans 'sweetlara'"); ``plain``: its name may be a plain word, so it
    must be written in lower case and be no common word (``NOT_CALLED``)."""

    regex: re.Pattern[str]
    owned: bool = False
    plain: bool = False


# The readings that start at a platform's name, in this order.
PLATFORM_FIRST = (
    PlatformReading(PLATFORM_SAYS_RE),
    PlatformReading(PAGE_QUOTED_RE),
    PlatformReading(PLATFORM_QUOTED_RE, owned=True),
    PlatformReading(PLATFORM_QUOTED_CAMEL_RE),
    PlatformReading(PLATFORM_THAT_RE),
    PlatformReading(PLATFORM_THEN_NAME_RE),
    PlatformReading(PLATFORM_CALLS_RE, plain=True),
    PlatformReading(PLATFORM_IS_RE, owned=True, plain=True),
)


def _account_named_before(text: str, match: re.Match[str]) -> bool:
    """An account word ("account", "naam", ...) whose platform or site is named in its own
    sentence or the one before (at most ``HANDLE_BEFORE`` characters back)."""
    if not ACCOUNT_NOUN_RE.match(match.group()):
        return False
    earlier = text[max(0, match.start() - HANDLE_BEFORE) : match.start()]
    context = " ".join(SENTENCE_END_RE.split(earlier)[-2:])
    return bool(PLATFORM_WORD_RE.search(context) or TLD_HINT_RE.search(context))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text[start:end]``, at most ``HANDLE_BEFORE`` characters back."""
    earlier = text[max(0, start - HANDLE_BEFORE) : start]
    later = text[end : end + CONTEXT_CHARS]
    return SENTENCE_END_RE.split(earlier)[-1] + " " + SENTENCE_END_RE.split(later)[0]


def handles(text: str, *, skip: list[tuple[int, int]]) -> list[Entity]:
    found = []
    taken = list(skip)

    def add(name: str, span: tuple[int, int]) -> None:
        found.append(Entity("handle", "@" + name.lower(), *span))
        taken.append(span)

    for match in PLATFORM_ACCOUNT_RE.finditer(text):
        if not _overlaps(*match.span(1), taken):
            add(match.group(1), match.span(1))
    # Every other reading but "@name" needs a platform named in the text, and most start
    # at it: they are tried only where one is named (most texts name none).
    platforms = [platform.start() for platform in PLATFORM_WORD_RE.finditer(text)]
    for reading in PLATFORM_FIRST:
        for at in platforms:
            read = reading.regex.match(text, at)
            if read is None or _overlaps(*read.span(1), taken):
                continue
            name = read.group(1)
            if reading.owned and not HAS_PLATFORM_RE.search(text, max(0, at - 8), at):
                continue
            if reading.plain and not (name.islower() and name not in NOT_CALLED):
                continue
            add(name, read.span(1))
    for match in CALLED_ON_PLATFORM_RE.finditer(text) if platforms else ():
        name = match.group(1)
        marked = any(not c.isalpha() for c in name) or CAMEL_RE.fullmatch(name)
        if not _overlaps(*match.span(1), taken) and (
            marked or (name.islower() and name not in NOT_CALLED)
        ):
            add(name, match.span(1))
    # Since 2026.12.13 an account word may also follow a sentence that named the platform
    # ("Dat account heet cashflow.flevo"), or name one on a site ("my name there is ...").
    on_a_site = TLD_HINT_RE.search(text) is not None
    for regex in (ACCOUNT_CALLED_RE, UNDERSCORE_NAME_RE, DOTTED_NAME_RE):
        if not platforms and not (regex is ACCOUNT_CALLED_RE and on_a_site):
            continue
        for match in regex.finditer(text):
            if _overlaps(*match.span(1), taken) or FILE_NAME_RE.search(match.group(1)):
                continue
            if regex is DOTTED_NAME_RE and DOMAIN_RE.fullmatch(match.group(1)):
                continue  # a platform's bare host, "instagram.com", is no account
            if (
                platforms
                and PLATFORM_WORD_RE.search(_sentence_around(text, match.start(), match.end(1)))
            ) or (regex is ACCOUNT_CALLED_RE and _account_named_before(text, match)):
                add(match.group(1), match.span(1))
    for match in ACCOUNT_QUOTED_RE.finditer(text):
        if not _overlaps(*match.span(1), taken):
            add(match.group(1), match.span(1))
    for match in QUOTED_NAME_RE.finditer(text) if platforms else ():
        if _overlaps(*match.span(1), taken):
            continue
        window = text[max(0, match.start() - QUOTED_BEFORE) : match.end() + QUOTED_AFTER]
        if PLATFORM_WORD_RE.search(window):
            add(match.group(1), match.span(1))
    for match in HANDLE_RE.finditer(text):
        if _overlaps(*match.span(), taken):
            continue
        # The platform may be named anywhere earlier in the sentence ("Via Discord heeft
        # hij contact met iemand die ..., @name").
        before = re.split(r"[.!?\n]\s", text[max(0, match.start() - HANDLE_BEFORE) : match.start()])
        window = before[-1] + text[match.start() : match.end() + CONTEXT_CHARS]
        if PLATFORM_CONTEXT_RE.search(window):
            found.append(Entity("handle", "@" + match.group(1).lower(), match.start(), match.end()))
    return found


# An initial before a surname or its prefix ("J.de Vries", "M.van Dijk") looks like a host
# or a dotted account name, and is neither (since 2026.12.11).
INITIAL_RE = re.compile(r"@?[A-Z]\.(?:[a-z]{1,3}|[A-Z][a-z]+)")


def extract(text: str) -> list[Entity]:
    """Every entity in ``text``, in order of position; a span is claimed by one kind only."""
    if not text:
        return []
    found: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def add(entities: list[Entity]) -> None:
        for entity in entities:
            if entity.kind in {"handle", "domain"} and INITIAL_RE.fullmatch(
                text, entity.start, entity.end
            ):
                continue
            if not _overlaps(entity.start, entity.end, taken):
                found.append(entity)
                taken.append((entity.start, entity.end))

    add(emails(text))
    add(ibans(text))
    add(named_handles(text))
    add(domains(text, skip=taken))
    # "their account NL12 INGB ...": an IBAN, even one whose check digits fail, is no name
    iban_like = _iban_like(text)
    add(handles(text, skip=taken + iban_like))
    add(kvk_numbers(text))
    add(addresses(text))
    add(plates(text))
    add(phones(text, iban_like=iban_like))
    return sorted(found, key=lambda e: e.start)

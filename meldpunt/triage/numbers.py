"""Signals written as numbers: working hours, wages and the age of a minor.

A pattern word cannot say "more than 50 hours a week" or "under 18", so these few
signals are read with regular expressions and a threshold. Each finding keeps the
characters that caused it, like a pattern match, so the screen can show them.

Thresholds (Dutch law and practice, rounded so only clear cases fire):
- hours: 50 or more a week, 11 or more a day (or a day "from 6 to 22"), 6 or 7 days
  a week, all count as excessive overtime;
- wages: under 10 euro an hour (the adult minimum wage is well above 14), under 80 a
  day, and with a word for being paid before it, under 300 a week or 1,200 a month;
  an amount that is rent, a fine, a debt or a promise is not a wage;
- age: 1 to 17 next to a person ("meisje van 15", "15-jarige", "my daughter is 15",
  "pleegdochter (16)", "the boy next door (15)", "aged 14", "15 years old"), never a
  bare number.
"""

import re
from collections.abc import Iterator
from datetime import date

# An expression with (?i) reads capital I with a dot and the dotless i as "i", and the long
# s as "s", which str.lower() leaves as they are (or, for the capital I with a dot, turns
# into two characters). For every other character an expression of lower-case letters
# finds the same over the lower-cased text as with (?i) over the text, at the same places
# (tests/triage/test_numbers_scan.py checks every character), and two to three times
# faster: the scans of the whole text (for anchors, and those without anchors) use that.
CASE_EXCEPTIONS = "\u0130\u0131\u017f"


class _AnyCase:
    """An expression of lower-case letters that scans a whole text, in any case."""

    def __init__(self, pattern: str) -> None:
        self.any_case = re.compile(pattern, re.IGNORECASE)
        self.lower_case = re.compile(pattern)

    def _scan(self, text: str) -> tuple[re.Pattern[str], str]:
        if any(letter in text for letter in CASE_EXCEPTIONS):
            return self.any_case, text
        return self.lower_case, text.lower()

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex, scanned = self._scan(text)
        return regex.finditer(scanned)

    def found(self, text: str) -> bool:
        regex, scanned = self._scan(text)
        return regex.search(scanned) is not None


WORD_NUMBERS = {
    "zes": 6,
    "zeven": 7,
    "six": 6,
    "seven": 7,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
}
WORDS = "|".join(WORD_NUMBERS)
NUM = rf"(\d{{1,4}}(?:[.,]\d{{1,2}})?|{WORDS})"
PER = (
    r"\s*(?:per|a|an|each|every|for\s+a(?:\s+(?:whole|full))?|for|/|p\.?|in\s+de|in\s+the|"
    r"op\s+een|voor\s+een(?:\s+hele)?)\s*"
)
# A weekday names a week's wage: "120 euros every Saturday", "elke vrijdag 150 euro".
WEEKDAYS = (
    "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)

OVERTIME = "gen.excessive_overtime"
LONG_HOURS = "lab.long_hours"
WAGES = "gen.wages_withheld"
MINOR = "minor"

HOURS_RE = re.compile(
    rf"(?i)\b{NUM}\s*(?:uur|uren|u|hours?|hrs?)\b{PER}(week|wk|dag|day|nacht|night|dienst|shift)\b"
    # since 2026.12.22 a single day too: "een dag van 15 uur", "a day of 14 hours"
    r"|\b(?:dag|dagen|dienst|diensten|shifts?|days?|werkdag|werkdagen|nacht|nachten|nights?)"
    rf"\s+(?:van|of)\s+{NUM}\s*(?:uur|hours?)"
    rf"|\b{NUM}[- ]?(?:urige|uurs|hour)[- ]?"
    rf"(werkweek|week|werkdag|dag|dagen|diensten|shifts?|days?)\b"
    # the hours, a comma and every day: "12 hours, every day" (since 2026.12.23)
    rf"|\b{NUM}\s*(?:uur|uren|hours?|hrs?),\s*(?:every|each|elke|iedere)\s+(dag|day)\b"
    # a day's hours without a break: "13 uur achter elkaar", "14 hours straight"
    rf"|\b{NUM}\s*(?:uur|uren|hours?|hrs?)\s+(?:achter\s+elkaar|aan\s+een\s+stuk|aaneen|"
    r"straight|in\s+a\s+row|non-?stop|zonder\s+pauze|without\s+a\s+break)\b"
)
# Six or seven days a week; since 2026.12.24 nights too ("six nights a week").
DAYS_RE = re.compile(rf"(?i)\b{NUM}\s*(?:dagen|days|nachten|nights)\b{PER}(?:week)\b")
# A part of the day after a time: "'s avonds", "s morgens", "in the evening", "at night".
DAYPART = (
    # "in morning" as well, as non-native writers put it (since 2026.12.19)
    r"(?:(?:['’]?s|in\s+the|in|at|of\s+the|'s)\s+)?"
    r"(ochtends|morgens|middags|avonds|nachts|morning|afternoon|evening|night)"
)
# Clock times written as words ("from eight in the morning until nine at night", "van
# zes tot tien"), since 2026.12.6; "een" and "one" are left out (they are mostly "a").
CLOCK_WORDS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
CLOCK = r"(\d{1,2}|(?:" + "|".join(CLOCK_WORDS) + r")\b)"
RANGE_RE = re.compile(
    # since 2026.12.23 after "dag" too: "elke dag 6 tot 18 uur"
    r"(?i)\b(?:van|from|work|works|worked|working|werk|werkt|werken|werkte|werkten|dag|day|daily|"
    r"dagelijks)\s+"
    rf"{CLOCK}(?:[.:]\d\d)?\s*(am|pm|a\.m\.|p\.m\.|uur|o'clock)?\s*"
    rf"(?:{DAYPART}\s+)?(?:tot|to|till|until)\s+{CLOCK}(?:[.:]\d\d)?\s*"
    rf"(am|pm|a\.m\.|p\.m\.|uur|o'clock)?(?:\s*{DAYPART})?"
)
LATER_PARTS = {"middags", "avonds", "afternoon", "evening"}
NIGHT_PARTS = {"nachts", "night"}
# Hours a day without "per dag": "we work 11 hours", "drive 14 or 15 hours", "12 tot 13
# uur", only with a word for working (or a shift) shortly before.
DAILY_RE = re.compile(
    r"(?i)\b(?:work\w*|werk\w*|drive|drives|driving|rijden|rijdt|staan|staat|shifts?|"
    r"diensten|dienst|days?|dagen|maken|make)\b[^.!?;\n\d]{0,25}?"
    # "we work 11 hour": the singular too, as non-native writers put it (since 2026.12.20)
    r"\b(\d{1,2})(?:\s*(?:tot|to|or|of|-|–|,)\s*(\d{1,2}))?\s*(?:uur|uren|hours|hour|hrs)\b"
    r"(?!\s*(?:geleden|ago|later|eerder|earlier|before|per\s+week|a\s+week|in\s+de\s+week|"
    r"per\s+maand|a\s+month|rijden|drive|away|verderop))"
)
# "11 hours, 6 days", "van 9 tot 9 uur, 6 dagen": six or seven days after the hours.
SIX_OR_SEVEN = r"\b(6|7|zes|zeven|six|seven)\s*(?:dagen|days|nachten|nights)\b"
NOT_THOSE_DAYS = r"(?!\s*(?:geleden|ago|later|vrij|off))"
DAYS_AFTER_HOURS_RE = re.compile(
    r"(?i)\b(?:uur|uren|hours|hrs|avonds|evening|night|nachts)\b[^.!?;\n]{0,15}?"
    + SIX_OR_SEVEN
    + NOT_THOSE_DAYS
)
# "six days, 10 hours a day": ten hours or more on six or seven days is sixty a week or
# more (development set 40, since 2026.12.22); nine is not.
DAYS_BEFORE_HOURS_RE = re.compile(
    "(?i)"
    + SIX_OR_SEVEN
    + NOT_THOSE_DAYS
    + r"[^.!?;\n\d]{0,15}?\b(\d{1,2})\s*(?:uur|uren|hours|hrs)\b"
)
# Fewest hours a day that make six or seven days too long.
LONG_DAY_OF_A_FULL_WEEK = 10
AMOUNT = rf"(?:€\s*|eur(?:o|os)?\s+){NUM}|{NUM}\s*(?:€|euros?|eur)\b"
# One word may stand between the amount and the period ("20 euro 'zakgeld' per week",
# "3 euro cash per hour", since 2026.12.7); rent, a fine or a debt there is no wage.
BETWEEN = r"(?:\s+['‘’\"]?([^\W\d]+)['‘’\"]?)?"
WAGE_RE = re.compile(
    rf"(?i)(?:{AMOUNT}){BETWEEN}{PER}(uur|hour|hr|u|dag|day|week|maand|month|{WEEKDAYS})\b"
    rf"|\b(?:uurloon|hourly\s+(?:wage|rate|pay))\s+(?:van|of)\s+(?:€\s*)?{NUM}"
)
NOT_A_WAGE_RE = re.compile(
    r"(?i)\b(huur|rent|kost|kosten|costs?|betal\w*\s+voor|pay\s+for|boete|fine|schuld|debt|"
    r"beloofd|belofte|promised?|bed|kamer|room|borg|deposit|vraagt|charges?)\b"
)
# An amount without "euro" is a wage only with a word for being paid before it: "pays
# its pickers 3.50 an hour", "pays me 900 a month" (since 2026.12.5).
BARE_WAGE_RE = re.compile(
    r"(?i)(?<![\d.,€])(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:per|an?|each|/|p\.?)\s*"
    r"(uur|hour|hr|dag|day|week|maand|month)\b"
)
# What is left "na aftrek van huur" (after rent is deducted) is the wage itself.
NET_RE = re.compile(r"(?i)\b(na\s+aftrek|after\s+deduct\w*|netto|net)\b")
PAID_RE = re.compile(
    r"(?i)\b(krijg\w*|kreg\w*|kreeg|verdien\w*|betaald|uitbetaald|paid|pays?|gets?|got|earns?|"
    r"earning|loon|salaris|wages?|salary|receiv\w*|ontvang\w*|"
    r"(?:gives?|gave)\s+(?:me|us|him|her|them)|(?:geeft|gaf)\s+(?:me|mij|ons|hem|haar|hun))\b"
)
# The period named first: "elke vrijdag een envelop met 150 euro", "every week we get only
# 200 euro" (since 2026.12.7); rent or a fine right after the amount is no wage.
PERIOD_FIRST_RE = re.compile(
    rf"(?i)\b(?:elke|iedere|every|each)\s+(week|maand|month|{WEEKDAYS})\b[^.!?;\n\d€]{{0,40}}?"
    rf"(?<![\d.,])(?:{AMOUNT})"
)
NOT_A_WAGE_AFTER_RE = re.compile(r"(?i)^\s*(?:\w+\s+)?(?:huur|rent|boete|fine|borg|deposit)\b")
WAGE_LIMITS = {"hour": 10, "day": 80, "week": 300, "month": 1200}
UNITS = {
    **dict.fromkeys(WEEKDAYS.split("|"), "week"),
    "uur": "hour",
    "hour": "hour",
    "hr": "hour",
    "u": "hour",
    "dag": "day",
    "day": "day",
    "week": "week",
    "maand": "month",
    "month": "month",
}

PERSON = (
    r"(?:meisjes?|jongens?|dochter(?:tjes?|s)?|zoon(?:tjes?)?|zonen|kind(?:eren|je|jes)?|"
    r"broer(?:tjes?|s)?|zus(?:jes?|sen)?|neef(?:jes?)?|nicht(?:jes?)?|klein(?:zoon|dochter)|leerlinge?n?|scholieren?|pupils?|vriendin(?:netje)?|"
    r"vriendje|slachtoffer|tieners?|pubers?|meid|jongetje|stief(?:dochter|zoon)|pleeg(?:dochter|zoon|kind)|"
    r"girls?|boys?|daughters?|sons?|child|children|kids?|brother|sister|cousin|niece|nephew|students?|"
    r"teens?|teenagers?|victim|studente?n?|cli[eë]nte?|kleinkind|grandson|granddaughter|client|"
    r"baby|babies|babytje|peuter|kleuter|toddler|infant)"
)
SUBJECT = rf"(?:{PERSON}|ik|hij|zij|ze|i|he|she)"
NOT_AN_AGE = (
    r"(?!\s*(?:euro|€|uur|uren|procent|%|kilo|km|meter|minuten|minutes?|hours?|keer|times|"
    r"jaar\s+geleden|years\s+ago|mannen|men|klanten|clients|telefoons?))"
)
LOOSE = (
    r"(?:een\s+jaar\s+of\s+|ongeveer\s+|pas\s+|nog\s+maar\s+|rond\s+de\s+|about\s+|"
    r"only\s+|just\s+|maybe\s+|perhaps\s+|misschien\s+|around\s+|zo'n\s+)?"
)
# "nog geen 16", "under 16", "bijna 18": an upper bound, so 18 itself still says minor
# (since 2026.12.8).
BELOW = (
    r"(?:onder\s+de|jonger\s+dan|under(?:\s+the\s+age\s+of)?|younger\s+than|below|"
    r"nog\s+geen|not\s+yet|bijna|almost|nearly|amper|barely)\s+"
)
# A word that may follow "under 16" when it is an age: the end of a clause or a verb.
AGE_FOLLOWS = (
    r"(?:\s+(?:jaar|years?)(?:\s+oud|\s+old)?"
    r"(?!\s+(?:in|op|at|on|bij|lang|long|geleden|ago|for|voor|hier|here|werk\w*|work\w*)\b)"
    r"|(?!\s*(?:jaar|years?)\b))"
    r"\s*(?:[.,;:!?)]|$|\s+(?:en|and|maar|but|or|of|is|are|zijn|was|were|werk\w*|work\w*|"
    r"worden|wordt|to|om|te|die|who|that|in|op|at|on|naar|moet\w*|mag|mogen|must|have|has|"
    r"had|hebben|heeft)\b)"
)
# A person's age said in the past ("when she was 15", "toen hij 15 was") is no minor now.
NOT_PAST = r"(?<!\bwhen\s)(?<!\bsince\s)(?<!\btoen\s)(?<!\bsinds\s)(?<!\bvanaf\s)"
# A negation before "onder de 18" in its sentence: "geen mensen onder de 18".
NEGATION_RE = re.compile(
    r"(?i)\b(?:geen|niet|nooit|niemand|no|not|none|nobody|never|without|zonder)\b"
)
# A second age after the first: "12 en 13", "13 tot 16", "14 or 15", "12-13".
RANGE_END = r"(?:\s*(?:of|or|en|and|-|tot|to)\s*\d{1,2})?"
# What must come right before a candidate age, and what right after it.
AGE_RULES = tuple(
    (
        re.compile(before + r"$", re.IGNORECASE),
        re.compile(after, re.IGNORECASE),
        oldest[0] if oldest else 17,
    )
    for before, after, *oldest in (
        # an upper bound after a person or "is": "hij is nog geen 16", "she's almost 18"
        (
            rf"{NOT_PAST}\b{SUBJECT}(?:\s+(?:is|ben|am|are|zijn)|['’]s|['’]re)\s+{LOOSE}{BELOW}",
            NOT_AN_AGE + AGE_FOLLOWS,
            18,
        ),
        # an upper bound alone: "kids under 16 working", "meisjes jonger dan 16 in de ads"
        (
            r"\b(?:onder\s+de|jonger\s+dan|under(?:\s+the\s+age\s+of)?|younger\s+than|below)\s+",
            NOT_AN_AGE + AGE_FOLLOWS,
            18,
        ),
        # "15yo", "15 y/o", "15 y.o."
        (r"", r"\s?(?:yo|y/o|y\.o\.?)(?![\w/])", 17),
        # a first name and the age between commas: "Sanne, 15, woont" (not in brackets
        # alone: "Pokój (14)" is a room; since 2026.12.11 not a house number before a
        # postcode: "Zen Massage, 2, 1353 bv")
        (r"\b(?-i:[A-Z][a-zà-ÿ]+),\s*", r"\s*(?:jaar|jr)?\s*,(?!\s*[1-9]\d{3}\s?[a-z]{2}\b)", 17),
        # a chat name that is an age: "meisje16", "girl_15"
        (r"\b(?:meisje|meid|jongen|girl|boy)[_.-]?", r"(?![\w@])", 17),
        (r"", r"[- ]?jarige?n?\b"),
        (r"", r"[- ](?:years?|yrs?)[- ]old\b"),
        (r"", r"\s+(?:jaar\s+oud|years\s+old)\b"),
        (r"\baged?\s+" + LOOSE, r""),
        (r"\b(?:leeftijd|age)\s*:?\s*", r""),
        (rf"\b(?:buur|school|tiener)?{PERSON}\s+(?:van|of)\s+{LOOSE}", NOT_AN_AGE),
        (
            # since 2026.12.14 an initial among the words ("zoon J. (15)"); since 2026.12.15
            # the sex first, a guess and a range ("Leerling (v, 16,", "jongens (ong 12 en
            # 13", "jongens (13 tot 16 jaar)")
            rf"\b(?:buur|school|tiener)?{PERSON}\b(?:\s+[\w'.-]+){{0,3}}\s*\(\s*"
            r"(?:[vmf]\s*,\s*)?(?:(?:ong|ca|circa|ongeveer|about)\.?\s+)?",
            RANGE_END + r"\s*(?:jaar|jr|years?)?\s*(?:\)|,)",
        ),
        (
            r"\b(?:schat\w*|geschat|estimat\w*|i\s+guess|guessing)\s+"
            r"(?:(?:ik|hem|haar|ze|hen|them|him|her|they|are|is|op|at)\s+){0,2}" + LOOSE,
            r"(?:\s*(?:of|or|en|and|-|/|tot|to)\s*\d{1,2})?\s*(?:jaar|years?)?\s*(?:[.,;!?)]|$|\s)",
        ),
        # "she is 15", since 2026.12.11 also with a first name ("my son Andrei is 16") and
        # at the end of a chat line ("I am 15" and the next line)
        (
            rf"{NOT_PAST}\b{SUBJECT}(?:\s+(?-i:[A-Z][a-zà-ÿ]+))?(?:\s+(?:is|was|ben|am)|['’]s)\s+[\"“'‘]?{LOOSE}",
            r"(?:\s+(?:jaar|jr\.?|years?|yrs?)(?:\s+oud|\s+old)?)?[ \t]*"
            r"(?:[.,;!?)\n]|$|\s+(?:en|and|maar|but)\b)",
        ),
        # the answer to "hoe oud ben je?" on the next chat line: "Bezoeker: 16." (since
        # 2026.12.11)
        (
            r"\b(?:oud\s+(?:ben|is|zijn)|old\s+(?:are|is))\b[^\n]{0,50}\n[^\n]{0,30}:\s*",
            r"[ \t]*(?:jaar|years?)?[ \t]*(?:[.,;!?)\n]|$)",
        ),
        (r"\bi'?m\s+", NOT_AN_AGE),
        # "one of our boys, 16, runs away", "Kleinzoon 15 jr", "her nephew, 15. He"
        (
            rf"\b(?:buur|school|tiener)?{PERSON},\s*",
            r"\s*(?:jaar|jr|years?)?\s*(?:,|\)|\.(?:\s|$))",
        ),
        # "een leerling uit 4 havo, 17 jaar," (a few words between, so the unit must
        # follow; since 2026.12.6); since 2026.12.11 an initial too ("Dochter L., 14 jaar")
        (
            rf"\b(?:buur|school|tiener)?{PERSON}(?:\s+[\w'.-]+){{1,3}},\s*",
            r"\s*(?:jaar|jr|years?)\b(?!\s+(?:geleden|ago|lang|long))",
        ),
        (
            rf"\b(?:buur|school|tiener)?{PERSON}\s+",
            r"\s*(?:jaar|jr\.?|years?)(?:\s+oud|\s+old)?\b"
            r"(?!\s+(?:geleden|ago|later|lang|long|bij|in|at|for|voor))",
        ),
        # "two girls, maybe 12 and 13,", "een jongen, ongeveer 15," (not "kids, about 12
        # of them"; since 2026.12.12 "jongen ca 12")
        (
            rf"\b(?:buur|school|tiener)?{PERSON},?\s+"
            r"(?:maybe|perhaps|probably|about|around|roughly|misschien|ongeveer|rond\s+de|zo'n|"
            r"ca\.?|circa|ong\.?)\s+",
            NOT_AN_AGE
            + r"(?!\s+(?:of\s+them|van\s+hen|in\s+total|in\s+totaal|people|mensen))"
            + r"(?:\s*(?:of|or|en|and|-|tot|to)\s*\d{1,2})?\s*(?:jaar|years?)?\s*(?:[.,;!?)]|$|\s)",
        ),
        # "een meisje dat hooguit 15 lijkt" (since 2026.12.12)
        (
            rf"\b{PERSON}\s+(?:dat|die|who)\s+(?:hooguit|maximaal|at\s+most)?\s*{LOOSE}",
            r"\s*(?:jaar|years?)?\s+(?:lijkt|looks|leek|looked)\b",
        ),
        # "jongen, zegt 17 te zijn": the age the person gives (since 2026.12.12)
        (r"\b(?:zegt|zei|beweert|beweerde)\s+" + LOOSE, r"\s*(?:jaar)?\s+te\s+zijn\b"),
        # Since 2026.12.14 (development sets 25 and 26): the child of a parent who calls,
        # "moeder van S. (15)"; a relative's first name and the age at the end of a chat
        # line, "my daughter Jasmine, 16 [chat]"; "ben 16." alone in a chat; "dochter 16."
        (
            r"\b(?:moeder|vader|ouders?|mother|father|parents?|mum|mom|dad)\s+(?:van|of)\s+"
            r"(?-i:[A-Z][a-zà-ÿ]*\.?)\s*\(\s*",
            r"\s*(?:jaar|jr)?\s*\)",
        ),
        (
            rf"\b{PERSON}\s+(?-i:[A-Z][a-zà-ÿ]+),\s*",
            r"\s*(?:jaar|jr|years?)?[ \t]*(?:[.,;!?)\[\n]|$)",
        ),
        (
            r"(?:^|[.!?:\]]\s+)(?:ik\s+)?(?:ben|am)\s+" + LOOSE,
            r"[ \t]*(?:jaar)?[ \t]*(?:[.,;!?)\n]|$)",
        ),
        (rf"\b{PERSON}\s+", r"[ \t]*(?:[.,;]|$)"),  # not "(cliënt 1)", a numbering
        # Since 2026.12.15 (development sets 27 to 29): "can't be older than 14 or 15",
        # "hooguit 15 is", "they're 12, 13 and 15", "ID vh meisje: 17 jaar"
        (
            r"\b(?:can['’]?t|cannot|can\s+not|kan\s+niet|kunnen\s+niet|niet)\s+(?:be\s+)?"
            r"(?:older\s+than|ouder\s+dan)\s+",
            NOT_AN_AGE + RANGE_END + r"\s*(?:[.,;!?)]|$|\s+(?:zijn|is)\b)",
        ),
        (
            r"\b(?:hooguit|maximaal|at\s+most)\s+",
            NOT_AN_AGE + RANGE_END + r"\s*(?:jaar|years?)?\s*"
            r"(?:[.,;!?)]|$|\s+(?:is|was|lijkt|leek|looks|looked)\b)",
        ),
        (
            r"\b(?:they|we)['’]re\s+" + LOOSE,
            NOT_AN_AGE + r"(?:\s*(?:,|and|en|or|of|-)\s*\d{1,2})*\s*(?:years?(?:\s+old)?)?\s*"
            r"(?:[.,;!?)]|$)",
        ),
        (
            rf"\b{PERSON}\s*:\s*",
            r"\s*(?:jaar|jr|years?)\b(?!\s+(?:geleden|ago|lang|long|in|bij|at|for|voor|hier|here)\b)",
        ),
        # "they look 12 or 13 at most", "ze lijkt 14", since 2026.12.14 "eruitziet als 16"
        (
            r"\b(?:look|looks|looked|lijkt|lijken|leek|leken|eruit\s+als|eruitzi(?:et|en)\s+als|"
            r"eruitzag\s+als)\s+(?:me\s+|mij\s+)?" + f"(?:{BELOW})?{LOOSE}",
            NOT_AN_AGE
            + r"(?:\s*(?:of|or|en|and|-|tot|to)\s*\d{1,2})?\s*(?:jaar|years?)?\s*(?:[.,;!?)]|$|\s)",
        ),
        # The answer to the advisor's question on the line before, in a chat: "Mag ik
        # vragen hoe oud je bent?" - "Bezoeker: 15." (development set 32, since 2026.12.18)
        (
            r"(?:hoe\s+oud|how\s+old|leeftijd|your\s+age)[^\n]{0,40}\?[ \t]*\n[ \t]*"
            r"(?:\[[^\]\n]{0,20}\][ \t]*)?[^\n:]{1,25}:[ \t]*",
            NOT_AN_AGE + r"[ \t]*(?:jaar|jr|years?(?:\s+old)?)?[ \t]*(?:[.!,;)]|\n|$)",
        ),
        # Dutch puts the verb last after "dat": "ze zegt dat ze 16 is", "dat het meisje pas
        # 14 jaar is" (development sets 40 and 41, since 2026.12.22); not "dat hij 15 was"
        (
            rf"\b(?:dat|omdat)\s+(?:hij|zij|ze|(?:het|de)\s+{PERSON})\s+{LOOSE}",
            r"\s+(?:jaar\s+(?:oud\s+)?)?is\b",
        ),
    )
)
# Every number of one or two digits, or number word, is a candidate age; the rules look
# at the few words right before and after it.
AGE_ANCHORS = _AnyCase(rf"(?<![\d.,])\d{{1,2}}(?![\d.,]\d)|\b(?:{WORDS})(?:\b|(?=jarig))")
AGE_BEFORE, AGE_AFTER = 60, 30


def _number(raw: str) -> float:
    lower = raw.lower()
    if lower in WORD_NUMBERS:
        return WORD_NUMBERS[lower]
    return float(lower.replace(",", "."))


# The long expressions run only on short windows around a unit word, which is much
# faster on a long text than running them from every position.
HOURS_ANCHORS = _AnyCase(r"uur|uren|hour|hrs|dagen|days|nachten|nights|tot|till|until|\bto\b")
WAGE_ANCHORS = _AnyCase(r"€|eur|uurloon|hourly")
WINDOW_BEFORE, WINDOW_AFTER = 40, 40


def _windows(text: str, anchors: _AnyCase) -> tuple[tuple[int, int], ...]:
    """The stretches around the anchors, found once per text for all the expressions
    that use them."""
    windows: list[list[int]] = []
    for anchor in anchors.finditer(text):
        low, high = max(0, anchor.start() - WINDOW_BEFORE), anchor.end() + WINDOW_AFTER
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    return tuple((low, min(high, len(text))) for low, high in windows)


def _in_windows(
    regex: re.Pattern[str], text: str, windows: tuple[tuple[int, int], ...]
) -> Iterator[re.Match[str]]:
    for low, high in windows:
        yield from regex.finditer(text, low, high)


def _clock(raw: str) -> int:
    return CLOCK_WORDS.get(raw.lower()) or int(raw)


def _later(part: str, mark: str | None, shiftable: bool) -> bool:
    """Whether a time is in the afternoon, evening or night: "pm", or "'s avonds"."""
    return (mark or "").lower().startswith("p") or (part in LATER_PARTS | NIGHT_PARTS and shiftable)


def _hours(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    windows = _windows(text, HOURS_ANCHORS)
    for match in _in_windows(HOURS_RE, text, windows):
        groups = [g for g in match.groups() if g]
        hours, unit = _number(groups[0]), (groups[1] if len(groups) > 1 else "dag").lower()
        weekly = unit in {"week", "wk", "werkweek"}
        if hours >= (50 if weekly else 11) and hours <= (120 if weekly else 24):
            yield OVERTIME, match.span()
    for match in _in_windows(DAYS_RE, text, windows):
        if 6 <= _number(match.group(1)) <= 7:
            yield OVERTIME, match.span()
    for match in _in_windows(RANGE_RE, text, windows):
        start, start_mark, start_part, end, end_mark, end_part = match.groups()
        begin, finish = _clock(start), _clock(end)
        start_part, end_part = (start_part or "").lower(), (end_part or "").lower()
        # A 24-hour clock: "18:00 to 06:00" ends the next day (since 2026.12.19), as does an
        # end with a leading zero, "from 12:00 until 04:00" (since 2026.12.22).
        if begin > 12 or (len(end) == 2 and end.startswith("0") and not end_mark):
            if finish < begin and end_part not in NIGHT_PARTS and _later(end_part, end_mark, True):
                finish += 12  # "13:00 to 5 pm", "14:00 tot 9 uur 's avonds"
            if finish < begin:
                finish += 24
        elif end_part in NIGHT_PARTS and finish <= 6:  # "tot 4 uur 's nachts"
            finish += 24
        elif _later(end_part, end_mark, finish < 12) or (
            not end_part and finish <= begin and finish <= 12
        ):
            finish += 12
        if _later(start_part, start_mark, 6 < begin < 12):
            begin += 12
        if finish < begin:  # "from 4pm until 3am" ends the next day
            finish += 12 if finish + 12 > begin else 24
        if 11 <= finish - begin <= 20:
            yield OVERTIME, match.span()
    for match in _in_windows(DAILY_RE, text, windows):
        low, high = match.groups()
        if high and abs(int(high) - int(low)) > 3:
            continue  # "7 tot 15 uur" is from seven to three, not 15 hours
        hours = max(int(n) for n in match.groups() if n)
        # 11 to 20 hours after a word for working is a day; 50 to 99 can only be a week
        # ("we make 55, 58 hours", "werken 60 uur", since 2026.12.6).
        if 11 <= hours <= 20 or hours >= 50:
            yield OVERTIME, (match.start(1), match.end())
    for match in _in_windows(DAYS_AFTER_HOURS_RE, text, windows):
        yield OVERTIME, (match.start(1), match.end())
    for match in _in_windows(DAYS_BEFORE_HOURS_RE, text, windows):
        if LONG_DAY_OF_A_FULL_WEEK <= int(match.group(2)) <= 24:
            yield OVERTIME, match.span()


def _wages(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    windows = _windows(text, WAGE_ANCHORS)
    with_euro = list(_in_windows(WAGE_RE, text, windows))
    ends = {m.end() for m in with_euro}
    bare_only = (m for m in BARE_WAGE_RE.finditer(text) if m.end() not in ends)
    for match, bare in [*((m, False) for m in with_euro), *((m, True) for m in bare_only)]:
        groups = [g for g in match.groups() if g]
        amount = _number(groups[0])
        unit = UNITS.get(groups[-1].lower(), "hour") if len(groups) > 1 else "hour"
        if len(groups) > 2 and NOT_A_WAGE_RE.search(groups[1]):
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        before = re.split(r"(?<!\d)[.!?;\n]", before)[-1]
        not_a_wage = NOT_A_WAGE_RE.search(before) and not NET_RE.search(before)
        if not_a_wage or amount >= WAGE_LIMITS[unit]:
            continue
        paid = PAID_RE.search(before) or NET_RE.search(before)
        if (bare or unit in {"week", "month"}) and not paid:
            continue
        yield WAGES, match.span()
    for match in _in_windows(PERIOD_FIRST_RE, text, windows):
        unit = UNITS.get(match.group(1).lower(), "week")
        amount = _number(next(g for g in match.groups()[1:] if g))
        before = text[max(0, match.start() - 40) : match.start()]
        before = re.split(r"(?<!\d)[.!?;\n]", before)[-1] + match.group()
        after = text[match.end() : match.end() + 20]
        if amount >= WAGE_LIMITS[unit] or match.end() in ends:
            continue
        if NOT_A_WAGE_RE.search(before) or NOT_A_WAGE_AFTER_RE.match(after):
            continue
        if PAID_RE.search(before):
            yield WAGES, match.span()


def _ages(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    for anchor in AGE_ANCHORS.finditer(text):
        age = _number(anchor.group())
        if not 1 <= age <= 18:
            continue
        before = text[max(0, anchor.start() - AGE_BEFORE) : anchor.start()]
        after = text[anchor.end() : anchor.end() + AGE_AFTER]
        for before_re, after_re, oldest in AGE_RULES:
            if age > oldest:
                continue
            # The text after the number is matched at its start, which is quick; the
            # search before it only runs when that fits.
            tail = after_re.match(after)
            found = before_re.search(before) if tail is not None else None
            if found is not None and tail is not None:
                if oldest == 18 and NEGATION_RE.search(_sentence_before(before, found.start())):
                    break  # "geen mensen onder de 18", "nobody is younger than 16"
                start = anchor.start() - (len(before) - found.start())
                yield MINOR, (start, anchor.end() + tail.end())
                break
    for match in BORN.finditer(text):
        if date.today().year - 18 < int(match.group(1)) <= date.today().year:
            yield MINOR, match.span()
    for match in SCHOOL_YEAR.finditer(text):
        yield MINOR, match.span()


def _sentence_before(before: str, end: int) -> str:
    return re.split(r"[.!?;\n]", before[:end])[-1]


# A year of birth that makes someone under 18 this year: "geboren in 2011", "born 2012",
# "geb. 03-05-2010", "DOB: 2011" (since 2026.12.8).
BORN = _AnyCase(
    r"\b(?:geboren|born|geb\.|geboortejaar|geboortedatum|year\s+of\s+birth|"
    r"date\s+of\s+birth|dob)\s*:?\s*(?:in|op|on)?\s*"
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.]|\d{1,2}\s+[^\W\d]+\s+|[^\W\d]+\s+)?((?:19|20)\d\d)\b"
)
# A school year of secondary school: "3 havo", "4 vwo", "vmbo 3", "2e klas vmbo-t".
SCHOOL = r"(?:havo|vwo|vmbo(?:-?(?:bb|kb|gl|tl|[bkgt]))?|mavo|atheneum|gymnasium|lyceum)"
SCHOOL_YEAR = _AnyCase(
    rf"\b[1-6](?:e|de)?\s*(?:klas\s+)?{SCHOOL}\b(?!-?(?:scholen|school|locaties))"
    rf"|\b{SCHOOL}[- ]?[1-6]\b(?![.,:]?\d)"
    # "zit in groep 7": primary school's last years, the number right after the word
    # (since 2026.12.11; "een groep van 6 mannen" is no school year)
    r"|\bgroep\s+[678]\b(?![.,:]?\d)(?!\s+(?:mannen|vrouwen|personen|mensen|jongens|meisjes|man)\b)"
)


# A school-age child working full time: 30 hours a week or more in the sentence that
# gives the child's age is excessive (Dutch law allows a 15-year-old 12 hours in a school
# week); an adult's week next to a child in another sentence is not (since 2026.12.7).
MINOR_WEEK_RE = re.compile(
    r"(?i)\b(\d{2})\s*(?:uur|uren|hours?|hrs?)\s*(?:per|a|in\s+de|in\s+the|op\s+een)\s*"
    r"(?:week|wk)\b"
)
MINOR_FULL_TIME = 30
SENTENCE_END_RE = re.compile(r"[.!?;\n]\s")


def _minor_hours(
    text: str, ages: list[tuple[str, tuple[int, int]]]
) -> Iterator[tuple[str, tuple[int, int]]]:
    if not ages:
        return
    for match in MINOR_WEEK_RE.finditer(text):
        if not MINOR_FULL_TIME <= int(match.group(1)) < 50:
            continue
        for _, (start, end) in ages:
            low, high = min(start, match.start()), max(end, match.end())
            if not SENTENCE_END_RE.search(text, low, high):
                yield OVERTIME, match.span()
                break


# --- Polish and Romanian (issue 17) -------------------------------------------------
# Hours: "po 12 godzin dziennie", "12 godzin na dobę", "70 godzin tygodniowo", "7 dni w
# tygodniu"; "12 ore pe zi", "70 de ore pe săptămână", "7 zile pe săptămână".
# Wages in euro: "3 euro na godzinę", "3 euro pe oră", "50 euro dziennie", "50 euro pe
# zi". Ages only with a person or "ma"/"are": "15-latka", "ma 16 lat", "(16 lat)",
# "dziewczyna w wieku 15 lat", "fata de 15 ani", "are 16 ani", "în vârstă de 15 ani";
# "od 10 lat" or "de 15 ani" alone (for ten years) never.
PLRO_HOURS = _AnyCase(
    r"\b(\d{1,3})\s*(?:godzin\w*|h|de\s+ore|ore)\s*"
    r"(dziennie|na\s+dob[ęe]|na\s+dzie[ńn]|pe\s+zi|zilnic|tygodniowo|w\s+tygodniu|"
    r"na\s+tydzie[ńn]|pe\s+s[ăa]pt[ăa]m[âa]n[ăa])"
    r"|\b(?:po|c[âa]te)\s+(\d{1,2})\s*(?:godzin\w*|ore)\b"
)
PLRO_DAYS = _AnyCase(r"\b([67])\s*(?:dni\s+w\s+tygodniu|zile\s+(?:pe|din)\s+s[ăa]pt[ăa]m[âa]n[ăa])")
PLRO_WAGE = _AnyCase(
    r"(?:€\s*|eur(?:o)?\s+)?(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:€|euro|eur)?\s*"
    r"(?:na\s+godzin[ęe]|za\s+godzin[ęe]|/\s*h|/\s*godz|pe\s+or[ăa]|la\s+or[ăa]|"
    r"(dziennie|za\s+dzie[ńn]|na\s+dzie[ńn]|pe\s+zi))"
)
PLRO_PERSON = (
    r"(?:dziewczyn\w*|dziewcz\w*|chłop\w*|chlop\w*|córk\w*|cork\w*|syn\w*|dzieck\w*|"
    r"dzieci|nastolat\w*|uczenni\w*|uczni\w*|fat[ăa]|fata|fete|b[ăa]iat\w*|copil\w*|"
    r"fiic\w*|fiul|fiica|elev\w*|minor\w*|t[âa]n[ăa]r\w*)"
)
PLRO_AGE = _AnyCase(
    r"\b(\d{1,2})\s*-?\s*(?:lat(?:ka|ek|ki|kiem|ku)|letni\w*)\b"
    r"|\b(?:ma|miał[ao]?|mial[ao]?|are|avea)\s+(?:doar\s+|tylko\s+|abia\s+)?(\d{1,2})\s+(?:lat|ani)\b"
    r"|\(\s*(\d{1,2})\s*(?:lat|ani)\s*\)"
    rf"|\b{PLRO_PERSON}\s*\(\s*(\d{{1,2}})\s*\)"
    r"|\b(?:w\s+wieku|[îi]n\s+v[âa]rst[ăa]\s+de)\s+(\d{1,2})\b"
    rf"|\b{PLRO_PERSON}\s+(?:de|w\s+wieku)\s+(\d{{1,2}})\s+(?:de\s+)?(?:ani|lat)\b"
)
# A word every one of the expressions above needs, with word edges so that Dutch and
# English words ("later", "company", "more", "euro") do not run them (since 2026.12.7).
PLRO_ANCHORS = _AnyCase(
    r"godz|\bore\b|\bdni\b|\bzile\b|\d\s*-?\s*lat|\blat\b|letni|\bani\b|wieku|v[âa]rst|"
    r"dziennie|dzie[ńn]|dob[ęe]|zilnic|tygod|tydzie|s[ăa]pt[ăa]m|\bpe\s+(?:zi|or)|\bla\s+or|"
    r"/\s*h"
)
# The one expression that needs none of those words: a person and an age in brackets
# ("córka (15)"), looked for only before a bracket, which is quicker than a search.
PLRO_PERSON_BEFORE_RE = re.compile(rf"(?i){PLRO_PERSON}\s*$")


def _plro_needed(text: str) -> bool:
    if PLRO_ANCHORS.found(text):
        return True
    at = text.find("(")
    while at != -1:
        if PLRO_PERSON_BEFORE_RE.search(text, max(0, at - 25), at):
            return True
        at = text.find("(", at + 1)
    return False


def _plro(text: str) -> Iterator[tuple[str, tuple[int, int]]]:
    if not _plro_needed(text):
        return
    for match in PLRO_HOURS.finditer(text):
        hours = int(match.group(1) or match.group(3))
        weekly = (match.group(2) or "").lower().startswith(("tyg", "w tyg", "na tyd", "pe s"))
        if hours >= (50 if weekly else 11) and hours <= (120 if weekly else 24):
            yield OVERTIME, match.span()
    for match in PLRO_DAYS.finditer(text):
        yield OVERTIME, match.span()
    for match in PLRO_WAGE.finditer(text):
        has_euro = re.search(r"(?i)€|eur", match.group())
        amount = _number(match.group(1))
        limit = WAGE_LIMITS["day" if match.group(2) else "hour"]
        if has_euro and amount < limit:
            yield WAGES, match.span()
    for match in PLRO_AGE.finditer(text):
        age = next(int(g) for g in match.groups() if g)
        if 1 <= age < 18:
            yield MINOR, match.span()


# --- end of issue 17 ---------------------------------------------------------------


def numeric_signals(text: str) -> list[tuple[str, tuple[int, int]]]:
    """(indicator or urgency id, character span) for hours, wages and ages in ``text``."""
    lower = text.lower()
    if not any(c.isdigit() for c in text) and not any(
        w in lower for w in (*WORD_NUMBERS, *CLOCK_WORDS)
    ):
        return []
    ages = list(_ages(text))
    hours = [*_hours(text), *_minor_hours(text, ages)]
    # Hours given as numbers are both the ILO signal and the labour checklist item.
    hours += [(LONG_HOURS, span) for _, span in hours]
    plro = list(_plro(text))
    hours += [(LONG_HOURS, span) for target, span in plro if target == OVERTIME]
    return [*hours, *_wages(text), *ages, *plro]

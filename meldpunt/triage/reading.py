"""Reading a text before the patterns look at it: words, sentences, clauses, language.

- Words keep their character spans and the forms a pattern may match: as written, the
  Dutch and the English lemma (simplemma), and for a Dutch verb whose particle stands
  at the end of its clause ("nam ... af") the joined verb ("afnemen").
- Sentences end at . ! ? ; followed by a space, at a new line, and where a quotation
  opens after a colon; clauses also end at a comma, colon, bracket, dash or quotation
  mark, and before a conjunction. A pattern never
  reaches over a sentence; a negation never reaches over a clause.
- The language is guessed per sentence from its function words, so a Dutch phone note
  that quotes the caller in English is read in both languages where it should be.
  Polish and Romanian are told by their own function words and letters (issue 17);
  Cyrillic and Arabic script are told apart only as "bg", "uk" and "ar", which have
  no patterns: the assistant then says it cannot read the text.
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import simplemma

# Words seen are remembered (lemmas) to keep a call fast; bounded, in process memory only.
MEMO_LIMIT = 65536

WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# A sentence also ends after a closing quotation mark: 'window." Medewerker: ...'.
SENTENCE_GAP_RE = re.compile(r"[.!?;][\"”’']?\s|\n|:\s*[\"“”„‘'’]")
# "'s nachts", "'t": an apostrophe before these is part of the word, not a quotation mark.
ELIDED = frozenset({"s", "t", "n"})
CLAUSE_GAP_RE = re.compile(r"[,:()\[\]–—\"“”„‘'’]|\s-\s")

NL_FUNCTION_WORDS = frozenset(
    """
    de het een en van ik je jij hij zij ze we wij niet is zijn was heeft hebben met
    op voor dat die dit er maar ook als bij naar om te geen wel uit nog wordt werd
    mag moet kan haar hem hun mijn ons onze zich al wat wie waar hoe omdat dan zo
    heel
    """.split()  # noqa: SIM905 - a word list reads best as text
)
EN_FUNCTION_WORDS = frozenset(
    """
    the a an and of i you he she they we not is are was were has have had with on
    for that this there but also as at to no yes from still be been being her him
    his their my our what who where how because then so very does did do can must
    your ur it if
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Words that start a new clause: a negation before them does not reach past them.
CONJUNCTIONS = frozenset(
    "en maar want omdat of dus terwijl hoewel and but because or so while although".split()  # noqa: SIM905
    # Polish and Romanian (issue 17); not "i", which is also English.
    + "ale bo lub albo ponieważ więc dar sau iar însă insa și si".split()  # noqa: SIM905
)
NEGATIONS = frozenset(
    """
    geen niet nooit zonder niets niks niemand nergens no not never nothing nobody none
    without nor neither
    nie nigdy bez nic nikt niciodată niciodata fără fara nimic nimeni
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# --- Polish, Romanian and other scripts (issue 17) ---------------------------------
# Function words that are not Dutch or English words as well ("i", "a", "to", "do",
# "de", "in", "are" are left out), and letters only these languages use.
PL_FUNCTION_WORDS = frozenset(
    """
    się nie jest że na w z ze co jak ale od po przez dla bo już tylko ten ta też jego
    jej ich mnie mi ma są był była było byli jestem mam nas oni ona oraz czy gdy kiedy
    który która które tam tu jeszcze bardzo może musi można nic nikt nigdy bez mój moja
    sobie mu go pan pani nam im jak aby żeby tego tej nasze nasz nasza nasi za przy
    pod przed wszystko
    """.split()  # noqa: SIM905 - a word list reads best as text
)
RO_FUNCTION_WORDS = frozenset(
    """
    și si să sa nu că ca cu pe la în din un o una este sunt fost am au ei el ea lui
    lor mai care ce foarte pentru ne mă îmi își dar sau nici fără fara după dupa până
    pana când cand unde cum acest această aceasta acolo aici nimic nimeni niciodată
    niciodata ni le îl noastre nostru noastră noastra meu mea mei tău tau sunt
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Dutch or English function words that are as common in Polish or Romanian: they
# count for neither side when telling those apart.
SHARED_WORDS = frozenset("a de i o to do in are je te na no".split())  # noqa: SIM905
PL_LETTERS = frozenset("ąęłńśźżć")
RO_LETTERS = frozenset("ăâîșțşţ")
UK_LETTERS = frozenset("іїєґ")
# Negations of one language only: "nu" is Dutch for "now", so it negates only in a
# Romanian sentence (suggest.py marks it there).
LANGUAGE_NEGATIONS = {
    "pl": frozenset({"nie", "nigdy", "bez", "nic", "nikt"}),
    "ro": frozenset({"nu", "niciodată", "niciodata", "fără", "fara", "nimic", "nimeni"}),
}
# Languages with patterns of their own, and those only told apart to say "cannot read".
PATTERN_LANGUAGES = ("nl", "en", "pl", "ro")
UNREAD_LANGUAGES = ("bg", "uk", "ar")


def _script(word: str) -> str | None:
    """ "cyrillic" or "arabic" when the word is written in that script."""
    first = word[0]
    if "\u0400" <= first <= "\u04ff":
        return "cyrillic"
    if "\u0600" <= first <= "\u06ff" or "\u0750" <= first <= "\u077f":
        return "arabic"
    return None


Tally = tuple[int, int, int, int, int, int, int, int]
NO_TALLY: Tally = (0, 0, 0, 0, 0, 0, 0, 0)


def _tally(text: str) -> Tally:
    """What one word tells about the language: Polish, Romanian, Dutch-or-English (not a
    shared word), Cyrillic, Arabic, Ukrainian letters, Dutch and English function word,
    found in one pass for both questions (not remembered: a worker must not grow)."""
    lower = text.lower()
    if lower.isascii():
        return ASCII_TALLIES.get(lower, NO_TALLY)
    return _lower_tally(lower)


def _lower_tally(lower: str) -> Tally:
    script = _script(lower)
    if script is not None:
        uk = int(not UK_LETTERS.isdisjoint(lower))
        return (0, 0, 0, int(script == "cyrillic"), int(script == "arabic"), uk, 0, 0)
    pl = (lower in PL_FUNCTION_WORDS) + (not PL_LETTERS.isdisjoint(lower))
    ro = (lower in RO_FUNCTION_WORDS) + (not RO_LETTERS.isdisjoint(lower))
    nl, en = int(lower in NL_FUNCTION_WORDS), int(lower in EN_FUNCTION_WORDS)
    nlen = int(lower not in SHARED_WORDS and bool(nl or en))
    return (pl, ro, nlen, 0, 0, 0, nl, en)


# A word in plain ASCII has no other script and no Polish or Romanian letters: all it can
# tell is which function word it is, so these few are worked out once (every other ASCII
# word tells nothing).
ASCII_TALLIES = {
    word: _lower_tally(word)
    for word in NL_FUNCTION_WORDS | EN_FUNCTION_WORDS | PL_FUNCTION_WORDS | RO_FUNCTION_WORDS
    if word.isascii()
}


def _totals(words: Sequence["Word"]) -> list[int]:
    return _summed([_tally(w.text) for w in words])


def _summed(tallies: Sequence[Tally]) -> list[int]:
    # Summed per column, not by zip(*...): a column tuple per sentence length would stay
    # in the interpreter's free lists (half a megabyte after a few hundred texts).
    return [sum(tally[i] for tally in tallies) for i in range(8)]


def _other_language(totals: list[int]) -> str | None:
    """ "pl", "ro", "bg", "uk" or "ar" when the words these totals count are mostly in
    that language."""
    pl, ro, nlen, cyrillic, arabic, uk = totals[:6]
    latin = pl + ro + nlen
    if cyrillic + arabic > latin:
        if arabic > cyrillic:
            return "ar"
        return "uk" if uk else "bg"
    for lang, count in (("pl", pl), ("ro", ro)):
        if count >= 2 and count >= 0.6 * latin:
            return lang
    return None


# --- end of issue 17 ---------------------------------------------------------------
# Dutch separable-verb particles: "nam hun paspoort af" reads as "afnemen".
PARTICLES = frozenset("af in op mee weg terug uit aan over".split())  # noqa: SIM905


class Word(NamedTuple):
    text: str
    start: int
    end: int
    forms: frozenset[str]
    sentence: int
    clause: int
    negation: bool


class Sentence(NamedTuple):
    first: int
    last: int
    language: str


@lru_cache(maxsize=MEMO_LIMIT)
def lemma(word: str, lang: str) -> str:
    return simplemma.lemmatize(word, lang=lang).lower()


# No word of either language is longer; simplemma needs seconds for some very long
# tokens ("aaaa..." of 5,000 letters), so those keep their own form only.
MAX_LEMMA_LENGTH = 40


# Polish and Romanian words are also read without their diacritics ("zabrał" as
# "zabral", "plătit" as "platit"), as many write them on a phone (issue 17).
FOLD = str.maketrans("ąęłńśźżćóăâîșşțţ", "aelnszzcoaaisstt")


@lru_cache(maxsize=MEMO_LIMIT)
def forms_of(word: str) -> frozenset[str]:
    lower = word.lower().replace("’", "'")
    if len(lower) > MAX_LEMMA_LENGTH:
        return frozenset((lower,))
    folded = lower.translate(FOLD)
    return frozenset((lower, folded, lemma(lower, "nl"), lemma(lower, "en")))


def _join_particles(words: list[Word]) -> list[Word]:
    """Give a verb the form of its separable verb when the particle ends the clause, or
    stands before "te" and the verb ("zich uit te kleden" reads "uitkleden")."""
    joined = list(words)
    for i, word in enumerate(words):
        lower = word.text.lower()
        if lower not in PARTICLES:
            continue
        if (
            i + 2 < len(words)
            and words[i + 1].text.lower() == "te"
            and words[i + 2].clause == word.clause
        ):
            # After "te" the verb is an infinitive as written ("kleden", not "kleed").
            verb = words[i + 2]
            infinitive = verb.text.lower()
            if infinitive.endswith("en") and len(infinitive) > 3:
                joined[i + 2] = verb._replace(forms=verb.forms | {lower + infinitive})
            continue
        ends_clause = i + 1 == len(words) or words[i + 1].clause != word.clause
        if not ends_clause:
            continue
        for j in range(i - 1, -1, -1):
            verb = words[j]
            if verb.clause != word.clause:
                break
            nl = lemma(verb.text.lower(), "nl")
            if nl.endswith("en") and nl != verb.text.lower() and len(nl) > 3:
                joined[j] = verb._replace(forms=verb.forms | {lower + nl})
                break
    return joined


def tokenize(text: str) -> list[Word]:
    """Words with spans, forms, sentence and clause numbers and whether it negates."""
    words: list[Word] = []
    sentence = clause = 0
    at = 0
    for match in WORD_RE.finditer(text):
        written, start = match.group(), match.start()
        gap = text[at:start]
        lower = written.lower()
        if lower in ELIDED and gap.endswith(("'", "’")):
            gap = gap[:-1]
        if gap == " " or not words:
            clause += lower in CONJUNCTIONS and bool(words)
        elif SENTENCE_GAP_RE.search(gap):
            sentence += 1
            clause += 1
        elif CLAUSE_GAP_RE.search(gap) or lower in CONJUNCTIONS:
            clause += 1
        at = match.end()
        negation = lower in NEGATIONS or lower.endswith(("n't", "n’t"))
        words.append(Word(written, start, at, forms_of(written), sentence, clause, negation))
    return _join_particles(words)


def language_of(words: Sequence[Word], fallback: str = "mixed") -> str:
    """ "nl", "en" or "mixed", from the share of Dutch and English function words;
    "pl", "ro", "bg", "uk" or "ar" when the words are mostly in that language.

    With hardly any function words the answer is ``fallback``, or "mixed" when those few
    are all of the other language.
    """
    return _language(_totals(words), fallback)


NL_EN = frozenset({"nl", "en"})


def _language(totals: list[int], fallback: str) -> str:
    other = _other_language(totals)
    if other is not None:
        return other
    nl, en = totals[6], totals[7]
    total = nl + en
    if total == 0 and fallback in NL_EN:
        # Not one function word ("22:51 112 gebeld, politie onderweg" in an English
        # text): read in both (since 2026.12.12).
        return "mixed"
    if total < 3:
        # A short sentence whose few function words are all of the other language ("112
        # gebeld om 23:14" in an English chat) is read in both (since 2026.12.6).
        other_side = {"nl": en, "en": nl}.get(fallback, 0)
        same_side = {"nl": nl, "en": en}.get(fallback, 0)
        return "mixed" if other_side and not same_side else fallback
    if nl / total >= 0.8:
        return "nl"
    if en / total >= 0.8:
        return "en"
    return "mixed"


def languages(words: list[Word]) -> tuple[str, list[Sentence]]:
    """The language of the whole text (as ``language_of``) and each sentence's word range
    and language (a short one takes the text's), every word looked at once."""
    # Running sums per column, from a row of zeros (``sums[k][i]``: column k over the
    # first i words), so a sentence's totals take two look-ups per column, not a sum over
    # its words.
    sums = [
        list(accumulate(column))
        for column in zip(NO_TALLY, *(_tally(w.text) for w in words), strict=True)
    ]
    text_language = _language([column[-1] for column in sums], "mixed")
    found: list[Sentence] = []
    start = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or words[i].sentence != words[start].sentence:
            totals = [column[i] - column[start] for column in sums]
            found.append(Sentence(start, i - 1, _language(totals, text_language)))
            start = i
    return text_language, found

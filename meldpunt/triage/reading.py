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
"""

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import simplemma

# Words seen are remembered (lemmas) to keep a call fast; bounded, in process memory only.
MEMO_LIMIT = 65536

WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
SENTENCE_GAP_RE = re.compile(r"[.!?;]\s|\n|:\s*[\"“”„‘'’]")
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
    """.split()  # noqa: SIM905 - a word list reads best as text
)
# Words that start a new clause: a negation before them does not reach past them.
CONJUNCTIONS = frozenset(
    "en maar want omdat of dus terwijl hoewel and but because or so while although".split()  # noqa: SIM905
)
NEGATIONS = frozenset(
    """
    geen niet nooit zonder niets niks niemand nergens no not never nothing nobody none
    without nor neither
    """.split()  # noqa: SIM905 - a word list reads best as text
)
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


@lru_cache(maxsize=MEMO_LIMIT)
def forms_of(word: str) -> frozenset[str]:
    lower = word.lower().replace("’", "'")
    if len(lower) > MAX_LEMMA_LENGTH:
        return frozenset((lower,))
    return frozenset((lower, lemma(lower, "nl"), lemma(lower, "en")))


def _is_negation(lower: str) -> bool:
    return lower in NEGATIONS or lower.endswith(("n't", "n’t"))


def _join_particles(words: list[Word]) -> list[Word]:
    """Give a verb the form of its separable verb when the particle ends the clause, or
    stands before "te" and the verb ("zich uit te kleden" reads "uitkleden")."""
    joined = list(words)
    for i, word in enumerate(words):
        lower = word.text.lower()
        if (
            lower in PARTICLES
            and i + 2 < len(words)
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
        if lower not in PARTICLES or not ends_clause:
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
        gap = text[at : match.start()]
        lower = match.group().lower()
        if lower in ELIDED and gap.endswith(("'", "’")):
            gap = gap[:-1]
        if gap == " " or not words:
            clause += lower in CONJUNCTIONS and bool(words)
        elif SENTENCE_GAP_RE.search(gap):
            sentence += 1
            clause += 1
        elif CLAUSE_GAP_RE.search(gap) or lower in CONJUNCTIONS:
            clause += 1
        words.append(
            Word(
                match.group(),
                match.start(),
                match.end(),
                forms_of(match.group()),
                sentence,
                clause,
                _is_negation(lower),
            )
        )
        at = match.end()
    return _join_particles(words)


def language_of(words: Sequence[Word], fallback: str = "mixed") -> str:
    """ "nl", "en" or "mixed", from the share of Dutch and English function words.

    With hardly any function words the answer is ``fallback``.
    """
    nl = en = 0
    for word in words:
        lower = word.text.lower()
        nl += lower in NL_FUNCTION_WORDS
        en += lower in EN_FUNCTION_WORDS
    total = nl + en
    if total < 3:
        return fallback
    if nl / total >= 0.8:
        return "nl"
    if en / total >= 0.8:
        return "en"
    return "mixed"


def sentences(words: list[Word], text_language: str) -> list[Sentence]:
    """Each sentence's word range and language; a short one takes the text's language."""
    found: list[Sentence] = []
    start = 0
    for i in range(1, len(words) + 1):
        if i == len(words) or words[i].sentence != words[start].sentence:
            part = words[start:i]
            found.append(Sentence(start, i - 1, language_of(part, fallback=text_language)))
            start = i
    return found

"""The rules' evidence, the form model's reasons and the indicator models' reasons are the
same in every worker process: none follows the order of a set of strings, which changes
with the hash seed. One script in one process per seed reads all three (a process start
with the lemmatiser's data costs seconds; three tests cost three times as many)."""

from tests.triage.found import printed_under_hash_seeds

SCRIPT = """
from meldpunt.triage.form_model import features, form_model
from meldpunt.triage.indicator_model import indicator_model
from meldpunt.triage.reading import tokenize
from meldpunt.triage.suggest import suggest

# Of two patterns of one indicator that both match, the same one gives the evidence: the
# candidates of a word come in a fixed order (by indicator and pattern).
rules = "Ze heeft foto's in ondergoed gestuurd."
print([sorted(m.spans) for m in suggest(rules).indicators])

# A word's form is chosen by length and then alphabet, never by the order of a set.
text = "Ze moesten hun paspoorten afgeven en werkten zestig uur in de kassen."
r = form_model().read(text, tokenize(text))
print(r.ranked(), [[w.feature for w in r.reasons(c)] for c in r.probabilities])

text = "Ze moesten hun paspoorten afgeven en kregen twee maanden geen loon."
found = features(text, tokenize(text))
m = indicator_model()
print(m.chances(found), [[w.feature for w in m.reasons(i, found)] for i in m.indicators])
"""


def test_the_rules_and_both_models_read_the_same_in_every_process() -> None:
    printed = printed_under_hash_seeds(SCRIPT)
    assert len(printed) == 1
    assert len(next(iter(printed)).splitlines()) == 3

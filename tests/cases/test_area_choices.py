"""Area, where a case plays, lists the region's municipalities and then elsewhere and unknown."""

from meldpunt.accounts.models import Municipality
from meldpunt.cases.models import Area


def test_area_lists_every_municipality_then_elsewhere_and_unknown() -> None:
    """Each municipality of accounts.Municipality is an Area with the same name, code and label."""
    municipalities = [(place.name, place.value, place.label) for place in Municipality]
    areas = [(area.name, area.value, area.label) for area in Area]
    assert areas[:-2] == municipalities
    assert [area.value for area in Area][-2:] == ["elsewhere", "unknown"]

"""{% indicator_checklist %}: the indicator checklist for the phone intake and chat forms."""

from django.template import Context, Template

from meldpunt.triage.taxonomy import taxonomy


def test_indicator_checklist_tag_renders_every_indicator_as_a_checkbox() -> None:
    """The checklist for intake and chat: one checkbox per indicator, chosen ones ticked."""
    html = Template("{% load triage %}{% indicator_checklist selected %}").render(
        Context({"selected": ["lab.sector"]})
    )
    assert html.count('type="checkbox" name="indicators"') == len(taxonomy().indicators)
    assert 'value="lab.sector" id="indicators-lab.sector" checked' in html

from typing import Any

from django import template

from meldpunt.accounts.menu import menu_for

register = template.Library()


@register.inclusion_tag("staff/_menu.html", takes_context=True)
def staff_menu(context: template.Context) -> dict[str, Any]:
    """The staff menu of the logged-in user (see ``meldpunt.accounts.menu``)."""
    return {"links": menu_for(context["user"])}

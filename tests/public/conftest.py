"""The chat's frozen clock and opening hours, for the chat status the public pages give."""

from tests.chat.conftest import freeze, office_hours

__all__ = ["freeze", "office_hours"]

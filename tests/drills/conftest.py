from tests.chat.conftest import freeze, office_hours, on_duty, open_now  # noqa: F401 (fixtures)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TallyConfig(AppConfig):
    name = "meldpunt.tally"
    verbose_name = _("Tellingen")

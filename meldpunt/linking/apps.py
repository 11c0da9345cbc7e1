from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkingConfig(AppConfig):
    name = "meldpunt.linking"
    verbose_name = _("Koppelingen tussen zaken")

    def ready(self) -> None:
        from meldpunt.cases.search.index import register_entity_finder
        from meldpunt.cases.services import ContactIndex, register_contact_index
        from meldpunt.linking.extract import extract
        from meldpunt.linking.services import index_contact, index_new_contact

        register_contact_index(ContactIndex(add_new=index_new_contact, rebuild=index_contact))
        # Search recognises entities with the same normaliser as the blind index.
        register_entity_finder(extract)

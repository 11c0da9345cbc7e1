"""The blind index of entities: keyed hashes of phone numbers, plates, addresses and more.

Only the keyed hash (``meldpunt.lib.crypto.blind_index``) of a normalised value is
stored, never the value; the plaintext stays in the contact's encrypted content. Equal
values in two cases give equal digests, which is how cases are linked.

Channel and contact date are copied from the contact (plain statistics columns), so the
related-cases lookup and the signals view need no join to contacts.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meldpunt.cases.models import Case, Channel, Contact


class EntityKind(models.TextChoices):
    PHONE = "phone", _("telefoonnummer")
    PLATE = "plate", _("kenteken")
    ADDRESS = "address", _("postcode en huisnummer")
    EMAIL = "email", _("e-mailadres")
    IBAN = "iban", _("bankrekening (IBAN)")
    KVK = "kvk", _("KvK-nummer")
    DOMAIN = "domain", _("website of domein")
    HANDLE = "handle", _("account op sociale media")


class EntityHash(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entity_hashes")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="entity_hashes")
    kind = models.CharField(_("soort"), max_length=8, choices=EntityKind)
    digest = models.CharField(max_length=40)
    channel = models.CharField(_("kanaal"), max_length=12, choices=Channel)
    seen_at = models.DateTimeField(_("datum contact"))
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("gehashte gegevens")
        verbose_name_plural = _("gehashte gegevens")
        indexes = [
            models.Index(fields=["digest", "case"], name="linking_digest_case"),
            models.Index(fields=["kind", "digest"], name="linking_kind_digest"),
            models.Index(fields=["-seen_at", "-id"], name="linking_seen_at"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["contact", "kind", "digest"], name="unique_contact_entity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.digest[:8]}"

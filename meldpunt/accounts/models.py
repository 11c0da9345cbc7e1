"""Staff accounts. Reporters never have an account."""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADVISOR = "advisor", _("adviseur")
    COORDINATOR = "coordinator", _("coördinator")
    ANALYST = "analyst", _("analist")
    MUNICIPALITY = "municipality", _("gemeente (alleen cijfers)")
    ADMINISTRATOR = "administrator", _("beheerder")


class Municipality(models.TextChoices):
    """The municipalities served, by CBS code. Another region replaces this list."""

    ALMERE = "GM0034", "Almere"
    DRONTEN = "GM0303", "Dronten"
    LELYSTAD = "GM0995", "Lelystad"
    NOORDOOSTPOLDER = "GM0171", "Noordoostpolder"
    URK = "GM0184", "Urk"
    ZEEWOLDE = "GM0050", "Zeewolde"


class User(AbstractUser):
    role = models.CharField(_("rol"), max_length=16, choices=Role, default=Role.ADVISOR)
    municipality = models.CharField(
        _("gemeente"),
        max_length=6,
        choices=Municipality,
        blank=True,
        help_text=_("Alleen voor de rol gemeente: de cijfers van welke gemeente."),
    )
    # Lockouts after wrong passwords live in the cache, per account and client, under this
    # generation: an unlock raises it, and every client's lockout of the account is gone.
    login_generation = models.PositiveIntegerField(default=0, editable=False)

    if TYPE_CHECKING:
        # Set on each request's user by django-otp's middleware (and by accounts.selectors).
        def is_verified(self) -> bool: ...

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == Role.MUNICIPALITY and not self.municipality:
            raise ValidationError({"municipality": _("Kies de gemeente voor deze medewerker.")})
        if self.role != Role.MUNICIPALITY and self.municipality:
            raise ValidationError(
                {"municipality": _("Alleen de rol gemeente hoort bij een gemeente.")}
            )

    @property
    def handles_cases(self) -> bool:
        """Advisors and coordinators work with case content; other roles never see it."""
        return self.role in {Role.ADVISOR, Role.COORDINATOR}

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

"""Opening hours of the chat: a weekly schedule plus dated exceptions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class WeeklyOpening(models.Model):
    """One period the chat is open on a day of the week (Europe/Amsterdam time)."""

    weekday = models.PositiveSmallIntegerField(_("dag"), choices=Weekday)
    opens = models.TimeField(_("open vanaf"))
    closes = models.TimeField(_("dicht om"))

    class Meta:
        ordering = ["weekday", "opens"]
        verbose_name = _("vaste openingstijd")
        verbose_name_plural = _("vaste openingstijden")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self) -> None:
        if self.opens >= self.closes:
            raise ValidationError(_("De sluitingstijd moet na de openingstijd liggen."))


class OpeningException(models.Model):
    """A date on which the weekly schedule does not apply.

    Closed: the chat is closed the whole day. Open: the chat is open at the
    given times instead of the weekly schedule, also on a public holiday.
    """

    class Kind(models.TextChoices):
        CLOSED = "closed", _("extra gesloten")
        OPEN = "open", _("extra of andere openingstijd")

    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=8, choices=Kind, default=Kind.CLOSED)
    opens = models.TimeField(_("open vanaf"), null=True, blank=True)
    closes = models.TimeField(_("dicht om"), null=True, blank=True)
    reason = models.CharField(_("reden"), max_length=120, blank=True)

    class Meta:
        ordering = ["date", "opens"]
        verbose_name = _("uitzondering op openingstijden")
        verbose_name_plural = _("uitzonderingen op openingstijden")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    def clean(self) -> None:
        if self.kind == self.Kind.OPEN:
            if self.opens is None or self.closes is None:
                raise ValidationError(_("Vul bij een extra openingstijd de tijden in."))
            if self.opens >= self.closes:
                raise ValidationError(_("De sluitingstijd moet na de openingstijd liggen."))
        elif self.opens is not None or self.closes is not None:
            raise ValidationError(_("Een gesloten dag heeft geen tijden."))

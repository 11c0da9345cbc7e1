"""Model fields whose content is encrypted at rest (see meldpunt.lib.crypto).

They are transparent to services: assign and read plain Python values. They cannot be
filtered or ordered on in SQL; search goes through the blind index instead.
"""

import json
from typing import Any, TypeVar

from django.db import models
from django.db.models.expressions import Combinable

from meldpunt.lib import crypto

# The Python types of one JSON field's value as set and as read, given where it is declared.
_ST = TypeVar("_ST")
_GT = TypeVar("_GT")


class EncryptedMixin:
    """Shared encrypt-on-save and decrypt-on-load for text-backed encrypted fields."""

    model: type[models.Model]
    name: str

    @property
    def purpose(self) -> str:
        return f"{self.model._meta.label}.{self.name}"

    def get_internal_type(self) -> str:
        return "TextField"

    def to_plain(self, value: Any) -> str:
        raise NotImplementedError

    def from_plain(self, text: str) -> Any:
        raise NotImplementedError

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is None or value == "":
            return self.empty_value()
        return self.from_plain(crypto.decrypt_text(value, purpose=self.purpose))

    def get_prep_value(self, value: Any) -> str | None:
        if value is None:
            return None
        return crypto.encrypt_text(self.to_plain(value), purpose=self.purpose)

    def empty_value(self) -> Any:
        return ""

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in {"isnull"}:
            return None
        return super().get_lookup(lookup_name)  # type: ignore[misc]  # the next class is a Field


class EncryptedTextField(EncryptedMixin, models.TextField[str | Combinable, str]):
    """Free text or an identifying value, stored encrypted."""

    def to_plain(self, value: Any) -> str:
        return str(value)

    def from_plain(self, text: str) -> str:
        return text

    def to_python(self, value: Any) -> str:
        return "" if value is None else str(value)


class EncryptedJSONField(EncryptedMixin, models.TextField[_ST, _GT]):
    """A JSON value (dict or list), stored encrypted as one ciphertext.

    Declared with its value's type, as set and as read (django-stubs' ``Field[set, get]``):
    ``EncryptedJSONField[dict[str, str], dict[str, str]](...)``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_plain(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def from_plain(self, text: str) -> Any:
        return json.loads(text)

    def empty_value(self) -> Any:
        return {}

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            return json.loads(value) if value else {}
        return value

    def value_to_string(self, obj: models.Model) -> str:
        return self.to_plain(self.value_from_object(obj))


class EncryptedCharField(EncryptedMixin, models.CharField[str | int | Combinable, str]):
    """A short secret in another app's ``CharField`` column, stored encrypted.

    Put in place of that field's class at start-up (see ``meldpunt.accounts.apps``): the
    other app's code and migrations still see a ``CharField``, its values are plaintext in
    Python and ciphertext in the database. The column must be wide enough for the
    ciphertext (``m1:<key id>:`` and base64 of nonce, text and tag).
    """

    def get_internal_type(self) -> str:
        return "CharField"

    def to_plain(self, value: Any) -> str:
        return str(value)

    def from_plain(self, text: str) -> str:
        return text

    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs

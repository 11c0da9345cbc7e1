"""Session engine (``SESSION_ENGINE = "meldpunt.lib.sessions"``): Django's database
sessions, stored under a keyed hash of the session key with the data encrypted.

The session key stays what the cookie carries; every read, write and delete looks the row
up by ``session_key_hash(key)``, a keyed hash under the key ring's index key. The data is
signed by ``SessionBase.encode`` as usual and then encrypted with the key ring, so
``rotate_keys`` re-encrypts it like every other encrypted column. Expired rows go with
``manage.py clearsessions``.
"""

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from asgiref.sync import sync_to_async
from django.contrib.sessions.backends.base import CreateError, SessionBase, UpdateError
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, IntegrityError, router, transaction
from django.utils import timezone

from meldpunt.lib import crypto

if TYPE_CHECKING:
    from meldpunt.lib.models import StoredSession


def session_key_hash(session_key: str) -> str:
    """The stored form of a session key: a keyed hash, useless as a cookie."""
    return crypto.keyed_digest("session-key", session_key.encode()).hex()


class SessionStore(SessionBase):
    """Django's database session store (every sync and async method), hashed and encrypted."""

    if TYPE_CHECKING:
        # SessionBase's private helpers used below, which django-stubs leaves out.
        def _get_new_session_key(self) -> str: ...
        async def _aget_new_session_key(self) -> str: ...
        def _get_or_create_session_key(self) -> str: ...
        async def _aget_or_create_session_key(self) -> str: ...
        def _get_session(self, no_load: bool = False) -> dict[str, Any]: ...
        async def _aget_session(self, no_load: bool = False) -> dict[str, Any]: ...

    @classmethod
    def get_model_class(cls) -> type["StoredSession"]:
        # Imported late: the engine module is loaded before the app registry is ready.
        from meldpunt.lib.models import StoredSession

        return StoredSession

    @property
    def model(self) -> type["StoredSession"]:
        return self.get_model_class()

    def _lookup(self, session_key: str) -> dict[str, Any]:
        return {"key_hash": session_key_hash(session_key), "expire_date__gt": timezone.now()}

    def _not_found(self, exc: Exception) -> None:
        if isinstance(exc, SuspiciousOperation):
            logging.getLogger(f"django.security.{exc.__class__.__name__}").warning(str(exc))
        self._session_key = None

    def load(self) -> dict[str, Any]:
        if self.session_key is None:
            return {}
        try:
            stored = self.model.objects.get(**self._lookup(self.session_key))
        except (self.model.DoesNotExist, SuspiciousOperation) as exc:
            self._not_found(exc)
            return {}
        return self.decode(stored.session_data)

    async def aload(self) -> dict[str, Any]:
        if self.session_key is None:
            return {}
        try:
            stored = await self.model.objects.aget(**self._lookup(self.session_key))
        except (self.model.DoesNotExist, SuspiciousOperation) as exc:
            self._not_found(exc)
            return {}
        return self.decode(stored.session_data)

    def exists(self, session_key: str) -> bool:
        return self.model.objects.filter(key_hash=session_key_hash(session_key)).exists()

    async def aexists(self, session_key: str) -> bool:
        return await self.model.objects.filter(key_hash=session_key_hash(session_key)).aexists()

    def create(self) -> None:
        while True:
            self._session_key = self._get_new_session_key()
            try:
                # Saved at once, so the new key is known to be unique.
                self.save(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return

    async def acreate(self) -> None:
        while True:
            self._session_key = await self._aget_new_session_key()
            try:
                await self.asave(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return

    def _row(
        self, session_key: str, data: dict[str, Any], expire_date: datetime
    ) -> "StoredSession":
        return self.model(
            key_hash=session_key_hash(session_key),
            session_data=self.encode(data),
            expire_date=expire_date,
        )

    def _write(self, row: "StoredSession", *, must_create: bool) -> None:
        using = router.db_for_write(self.model, instance=row)
        try:
            # An update must find its row: a session deleted meanwhile is not brought back.
            with transaction.atomic(using=using):
                row.save(force_insert=must_create, force_update=not must_create, using=using)
        except IntegrityError:
            if must_create:
                raise CreateError from None
            raise
        except DatabaseError:
            if not must_create:
                raise UpdateError from None
            raise

    def save(self, must_create: bool = False) -> None:
        if self.session_key is None:
            return self.create()
        data = self._get_session(no_load=must_create)
        row = self._row(self._get_or_create_session_key(), data, self.get_expiry_date())
        self._write(row, must_create=must_create)
        return None

    async def asave(self, must_create: bool = False) -> None:
        if self.session_key is None:
            return await self.acreate()
        data = await self._aget_session(no_load=must_create)
        row = self._row(
            await self._aget_or_create_session_key(), data, await self.aget_expiry_date()
        )
        await sync_to_async(self._write)(row, must_create=must_create)
        return None

    def delete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is None:
            return
        self.model.objects.filter(key_hash=session_key_hash(session_key)).delete()

    async def adelete(self, session_key: str | None = None) -> None:
        session_key = session_key or self.session_key
        if session_key is None:
            return
        await self.model.objects.filter(key_hash=session_key_hash(session_key)).adelete()

    @classmethod
    def clear_expired(cls) -> None:
        expired_sessions_delete()

    @classmethod
    async def aclear_expired(cls) -> None:
        await cls.get_model_class().objects.filter(expire_date__lt=timezone.now()).adelete()


def expired_sessions_delete() -> int:
    """Delete the sessions past their expiry (``manage.py clearsessions``); how many went."""
    model = SessionStore.get_model_class()
    deleted, _per_model = model.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted

"""Writes for the chat. Each write is committed before anyone hears of it."""

import secrets
from contextlib import suppress
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.case_months import case_months_kept
from meldpunt.cases.contact_days import contact_days_recount, local_day
from meldpunt.cases.intake.services import contact_record, urgency_raise, victim_add
from meldpunt.cases.models import Case, Channel, Contact
from meldpunt.cases.search.index import case_reindex
from meldpunt.cases.services import case_create, case_set_kind, contact_add
from meldpunt.chat import events, limits
from meldpunt.chat.auth import SESSION_TOKEN_KEY
from meldpunt.chat.models import (
    ChatAgent,
    ChatMessage,
    ChatSender,
    ChatSession,
    ChatState,
    EndedBy,
)
from meldpunt.chat.selectors import (
    access_chat_for_token,
    advisor_present,
    present_agents,
    present_since,
    token_hash,
    waiting_chats,
)
from meldpunt.lib import clock
from meldpunt.lib.access import AccessDenied
from meldpunt.linking.services import index_contact
from meldpunt.reports.services import MailboxExists, mailbox_open_for_contact
from meldpunt.tally.services import chat_wait_record

MAX_MESSAGE_CHARS = 2000
MAX_NICKNAME_CHARS = 40
MAX_NOTE_CHARS = 1000


class ChatError(Exception):
    """An action that cannot be done now; the message is safe to show to the person."""


def serialize_message(message: ChatMessage) -> dict[str, Any]:
    return {
        "seq": message.seq,
        "sender": message.sender,
        "body": message.body,
        "at": message.created_at.isoformat(),
        "author": message.author.first_name or message.author.get_username()
        if message.author is not None
        else "",
    }


def _publish_message(chat: ChatSession, message: ChatMessage) -> None:
    events.publish(
        chat.group_name,
        {"type": "chat.message", "chat": chat.public_id.hex, "message": serialize_message(message)},
    )


def _publish_state(chat: ChatSession) -> None:
    events.publish(
        chat.group_name,
        {"type": "chat.state", "chat": chat.public_id.hex, "status": chat.status},
    )


def _queue_changed() -> None:
    events.publish(events.STAFF_GROUP, {"type": "queue.changed"})
    _waiting_changed()


def _waiting_changed() -> None:
    """Waiting reporters look again at their place and whether an advisor is there."""
    events.publish(events.WAITING_GROUP, {"type": "queue.changed"})


def chat_start(
    *, nickname: str = "", language: str = "", client: str = ""
) -> tuple[ChatSession, str]:
    """Put a new chat in the queue; returns it and the reporter's secret resume token.

    ``client`` (a rate-limit key) may have only a few chats waiting at once, so one
    visitor cannot fill the queue that others wait in.
    """
    if client and limits.waiting_for(client) >= limits.waiting_per_client():
        raise ChatError(
            _("U wacht al in de rij met een andere chat. Ga verder in dat venster, of bel ons.")
        )
    token = secrets.token_urlsafe(32)
    chat = ChatSession.objects.create(
        token_hash=token_hash(token),
        nickname=nickname.strip()[:MAX_NICKNAME_CHARS],
        language=language,
        created_at=clock.now(),
    )
    if client:
        limits.remember_waiting(client, chat)
    _queue_changed()
    return chat, token


def _next_seq(chat: ChatSession, *, allow_ended: bool) -> int | None:
    """Take the chat's next message number in one statement; None if the chat has ended.

    The UPDATE locks the row until commit, so two messages never share a number.
    """
    table = connection.ops.quote_name(ChatSession._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_seq = last_seq + 1 "  # noqa: S608 (our own table name)
            "WHERE id = %s AND (status <> %s OR %s) RETURNING last_seq",
            [chat.pk, ChatState.ENDED, allow_ended],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def message_store(
    *,
    chat: ChatSession,
    sender: str,
    body: str,
    author: User | None = None,
    client_ref: str = "",
) -> ChatMessage:
    """Number and store a message, then announce it. A resent message is stored once."""
    try:
        # Number and message are committed together or not at all.
        with transaction.atomic():
            seq = _next_seq(chat, allow_ended=sender == ChatSender.SYSTEM)
            if seq is None:
                raise ChatError(_("Deze chat is beëindigd."))
            message = ChatMessage.objects.create(
                session=chat,
                seq=seq,
                sender=sender,
                author=author,
                client_ref=client_ref,
                created_at=clock.now(),
                body=body,
            )
            _publish_message(chat, message)
    except IntegrityError:
        # A resent message (same ref): the one stored first stands, under its number.
        return ChatMessage.objects.get(session=chat, sender=sender, client_ref=client_ref)
    chat.last_seq = seq
    return message


def check_body(body: Any) -> str:
    if not isinstance(body, str) or not body.strip():
        raise ChatError(_("Typ eerst een bericht."))
    if len(body) > MAX_MESSAGE_CHARS:
        raise ChatError(
            _("Uw bericht is te lang. Maak het korter dan %(max)s tekens.")
            % {"max": MAX_MESSAGE_CHARS}
        )
    return body.strip()


def agent_set_available(*, user: User, available: bool, capacity: int | None = None) -> ChatAgent:
    agent, _created = ChatAgent.objects.get_or_create(user=user)
    agent.available = available
    if capacity is not None:
        agent.capacity = capacity
    agent.last_seen_at = clock.now()
    agent.save(update_fields=["available", "capacity", "last_seen_at"])
    _queue_changed()
    return agent


def agent_heartbeat(*, user: User) -> None:
    """The advisor's console is open. If nobody was there before, waiting reporters hear
    that an advisor is back."""
    now = clock.now()
    # Already present: nothing changes for anyone else, one UPDATE is all.
    if ChatAgent.objects.filter(user=user, last_seen_at__gte=present_since(now)).update(
        last_seen_at=now
    ):
        return
    anyone_before = advisor_present(now=now)
    agent, _created = ChatAgent.objects.update_or_create(user=user, defaults={"last_seen_at": now})
    if agent.available and not anyone_before:
        _waiting_changed()


def agent_console_closed(*, user: User) -> None:
    """A console of the advisor closed: they no longer count as present.

    Any other console of theirs (a second tab, or the page that replaced this one) is
    asked to report at once, so only the last one to close makes the advisor absent. If
    that leaves no advisor at all, waiting reporters are told.
    """
    now = clock.now()
    was_present = ChatAgent.objects.filter(
        user=user, available=True, last_seen_at__gte=present_since(now)
    ).update(last_seen_at=None)
    if not was_present:
        return
    events.publish(events.agent_group(user.pk), {"type": "agent.presence"})
    if not advisor_present(now=now):
        _waiting_changed()


def agent_logged_out(*, user: User) -> None:
    """Logging out ends the advisor's chat work: away, and every open console closes."""
    ChatAgent.objects.filter(user=user).update(available=False, last_seen_at=None)
    events.publish(events.agent_group(user.pk), {"type": "agent.logout"})
    _queue_changed()


def _has_room(user: User) -> bool:
    return any(
        agent.active < agent.capacity for agent in present_agents(now=clock.now(), user=user)
    )


def chat_accept_next(*, user: User) -> ChatSession | None:
    """Give the longest-waiting chat to ``user``, if they have room; None if nobody waits."""
    if not user.handles_cases:
        raise ChatError(_("Alleen adviseurs en coördinatoren voeren chats."))
    if not _has_room(user):
        raise ChatError(_("U voert al zoveel chats als u aankunt, of u staat op afwezig."))
    # Lock the oldest waiting chat so two advisors never take the same one.
    with transaction.atomic():
        chat = waiting_chats().select_for_update(skip_locked=True).first()
        if chat is None:
            return None
        chat.status = ChatState.ACTIVE
        chat.agent = user
        chat.accepted_at = clock.now()
        chat.save(update_fields=["status", "agent", "accepted_at"])
        chat_wait_record(started_at=chat.created_at, left_queue_at=chat.accepted_at, answered=True)
        events.publish(
            events.agent_group(user.pk), {"type": "agent.assigned", "chat": chat.public_id.hex}
        )
        message_store(chat=chat, sender=ChatSender.SYSTEM, body="joined", author=user)
        _publish_state(chat)
        _queue_changed()
    return chat


def chat_transfer(*, chat: ChatSession, by: User, to: User, note: str) -> ChatSession:
    """Hand an active chat to a colleague who is available and has room, with a note."""
    if chat.status != ChatState.ACTIVE or chat.agent_id != by.pk:
        raise ChatError(_("U kunt alleen uw eigen lopende chat overdragen."))
    if to.pk == by.pk or not to.handles_cases or not _has_room(to):
        raise ChatError(_("Deze collega is niet beschikbaar of heeft geen ruimte."))
    if len(note) > MAX_NOTE_CHARS:
        raise ChatError(_("De notitie is te lang."))
    # Owner, note and announcement change together or not at all.
    with transaction.atomic():
        chat.agent = to
        chat.save(update_fields=["agent"])
        if note.strip():
            message_store(chat=chat, sender=ChatSender.NOTE, body=note.strip(), author=by)
        message_store(chat=chat, sender=ChatSender.SYSTEM, body="transferred", author=to)
        events.publish(
            events.agent_group(by.pk), {"type": "agent.released", "chat": chat.public_id.hex}
        )
        events.publish(
            events.agent_group(to.pk), {"type": "agent.assigned", "chat": chat.public_id.hex}
        )
    return chat


def chat_end(*, chat: ChatSession, ended_by: str, by: User | None = None) -> ChatSession:
    """End a chat (once). Its messages stay, encrypted, for the advisor's case record."""
    # Status and the closing message are written together so a chat never ends half.
    with transaction.atomic():
        locked = ChatSession.objects.select_for_update().get(pk=chat.pk)
        if locked.status == ChatState.ENDED:
            return locked
        was_waiting = locked.status == ChatState.WAITING
        message_store(chat=locked, sender=ChatSender.SYSTEM, body=f"ended_{ended_by}", author=by)
        locked.status = ChatState.ENDED
        locked.ended_at = clock.now()
        locked.ended_by = ended_by
        locked.save(update_fields=["status", "ended_at", "ended_by"])
        if was_waiting:
            # Left the queue unanswered: the person ended it or went away first.
            chat_wait_record(
                started_at=locked.created_at, left_queue_at=locked.ended_at, answered=False
            )
        _publish_state(locked)
        if locked.agent_id:
            events.publish(
                events.agent_group(locked.agent_id),
                {"type": "agent.ended", "chat": locked.public_id.hex},
            )
        if was_waiting:
            _queue_changed()
    return locked


def chat_end_for_reporter(*, token: str | None) -> None:
    """The reporter left (end button, quick exit, an idle session): their chat ends."""
    with suppress(AccessDenied):
        chat_end(chat=access_chat_for_token(token), ended_by=EndedBy.REPORTER)


def end_session_chat(session: SessionBase) -> None:
    """The chat ends with the reporter's session (registered in ChatConfig.ready)."""
    chat_end_for_reporter(token=session.get(SESSION_TOKEN_KEY))


def _publish_presence(chat: ChatSession, *, left: bool) -> None:
    """The advisor hears at once that the reporter's page went away or came back; any
    page of the reporter that is still connected answers a "left" by coming back."""
    events.publish(
        chat.group_name,
        {"type": "chat.presence", "chat": chat.public_id.hex, "left": left},
    )


def reporter_left(*, chat: ChatSession) -> None:
    """The reporter's page lost its connection (tab closed, reload, network gone): the
    chat waits ``limits.resume_seconds()`` for them, then ``chats_expire`` ends it."""
    if (
        ChatSession.objects.filter(pk=chat.pk)
        .exclude(status=ChatState.ENDED)
        .update(reporter_left_at=clock.now())
    ):
        _publish_presence(chat, left=True)


def reporter_back(*, chat: ChatSession) -> None:
    if ChatSession.objects.filter(pk=chat.pk, reporter_left_at__isnull=False).update(
        reporter_left_at=None
    ):
        _publish_presence(chat, left=False)


def chats_expire() -> int:
    """End chats whose reporter has been gone longer than the resume window, as any end:
    the transcript stays and both sides are told. Every open advisor console runs this
    every few seconds (consumers.AdvisorConsumer.watch), the command ``chat_expire`` too."""
    limit = clock.now() - timedelta(seconds=limits.resume_seconds())
    stale = ChatSession.objects.exclude(status=ChatState.ENDED).filter(reporter_left_at__lt=limit)
    count = 0
    for chat in stale:
        chat_end(chat=chat, ended_by=EndedBy.TIMEOUT)
        count += 1
    return count


def chat_to_contact(
    *,
    chat: ChatSession,
    by: User,
    case: Case | None,
    contact: dict[str, Any],
    new_case: dict[str, Any],
    minor: bool | None = None,
) -> Contact:
    """Record the chat as a contact on ``case`` (or a new case); the transcript goes with it.

    ``contact`` and ``new_case`` are as the phone intake records them (``contact_record``);
    ``minor`` says whether a minor is involved (None: not known). ``case`` comes from
    ``access_case``, so access to an existing case is checked and audited by the caller.
    The transcript is the chat's own stored, encrypted messages.
    """
    if chat.contact_id is not None:
        return _complete_reporter_record(
            chat=chat, by=by, case=case, fields=contact, new_case=new_case, minor=minor
        )
    ended = chat.ended_at
    # Case, contact and the link to the chat are one record: all or nothing.
    with transaction.atomic():
        saved_case, saved = contact_record(
            by=by,
            channel=Channel.CHAT,
            contact={
                **contact,
                "started_at": chat.created_at,
                "duration_seconds": (
                    int((ended - chat.created_at).total_seconds()) if ended else None
                ),
                "anonymous": True,
                "language": chat.language or settings.LANGUAGE_CODE,
            },
            case=case,
            new_case=new_case,
            victim=None if minor is None else {"is_minor": minor},
        )
        chat.contact = saved
        chat.save(update_fields=["contact"])
        audit_record(
            actor=by, action="chat.attach", case=saved_case, obj=saved, detail={"chat": chat.pk}
        )
    return saved


def _complete_reporter_record(
    *,
    chat: ChatSession,
    by: User,
    case: Case | None,
    fields: dict[str, Any],
    new_case: dict[str, Any],
    minor: bool | None,
) -> Contact:
    """The advisor fills in a chat contact that was made when the reporter asked for a code.

    That contact already belongs to a case (the reporter's mailbox hangs on it), so the
    advisor completes it there; recording it on another case is refused.
    """
    contact = chat.contact
    if contact is None or contact.staff_id is not None or contact.case is None:
        raise ChatError(_("Deze chat is al vastgelegd bij een zaak."))
    own_case = contact.case
    if case is not None and case.pk != own_case.pk:
        raise ChatError(
            _(
                "De melder heeft voor deze chat een ontvangstcode gekregen. Leg de chat vast "
                "bij zaak %(number)s; daar staat ook de postbus."
            )
            % {"number": own_case.number}
        )
    # The contact, its case and the statistics' counts change together, with the audit entries.
    with transaction.atomic():
        day_before = local_day(contact.started_at)
        if own_case.kind != new_case["kind"]:
            reason = _("gekozen bij het vastleggen van de chat")
            case_set_kind(case=own_case, by=by, kind=new_case["kind"], reason=reason)
        for name, value in fields.items():
            setattr(contact, name, {**contact.details, **value} if name == "details" else value)
        contact.staff = by
        if chat.ended_at:
            contact.duration_seconds = int((chat.ended_at - chat.created_at).total_seconds())
        contact.save()
        own_case.municipality = new_case["municipality"]
        own_case.exploitation = new_case["exploitation"]
        own_case.updated_at = clock.now()
        with case_months_kept(own_case.pk):
            own_case.save(update_fields=["municipality", "exploitation", "updated_at"])
        urgency_raise(case=own_case, urgency=new_case["urgency"], by=by)
        if minor is not None:
            victim_add(case=own_case, contact=contact, by=by, victim={"is_minor": minor})
        case_reindex(case=own_case)
        index_contact(contact=contact)
        # After the case's row, as every writer of a case: the count takes the audit head.
        contact_days_recount(days=[day_before, local_day(contact.started_at)])
        audit_record(
            actor=by, action="chat.attach", case=own_case, obj=contact, detail={"chat": chat.pk}
        )
    return contact


def chat_receipt_code(*, chat: ChatSession) -> str:
    """The reporter wants to go on in the anonymous mailbox: give a receipt code, once.

    A mailbox belongs to a case, so a chat not yet recorded by its advisor is recorded now
    as an anonymous chat contact on a new case; the advisor completes it later.
    """
    # Recording the chat and opening the mailbox happen together or not at all.
    with transaction.atomic():
        locked = ChatSession.objects.select_for_update().get(pk=chat.pk)
        if locked.contact is None:
            case = case_create(by=None)
            locked.contact = contact_add(
                case=case,
                by=None,
                channel=Channel.CHAT,
                started_at=locked.created_at,
                language=locked.language or settings.LANGUAGE_CODE,
            )
            locked.save(update_fields=["contact"])
        try:
            _mailbox, code = mailbox_open_for_contact(contact=locked.contact)
        except MailboxExists:
            raise ChatError(
                _("U heeft voor deze chat al een ontvangstcode gekregen. Gebruik die code.")
            ) from None
    return code

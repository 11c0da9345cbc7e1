"""A person's access and erasure requests (AVG art. 15 and 17): which cases hold them.

Found through the existing blind indexes only: the case search's word and entity tokens
(``cases.search``) and linking's entity hashes. Nothing is decrypted to search; only the
cases found are read, and each of those reads is audited.
"""

from dataclasses import dataclass, field
from typing import cast

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from meldpunt.accounts.models import User
from meldpunt.audit.services import audit_record
from meldpunt.cases.models import Case, Contact, Location, Note, Person
from meldpunt.cases.search.selectors import CaseQuery, case_search
from meldpunt.chat.models import ChatMessage
from meldpunt.lib.access import AccessDenied
from meldpunt.lib.crypto import blind_indexes
from meldpunt.linking.extract import extract
from meldpunt.linking.models import EntityHash
from meldpunt.privacy.models import LegalHold, PurgedCase
from meldpunt.referrals.models import Referral
from meldpunt.reports.models import MailboxMessage

MAX_CASES = 50
TERMS = ("name", "phone", "email", "address")


@dataclass(frozen=True)
class Subject:
    """What the person gave to be found by; empty strings for what they did not."""

    name: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""

    def given(self) -> list[str]:
        return [term for term in TERMS if getattr(self, term).strip()]


@dataclass
class SubjectCase:
    """One case that mentions the person, with everything recorded in it."""

    case: Case
    held: bool
    contacts: list[Contact] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    mailbox_messages: list[MailboxMessage] = field(default_factory=list)
    chat_messages: list[ChatMessage] = field(default_factory=list)


def _entity_case_ids(text: str) -> Q:
    """Cases whose contacts hold one of the entities in ``text`` (linking's blind index)."""
    entities = [*extract(text.upper()), *extract(text)]
    digests = [(e.kind, digest) for e in entities for digest in blind_indexes(e.kind, e.value)]
    if not digests:
        return Q(pk__in=[])
    match = Q()
    for kind, digest in set(digests):
        match |= Q(kind=kind, digest=digest)
    return Q(pk__in=EntityHash.objects.filter(match).values("case_id"))


def subject_case_ids(subject: Subject) -> list[int]:
    """The cases holding any of what the person gave: each given value is searched on its
    own (every word of it in the case), newest first, at most MAX_CASES."""
    match = Q(pk__in=[])
    for term in subject.given():
        text = getattr(subject, term).strip()
        match |= Q(pk__in=case_search(CaseQuery(text=text)).values("pk"))
        match |= _entity_case_ids(text)
    purged = PurgedCase.objects.values("case_id")
    cases = Case.objects.filter(match).exclude(pk__in=purged).order_by("-created_at", "-pk")
    return list(cases.values_list("pk", flat=True)[:MAX_CASES])


def _require_coordinator(user: User) -> None:
    if not (user.is_active and user.is_coordinator):
        raise PermissionDenied


def access_subject_cases(user: User, subject: Subject, *, audit: str) -> list[SubjectCase]:
    """The cases that mention the person, with their content, for a coordinator.

    One ``privacy.search`` entry names which kinds of data were given (never the values)
    and how many cases were found; each case read gets its own ``audit`` entry.
    """
    _require_coordinator(user)
    ids = subject_case_ids(subject)
    audit_record(
        actor=user, action="privacy.search", detail={"filters": subject.given(), "count": len(ids)}
    )
    return _read_cases(user, ids, audit=audit)


def access_subject_case(user: User, case_id: int, subject: Subject) -> Case:
    """One case of the person's, for erasure: AccessDenied unless the search finds it."""
    _require_coordinator(user)
    if case_id not in subject_case_ids(subject):
        raise AccessDenied
    return Case.objects.only("id", "number").get(pk=case_id)


def _read_cases(user: User, ids: list[int], *, audit: str) -> list[SubjectCase]:
    cases = Case.objects.filter(pk__in=ids).order_by("-created_at", "-pk")
    held = set(
        LegalHold.objects.filter(case_id__in=ids, released_at__isnull=True).values_list(
            "case_id", flat=True
        )
    )
    found = {case.pk: SubjectCase(case=case, held=case.pk in held) for case in cases}
    # Filtered on their case, so neither a contact nor a chat's contact is one without a case.
    for contact in Contact.objects.filter(case_id__in=ids).order_by("started_at"):
        found[cast(int, contact.case_id)].contacts.append(contact)
    for person in Person.objects.filter(case_id__in=ids).order_by("pk"):
        found[person.case_id].persons.append(person)
    for location in Location.objects.filter(case_id__in=ids).order_by("pk"):
        found[location.case_id].locations.append(location)
    for note in Note.objects.filter(case_id__in=ids).order_by("created_at"):
        found[note.case_id].notes.append(note)
    for referral in Referral.objects.filter(case_id__in=ids).select_related("partner"):
        found[referral.case_id].referrals.append(referral)
    messages = MailboxMessage.objects.filter(mailbox__case_id__in=ids).select_related("mailbox")
    for message in messages.order_by("created_at", "pk"):
        found[message.mailbox.case_id].mailbox_messages.append(message)
    chats = ChatMessage.objects.filter(session__contact__case_id__in=ids)
    for chat in chats.select_related("session__contact").order_by("session", "seq"):
        if chat.session.contact is not None:
            found[cast(int, chat.session.contact.case_id)].chat_messages.append(chat)
    for item in found.values():
        audit_record(actor=user, action=audit, case=item.case, obj=item.case)
    return list(found.values())

"""The one contract for reaching a sensitive object (docs/SECURITY.md, "Reaching a
sensitive object").

Each kind of sensitive object has one ``access_<object>(...)`` function in its app's
selectors, as Zulip's ``access_stream_by_id``:

- Staff side: it takes the user (the User model) and a keyword ``audit``, the audit
  action to write when the object's content is shown, or None when a service writes the
  entry for the change that follows.
- Reporter side (``..._for_token``, ``..._for_receipt``, ``..._for_session``): it takes
  what the anonymous reporter holds, a resume token, a receipt code or the mailbox opened
  in their session, and never writes an audit entry: nothing may track the reporter.
- Refused (a role without access, someone else's object, a wrong code) and not found are
  the same answer: ``AccessDenied``, a 404, so a page or a guess never learns whether
  the object exists. Pages that a role may not open at all still answer 403 from
  ``staff_required`` before any object is looked at.

Views, consumers and template tags reach these objects through nothing else; a test
(tests/lib/test_access_contract.py) reads every view and consumer to check it.
"""

from django.http import Http404


class AccessDenied(Http404):
    """Refused or not found, which the caller cannot tell apart; views answer 404, the
    chat consumers close with their refusal code."""

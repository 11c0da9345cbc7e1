"""A stored file handed back to its reader: decrypted, always as a download, never sniffed."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from meldpunt.lib.crypto import decrypt_bytes
from meldpunt.reports.models import Attachment
from meldpunt.reports.services import ATTACHMENT_PURPOSE


def attachment_response(attachment: Attachment) -> HttpResponse:
    """The file as ``Content-Disposition: attachment``; the view adds no-store caching."""
    data = decrypt_bytes(bytes(attachment.data), purpose=ATTACHMENT_PURPOSE)
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = content_disposition_header(True, attachment.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response

"""A web report made through the services, for the staff-side tests."""

from meldpunt.cases.models import Case
from meldpunt.reports.models import Mailbox, ReportDraft
from meldpunt.reports.services import draft_change_files, draft_start, report_submit
from meldpunt.reports.uploads import CleanFile
from tests.reports.conftest import ANSWERS, pdf_bytes


def make_report(with_file: bool = True) -> tuple[Case, Mailbox, str]:
    draft: ReportDraft = draft_start()
    if with_file:
        draft_change_files(
            draft=draft,
            files=[
                CleanFile(name="loonstrook.pdf", content_type="application/pdf", data=pdf_bytes())
            ],
        )
    answers = {key: value for step in ANSWERS.values() for key, value in step.items()}
    submitted = report_submit(draft=draft, answers=answers)
    return submitted.case, submitted.mailbox, submitted.code

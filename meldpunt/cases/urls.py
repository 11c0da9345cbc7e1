"""Staff URLs of the cases app (under /medewerkers/zaken/)."""

from django.urls import path

from meldpunt.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("team/", views.workload, name="workload"),
    path("audit/", views.audit, name="audit"),
    path("<int:case_id>/", views.detail, name="detail"),
    path("<int:case_id>/zelf-oppakken/", views.assign_me, name="assign_me"),
    path("<int:case_id>/toewijzen/", views.assign, name="assign"),
    path("<int:case_id>/beoordelen/", views.start_assessment, name="start_assessment"),
    path("<int:case_id>/conclusie/", views.record_assessment, name="record_assessment"),
    path("<int:case_id>/in-behandeling/", views.progress, name="progress"),
    path("<int:case_id>/soort/", views.set_kind, name="set_kind"),
    path("<int:case_id>/sluiten/", views.close, name="close"),
    path("<int:case_id>/sluiten/goedkeuren/", views.close_approve, name="close_approve"),
    path("<int:case_id>/sluiten/afwijzen/", views.close_refuse, name="close_refuse"),
    path("<int:case_id>/heropenen/", views.reopen, name="reopen"),
    path("<int:case_id>/gelezen/", views.mark_seen, name="mark_seen"),
    path("<int:case_id>/notities/", views.note_add, name="note_add"),
    path("<int:case_id>/taken/", views.task_add, name="task_add"),
    path("<int:case_id>/taken/<int:task_id>/gedaan/", views.task_done, name="task_done"),
]

"""Staff URLs of the statistics (under /medewerkers/cijfers/)."""

from django.urls import path

from meldpunt.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("definities/", views.definitions, name="definitions"),
    path("export.csv", views.export, {"fmt": "csv"}, name="export_csv"),
    path("export.xlsx", views.export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("kwartaal/", views.quarter, name="quarter"),
    path("kwartaal.pdf", views.quarter, {"fmt": "pdf"}, name="quarter_pdf"),
]

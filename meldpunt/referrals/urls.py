"""Staff URLs of the referrals app (under /medewerkers/partners/)."""

from django.urls import path

from meldpunt.referrals import views

app_name = "referrals"

urlpatterns = [
    path("", views.partner_list, name="partners"),
    path("zaak/<int:case_id>/doorverwijzen/", views.referral_new, name="new"),
    path("doorverwijzing/<int:referral_id>/", views.referral_detail, name="detail"),
    path("doorverwijzing/<int:referral_id>/status/", views.referral_status, name="status"),
    path(
        "doorverwijzing/<int:referral_id>/terugkoppeling/",
        views.referral_feedback,
        name="feedback",
    ),
    path("doorverwijzing/<int:referral_id>/samenvatting/", views.referral_print, name="print"),
    path("doorverwijzing/<int:referral_id>/samenvatting.pdf", views.referral_pdf, name="pdf"),
    path("slachtoffer/<int:person_id>/registratie/", views.registration_edit, name="registration"),
    path("registratie/export/", views.registration_download, name="export"),
]

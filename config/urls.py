from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from meldpunt.public import errors
from meldpunt.public import views as public_views
from meldpunt.referrals.admin import partner_admin_site
from meldpunt.tally import views as tally_views

handler400 = errors.bad_request
handler403 = errors.permission_denied
handler404 = errors.page_not_found
handler500 = errors.server_error

urlpatterns = [
    path("healthz", public_views.healthz, name="healthz"),
    path("readyz", public_views.readyz, name="readyz"),
    path("metrics", public_views.metrics_view, name="metrics"),
    path("snel-weg/", public_views.quick_exit, name="quick_exit"),
    # A campaign's short link (QR code): counted per day, then the home page.
    path("c/<str:code>/", tally_views.campaign_visit, name="campaign_visit"),
    path("status/chat.json", public_views.chat_status_json, name="chat_status_json"),
    path("status/chat.svg", public_views.chat_status_svg, name="chat_status_svg"),
    path("beheer/", admin.site.urls),
    path("beheer-partners/", partner_admin_site.urls),
    path("medewerkers/", include("meldpunt.accounts.urls")),
    path("medewerkers/zaken/", include("meldpunt.cases.urls")),
    path("medewerkers/telefoon/", include("meldpunt.cases.intake.urls")),
    path("medewerkers/telefoon/zoeken/", include("meldpunt.cases.search.urls")),
    path("medewerkers/meldingen/", include("meldpunt.reports.urls")),
    path("medewerkers/chat/", include("meldpunt.chat.urls")),
    path("medewerkers/signalen/", include("meldpunt.linking.urls")),
    path("medewerkers/triage/", include("meldpunt.triage.urls")),
    path("medewerkers/partners/", include("meldpunt.referrals.urls")),
    path("medewerkers/cijfers/", include("meldpunt.stats.urls")),
    path("medewerkers/privacy/", include("meldpunt.privacy.urls")),
]
urlpatterns += i18n_patterns(
    path("melden/", include("meldpunt.reports.public_urls")),
    path("chat/", include("meldpunt.chat.public_urls")),
    path("cijfers/", include("meldpunt.stats.public_urls")),
    path("", include("meldpunt.public.urls")),
    prefix_default_language=False,
)

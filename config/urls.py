from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from meldpunt.public import views as public_views

urlpatterns = [
    path("healthz", public_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("meldpunt.public.urls")),
    prefix_default_language=False,
)

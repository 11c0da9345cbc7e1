from collections.abc import Callable

from django.http import HttpResponse
from django.urls import path
from django.views.generic import TemplateView

from meldpunt.public import views

app_name = "public"


def page(template: str) -> Callable[..., HttpResponse]:
    return TemplateView.as_view(template_name=f"public/{template}.html")


urlpatterns = [
    path("", views.home, name="home"),
    path("wat-is-mensenhandel/", page("what_is"), name="what_is"),
    path("voor-professionals/", page("professionals"), name="professionals"),
    path("anoniem-melden/", page("anonymous"), name="anonymous"),
    path("geen-sporen/", page("no_trace"), name="no_trace"),
    path("privacy/", page("privacy"), name="privacy"),
    path("toegankelijkheid/", page("accessibility"), name="accessibility"),
]

"""The site's URLs plus the benchmark's baseline: a minimal view that does one insert."""

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def baseline(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_baseline (at) VALUES (now())")
    return HttpResponse("ok")


urlpatterns = [path("bench/baseline/", baseline), *site_urlpatterns]

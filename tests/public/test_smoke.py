"""The site answers at all: home page in both languages and the health check."""

import pytest
from django.test import Client


@pytest.mark.django_db
def test_home_page_answers_in_dutch_and_english(client: Client) -> None:
    assert client.get("/").status_code == 200
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"


@pytest.mark.django_db
def test_healthz_is_ok_when_database_and_layer_work(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}

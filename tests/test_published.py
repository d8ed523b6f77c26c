"""Publication dates given as metadata or in bylines: ISO directly, other forms by dateparser."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest

import ami_facts.published as published_module
from ami_facts.boilerplate import find_boilerplate
from ami_facts.published import DateNotRead, parse_published, read_date

APRIL_15 = date(2021, 4, 15)


@pytest.mark.parametrize(
    "text",
    [
        # ISO, read without dateparser
        "2021-04-15",
        "2021-04-15T10:32:00",
        "2021-04-15T10:32:00+02:00",
        "2021-04-15T10:32:00.000Z",
        "2021-04-15 10:32:00 CEST",
        # French
        "15 avril 2021",
        "jeudi 15 avril 2021",
        "15 avr. 2021",
        "15/04/2021",
        "15/04/2021 à 10h32",
        "le 15 avril 2021 à 10h32",
        "15 avril 2021 à 10 h 32",
        "Publié le 15 avril 2021 à 10h32",
        "15.04.2021",
        "15-04-2021 10:32",
        "jeu. 15 avr. 2021 - 10:32",
        "15 avril 2021 10:32 CEST",
        # English
        "Thu, 15 Apr 2021 10:32:00 +0200",
        "Thu, 15 Apr 2021 23:59:00 GMT",
        "April 15, 2021",
        "15 April 2021",
        "Thursday, April 15, 2021 10:32 AM",
        "Apr 15, 2021",
        "2021/04/15",
    ],
)
def test_published_metadata_date_forms_are_read(text: str) -> None:
    assert parse_published(text) == APRIL_15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/05/2021", date(2021, 5, 4)),  # day before month
        ("1er mai 2021", date(2021, 5, 1)),
        ("2021-04-15T23:30:00-05:00", APRIL_15),  # the day written, not converted to UTC
        ("Fri, 16 Apr 2021 01:30:00 +0200", date(2021, 4, 16)),
    ],
)
def test_published_day_comes_before_month_and_the_written_day_is_kept(
    text: str, expected: date
) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hier",
        "il y a 2 jours",
        "la semaine dernière",
        "aujourd'hui",
        "avril 2021",  # no day: never filled in from today
        "15 avril",  # no year
        "2021",
        "2023-13-45",
        "45/13/2023",
        "n'importe quoi",
        "x" * 200,
    ],
)
def test_published_unreadable_or_relative_dates_are_errors_that_say_so(text: str) -> None:
    with pytest.raises(DateNotRead, match="cannot be read as a date"):
        parse_published(text)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), ("", None), (APRIL_15, APRIL_15), (datetime(2021, 4, 15, 10, 32), APRIL_15)],
)
def test_published_empty_and_date_values_pass_through(value: object, expected: date) -> None:
    assert parse_published(value) == expected


def test_published_number_is_an_error_that_names_its_type() -> None:
    with pytest.raises(DateNotRead, match="not int"):
        parse_published(1618475520)


@pytest.mark.parametrize("text", ["2021-04-15", "2021-04-15T10:32:00+02:00", "20210415"])
def test_published_iso_dates_do_not_go_through_dateparser(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_: str) -> date | None:
        raise AssertionError("dateparser called for an ISO date")

    monkeypatch.setattr(published_module, "_dateparser", refuse)
    read_date.cache_clear()
    try:
        assert read_date(text) == APRIL_15
    finally:
        read_date.cache_clear()


def test_published_dateparser_is_imported_only_when_needed() -> None:
    code = (
        "import sys, ami_facts.load, ami_facts.boilerplate, ami_facts.published as p\n"
        "assert p.parse_published('2021-04-15').isoformat() == '2021-04-15'\n"
        "assert 'dateparser' not in sys.modules\n"
        "assert p.parse_published('15 avril 2021').isoformat() == '2021-04-15'\n"
        "assert 'dateparser' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


BODY = "La ville a installé 120 bornes de recharge depuis le début de l'année.\n"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Par Jean Dupont Le 12 novembre 2023 à 10h48", date(2023, 11, 12)),
        ("Par Jean Dupont, le 12/11/2023", date(2023, 11, 12)),
        ("Par Marie Durand Le jeudi 15 avr. 2021 à 10h32", APRIL_15),
        ("By Jane Doe, April 15, 2021", APRIL_15),
        ("Published on Thursday, April 15, 2021", APRIL_15),
        ("Updated April 16, 2021 Published April 15, 2021", APRIL_15),
    ],
)
def test_published_byline_dates_in_french_and_english_forms(byline: str, expected: date) -> None:
    found = find_boilerplate(byline + "\n" + BODY)
    assert found.byline_published == expected
    assert (0, len(byline)) in found.excluded

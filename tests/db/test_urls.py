"""The one parser of database URLs (verify now; import and drift read it too)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schemacog.db.engines import EngineUnavailable, mariadb_dsn, postgres_dsn
from schemacog.db.urls import DatabaseUrl, UrlError, parse_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "postgresql+psycopg://bob:p%40ss@db.example:5433/app?schema=sales&sslmode=require",
            DatabaseUrl(
                "postgres",
                "bob",
                "p@ss",
                "db.example",
                5433,
                "app",
                {"schema": "sales", "sslmode": "require"},
            ),
        ),
        ("postgres://localhost/app", DatabaseUrl("postgres", host="localhost", database="app")),
        (
            "mysql://root@localhost/shop?unix_socket=/run/mysqld/mysqld.sock",
            DatabaseUrl(
                "mariadb",
                "root",
                None,
                "localhost",
                None,
                "shop",
                {"unix_socket": "/run/mysqld/mysqld.sock"},
            ),
        ),
        ("mariadb+pymysql://u:@h:3307/", DatabaseUrl("mariadb", "u", "", "h", 3307)),
        ("sqlite:///relative.db", DatabaseUrl("sqlite", database="relative.db")),
        ("sqlite:////absolute.db", DatabaseUrl("sqlite", database="/absolute.db")),
        ("duckdb:///data/x.duckdb", DatabaseUrl("duckdb", database="data/x.duckdb")),
        ("mysql://[::1]:3306/db", DatabaseUrl("mariadb", host="::1", port=3306, database="db")),
    ],
)
def test_urls_in_sqlalchemys_forms(text: str, expected: DatabaseUrl) -> None:
    found = parse_url(text)
    assert found == DatabaseUrl(**{**expected.__dict__, "text": text})
    assert found.password == expected.password


@pytest.mark.parametrize(
    ("text", "dialect", "said"),
    [
        ("dbname=x", None, "not a database URL: it must start with postgresql://"),
        ("oracle://u:S3cret@h/x", None, "'oracle://' is an unknown URL scheme"),
        ("postgresql://u:S3cret@h/x", "mariadb", "'postgresql://' is not a URL for mariadb"),
        ("mysql://u:S3cret@h:99999/", None, "the URL's port is not a number from 1 to 65535"),
        ("mysql://u:S3cret@h:abc/", None, "the URL's port is not a number from 1 to 65535"),
        (
            "mysql://u:S3cret@h/?socket=/x",
            None,
            "an unknown URL parameter (known here: charset, unix_socket",
        ),
        ("mysql://u:S3cret@h/?charset=a&charset=b", None, "URL parameter 'charset' given twice"),
        ("mysql://u:S3cret@h/#frag", None, "a database URL has no '#' part"),
        ("sqlite://host/x.db", None, "a sqlite URL names a file, not a host"),
        ("mysql://u:S3cret@:3307/", None, "the URL gives a port but no host"),
        ("mysql://u:S3cret@127.0.0.1:0/", None, "the URL's port is not a number from 1"),
        ("mysql://u@db/?unix_socket=/s", None, "gives both a host and ?unix_socket="),
        ("password=S3cret app=ci://x", "postgres", "not a database URL"),
        ("mysql://root:1234?S3cretPw@localhost/db", None, "a '/', '?', '#' or '@' in a password"),
        ("postgresql://u:2024/S3cret@h/db", None, "must be percent-encoded (%2F, %3F, %23, %40)"),
        ("mysql://root:S3cret]Pw@localhost/db", None, "the URL's host part cannot be read"),
        ("postgresql://u:pw@[::1/db", None, "the URL's host part cannot be read"),
        ("postgresql://u@h/db?pass%77ord=S3cret", None, "never percent-encoded"),
        ("postgresql://u@h/db?schema=\udcff&password=S3cret", None, "bytes that are not UTF-8"),
    ],
)
def test_a_url_that_cannot_be_used_says_why_and_never_the_password(
    text: str, dialect: str | None, said: str
) -> None:
    with pytest.raises(UrlError) as caught:
        parse_url(text, dialect)
    assert said in str(caught.value)
    assert "S3cret" not in str(caught.value)


@given(st.text(min_size=1, max_size=30).filter(lambda p: "\x00" not in p))
def test_the_password_is_masked_wherever_a_url_is_shown(password: str) -> None:
    from urllib.parse import quote

    url = parse_url(f"mysql://bob:{quote(password, safe='')}@db:3306/app")
    assert url.password == password
    assert url.shown == "mysql://bob:***@db:3306/app"


def test_libpq_s_ssl_password_is_masked_too() -> None:
    url = parse_url("postgresql://u@h/db?sslpassword=S3cret&schema=s")
    assert url.shown == "postgresql://u@h/db?sslpassword=***&schema=s"
    assert "S3cret" in url.secrets


def test_what_each_driver_is_given() -> None:
    """libpq gets no driver in the scheme and no schema; key=value settings pass as they
    are; PyMySQL gets the URL's socket, database and charset."""
    assert postgres_dsn("postgresql+psycopg://u@h/db?schema=s&sslmode=disable") == (
        "postgresql://u@h/db?sslmode=disable"
    )
    assert postgres_dsn("host=h dbname=db") == "host=h dbname=db"
    assert postgres_dsn("password=S3cret application_name=ci://job") == (
        "password=S3cret application_name=ci://job"  # key=value settings, not a URL
    )
    assert postgres_dsn("postgresql:///postgres") == "postgresql:///postgres"
    assert postgres_dsn("postgres://?host=%2Fvar%2Frun&options=-c%20x%3D1&schema=s") == (
        "postgresql://?host=%2Fvar%2Frun&options=-c%20x%3D1"  # kept as written
    )
    assert postgres_dsn("postgresql://h1:5432,h2:5433/db") == "postgresql://h1:5432,h2:5433/db"
    assert mariadb_dsn("mysql://u:pw@h:3307/db?charset=utf8mb4") == {
        "user": "u",
        "password": "pw",
        "host": "h",
        "port": 3307,
        "database": "db",
        "charset": "utf8mb4",
    }
    assert mariadb_dsn("mysql://u@/db?unix_socket=/s") == {
        "user": "u",
        "database": "db",
        "unix_socket": "/s",
    }
    with pytest.raises(EngineUnavailable, match="the PostgreSQL URL cannot be used"):
        postgres_dsn("mysql://u@h/db")

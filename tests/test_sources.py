"""Reading inputs: every kind of bad input becomes one InputError naming it; good ones are read."""

from __future__ import annotations

import json

import httpx
import pytest
from conftest import DATA, SEEDS
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from summitlog.errors import InputError
from summitlog.reading.sources import count_inputs, decode, read_inputs
from summitlog.records import RawInput
from summitlog.settings import Settings


def read_one(target, settings=Settings(), client=None):
    (item,) = list(read_inputs([str(target)], settings, client))
    return item


def test_folder_reads_every_page_in_order():
    items = list(read_inputs([str(SEEDS)], Settings()))
    assert [i.name for i in items] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(isinstance(i, RawInput) and i.kind == "text" for i in items)
    assert count_inputs([str(SEEDS)]) == 5


def test_html_is_recognised_by_suffix_and_by_content(tmp_path):
    assert read_one(DATA / "html" / "agency-article.html").kind == "html"
    sniffed = tmp_path / "page.txt"
    sniffed.write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    assert read_one(sniffed).kind == "html"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n")
    item = read_one(path)
    assert isinstance(item, InputError) and str(item) == f"{path}: is empty"


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    item = read_one(path)
    assert isinstance(item, InputError) and "binary" in item.problem


def test_non_utf8_text_is_decoded(tmp_path):
    text = "Президент Беларуси Александр Лукашенко встретился с Владимиром Путиным в Кремле. " * 5
    path = tmp_path / "cp1251.txt"
    path.write_bytes(text.encode("cp1251"))
    item = read_one(path)
    assert isinstance(item, RawInput)
    assert item.content == text and item.encoding.replace("_", "") in {"cp1251", "windows1251"}


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    item = read_one(path)
    assert str(item) == f"{path}: is 21.0 MiB, over the 20 MiB limit"


def test_missing_path():
    item = read_one("/no/such/page.txt")
    assert str(item) == "/no/such/page.txt: no such file or folder"


def test_jsonl_pages_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {"url": "https://a.example/1", "title": "T", "published": "2024-05-27", "text": "Putin met Mirziyoyev."},
        {"url": "https://a.example/2", "html": "<html><body><p>Hello there, leaders met.</p></body></html>"},
        "not an object",
        {"url": "https://a.example/3"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n")
    items = list(read_inputs([str(path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawInput", "RawInput", "InputError", "InputError", "InputError"]
    assert items[0].published == "2024-05-27" and items[0].name == "https://a.example/1"
    assert items[1].kind == "html"
    assert str(items[3]) == f"{path}:4: has no 'text' or 'html' field with content"
    assert str(items[4]).startswith(f"{path}:5: is not valid JSON")


@given(st.binary(max_size=2048))
@hsettings(max_examples=300, deadline=None)
def test_random_bytes_are_text_or_a_clear_error(data):
    try:
        text, encoding = decode("blob", data, 1024 * 1024)
    except InputError as exc:
        assert str(exc).startswith("blob: ")
    else:
        assert text.strip() and encoding


def test_url_page_is_fetched(http_base):
    with httpx.Client() as client:
        item = read_one(f"{http_base}/page", client=client)
    assert isinstance(item, RawInput) and item.kind == "html" and item.url.endswith("/page")


@pytest.mark.parametrize(
    "path, problem",
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/image", "is not a page (content-type image/png)"),
        ("/empty", "is empty"),
        ("/slow", "timed out after 0.5 s"),
        ("/big", "is over the 1 MiB limit"),
    ],
)
def test_url_failures(http_base, path, problem):
    settings = Settings(fetch_timeout=0.5, max_bytes=1024 * 1024 if path == "/big" else 20 * 1024 * 1024)
    with httpx.Client() as client:
        item = read_one(f"{http_base}{path}", settings, client)
    assert isinstance(item, InputError)
    assert str(item) == f"{http_base}{path}: {problem}"


def test_unreachable_url():
    with httpx.Client() as client:
        item = read_one("http://127.0.0.1:9/page", client=client)
    assert isinstance(item, InputError) and "could not be fetched" in item.problem

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


PAGE_A = "Two leaders met in a capital city on Tuesday and spoke about trade for an hour.\n"
PAGE_B = "Лидеры двух стран провели переговоры и обсудили торговлю.\n"


def test_a_folders_metadata_list_gives_each_page_its_url_outlet_date_and_language(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE_A, "utf-8")
    (tmp_path / "b.txt").write_text(PAGE_B, "utf-8")
    (tmp_path / "SOURCES.tsv").write_text(
        "file\turl\toutlet\tlanguage\tpublished\tdescription\n"
        "a.txt\thttps://news.example.org/a\tExample News\ten\t12 March 2024\tabout a meeting (9 Mar 2024)\n"
        "b.txt\thttps://example.ru/b\tПример\tru\t\tdescription with a date (1 Jan 2020)\n", "utf-8")
    pages = {p.name: p for p in read_inputs([str(tmp_path)], Settings())}
    assert set(pages) == {"a.txt", "b.txt"}  # the list itself is not a page
    a, b = pages["a.txt"], pages["b.txt"]
    assert (a.url, a.outlet, a.lang, a.published) == ("https://news.example.org/a", "Example News", "en", "2024-03-12")
    assert (b.url, b.lang, b.published) == ("https://example.ru/b", "ru", None)  # a description's date is no page's


def test_a_metadata_list_without_a_file_column_is_one_failed_input(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE_A, "utf-8")
    (tmp_path / "sources.csv").write_text("url,outlet\nhttps://x.example/a,X\n", "utf-8")
    items = list(read_inputs([str(tmp_path)], Settings()))
    failed = [i for i in items if isinstance(i, InputError)]
    assert len(failed) == 1 and "no 'file' column" in str(failed[0]) and "sources.csv" in str(failed[0])
    assert [i.name for i in items if isinstance(i, RawInput)] == ["a.txt"]  # the pages are read all the same


def test_meta_names_a_list_for_files_given_one_by_one(tmp_path):
    page = tmp_path / "a.txt"
    page.write_text(PAGE_A, "utf-8")
    listed = tmp_path / "list.csv"
    listed.write_text("name,url,date\na.txt,https://news.example.org/a,2024-03-12\n", "utf-8")
    (item,) = read_inputs([str(page)], Settings(meta=str(listed)))
    assert (item.url, item.published) == ("https://news.example.org/a", "2024-03-12")


def test_cli_refuses_an_unreadable_metadata_list_before_reading_pages(tmp_path):
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text(PAGE_A, "utf-8")
    run = subprocess.run([sys.executable, "-m", "summitlog", "ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                          "--meta", str(tmp_path / "missing.tsv")], capture_output=True, text=True)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "missing.tsv" in run.stderr
    assert not (tmp_path / "x.db").exists()


@pytest.mark.parametrize("make", ["device", "fifo"])
def test_a_device_or_a_pipe_is_refused_in_one_line_without_reading_it(tmp_path, make):
    import os

    target = "/dev/zero" if make == "device" else str(tmp_path / "pipe")
    if make == "fifo":
        os.mkfifo(target)
    (item,) = read_inputs([target], Settings())
    assert isinstance(item, InputError) and "not a regular file" in str(item)


def test_a_link_out_of_the_folder_is_not_read(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("A private note that was never meant to be ingested at all.\n", "utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, "utf-8")
    (folder / "b.txt").symlink_to(outside)
    items = list(read_inputs([str(folder)], Settings()))
    assert [i.name for i in items if isinstance(i, RawInput)] == ["a.txt"]
    (refused,) = [i for i in items if isinstance(i, InputError)]
    assert "b.txt" in str(refused) and "outside the folder" in str(refused)


def test_a_file_that_reports_no_size_is_read_no_further_than_the_limit():
    from pathlib import Path

    maps = Path("/proc/self/maps")  # says it is empty, holds many lines
    assert maps.stat().st_size == 0
    (item,) = read_inputs([str(maps)], Settings(max_bytes=200))
    assert isinstance(item, InputError) and "limit" in str(item)


def test_one_damaged_byte_in_a_utf8_page_is_replaced_not_the_page_refused():
    data = ("Лидеры двух стран встретились в столице. " * 40).encode() + b"\xff" + " Они говорили час.".encode()
    text, encoding = decode("page.txt", data, max_bytes=1 << 20)
    assert encoding == "utf-8" and text.count("\ufffd") == 1 and text.endswith("Они говорили час.")

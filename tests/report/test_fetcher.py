"""The renderer's only window on the disk: bundled files yes, everything else refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workshop_app.paths import bundled_roots, resource
from workshop_app.report.fetcher import BundledFilesOnly


@pytest.fixture
def fetcher() -> BundledFilesOnly:
    return BundledFilesOnly(bundled_roots())


def test_serves_a_bundled_font(fetcher: BundledFilesOnly) -> None:
    font = resource("fonts/NotoSans-Regular.ttf")
    response = fetcher.fetch(font.as_uri())
    assert response.read() == font.read_bytes()
    assert response.content_type == "font/ttf"
    assert fetcher.refused == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://example.com/style.css",
        "ftp://example.com/file",
        "data:text/plain,hello",
        "file:///etc/passwd",
        "file:///dev/urandom",
        "file://otherhost/share/file.css",
        "file:///proc/self/environ",
    ],
)
def test_refuses_everything_else(fetcher: BundledFilesOnly, url: str) -> None:
    with pytest.raises(ValueError, match="refused by First Workflow"):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_refuses_a_path_that_climbs_out_of_the_bundle(fetcher: BundledFilesOnly) -> None:
    escaping = resource("fonts").as_uri() + "/../../../../../../etc/hostname"
    with pytest.raises(ValueError, match="outside the bundled folders"):
        fetcher.fetch(escaping)


def test_refuses_a_symlink_out_of_the_bundle(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not print", encoding="utf-8")
    root = tmp_path / "bundle"
    root.mkdir()
    (root / "innocent.css").symlink_to(secret)
    fetcher = BundledFilesOnly((root,))
    with pytest.raises(ValueError, match="outside the bundled folders"):
        fetcher.fetch((root / "innocent.css").as_uri())


def test_refuses_a_folder(fetcher: BundledFilesOnly) -> None:
    with pytest.raises(ValueError, match="not a regular file"):
        fetcher.fetch(resource("fonts").as_uri())


def test_roots_are_real_paths(fetcher: BundledFilesOnly) -> None:
    for root in fetcher.roots:
        assert str(root) == os.path.realpath(root)

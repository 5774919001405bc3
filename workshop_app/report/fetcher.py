"""The only way WeasyPrint may read anything: regular files inside our bundled folders.

User text never reaches the renderer as markup, so this is defence in depth: every other URL
(``http:``, ``data:``, ``file:`` outside our folders, a symlink out of them, a device file) is
refused, logged and remembered, and a render that needed a refused URL fails.
"""

from __future__ import annotations

import logging
import mimetypes
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

LOG = logging.getLogger("workshop_app.report.fetcher")

_TYPES = {
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".png": "image/png",
}


class BundledFilesOnly(URLFetcher):
    """Serves regular files under ``roots``; refuses and records everything else.

    Attributes:
        roots: the folders files may come from (resolved).
        refused: every URL refused during this fetcher's renders.
    """

    def __init__(self, roots: tuple[Path, ...]) -> None:
        super().__init__(timeout=1, allowed_protocols=("file",))
        self.roots = tuple(Path(os.path.realpath(root)) for root in roots)
        self.refused: list[str] = []

    def _refuse(self, url: str, why: str) -> ValueError:
        self.refused.append(url)
        LOG.warning("refused %s: %s", url[:200], why)
        return ValueError(f"refused by First Workflow ({why}): {url[:200]}")

    def path_of(self, url: str) -> Path:
        """The bundled file a ``file:`` URL names, or ValueError when it is not one."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file":
            raise self._refuse(url, f"the {parts.scheme or 'relative'} scheme is not allowed")
        if parts.netloc not in ("", "localhost"):
            raise self._refuse(url, "files on other hosts are not allowed")
        real = Path(os.path.realpath(unquote(parts.path)))
        if not any(real.is_relative_to(root) for root in self.roots):
            raise self._refuse(url, "outside the bundled folders")
        if not real.is_file():
            raise self._refuse(url, "not a regular file")
        return real

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.path_of(url)
        mime = _TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
        return URLFetcherResponse(
            path.as_uri(),
            body=path.read_bytes(),
            headers={"Content-Type": mime or "application/octet-stream"},
        )

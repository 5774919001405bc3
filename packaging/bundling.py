"""Build-time rules for the Linux bundle, used by ``first-workflow.spec``.

What the spec cannot say in a line lives here: which native libraries the bundle must carry
(WeasyPrint opens its own by name at run time, so PyInstaller cannot see them), which Qt
plugins and files it leaves out, how it drops the libraries nothing needs any more, and how
the folder becomes ``dist/first-workflow-VERSION-linux-x86_64.tar.gz``.
"""

from __future__ import annotations

import re
import shutil
import stat
import tarfile
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath

from PyInstaller.depend import bindepend

#: Opened by WeasyPrint with cffi's ``dlopen`` by name (``weasyprint/text/ffi.py``), so no
#: import graph leads to them. Each soname with the Debian package that provides it.
WEASYPRINT_LIBRARIES = {
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libpango-1.0.so.0": "libpango-1.0-0",
    "libpangoft2-1.0.so.0": "libpangoft2-1.0-0",
    "libharfbuzz.so.0": "libharfbuzz0b",
    "libharfbuzz-subset.so.0": "libharfbuzz-subset0",
    "libfontconfig.so.1": "libfontconfig1",
}

#: PyInstaller leaves libxcb itself to the system (its rule for graphics drivers), but the
#: xcb libraries Qt's platform plugin needs are built against it, and a desktop that lacks
#: libxcb-cursor0 may well have an older libxcb: ship the set whole.
XCB_LIBRARIES = {"libxcb.so.1": "libxcb1"}

#: The Qt plugins the app uses, under ``PySide6/Qt/plugins``: a window on X11 (or XWayland),
#: the offscreen platform for tests and the smoke test, OpenGL on X11 for Qt's own needs, SVG
#: icons, and compose keys and input methods for typing names with accents. Left out: Wayland
#: (Qt falls back to xcb through XWayland), EGLFS, VNC, the GTK and portal themes (the app
#: draws its own look), printing, TLS and network information (the app never goes online),
#: and every image format but SVG (PNG is built into Qt).
QT_PLUGINS = frozenset(
    {
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
        "xcbglintegrations/libqxcb-egl-integration.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
    }
)
_QT_PLUGINS_DIR = PurePosixPath("PySide6/Qt/plugins")

#: Python modules the bundle leaves out, which the analysis would otherwise follow: Qt modules
#: beyond Core, Gui, Widgets, Pdf and PdfWidgets, and optional parts of our dependencies that
#: each fall back cleanly when absent (each import is guarded by ``except ImportError``):
#: fontTools' lxml parser (the standard library's XML parser serves), Brotli and Zopfli
#: (compressing and reading WOFF fonts: ours are TrueType files), and Pillow's AVIF, WebP and
#: Tk support (the charter draws SVG; no user image ever reaches it). Setuptools and
#: pkg_resources come in only through cffi's compiler support, and multiprocessing only through
#: asyncio's process pool; the app uses neither, and left in, PyInstaller's runtime hooks
#: would import all three at every start.
EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "setuptools",
    "pkg_resources",
    "distutils",
    "multiprocessing",
    "lxml",
    "brotli",
    "_brotli",
    "brotlicffi",
    "zopfli",
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtSql",
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
]

#: Data files the analysis collects that the bundle does not carry: Qt's translations (the
#: app speaks English only) and Pyphen's hyphenation dictionaries other than English (no
#: template asks for ``hyphens: auto``, so WeasyPrint never opens one; Pyphen only lists the
#: folder when it is imported).
_EXCLUDED_DATA = (
    re.compile(r"^PySide6/Qt/translations/"),
    re.compile(r"^pyphen/dictionaries/(?!(README_)?hyph_en_)"),
)


class BundleError(Exception):
    """The bundle cannot be built as it must be; the message says what to do."""


def native_libraries() -> list[tuple[str, str]]:
    """The libraries WeasyPrint opens by name, and libxcb, as the spec's ``binaries``.

    PyInstaller then collects what each of them needs, as it does for extension modules.
    Raises :class:`BundleError` naming the Debian packages when any is not installed.
    """
    found: list[tuple[str, str]] = []
    missing: list[str] = []
    for soname, package in {**WEASYPRINT_LIBRARIES, **XCB_LIBRARIES}.items():
        path = bindepend.resolve_library_path(soname)
        if path is None:
            missing.append(f"{soname} (Debian package {package})")
        else:
            found.append((path, "."))
    if missing:
        raise BundleError(
            "the bundle must carry these libraries, which this machine does not have: "
            + ", ".join(missing)
            + "; run 'make bundle', which installs them"
        )
    return found


def _is_plugin(dest: str) -> bool:
    return PurePosixPath(dest).is_relative_to(_QT_PLUGINS_DIR)


def _kept_plugin(dest: str) -> bool:
    return str(PurePosixPath(dest).relative_to(_QT_PLUGINS_DIR)) in QT_PLUGINS


def prune_binaries(binaries: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Leave out the Qt plugins the app does not use, then every shared library that no
    remaining extension module, plugin or named native library needs (directly or not).

    The analysis collects each plugin with what it links against (the GTK theme alone brings
    GTK's whole stack); dropping the plugin must drop those too.
    """
    kept = [entry for entry in binaries if not _is_plugin(entry[0]) or _kept_plugin(entry[0])]
    named = {PurePosixPath(dest).name for dest in (*WEASYPRINT_LIBRARIES, *XCB_LIBRARIES)}
    roots = [
        entry
        for entry in kept
        if entry[2] == "EXTENSION"
        or _is_plugin(entry[0])
        or PurePosixPath(entry[0]).name in named
        or PurePosixPath(entry[0]).name.startswith("libpython")
    ]
    needed = {PurePosixPath(dest).name for dest, _src, _kind in roots}
    for _dest, src, _kind in roots:
        # ldd lists the whole tree of a binary's dependencies, not only the first level.
        needed.update(PurePosixPath(name).name for name, _path in bindepend.get_imports(src))
    return [entry for entry in kept if entry in roots or PurePosixPath(entry[0]).name in needed]


def prune_datas(
    datas: Iterable[tuple[str, str, str]], binaries: Iterable[tuple[str, str, str]]
) -> list[tuple[str, str, str]]:
    """The data files minus translations and foreign hyphenation dictionaries, and minus the
    symbolic links PyInstaller planned to libraries that :func:`prune_binaries` dropped."""
    kept = {dest for dest, _src, _kind in binaries}
    return [
        (dest, src, kind)
        for dest, src, kind in datas
        if not any(rule.match(dest) for rule in _EXCLUDED_DATA)
        and (kind != "SYMLINK" or src in kept)
    ]


def check_native(binaries: Iterable[tuple[str, str, str]]) -> None:
    """Refuse to build a bundle that would fall back on the system for a named library."""
    present = {PurePosixPath(dest).name for dest, _src, _kind in binaries}
    absent = sorted((set(WEASYPRINT_LIBRARIES) | set(XCB_LIBRARIES)) - present)
    if absent:
        raise BundleError(f"the bundle lost libraries it must carry: {', '.join(absent)}")


def app_version(root: Path) -> str:
    """``__version__`` from ``workshop_app/__init__.py``, read without importing the app."""
    text = (root / "workshop_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise BundleError("workshop_app/__init__.py has no __version__ line")
    return match.group(1)


def bundle_name(version: str) -> str:
    return f"first-workflow-{version}-linux-x86_64"


#: What the tarball carries beside the program, from ``packaging/``, and where.
_DESKTOP_FILES = {
    "install.sh": "install.sh",
    "README.txt": "README.txt",
    "share/first-workflow.desktop": "share/applications/first-workflow.desktop",
    "share/first-workflow-mime.xml": "share/mime/packages/first-workflow.xml",
}
_ICONS = {
    "icons/app-256.png": "share/icons/hicolor/256x256/apps/first-workflow.png",
    "icons/app.svg": "share/icons/hicolor/scalable/apps/first-workflow.svg",
}


def assemble(program: Path, packaging: Path, resources: Path, target: Path) -> Path:
    """Lay out the folder a facilitator unpacks: the program (``workshop-app`` and its
    ``_internal`` folder), ``install.sh``, a README, and the desktop entry, file type and
    icons under ``share/``. Returns ``target``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(program, target, symlinks=True)
    for source, dest in _DESKTOP_FILES.items():
        (target / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(packaging / source, target / dest)
    for source, dest in _ICONS.items():
        (target / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(resources / source, target / dest)
    (target / "install.sh").chmod(0o755)
    return target


def _normalised(member: tarfile.TarInfo) -> tarfile.TarInfo:
    """Owned by nobody in particular, and executable only where it should be."""
    member.uid = member.gid = 0
    member.uname = member.gname = ""
    if member.isfile():
        member.mode = 0o755 if member.mode & stat.S_IXUSR else 0o644
    elif member.isdir():
        member.mode = 0o755
    return member


def make_tarball(folder: Path, tarball: Path) -> Path:
    """``folder`` as a gzip-compressed tarball whose one top folder has the same name.

    Symbolic links stay links (PyInstaller 6 uses them inside ``_internal``)."""
    tarball.parent.mkdir(parents=True, exist_ok=True)
    partial = tarball.with_name(tarball.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=9) as archive:
        archive.add(folder, arcname=folder.name, filter=_normalised)
    partial.replace(tarball)
    return tarball

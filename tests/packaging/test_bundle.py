"""The Linux bundle is self-contained: unpacked from its tarball, it runs with a bare
environment, and every native library it loads (Pango, HarfBuzz and its subsetter,
fontconfig, FreeType, GLib, FriBidi, the xcb libraries) comes from inside it, also where the
system's copies are hidden. Its ``install.sh`` registers the app and the .workshop file type.

Run by ``make bundle-test``, which builds the tarball first and names it in
``FIRST_WORKFLOW_BUNDLE``; without that variable these tests are skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from tests.packaging.library_origins import from_outside, processes_of
from tests.pdf_reading import pdf_file

TARBALL = os.environ.get("FIRST_WORKFLOW_BUNDLE", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not TARBALL, reason="run by 'make bundle-test' (needs the bundle)"),
]

#: Library name prefixes whose files must be loaded from the bundle, and seen loaded there:
#: what WeasyPrint opens and what Qt's xcb platform links.
FOR_PDF = (
    "libpango-1.0.so",
    "libpangoft2-1.0.so",
    "libharfbuzz.so",
    "libharfbuzz-subset.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libglib-2.0.so",
    "libgobject-2.0.so",
    "libfribidi.so",
)
FOR_WINDOW = (
    "libxcb.so",
    "libxcb-cursor.so",
    "libxcb-icccm.so",
    "libxcb-keysyms.so",
    "libxcb-image.so",
    "libxcb-render-util.so",
    "libxcb-shape.so",
    "libxcb-xkb.so",
    "libxcb-randr.so",
    "libxkbcommon-x11.so",
    "libX11.so",
)
QT_PLUGINS = {
    "platforms/libqxcb.so",
    "platforms/libqoffscreen.so",
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "imageformats/libqsvg.so",
    "iconengines/libqsvgicon.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
}


class Bundle:
    """The unpacked bundle, and a way to run its program with a bare environment whose
    loader log is kept.

    Attributes:
        folder: the unpacked top folder.
        program: its ``workshop-app``.
        home: the HOME the program runs with.
        work: where outputs and loader logs go.
    """

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder = folder
        self.program = folder / "workshop-app"
        self.work = work
        self.home = work / "home"
        self.home.mkdir()
        self._runs = 0

    def env(self, **extra: str) -> dict[str, str]:
        """Only what the app needs: a home, a UTF-8 locale, a Qt platform."""
        return {"HOME": str(self.home), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", **extra}

    def run(
        self,
        *args: str | Path,
        env: Mapping[str, str] | None = None,
        prefix: Sequence[str] = (),
    ) -> tuple[subprocess.CompletedProcess[str], Path]:
        """Run the program; the result and the prefix of its loader logs."""
        self._runs += 1
        logs = self.work / f"run{self._runs}" / "ld"
        logs.parent.mkdir()
        loader = {"LD_DEBUG": "libs,files", "LD_DEBUG_OUTPUT": str(logs)}
        result = subprocess.run(
            [*prefix, str(self.program), *map(str, args)],
            env={**(env if env is not None else self.env()), **loader},
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        return result, logs

    def outside(self, logs: Path) -> list[str]:
        """What the runs logged under ``logs`` took from outside the bundle (none, to pass)."""
        processes = processes_of(logs, self.program)
        assert processes, f"no process of {self.program} was logged under {logs}"
        return [line for process in processes for line in from_outside(process, self.folder)]

    def loaded_inside(self, logs: Path) -> set[str]:
        """The names of the libraries the runs took from inside the bundle."""
        return {
            path.name
            for process in processes_of(logs, self.program)
            for path in process.loaded
            if path.is_relative_to(PurePosixPath(self.folder))
        }


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    tarball = Path(TARBALL)
    assert tarball.is_file(), f"{tarball}: no such bundle; run 'make bundle' first"
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as archive:
        archive.extractall(unpacked, filter="tar")
    (folder,) = unpacked.iterdir()
    assert f"{folder.name}.tar.gz" == tarball.name
    return Bundle(folder.resolve(), tmp_path_factory.mktemp("work"))


def _seen(names: set[str], prefixes: tuple[str, ...]) -> list[str]:
    """The prefixes with no loaded library: each must have been loaded at least once."""
    return [prefix for prefix in prefixes if not any(n.startswith(prefix) for n in names)]


def _fonts_of(pdf: Path) -> set[str]:
    """The base names of the fonts the PDF's pages use."""
    fonts = set()
    for page in pdf_file(pdf).pages:
        resources: Any = page["/Resources"].get_object()
        used = resources.get("/Font")
        for font in (used.get_object() if used is not None else {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    return fonts


def test_the_tarball_holds_the_program_and_what_a_desktop_needs(bundle: Bundle) -> None:
    folder = bundle.folder
    assert re.fullmatch(r"first-workflow-\d+\.\d+\.\d+.*-linux-x86_64", folder.name)
    for name in ("workshop-app", "install.sh"):
        assert os.access(folder / name, os.X_OK), name
    for name in (
        "README.txt",
        "share/applications/first-workflow.desktop",
        "share/mime/packages/first-workflow.xml",
        "share/icons/hicolor/256x256/apps/first-workflow.png",
        "share/icons/hicolor/scalable/apps/first-workflow.svg",
    ):
        assert (folder / name).is_file(), name
    internal = folder / "_internal"
    for name in ("libpango-1.0.so.0", "libharfbuzz-subset.so.0", "libxcb-cursor.so.0"):
        assert (internal / name).is_file(), name
    # Qt: the five modules the app imports, the libraries they link, nothing more.
    assert {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")} == {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtPdf",
        "QtPdfWidgets",
    }
    # QtPdf links Network and DBus; Svg draws the icons, XcbQpa is the window on X11.
    qt_libraries = (
        "Core",
        "Gui",
        "Widgets",
        "Pdf",
        "PdfWidgets",
        "Network",
        "DBus",
        "Svg",
        "XcbQpa",
    )
    assert {p.name for p in (internal / "PySide6/Qt/lib").glob("libQt6*")} == {
        f"libQt6{name}.so.6" for name in qt_libraries
    }
    plugins = internal / "PySide6/Qt/plugins"
    assert {str(p.relative_to(plugins)) for p in plugins.rglob("*.so")} == QT_PLUGINS
    assert not (internal / "PySide6/Qt/translations").exists()
    dangling = [str(p) for p in folder.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []
    assert not (internal / "etc/fonts").exists(), "the build machine's fontconfig setup"


def test_fontconfig_names_only_the_bundled_fonts(bundle: Bundle) -> None:
    conf = bundle.folder / "_internal/fontconfig/fonts.conf"
    dirs = re.findall(r"<dir[^>]*>([^<]+)</dir>", conf.read_text(encoding="utf-8"))
    assert dirs == ["../workshop_app/_bundled/resources/fonts"]
    assert "<include" not in conf.read_text(encoding="utf-8")
    fonts = (conf.parent / dirs[0]).resolve()
    assert sorted(p.name for p in fonts.glob("*.ttf")) == [
        "NotoSans-Bold.ttf",
        "NotoSans-BoldItalic.ttf",
        "NotoSans-Italic.ttf",
        "NotoSans-Regular.ttf",
    ]
    assert (fonts / "OFL.txt").is_file()


def test_commands_run_with_a_bare_environment_on_the_bundles_libraries(bundle: Bundle) -> None:
    """--smoke-test, demo, charter, progress, and import of the charter PDF; every library
    each process loaded is the bundle's, glibc's or OpenGL's dispatch."""
    inside: set[str] = set()
    outside: list[str] = []

    def ok(*args: str | Path) -> subprocess.CompletedProcess[str]:
        result, logs = bundle.run(*args)
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
        assert "Fontconfig" not in result.stderr, result.stderr
        outside.extend(bundle.outside(logs))
        inside.update(bundle.loaded_inside(logs))
        return result

    smoke = ok("--smoke-test")
    assert re.search(r"first paint after \d+ ms", smoke.stdout), smoke.stdout
    ok("demo", "demo.workshop")
    ok("charter", "demo.workshop", "-o", "charter.pdf")
    ok("progress", "demo.workshop", "-o", "progress.pdf")
    ok("import", "charter.pdf", "again.workshop")
    ranked = ok("rank", "again.workshop", "--json")
    assert '"candidates"' in ranked.stdout

    assert outside == [], "\n".join(outside)
    assert _seen(inside, FOR_PDF) == []
    for pdf in ("charter.pdf", "progress.pdf"):
        fonts = _fonts_of(bundle.work / pdf)
        assert fonts, pdf
        assert all("Noto-Sans" in font for font in fonts), (pdf, fonts)


def test_the_windows_report_process_and_every_module_work_in_the_bundle(bundle: Bundle) -> None:
    """``--bundle-self-test`` imports every module (the app imports most of them late) and
    makes a charter through ``ReportJob``: a child process started the way the window starts
    it, with the environment the running app has. That child restarts on the bundle's
    libraries too."""
    result, logs = bundle.run("--bundle-self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "charter through the app's report process: " in result.stdout
    processes = processes_of(logs, bundle.program)
    assert len(processes) >= 2, "the report's child process was not logged"
    assert bundle.outside(logs) == []


@pytest.fixture
def display() -> Iterator[str]:
    """A virtual X server for Qt's xcb platform."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: 'make bundle-test' installs it (Debian package xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_window_on_x11_loads_the_bundled_xcb_libraries(bundle: Bundle, display: str) -> None:
    result, logs = bundle.run(
        "--smoke-test", env=bundle.env(QT_QPA_PLATFORM="xcb", DISPLAY=display)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert bundle.outside(logs) == []
    inside = bundle.loaded_inside(logs)
    assert "libqxcb.so" in inside
    assert _seen(inside, FOR_WINDOW) == []


def _sandbox(bundle: Bundle) -> list[str]:
    """A command prefix that runs in a mount namespace where the system's library folder
    lacks every library the bundle carries and every one it must carry (zlib aside:
    PyInstaller's program needs it before it restarts on the bundle's libraries)."""
    unshare, mount = shutil.which("unshare"), shutil.which("mount")
    if unshare is None or mount is None:
        pytest.skip("unshare or mount (util-linux) is missing")
    system = Path("/usr/lib/x86_64-linux-gnu")
    carried = {p.name for p in (bundle.folder / "_internal").rglob("*.so*")} - {"libz.so.1"}
    stems = {name.split(".so")[0] + ".so" for name in carried} | {*FOR_PDF, *FOR_WINDOW}
    sandbox = bundle.work / "sandbox"
    (sandbox / "real").mkdir(parents=True)
    shown = sandbox / "libraries"
    shown.mkdir()
    for entry in system.iterdir():
        if ".so" not in entry.name or not entry.name.startswith(tuple(stems)):
            (shown / entry.name).symlink_to(sandbox / "real" / entry.name)
    # Once the folder is replaced only the shell's builtins and the bundle's program run; the
    # two tests prove the libraries are gone. The program runs as the shell's child, so the
    # loader logs it in a file of its own.
    script = (
        f"{mount} --bind {system} {sandbox / 'real'} && {mount} --bind {shown} {system} "
        "|| exit 97; "
        f"if test -e {system / 'libpango-1.0.so.0'} || test -e /lib/x86_64-linux-gnu/"
        "libharfbuzz.so.0; then echo 'the sandbox still shows the system libraries' >&2; "
        'exit 98; fi; "$@"; exit $?'
    )
    namespace = [unshare, "--user", "--map-root-user", "--mount"]
    probe = subprocess.run(
        [*namespace, "true"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip(f"this machine allows no mount namespace: {probe.stderr.strip()}")
    return [*namespace, "/bin/sh", "-c", script, "sandbox"]


def test_it_runs_where_the_system_lacks_those_libraries(bundle: Bundle) -> None:
    """A machine without Pango, HarfBuzz, fontconfig, GLib, FriBidi, the xcb libraries...:
    the system folder's copies are hidden in a private mount namespace."""
    sandbox = _sandbox(bundle)
    inside: set[str] = set()
    for args in (
        ("--smoke-test",),
        ("demo", "hidden.workshop"),
        ("charter", "hidden.workshop", "-o", "hidden.pdf"),
        ("--bundle-self-test",),
    ):
        result, logs = bundle.run(*args, prefix=sandbox)
        assert result.returncode == 0, f"{args}: {result.stdout}{result.stderr}"
        assert bundle.outside(logs) == []
        inside.update(bundle.loaded_inside(logs))
    assert pdf_file(bundle.work / "hidden.pdf").pages
    # WeasyPrint goes on without HarfBuzz's subsetter (ten times slower): it must be loaded.
    assert _seen(inside, FOR_PDF) == []


def _required_glibc(folder: Path) -> tuple[int, int]:
    """The newest glibc symbol version any binary in the bundle asks for."""
    newest = (2, 0)
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with path.open("rb") as file:
            if file.read(4) != b"\x7fELF":
                continue
        dump = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for major, minor in re.findall(r"\(GLIBC_(\d+)\.(\d+)\)", dump):
            newest = max(newest, (int(major), int(minor)))
    return newest


def test_install_sh_and_the_readme_state_the_glibc_the_bundle_needs(bundle: Bundle) -> None:
    major, minor = _required_glibc(bundle.folder)
    readme = (bundle.folder / "README.txt").read_text(encoding="utf-8")
    assert f"glibc {major}.{minor} or newer" in readme
    install = (bundle.folder / "install.sh").read_text(encoding="utf-8")
    assert f"\nNEEDS_GLIBC={major}.{minor}\n" in install


def _installing(bundle: Bundle, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", os.defpath), "LANG": "C.UTF-8"}
    return subprocess.run(
        [str(bundle.folder / "install.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_install_sh_installs_for_the_user_and_registers_the_file_type(
    bundle: Bundle, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _installing(bundle, home)
    assert result.returncode == 0, result.stdout + result.stderr
    lib = home / ".local/lib/first-workflow"
    data = home / ".local/share"
    assert (home / ".local/bin/workshop-app").resolve() == (lib / "workshop-app").resolve()
    desktop = (data / "applications/first-workflow.desktop").read_text(encoding="utf-8")
    assert f'Exec="{lib}/workshop-app" %f' in desktop
    assert "MimeType=application/x-first-workflow-workshop;" in desktop
    assert (data / "icons/hicolor/256x256/apps/first-workflow.png").is_file()
    assert (
        data / "icons/hicolor/scalable/mimetypes/application-x-first-workflow-workshop.svg"
    ).is_file()
    # update-mime-database (shared-mime-info) compiled the type: by name and by content.
    globs = (data / "mime/globs2").read_text(encoding="utf-8")
    assert "application/x-first-workflow-workshop:*.workshop" in globs
    assert "application/x-first-workflow-workshop" in (data / "mime/magic").read_bytes().decode(
        "latin-1"
    )
    check = subprocess.run(
        ["desktop-file-validate", str(data / "applications/first-workflow.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    version = subprocess.run(
        [str(home / ".local/bin/workshop-app"), "--version"],
        env={"HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert version.returncode == 0 and version.stdout.startswith("workshop-app ")

    again = _installing(bundle, home)
    assert again.returncode == 0, again.stderr
    removed = _installing(bundle, home, "--uninstall")
    assert removed.returncode == 0, removed.stderr
    assert not lib.exists()
    assert not (home / ".local/bin/workshop-app").exists()
    assert not (data / "applications/first-workflow.desktop").exists()
    assert "first-workflow" not in (data / "mime/globs2").read_text(encoding="utf-8")


def test_install_sh_refuses_what_it_cannot_do_with_one_clear_line(
    bundle: Bundle, tmp_path: Path
) -> None:
    wrong = _installing(bundle, tmp_path, "--everywhere")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == (
        "install.sh: unknown option '--everywhere' (use --uninstall, or no option to install)"
    )
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy2(bundle.folder / "install.sh", alone / "install.sh")
    stray = subprocess.run(
        [str(alone / "install.sh")],
        env={"HOME": str(tmp_path), "PATH": os.defpath},
        capture_output=True,
        text=True,
        check=False,
    )
    assert stray.returncode == 1
    assert "run install.sh from the unpacked First Workflow folder" in stray.stderr
    assert not (tmp_path / ".local").exists()

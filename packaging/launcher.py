"""The bundle's program, ``workshop-app``: the same command line as the installed app, plus
``--bundle-self-test`` for support at a client site.

The app makes its PDFs in a child process, ``sys.executable -m workshop_app KIND -``
(``workshop_app/ui/report_job.py``). In the bundle ``sys.executable`` is this program, which
takes no interpreter options, so a leading ``-m workshop_app`` is dropped here.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: Native libraries that must come from inside the bundle (name prefixes); the rest of the
#: system's share is glibc and the graphics driver's OpenGL libraries.
BUNDLED_FAMILIES = (
    "libpango",
    "libharfbuzz",
    "libfontconfig",
    "libfreetype",
    "libglib",
    "libgobject",
    "libgio",
    "libfribidi",
    "libxcb",
    "libxkbcommon",
    "libX11",
)


def _mapped_libraries() -> set[Path]:
    """Every shared library mapped into this process, from ``/proc/self/maps``."""
    found = set()
    with Path("/proc/self/maps").open(encoding="utf-8") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and ".so" in fields[5]:
                found.add(Path(fields[5].strip()))
    return found


def bundle_self_test() -> int:
    """Import every module of the app, make the demo's charter the way the app's window does
    (a child process through ``ReportJob``), and say which libraries this process loaded from
    outside the bundle. Exit status 1 when anything fails or a library of
    :data:`BUNDLED_FAMILIES` came from the system."""
    import importlib
    import json
    import pkgutil

    import workshop_app
    from workshop_app.libraries import demo_document
    from workshop_app.report.making import ReportKind
    from workshop_app.ui.report_job import ReportJob

    modules = [
        info.name
        for info in pkgutil.walk_packages(workshop_app.__path__, "workshop_app.")
        if not info.name.endswith("__main__")
    ]
    for name in modules:
        importlib.import_module(name)

    results: list[tuple[str, object]] = []
    job = ReportJob(1, json.dumps(demo_document()), "a4", ReportKind.CHARTER)
    job.signals.finished.connect(lambda _n, pdf, _notes: results.append(("pdf", pdf)))
    job.signals.failed.connect(lambda _n, reason: results.append(("failed", reason)))
    job.run()  # in this thread: the child process is what is being tested

    bundle = Path(sys._MEIPASS).resolve()  # type: ignore[attr-defined]  # set by PyInstaller
    outside = sorted(path for path in _mapped_libraries() if not path.is_relative_to(bundle))
    wrong = [path for path in outside if path.name.startswith(BUNDLED_FAMILIES)]
    print(f"modules imported: {len(modules)}")
    kind, value = results[0] if results else ("failed", "the report job said nothing")
    if kind == "pdf" and isinstance(value, bytes) and value.startswith(b"%PDF"):
        print(f"charter through the app's report process: {len(value) // 1024} KB")
    else:
        print(f"charter through the app's report process FAILED: {value}")
    print("libraries from the system:", ", ".join(str(path) for path in outside) or "none")
    for path in wrong:
        print(f"FAILED: {path} must come from the bundle")
    return 0 if kind == "pdf" and not wrong else 1


def main() -> int:
    if sys.argv[1:] == ["--bundle-self-test"]:
        return bundle_self_test()
    if sys.argv[1:3] == ["-m", "workshop_app"]:
        del sys.argv[1:3]
    from workshop_app.cli import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())

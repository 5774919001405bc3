"""The wheel carries everything: installed in a fresh venv, it works far from the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    return subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the built wheel (and its dependencies) installed."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(
        sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT, cwd=work
    )
    assert built.returncode == 0, built.stdout + built.stderr
    wheels = list((work / "dist").glob("first_workflow-*.whl"))
    assert len(wheels) == 1
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = _run(python, "-m", "pip", "install", "--quiet", wheels[0], cwd=work)
    assert install.returncode == 0, install.stdout + install.stderr
    return env_dir


def test_the_wheel_is_imported_from_the_venv_not_the_source(
    installed: Path, tmp_path: Path
) -> None:
    result = _run(
        installed / "bin" / "python",
        "-c",
        "import workshop_app.paths as p; print(p.folder('resources')); "
        "print(p.folder('report_templates'))",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert Path(line).is_relative_to(installed)


def test_demo_and_rank_work_outside_the_tree(installed: Path, tmp_path: Path) -> None:
    app = installed / "bin" / "workshop-app"
    demo = _run(app, "demo", "demo.workshop", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    rank = _run(app, "rank", "demo.workshop", "--json", cwd=tmp_path)
    assert rank.returncode == 0, rank.stderr
    candidates = json.loads(rank.stdout)["candidates"]
    assert len(candidates) == 8
    assert [c["id"] for c in candidates if c["tool_first"]] == ["c7"]
    module = _run(
        installed / "bin" / "python", "-m", "workshop_app", "check", "demo.workshop", cwd=tmp_path
    )
    assert module.returncode == 0, module.stderr

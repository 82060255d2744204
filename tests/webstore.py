"""One store per back end for the web tests (API and browser), made once per session by
`frontlines ingest`.

It holds the founding article, the Sudan example and a report with a script tag in it. The
command runs in this process (click's runner), so the spaCy pipeline that other tests loaded
is reused. Imported as `webstore` from both test modules: the store is built once.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SCRIPT_REPORT = (
    "---\npublished: 2024-01-02\ntitle: Checkpoint <b>attack</b>\n---\n"
    "Gunmen <script>window.__pwned = 1</script> attacked a checkpoint near Zawiya on Monday, "
    'killing three soldiers, <img src=x onerror="window.__pwned = 2"> officials said.\n'
)
_cache: dict[str, str] = {}


def store_path(backend: str = "sqlite") -> str:
    """The `--db` value of the session's web test store on `backend` (built on first use)."""
    from stores import new_store

    from frontlines.cli import cli

    if backend not in _cache:
        folder = tempfile.mkdtemp(prefix="frontlines-web-")
        atexit.register(shutil.rmtree, folder, True)
        report = Path(folder) / "zawiya-script.txt"
        report.write_text(SCRIPT_REPORT)
        db = new_store(backend, Path(folder), "web")
        paths = [
            str(EXAMPLES / "tarhuna-2020-06-05.txt"),
            str(EXAMPLES / "sudan-drone-strike-2024-05-12.txt"),
            str(report),
        ]
        result = CliRunner().invoke(cli, ["ingest", "--db", db, *paths])
        assert result.exit_code == 0, result.output
        _cache[backend] = db
    return _cache[backend]

"""Rebuilds a project as `mkdocs serve` does, one per line read: the test's hands.

Run as `python preview_driver.py ROOT`. It tells the hooks it is `serve`,
then for every line on stdin rebuilds the site into one output folder (new
config each time, as serve's builder does), waits for the work serve leaves
to the background (the search bundle), and answers `ok <folder> <reused>
<generated>` or `error <message>` on one line.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def settle(timeout: float = 120) -> None:
    """Wait for the threads a build leaves running (search bundle, clean-up)."""
    end = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread is not threading.main_thread():
            thread.join(max(0.0, end - time.monotonic()))


def reused() -> tuple[int, int]:
    """How many generated pages the last build moved back, of how many."""
    preview = sys.modules["showcase_preview"]
    for module in list(sys.modules.values()):
        state = getattr(module, "_preview", None)
        if isinstance(state, preview.Preview):
            return state.reused
    raise RuntimeError("the hooks keep no preview state: were they told this is serve?")


def main(root: str) -> None:
    site_dir = tempfile.mkdtemp(prefix="preview-")
    config_file = os.path.join(root, "mkdocs.yml")
    load_config(config_file=config_file, site_dir=site_dir).plugins.on_startup(command="serve", dirty=False)
    for _ in sys.stdin:
        try:
            build(load_config(config_file=config_file, site_dir=site_dir), serve_url="http://127.0.0.1:8000/")
        except BaseException as error:  # an invalid case ends the build with SystemExit (Abort)
            print("error", str(error).replace("\n", " "), flush=True)
            continue
        settle()
        print("ok", site_dir, *reused(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1])

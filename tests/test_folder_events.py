"""Under `serve`, cases/ is watched through the system's file events, everything else as MkDocs polls it."""

from __future__ import annotations

import contextlib
import threading

import watchdog.events
import watchdog.observers.polling
from showcase_preview import FolderEvents


class Seen(watchdog.events.FileSystemEventHandler):
    def __init__(self):
        self.event = threading.Event()

    def on_any_event(self, event):
        if not event.is_directory:
            self.event.set()


class Unstartable(watchdog.observers.Observer):
    """A native observer that cannot start, as when the system's watch limit is reached."""

    def start(self):
        raise OSError("inotify watch limit reached")


def watching(tmp_path, folder="cases", native=None):
    """FolderEvents over a polling observer with cases/ as the large folder, and a handler on `folder`."""
    (tmp_path / folder).mkdir(exist_ok=True)
    polling = watchdog.observers.polling.PollingObserver(timeout=0.1)
    events = FolderEvents(polling, [tmp_path / "cases"], native=native)
    seen = Seen()
    seen.watch = events.schedule(seen, str(tmp_path / folder), recursive=True)
    return events, polling, seen


@contextlib.contextmanager
def running(events):
    events.start()
    try:
        yield
    finally:
        events.stop()
        events.join(10)


def test_a_change_in_the_large_folder_reaches_the_handler(tmp_path):
    events, _polling, seen = watching(tmp_path)
    with running(events):
        (tmp_path / "cases" / "nieuw.md").write_text("nieuw", encoding="utf-8")
        assert seen.event.wait(10)


def test_the_large_folder_is_not_polled(tmp_path):
    _events, polling, _seen = watching(tmp_path)
    assert polling.emitters == set()


def test_other_folders_are_polled_as_before(tmp_path):
    _events, polling, _seen = watching(tmp_path, folder="content")
    assert len(polling.emitters) == 1


def test_the_large_folder_is_polled_when_the_system_events_cannot_start(tmp_path):
    events, polling, seen = watching(tmp_path, native=Unstartable())
    with running(events):
        assert len(polling.emitters) == 1
        (tmp_path / "cases" / "nieuw.md").write_text("nieuw", encoding="utf-8")
        assert seen.event.wait(10)


def test_a_watch_can_be_taken_back(tmp_path):
    events, polling, seen = watching(tmp_path, folder="content")
    events.unschedule(seen.watch)
    assert polling.emitters == set()


def test_reading_a_file_in_the_large_folder_is_no_change(tmp_path):
    (tmp_path / "cases").mkdir()
    case = tmp_path / "cases" / "gelezen.md"
    case.write_text("gelezen", encoding="utf-8")
    events, _polling, seen = watching(tmp_path)
    with running(events):
        case.read_text(encoding="utf-8")
        assert not seen.event.wait(1)

"""ServeStatic for the test run: the static files are listed once per process.

Django's test client builds the middleware again for every client, and ServeStatic lists
and stats every static file each time (57 ms here): in a run of the tests/reports and
tests/cases folders that was 20 of 68 seconds. The files do not change during a run; the
listing is kept per set of settings that shape the responses.
"""

from typing import Any, ClassVar

from servestatic.middleware import ServeStaticMiddleware


class ServeStaticListedOnce(ServeStaticMiddleware):
    _listed: ClassVar[dict[tuple[Any, ...], dict[str, Any]]] = {}

    def add_files_from_finders(self) -> None:
        key = (
            self.static_prefix,
            self.max_age,
            self.allow_all_origins,
            self.charset,
            self.add_headers_function,
            self.user_immutable_file_test,
        )
        if key not in self._listed:
            super().add_files_from_finders()
            self._listed[key] = dict(self.files)
        self.files.update(self._listed[key])

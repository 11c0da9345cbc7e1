"""Metrics in the Prometheus text format, without personal data (served at /metrics).

Requests are counted per view *name* (``cases:detail``, never a path with an id), method
and status class, with a latency histogram per view; errors are the 5xx answers. Open
websockets are counted per kind. Apps add gauges read at scrape time (chat queue,
reports per hour) with ``register_gauge``, called once from their ``AppConfig.ready``.
No label ever holds content, an address, a code or an id.

Counters live in the process: with several workers, each scrape is answered by one of
them (docs/DEPLOYMENT.md, "Metrics"); the gauges come from the database and are the same
whichever worker answers.
"""

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

Sample = tuple[dict[str, str], float]
GaugeSource = Callable[[], Iterable[Sample]]

_lock = threading.Lock()
_requests: dict[tuple[str, str, str], int] = defaultdict(int)
_errors: dict[str, int] = defaultdict(int)
_histograms: dict[str, list[float]] = {}
_websockets: dict[str, int] = defaultdict(int)
_gauges: dict[str, tuple[str, GaugeSource]] = {}


def register_gauge(name: str, help_text: str, source: GaugeSource) -> None:
    """A gauge computed when scraped: ``source`` returns (labels, value) pairs."""
    _gauges[name] = (help_text, source)


def observe_request(*, view: str, method: str, status: int, seconds: float) -> None:
    with _lock:
        _requests[(view, method, f"{status // 100}xx")] += 1
        if status >= 500:
            _errors[view] += 1
        histogram = _histograms.setdefault(view, [0.0] * (len(BUCKETS) + 2))
        for index, bound in enumerate(BUCKETS):
            if seconds <= bound:
                histogram[index] += 1
        histogram[-2] += seconds
        histogram[-1] += 1


def websocket_opened(kind: str) -> None:
    with _lock:
        _websockets[kind] += 1


def websocket_closed(kind: str) -> None:
    with _lock:
        _websockets[kind] -= 1


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in sorted(labels.items())) + "}"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def exposition() -> str:
    """Every metric, as Prometheus' text format (version 0.0.4)."""
    lines: list[str] = []

    def family(
        name: str, kind: str, help_text: str, samples: Iterable[tuple[str, dict[str, str], float]]
    ) -> None:
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")
        lines.extend(f"{n}{_labels(labels)} {_number(value)}" for n, labels, value in samples)

    with _lock:
        requests = dict(_requests)
        errors = dict(_errors)
        histograms = {view: list(values) for view, values in _histograms.items()}
        websockets = dict(_websockets)
    family(
        "meldpunt_http_requests_total",
        "counter",
        "HTTP requests answered, per view name, method and status class.",
        (
            ("meldpunt_http_requests_total", {"view": v, "method": m, "status": s}, n)
            for (v, m, s), n in sorted(requests.items())
        ),
    )
    family(
        "meldpunt_http_errors_total",
        "counter",
        "HTTP requests answered with a 5xx status, per view name.",
        (("meldpunt_http_errors_total", {"view": v}, n) for v, n in sorted(errors.items())),
    )
    histogram_samples: list[tuple[str, dict[str, str], float]] = []
    for view, values in sorted(histograms.items()):
        for bound, count in zip(BUCKETS, values, strict=False):
            histogram_samples.append(
                (
                    "meldpunt_http_request_seconds_bucket",
                    {"view": view, "le": _number(bound)},
                    count,
                )
            )
        histogram_samples.append(
            ("meldpunt_http_request_seconds_bucket", {"view": view, "le": "+Inf"}, values[-1])
        )
        histogram_samples.append(("meldpunt_http_request_seconds_sum", {"view": view}, values[-2]))
        histogram_samples.append(
            ("meldpunt_http_request_seconds_count", {"view": view}, values[-1])
        )
    family(
        "meldpunt_http_request_seconds",
        "histogram",
        "Time from the request reaching Django to its answer, per view name.",
        histogram_samples,
    )
    family(
        "meldpunt_websockets_open",
        "gauge",
        "Websockets open in this process, per kind.",
        (("meldpunt_websockets_open", {"kind": k}, n) for k, n in sorted(websockets.items())),
    )
    for name, (help_text, source) in sorted(_gauges.items()):
        family(name, "gauge", help_text, ((name, labels, value) for labels, value in source()))
    return "\n".join(lines) + "\n"

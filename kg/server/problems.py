"""The refusals the server answers with: an HTTP status and a message saying what to do next.

Workers raise :class:`Problem`; the pool carries it back as ``(status, message)``; the web layer
answers it as ``text/plain`` (or an HTML page for a browser). Every message is written here.
"""

from __future__ import annotations


class Problem(Exception):
    """A request the server refuses, with the status to answer."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message

    def __reduce__(self):  # picklable across the worker pipe
        return (Problem, (self.status, self.message))


def timeout(seconds: float) -> Problem:
    return Problem(503, f"query timed out after {seconds:g} s and was stopped; "
                        "narrow it (add LIMIT, more specific patterns) or ask the operator for a longer --timeout")


def busy(seconds: float) -> Problem:
    return Problem(503, f"all query workers stayed busy for {seconds:g} s; try again in a moment")


def busy_heavy(seconds: float, workers: int) -> Problem:
    return Problem(503, f"all {workers} query workers stayed busy for {seconds:g} s; this query ran too long a "
                        "moment ago, so it does not take the worker kept for quick queries. Try again later, or "
                        "narrow it (add LIMIT, more specific patterns)")


def quick_stopped(seconds: float, workers: int) -> Problem:
    return Problem(503, f"every query worker ({workers}) is busy with a long query, and this one ran past {seconds:g} s "
                        "on the worker kept for quick queries, so it was stopped; try again in a moment, or narrow it")


def worker_died(detail: str) -> Problem:
    return Problem(503, f"the query worker stopped unexpectedly ({detail}); it has been replaced, try again")


def too_many_rows(limit: int) -> Problem:
    return Problem(400, f"the result has more than {limit} rows (the server's --max-rows); "
                        "add a LIMIT (and OFFSET to page through it)")


def body_too_large(limit: int) -> Problem:
    return Problem(413, f"request body larger than {limit} bytes (the server's maximum); send a shorter query")


def malformed(message: str) -> Problem:
    return Problem(400, f"malformed SPARQL query: {' '.join(message.split())}")


def read_only(how: str, operation: str | None = None) -> Problem:
    """An update refused: ``how`` it came (``"an application/sparql-update body"``, ...) and its
    ``operation`` (``"INSERT DATA"``), when known."""
    what = f"{operation} ({how})" if operation else how
    return Problem(403, f"SPARQL Update refused: {what}. This endpoint is read-only: it answers queries "
                        "(SELECT, ASK, CONSTRUCT, DESCRIBE) and never changes its data. To change the data, edit "
                        "the source texts and run `kg build` into the store this server serves; the server "
                        "answers from the new build at the next query, without a restart")


def not_acceptable(kind: str, offered: list[str]) -> Problem:
    return Problem(406, f"no acceptable media type for a {kind}; this server offers: {', '.join(offered)}")


def unknown_format(name: str, offered: list[str]) -> Problem:
    return Problem(406, f"unknown format {name!r}; choose one of: {', '.join(offered)}")


def not_found(what: str) -> Problem:
    return Problem(404, f"{what} is not in this knowledge graph; try the search box on / or a SPARQL query")


def federation_off(iri: str | None) -> Problem:
    where = f"SERVICE <{iri}>" if iri else "a SERVICE with a variable endpoint"
    return Problem(403, f"federated query is off on this endpoint: {where} would make the server call "
                        "another host. Query that endpoint yourself, or ask the operator to allow its host "
                        "(kg serve --allow-service HOST)")


def service_refused(iri: str | None, hosts: tuple[str, ...]) -> Problem:
    where = f"<{iri}>" if iri else "a variable endpoint (SERVICE ?x)"
    return Problem(403, f"SERVICE {where} is not allowed: this endpoint calls only {', '.join(hosts)}, "
                        "written as an absolute http(s) IRI")


def service_unchecked(detail: str, federation: bool) -> Problem:
    if not federation:
        return Problem(403, f"federated query is off on this endpoint, and this query mentions SERVICE ({detail}). "
                            "Ask the operator to allow a host (kg serve --allow-service HOST)")
    return Problem(403, f"the query mentions SERVICE and its calls could not be checked against the allowed "
                        f"hosts: {detail}")


def bad_graph_iri(param: str, value: str) -> Problem:
    return Problem(400, f"{param} must be an absolute IRI, not {value!r}")

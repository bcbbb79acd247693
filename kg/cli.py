"""The ``kg`` command: a thin layer over the library.

Each command declares its options and calls one library function. Errors kg raises on purpose
(:class:`~kg.errors.KGError`) become one line on stderr and the error's exit code; anything else is
a bug and shows its traceback only with ``kg --traceback ...``.

Exit codes: 0 ok, 1 some input failed / validation failed, 2 usage or query error, 3 store error.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from pyoxigraph import QueryBoolean, QuerySolutions, QueryTriples

from . import __version__
from .errors import KGError, UsageError
from .formats import names as format_names
from .formats import rdf_format, result_format
from .store import STORE_ENV, default_store_dir, open_store

_STDERR = None


def _stderr_console():
    from rich.console import Console

    global _STDERR
    if _STDERR is None:
        _STDERR = Console(stderr=True, highlight=False)
    return _STDERR


def _error(message: str) -> None:
    click.echo(f"kg: error: {message}", err=True)


class KGGroup(click.Group):
    """Turns a :class:`KGError` into its message and exit code (and other errors into a short
    message) unless ``--traceback`` was given."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KGError as e:
            if ctx.params.get("traceback"):
                raise
            _error(str(e))
            ctx.exit(e.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:  # `kg query ... | head`: the reader has gone, that is fine
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            _error("interrupted")
            ctx.exit(130)
        except Exception as e:
            if ctx.params.get("traceback"):
                raise
            _error(f"unexpected {type(e).__name__}: {e} (run `kg --traceback ...` for details)")
            ctx.exit(1)


def _store_option(f):
    return click.option(
        "--store", "store_dir", type=click.Path(path_type=Path), default=None,
        help=f"Store directory (default: ${STORE_ENV} or ./kg-store).",
    )(f)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--traceback", is_flag=True, envvar="KG_TRACEBACK", help="Show the full traceback of errors.")
@click.version_option(__version__, prog_name="kg")
def cli(traceback: bool) -> None:
    """Knowledge graphs from Chinese political-consultation (CPPCC, 政协) news."""


# ---------------------------------------------------------------------------------------------
# build


class ByteSize(click.ParamType):
    """A size in bytes: ``1048576``, ``512K``, ``20M``, ``1G`` (powers of 1024).

    >>> ByteSize().convert("20M", None, None)
    20971520
    """

    name = "size"
    _UNITS = {"": 1, "K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B").removesuffix("I")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        number = text[: len(text) - len(unit)]
        try:
            size = float(number) * self._UNITS[unit]
        except ValueError:
            self.fail(f"{value!r} is not a size (e.g. 20M, 512K, 1G, 1048576)", param, ctx)
        if size < 1:
            self.fail(f"{value!r}: the size must be at least one byte", param, ctx)
        return int(size)


def default_inputs() -> list[Path]:
    """./seeds if there is one, else the bundled seeds next to the package."""
    from .paths import bundled

    here = Path("seeds")
    return [here if here.is_dir() else bundled("seeds")]


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@_store_option
@click.option("--prune", is_flag=True, help="Drop documents whose file is not among PATHS.")
@click.option("--base", default=None, help="Base IRI of the store's resources (default https://w3id.org/kg-cppcc/).")
@click.option("--force", is_flag=True, help="Re-extract and rewrite every document.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for extraction.")
@click.option("--executor", default=None, metavar="dask://HOST:PORT",
              help="Extract on a Dask cluster (dask://HOST:PORT; 'dask' for a local cluster of --jobs workers).")
@click.option("--target", default=None, metavar="URL",
              help="Write to the SPARQL 1.1 server at URL (Graph Store Protocol at URL/store, "
                   "queries at URL/query, updates at URL/update) instead of the store directory.")
@click.option("--max-file-size", "max_bytes", type=ByteSize(), default="20M", show_default=True,
              help="Largest file to read (bytes, or with K/M/G); a larger file fails with a message.")
@click.option("--manifest", type=click.Path(path_type=Path), default=None, metavar="FILE.csv",
              help="What the crawl knows of each file: a CSV file with columns file,url,date,title (any may "
                   "be empty); the URL becomes the document's source, the date and title its own.")
@click.pass_context
def build(ctx: click.Context, paths: tuple[Path, ...], store_dir: Path | None, prune: bool,
          base: str | None, force: bool, jobs: int, executor: str | None, target: str | None,
          max_bytes: int, manifest: Path | None) -> None:
    """Read PATHS (files or folders; default seeds/) into the store.

    Reads .txt, .md and .html files (UTF-8, GB18030/GBK, Big5, UTF-16; traditional characters too);
    other files in a folder are counted as skipped. Unchanged documents are left alone; a changed
    file replaces its own graph only. A file that cannot be read is named in one line, the rest
    still load, and the exit status is 1.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import build as run_build

    console = _stderr_console()
    columns = (TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[path]}", style="dim"))
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        tasks: dict[str, int] = {}

        def on_progress(p) -> None:
            if bar.disable:  # not a terminal: nothing to draw
                return
            if p.stage not in tasks:
                label = {"plan": "reading", "write": "extracting", "prune": "pruning"}[p.stage]
                tasks[p.stage] = bar.add_task(label, total=p.total, path="")
            bar.update(tasks[p.stage], completed=p.done, total=p.total, path=Path(p.path).name if p.path else "")

        if target is not None and store_dir is not None:
            raise UsageError("give --store or --target, not both")
        if target is not None:
            from .gsp import build_remote

            destination, run = target, build_remote
        else:
            destination, run = store_dir if store_dir is not None else default_store_dir(), run_build
        report = run(
            list(paths) or default_inputs(),
            destination,
            prune=prune, base=base, force=force, jobs=jobs, executor=executor, max_bytes=max_bytes,
            manifest=manifest,
            strict=bool(ctx.parent and ctx.parent.params.get("traceback")),
            progress=on_progress,
        )

    for message in report.skipped:
        click.echo(f"kg: skipped {message}", err=True)
    for message in report.failed:
        click.echo(f"kg: failed {message}", err=True)
    click.echo(
        f"documents: {report.read} read, {report.unchanged} unchanged, {report.written} written, "
        f"{len(report.skipped)} skipped, {len(report.failed)} failed"
        + (f", {report.pruned} pruned" if prune else "")
    )
    click.echo(f"quads: {report.quads_written} written, {report.store_quads} in "
               + (f"server {target}" if target is not None else "store"))
    click.echo(f"time: {report.seconds:.1f} s")
    if not report.ok:
        ctx.exit(1)


# ---------------------------------------------------------------------------------------------
# query


@cli.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the canned queries.")
@_store_option
@click.option("--format", "-f", "format_", default="table", show_default=True,
              help="table, csv, tsv, json or xml (RDF formats for CONSTRUCT queries).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
def query(name: str | None, list_: bool, store_dir: Path | None, format_: str, params: tuple[str, ...]) -> None:
    """Run the canned query NAME (a file in queries/ without .rq, or a path to a .rq file)."""
    from .queries import list_queries, load_query, parse_params, run_query

    if list_:
        _print_query_list(list_queries())
        return
    if not name:
        raise UsageError("give a query NAME or --list")
    canned = load_query(name)
    values = parse_params(params)
    canned.bind(values)  # bad parameters fail before the store is opened
    with open_store(store_dir, read_only=True) as store:
        result = run_query(store, canned, values)
        _print_result(result, format_)


def _print_query_list(queries) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        for q in queries:
            params = " ".join(f"{p.name}=" for p in q.params)
            click.echo(f"{q.name}\t{q.title}" + (f"\t[{params}]" if params else ""))
        return
    table = Table("name", "title", "parameters", show_lines=False)
    for q in queries:
        table.add_row(q.name, q.title, ", ".join(p.name for p in q.params))
    console.print(table)


def _cell(term) -> str:
    return "" if term is None else term.value


def _print_result(result, format_: str) -> None:
    out = click.get_binary_stream("stdout")
    if isinstance(result, QueryTriples):
        from pyoxigraph import serialize

        from .vocab import PREFIXES

        fmt = rdf_format("turtle" if format_ == "table" else format_)
        try:
            out.write(serialize(result, format=fmt.rdf, prefixes=PREFIXES))
        except ValueError as e:
            raise UsageError(f"cannot write the query's triples as {fmt.name}: {e}") from None
        return
    if isinstance(result, QueryBoolean):
        click.echo("true" if bool(result) else "false")
        return
    fmt = result_format(format_)
    assert isinstance(result, QuerySolutions)
    if fmt.results is not None:
        out.write(result.serialize(format=fmt.results))
        out.flush()
        return
    from rich.console import Console
    from rich.table import Table

    variables = [v.value for v in result.variables]
    rows = [[_cell(s[v]) for v in variables] for s in result]
    console = Console(highlight=False)
    table = Table(*variables, show_lines=False)
    for row in rows:
        table.add_row(*row)
    console.print(table)
    _stderr_console().print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")


# ---------------------------------------------------------------------------------------------
# stats, validate


@cli.command()
@_store_option
def stats(store_dir: Path | None) -> None:
    """Count what the store holds."""
    with open_store(store_dir, read_only=True) as store:
        rows = store.stats().rows()
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        click.echo(f"{key + ':':<{width + 1}} {value}")


@cli.command()
@_store_option
@click.pass_context
def validate(ctx: click.Context, store_dir: Path | None) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl)."""
    from .validation import validate_store

    with open_store(store_dir, read_only=True) as store:
        report = validate_store(store)
    for result in report.results:
        click.echo(str(result), err=result.severity != "Violation")
    if report.conforms:
        warnings = len(report.results)
        click.echo(f"conforms ({report.triples} triples" + (f", {warnings} warnings)" if warnings else ")"))
    else:
        click.echo(f"{len(report.violations)} violations ({report.triples} triples)")
        ctx.exit(1)


# ---------------------------------------------------------------------------------------------
# export, ontology, viz (kg/cli_export.py)

from .cli_export import register as _register_export  # noqa: E402

_register_export(cli)


# ---------------------------------------------------------------------------------------------
# serve (kg/server/)


@cli.command()
@_store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--timeout", default=5.0, show_default=True, type=click.FloatRange(0.1, 3600),
              help="Seconds a query may run; then its worker is killed and the answer is 503.")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Largest result (rows or triples) answered; larger ones are refused with 400.")
@click.option("--max-body", default=100_000, show_default=True, type=click.IntRange(1),
              help="Largest request body (bytes) accepted; larger ones are refused with 413.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes (each holds the store read-only).")
@click.option("--quick", default=1.0, show_default=True, type=click.FloatRange(0, 3600),
              help="One more worker is kept for quick queries: when every other worker is busy a query runs "
                   "there, and is stopped (503) after this many seconds. 0: no such worker.")
@click.option("--max-age", default=0, show_default=True, type=click.IntRange(0),
              help="Seconds clients and proxies may reuse a GET answer without asking (Cache-Control); "
                   "0: they ask each time, and get 304 Not Modified (ETag) until the store changes.")
@click.option("--allow-service", "allow_service", multiple=True, metavar="HOST[:PORT]",
              help="Let SERVICE (federated query) call this host (repeatable). Without it SERVICE is refused.")
def serve(store_dir: Path | None, host: str, port: int, timeout: float, max_rows: int, max_body: int,
          workers: int, quick: float, max_age: int, allow_service: tuple[str, ...]) -> None:
    """Serve the store: SPARQL endpoint (/sparql), linked-data pages (/id/...) and a web UI (/)."""
    from .server import serve as run_server
    from .server.config import check_hosts

    allow_service = check_hosts(allow_service)
    click.echo(f"kg: serving on http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops", err=True)
    run_server(store_dir, host=host, port=port, timeout=timeout, max_rows=max_rows, max_body=max_body,
               workers=workers, allow_service=allow_service, quick=quick, max_age=max_age)


@cli.command("eval")
@click.option("--gold", "gold", required=True, type=click.Path(path_type=Path),
              help="Gold annotations, one JSON line per document (the format: tests/data/seeds/SCHEMA.md).")
@_store_option
@click.option("--format", "-f", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="Scores only, without the list of misses and false facts.")
@click.option("--explain", is_flag=True,
              help="Say for every missed office whether it was never found, found but unresolved (and why), "
                   "resolved to another division, or found with another title or body.")
@click.option("--only", default=None, metavar="NAMES",
              help="Score only these documents of the gold: file names or stems, comma-separated (b05,b07).")
def eval_(gold: Path, store_dir: Path | None, format_: str, quiet: bool, explain: bool, only: str | None) -> None:
    """Score the store's offices, press credits and concepts against gold annotations.

    Prints precision, recall and F1 per fact kind, then every missed and every false fact with its
    evidence so that errors can be read.
    """
    import json as _json

    from .evaluate import evaluate_store, format_report, load_gold, select_documents

    annotations = load_gold(gold)  # a bad gold file is reported before the store is opened
    if only:
        annotations = select_documents(annotations, only.split(","))
    with open_store(store_dir, read_only=True) as store:
        report = evaluate_store(store, annotations, explain=explain)
    if format_ == "json":
        click.echo(_json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_errors=not quiet))


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the CLI and exit with its status."""
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=True)
    except KGError as e:  # raised outside a command (e.g. while parsing); --traceback re-raises
        if "--traceback" in (argv if argv is not None else sys.argv[1:]) or os.environ.get("KG_TRACEBACK"):
            raise
        _error(str(e))
        sys.exit(e.exit_code)


__all__ = ["cli", "main", "format_names"]

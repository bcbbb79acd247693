"""The ``kg export``, ``kg ontology`` and ``kg viz`` commands (registered on :data:`kg.cli.cli`).

Kept in their own module so that kg/cli.py only has to call :func:`register`.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import click

from .errors import UsageError
from .formats import rdf_format


def _store_option(f):
    from .store import STORE_ENV

    return click.option(
        "--store", "store_dir", type=click.Path(path_type=Path), default=None,
        help=f"Store directory (default: ${STORE_ENV} or ./kg-store).",
    )(f)


@contextmanager
def _binary_output(path: Path | None):
    """A binary file for ``-o PATH`` (written to a temporary name, renamed when complete), or
    stdout for None / "-"."""
    if path is None or str(path) == "-":
        out = click.get_binary_stream("stdout")
        yield out
        out.flush()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with open(tmp, "wb") as f:
            yield f
        tmp.replace(path)
    finally:
        if tmp.exists():
            tmp.unlink()


@click.command("export")
@_store_option
@click.option("--format", "-f", "format_", default=None,
              help="turtle, ntriples, nquads, trig, jsonld or rdfxml (also media types and extensions); "
                   "default from -o's extension, else turtle.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Output file (default stdout).")
@click.option("--graph", default=None, metavar="IRI", help="Export one named graph (e.g. one document's).")
@click.option("--query", "query_name", default=None, metavar="NAME",
              help="Export the result of a CONSTRUCT query (a name in queries/ or a .rq path).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--context-url", default=None, metavar="URL",
              help="JSON-LD: reference the context at URL instead of embedding it.")
@click.option("--table", "table_name", default=None, metavar="NAME",
              help="Export a table as CSV (TSV for -o FILE.tsv) instead of RDF: careers (one row per person "
                   "per post, CPED-style) or colleagues (the colleague edge list).")
def export_command(store_dir: Path | None, format_: str | None, output: Path | None, graph: str | None,
                   query_name: str | None, params: tuple[str, ...], context_url: str | None,
                   table_name: str | None) -> None:
    """Export the whole dataset, one graph, or a CONSTRUCT query's result as RDF; or, with
    --table, a table as CSV."""
    from .export import export
    from .queries import load_query, parse_params
    from .store import open_store

    if table_name is not None:
        _export_table(store_dir, table_name, format_, output, graph, query_name, params)
        return
    if format_ is None:
        format_ = output.suffix if output is not None and output.suffix else "turtle"
    fmt = rdf_format(format_)
    if fmt.name == "n3":
        fmt = rdf_format("turtle")
    canned, values = None, {}
    if query_name is not None:
        canned = load_query(query_name)
        values = parse_params(params)
        canned.bind(values)
    elif params:
        raise UsageError("--param needs --query")
    with open_store(store_dir, read_only=True) as store, _binary_output(output) as out:
        summary = export(store, fmt, out, graph=graph, query=canned, params=values, context=context_url)
    if output is not None:
        click.echo(f"wrote {summary.triples} {'quads' if fmt.supports_datasets else 'triples'} "
                   f"({summary.what}) as {fmt.name} to {output}", err=True)


def _export_table(store_dir: Path | None, name: str, format_: str | None, output: Path | None, graph: str | None,
                  query_name: str | None, params: tuple[str, ...]) -> None:
    import io

    from .store import open_store
    from .tables import table, write_table

    table(name)
    if graph is not None or query_name is not None or params:
        raise UsageError("--table exports a whole table; give no --graph, --query or --param with it")
    kind = (format_ or (output.suffix if output is not None and output.suffix else "csv")).lower().lstrip(".")
    if kind not in ("csv", "tsv"):
        raise UsageError(f"--table writes csv or tsv, not {kind!r}")
    text = io.StringIO()
    with open_store(store_dir, read_only=True) as store:
        n = write_table(store, name, text, "\t" if kind == "tsv" else ",")
    with _binary_output(output) as out:
        out.write(text.getvalue().encode("utf-8"))
    if output is not None:
        click.echo(f"wrote {n} rows (table {name}) as {kind} to {output}", err=True)


@click.command("ontology")
@click.option("--html", "html", is_flag=True, help="Write a readable HTML page (the only format so far).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Output file (default stdout).")
def ontology_command(html: bool, output: Path | None) -> None:
    """Document the ontology: its classes and properties with labels, comments, domains, ranges."""
    from .ontology_doc import ontology_html

    if not html:
        raise UsageError("give --html (the ontology itself is ontology/kg.ttl)")
    page = ontology_html().encode("utf-8")
    with _binary_output(output) as out:
        out.write(page)
    if output is not None:
        click.echo(f"wrote {output}", err=True)


@click.command("viz")
@_store_option
@click.option("--center", default=None, metavar="IRI-or-NAME",
              help="Draw the neighbourhood of this node (an IRI or a Chinese name, e.g. 高台县政协).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 10), help="Hops from --center.")
@click.option("--query", "query_name", default=None, metavar="NAME",
              help="Draw the result of a CONSTRUCT query (a name in queries/ or a .rq path).")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--max-nodes", default=300, show_default=True, type=click.IntRange(1, 100000),
              help="Cut the graph at this many nodes.")
@click.option("--map", "as_map", is_flag=True,
              help="Draw a map instead: the rows of a SELECT query (--query; default county-chairs) at "
                   "their divisions, on province outlines.")
@click.option("--colleagues", "colleagues_of", default=None, metavar="NAME",
              help="Draw the colleague network around a person: who held posts in the same bodies in "
                   "overlapping years (the colleagues query), edges labelled with the body and the years.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="FILE.html (interactive), FILE.svg or FILE.png (Graphviz; a --map PNG needs rsvg-convert).")
def viz_command(store_dir: Path | None, center: str | None, depth: int, query_name: str | None,
                params: tuple[str, ...], max_nodes: int, as_map: bool, colleagues_of: str | None,
                output: Path) -> None:
    """Draw part of the graph: by default the CPPCC committees, their chairs and divisions;
    with --map, a query's rows on a map of China; with --colleagues, a person's colleague network."""
    from .queries import load_query, parse_params
    from .store import open_store
    from .viz import map_picture, render, render_map, subgraph

    kind = output.suffix.lower().lstrip(".")
    if kind not in ("html", "svg", "png"):
        raise UsageError(f"-o {output}: the file must end in .html, .svg or .png")
    if colleagues_of is not None:
        if center is not None or query_name is not None or params or as_map:
            raise UsageError("--colleagues draws one person's network; give no --center, --query, --param or --map")
        from .viz import colleague_graph

        with open_store(store_dir, read_only=True) as store:
            graph = colleague_graph(store, colleagues_of, max_nodes=max_nodes)
        render(graph, output)
        click.echo(f"wrote {output} ({len(graph.nodes)} people, {len(graph.edges)} ties)", err=True)
        return
    canned, values = None, {}
    if query_name is not None:
        if center is not None:
            raise UsageError("give --center or --query, not both")
        canned = load_query(query_name)
        values = parse_params(params)
        canned.bind(values)
    elif params and not as_map:
        raise UsageError("--param needs --query")
    if as_map:
        if center is not None:
            raise UsageError("--map draws a query's rows; give --query (a SELECT query), not --center")
        if canned is None:
            canned = load_query("county-chairs")
            values = parse_params(params)
            canned.bind(values)
        with open_store(store_dir, read_only=True) as store:
            picture = map_picture(store, canned, values)
        render_map(picture, output)
        click.echo(f"wrote {output} ({len(picture.points)} places from {picture.rows - picture.without} of "
                   f"{picture.rows} rows)", err=True)
        return
    with open_store(store_dir, read_only=True) as store:
        graph = subgraph(store, center=center, depth=depth, query=canned, params=values, max_nodes=max_nodes)
    if graph.truncated:
        click.echo(f"kg: the graph has more than {max_nodes} nodes; drew the first {len(graph.nodes)} "
                   f"(raise --max-nodes, lower --depth or pick a --center)", err=True)
    render(graph, output)
    click.echo(f"wrote {output} ({len(graph.nodes)} nodes, {len(graph.edges)} edges)", err=True)


def register(cli: click.Group) -> None:
    """Add ``export``, ``ontology`` and ``viz`` to the ``kg`` command group."""
    cli.add_command(export_command)
    cli.add_command(ontology_command)
    cli.add_command(viz_command)


__all__ = ["register", "export_command", "ontology_command", "viz_command"]

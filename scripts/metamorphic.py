"""Metamorphic tests of office extraction over the real sets' gold sentences (tests/metamorphic.py).

    python scripts/metamorphic.py [--seed N] [--set dev --set real2 ...] [--kind person ...] [--sample N]
    python scripts/metamorphic.py --sweep --resolution --traditional --no-variants

prints the invariance rate per substitution kind and per set, by new division kind, name class and
new title, then the failure classes with examples and the skipped substitutions. ``--sweep`` and
``--resolution`` put every division of the gazetteer in fixed sentences (``SWEEP_TEMPLATES``: its
written forms; ``RESOLUTION_TEMPLATES``: a committee named by its level word, placed by the context)
and tabulate right / none / wrong per template and kind.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

import metamorphic as mm  # noqa: E402


@click.command()
@click.option("--seed", default=0, show_default=True, help="Seed of the substitutions.")
@click.option("--set", "sets", multiple=True, type=click.Choice(list(mm.SETS)), help="Sets (default: all).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(mm.KINDS), help="Kinds (default: all).")
@click.option("--sample", type=int, default=None, help="Check only this many variants.")
@click.option("--draws", default=2, show_default=True, help="Divisions per kind and names per class for each sentence.")
@click.option("--sweep", is_flag=True, help="Also put every division of the gazetteer in the written-form sentences.")
@click.option("--resolution", is_flag=True, help="Also put every division in the resolution sentences.")
@click.option("--traditional", is_flag=True, help="Sweep in traditional characters too.")
@click.option("--step", default=1, show_default=True, help="Sweep every STEP-th division of each kind.")
@click.option("--variants/--no-variants", default=True, show_default=True, help="Run the substitutions of the sets.")
@click.option("--examples", default=3, show_default=True, help="Examples per failure class.")
def main(seed, sets, kinds, sample, draws, sweep, resolution, traditional, step, variants, examples):
    t = time.perf_counter()
    if variants:
        report = mm.run(sets or tuple(mm.SETS), seed, kinds or mm.KINDS, sample, draws=draws)
        click.echo(mm.format_report(report, examples))
    scripts = ("simplified", "traditional") if traditional else ("simplified",)
    for wanted, templates in ((sweep, mm.SWEEP_TEMPLATES), (resolution, mm.RESOLUTION_TEMPLATES)):
        if wanted:
            cases = mm.sweep(seed, templates, step=step, scripts=scripts)
            click.echo("\n" + mm.format_sweep(cases, examples))
    click.echo(f"\n({time.perf_counter() - t:.1f} s, seed {seed})")


if __name__ == "__main__":
    main()

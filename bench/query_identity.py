"""Do two versions of the canned queries give the same answers? (figure 4's rewrites)

    python -m bench.query_identity --ref main STORE [STORE ...] [--queries person,career,...]

Runs each query of ``--queries`` as the git revision ``--ref`` has it (``git show REF:queries/X.rq``)
and as the working tree has it, on every store given, for every parameter value the store holds
(every person's name, every body's label and IRI, every division's label with every year of a
membership, and no parameter where the query allows it), and compares the rows, in order, term by
term. Prints one line per query and store, and the first differences; exit status 1 on any.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

QUERIES = ("person", "committee-officers", "career", "chairs-of", "holders-in", "colleagues")


def _values(st) -> dict[str, list[dict[str, str]]]:
    def col(q: str) -> list[str]:
        return sorted({r[0].value for r in st.query(q)})

    names = col("SELECT ?n WHERE { ?p a foaf:Person ; foaf:name ?n }")
    labels = col("SELECT ?l WHERE { ?o a org:Organization ; skos:prefLabel ?l }")
    iris = col("SELECT ?o WHERE { ?o a org:Organization }")
    divisions = col("SELECT ?l WHERE { ?o a org:Organization ; kg:division/skos:prefLabel ?l }")
    years = col("SELECT ?y WHERE { ?m kg:fromYear ?y }") + col("SELECT ?y WHERE { ?m kg:toYear ?y }")
    years = sorted(set(years))
    if years:  # every year a membership covers, and one either side
        years = [str(y) for y in range(int(years[0]) - 1, int(years[-1]) + 2)]
    bodies = [{"committee": x} for x in labels + iris]
    return {
        "person": [{}] + [{"name": n} for n in names],
        "committee-officers": [{}] + bodies,
        "career": [{"person": n} for n in names],
        "chairs-of": bodies,
        "holders-in": [{"division": d, "year": y} for d in divisions for y in years],
        "colleagues": [{}] + [{"person": n} for n in names],
    }


def _rows(st, query, values) -> list[tuple]:
    from kg.queries import run_query

    res = run_query(st, query, values)
    variables = [v.value for v in res.variables]
    return [tuple((v, str(s[v]) if s[v] is not None else None) for v in variables) for s in res]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.query_identity")
    ap.add_argument("stores", nargs="+")
    ap.add_argument("--ref", default="main", help="git revision of the queries to compare against")
    ap.add_argument("--queries", default=",".join(QUERIES))
    args = ap.parse_args(argv)

    from kg.queries import load_query, parse_query, queries_dir
    from kg.store import open_store

    root = queries_dir().parent
    failed = 0
    for store in args.stores:
        st = open_store(store, read_only=True)
        try:
            cases = _values(st)
            for name in args.queries.split(","):
                old_text = subprocess.run(["git", "show", f"{args.ref}:queries/{name}.rq"], cwd=root,
                                          capture_output=True, text=True, check=True).stdout
                old, new = parse_query(old_text, name), load_query(name)
                n = rows = 0
                bad = []
                for values in cases[name]:
                    a, b = _rows(st, old, values), _rows(st, new, values)
                    n += 1
                    rows += len(a)
                    if a != b:
                        bad.append((values, a, b))
                failed += len(bad)
                print(f"{Path(store).name:10s} {name:20s} {n:5d} cases {rows:7d} rows  {'same' if not bad else f'{len(bad)} DIFFER'}",
                      flush=True)
                for values, a, b in bad[:3]:
                    print(f"   {values}: {len(a)} rows before, {len(b)} after; "
                          f"{'same rows, other order' if sorted(a, key=repr) == sorted(b, key=repr) else 'other rows'}")
                    for x, y in zip(a, b):
                        if x != y:
                            print(f"     before {x}\n     after  {y}")
                            break
        finally:
            st.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark harness: figures 1-7 of the issue, results merged into bench/results/*.json and
written as tables into BENCHMARKS.md.

Every build is a subprocess (``python -m bench build``) so that its wall time includes start-up and
its peak memory (PSS summed over the process tree, sampled every 50 ms) is its own.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"

SCALES = {
    # corpus characters, documents in the incremental-rebuild store, office facts for query latency
    "tiny": dict(chars=int(1e4), incr_docs=30, offices=[int(1e3)]),
    "small": dict(chars=int(1e5), incr_docs=1000, offices=[int(1e4)]),
    "medium": dict(chars=int(1e6), incr_docs=10000, offices=[int(1e5)]),
    "large": dict(chars=int(1e7), incr_docs=10000, offices=[int(1e6)]),
    # the query figure alone at 1e6 office facts (python -m bench run --scale query1e6 --only query)
    "query1e6": dict(chars=int(1e5), incr_docs=1000, offices=[int(1e6)]),
}


# --------------------------------------------------------------------------------------------
# measuring processes


class TreeSampler:
    """Peak memory of a process and its children (PSS when the kernel gives it, else RSS)."""

    def __init__(self, pid: int, interval: float = 0.05):
        import psutil

        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _mem(self, p) -> int:
        try:
            m = p.memory_full_info()
            return getattr(m, "pss", 0) or m.rss
        except Exception:
            return 0

    def _run(self):
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
            except psutil.Error:
                break
            self.peak = max(self.peak, sum(self._mem(p) for p in procs))
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def snapshot(work: Path) -> Path:
    """A copy of the code (kg/, ontology/, queries/) so that concurrent edits in the working tree
    neither skew a run nor change the pipeline fingerprint between builds."""
    snap = work / "snapshot"
    shutil.rmtree(snap, ignore_errors=True)
    for d in ("kg", "ontology", "queries"):
        shutil.copytree(ROOT / d, snap / d, ignore=shutil.ignore_patterns("__pycache__"))
    return snap


def kg_cmd(snap: Path, *args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.exit(main())", *args]


def run_build(snap: Path, paths: list[str], store: Path, jobs: int) -> dict:
    """``kg build PATHS --store STORE --jobs N`` in a subprocess: wall time and peak memory."""
    cmd = kg_cmd(snap, "build", *paths, "--store", str(store), "--jobs", str(jobs))
    import resource

    env = dict(os.environ, PYTHONPATH=str(snap))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=snap, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sampler = TreeSampler(p.pid)
    out, err = p.communicate()
    wall = time.perf_counter() - t0
    peak = sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the build and of the worker processes it waited for (fork pool)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode:
        raise RuntimeError(f"kg build failed: {(out + err).decode()[-2000:]}")
    text = out.decode() + err.decode()
    import re

    m = re.search(r"(\d+) read, (\d+) unchanged, (\d+) written", text)
    return dict(wall_s=wall, cpu_s=cpu, peak_mb=peak / 2**20, read=int(m[1]), unchanged=int(m[2]), written=int(m[3]), output=text[-400:])


def office_rows(snap: Path, store: Path) -> set[tuple]:
    import csv
    import io

    out = subprocess.run(kg_cmd(snap, "query", "offices", "--store", str(store), "--format", "csv"), cwd=snap,
                         env=dict(os.environ, PYTHONPATH=str(snap)), capture_output=True, check=True).stdout.decode()
    return {(r["document"], r["person"], r["role"], r["body"], r["division"]) for r in csv.DictReader(io.StringIO(out))}


# --------------------------------------------------------------------------------------------
# figures


JIEBA_BASELINE = (
    "import pathlib, sys, logging\n"
    "import jieba\n"
    "jieba.setLogLevel(logging.WARNING)\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
    "    jieba.lcut(p.read_text(encoding='utf-8'))\n"
)


def run_jieba(corpus: Path) -> dict:
    """The baseline as a whole process: ``jieba.lcut`` over every file of ``corpus`` (its
    dictionary loaded from jieba's cache as any first call does): CPU (user + system) and wall."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", JIEBA_BASELINE, str(corpus)], check=True, capture_output=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return dict(wall_s=wall, cpu_s=(after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def summary(xs: list[float]) -> dict:
    return dict(best=min(xs), median=statistics.median(xs), runs=len(xs))


def fig_build(work: Path, scale: str, cfg: dict, jobs: int, seed: int, snap: Path, rounds: int = 3) -> dict:
    """(1) kg build vs bare jieba as whole processes, by CPU time, interleaved round by round
    (jieba, build --jobs 1, build --jobs N, ...); (2) store stage vs bulk_load; (5) peak memory;
    recall."""
    from .corpus import generate, recall

    corpus = work / f"corpus-{scale}"
    shutil.rmtree(corpus, ignore_errors=True)
    gold = generate(corpus, cfg["chars"], seed=seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    chars = sum(map(len, texts))

    res = dict(scale=scale, chars=chars, documents=len(texts), gold_offices=len(gold), rounds=rounds, builds={})
    runs: dict[str, list[dict]] = {"jieba": []}
    kept = None
    for _ in range(rounds):
        runs["jieba"].append(run_jieba(corpus))
        for j in sorted({1, jobs}):
            store = work / f"store-{scale}-j{j}"
            shutil.rmtree(store, ignore_errors=True)
            runs.setdefault(str(j), []).append(run_build(snap, [str(corpus)], store, j))
            kept = store
    jieba_cpu = [r["cpu_s"] for r in runs["jieba"]]
    res["jieba"] = dict(cpu=summary(jieba_cpu), wall=summary([r["wall_s"] for r in runs["jieba"]]))
    for j in sorted({1, jobs}):
        rs = runs[str(j)]
        store = work / f"store-{scale}-j{j}"
        rep = dict(rs[-1])
        rep.pop("output", None)
        rep["cpu"] = summary([r["cpu_s"] for r in rs])
        rep["wall"] = summary([r["wall_s"] for r in rs])
        rep["peak_mb"] = max(r["peak_mb"] for r in rs)
        # jieba's CPU over kg's, pair by pair (the same round), then the median of the pairs
        rep["ratio_cpu"] = statistics.median(jc / r["cpu_s"] for jc, r in zip(jieba_cpu, rs))
        rep["ratio_wall"] = statistics.median(jr["wall_s"] / r["wall_s"] for jr, r in zip(runs["jieba"], rs))
        rep["recall"] = recall(gold, office_rows(snap, store))
        res["builds"][str(j)] = rep
    for j in sorted({1, jobs}):
        if work / f"store-{scale}-j{j}" != kept:
            shutil.rmtree(work / f"store-{scale}-j{j}", ignore_errors=True)
    res.update(_store_stage(work, scale, kept))
    shutil.rmtree(kept, ignore_errors=True)
    res["extract"] = fig_extract(corpus, snap, rounds)
    return res


EXTRACT_RATE = (
    "import json, pathlib, statistics, sys, time, logging\n"
    "import jieba\n"
    "from kg.build import extract_item, warm_up\n"
    "from kg.corpus import read_document\n"
    "jieba.setLogLevel(logging.WARNING); jieba.initialize(); warm_up()\n"
    "docs = [read_document(p) for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt'))]\n"
    "out = {'kg': [], 'jieba': []}\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    t = time.process_time(); [jieba.lcut(d.text) for d in docs]; out['jieba'].append(time.process_time() - t)\n"
    "    t = time.process_time(); [extract_item((d.path, d), 'https://w3id.org/kg-cppcc/', True) for d in docs]\n"
    "    out['kg'].append(time.process_time() - t)\n"
    "print(json.dumps(out))\n"
)


def fig_extract(corpus: Path, snap: Path, rounds: int) -> dict:
    """Extraction alone (read documents in memory -> extract -> N-Quads, one process, resources
    loaded) against ``jieba.lcut`` of the same texts in the same process, interleaved: CPU s."""
    out = subprocess.run([sys.executable, "-c", EXTRACT_RATE, str(corpus), str(rounds)], cwd=snap,
                         env=dict(os.environ, PYTHONPATH=str(snap)), capture_output=True, check=True).stdout
    d = json.loads(out)
    return dict(kg=summary(d["kg"]), jieba=summary(d["jieba"]),
                ratio=statistics.median(j / k for j, k in zip(d["jieba"], d["kg"])))


def _store_stage(work: Path, scale: str, built: Path) -> dict:
    """(2) The documents' graphs + meta records of a built store as N-Quads, written three ways:
    the build's first-build path (``KGStore.bulk_load`` after the background), pyoxigraph's bare
    ``Store.bulk_load``, and the transactional ``KGStore.replace_document`` per document."""
    from pyoxigraph import RdfFormat, Store

    from kg.store import open_store

    nq = work / f"{scale}.nq"
    with open_store(built, read_only=True) as st:
        bg = st.iris.background_graph
        quads = [q for q in st.store.quads_for_pattern(None, None, None, None) if q.graph_name != bg]
    from pyoxigraph import serialize

    nq.write_bytes(serialize(quads, format=RdfFormat.N_QUADS))
    out = dict(quads=len(quads), nquads_mb=nq.stat().st_size / 2**20)

    d = work / f"kgbulk-{scale}"
    shutil.rmtree(d, ignore_errors=True)
    st = open_store(d)
    st.ensure_background()
    t0 = time.perf_counter()
    st.bulk_load(str(nq), RdfFormat.N_QUADS)
    out["store_s"] = time.perf_counter() - t0
    st.close()
    shutil.rmtree(d, ignore_errors=True)

    s = Store(str(d))
    t0 = time.perf_counter()
    s.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    out["bulk_load_s"] = time.perf_counter() - t0
    del s
    shutil.rmtree(d, ignore_errors=True)
    out["ratio_store"] = out["bulk_load_s"] / out["store_s"]
    out["replace_s"] = _replace_path(work / f"replace-{scale}", nq)
    nq.unlink()
    return out


def _replace_path(store_dir: Path, nq: Path) -> float:
    """Time writing the same graphs with KGStore.replace_document, one update per document."""
    from pyoxigraph import RdfFormat, parse

    from kg.store import open_store

    shutil.rmtree(store_dir, ignore_errors=True)
    by_graph: dict = {}
    for q in parse(path=str(nq), format=RdfFormat.N_QUADS):
        if q.graph_name.value.endswith("graph/meta"):
            continue
        by_graph.setdefault(q.graph_name, []).append(q)
    st = open_store(store_dir)
    st.ensure_background()
    t0 = time.perf_counter()
    for g, quads in by_graph.items():
        st.replace_document(g.value.rsplit("/", 1)[-1], f"/bench/{g.value.rsplit('/', 1)[-1]}.txt", quads, "bench")
    dt = time.perf_counter() - t0
    st.close()
    shutil.rmtree(store_dir, ignore_errors=True)
    return dt


def fig_incremental(work: Path, scale: str, cfg: dict, jobs: int, seed: int, snap: Path, rounds: int = 3) -> dict:
    """(3) one changed file in an N-document store vs the full build of that store, by CPU time
    (and wall): the full build once, then rounds of (no-change rebuild, one-file rebuild)."""
    from .corpus import generate

    corpus = work / f"incr-{scale}"
    shutil.rmtree(corpus, ignore_errors=True)
    n = cfg["incr_docs"]
    generate(corpus, n * 250, seed=seed + 1, doc_chars=200)
    docs = sorted(corpus.glob("*.txt"))
    store = work / f"store-incr-{scale}"
    shutil.rmtree(store, ignore_errors=True)
    full = run_build(snap, [str(corpus)], store, jobs)
    noops, ones = [], []
    victim = docs[len(docs) // 2]
    for k in range(rounds):
        noops.append(run_build(snap, [str(corpus)], store, jobs))
        victim.write_text(victim.read_text(encoding="utf-8") + f"\n会议强调，要切实加强委员队伍建设{k}。\n", encoding="utf-8")
        ones.append(run_build(snap, [str(corpus)], store, jobs))
    shutil.rmtree(store, ignore_errors=True)
    one_cpu = statistics.median(r["cpu_s"] for r in ones)
    return dict(documents=len(docs), rounds=rounds,
                full_s=full["wall_s"], full_cpu=full["cpu_s"],
                noop_s=statistics.median(r["wall_s"] for r in noops), noop_cpu=statistics.median(r["cpu_s"] for r in noops),
                one_s=statistics.median(r["wall_s"] for r in ones), one_cpu=one_cpu,
                one_cpu_best=min(r["cpu_s"] for r in ones),
                noop_written=max(r["written"] for r in noops), one_changed=max(r["written"] for r in ones),
                ratio=one_cpu / full["cpu_s"])


# --------------------------------------------------------------------------------------------
# driver


def machine() -> dict:
    import pyoxigraph

    cpu = platform.processor() or ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import psutil

    return dict(cpu=cpu, cores=os.cpu_count(), ram_gb=round(psutil.virtual_memory().total / 2**30, 1),
                python=platform.python_version(), os=platform.platform(), pyoxigraph=pyoxigraph.__version__)


def run_all(args) -> None:
    scales = [s.strip() for s in args.scale.split(",") if s.strip()]
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    for s in scales:
        if s not in SCALES:
            raise SystemExit(f"unknown scale {s!r}; choose from {', '.join(SCALES)}")
    tmp = None
    if args.work:
        work = Path(args.work)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.mkdtemp(prefix="kg-bench-")
        work = Path(tmp)
    command = "python -m bench " + " ".join(sys.argv[1:]) if sys.argv[0].endswith("__main__.py") else "python -m bench run --scale " + args.scale
    results_dir = Path(args.results) if args.results else RESULTS
    snap = snapshot(work)
    try:
        for scale in scales:
            cfg = SCALES[scale]
            res = _load(scale, results_dir)
            res.update(scale=scale, date=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                       machine=machine(), command=command, jobs=args.jobs)

            def want(name):
                return not only or name in only

            if want("build"):
                print(f"[{scale}] build vs jieba, store stage, memory", file=sys.stderr)
                res["build"] = fig_build(work, scale, cfg, args.jobs, args.seed, snap, args.rounds)
            if want("incremental"):
                print(f"[{scale}] incremental rebuild", file=sys.stderr)
                res["incremental"] = fig_incremental(work, scale, cfg, args.jobs, args.seed, snap, args.rounds)
            if want("query"):
                from .queries import fig_queries

                print(f"[{scale}] query latency", file=sys.stderr)
                res["query"] = fig_queries(work, cfg["offices"], args.seed)
            if want("endpoint"):
                from .endpoint import fig_endpoint

                print(f"[{scale}] endpoint throughput", file=sys.stderr)
                res["endpoint"] = fig_endpoint(work, cfg["offices"][0], args.seed)
            _save(scale, res, results_dir)
        if args.out and args.out != "-":
            from .report import write_report

            write_report(Path(args.out), results_dir, Path(args.plot) if args.plot else None)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def _load(scale: str, d: Path = RESULTS) -> dict:
    p = d / f"{scale}.json"
    return json.loads(p.read_text()) if p.exists() else {}


def _save(scale: str, res: dict, d: Path = RESULTS) -> None:
    d.mkdir(parents=True, exist_ok=True)
    (d / f"{scale}.json").write_text(json.dumps(res, ensure_ascii=False, indent=1))


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


__all__ = ["run_all", "percentile", "statistics"]

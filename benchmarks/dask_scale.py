"""What the Dask engine does per worker, and what each partition costs on top.

On a LocalCluster of worker processes (one thread each) whose workers have
already built their pipeline, times:

- the steady throughput of 1 and 2 workers, with the model and with ``--fast``,
  over a JSON Lines corpus built like ``throughput.py``'s (paragraphs of the gold
  articles shuffled), split in byte ranges, and the same work in one process
  without Dask (read, run, make the tables; no writing);
- the cost of a partition beyond its articles: the same tiny articles run as
  many one-line shards (scheduling, reading, six small parts, the manifest entry)
  against the same articles in one shard;
- a second run over a finished dataset (listing, reading the manifest, skipping).

    python benchmarks/dask_scale.py [--articles 400] [--fast-articles 2000]
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build_corpus

from ami_facts.dataset import result_tables
from ami_facts.engine_dask import extract_dask, local_cluster, worker_nlp
from ami_facts.load import iter_articles
from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, build_nlp
from ami_facts.pipeline import process


def jsonl_corpus(folder: Path, n: int, shards: int) -> tuple[Path, int, int]:
    """``n`` articles in ``shards`` JSON Lines files; the folder, words and bytes."""
    texts = folder / "texts"
    words = build_corpus(texts, n)
    news = folder / "news"
    news.mkdir()
    paths = sorted(texts.glob("*.txt"))
    for s in range(shards):
        lines = [
            json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}, ensure_ascii=False)
            for p in paths[s::shards]
        ]
        (news / f"news-{s:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.rmtree(texts)
    size = sum(p.stat().st_size for p in news.glob("*.jsonl"))
    return news, words, size


def timed(
    news: Path, out: Path, address: str, model: str, **options: Any
) -> tuple[dict[str, float], Any]:
    """Wall seconds, CPU seconds of the workers and of this process (client and
    scheduler) for one run, and its summary."""
    import distributed

    with distributed.Client(address) as client:
        workers = sum(client.run(time.process_time).values())
        own = time.process_time()
        start = time.perf_counter()
        summary = extract_dask(str(news), str(out), model=model, scheduler=address, **options)
        wall = time.perf_counter() - start
        own = time.process_time() - own
        workers = sum(client.run(time.process_time).values()) - workers
    return {"wall": wall, "workers": workers, "client": own}, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--fast-articles", type=int, default=2000)
    parser.add_argument("--tiny-shards", type=int, default=200)
    args = parser.parse_args()
    import distributed

    work = Path(tempfile.mkdtemp(prefix="ami-dask-scale-"))
    corpora = {
        "model": (DEFAULT_MODEL, *jsonl_corpus(work / "model", args.articles, 4)),
        "fast": (FAST_MODEL, *jsonl_corpus(work / "fast", args.fast_articles, 4)),
    }
    tiny = work / "tiny"
    tiny.mkdir()
    line = json.dumps({"text": "Il a vendu 12 voitures en mars 2021 à Paris."})
    for i in range(args.tiny_shards):
        (tiny / f"t{i:05d}.jsonl").write_text(
            line.replace("12", str(i + 1)) + "\n", encoding="utf-8"
        )
    one = work / "one"
    one.mkdir()
    (one / "all.jsonl").write_text(
        "".join(p.read_text(encoding="utf-8") for p in sorted(tiny.glob("*.jsonl"))), "utf-8"
    )
    rows = []

    def row(name: str, workers: str, partitions: str, wall: float, cpu: float) -> None:
        words, articles = corpora[name][2], args.articles if name == "model" else args.fast_articles
        rows.append(
            f"| {name} | {workers} | {partitions} | {wall:.1f} | {words / wall:,.0f} "
            f"| {words / cpu:,.0f} | {articles / cpu:,.1f} |"
        )

    for name, (model, news, words, size) in corpora.items():
        # The same work in this process, without Dask: read, run, make the tables.
        nlp = build_nlp(model)
        result_tables(process(iter_articles(news / "news-000.jsonl"), nlp))  # warm
        gc.freeze()  # as extract does
        start, cpu = time.perf_counter(), time.process_time()
        tables = result_tables(process(iter_articles(news), nlp))
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        row(name, "none (one process)", "-", wall, cpu)
        held = sum(t.nbytes for t in tables.values()) / size
        print(f"{name}: {size / 2**20:.1f} MiB of JSON Lines, {words:,} words")
        print(f"{name}: the tables of a partition take {held:.1f}x its input bytes (Arrow)")
        del nlp
        gc.unfreeze()
    for n_workers in (1, 2):
        cluster = local_cluster(n_workers)
        address = cluster.scheduler_address
        try:
            for name, (model, news, _, size) in corpora.items():
                with distributed.Client(address) as client:
                    client.run(worker_nlp, model)  # every worker builds its pipeline first
                # 16 byte ranges per worker: all stay busy to the end.
                blocksize = max(size // (16 * n_workers), 1)
                out = work / f"out-{name}-{n_workers}"
                t, summary = timed(news, out, address, model, blocksize=blocksize)
                row(name, str(n_workers), str(summary.processed), t["wall"], t["workers"])
                again, second = timed(news, out, address, model, blocksize=blocksize)
                assert second.processed == 0
                print(
                    f"{name}, {n_workers} worker(s): second run (all skipped) {again['wall']:.2f}s"
                )
            if n_workers == 1:
                many, s1 = timed(tiny, work / "tiny-out", address, FAST_MODEL)
                single, s2 = timed(one, work / "one-out", address, FAST_MODEL)
                n = s1.processed - s2.processed
                print(
                    f"{s1.processed} one-line shards against the same lines in 1 shard, "
                    "per extra partition: "
                    + ", ".join(f"{k} {(many[k] - single[k]) / n * 1000:.1f} ms" for k in many)
                )
                again, _ = timed(tiny, work / "tiny-out", address, FAST_MODEL)
                print(f"second run over {s1.processed} finished partitions: {again['wall']:.2f}s")
        finally:
            cluster.close()
    print()
    print(
        "| pipeline | Dask workers | partitions | wall s | words/s | words per worker CPU-s "
        "| articles per worker CPU-s |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()

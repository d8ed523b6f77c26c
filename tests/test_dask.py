"""The Dask engine: workers read their shards, runs resume, faults lose nothing.

Every run here uses the rules-only pipeline (``--fast``): no worker loads the
model. The fault tests kill a worker process, or the client, while a task of a
chosen partition waits at ``engine_dask.HOLD_ENV`` (after writing its first part),
so that the kill always falls mid-run.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from typer.testing import CliRunner

from ami_facts.analysis import load_tables
from ami_facts.cli import app
from ami_facts.export import TABLES
from ami_facts.load import RawArticle, iter_articles
from ami_facts.nlp import FAST_MODEL
from ami_facts.records import ErrorRow
from ami_facts.shards import (
    InputFile,
    Shard,
    count_newlines,
    list_inputs,
    make_shards,
    read_shard,
)
from fixture_paths import GOLD_DIR

distributed = pytest.importorskip("distributed")

from ami_facts import dataset  # noqa: E402
from ami_facts.engine_dask import (  # noqa: E402
    HOLD_ENV,
    DaskRunError,
    DaskSummary,
    extract_dask,
    local_cluster,
)

runner = CliRunner()
ANCHOR = date(2021, 4, 15)
N_SHARDS = 10


def _paragraph_articles() -> list[dict[str, Any]]:
    """Articles made of the gold articles' paragraphs (figures, dates, names in each)."""
    articles = []
    for path in sorted((GOLD_DIR / "articles").glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        for i in range(0, len(paragraphs), 2):
            text = "\n\n".join(paragraphs[i : i + 2])
            articles.append({"id": f"{path.stem}-{i}", "text": text})
    return articles


@pytest.fixture(scope="module")
def shard_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten JSON Lines shards of the same articles, one with a broken and a blank line."""
    folder = tmp_path_factory.mktemp("news")
    articles = _paragraph_articles()
    for n in range(N_SHARDS):
        lines = [json.dumps(a, ensure_ascii=False) for a in articles[n::N_SHARDS]]
        if n == 4:
            lines[1:1] = ["{not json", ""]
        (folder / f"2024-01-{n + 1:02d}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def _extract_local(input_path: Path, out: Path) -> dict[str, pd.DataFrame]:
    args = ["extract", str(input_path), "--out", str(out), "--fast", "--quiet"]
    result = runner.invoke(app, [*args, "--published", ANCHOR.isoformat()])
    assert result.exit_code == 0, result.output
    return load_tables(out)


@pytest.fixture(scope="module")
def local_rows(shard_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _extract_local(shard_dir, tmp_path_factory.mktemp("local"))


def _assert_same_rows(got: dict[str, pd.DataFrame], expected: dict[str, pd.DataFrame]) -> None:
    for table in TABLES:
        pd.testing.assert_frame_equal(got[table], expected[table], obj=table)


def _renamed_sources(tables: dict[str, pd.DataFrame], old: str, new: str) -> dict[str, Any]:
    renamed = {}
    for table, frame in tables.items():
        frame = frame.copy()
        if "source" in frame:
            frame["source"] = frame["source"].str.replace(old, new, regex=False)
        renamed[table] = frame
    return renamed


def _dask(input_spec: str, out: Path | str, **options: Any) -> DaskSummary:
    options.setdefault("workers", 1)
    options.setdefault("processes", False)
    options.setdefault("published", ANCHOR)
    return extract_dask(input_spec, str(out), model=FAST_MODEL, **options)


# --- listing and reading shards (no cluster) ---


def _jsonl_lines() -> list[bytes]:
    long_text = "Il a vendu 12 voitures. " * 40
    return [
        b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "Le prix passe à 7 000 euros."}).encode(),
        b"",
        b"{broken",
        json.dumps({"id": "b", "text": long_text}).encode(),  # longer than the limit below
        json.dumps({"text": "Environ 290 personnes sont mortes en 2020."}).encode(),
        b"\xff\xfe not utf-8",
        json.dumps(
            {"id": "c", "text": "La hausse atteint 3,5 % en mars."}, ensure_ascii=False
        ).encode("utf-8"),
    ]


def _items(items: Iterator[Any]) -> list[tuple[Any, ...]]:
    return [
        (i.source, i.line, i.error) if isinstance(i, ErrorRow) else (i.source, i.line, i.text)
        for i in items
    ]


@pytest.mark.parametrize("blocksize", [1, 7, 60, 200, 10**6])
@pytest.mark.parametrize("trailing_newline", [True, False])
def test_jsonl_ranges_read_the_lines_and_line_numbers_of_the_whole_file(
    tmp_path: Path, blocksize: int, trailing_newline: bool
) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(b"\n".join(_jsonl_lines()) + (b"\n" if trailing_newline else b""))
    expected = _items(iter_articles(path, max_chars=500))
    shards = make_shards(list_inputs(str(path)), blocksize=blocksize)
    assert len(shards) == -(-path.stat().st_size // blocksize)
    got = []
    for shard in shards:
        before = count_newlines(str(path), 0, shard.offset)
        got.extend(_items(read_shard(shard, published=None, max_chars=500, newlines_before=before)))
    assert got == expected


def test_jsonl_ranges_of_a_memory_url_read_like_a_local_file(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    data = b"\n".join(_jsonl_lines()) + b"\n"
    (tmp_path / "news.jsonl").write_bytes(data)
    fsspec.filesystem("memory").pipe_file("/ranges/news.jsonl", data)
    url = "memory:///ranges/news.jsonl"
    got = []
    for shard in make_shards(list_inputs(url), blocksize=50):
        before = count_newlines(url, 0, shard.offset)
        got.extend(_items(read_shard(shard, published=None, max_chars=500, newlines_before=before)))
    local = _items(iter_articles(tmp_path / "news.jsonl", max_chars=500))
    assert got == [(s.replace(str(tmp_path), "memory:///ranges"), *rest) for s, *rest in local]


def test_a_folder_lists_the_files_of_the_local_engine_in_its_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a-c.txt", "a/b.txt", "a/x.meta.json", ".hidden.txt", "n.jsonl", "z.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    from ami_facts.load import iter_input_files

    expected = [str(p) for p in iter_input_files(tmp_path)]
    assert [f.source for f in list_inputs(str(tmp_path))] == expected
    assert [f.source for f in list_inputs(f"file://{tmp_path}")] == [
        f"file://{s}" for s in expected
    ]
    assert [f.source for f in list_inputs(f"{tmp_path}/*.txt")] == [
        str(tmp_path / "a-c.txt"),
        str(tmp_path / "b.txt"),
    ]


def test_adding_a_file_changes_only_its_own_group_of_files() -> None:
    def files(names: list[str]) -> list[InputFile]:
        return [InputFile(url=f"/n/{n}", source=f"/n/{n}", size=10, stamp="s") for n in names]

    names = [f"{i:05d}.txt" for i in range(2000)]
    before = {s.key: s for s in make_shards(files(names), files_per_shard=16)}
    for added in ("00999b.txt", "01500x.txt", "zzz.txt"):
        after = make_shards(files(sorted([*names, added])), files_per_shard=16)
        new = [s for s in after if s.key not in before]
        gone = [s for key, s in before.items() if key not in {s.key for s in after}]
        assert len(before) > 60
        assert len(gone) <= 1
        assert {f.source for s in new for f in s.files} == {
            f"/n/{added}",
            *(f.source for s in gone for f in s.files),
        }


# --- whole runs on clusters of threads (one process: memory:// is shared) ---


def test_memory_url_glob_of_ten_shards_gives_the_local_engine_rows(
    shard_dir: Path, local_rows: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    for path in sorted(shard_dir.glob("*.jsonl")):
        memory.pipe_file(f"/archive/news/{path.name}", path.read_bytes())
    summary = _dask("memory://archive/news/2024-*.jsonl", "memory://archive/out", workers=2)
    assert summary.partitions == summary.processed == N_SHARDS
    got = _renamed_sources(load_tables("memory://archive/out"), "memory:///archive/news", "")
    expected = _renamed_sources(local_rows, str(shard_dir), "")
    _assert_same_rows(got, expected)


def test_jsonl_split_in_byte_ranges_gives_the_local_engine_rows(
    shard_dir: Path, local_rows: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    summary = _dask(str(shard_dir), tmp_path / "out", blocksize=700)
    assert summary.partitions > 2 * N_SHARDS
    _assert_same_rows(load_tables(tmp_path / "out"), local_rows)


def test_one_article_files_and_sidecars_give_the_local_engine_rows(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in sorted((GOLD_DIR / "articles").glob("*.txt")):
        shutil.copy(path, raw / path.name)
    (raw / "citroen-ami-emancipation.meta.json").write_text(
        '{"title": "Ami", "published": "2021-04-13"}', encoding="utf-8"
    )
    (raw / "empty.txt").write_text("", encoding="utf-8")
    expected = _extract_local(raw, tmp_path / "local")
    summary = _dask(str(raw), tmp_path / "out", files_per_shard=3)
    assert 1 < summary.partitions < len(list(raw.glob("*.txt")))  # groups of files
    _assert_same_rows(load_tables(tmp_path / "out"), expected)


def _parts(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.glob("*/part-*.parquet")}


def test_a_second_run_skips_every_finished_partition_and_rewrites_nothing(
    shard_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = _dask(str(shard_dir), out)
    parts = _parts(out)
    again = _dask(str(shard_dir), out)
    assert (again.skipped, again.processed) == (N_SHARDS, 0)
    assert again.kept == first.counts
    assert _parts(out) == parts


def test_changed_options_or_input_redo_their_partitions_and_force_redoes_all(
    shard_dir: Path, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    shutil.copytree(shard_dir, news)
    out = tmp_path / "out"
    _dask(str(news), out)
    with (news / "2024-01-03.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "new", "text": "Il a vendu 40 voitures en mai."}) + "\n")
    (news / "2024-01-11.jsonl").write_text('{"id": "n11", "text": "Un article."}\n', "utf-8")
    changed = _dask(str(news), out)
    assert (changed.skipped, changed.processed) == (N_SHARDS - 1, 2)
    assert changed.counts["articles"] == len(_paragraph_articles()[2::N_SHARDS]) + 2
    other_day = _dask(str(news), out, published=date(2022, 1, 1))
    assert (other_day.skipped, other_day.processed) == (0, N_SHARDS + 1)
    named = dataset.named_parts(dataset.read_entries(str(out)).values())
    assert set(_parts(out)) == named  # the parts of the replaced entries are gone
    forced = _dask(str(news), out, force=True)
    assert (forced.skipped, forced.processed) == (0, N_SHARDS + 1)
    articles = load_tables(out)["articles"]
    assert articles["article_id"].is_unique
    assert set(articles["published"]) == {ANCHOR.isoformat()}


def test_a_failing_partition_leaves_the_others_committed_and_is_retried_next_run(
    shard_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    write_part = dataset.write_part

    def failing(out: str, table: str, name: str, rows: Any) -> Any:
        if name.startswith("part-000002-"):
            raise OSError("the store refused the write")
        return write_part(out, table, name, rows)

    monkeypatch.setattr(dataset, "write_part", failing)
    with pytest.raises(DaskRunError, match=r"1 of 10 partitions failed .*refused"):
        _dask(str(shard_dir), out)
    assert len(dataset.read_entries(str(out))) == N_SHARDS - 1
    monkeypatch.setattr(dataset, "write_part", write_part)
    again = _dask(str(shard_dir), out)
    assert (again.skipped, again.processed) == (N_SHARDS - 1, 1)


@pytest.fixture(scope="module")
def dask_out(shard_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dask") / "out"
    _dask(str(shard_dir), out)
    return out


def test_readers_ignore_parts_no_manifest_entry_names(
    dask_out: Path,
    local_rows: dict[str, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    shutil.copytree(dask_out, out)
    named = next(out.glob("figures/part-*.parquet"))
    shutil.copy(named, out / "figures" / "part-000004-0123456789ab.parquet")  # a killed run's
    tables = load_tables(out)
    _assert_same_rows(tables, local_rows)
    duckdb = pytest.importorskip("duckdb")
    monkeypatch.chdir(out.parent)  # the README's query, as written, from the folder of OUT
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Scale out with Dask", 1)[1]
    query = section.split("```sql\n", 1)[1].split("```", 1)[0].replace("OUT", "out")
    figures = duckdb.sql(query.rstrip().rstrip(";")).df()
    every_part = duckdb.sql(query.split("WHERE")[0]).df()
    assert len(figures) == len(tables["figures"]) < len(every_part)
    assert sorted(figures["figure_id"]) == sorted(tables["figures"]["figure_id"])


def test_a_part_changed_after_its_commit_is_an_error_then_redone(
    shard_dir: Path, dask_out: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(dask_out, out)
    first, second = sorted(out.glob("dates/part-*.parquet"))[:2]
    assert first.stat().st_size != second.stat().st_size
    shutil.copy(first, second)
    with pytest.raises(dataset.DatasetError, match="checksum"):
        load_tables(out)
    again = _dask(str(shard_dir), out)
    assert (again.skipped, again.processed) == (N_SHARDS - 1, 1)
    assert len(load_tables(out)["dates"]) == len(load_tables(dask_out)["dates"])


# --- faults, on a cluster of two worker processes ---


@pytest.fixture(scope="module")
def hold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("holds")


@pytest.fixture(scope="module")
def process_cluster(hold_dir: Path) -> Iterator[Any]:
    """Two single-threaded worker processes that know the test hold folder.

    The variable stays set while the cluster lives: a worker killed by a test is
    restarted with the environment of that moment.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(HOLD_ENV, str(hold_dir))
        with local_cluster(2) as cluster:
            yield cluster


def _wait_for(condition: Callable[[], Any], what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)
    return result


def _held(hold_dir: Path, index: int) -> Callable[[], int | None]:
    def started() -> int | None:
        found = list(hold_dir.glob(f"{index}.started.*"))
        return int(found[0].name.rsplit(".", 1)[1]) if found else None

    (hold_dir / f"{index}.hold").touch()
    return started


def _release(hold_dir: Path, index: int) -> None:
    """Let a held task go on; a later test may hold the same partition again."""
    (hold_dir / f"{index}.hold").unlink()
    for started in hold_dir.glob(f"{index}.started.*"):
        started.unlink()


def _has_articles(shard: Shard) -> bool:
    items = read_shard(shard, published=None, max_chars=10**6)
    return any(isinstance(item, RawArticle) for item in items)


def test_file_url_glob_on_worker_processes_gives_the_local_engine_rows(
    shard_dir: Path, local_rows: dict[str, pd.DataFrame], process_cluster: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = _dask(
        f"file://{shard_dir}/2024-*.jsonl", out, scheduler=process_cluster.scheduler_address
    )
    assert summary.processed == N_SHARDS
    got = _renamed_sources(load_tables(out), "file://", "")
    _assert_same_rows(got, local_rows)


def test_a_worker_killed_mid_run_loses_nothing_and_its_part_is_not_read(
    shard_dir: Path,
    local_rows: dict[str, pd.DataFrame],
    process_cluster: Any,
    hold_dir: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    blocksize = 900  # byte ranges: line numbers are counted by tasks on the workers too
    shards = make_shards(list_inputs(str(shard_dir)), blocksize=blocksize)
    index = next(s.index for s in shards[3:] if _has_articles(s))
    started = _held(hold_dir, index)
    results: list[DaskSummary] = []
    address = process_cluster.scheduler_address
    run = threading.Thread(
        target=lambda: results.append(
            _dask(str(shard_dir), out, scheduler=address, blocksize=blocksize)
        )
    )
    run.start()
    try:
        os.kill(_wait_for(started, f"partition {index} to start"), signal.SIGKILL)
        run.join(timeout=120)
    finally:
        _release(hold_dir, index)
    assert results, "the run did not finish"
    assert results[0].processed == results[0].partitions == len(shards)
    _assert_same_rows(load_tables(out), local_rows)
    named = dataset.named_parts(dataset.read_entries(str(out)).values())
    parts = out.glob(f"articles/part-{index:06d}-*")
    killed = [p for p in parts if f"articles/{p.name}" not in named]
    assert len(killed) == 1  # written by the killed attempt before it waited, and not read


def test_a_client_killed_mid_run_the_next_run_does_only_the_rest(
    shard_dir: Path,
    local_rows: dict[str, pd.DataFrame],
    process_cluster: Any,
    hold_dir: Path,
    tmp_path: Path,
) -> None:
    out, log = tmp_path / "out", tmp_path / "client.log"
    started = _held(hold_dir, 6)
    client = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from ami_facts.cli import app; app()",
            "extract",
            str(shard_dir),
            "--out",
            str(out),
            "--fast",
            "--published",
            ANCHOR.isoformat(),
            "--engine",
            "dask",
            "--scheduler",
            process_cluster.scheduler_address,
        ],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),  # a file: a pipe nobody reads would fill and block the client
    )
    try:
        _wait_for(started, f"partition 6 to start ({log})")
        _wait_for(lambda: len(dataset.read_entries(str(out))) >= 3, "three partitions committed")
    finally:
        os.killpg(client.pid, signal.SIGKILL)  # the client and its children, at once
        client.wait()
        _release(hold_dir, 6)
    # Partition 6 never finished; others may have (a task queued behind it may not).
    committed = dataset.read_entries(str(out))
    assert 3 <= len(committed) < N_SHARDS
    summary = _dask(str(shard_dir), out, scheduler=process_cluster.scheduler_address)
    assert (summary.skipped, summary.processed) == (len(committed), N_SHARDS - len(committed))
    assert all(dataset.read_entries(str(out))[key] == e for key, e in committed.items())
    _assert_same_rows(load_tables(out), local_rows)


# --- the command line ---


def test_cli_dask_run_says_what_it_skipped_and_processed(
    shard_dir: Path, process_cluster: Any, tmp_path: Path
) -> None:
    args = ["extract", f"{shard_dir}/*.jsonl", "--out", str(tmp_path / "out"), "--fast"]
    args += ["--engine", "dask", "--scheduler", process_cluster.scheduler_address]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert f"{N_SHARDS} partitions: 0 done before (kept), {N_SHARDS} processed now" in first.output
    second = runner.invoke(app, args)
    assert f"{N_SHARDS} done before (kept), 0 processed now" in second.output
    assert second.exit_code == 0


@pytest.mark.parametrize("spec", ["s3://bucket/news/*.jsonl", "news/2024-*.jsonl"])
def test_cli_local_engine_refuses_urls_and_globs(spec: str) -> None:
    result = runner.invoke(app, ["extract", spec, "--fast"])
    assert result.exit_code == 2
    assert "need --engine dask" in " ".join(result.output.split())

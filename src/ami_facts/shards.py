"""Input shards for the Dask engine: the client lists them, each worker reads its own.

``INPUT`` is a local path (file or folder, as for the local engine), a glob, or
an fsspec URL (``s3://bucket/news/2024-*.jsonl``, ``file:///data/news``,
``memory://...``). Listing it reads no article: only names, sizes and
modification stamps. A shard is either one byte range of a JSON Lines file,
split on line boundaries the way ``dask.bag.read_text`` and
``fsspec.utils.read_block`` split (a line belongs to the range its first byte
falls in), or a group of whole one-article files (txt, html, json). A worker
reads its shard where it runs and yields the same articles and error rows, with
the same ``source`` and line numbers, as the local engine reading that input.
"""

from __future__ import annotations

import glob
import hashlib
import io
import os
import re
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, cast

from ami_facts.load import (
    INPUT_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_MARKUP_BYTES_PER_CHAR,
    SIDECAR_SUFFIX,
    RawArticle,
    iter_articles,
    iter_input_files,
    iter_jsonl_lines,
)
from ami_facts.records import ErrorRow

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
# Bytes of a JSON Lines file per shard (see the README, Performance, for the size).
DEFAULT_BLOCKSIZE = 16 * 2**20
# One-article files per shard, on average: a group ends after a file whose name
# hashes to 0 modulo this, so adding or removing a file changes its own group
# only (the later groups keep their files, and stay done). A group is cut at
# MAX_GROUP_FACTOR times this many files (a cut by count moves when a file is
# added; groups that long come once in about 10 million).
DEFAULT_FILES_PER_SHARD = 128
MAX_GROUP_FACTOR = 16
# Listing keys whose value changes when an object does, by store (local mtime,
# S3 ETag, GCS generation or md5, memory creation time, ...).
_STAMP_KEYS = ("ETag", "etag", "generation", "md5Hash", "mtime", "LastModified", "created")
_READ_CHUNK = 1 << 20


class InputNotFoundError(FileNotFoundError):
    """INPUT names nothing that can be read."""


@dataclass(frozen=True)
class InputFile:
    """One input file as listed: where workers read it and what rows call it."""

    url: str  # an absolute local path, or a URL with its protocol
    source: str  # the name in rows: the path as given (as the local engine shows it), or the URL
    size: int
    stamp: str  # changes when the file (or its NAME.meta.json) changes
    sidecar: str | None = None  # URL of the NAME.meta.json beside a remote file

    @property
    def jsonl(self) -> bool:
        return Path(self.source).suffix.lower() in JSONL_SUFFIXES


@dataclass(frozen=True)
class Shard:
    """What one task reads: a byte range of one JSON Lines file, or whole files.

    ``index`` is the shard's place in input order (sorted paths, then offsets).
    For a JSON Lines file, ``offset`` and ``length`` are the range (``length``
    None: to the end of the file).
    """

    index: int
    files: tuple[InputFile, ...]
    offset: int = 0
    length: int | None = None

    @property
    def jsonl(self) -> bool:
        return len(self.files) == 1 and self.files[0].jsonl

    @property
    def key(self) -> str:
        """Where the shard is (its files and range), whatever they hold."""
        where = "\n".join([*(f.url for f in self.files), str(self.offset), str(self.length)])
        return hashlib.sha1(where.encode("utf-8")).hexdigest()[:20]

    @property
    def stamp(self) -> str:
        """What the shard's files held when listed (sizes and modification stamps)."""
        return ";".join(f.stamp for f in self.files)

    def describe(self) -> dict[str, Any]:
        """The shard as the manifest records it."""
        return {
            "sources": [f.source for f in self.files],
            "urls": [f.url for f in self.files],
            "offset": self.offset,
            "length": self.length,
            "stamp": self.stamp,
        }


def is_url(spec: str) -> bool:
    """Whether ``spec`` names an fsspec URL (``s3://``, ``file://``, ``memory://``...)."""
    return bool(URL.match(spec))


def _is_input_name(name: str) -> bool:
    return (
        Path(name).suffix.lower() in INPUT_SUFFIXES
        and not name.endswith(SIDECAR_SUFFIX)
        and not name.startswith(".")
    )


def _sort_key(url: str) -> list[str]:
    # Path order, as the local engine sorts (part by part: "a/b" before "a-c").
    return url.split("/")


def list_inputs(spec: str) -> list[InputFile]:
    """The input files of ``spec`` in input order; reads names, sizes and stamps only."""
    files = _list_remote(spec) if is_url(spec) else _list_local(spec)
    if not files:
        raise InputNotFoundError(f"{spec} holds no input file (.txt, .html, .json, .jsonl)")
    return files


def _local_stamp(path: Path) -> tuple[int, str]:
    stat = path.stat()
    stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + SIDECAR_SUFFIX)
    if sidecar.exists():
        stamp += f"+{sidecar.stat().st_mtime_ns}"
    return stat.st_size, stamp


def _list_local(spec: str) -> list[InputFile]:
    if glob.has_magic(spec):
        matches = [Path(m) for m in glob.glob(spec, recursive=True)]
        paths: list[Path] = []
        for match in sorted(matches):
            if match.is_dir():
                paths.extend(iter_input_files(match))
            elif match.is_file() and _is_input_name(match.name):
                paths.append(match)
    elif Path(spec).exists():
        paths = list(iter_input_files(Path(spec)))
    else:
        raise InputNotFoundError(f"{spec} does not exist")
    files: list[InputFile] = []
    seen: set[str] = set()
    for path in paths:
        url = os.path.abspath(path)
        if url in seen:
            continue
        seen.add(url)
        size, stamp = _local_stamp(path)
        files.append(InputFile(url=url, source=str(path), size=size, stamp=stamp))
    return files


def _stamp(info: dict[str, Any]) -> str:
    for key in _STAMP_KEYS:
        if info.get(key) not in (None, ""):
            return f"{info.get('size')}:{info[key]}"
    return str(info.get("size"))


def _list_remote(spec: str) -> list[InputFile]:
    import fsspec
    from fsspec.implementations.local import LocalFileSystem

    fs, root = fsspec.core.url_to_fs(spec)
    local = isinstance(fs, LocalFileSystem)
    if glob.has_magic(root):
        found: dict[str, dict[str, Any]] = fs.glob(root, detail=True)
    elif fs.exists(root):
        found = {root: fs.info(root)}
    else:
        raise InputNotFoundError(f"{spec} does not exist")
    # A file named alone is an input whatever its suffix, as for the local engine.
    named_file = not glob.has_magic(root) and found[root].get("type") != "directory"
    listing: dict[str, dict[str, Any]] = {}
    for path, info in found.items():
        if info.get("type") == "directory":
            listing.update(fs.find(path, detail=True))
        else:
            listing[path] = info
    names = set(listing)
    files: list[InputFile] = []
    for path in sorted(listing, key=_sort_key):
        info = listing[path]
        name = path.rsplit("/", 1)[-1]
        if not (named_file or _is_input_name(name)):
            continue
        sidecar_path = path.rsplit(".", 1)[0] + SIDECAR_SUFFIX
        if named_file and fs.exists(sidecar_path):
            names.add(sidecar_path)
            listing[sidecar_path] = fs.info(sidecar_path)
        sidecar = None
        stamp = _stamp(info)
        if sidecar_path in names:
            sidecar = fs.unstrip_protocol(sidecar_path)
            stamp += "+" + _stamp(listing[sidecar_path])
        source = fs.unstrip_protocol(path)
        # Local files (file://) are read as paths; rows still name them by their URL.
        url = path if local else source
        if local:
            sidecar = None  # the local reader finds NAME.meta.json itself
        files.append(
            InputFile(url=url, source=source, size=int(info["size"]), stamp=stamp, sidecar=sidecar)
        )
    return files


def make_shards(
    files: list[InputFile],
    *,
    blocksize: int = DEFAULT_BLOCKSIZE,
    files_per_shard: int = DEFAULT_FILES_PER_SHARD,
) -> list[Shard]:
    """Shards in input order: byte ranges of JSON Lines files, groups of other files."""
    shards: list[Shard] = []
    group: list[InputFile] = []

    def close_group() -> None:
        if group:
            shards.append(Shard(index=len(shards), files=tuple(group)))
            group.clear()

    for file in files:
        if file.jsonl:
            close_group()
            offsets = range(0, max(file.size, 1), blocksize)
            for offset in offsets:
                last = offset + blocksize >= file.size
                length = None if last else blocksize
                shards.append(Shard(len(shards), (file,), offset=offset, length=length))
            continue
        group.append(file)
        name_hash = zlib.crc32(file.source.rsplit("/", 1)[-1].encode("utf-8"))
        if name_hash % files_per_shard == 0 or len(group) >= MAX_GROUP_FACTOR * files_per_shard:
            close_group()
    close_group()
    return shards


def _open(url: str) -> BinaryIO:
    """A buffered binary handle on ``url`` (``readline(limit)`` and ``tell`` work)."""
    if not is_url(url):
        return open(url, "rb")
    import fsspec

    handle: Any = fsspec.open(url, "rb").open()
    if isinstance(handle, io.BufferedIOBase):
        return cast(BinaryIO, handle)
    return io.BufferedReader(handle, buffer_size=_READ_CHUNK)


def count_newlines(url: str, offset: int, length: int) -> int:
    """How many line breaks bytes ``offset`` to ``offset + length`` of ``url`` hold."""
    count = 0
    with _open(url) as handle:
        handle.seek(offset)
        while length > 0 and (chunk := handle.read(min(_READ_CHUNK, length))):
            count += chunk.count(b"\n")
            length -= len(chunk)
    return count


def _skip_to_next_line(handle: BinaryIO) -> bool:
    """Read through the next line break; False at the end of the file."""
    while chunk := handle.readline(_READ_CHUNK):
        if chunk.endswith(b"\n"):
            return True
    return False


def read_shard(
    shard: Shard,
    *,
    published: date | None,
    max_chars: int,
    newlines_before: int = 0,
) -> Iterator[RawArticle | ErrorRow]:
    """The articles and errors of ``shard``, as the local engine reads them.

    ``newlines_before``: the line breaks of the file before the shard's offset
    (a range past the first numbers its lines from there).
    """
    if not shard.jsonl:
        for file in shard.files:
            yield from _read_file(file, published=published, max_chars=max_chars)
        return
    file = shard.files[0]
    try:
        handle = _open(file.url)
    except OSError as exc:
        name = Path(file.source).name
        yield ErrorRow(source=file.source, error=f"{name}: cannot be read ({exc.strerror or exc}).")
        return
    with handle:
        first_line = 1
        if shard.offset:
            handle.seek(shard.offset)
            first_line = newlines_before + _skip_to_next_line(handle) + 1
        end = None if shard.length is None else shard.offset + shard.length
        yield from iter_jsonl_lines(
            handle,
            source=file.source,
            name=Path(file.source).name,
            published=published,
            max_chars=max_chars,
            first_line=first_line,
            end=end,
        )


def _renamed(
    items: Iterator[RawArticle | ErrorRow], read_as: str, source: str
) -> Iterator[RawArticle | ErrorRow]:
    """Items read from the path ``read_as`` as if read from ``source``."""
    for item in items:
        if item.source == read_as:
            if isinstance(item, RawArticle):
                item.source = source
            else:
                item = item.model_copy(update={"source": source})
        yield item


def _read_file(
    file: InputFile, *, published: date | None, max_chars: int
) -> Iterator[RawArticle | ErrorRow]:
    if not is_url(file.url):
        items = iter_articles(Path(file.url), published=published, max_chars=max_chars)
        yield from _renamed(items, file.url, file.source)
        return
    # A remote one-article file is copied beside its NAME.meta.json into a folder of
    # the worker's and read there the way the local engine reads it.
    import fsspec

    name = file.source.rsplit("/", 1)[-1]
    with tempfile.TemporaryDirectory(prefix="ami-facts-") as folder:
        local = Path(folder) / name
        try:
            if file.size > MAX_MARKUP_BYTES_PER_CHAR * max_chars:
                # Refused for its size alone: a sparse file of that size, never fetched.
                with local.open("wb") as handle:
                    handle.truncate(file.size)
            else:
                fs, path = fsspec.core.url_to_fs(file.url)
                fs.get_file(path, str(local))
            if file.sidecar is not None:
                fs, path = fsspec.core.url_to_fs(file.sidecar)
                fs.get_file(path, str(local.with_name(file.sidecar.rsplit("/", 1)[-1])))
        except OSError as exc:
            yield ErrorRow(source=file.source, error=f"{name}: cannot be read ({exc}).")
            return
        items = iter_articles(local, published=published, max_chars=max_chars)
        yield from _renamed(items, str(local), file.source)

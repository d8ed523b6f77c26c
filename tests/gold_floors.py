"""Floors of the gold scores, one table for every gold test (per half of the gold).

Each floor is the score measured when it was set, less a margin of about 0.02, so
that a small regression fails a test. When a change raises a score, raise its
floor here (the measured value is in the comment): ``measure_gold_floors.py`` prints
this table anew and never lowers a floor. Keys: (half, table, measure).

- half: ``dev`` or ``blind`` (``ami_facts.evaluate.gold_split``), or ``seed`` for the
  seed article alone (a dev article);
- table: ``figures``, ``dates``, ``entities`` for the whole pipeline
  (``ami_facts.evaluate``, read by test_gold.py), or ``figures alone`` and
  ``entities alone`` for one extractor run as the pipeline runs it (``gold_stages.py``,
  read by test_figures_gold.py and test_entities_gold.py);
- measure: ``f1`` (``precision``, ``recall``), a field's accuracy over matched rows,
  ``value f1`` for dates matched on span and TIMEX3 value, or ``FIELD precision`` /
  ``FIELD recall`` for subject, metric and period.
"""

from __future__ import annotations

FLOORS: dict[tuple[str, str, str], float] = {
    ("blind", "dates", "end_date"): 0.98,  # 1.0000
    ("blind", "dates", "f1"): 0.96,  # 0.9856
    ("blind", "dates", "relative"): 0.98,  # 1.0000
    ("blind", "dates", "start_date"): 0.73,  # 0.7500
    ("blind", "dates", "type"): 0.98,  # 1.0000
    ("blind", "dates", "value"): 0.97,  # 0.9903
    ("blind", "dates", "value f1"): 0.94,  # 0.9623
    ("blind", "entities", "f1"): 0.87,  # 0.8952
    ("blind", "entities", "label"): 0.96,  # 0.9830
    ("blind", "entities", "name"): 0.91,  # 0.9319
    ("blind", "entities alone", "f1"): 0.86,  # 0.8876
    ("blind", "entities alone", "name"): 0.91,  # 0.9313
    ("blind", "entities alone", "precision"): 0.90,  # 0.9209
    ("blind", "entities alone", "recall"): 0.83,  # 0.8566
    ("blind", "figures", "approximate"): 0.98,  # 1.0000
    ("blind", "figures", "bound"): 0.98,  # 1.0000
    ("blind", "figures", "counted"): 0.88,  # 0.9008
    ("blind", "figures", "f1"): 0.95,  # 0.9726
    ("blind", "figures", "kind"): 0.97,  # 0.9949
    ("blind", "figures", "metric"): 0.91,  # 0.9372
    ("blind", "figures", "metric precision"): 0.91,  # 0.9349
    ("blind", "figures", "metric recall"): 0.91,  # 0.9349
    ("blind", "figures", "per"): 0.98,  # 1.0000
    ("blind", "figures", "period"): 0.81,  # 0.8333
    ("blind", "figures", "period precision"): 0.86,  # 0.8824
    ("blind", "figures", "period recall"): 0.69,  # 0.7143
    ("blind", "figures", "period_end"): 0.81,  # 0.8333
    ("blind", "figures", "period_start"): 0.81,  # 0.8333
    ("blind", "figures", "subject"): 0.75,  # 0.7730
    ("blind", "figures", "subject precision"): 0.87,  # 0.8944
    ("blind", "figures", "subject recall"): 0.73,  # 0.7515
    ("blind", "figures", "unit"): 0.97,  # 0.9949
    ("blind", "figures alone", "approximate"): 0.98,  # 1.0000
    ("blind", "figures alone", "bound"): 0.98,  # 1.0000
    ("blind", "figures alone", "counted"): 0.88,  # 0.9008
    ("blind", "figures alone", "f1"): 0.95,  # 0.9726
    ("blind", "figures alone", "kind"): 0.97,  # 0.9949
    ("blind", "figures alone", "per"): 0.98,  # 1.0000
    ("blind", "figures alone", "unit"): 0.97,  # 0.9949
    ("dev", "dates", "end_date"): 0.78,  # 0.8000
    ("dev", "dates", "f1"): 0.95,  # 0.9714
    ("dev", "dates", "relative"): 0.94,  # 0.9664
    ("dev", "dates", "start_date"): 0.98,  # 1.0000
    ("dev", "dates", "type"): 0.98,  # 1.0000
    ("dev", "dates", "value"): 0.92,  # 0.9496
    ("dev", "dates", "value f1"): 0.90,  # 0.9224
    ("dev", "entities", "f1"): 0.93,  # 0.9539
    ("dev", "entities", "label"): 0.97,  # 0.9926
    ("dev", "entities", "name"): 0.94,  # 0.9665
    ("dev", "entities alone", "f1"): 0.93,  # 0.9502
    ("dev", "entities alone", "name"): 0.94,  # 0.9663
    ("dev", "entities alone", "precision"): 0.93,  # 0.9536
    ("dev", "entities alone", "recall"): 0.92,  # 0.9468
    ("dev", "figures", "approximate"): 0.97,  # 0.9900
    ("dev", "figures", "bound"): 0.98,  # 1.0000
    ("dev", "figures", "counted"): 0.90,  # 0.9255
    ("dev", "figures", "f1"): 0.98,  # 1.0000
    ("dev", "figures", "kind"): 0.95,  # 0.9700
    ("dev", "figures", "metric"): 0.92,  # 0.9457
    ("dev", "figures", "metric precision"): 0.96,  # 0.9848
    ("dev", "figures", "metric recall"): 0.90,  # 0.9286
    ("dev", "figures", "per"): 0.98,  # 1.0000
    ("dev", "figures", "period"): 0.95,  # 0.9792
    ("dev", "figures", "period precision"): 0.98,  # 1.0000
    ("dev", "figures", "period recall"): 0.94,  # 0.9630
    ("dev", "figures", "period_end"): 0.95,  # 0.9792
    ("dev", "figures", "period_start"): 0.95,  # 0.9792
    ("dev", "figures", "subject"): 0.82,  # 0.8493
    ("dev", "figures", "subject precision"): 0.98,  # 1.0000
    ("dev", "figures", "subject recall"): 0.77,  # 0.7963
    ("dev", "figures", "unit"): 0.94,  # 0.9677
    ("dev", "figures alone", "approximate"): 0.97,  # 0.9900
    ("dev", "figures alone", "bound"): 0.98,  # 1.0000
    ("dev", "figures alone", "counted"): 0.90,  # 0.9255
    ("dev", "figures alone", "f1"): 0.97,  # 0.9901
    ("dev", "figures alone", "kind"): 0.95,  # 0.9700
    ("dev", "figures alone", "per"): 0.98,  # 1.0000
    ("dev", "figures alone", "unit"): 0.94,  # 0.9677
    ("seed", "dates", "f1"): 0.98,  # 1.0000
    ("seed", "entities", "f1"): 0.96,  # 0.9808
    ("seed", "figures", "f1"): 0.98,  # 1.0000
}

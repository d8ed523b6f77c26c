"""Figures: every number that counts, measures, prices, ranks or lasts something.

Pure Python and regular expressions over the text (no parse needed), in four
passes (``find.py``, ``find_figures``, runs them):

1. numeric cores: race times (``2'24 "``), fractions (``3/4``) and digits
   (``3.714``, ``1,5 million``, ``25 M€``) in ``read_digits.py``; collective
   nouns (``une dizaine``) and number words (``deux mille six cent neuf``,
   ``vingt-cinquième``) in ``read_words.py``;
2. each core is extended (``build.py``): sign and qualifier before it,
   multiplier, unit, counted noun and rate after it;
3. false positives are dropped (``not_a_figure.py``, with the French rules of
   ``ami_facts.french.false_positives``);
4. neighbours are joined (``join.py``): ranges (``entre 5 et 10``), alternatives
   (``250 ou 300 dm3``), lists (``respectivement 40 et 54 €``), compound
   durations (``1 h 30``); a bare count takes the counted noun of the figure
   before it in the same sentence (``3.714 exemplaires ... ou 412 chaque
   mois``), a bare amount with a multiplier its unit (``19,7 milliards de
   dollars contre 18,5 milliards``); a change (``passe de 575 à 593 l``) is two
   figures.

The passes hand each other ``_Core`` and ``_Fig`` (``figure_types.py``) and
share the scanning helpers of ``scanning.py``.

Ordinals: an ordinal is a figure of kind ``rank`` only when it ranks; the rule
is in ``false_positives.ordinal_role`` (a rank noun or ``de`` after it ranks:
``deuxième de ce marché``, ``première place``, ``35e victoire``; any other
noun after it names: ``seizième édition``, ``Huitième étape``, ``le second
aqueduc``; alone it ranks: ``se classant troisième``). Results tables
(``1. Garcia``) and ``les dix premiers`` (bound max) are ranks too.

French knowledge (words, units, qualifiers, false positives) lives in
``ami_facts.french``; this package is the machinery.
"""

from __future__ import annotations

from ami_facts.components.figures.find import find_figures

__all__ = ["find_figures"]

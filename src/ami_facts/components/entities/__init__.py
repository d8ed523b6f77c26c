"""Entities: the model's NER plus products, fixed and given canonical names.

Layers, merged in this order of priority (a later layer only fills gaps):

1. lexicon (``products.py``, from ``french/data/brands.json``): brand + model
   (PRODUCT), models coordinated with a brand's model (``Cruze et Equinox``),
   models alone once named with their brand (``l'AMI``), brands (ORG), brand +
   place or division (``Citroën France``: its own ORG), brand + service
   (``Free2Move Carsharing``: the brand), brand + an unlisted word in a company's
   context (``Renault Ampere a annoncé``, ``chez Toyota Tsusho``: ORG); roads
   (``RN 12``, ``rule_layers.py``) before the brands;
2. patterns (``rule_layers.py``): street names (``rue de Metz``), a competition
   and its year (``Euro 2024``: MISC), nationality codes of sports results
   (``Garcia (Esp)``), the names after a person's title (``Mes Durand, Lefort et
   Roux``, ``M. Petit``: PER);
3. lexicon models alone once their brand is named (``Tiguan``, ``iX3``) and
   standalone models even unnamed (``iPhone 15``, ``A350``), unless inside a
   longer NER entity (``products.py``);
4. the statistical NER (``doc.ents``) with our fixes (``ner_fixes.py``): cut at
   blank lines and after title phrases (``procureur de la République de Lyon``),
   trimmed (determiners, punctuation, titles, line-initial common words, a
   trailing clause: ``Enedis jeudi matin``), filtered (common words, demonyms,
   units, common-noun acronyms, diseases, headings in capitals; and what
   ``not_names.py`` says is not a name: French words opening a line, heading, list
   item or sentence, days, months and holidays, technical codes and classes of a
   standard, a role's portfolio; a role's holder is the name alone: ``le ministre
   de la Santé Jean Martin``) and relabelled (streets are LOC, bare acronyms ORG,
   institutions with their full name: ``tribunal correctionnel d'Épinal``, ``lycée
   Chaptal``, clubs and ``X-France`` bodies ORG, a head noun or ``chez`` before the
   name decides: ``l'équipe Kelme``, and is a cue for the name's other mentions; a
   listed model of a named brand is PRODUCT). The head nouns around a name live in
   ``heads.py``, how far a name the NER cut goes on in ``name_extent.py``;
5. names the NER missed after such a head noun; places from ``places.json`` the
   NER missed (``rule_layers.py``).

Then one ``name`` per thing across the article (``names.py``): lexicon casing,
canonical places, surname -> full name of the article, long form -> its acronym
(but an acronym the text defines in brackets -> the full name: ``Régie autonome
des transports parisiens (RATP)``), and one label per name (the cues' majority
where the context gave some, else the majority vote; names differing only in case
are one).
Mentions that start in ``excluded`` are dropped before any of this, so
boilerplate lends no name, brand or model to the body. ``find.py``
(``find_entities``) runs the layers and merges them.

For the linker: ``find_periphrases`` (``periphrases.py``: ``la marque aux
chevrons`` -> ``Citroën``) and ``main_subject`` (``names.py``).

The lexicon regexes are compiled once per process (``matchers.py``); the layers
share the mention record (``mention.py``) and token tests (``tokens.py``).

Everything works on a doc without NER, tagger or parser (``spacy.blank("fr")``):
then the lexicon and pattern layers speak alone.
"""

from __future__ import annotations

from ami_facts.components.entities.find import find_entities
from ami_facts.components.entities.names import main_subject
from ami_facts.components.entities.periphrases import find_periphrases

__all__ = ["find_entities", "find_periphrases", "main_subject"]

"""The linker: what each figure is about (subject), what it measures (metric), and when
(period), from the plain dicts the dates, figures and entities components left on the Doc.

Where each step lives:

- ``link.py``: the entry points (``link_figures`` for a parsed Doc, ``link_text`` for
  the rules alone) and the loop over the figures, in text order;
- ``subject.py``: the named thing a figure is about (parse, results rows, section
  topics, the article's main subject);
- ``owners.py``: whose a figure is where a possessive, ``y`` or an unnamed person
  says it (``Ses ventes``, ``leur croissance``, ``un homme de 34 ans``);
- ``holders.py``: who holds a figure the parse hangs away from its verb's subject
  (``à X`` of a penalty, ``dont 155 000 pour la marque Dacia``, ``les ventes du
  constructeur``);
- ``subject_evidence.py``: the candidates for the subject and their evidence;
- ``metric.py``: what is measured (clue phrases, unit, counted noun, verb);
- ``period.py``: the date expression a figure is about (clause, sentence, the one
  before), baselines left out;
- ``mentions.py``: the mentions that can be a subject, and antecedents;
- ``syntax.py``: the figure's token and verb in the dependency parse;
- ``sentences.py``: sentences, clauses, paragraphs and intertitles as ranges.
"""

from ami_facts.components.linker.link import link, link_figures, link_text
from ami_facts.components.linker.subject import main_subject_mention

__all__ = ["link", "link_figures", "link_text", "main_subject_mention"]

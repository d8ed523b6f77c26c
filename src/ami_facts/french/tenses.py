"""Verb forms that tell a clause's tense without a parse (the past, the future)."""

from __future__ import annotations

import re

# ``sera``, ``pourra``, ``devrait``, ``augmentera``, ``recevra``, ``verra``
FUTURE_VERB = re.compile(
    r"\b(?:sera|seront|aura|auront|fera|feront|ira|iront|va|vont|devra|devront|pourra|pourront"
    r"|viendra|viendront|(?:dev|pour|se|au|fe|viend|faud)rai(?:t|ent))\b|\b\w{2,}(?:erai|eras|era|erons|erez|eront"
    r"|irai|ira|iront|drai|dra|dront|vrai|vra|vront|rrai|rra|rront)\b",
    re.IGNORECASE,
)
# ``a annoncé``, ``se sont effondrés``, ``avait``, ``comptait``
PAST_VERB = re.compile(
    r"\b(?:a|ont|avait|avaient|était|étaient|fut|furent|eut|s['’]est|se\s+sont)"
    # not the nouns of "a lieu", "a peu", "a beau" (present tense)
    r"\s+(?!(?:lieu|peu|beau|feu|jeu)\b)"
    r"(?:\w+\s+)?\w+(?:é|ée|és|ées|ie?s?|ite?s?|ise?s?|ue?s?|erte?s?|einte?s?|orte?s?)\b"
    r"|\b\w{3,}(?:ait|aient)\b|\b(?:était|étaient|avait|avaient)\b",
    re.IGNORECASE,
)
# ``accusé d'avoir détourné``, ``après être arrivés``: a past infinitive.
PAST_INFINITIVE = re.compile(
    r"\b(?:avoir|être)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|its|ert|erts)\b",
    re.IGNORECASE,
)

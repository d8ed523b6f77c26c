"""French words used to read the counted noun after a number (``650 commandes``).

- ``FUNCTION_WORDS``: words that are never the counted noun (articles,
  prepositions, pronouns, frequent verbs, adverbs).
- ``PRENOMINAL``: adjectives that may stand between the number and the noun
  (``10 nouveaux modèles``).
- ``singular``: a simple French singulariser with a list of invariable words.
- ``LEARNED_PREFIXES``: prefixes French glues to a word without a hyphen
  (``cyberattaque``, ``écoquartier``), newer words the lemmatizer may not list.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

FUNCTION_WORDS = frozenset(
    """
    a à afin ai ainsi alors après as assez au aucun aucune aujourd auprès aussi autant autour
    autre autres aux avaient avais avait avant avec avez avoir avons ayant bien c ça car ce
    ceci cela celle celles celui cependant certes ces cet cette ceux chacun chaque chez ci
    comme comment contre d dans de dehors déjà depuis derrière des dès desquels devant devrait
    devraient doit doivent donc dont du durant elle elles en encore entre environ es est et
    étaient était étant été être eu eux fait font fut furent ici il ils j je jusqu jusque l la
    là laquelle le lequel les lesquels leur leurs lors lorsque lui m ma mais malgré me même
    mêmes mes moi moins mon n ne ni non nos notre nous on ont or ou où par parce parmi pas
    pendant peu peut peuvent plus plusieurs pour pourquoi pourrait pourraient près puis
    puisque qu quand que quel quelle quelles quels qui quoi s sa sans se selon sera seront
    serait seraient ses si sien soi soit son sont sous soit suis sur t ta tandis tant te tes
    toi ton tous tout toute toutes très tu un une unes uns va vais vers via voici voilà vont
    vos votre vous y été ont avaient auront aurait auraient sommes êtes
    respectivement seulement environ quasiment notamment également pourtant cependant
    ensuite enfin puis déjà toujours jamais souvent parfois aussi surtout plutôt
    hier demain aujourd'hui dernier dernière derniers dernières prochain prochaine
    prochains prochaines seul seule seuls seules chacun chacune tels telles tel telle
    contre-la-montre depuis lesquelles desquelles auxquels auxquelles
    """.split()  # noqa: SIM905
)

PRENOMINAL = frozenset(
    """
    nouveaux nouvelles nouveau nouvelle autres petits petites grands grandes gros grosses
    jeunes vieux vieilles bons bonnes mauvais mauvaises vrais vraies beaux belles longs
    longues courtes courts hauts hautes principaux principales premiers premières derniers
    dernières seuls seules simples anciens anciennes futurs futures véritables millions
    milliards
    """.split()  # noqa: SIM905
)

INVARIABLE = frozenset(
    """
    prix fois colis bois mois pays souris corps temps avis cas choix voix taux poids bus
    virus campus jus os dos nez riz gaz bras repas héros procès progrès succès accès
    excès abus discours concours secours parcours recours cours fils puits remords tapis
    relais palais mas legs gens français anglais chinois japonais marocains noix paix croix
    perdrix sens vis index lapsus corpus bonus sinus thermos express matelas tas hors
    autobus minibus trolleybus airbus omnibus terminus consensus cactus blocus
    rendez-vous remous dessous dessus ananas lilas verglas embarras cadenas compas
    """.split()  # noqa: SIM905
)
_AUX_SINGULAR = {
    "chevaux": "cheval",
    "journaux": "journal",
    "animaux": "animal",
    "hôpitaux": "hôpital",
    "généraux": "général",
    "locaux": "local",
    "canaux": "canal",
    "signaux": "signal",
    "métaux": "métal",
    "tribunaux": "tribunal",
    "capitaux": "capital",
    "végétaux": "végétal",
    "travaux": "travail",
    "vitraux": "vitrail",
    "coraux": "corail",
    "émaux": "émail",
    "baux": "bail",
    "idéaux": "idéal",
    "maréchaux": "maréchal",
    "amiraux": "amiral",
    "cardinaux": "cardinal",
    "arsenaux": "arsenal",
    "terminaux": "terminal",
    "réseaux": "réseau",
}
_X_PLURALS = frozenset(["bijoux", "cailloux", "choux", "genoux", "hiboux", "joujoux", "poux"])

# Complements that belong to the counted noun: "étapes contre la montre".
COMPOUND_TAILS = (
    "contre la montre",
    "contre-la-montre",
    "à moteur",
    "à essence",
    "en ligne",
    "en cours",
    "à domicile",
    "à vapeur",
)


@lru_cache(maxsize=4096)  # counted nouns repeat: "personnes", "habitants"
def singular(word: str) -> str:
    """A simple French singular: ``commandes`` -> ``commande``, ``chevaux`` -> ``cheval``."""
    w = word.lower()
    if "-" in w and w not in INVARIABLE:
        # "stations-service" -> "station-service", "grands-parents" -> "grand-parent"
        parts = w.split("-")
        if len(parts[0]) > 3 and looks_plural(parts[0]) and parts[0] not in INVARIABLE:
            return "-".join(singular(x) if looks_plural(x) else x for x in parts)
    if w in INVARIABLE or len(w) <= 3 or w.endswith("ès"):
        return w  # "décès", "procès", "abcès": the same in the plural
    if w in _AUX_SINGULAR:
        return _AUX_SINGULAR[w]
    if w in _X_PLURALS:
        return w[:-1]
    if w.endswith("eaux") or w.endswith("eux") or w.endswith("aux"):
        if w.endswith("aux") and not w.endswith("eaux"):
            return w[:-3] + "al"
        return w[:-1]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def looks_plural(word: str) -> bool:
    """Plural noun endings (``s``, ``x``, ``z``) or an invariable word."""
    w = word.lower()
    first = w.split("-")[0]
    if first != w and len(first) > 3 and first.endswith(("s", "x")) and first not in INVARIABLE:
        return True  # "stations-service", "wagons-lits"
    return w.endswith(("s", "x", "z")) or w in INVARIABLE


LEARNED_PREFIXES = (
    "cyber", "micro", "macro", "multi", "mini", "méga", "hyper", "ultra", "anti", "néo",
    "post", "pré", "semi", "télé", "auto", "bio", "éco", "agro", "hydro", "électro",
    "thermo", "géo", "vidéo", "radio", "nano", "crypto",
)  # fmt: skip


def prefixed_word(word: str, is_word: Callable[[str], bool]) -> bool:
    """``Cyberattaque``, ``Écoquartier``: a learned prefix glued to a word ``is_word``
    knows (four letters at least after the prefix)."""
    low = word.lower()
    return any(
        low.startswith(prefix) and len(low) - len(prefix) >= 4 and is_word(low[len(prefix) :])
        for prefix in LEARNED_PREFIXES
    )

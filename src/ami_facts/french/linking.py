"""French words that tell what a figure is about (read by ``components/linker/``).

- ``SPEECH_VERBS``: forms of the verbs that introduce a quotation or a source
  (``a indiqué X``, ``précise X``, ``X a expliqué que``, ``X a recensé``): the speaker
  or the body that counts is the source of a figure, not its subject (SPEC, "Which
  subject", 5). Verbs whose subject also acts
  (``annoncer``, ``confirmer``: ``Renault a annoncé 4 000 suppressions``) are not in it.
- ``STATEMENT_VERBS``: the speech verbs and those that make news public (``annoncer``,
  ``publier``): a date right after one (``a annoncé mercredi``) dates the statement, not
  the figures it reports.
- ``SOURCE_MARKERS``: words that name a source before it (``selon X``, ``d'après X``).
- ``PLACE_FRAME_PREPOSITIONS``: prepositions that set a place as the frame of a
  sentence when they open it (``En Espagne, 41 % des ménages``).
- ``PERSON_NOUNS``: common nouns for people; ``un chauffeur de 38 ans`` gives an age.
- ``SENTENCING_LEMMAS``: verbs whose object serves the term the figure gives (``a
  condamné X à trois ans``: X's term).
- ``NEW_CLAUSE_WORDS``: subject pronouns and finite auxiliaries; after a colon they
  open a clause with its own event (``300 adhérents : il a été fondé en 1990``), not a
  phrase that sums up the figures before it (``: la liste des méfaits commis mardi``).
- ``MEASURE_NOUNS``: nouns of a quantity that no metric names but whose ``de``
  complement says whose it is (``le PIB de la France a progressé de 0,3 %``: France).
- ``MISTAGGED_VERB_FORMS``: verb forms the model's tagger takes for nouns after a noun
  (``La ville compte 236 000 habitants``).
"""

from __future__ import annotations

import re

_SPEECH_LEMMAS = """
    affirmer ajouter assurer commenter confier déclarer dire estimer expliquer indiquer
    insister noter observer préciser rappeler raconter relever répondre résumer souligner
    témoigner avancer avouer marteler regretter déplorer
    """.split()  # noqa: SIM905
# Verbs whose subject counts what others did or have (``l'Insee a recensé``): a source.
RECORDING_LEMMAS = frozenset(["recenser", "dénombrer", "comptabiliser", "chiffrer"])
# ``La ville compte 236 000 habitants``: the tagger of the French models takes this
# verb for the noun ``compte`` (an account) after a noun, and the parser then hangs it
# on that noun, the verb's subject.
MISTAGGED_VERB_FORMS = frozenset(["compte", "comptent"])
NEW_CLAUSE_WORDS = frozenset(
    """il elle ils elles on nous vous je j' j’ a ont avait avaient aura auront eut eurent
    est sont était étaient sera seront fut furent""".split()  # noqa: SIM905
)
# ``c'est le bilan de ...`` sums up what the colon follows.
SUMMING_UP_OPENINGS = ("c'est", "c’est", "ce sont", "c'était", "c’était", "ce fut")
MEASURE_NOUNS = frozenset(
    """pib dette déficit excédent chômage taux nombre effectif endettement épargne
    consommation exportation importation trafic fréquentation audience titre action cours
    capitalisation valorisation résultat perte niveau débit""".split()  # noqa: SIM905
)
# Parts of an organisation that act for it (``Les urgences du CHU de Bordeaux ont
# accueilli``, ``la division énergie de Siemens``): their figures are the organisation's
# when its name is their complement.
ORGANISATION_PART_NOUNS = frozenset(
    "service urgence division branche pôle activité département rayon direction".split()  # noqa: SIM905
)
# Nouns of an event that a place's name may complement (``l'élection municipale de
# Vierzon``, ``le marathon de Paris``): the place is where it happens.
EVENT_NOUNS = (
    "élection", "scrutin", "référendum", "primaire", "législative", "municipale",
    "régionale", "match", "finale", "tournoi", "course", "marathon", "étape", "rencontre",
    "festival", "salon", "foire", "concours", "procès", "sommet", "manifestation",
)  # fmt: skip
# What a share of an election is a share of (``52 % des voix``, ``des suffrages
# exprimés``): the votes a list or a candidate won, not a measure of the place they were
# cast in.
VOTE_NOUNS = ("voix", "suffrages", "votes", "bulletins")
# What a country's or a region's economy as a whole measures (``Le chômage devrait
# monter à 7,8 %``, ``le déficit public a atteint 5,8 % du PIB``): a place's, never the
# bank or the office that forecasts it.
ECONOMY_NOUNS = frozenset(
    "chômage chômeur demandeur inflation croissance pib déficit dette récession".split()  # noqa: SIM905
)
# Words that announce a match's score (``l'a emporté sur le score de 29 à 28``): the
# second number of the score is the loser's, not what the sentence's subject scored.
SCORE_WORDS = (
    "score", "victoire", "défaite", "succès", "emport", "battu", "battre", "impos",
    "gagn", "perdu", "menai", "mené", "mène", "vainqu", "s'incline", "s’incline",
    "domin", "élimin", "écras", "surclass", "étrill",
)  # fmt: skip
# What a company earns or loses, right before the amount (``vise un chiffre d'affaires
# de 300 millions``): no person's, even one speaking for the company (a salary is).
COMPANY_MONEY_BEFORE = re.compile(
    r"\b(?:chiffres?\s+d['’]affaires|bénéfices?|recettes?|résultats?|pertes?|déficits?)"
    r"(?:\s+[^\W\d_]+){0,2}\s+(?:de|d['’])\s*(?:(?:plus|près|moins)\s+de\s+|environ\s+)?$",
    re.IGNORECASE,
)
# The same nouns as words (``Son bénéfice a progressé de 15 %``), and a firm's business
# and capital (``88 % de son activité``): their owner is an organisation.
COMPANY_MONEY_NOUNS = frozenset(
    """chiffre bénéfice recette résultat perte déficit marge dividende activité
    capital""".split()  # noqa: SIM905
)
# How French adjectives of origin end (``américain``, ``toulousain``, ``chinois``,
# ``européen``, ``allemande``, ``espagnol``): they follow the noun they qualify.
ORIGIN_ENDINGS = (
    "ain", "aine", "ais", "aise", "ois", "oise", "ien", "ienne", "éen", "éenne",
    "and", "ande", "ol", "ole",
)  # fmt: skip
# Verbs whose object is the side a match was won against (``a battu Lens 3 à 1``,
# ``éliminant l'équipe de France``), and verbs of winning whose complement after
# ``face à``, ``contre``, ``sur`` or ``devant`` is (``s'est imposé face à Brest 2 à 0``).
BEATING_LEMMAS = frozenset(
    "battre éliminer dominer écraser surclasser corriger étriller devancer vaincre".split()  # noqa: SIM905
)
WINNING_LEMMAS = frozenset(["imposer", "emporter", "gagner"])
# Words of a prison term or a penalty served (``condamné à deux ans de prison``,
# ``a écopé de dix mois``): the length of time is the sentenced person's.
TERM_WORDS = re.compile(
    r"\b(?:prison|réclusion|détention|emprisonnement|sursis|peine|condamn\w*|requi[sr]\w*"
    r"|écop\w*|interdi\w*|suspendu\w*|suspension)",
    re.IGNORECASE,
)
# Verbs whose object serves the term the figure gives (``le tribunal a condamné X à deux
# ans``): the term is X's, not the court's.
SENTENCING_LEMMAS = frozenset(["condamner", "requérir"])
# Verbs of the police, the courts and the rescuers, whose object is people they deal with
# (``la cour juge quatre supporters``, ``les pompiers ont secouru 12 personnes``): those
# people are not theirs, as a firm's staff (``Renault emploie 3 000 salariés``) is.
HANDLING_LEMMAS = frozenset(
    """condamner juger interpeller arrêter inculper écrouer incarcérer expulser évacuer
    secourir hospitaliser soigner auditionner reloger héberger""".split()  # noqa: SIM905
)
# Verbs whose subject imposes a penalty on whom their ``à`` complement names (``La CNIL
# inflige une amende de 5 millions à X``): the penalty is X's.
IMPOSING_LEMMAS = frozenset(["infliger"])
# Of those, the verbs whose subject asks for the term against someone (``le parquet a
# requis deux ans contre X``): the term is X's, never the asker's.
REQUISITION_LEMMAS = frozenset(["requérir"])
# Verbs whose subject takes a stand on what the figure measures (``La FFB redoute la
# suppression de 30 000 emplois``, ``le syndicat dénonce``, ``réclame une baisse des
# charges de 2 milliards``): someone else's, not its own.
STANCE_LEMMAS = frozenset(
    """redouter craindre dénoncer déplorer regretter fustiger critiquer contester réclamer
    exiger""".split()  # noqa: SIM905
)
# Verbs by which a person makes public or pledges what the figure measures (``la
# directrice générale a confirmé l'objectif de 100 % de couverture``, ``la ministre a
# promis 1 500 recrutements``): the plan's or the body's, not the person's own.
PERSON_ANNOUNCING_LEMMAS = frozenset(
    "annoncer confirmer promettre proposer dévoiler détailler chiffrer".split()  # noqa: SIM905
)


def _speech_forms(lemmas: list[str] = _SPEECH_LEMMAS) -> frozenset[str]:
    """Present (3rd person) and past participle forms of the speech verbs."""
    forms: set[str] = set()
    irregular = {
        "dire": ("dit", "disent", "dit"),
        "répondre": ("répond", "répondent", "répondu"),
        "craindre": ("craint", "craignent", "craint"),
        "apprendre": ("apprend", "apprennent", "appris"),
    }
    for lemma in lemmas:
        if lemma in irregular:
            forms.update(irregular[lemma])
        elif lemma.endswith("er"):
            stem = lemma[:-2]
            # (``rappelle``, ``rappellent``: the consonant doubles before a mute e)
            present = stem + stem[-1] if lemma.endswith(("eler", "eter")) else stem
            forms.update({present + "e", present + "ent", stem + "é", stem + "ait", stem + "aient"})
    return frozenset(forms)


# (less the forms that are nouns as often: ``le chiffre d'affaires d'Airbus``, ``une
# note``, ``30 secondes d'avance``, ``la critique``; who takes a stand on a figure speaks
# of it too)
SPEECH_VERBS = _speech_forms([*_SPEECH_LEMMAS, *RECORDING_LEMMAS, *sorted(STANCE_LEMMAS)]) - {
    "chiffre",
    "note",
    "avance",
    "critique",
}
# Verbs that report a clause from an incise after it (``..., a annoncé le ministre``).
# (``..., a appris l'AFP auprès des syndicats``: the agency learnt it, and reports it)
_REPORTING_LEMMAS = [
    "annoncer",
    "confirmer",
    "communiquer",
    "détailler",
    "prévenir",
    "écrire",
    "apprendre",
]
REPORTING_FORMS = SPEECH_VERBS | _speech_forms(_REPORTING_LEMMAS)
# The same verbs as lemmas, for the parse: who says that a clause holds (``Elle
# prévient qu'un acquéreur sur trois reste exclu``) is that clause's source.
SAYING_LEMMAS = frozenset([*_SPEECH_LEMMAS, *_REPORTING_LEMMAS])
# (a place that counts, ``Le Portugal a recensé 3 100 demandes``, counts its own)
RECORDING_FORMS = _speech_forms(sorted(RECORDING_LEMMAS)) & SPEECH_VERBS

# Verbs that date a statement rather than what it reports: ``a annoncé mercredi``,
# ``a-t-il indiqué lundi``, ``a publié jeudi ses résultats``.
_MAKING_PUBLIC = [
    "annoncer",
    "publier",
    "communiquer",
    "dévoiler",
    "confirmer",
    "présenter",
    "révéler",
]
# (with the participle's agreement: ``une étude publiée jeudi``, ``les chiffres dévoilés``)
STATEMENT_VERBS = (
    SPEECH_VERBS
    | _speech_forms(_MAKING_PUBLIC)
    | {lemma[:-2] + ending for lemma in _MAKING_PUBLIC for ending in ("ée", "és", "ées")}
)

SOURCE_MARKERS = ("selon", "d'après", "d’après", "source :", "source:")
# The same prepositions as a pattern, for the regexes that read a source's phrase.
SOURCE_PREPOSITION_PATTERN = "|".join(re.escape(m) for m in SOURCE_MARKERS if ":" not in m)

PLACE_FRAME_PREPOSITIONS = frozenset(
    "en à au aux dans sur pour chez".split()  # noqa: SIM905
)

PERSON_NOUNS = frozenset(
    """
    homme femme enfant garçon fille fillette bébé nourrisson adolescent adolescente ado
    jeune lycéen lycéenne collégien collégienne étudiant étudiante élève retraité retraitée
    conducteur conductrice chauffeur automobiliste motard cycliste piéton piétonne passant
    passante passager passagère victime suspect suspecte prévenu prévenue accusé accusée
    détenu détenue mineur mineure majeur habitant habitante voisin voisine patient patiente
    ouvrier ouvrière salarié salariée employé employée agriculteur agricultrice commerçant
    commerçante artisan artiste chanteur chanteuse acteur actrice joueur joueuse sportif
    sportive coureur coureuse nageur nageuse pilote skieur skieuse footballeur rugbyman
    policier policière gendarme pompier militaire soldat médecin infirmier infirmière
    enseignant enseignante professeur instituteur institutrice maire député députée sénateur
    ministre président présidente dirigeant dirigeante patron patronne fondateur fondatrice
    auteur autrice écrivain écrivaine journaliste photographe réalisateur réalisatrice
    militant militante manifestant manifestante migrant migrante réfugié réfugiée touriste
    randonneur randonneuse alpiniste chasseur pêcheur propriétaire locataire client cliente
    mère père fils frère sœur grand-mère grand-père oncle tante cousin cousine veuve veuf
    individu personne quadragénaire quinquagénaire sexagénaire septuagénaire octogénaire
    nonagénaire centenaire trentenaire vingtenaire quadra quinqua
    bénévole supporter supporteur fan spectateur spectatrice visiteur visiteuse participant
    participante candidat candidate électeur électrice adhérent adhérente membre abonné
    abonnée usager usagère consommateur consommatrice contribuable citoyen citoyenne
    fonctionnaire agent agente gardien gardienne sauveteur secouriste bénéficiaire
    demandeur chômeur chômeuse parent parents pensionnaire résident résidente otage
    blessé blessée mort morte tué tuée disparu disparue survivant survivante juif juive
    astronaute chercheur chercheuse scientifique ingénieur ingénieure technicien
    technicienne avocat avocate juge magistrat magistrate diplomate ambassadeur
    ambassadrice élu élue conseiller conseillère commissaire expert experte complice
    cambrioleur cambrioleuse braqueur braqueuse agresseur meurtrier meurtrière casseur
    casseuse hooligan émeutier émeutière trafiquant trafiquante dealer
    romancier romancière poète poétesse comédien comédienne danseur danseuse musicien
    musicienne compositeur compositrice peintre sculpteur sculptrice cinéaste humoriste
    athlète champion championne entraîneur entraîneuse sélectionneur sélectionneuse
    boxeur boxeuse judoka gymnaste navigateur navigatrice tennisman basketteur basketteuse
    handballeur handballeuse rameur rameuse biathlète cavalier cavalière jockey
    reporter correspondant correspondante opposant opposante entrepreneur entrepreneuse
    ressortissant ressortissante vendeur vendeuse livreur livreuse serveur serveuse
    cuisinier cuisinière boulanger boulangère éleveur éleveuse vigneron vigneronne marin
    moniteur monitrice éducateur éducatrice animateur animatrice influenceur influenceuse
    blogueur blogueuse rappeur rappeuse mannequin arbitre attaquant attaquante défenseur
    buteur buteuse escrimeur escrimeuse skipper prisonnier prisonnière condamné condamnée
    djihadiste jihadiste terroriste tireur tireuse assaillant assaillante ravisseur
    fugitif fugitive évadé évadée conjoint conjointe compagnon compagne épouse époux mari
    nièce neveu dame apprenti apprentie stagiaire intérimaire directeur directrice
    aide-soignant aide-soignante sage-femme pharmacien pharmacienne vétérinaire
    chirurgien chirurgienne psychiatre prêtre imam rabbin pasteur moine évêque
    syndicaliste chef cheffe
    """.split()  # noqa: SIM905
)

# The people a population is made of (``La ville compte 265 000 habitants``); people a
# verb counts by a role they have are no population (``Il compte 15 millions
# d'abonnés``, ``Le parti compte 30 000 adhérents``).
RESIDENT_NOUNS = frozenset(
    "habitant habitante personne individu âme résident résidente citoyen citoyenne".split()  # noqa: SIM905
)

# Verbs whose ``il`` stands for nothing (``il faut``, ``il s'agit de``, ``il reste``).
IMPERSONAL_VERBS = {
    "être",
    "falloir",
    "sembler",
    "paraître",
    "agir",
    "exister",
    "rester",
    "manquer",
}
# Verbs that have an impersonal use beside a personal one (``il suffit de``, ``il fait
# 30 degrés``, ``il arrive que``): an ``il`` the parser calls impersonal before them may
# be, where it is not before any other verb (``Il compte 2 millions d'abonnés``).
IMPERSONAL_USES = frozenset(
    """suffire convenir importer arriver advenir valoir faire pleuvoir neiger geler
    tomber""".split()  # noqa: SIM905
)

# Nouns of time a sentence may open on before its subject (``La veille, ...``); with
# the calendar's units and seasons, they tell such an opening from a subject noun.
TIME_OPENING_NOUNS = frozenset(
    "veille lendemain matin matinée soir soirée nuit midi week-end weekend fin début".split()  # noqa: SIM905
)
# ``Iquique, qui compte 190 000 habitants``, ``Le Luc (11 000 habitants)``: what a
# number of inhabitants follows is a place.
INHABITANTS_AFTER = re.compile(
    r"\s*(?:,\s*qui\s+compte|,\s*(?:une\s+)?(?:ville|commune|localité)\s+de|\()"
    r"\s*(?:environ\s+|près\s+de\s+|plus\s+de\s+|quelque\s+|moins\s+de\s+)?"
    r"\d[\d\s\u00a0\u202f.,]*(?:millions?\s+d['’]|\s*)habitants\b",
    re.IGNORECASE,
)
# Verbs of holding or making that, after ``pouvoir``, say what a thing can hold or do
# (``le stade peut accueillir 38 000 spectateurs``, ``l'usine peut produire 500 000
# voitures par an``): its capacity.
CAPACITY_LEMMAS = frozenset(
    """accueillir contenir recevoir transporter embarquer loger héberger stocker produire
    fabriquer assembler traiter""".split()  # noqa: SIM905
)
# ``quatre ans après l'effondrement``, ``deux jours plus tard``: a length of time between
# two events, no one's.
TIME_BETWEEN_AFTER = re.compile(r"\s+(?:après|avant|plus\s+tard|plus\s+tôt|auparavant)\b")
# ``sa prévision de croissance``, ``son objectif de ventes``: nouns of a forecast or a
# target, which measure what their complement names.
FORECAST_NOUNS = frozenset(
    "prévision estimation objectif projection perspective cible anticipation".split()  # noqa: SIM905
)
# Verbs of funding: money raised, lent or borrowed, or what a firm is valued at, is
# neither a price, a cost nor a revenue (``a levé 200 millions d'euros``, ``valorisée 1,5
# milliard``): no metric names it.
FUNDING_LEMMAS = frozenset("lever valoriser emprunter prêter".split())  # noqa: SIM905
# ... and their nouns (``une levée de fonds de 600 millions``, ``un prêt de 20 millions``)
FUNDING_NOUNS = frozenset("levée valorisation emprunt prêt".split())  # noqa: SIM905
# Nouns of a whole trade or market: a figure their verb gives is theirs, not that of the
# company or product an article is about (``La filière emploie 45 000 personnes``).
SECTOR_NOUNS = frozenset(
    "filière secteur industrie branche marché profession".split()  # noqa: SIM905
)
# Verbs of a forecast or a target: a person who forecasts a figure (``Le directeur
# général, Michael O'Leary, prévoit 215 millions de passagers``) speaks for whoever it
# is about, and owns it no more than a source does.
FORECAST_LEMMAS = frozenset(
    "prévoir viser tabler anticiper escompter espérer projeter".split()  # noqa: SIM905
)

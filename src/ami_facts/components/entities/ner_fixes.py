"""The statistical NER's entities (``doc.ents``) and our fixes of its systematic errors.

Each entity is cut at blank lines and after title phrases (``procureur de la
République de Lyon``), trimmed (determiners, punctuation, titles, line-initial
common words, a trailing clause: ``Enedis jeudi matin``), filtered (common words,
demonyms, units, common-noun acronyms, diseases, headings in capitals) and
relabelled (streets are LOC, bare acronyms ORG, institutions, clubs and
``X-France`` bodies ORG, a head noun before the name decides: ``l'équipe Kelme``).
"""

from __future__ import annotations

import re
from typing import cast

from spacy.tokens import Doc, Span, Token

from ami_facts.components.entities.matchers import _matchers
from ami_facts.components.entities.mention import Label, Range, _Mention
from ami_facts.components.entities.names import _initials, _name_of
from ami_facts.components.entities.not_names import (
    after_portfolio_role,
    capitalised_mid_sentence,
    is_calendar_name,
    is_code,
    is_opening_words,
    only_french_words,
)
from ami_facts.components.entities.products import person_name_words
from ami_facts.components.entities.tokens import (
    _collapse,
    _is_acronym,
    _is_all_caps,
    _is_capitalised,
    _line_or_sentence_initial,
    _same_line,
    _stop_words,
)
from ami_facts.french import calendar
from ami_facts.french.lexicons import CommonWords, Lexicons, load_common_words
from ami_facts.french.linking import INHABITANTS_AFTER

_LABELS: dict[str, Label] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "MISC": "MISC",
    "PRODUCT": "PRODUCT",
}
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "d’",
        "au",
        "aux",
        "ce",
        "cet",
        "cette",
        "ces",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
    ]
)
# Possessives, demonstratives and indefinites: a name goes on with ``et des`` (``Commission
# de l'informatique et des libertés``), never with ``et ses`` or ``et une``.
_NO_NAME_DETERMINERS = frozenset(
    ["son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "un", "une"]
)
_SCORE_RE = re.compile(r"\d{1,3}-\d{1,3}")

_TIME_WORDS = frozenset(
    [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "matin",
        "soir",
        "midi",
        "après-midi",
        "hier",
        "demain",
        "aujourd'hui",
        "aujourd’hui",
        "dernier",
        "dernière",
        "prochain",
        "prochaine",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
)

_TRUE_DETERMINERS = frozenset(
    ["le", "la", "les", "l'", "l’", "un", "une", "des", "ce", "cet", "cette", "ces"]
)
_FUNCTION_TAGS = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "DET", "INTJ"})


def _function_word(doc: Doc, i: int) -> bool:
    """Tagged as a closed-class word, or a verb inverted with its subject (``Voulez-vous``)."""
    tok = doc[i]
    if tok.pos_ in _FUNCTION_TAGS:
        return True
    inverted = i + 1 < len(doc) and doc[i + 1].text.startswith("-") and not tok.whitespace_
    return tok.pos_ in ("VERB", "AUX") and inverted


_DEMONYM_END = re.compile(r"(?:[sx]|ais|ois|ien|ienne|ain|aine|and|ande|ol|ole)$")
# The articles a town's name can begin with (``La Rochelle``, ``Le Havre``, ``Les Mureaux``).
_PLACE_ARTICLES = frozenset(["Le", "La", "Les"])
# The plural of a town's people, after a plural article (``les Rochelais``), names no
# one thing, even when the word list does not know the town.
_PLURAL_ARTICLES = frozenset(["les", "des", "aux"])
_PEOPLE_OF_A_TOWN = ("ais", "aises", "ois", "oises", "ains", "aines", "iens", "iennes")
# How the town adjectives in club names end (``Stade Rochelais``, ``Stade Lavallois``).
_CLUB_DEMONYMS = ("ais", "ois", "ain", "ien")
_HYPHEN_FRANCE = re.compile(r"[A-ZÀ-Ý][\w’']+-France")
# ``près de Jackman``, ``au nord de Kiev``: a name placed by a spatial preposition.
_NEAR_PLACE_BEFORE = re.compile(
    r"\b(?:près|non loin|à proximité|aux environs|dans les environs|à l['’](?:est|ouest)"
    r"|au (?:nord|sud)(?:-(?:est|ouest))?|au large)\s+(?:de|d['’])\s*$",
    re.IGNORECASE,
)
# ``à Melbourne``: a one-word name right after ``à`` (no article) is where.
_AT_PLACE_BEFORE = re.compile(r"(?<![^\W_])[àÀ]\s+$")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|er|ème|è)")


_FIRST_GROUP_PARTICIPLE = re.compile(r"(?i:(.{3,})(?:é|ée|és|ées))")


def _participle_of_a_word(text: str, words: CommonWords) -> bool:
    """``Ravagé``, ``Inaugurée``: the past participle of a verb in ``-er`` of the word list."""
    m = _FIRST_GROUP_PARTICIPLE.fullmatch(text)
    return m is not None and words.is_word(m.group(1).lower() + "er")


def _is_common_word_token(doc: Doc, i: int, lex: Lexicons, words: CommonWords) -> bool:
    """A capitalised token that is only a French word here (``Puis``, ``Malgré``,
    ``Classements``, the demonym ``Suisses``), not a name."""
    tok = doc[i]
    text = tok.text
    if text in lex.places or text in lex.brand_by_spelling or _is_all_caps(text):
        return False
    if text.lower() in _stop_words():
        return True
    if words.is_adjective(text):  # demonyms: ``les Suisses``, ``l'Allemand``, ``Irlandais``
        prev_det = i > 0 and doc[i - 1].lower_ in _TRUE_DETERMINERS
        if prev_det or tok.pos_ not in ("PROPN", "") or _line_or_sentence_initial(doc, i):
            return True
        if _DEMONYM_END.search(text):
            return True
    if i > 0 and doc[i - 1].lower_ in _PLURAL_ARTICLES and text.endswith(_PEOPLE_OF_A_TOWN):
        return True  # ``les Rochelais``, ``des Stéphanois``: the people of a town
    if not words.is_word(text):
        # ``Ravagé par un incendie, le château ...``: the participle of a known verb
        # opening a sentence
        return _line_or_sentence_initial(doc, i) and _participle_of_a_word(text, words)
    if _line_or_sentence_initial(doc, i):
        return True
    # ``le président du Sénat``: an institution's head noun written with its capital
    # mid-sentence is that institution's name.
    # An empty tag (no tagger in the pipeline) is no evidence either way.
    return text.lower() not in lex.institution_heads and tok.pos_ not in ("PROPN", "X", "")


def _title_tokens(doc: Doc, text: str) -> dict[int, int]:
    """Token -> the token after the title phrase it is in (``président de la
    République``, ``garde des Sceaux``): titles, not names."""
    out: dict[int, int] = {}
    for m in _matchers().title_re.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            out.update((k, span.end) for k in range(span.start, span.end))
    return out


def _ner_layer(doc: Doc, text: str, lex: Lexicons, words: CommonWords) -> list[_Mention]:
    out: list[_Mention] = []
    titles = _title_tokens(doc, text)
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        # ``procureur de la République de Lyon``: the name starts after the title.
        start = titles.get(ent.start, ent.start)
        if start >= ent.end:
            continue
        mention = _fix_ner_span(doc, start, ent.end, label, lex, words, text)
        if mention is not None:
            out.append(mention)
    return out


def _split_lines(doc: Doc, s: int, e: int, lex: Lexicons, words: CommonWords) -> Range | None:
    """Cut line pieces that are a lone common word (``Keystone\\nClassements``)."""
    pieces: list[tuple[int, int]] = []
    begin = s
    for k in range(s + 1, e):
        if not _same_line(doc, doc[k - 1], doc[k]) or doc[k - 1].is_space or doc[k].is_space:
            pieces.append((begin, k))
            begin = k
    pieces.append((begin, e))
    pieces = [(a, b) for a, b in pieces if not all(doc[t].is_space for t in range(a, b))]

    def common_piece(a: int, b: int) -> bool:
        if b - a == 1:
            return _is_common_word_token(doc, a, lex, words)
        # ``Vous avez lu 1``: a line of words, none of them a name.
        return not any(
            _is_capitalised(doc[t].text) and not _is_common_word_token(doc, t, lex, words)
            for t in range(a, b)
        )

    while len(pieces) > 1 and common_piece(*pieces[0]):
        pieces.pop(0)
    while len(pieces) > 1 and common_piece(*pieces[-1]):
        pieces.pop()
    if not pieces:
        return None
    # A name never runs over a blank line: keep the first paragraph's pieces.
    kept = [pieces[0]]
    for piece in pieces[1:]:
        gap = doc[kept[-1][1] - 1 : piece[0]].text_with_ws
        if gap.count("\n") > 1:
            break
        kept.append(piece)
    return kept[0][0], kept[-1][1]


def _trim_left(doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords) -> int:
    """Drop punctuation, numbers, determiners, lower-case words and a sentence-initial
    common word from the left of an entity (street heads and name particles stay)."""
    while s < e:
        tok = doc[s]
        low = tok.lower_
        nxt_cap = s + 1 < e and _is_capitalised(doc[s + 1].text)
        if (
            s + 2 < e
            and doc[s + 1].lower_ in ("du", "des", "de")
            and _is_acronym(doc[s + 2].text)
            and (words.is_word(tok.text) or words.is_adjective(tok.text))
        ):
            return s + 2  # ``élus du G20``, ``militants de la CGT``: the acronym
        if tok.is_punct or tok.is_space or tok.like_num:
            s += 1
        elif label == "MISC" and low in lex.event_heads:
            break  # ``accord du Vendredi Saint``
        elif label == "PER" and (tok.text in lex.person_titles or tok.text == "M.") and nxt_cap:
            s += 1  # ``Mme Dupont``, ``M. Blair`` -> the surname
        elif low in ("d'", "d’") and e - s == 2 and nxt_cap:
            s += 1  # ``maison mère d'Intermarché``: an elided preposition before one word
        elif low in lex.street_heads or (label == "PER" and low in lex.name_particles and nxt_cap):
            break
        elif label != "PER" and low in lex.name_heads and nxt_cap and tok.text[0].islower():
            break  # ``lycée Victor-Hugo``: the institution and its name
        elif (
            label == "LOC"
            and tok.text in _PLACE_ARTICLES
            and nxt_cap
            and not _line_or_sentence_initial(doc, s)
        ):
            break  # ``à La Rochelle``, ``de Le Havre``: written capitalised, part of the name
        elif tok.text[0].islower() or (low in _DETERMINERS and (label == "LOC" or s + 1 == e)):
            s += 1  # ``la France``, ``prise d'otages de l'OPEP``
        elif (
            low in _DETERMINERS
            and label in ("ORG", "MISC")
            and e - s >= 3
            and nxt_cap
            and _line_or_sentence_initial(doc, s)
            and words.is_word(doc[s + 1].text)
        ):
            # ``Le Parlement européen a voté``: capitalised only because it opens the
            # sentence, as ``le Parlement européen`` is elsewhere (``Le Monde``, ``La
            # Poste``: a name of one word keeps its article)
            s += 1
        elif (
            nxt_cap  # ``Tour de France`` keeps its head
            and low not in _DETERMINERS
            and _is_common_word_token(doc, s, lex, words)
            and _line_or_sentence_initial(doc, s)
            and (label != "PER" or tok.pos_ == "NOUN" or tok.is_stop)  # not ``Romain Peugeot``
            and not (label == "PER" and _particle_surname_at(doc, s + 1, e, lex))
            and not (label == "PER" and tok.text in lex.first_names)  # ``Marine Tondelier``
            # ``Air Canada exploite``: the text writes ``Air Canada`` mid-sentence too
            and not capitalised_mid_sentence(doc.text, doc[s : s + 2].text, tok.idx)
        ):
            s += 1  # ``Cyclisme Garcia`` (a title line)
        elif (
            label == "MISC"
            and _line_or_sentence_initial(doc, s)
            and _is_common_word_token(doc, s, lex, words)
            and (name := _first_name_word_after(doc, s + 1, e)) is not None
            and all(t.text[0].islower() or t.is_punct for t in doc[s + 1 : name])
            and any(not t.is_stop and not t.is_punct for t in doc[s + 1 : name])
        ):
            # ``Élection présidentielle en Argentine`` (a title line): common words, then
            # the name (``Tour de France``, where only ``de`` comes between, is a name)
            s = name
        else:
            break
    return s


def _first_name_word_after(doc: Doc, start: int, e: int) -> int | None:
    """The first capitalised word of ``doc[start:e]``, if any."""
    return next((i for i in range(start, e) if _is_capitalised(doc[i].text)), None)


def _particle_surname_at(doc: Doc, i: int, e: int, lex: Lexicons) -> bool:
    """``Le Pen``, ``de Villiers``: a particle then a capitalised word, so the word
    before is a first name (``Marine Le Pen``), not a title-line word."""
    return (
        i + 1 < e
        and doc[i].lower_ in lex.name_particles
        and _is_capitalised(doc[i + 1].text)
        and not _is_common_word_token(doc, i + 1, lex, load_common_words())
    )


def _is_split_score(doc: Doc, e: int) -> bool:
    """Do the tokens before ``e`` spell a score the tokenizer split (``3`` ``-`` ``0``)?"""
    a, dash, b = doc[e - 3], doc[e - 2], doc[e - 1]
    return (
        _SCORE_RE.fullmatch(f"{a.text}-{b.text}") is not None
        and dash.text in ("-", "–")
        and not a.whitespace_
        and not dash.whitespace_
    )


def _score_begins(doc: Doc, i: int) -> bool:
    """``2`` in ``battu le FC Nantes 2 à 0``: a number that ``à`` joins to another."""
    return (
        doc[i].text.isdecimal()
        and len(doc[i].text) <= 2
        and i + 2 < len(doc)
        and doc[i + 1].lower_ == "à"
        and doc[i + 2].text.isdecimal()
        and len(doc[i + 2].text) <= 2
    )


def _trim_right(doc: Doc, s: int, e: int, label: Label) -> int:
    """Drop punctuation, dangling determiners and conjunctions, abbreviations like ``m.``,
    for persons any trailing lower-case word, and a coordinated phrase in lower case
    (``Hiver et ses sièges chauffants``)."""
    for k in range(s + 1, e - 1):
        if (
            doc[k].lower_ in ("et", "ou")
            and doc[k + 1].lower_ in _NO_NAME_DETERMINERS
            and all(not t.text[:1].isupper() for t in doc[k + 1 : e])
        ):
            e = k
            break
    while e > s:
        tok = doc[e - 1]
        low = tok.lower_
        lower = tok.text[0].islower()
        dangling = low in _DETERMINERS or low in ("et", "ou")
        abbreviation = lower and (label == "PER" or len(tok.text) <= 2 or tok.text.endswith("."))
        # ``ministère de la Transition énergétique publiés lundi``: the clause after it.
        clause = lower and (low in _TIME_WORDS or tok.pos_ in ("VERB", "AUX"))
        # ``le FC Nantes 3-0``, ``le FC Nantes 2 à 0``: a score after a club.
        score = _SCORE_RE.fullmatch(tok.text) is not None or _score_begins(doc, e - 1)
        if e - s > 3 and _is_split_score(doc, e):
            e -= 3
            continue
        if (
            (tok.is_punct and tok.text != ")")
            or tok.is_space
            or dangling
            or abbreviation
            or clause
            or score
        ):
            e -= 1
        else:
            break
    return e


def _extend_left(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[int, Label]:
    """Glue back what the NER cut off on the left: the first half of a hyphenated first
    name (``José-``), the institution head of a name (``ministère des``)."""
    if s > 0 and label == "PER":
        prev = doc[s - 1]
        glued = s > 1 and not prev.whitespace_ and not doc[s - 2].whitespace_
        if prev.text == "-" and glued and _is_capitalised(doc[s - 2].text):
            return s - 2, label
        if prev.text.endswith("-") and _is_capitalised(prev.text) and not prev.whitespace_:
            return s - 1, label
    k = s - 1
    head = _head_ending_at(doc, k, lex.name_heads)
    if head is not None and doc[k].text[0].islower():
        return head, "ORG"  # ``le lycée Chaptal``, ``l'hôpital Necker``
    if label == "PER":
        return s, label  # ``le gouvernement de Jean Dupont``: the person
    if k >= 0 and doc[k].lower_ in {"de", "du", "des", "d'", "d’"}:
        k -= 1
    elif k >= 1 and doc[k].lower_ in {"la", "l'", "l’"} and doc[k - 1].lower_ == "de":
        k -= 2
    else:
        return s, label
    hops = 0  # ``tribunal correctionnel d'Épinal``, ``conseil régional de Lorraine``
    while k >= 0 and hops < 2 and doc[k].text[0].islower() and _is_adjective_token(doc[k]):
        if _head_ending_at(doc, k, lex.institution_heads) is not None:
            break
        k -= 1
        hops += 1
    head = _head_ending_at(doc, k, lex.institution_heads)
    if head is not None:
        return head, "ORG"
    return s, label


def _head_ending_at(doc: Doc, k: int, heads: frozenset[str]) -> int | None:
    """The first token of a head noun of ``heads`` (one or two words: ``centre
    hospitalier``, ``maison d'arrêt``) that ends at token ``k``, if one does."""
    if k < 0:
        return None
    if doc[k].lower_ in heads:
        return k
    if k >= 1:
        glue = "" if not doc[k - 1].whitespace_ else " "
        if f"{doc[k - 1].lower_}{glue}{doc[k].lower_}".replace("’", "'") in heads:
            return k - 1
    return None


def _head_starting_at(doc: Doc, s: int, e: int, heads: frozenset[str]) -> bool:
    """Does ``doc[s:e]`` open with a head noun of ``heads`` (``Centre hospitalier``)?"""
    if doc[s].lower_ in heads:
        return True
    if e - s >= 2:
        glue = "" if not doc[s].whitespace_ else " "
        return f"{doc[s].lower_}{glue}{doc[s + 1].lower_}".replace("’", "'") in heads
    return False


def _is_adjective_token(tok: Token) -> bool:
    if tok.pos_:
        return tok.pos_ == "ADJ"
    return load_common_words().is_adjective(tok.text)


def _apposition_label(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[Label, Label | None]:
    """``l'équipe Kelme``, ``le quotidien néerlandais De Telegraaf``, ``la ville de
    Portland``: a head noun just before the name gives its type, and is a cue for the
    other mentions of the same name (the second item; ``None`` without a head). A
    plural head gives it to every name of the list after it (``les tempêtes Lothar et
    Martin``)."""
    found = _head_before(doc, s, label, lex)
    if found[1] is not None or s < 2 or doc[s - 1].lower_ not in ("et", ","):
        return found
    k = s - 2  # the name before ``et``: its first capitalised word
    while k > 0 and doc[k - 1].text[:1].isupper() and k > s - 6:
        k -= 1
    if not doc[k].text[:1].isupper() or k == 0:
        return found
    head = doc[k - 1].lower_
    if not (head.endswith(("s", "x")) and head in lex.apposition_heads):
        return found
    return _head_before(doc, k, label, lex)


def _head_before(doc: Doc, s: int, label: Label, lex: Lexicons) -> tuple[Label, Label | None]:
    if (
        s >= 2
        and doc[s - 1].text[:1].islower()
        and doc[s - 1].lower_ in lex.demonyms
        and doc[s - 2].lower_ in _NAME_DETERMINERS
        and label != "PER"
    ):
        # ``le chinois Temu``, ``l'américain Tesla``: a demonym in lower case as the noun
        # is a company of that country (in capitals it is a person: ``le Français X``)
        return "ORG", "ORG"
    k = s - 1
    via_de = k >= 0 and doc[k].lower_ in {"de", "d'", "d’"}
    if via_de:
        k -= 1
    hops = 0
    while (
        k >= 0
        and hops < 2
        and doc[k].text[0].islower()
        and doc[k].lower_ not in lex.apposition_heads
        and _is_adjective_token(doc[k])
    ):
        k -= 1
        hops += 1
    if k >= 0 and doc[k].text[0].islower():
        head = lex.apposition_heads.get(_hyphenated_word_ending_at(doc, k))
        # ``la ville de Portland`` but not ``la firme de Wolfsburg``; a person's first
        # name after a noun of a thing is a person's (``le drone de Marc``: not a model)
        if head == "PRODUCT" and (via_de or doc[s].text in lex.first_names):
            return label, None
        if head is not None and (not via_de or head == "LOC"):
            return cast(Label, head), cast(Label, head)
    if not via_de and _company_head_past_its_complement(doc, s, lex):
        return "ORG", "ORG"
    return label, None


# How many words a company's head noun and its complement may take before its name.
_HEAD_COMPLEMENT_REACH = 9


def _company_head_past_its_complement(doc: Doc, s: int, lex: Lexicons) -> bool:
    """``le fabricant de pneus Michelin``, ``la plateforme de vente de vêtements
    d'occasion Vinted``: a company's head noun, then its complement in lower case (``de``
    and common nouns and adjectives), right before the name. (Not a name after ``de``:
    ``la société de production de Jean Dupont`` names its owner.)"""
    k = s - 1
    passed_of = False
    while k >= 0 and k >= s - _HEAD_COMPLEMENT_REACH:
        token = doc[k]
        if not token.text[:1].islower() or token.is_punct:
            return False
        low = token.lower_
        if passed_of and lex.apposition_heads.get(low) == "ORG":
            return True
        if low in _OF_WORDS or (low in _NAME_DETERMINERS and k < s - 1):
            passed_of = True
        elif not (token.pos_ in ("NOUN", "ADJ") or (not token.pos_ and token.is_alpha)):
            return False
        k -= 1
    return False


# Words that may stand between a name's comma and the head noun of its apposition
# (``Lactalis, premier collecteur du pays``, ``Iquique, la ville portuaire``).
_APPOSITION_OPENERS = frozenset(["numéro", "ex", "son", "sa", "leur"])
# A name after one of these sets the scene: what follows its comma is the clause.
_SETTING_PREPOSITIONS = frozenset(
    "à au aux en dans de du des d' d’ depuis vers sur pour par chez après avant selon".split()  # noqa: SIM905
)


def _apposition_after_label(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons
) -> tuple[Label, Label | None]:
    """``Lactalis, premier collecteur du pays,``: the head noun of an apposition right
    after the name gives its type, as one before it does (``_apposition_label``). A
    person's head does not make a person of an organisation or a place (``Orange,
    membre du CAC 40``), nor a head of a thing a person the NER named in full."""
    k = e + 1
    if k >= len(doc) or doc[e].text != ",":
        return label, None
    if s > 0 and doc[s - 1].lower_ in _SETTING_PREPOSITIONS:
        return label, None  # ``Fondée à Palaiseau, l'entreprise emploie``: the clause
    hops = 0
    while (
        k < len(doc)
        and hops < 3
        and doc[k].text[:1].islower()
        and doc[k].lower_ not in lex.apposition_heads
        and (
            doc[k].lower_ in _APPOSITION_OPENERS
            or doc[k].lower_ in _NAME_DETERMINERS
            or doc[k].lower_ in ("un", "une")
            or _is_adjective_token(doc[k])
        )
    ):
        k += 1
        hops += 1
    if k >= len(doc) or not doc[k].text[:1].islower():
        return label, None
    head = lex.apposition_heads.get(doc[k].lower_)
    if head is None or head == label:
        return label, None
    if head == "PER" and label != "MISC":
        return label, None
    if label == "PER" and e - s > 1:
        return label, None
    return cast(Label, head), cast(Label, head)


def _hyphenated_word_ending_at(doc: Doc, k: int) -> str:
    """The word token ``k`` ends, lowered, glued to the tokens a hyphen joins it to
    (the tokenizer splits ``start-up`` in three)."""
    first = k
    while (
        first >= 2
        and doc[first - 1].text == "-"
        and not doc[first - 1].whitespace_
        and not doc[first - 2].whitespace_
    ):
        first -= 2
    return doc[first : k + 1].text.lower()


_OF_WORDS = frozenset(["de", "d'", "d’", "du", "des"])
_NAME_DETERMINERS = frozenset(["la", "l'", "l’", "le", "les"])
# (how far a name goes on after ``et``: ``et de la maîtrise de l'énergie``)
_COORDINATED_NAME_REACH = 8


def _coordinated_name_end(doc: Doc, e: int, words: CommonWords) -> int:
    """``Service départemental d'incendie | et de secours du Rhône``, ``Agence de
    l'environnement | et de la maîtrise de l'énergie``: where the NER cut an
    organisation's name at ``et``, the name goes on while its words are common nouns
    and adjectives joined by ``de`` (and a place after ``de`` ends it); never after a
    name that ends in a capital (``la Banque de France et des banques``) nor with
    ``et ses``, ``et le``."""
    if not (
        e + 1 < len(doc)
        and doc[e - 1].text[:1].islower()
        and doc[e].lower_ == "et"
        and (doc[e + 1].lower_ in _OF_WORDS or words.is_noun_or_adjective(doc[e + 1].text))
    ):
        return e
    end = e
    k = e + 1
    while k < len(doc) and k <= e + _COORDINATED_NAME_REACH:
        token = doc[k]
        low = token.lower_
        if low in _OF_WORDS or low in _NAME_DETERMINERS:
            k += 1
            continue
        if token.text[:1].isupper() and doc[k - 1].lower_ in _OF_WORDS | _NAME_DETERMINERS:
            # a place ends the name (``du Rhône``, ``de la Moselle``)
            while k < len(doc) and doc[k].text[:1].isupper():
                k += 1
            return k
        if not (token.text[:1].islower() and words.is_noun_or_adjective(token.text)):
            break
        k += 1
        end = k
    return end


def _complement_name_end(doc: Doc, s: int, e: int, words: CommonWords, lex: Lexicons) -> int:
    """``Agence nationale de la sécurité des systèmes | d'information``, ``Agence
    européenne | du médicament``: where the NER cut a descriptive organisation's name
    (three words or more, or an institution's head and one more, the last in lower
    case) before ``de`` and a common noun, the name goes on through the common nouns
    its ``de`` join and the adjectives after them; a capital, a word of the calendar
    (``la Cour des comptes | de juillet``) or anything else ends it."""
    descriptive = e - s >= 3 or (e - s == 2 and doc[s].lower_ in lex.institution_heads)
    if not descriptive or e >= len(doc) or not doc[e - 1].text[:1].islower():
        return e
    if doc[e].lower_ not in _OF_WORDS:
        return e
    end = k = e
    while k < len(doc) and k < e + 6:
        token = doc[k]
        low = token.lower_
        after_of = doc[k - 1].lower_ in _OF_WORDS
        if low in _OF_WORDS or (low in _NAME_DETERMINERS and after_of):
            k += 1
            continue
        if not token.text[:1].islower() or _is_calendar_word(low):
            break
        if after_of or doc[k - 1].lower_ in _NAME_DETERMINERS:
            fits = _is_noun_token(token, words)
        else:  # an adjective right after the noun the name took last
            fits = end == k and k > e and _is_adjective_token(token)
        if not fits:
            break
        k += 1
        end = k
    return end


def _is_noun_token(tok: Token, words: CommonWords) -> bool:
    if tok.pos_:
        return tok.pos_ == "NOUN"
    return words.is_word(tok.text) and not words.is_adjective(tok.text)


def _is_calendar_word(low: str) -> bool:
    return low in calendar.MONTHS or low in calendar.WEEKDAYS or low in calendar.UNITS


def _cut_after_place(doc: Doc, s: int, e: int, lex: Lexicons) -> int:
    """``l'Union européenne de droits de douane``: a known place then ``de`` and a
    common noun is the place; the complement is not part of its name."""
    for k in range(e - 2, s, -1):
        if (
            doc[k].lower_ in ("de", "d'", "d’", "du", "des")
            and doc[k + 1].text[0].islower()
            and doc[s:k].text in lex.places
        ):
            return k
    return e


# A model's code: letters and digits, or a short number (``T03``, ``G6``, ``7X``, ``5``),
# not a year (``Paris 2024``).
_MODEL_CODE = re.compile(r"(?=[\w-]*\d)(?:[A-Z]{1,3}-?\d{1,4}[A-Za-z]{0,3}|\d{1,3}[A-Z]{0,2})")
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")


def _name_and_model_code(span: Span, lex: Lexicons) -> bool:
    """Two words: a capitalised name that is no known place, then a model's code."""
    if len(span) != 2:
        return False
    name, code = span[0].text, span[1].text
    return (
        name[:1].isupper()
        and name.isalpha()
        and name not in lex.places
        and _MODEL_CODE.fullmatch(code) is not None
        and _YEAR_LIKE.fullmatch(code) is None
    )


def _fix_ner_span(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords, text: str
) -> _Mention | None:
    cut = _split_lines(doc, s, e, lex, words)
    if cut is None:
        return None
    # ``Espace : Ariane 6 place deux satellites``: a rubric and its colon before a name
    # are no part of it
    colons = [k for k in range(cut[0], cut[1]) if doc[k].text == ":"]
    if colons:
        cut = (colons[-1] + 1, cut[1])
    s = _trim_left(doc, cut[0], cut[1], label, lex, words)
    e = _trim_right(doc, s, cut[1], label)
    e = _cut_after_place(doc, s, e, lex)
    if s >= e:
        return None
    # ``le patron de Stellantis Carlos Tavares``: a known organisation or place, then a
    # person's name.
    while (
        label == "PER"
        and e - s >= 3
        and doc[s].text in lex.brand_by_spelling
        and person_name_words(doc, s + 1, e, lex)
    ):
        s += 1
    # ``l'Indienne Payal Kapadia``, ``la Britannique Emma Raducanu``: a demonym used as a
    # noun, then a person's name (its first word no French word: not ``la Grande
    # Mosquée de Paris``).
    if (
        e - s >= 3
        and s > 0
        and doc[s - 1].lower_ in _NAME_DETERMINERS
        and words.is_adjective(doc[s].text)
        and not words.is_word(doc[s + 1].text)
        and person_name_words(doc, s + 1, e, lex)
    ):
        s, label = s + 1, "PER"
    # ``ministère de l'Intérieur``, ``hôpital de Belfort``: an institution's name, whatever
    # its words.
    head, head_label = _extend_left(doc, s, label, lex)
    institution = head < s and head_label == "ORG"
    if not institution:
        if is_calendar_name(doc, s, e) and _apposition_label(doc, s, label, lex)[1] is None:
            event = _event_head_before(doc, s, lex)
            if event is None:
                return None  # ``Pâques``, ``la Toussaint`` (not ``l'île de Pâques``)
            s, label = event, "MISC"  # ``l'accord du Vendredi saint``
        elif after_portfolio_role(doc, s, lex):
            s = _after_portfolio(doc, s, e, label, lex, words)
            if s >= e:
                return None  # ``le ministre des Affaires étrangères``: a role
            label = "PER"  # ``le ministre de l'Économie Bruno Le Maire``: its holder
        elif _not_a_name(doc, s, e, label, lex, words, text):
            return None
    span = doc[s:e]
    mention = span.text
    # Relabel.
    if any(t.text in lex.street_words for t in span) and label != "PER":
        label = "LOC"
    elif e - s == 1 and label == "MISC" and _is_all_caps(mention) and mention.isalnum():
        label = "ORG"  # a bare acronym
    elif (
        e - s == 1
        and label in ("PER", "MISC")
        and _NEAR_PLACE_BEFORE.search(text, max(0, span.start_char - 30), span.start_char)
    ):
        label = "LOC"  # ``près de Jackman``
    elif (
        e - s == 1
        and label == "MISC"
        and _AT_PLACE_BEFORE.search(text, max(0, span.start_char - 3), span.start_char)
    ):
        label = "LOC"  # ``a gagné dimanche à Melbourne`` (a holiday was left out above)
    elif label != "PER" and _head_starting_at(doc, s, e, lex.institution_heads):
        label = "ORG"  # ``Parquet de Francfort``, ``Centre hospitalier Nganda``
    elif (
        label != "PER"
        and e - s >= 2
        and doc[s].text[:1].isupper()
        and doc[s].lower_ in lex.organisation_name_heads
        and (doc[s + 1].lower_ in _OF_WORDS or doc[s + 1].text[:1].islower())
    ):
        label = "ORG"  # ``Compagnie des Alpes``, ``Union européenne``
    elif label != "PER" and _HYPHEN_FRANCE.fullmatch(mention) and mention not in lex.places:
        label = "ORG"  # ``Avere-France``, ``Météo-France`` (not ``Île-de-France``)
    elif label != "PER" and e - s >= 2 and any(t.text in lex.org_words for t in span[1:]):
        label = "ORG"  # ``UAE Team Emirates``, ``Crédit Bank``
    elif label in ("LOC", "MISC") and _name_and_model_code(span, lex):
        label = "PRODUCT"  # ``Leapmotor T03``, ``Xpeng G6``: a maker and its model's code
    elif (
        e - s >= 2
        and span[0].text in lex.club_heads
        and (words.is_adjective(doc[s + 1].text) or doc[s + 1].lower_.endswith(_CLUB_DEMONYMS))
        and doc[s + 1].lower_ not in _OF_WORDS
    ):
        # ``Stade toulousain``, ``Olympique lyonnais``, ``Stade Rochelais`` (not ``Stade
        # de France``, ``Stade Vélodrome``)
        label = "ORG"
    label, cue = _apposition_label(doc, s, label, lex)
    if cue is None:
        label, cue = _apposition_after_label(doc, s, e, label, lex)
    if label != "LOC" and INHABITANTS_AFTER.match(text, doc[e - 1].idx + len(doc[e - 1])):
        label, cue = "LOC", "LOC"  # ``Iquique, qui compte 190 000 habitants``
    if _title_of_a_work(doc, s, e, lex):
        label, cue = "MISC", None  # ``le film américain « Anora »``
    if label == "PER" and e - s == 1 and _is_acronym(mention) and len(mention) <= 4:
        label, cue = "ORG", None  # ``le sénateur RPR``: no person is written as an acronym
    if cue is None and s > 0 and doc[s - 1].lower_ == "chez" and (label != "PER" or e - s == 1):
        cue = "ORG"  # ``chez Bosch``: a company
    s0 = s
    s, label = _extend_left(doc, s, label, lex)
    if mention in lex.places and s == s0:  # not ``mairie de Lille``: the institution
        label = "LOC"
    if label == "ORG":
        e = _complement_name_end(doc, s, _coordinated_name_end(doc, e, words), words, lex)
    span = doc[s:e]
    return _Mention(
        span.start_char, span.end_char, label, _name_of(span.text, label, lex), "ner", cue=cue
    )


def _title_of_a_work(doc: Doc, s: int, e: int, lex: Lexicons) -> bool:
    """``le film américain « Anora »``, ``son roman « Les Étoiles »``: a name set whole
    between guillemets a few words after the noun of a work is that work's title."""
    if s == 0 or e >= len(doc) or doc[s - 1].text != "«" or doc[e].text != "»":
        return False
    return any(t.lower_ in lex.work_heads for t in doc[max(0, s - 5) : s - 1])


def _not_a_name(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords, text: str
) -> bool:
    """Not a name: common words, codes, lone letters, headings (``not_names.py``)."""
    mention = doc[s:e].text
    if not any(c.isupper() for c in mention) or not any(c.isalpha() for c in mention):
        return True
    if mention in lex.not_entities or _collapse(mention) in lex.not_entities:
        return True
    if _ROMAN_ORDINAL.fullmatch(mention):  # ``XIXe`` (siècle)
        return True
    if len(mention.rstrip(".")) == 1:  # a lone letter (``G``, ``F``, ``A.``)
        return True
    if e - s == 1 and _is_common_word_token(doc, s, lex, words):
        return True
    if (
        e - s == 1
        and _is_all_caps(mention)
        and len(mention) >= 5
        and mention not in lex.brand_by_spelling
        and mention not in lex.places
        and _line_or_sentence_initial(doc, s)
        and words.is_unaccented_word(mention)
    ):
        return True  # ``ECONOMIE.``: a section heading in capitals
    if e - s == 1 and _line_or_sentence_initial(doc, s) and _function_word(doc, s):
        return True  # ``Puis``, ``Voulez-vous``: a sentence-initial function word or verb
    if e - s >= 3 and len(initials := _initials(mention)) == e - s and initials in lex.not_entities:
        return True  # ``Véhicule Utilitaire Electrique``: long form of a common-noun acronym
    if is_opening_words(doc, s, e, label, text, lex, words):
        return True  # ``Découvrir``, ``Mandats de dépôt``, ``Soit au total``
    return is_code(doc, s, e, label, text, lex, words)  # ``DSG7``, ``Euro 6``, ``CO2``


def _event_head_before(doc: Doc, s: int, lex: Lexicons) -> int | None:
    """``l'accord du Vendredi saint``: the event head noun before ``de``/``du``, if any."""
    k = s - 1
    if (
        k >= 1
        and doc[k].lower_ in ("de", "du", "des", "d'", "d’")
        and doc[k - 1].text.islower()
        and doc[k - 1].lower_ in lex.event_heads
    ):
        return k - 1
    return None


def _after_portfolio(
    doc: Doc, s: int, e: int, label: Label, lex: Lexicons, words: CommonWords
) -> int:
    """Where the name starts after a role's portfolio (``Santé`` in ``ministre de la
    Santé Jean Martin``): after the French words that open ``doc[s:e]``; ``e`` when
    they are all of it. A person keeps a first name and a surname."""
    k = s
    while k < e and (
        doc[k].is_punct
        or doc[k].lower_ in _stop_words()
        or (doc[k].text not in lex.first_names and only_french_words(doc, k, k + 1, lex, words))
    ):
        k += 1
    if label == "PER" and k >= e and e - s >= 3:
        return e - 2
    return k

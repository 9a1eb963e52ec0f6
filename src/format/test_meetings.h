// Meeting files the format tests share.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace plenary {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every key the reader knows, each with a value other than its default.
inline constexpr std::string_view kEveryField = R"toml(format_version = 1

[body]
short_name = "CTOC/COP/WG.7"
name.en = "Working Group on the Smuggling of Migrants"
name.fr = "Groupe de travail sur le trafic illicite de migrants"
parent.en = "Conference of the Parties"
parent.fr = "Conférence des Parties"
mandate = ["7/1", "9/3"]

[meeting]
ordinal = 9
title.en = "Ninth meeting"
title.fr = "Neuvième réunion"
city.en = "Vienna"
city.fr = "Vienne"
venue.en = "Vienna International Centre"
venue.fr = "Centre international de Vienne"
start = 2022-06-27
end = 2022-06-29
time_zone = "Europe/Vienna"
format = "hybrid"
languages = ["fr", "en"]

[document]
symbol = "CTOC/COP/WG.7/2022/1"
distribution = "limited"
issued = 2022-03-16
original_language = "fr"

[[decisions]]
id = "calendar"
by.en = "the extended Bureau"
by.fr = "le Bureau élargi"
date = 2021-07-30
procedure = "meeting"
approved.en = "the calendar"
approved.fr = "le calendrier"

[footnotes]
hybrid.en = "Updates *will* be posted on [the web page](https://www.unodc.org/a_b?x=1&y=(2))."
hybrid.fr = "Les actualisations seront **communiquées**."

[[documents]]
symbol = "CTOC/COP/WG.7/2022/2"
title.en = "Good practices"
title.fr = "Bonnes pratiques"
description.en = "Background paper"
description.fr = "Document d'information"

[[items]]
number = 1
kind = "organizational"
title.en = "Organizational matters"
title.fr = "Questions d'organisation"

[[items.subitems]]
number = "a"
kind = "opening"
minutes = 20
min_minutes = 10
priority = 5
title.en = "Opening of the meeting"
title.fr = "Ouverture de la réunion"
annotation.en = "Opens on {{opening}}.[^hybrid]"
annotation.fr = "S'ouvrira le {{opening}}[^hybrid]."

[[items.subitems]]
number = "b"
kind = "adoption-of-agenda"
never_split = true
same_meeting_as = "1a"
title.en = "Adoption of the agenda"
title.fr = "Adoption de l'ordre du jour"
annotation.en = "{{decision:calendar}}"
annotation.fr = "{{decision:calendar}}"

[[items]]
number = 2
weight = 3
not_before = 2022-06-27T15:00:00
title.en = "Good practices"
title.fr = "Bonnes pratiques"
documents = ["CTOC/COP/WG.7/2022/2"]
annotation.en = """
The Working Group *may* wish to share **good** practices: 2 * 3 = 6, a_b, [x], \\ and `code`.
A line with a break  
after it.

It will have before it a background paper.
"""
annotation.fr = """
Le Groupe de travail voudra peut-être mettre en commun les bonnes pratiques.

Il sera saisi d'un document d'information.
"""

[[items]]
number = 3
kind = "review-mechanism"
not_before = 2022-06-28
title.en = "Review Mechanism"
title.fr = "Mécanisme d'examen"
no_documents = true
annotation.en = "A brief update."
annotation.fr = "Un bref point de la situation."

[[items]]
number = 4
kind = "adoption-of-report"
title.en = "Adoption of the report"
title.fr = "Adoption du rapport"
annotation.en = "The Working Group is expected to adopt a report."
annotation.fr = "Le Groupe de travail devrait adopter un rapport."

[organization]
footnote = "hybrid"
sequence = 4

[[organization.slots]]
date = 2022-06-27
start = "12:00"
end = "14:00"
items = ["1 (a)", "1 (b)", "2"]

[[organization.slots]]
date = 2022-06-27
start = "15:00"
end = "17:00"
items = ["2", { item = "3", minutes = 60 }]

[[organization.slots]]
date = 2022-06-28
start = 12:00:00
end = 14:00:00
items = ["4"]

[planning]
in_person = ["09:00-12:00"]
hybrid = ["12:00-14:00", "15:00-17:00"]
online = ["13:00-15:00"]
first_day_start = "12:00"
last_day_end = "14:00"
skip_weekends = false
min_continuation = 20
min_substantive_minutes = 40
default_minutes.opening = 25
default_minutes.substantive = 45

[[planning.unavailable]]
date = 2022-06-29
start = "12:00"
)toml";

}  // namespace plenary

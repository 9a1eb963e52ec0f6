// The agenda as an Akoma Ntoso 3.0 XML document, following "Akoma Ntoso for
// the United Nations System" (AKN4UN): a <debateReport> of the meeting agenda
// class, subtype "agenda", subclass "agendaAnnotated", one file per language.
#pragma once

#include <string>

#include "model/meeting.h"
#include "render/layout.h"

namespace plenary {

// The AKN4UN IRIs of one language version of the agenda.
struct AkomaNtosoIris {
  std::string actor;          // "un-ctoc-cop-wg.7": organization-body-sub-body
  std::string number;         // "CTOC-COP-WG.7-2022-1": the symbol, '/' as '-'
  std::string work;           // "/akn/un/debateReport/agenda/{actor}/{issued}/{number}"
  std::string expression;     // work + "/fra@{issued}"
  std::string manifestation;  // expression + "/!main.xml" (FRBRthis of the file)
};

// "fr" -> "fra": the ISO 639-2 code AKN4UN puts in IRIs and FRBRlanguage (the
// terminology codes: "zho", not "chi"). Unknown codes are returned unchanged.
std::string akoma_ntoso_language(const std::string& iso639_1);

AkomaNtosoIris akoma_ntoso_iris(const Meeting& meeting, const std::string& language);

// The agenda laid out in `layout.language` as a UTF-8 XML document that
// validates against akomantoso30.xsd.
std::string render_akoma_ntoso(const Meeting& meeting, const AgendaLayout& layout);

}  // namespace plenary

// Checks of a meeting's consistency: numbering, documents, the organization of
// work and the rules of the reference agenda. Findings name the place by a
// path into the meeting file's structure ("items[1].subitems[0].title.fr"),
// which the file layer turns into file:line:column.
#pragma once

#include <string>
#include <vector>

#include "model/meeting.h"

namespace plenary {

enum class Severity { warning, error };

// Messages are for the person editing the meeting: items by the number the
// agenda shows ("item 2", "item 1 (a)"), languages by name ("French").
struct Finding {
  Severity severity = Severity::error;
  std::string path;
  std::string message;
  bool missing_text = false;  // a text missing in a language: an error only with CheckOptions::final
  std::string language = "";  // with missing_text: the language it is missing in ("fr")
};

struct CheckOptions {
  // A final document must have every text in every declared language.
  bool final = false;
};

std::vector<Finding> check_meeting(const Meeting& meeting, const CheckOptions& options);

// Sets `continued` on every slot item that was taken up in an earlier slot.
void mark_continuations(OrganizationOfWork& organization);

bool has_errors(const std::vector<Finding>& findings);

// The place a path names, in the words of the editing pages: "item 2",
// "item 1 (a), title in French", "document CTOC/COP/WG.7/2022/2, description
// in Arabic", "the agenda's date of issue". Paths count from 0, the agenda
// from 1. With `meeting`, documents and decisions are named by their symbol
// and id. An unknown path comes back as it is.
std::string describe_place(const std::string& path, const Meeting* meeting = nullptr);

}  // namespace plenary

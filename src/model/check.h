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

struct Finding {
  Severity severity = Severity::error;
  std::string path;
  std::string message;
};

struct CheckOptions {
  // A final document must have every text in every declared language.
  bool final = false;
};

std::vector<Finding> check_meeting(const Meeting& meeting, const CheckOptions& options);

// Sets `continued` on every slot item that was taken up in an earlier slot.
void mark_continuations(OrganizationOfWork& organization);

bool has_errors(const std::vector<Finding>& findings);

}  // namespace plenary

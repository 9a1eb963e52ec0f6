// The meeting as a meeting file (docs/meeting-file.md): what the server
// exports at any version, and what a secretariat can edit by hand and
// import again.
#pragma once

#include <string>

#include "model/meeting.h"

namespace plenary {

// The meeting as TOML that parse_meeting_file reads back as the same
// meeting: sections and keys in the documented order, texts per language as
// dotted keys in UN order, dates as TOML dates, times as "HH:MM",
// annotations and footnotes as their Markdown source (a multi-line string
// for more than one line). What meeting_to_json leaves out, this leaves out.
std::string meeting_to_toml(const Meeting& meeting);

}  // namespace plenary

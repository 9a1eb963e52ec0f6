// Data files compiled into the binary (the language catalogs), by file name.
#pragma once

#include <map>
#include <string_view>

namespace plenary {

const std::map<std::string_view, std::string_view>& embedded_files();

}  // namespace plenary

// The edits of the meeting's documents and of the documents items list
// (edit.h).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "edit/edit.h"
#include "edit/rules.h"

namespace plenary::edit {

using namespace detail;

// ---- Documents

Meeting add_document(const Meeting& meeting, Document document, const std::string& key) {
  document.symbol = normalized_symbol(document.symbol, "document.symbol");
  const std::string& symbol = document.symbol;
  if (symbol == meeting.document.symbol)
    throw EditError("document.symbol", fmt::format("{} is the agenda's own symbol", symbol));
  document.title = checked(meeting, document.title, "document.title");
  document.description = checked(meeting, document.description, "document.description");
  std::optional<Place> place;
  if (!key.empty()) place = locate(meeting, key, "key");

  Meeting result = meeting;
  if (const Document* declared = find_document(meeting, symbol)) {
    const bool only_symbol = document.title.empty() && document.description.empty();
    const bool as_declared = document.title == declared->title && document.description == declared->description;
    if (!only_symbol && !as_declared)
      throw EditError("document.symbol",
                      fmt::format("document {} is already declared with other texts; to list it under another item, "
                                  "give only its symbol, and change its texts on the document itself",
                                  symbol));
    if (!place) throw EditError("document.symbol", fmt::format("document {} is already declared", symbol));
  } else {
    result.documents.push_back(document);
  }
  if (place) {
    Item& item = at(result, *place);
    if (std::find(item.documents.begin(), item.documents.end(), symbol) != item.documents.end())
      throw EditError("key", fmt::format("item {} already lists document {}", key_of(meeting, *place), symbol));
    item.documents.push_back(symbol);
    item.no_documents = false;
  }
  return accepted(meeting, std::move(result));
}

Meeting remove_document(const Meeting& meeting, const std::string& symbol) {
  const size_t index = document_index(meeting, symbol, "symbol");
  Meeting result = meeting;
  const std::string declared = result.documents[index].symbol;
  result.documents.erase(result.documents.begin() + static_cast<long>(index));
  for_each_item(result, [&](Item& item, const std::string&) { std::erase(item.documents, declared); });
  return accepted(meeting, std::move(result));
}

Meeting set_document_title(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                           const std::string& text) {
  const size_t index = document_index(meeting, symbol, "symbol");
  return with_text(meeting, fmt::format("documents[{}].title", index), lang, text,
                   [&](Meeting& m) -> LangText& { return m.documents[index].title; });
}

Meeting set_document_description(const Meeting& meeting, const std::string& symbol, const std::string& lang,
                                 const std::string& text) {
  const size_t index = document_index(meeting, symbol, "symbol");
  return with_text(meeting, fmt::format("documents[{}].description", index), lang, text,
                   [&](Meeting& m) -> LangText& { return m.documents[index].description; });
}

Meeting set_document_symbol(const Meeting& meeting, const std::string& symbol, const std::string& new_symbol) {
  const size_t index = document_index(meeting, symbol, "symbol");
  const std::string old_symbol = meeting.documents[index].symbol;
  const std::string renamed = normalized_symbol(new_symbol, "new_symbol");
  if (renamed == old_symbol) return meeting;
  if (renamed == meeting.document.symbol)
    throw EditError("new_symbol", fmt::format("{} is the agenda's own symbol", renamed));
  if (find_document(meeting, renamed))
    throw EditError("new_symbol", fmt::format("document {} is already declared", renamed));
  Meeting result = meeting;
  result.documents[index].symbol = renamed;
  for_each_item(result, [&](Item& item, const std::string&) {
    std::replace(item.documents.begin(), item.documents.end(), old_symbol, renamed);
  });
  return accepted(meeting, std::move(result));
}

Meeting set_document_items(const Meeting& meeting, const std::string& symbol, const std::vector<std::string>& keys) {
  const size_t index = document_index(meeting, symbol, "symbol");
  const std::string declared = meeting.documents[index].symbol;
  std::set<std::string> wanted;
  for (size_t k = 0; k < keys.size(); ++k) {
    const std::string field = fmt::format("keys[{}]", k);
    const Place place = locate(meeting, keys[k], field);
    const Item& item = at(meeting, place);
    if (!item.subitems.empty())
      throw EditError(field, fmt::format("item {} has sub-items: list the document under one of them",
                                         key_of(meeting, place)));
    if (!wanted.insert(key_of(meeting, place)).second)
      throw EditError(field, fmt::format("item {} is named twice", key_of(meeting, place)));
  }
  Meeting result = meeting;
  for_each_item(result, [&](Item& item, const std::string& key) {
    const bool lists = std::find(item.documents.begin(), item.documents.end(), declared) != item.documents.end();
    if (wanted.count(key) && !lists) {
      item.documents.push_back(declared);
      item.no_documents = false;
    } else if (!wanted.count(key) && lists) {
      std::erase(item.documents, declared);
    }
  });
  return accepted(meeting, std::move(result));
}

// ---- The documents of an item

Meeting set_item_documents(const Meeting& meeting, const std::string& key, const std::vector<std::string>& symbols) {
  const Place place = locate(meeting, key, "key");
  std::vector<std::string> listed;
  for (size_t k = 0; k < symbols.size(); ++k) {
    const std::string field = fmt::format("symbols[{}]", k);
    const std::string& declared = meeting.documents[document_index(meeting, symbols[k], field)].symbol;
    if (std::find(listed.begin(), listed.end(), declared) != listed.end())
      throw EditError(field, fmt::format("document {} is named twice", declared));
    listed.push_back(declared);
  }
  Meeting result = meeting;
  Item& item = at(result, place);
  if (!listed.empty() && !item.subitems.empty())
    throw EditError("key", fmt::format("item {} has sub-items: list the documents under them",
                                       key_of(meeting, place)));
  item.documents = std::move(listed);
  if (!item.documents.empty()) item.no_documents = false;
  return accepted(meeting, std::move(result));
}

Meeting set_item_no_documents(const Meeting& meeting, const std::string& key, bool no_documents) {
  const Place place = locate(meeting, key, "key");
  Meeting result = meeting;
  Item& item = at(result, place);
  if (no_documents && !item.documents.empty())
    throw EditError(path_of(place) + ".no_documents",
                    fmt::format("item {} lists {} document{}; remove {} first", key_of(meeting, place),
                                item.documents.size(), item.documents.size() == 1 ? "" : "s",
                                item.documents.size() == 1 ? "it" : "them"));
  item.no_documents = no_documents;
  return accepted(meeting, std::move(result));
}


}  // namespace plenary::edit

#include "store/store.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace plenary::store {

std::string fold_name(std::string_view name) {
  if (name.size() > kMaxDocumentBytes) throw InvalidInput("a user name is never so long");
  UErrorCode status = U_ZERO_ERROR;
  // ICU's own instance, made once and shared; thread-safe.
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw StoreError(std::string("cannot fold user names: ") + u_errorName(status));
  // Invalid UTF-8 becomes U+FFFD, so a lookup by a malformed name finds nobody.
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const icu::UnicodeString folded = fold->normalize(text, status);
  if (U_FAILURE(status)) throw StoreError(std::string("cannot fold a user name: ") + u_errorName(status));
  std::string out;
  folded.toUTF8String(out);
  return out;
}

// The names are what the database stores: changing one needs a migration.

const char* to_string(Role role) {
  switch (role) {
    case Role::admin: return "admin";
    case Role::editor: return "editor";
    case Role::bureau: return "bureau";
  }
  return "(not a role)";
}

std::optional<Role> role_from(const std::string& text) {
  for (Role role : {Role::admin, Role::editor, Role::bureau})
    if (text == to_string(role)) return role;
  return std::nullopt;
}

const char* to_string(ProcedureSubject subject) {
  switch (subject) {
    case ProcedureSubject::calendar: return "calendar";
    case ProcedureSubject::topics: return "topics";
    case ProcedureSubject::organization: return "organization";
  }
  return "(not a procedure subject)";
}

std::optional<ProcedureSubject> procedure_subject_from(const std::string& text) {
  for (ProcedureSubject subject :
       {ProcedureSubject::calendar, ProcedureSubject::topics, ProcedureSubject::organization})
    if (text == to_string(subject)) return subject;
  return std::nullopt;
}

const char* to_string(ProcedureStatus status) {
  switch (status) {
    case ProcedureStatus::open: return "open";
    case ProcedureStatus::approved: return "approved";
    case ProcedureStatus::objected: return "objected";
    case ProcedureStatus::withdrawn: return "withdrawn";
  }
  return "(not a procedure status)";
}

std::optional<ProcedureStatus> procedure_status_from(const std::string& text) {
  for (ProcedureStatus status : {ProcedureStatus::open, ProcedureStatus::approved,
                                 ProcedureStatus::objected, ProcedureStatus::withdrawn})
    if (text == to_string(status)) return status;
  return std::nullopt;
}

}  // namespace plenary::store

// Why a workflow refused to do what it was asked, as values the callers map
// to their own answers: the web layer to HTTP statuses (web/errors.h), in
// one place. The workflows know no HTTP.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "edit/merge.h"
#include "store/store.h"

namespace plenary::workflow {

enum class Refusal {
  malformed,      // a value is not of the form asked for ("tomorrow" for a deadline)
  not_allowed,    // the account may not do this
  not_found,      // no such meeting, item, procedure
  conflict,       // the meeting moved on, or a procedure holds what the edit touches
  unprocessable,  // the result would have errors, or the request cannot be carried out
};

// One problem with the meeting a change would leave: its path in the
// meeting and the message, as check_meeting gives them.
struct Finding {
  std::string field;
  std::string message;
};

class Refused : public std::runtime_error {
 public:
  Refused(Refusal why, const std::string& message, std::string field = "", std::vector<Finding> findings = {})
      : std::runtime_error(message), why_(why), field_(std::move(field)), findings_(std::move(findings)) {}
  Refusal why() const { return why_; }
  const std::string& field() const { return field_; }
  const std::vector<Finding>& findings() const { return findings_; }

 private:
  Refusal why_;
  std::string field_;
  std::vector<Finding> findings_;
};

// The meeting changed since the editor read it, in a way that cannot be
// merged: what changed since, and the fields both changed, with both texts.
class Stale : public Refused {
 public:
  Stale(const std::string& message, int64_t current, int64_t based_on, std::vector<std::string> changed,
        std::vector<edit::MergeConflict> clashes)
      : Refused(Refusal::conflict, message, "based_on_version"),
        current_version(current),
        based_on_version(based_on),
        changes(std::move(changed)),
        conflicts(std::move(clashes)) {}
  int64_t current_version;
  int64_t based_on_version;
  std::vector<std::string> changes;               // since based_on_version, in plain lines
  std::vector<edit::MergeConflict> conflicts;     // empty when the version is simply unknown
};

// An open silence procedure covers what the edit changes: the Bureau is
// considering it, so it may not change until the procedure ends or is
// withdrawn.
class HeldByProcedure : public Refused {
 public:
  HeldByProcedure(const std::string& message, std::string held_field, int64_t id)
      : Refused(Refusal::conflict, message, std::move(held_field)), procedure_id(id) {}
  int64_t procedure_id;
};

}  // namespace plenary::workflow

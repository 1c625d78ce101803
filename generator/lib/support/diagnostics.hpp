// Errors, warnings and notes a user can cause, collected from every stage and
// thread, then printed sorted as `path:line:col: error: message`, the source
// line and a caret. The set shown never depends on which thread found what.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace tandem {

// A place in a source file; line and column are 1-based, 0 when unknown.
struct SourcePos {
  std::string path;  // as shown to the user, relative to the site folder
  int line = 0;
  int column = 0;
};

// A note tells what tandem did on its own (such as starting over from a damaged cache);
// it is neither a warning nor an error.
enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
  std::string source_line;  // the line at pos, without its newline; empty when not known
  // A check's stable name ("translation-missing"): site.toml's [checks] turns it off or changes its
  // severity. Shown after the message as " [code]"; empty for problems that are always errors.
  std::string code = {};
};

// Formats one diagnostic exactly as the user sees it (no trailing newline).
std::string FormatDiagnostic(const Diagnostic& d);

// Returns line `line` (1-based) of `text`, without its line ending.
std::string LineAt(std::string_view text, int line);

// Thread-safe. Keeps each diagnostic once (the same severity, place, message and code); only what is shown is
// capped, after sorting, so that a broken site shows the same first errors on every run.
class Diagnostics {
 public:
  static constexpr size_t kMaxErrors = 50;

  void Error(SourcePos pos, std::string message, std::string source_line = {}, std::string code = {});
  void Warning(SourcePos pos, std::string message, std::string source_line = {}, std::string code = {});
  void Note(SourcePos pos, std::string message, std::string source_line = {});
  void Add(Diagnostic d);
  void AddAll(std::vector<Diagnostic> ds);
  // Forgets every diagnostic, keeping the policy: one site assembled again and again (fuzzing).
  void Clear();
  // Applied to every diagnostic added from then on (site.toml's [checks], --strict): it may change
  // the severity; false drops the diagnostic. Set it before any thread adds; it must be thread-safe.
  using Policy = std::function<bool(Diagnostic&)>;
  void SetPolicy(Policy policy) { policy_ = std::move(policy); }

  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // Everything, in a stable order: by path, line, column, then severity and message.
  std::vector<Diagnostic> Sorted() const;
  // Sorted(), with the errors after the first kMaxErrors left out.
  std::vector<Diagnostic> Shown() const;
  // Shown() formatted, each ending in a newline, then LeftOut().
  std::string Render() const;
  // "" when no error was left out; else a line counting them, then one line per kind of error
  // left out (its message with the quoted parts elided), most frequent first: a migration of
  // 400 files sees at once what its other errors are.
  std::string LeftOut() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  std::unordered_set<std::string> seen_;  // one of each: severity, place, message and code
  Policy policy_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

}  // namespace tandem

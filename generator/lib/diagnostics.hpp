// Errors and warnings a user can cause, collected across a build and printed as
// `path:line:col: error: message`, then the source line and a caret.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

// A place in a source file; line and column are 1-based, 0 when unknown.
struct SourcePos {
  std::string path;  // as shown to the user, relative to the site folder
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourcePos pos;
  std::string message;
  std::string source_line;  // the line at pos, without its newline; empty when not known
};

// Formats one diagnostic exactly as the user sees it (no trailing newline).
std::string FormatDiagnostic(const Diagnostic& d);

// Returns line `line` (1-based) of `text`, without its line ending.
std::string LineAt(std::string_view text, int line);

// Collects diagnostics from any thread; stops keeping errors past a cap so a
// broken site does not flood the terminal.
class Diagnostics {
 public:
  static constexpr size_t kMaxErrors = 50;

  // Diagnostics given without their source line get it from the file under this folder.
  void set_source_root(std::string dir) { source_root_ = std::move(dir); }

  void Error(SourcePos pos, std::string message, std::string source_line = {});
  void Warning(SourcePos pos, std::string message, std::string source_line = {});
  void Add(Diagnostic d);

  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  // All kept diagnostics, in a stable order (by path, line, column, message).
  std::vector<Diagnostic> Sorted() const;
  // Everything formatted, one diagnostic after another, each ending in a newline.
  std::string Render() const;

 private:
  std::string source_root_;
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

// A user error found deep inside a stage, carried up to where it is reported.
struct UserError {
  SourcePos pos;
  std::string message;
  std::string source_line;
};

}  // namespace tandem

// What `tandem check` prints, in three shapes: text (as every tandem message, grouped by file),
// JSON (an array of {file, line, column, severity, code, message}) and GitHub workflow commands
// (::error file=…,line=…,col=…,title=<code>::message), which annotate a pull request's files.
#pragma once

#include <string>
#include <vector>

#include "support/diagnostics.hpp"

namespace tandem {

enum class ReportFormat { kText, kJson, kGithub };

// The diagnostics, sorted by file; text puts a blank line between files.
std::string FormatReport(const std::vector<Diagnostic>& diags, ReportFormat format);

std::string JsonString(const std::string& text);
// GitHub's escaping of a workflow command's message, and of a property's value.
std::string GithubData(const std::string& text);
std::string GithubProperty(const std::string& text);

}  // namespace tandem

#include "check/report.hpp"

#include <cstdio>

namespace tandem {

namespace {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    default:
      return "note";
  }
}

std::string Text(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (size_t i = 0; i < diags.size(); ++i) {
    if (i > 0 && diags[i].pos.path != diags[i - 1].pos.path) out += "\n";
    out += FormatDiagnostic(diags[i]) + "\n";
  }
  return out;
}

std::string Json(const std::vector<Diagnostic>& diags) {
  std::string out = "[";
  for (size_t i = 0; i < diags.size(); ++i) {
    const Diagnostic& d = diags[i];
    out += i ? ",\n  " : "\n  ";
    out += "{\"file\": " + JsonString(d.pos.path) + ", \"line\": " + std::to_string(d.pos.line) +
           ", \"column\": " + std::to_string(d.pos.column) + ", \"severity\": \"" + SeverityName(d.severity) +
           "\", \"code\": " + JsonString(d.code) + ", \"message\": " + JsonString(d.message) + "}";
  }
  return out + (diags.empty() ? "]\n" : "\n]\n");
}

std::string Github(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const Diagnostic& d : diags) {
    std::string kind = d.severity == Severity::kError     ? "error"
                       : d.severity == Severity::kWarning ? "warning"
                                                          : "notice";
    std::string props = "file=" + GithubProperty(d.pos.path);
    if (d.pos.line > 0) props += ",line=" + std::to_string(d.pos.line);
    if (d.pos.column > 0) props += ",col=" + std::to_string(d.pos.column);
    if (!d.code.empty()) props += ",title=" + GithubProperty(d.code);
    out += "::" + kind + " " + props + "::" + GithubData(d.message) + "\n";
  }
  return out;
}

}  // namespace

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string GithubData(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string GithubProperty(const std::string& text) {
  std::string out;
  for (char c : GithubData(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string FormatReport(const std::vector<Diagnostic>& diags, ReportFormat format) {
  switch (format) {
    case ReportFormat::kJson:
      return Json(diags);
    case ReportFormat::kGithub:
      return Github(diags);
    default:
      return Text(diags);
  }
}

}  // namespace tandem

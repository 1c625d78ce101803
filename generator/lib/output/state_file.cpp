#include "output/state_file.hpp"

#include <sys/stat.h>

#include <charconv>

#include "support/files.hpp"

namespace tandem {

namespace {

constexpr char kHex[] = "0123456789abcdef";

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.size() - start : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::string Header(std::string_view kind, int version) {
  return "tandem " + std::string(kind) + " " + std::to_string(version);
}

StateFile Broken(std::string problem) {
  StateFile file;
  file.problem = std::move(problem);
  return file;
}

}  // namespace

std::string EscapeStateField(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (char c : field) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> UnescapeStateField(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(field[i]);
    if (u < 0x20 || u == 0x7f) return std::nullopt;  // written escaped, always
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    if (++i == field.size()) return std::nullopt;
    switch (field[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'x': {
        if (i + 2 >= field.size()) return std::nullopt;
        int hi = HexDigit(field[i + 1]), lo = HexDigit(field[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::string EncodeStateFile(std::string_view kind, int version, const std::vector<StateRecord>& records) {
  std::string out = Header(kind, version) + "\n";
  for (const StateRecord& record : records) {
    for (size_t i = 0; i < record.size(); ++i) {
      if (i) out += '\t';
      out += EscapeStateField(record[i]);
    }
    out += '\n';
  }
  return out + "end " + std::to_string(records.size()) + "\n";
}

StateFile DecodeStateFile(std::string_view bytes, std::string_view kind, int version) {
  std::string header = Header(kind, version);
  size_t nl = bytes.find('\n');
  if (nl == std::string_view::npos || bytes.substr(0, nl) != header) {
    std::string_view first = bytes.substr(0, std::min(nl, size_t{40}));
    if (first.rfind("tandem " + std::string(kind) + " ", 0) == 0)
      return Broken("it was written by another version of tandem (\"" + std::string(first) + "\")");
    return Broken(bytes.empty() ? "it is empty" : "it does not start with \"" + header + "\"");
  }
  if (bytes.back() != '\n') return Broken("it is truncated");
  StateFile file;
  int line = 1;
  for (size_t start = nl + 1; start < bytes.size(); ++line) {
    size_t end = bytes.find('\n', start);
    std::string_view text = bytes.substr(start, end - start);
    start = end + 1;
    if (text.rfind("end ", 0) == 0) {
      auto count = ParseDecimalField(text.substr(4));
      if (!count || *count != file.records.size() || start != bytes.size())
        return Broken("line " + std::to_string(line + 1) + " does not end the file as it should");
      return file;
    }
    StateRecord record;
    for (std::string_view field : SplitTabs(text)) {
      auto value = UnescapeStateField(field);
      if (!value) return Broken("line " + std::to_string(line + 1) + " is malformed");
      record.push_back(std::move(*value));
    }
    if (record.front().empty()) return Broken("line " + std::to_string(line + 1) + " has no type");
    file.records.push_back(std::move(record));
  }
  return Broken("it is truncated (no \"end\" line)");
}

StateFile ReadStateFile(const std::string& path, std::string_view kind, int version) {
  std::string bytes;
  try {
    // Never through a link, nor from a FIFO or a device: what is there was planted, not written.
    bytes = ReadFileNoFollow(path);
  } catch (const IoError& e) {
    StateFile file;
    struct stat st;
    if (lstat(path.c_str(), &st) == 0)
      file.problem = std::string(e.what()).substr(e.path().size() + 2);
    else
      file.missing = true;
    return file;
  }
  return DecodeStateFile(bytes, kind, version);
}

std::string HexField(uint64_t n) {
  char buf[17];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n, 16);
  return std::string(buf, end);
}

std::optional<uint64_t> ParseHexField(std::string_view field) {
  uint64_t n = 0;
  if (field.empty() || field.size() > 16) return std::nullopt;
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), n, 16);
  if (ec != std::errc() || end != field.data() + field.size()) return std::nullopt;
  for (char c : field)
    if (HexDigit(c) < 0) return std::nullopt;
  return n;
}

std::optional<uint64_t> ParseDecimalField(std::string_view field) {
  uint64_t n = 0;
  if (field.empty() || field.size() > 20) return std::nullopt;
  for (char c : field)
    if (c < '0' || c > '9') return std::nullopt;
  auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), n);
  if (ec != std::errc() || end != field.data() + field.size()) return std::nullopt;
  return n;
}

}  // namespace tandem

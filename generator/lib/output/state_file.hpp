// The files tandem keeps in <output>/.tandem/ (the manifest and the build
// cache) share one line format:
//
//   tandem <kind> <version>
//   <type>\t<field>\t<field>...        one record per line
//   end <number of records>
//
// Fields are escaped (\\, \t, \n, \r, and \xHH for other control bytes), so a
// field holds any bytes. A file that is missing, truncated, of another kind or
// version, or that has a single malformed line is not used at all: the build
// starts over, with a note, rather than fail or trust a part of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem {

using StateRecord = std::vector<std::string>;  // [0] is the record's type

struct StateFile {
  std::vector<StateRecord> records;
  bool missing = false;  // there was no file: a first build, not a problem
  std::string problem;   // why the file cannot be used; empty when it can (or is missing)
  bool usable() const { return !missing && problem.empty(); }
};

std::string EscapeStateField(std::string_view field);
std::optional<std::string> UnescapeStateField(std::string_view field);

// The bytes of a state file.
std::string EncodeStateFile(std::string_view kind, int version, const std::vector<StateRecord>& records);
StateFile DecodeStateFile(std::string_view bytes, std::string_view kind, int version);
// Reads and decodes `path`; a file that cannot be read counts as missing.
StateFile ReadStateFile(const std::string& path, std::string_view kind, int version);

// Numbers in fields: hexadecimal hashes and decimal counts; nullopt unless the whole field is one.
std::string HexField(uint64_t n);
std::optional<uint64_t> ParseHexField(std::string_view field);
std::optional<uint64_t> ParseDecimalField(std::string_view field);

}  // namespace tandem

// The state files of <output>/.tandem/: DecodeStateFile (output/state_file.hpp) as each kind
// tandem reads (cache 3, manifest 2, journal 1); BuildCache::Load (pipeline/incremental.hpp) on
// the input written to a file; and the manifest as OutputWriter::IsUpToDate reads it (it only
// looks: stat calls below a scratch output folder).
//
// Invariants, besides no crash or sanitizer report:
// - a file decodes to records, or to a problem, never both; every record has a type;
// - round trip: EncodeStateFile of the decoded records decodes to the same records, and each
//   field escapes and unescapes to itself (the input, too, as one field);
// - a cache that loads without a note saves and loads again to the same cache, without a note;
//   one that cannot be used gives a note and an empty cache;
// - a manifest that IsUpToDate trusts names only plain paths outside .tandem/.
#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>

#include "pipeline/incremental.hpp"
#include "fuzz_common.hpp"
#include "output/beneath.hpp"
#include "output/state_file.hpp"
#include "output/writer.hpp"
#include "support/text.hpp"

namespace {

using namespace tandem;

std::string Show(const std::vector<StateRecord>& records) {
  std::string out;
  for (const StateRecord& r : records) {
    out += "[";
    for (size_t i = 0; i < r.size(); ++i) out += (i ? ", " : "") + EscapeStateField(r[i]);
    out += "]\n";
  }
  return out;
}

void CheckField(std::string_view field) {
  std::string escaped = EscapeStateField(field);
  FUZZ_CHECK(escaped.find_first_of("\t\n\r") == std::string::npos, "an escaped field holds a separator");
  auto back = UnescapeStateField(escaped);
  FUZZ_CHECK(back && *back == field, "a field does not unescape to itself: " + escaped);
}

void CheckDecode(std::string_view bytes, std::string_view kind, int version) {
  StateFile file = DecodeStateFile(bytes, kind, version);
  FUZZ_CHECK(!file.missing, "a decoded file counts as missing");
  if (!file.usable()) {
    FUZZ_CHECK(file.records.empty(), "a file that cannot be used keeps records (" + file.problem + ")");
    return;
  }
  for (const StateRecord& r : file.records) {
    FUZZ_CHECK(!r.empty() && !r[0].empty(), "a record without a type");
    for (const std::string& field : r) CheckField(field);
  }
  std::string again = EncodeStateFile(kind, version, file.records);
  StateFile round = DecodeStateFile(again, kind, version);
  FUZZ_CHECK(round.usable(), "the records, encoded again, cannot be read back: " + round.problem);
  FUZZ_CHECK(round.records == file.records, "the records change through an encode and a decode:\n" +
                                                Show(file.records) + "became\n" + Show(round.records));
}

bool SameWarnings(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].severity != b[i].severity || a[i].pos.path != b[i].pos.path || a[i].pos.line != b[i].pos.line ||
        a[i].pos.column != b[i].pos.column || a[i].message != b[i].message ||
        a[i].source_line != b[i].source_line)
      return false;
  return true;
}

bool SameCache(const BuildCache& a, const BuildCache& b) {
  if (a.inputs != b.inputs || a.pages_per_language != b.pages_per_language ||
      !SameWarnings(a.warnings, b.warnings) || a.pages.size() != b.pages.size())
    return false;
  for (auto i = a.pages.begin(), j = b.pages.begin(); i != a.pages.end(); ++i, ++j) {
    const CachedPage &p = i->second, &q = j->second;
    if (i->first != j->first || p.key != q.key || p.files != q.files ||
        !SameWarnings(p.warnings, q.warnings) || p.dependencies.size() != q.dependencies.size())
      return false;
    for (size_t k = 0; k < p.dependencies.size(); ++k)
      if (p.dependencies[k].name != q.dependencies[k].name ||
          p.dependencies[k].hash != q.dependencies[k].hash)
        return false;
  }
  return true;
}

bool Empty(const BuildCache& c) {
  return c.inputs == 0 && c.pages.empty() && c.pages_per_language.empty() && c.warnings.empty();
}

void CheckCache(std::string_view bytes) {
  const std::string& dir = fuzz::ScratchDir::Path();
  std::string path = dir + "/cache", again = dir + "/cache.again";
  fuzz::WriteOrDie(path, bytes);
  Diagnostics diags;
  BuildCache cache = BuildCache::Load(path, diags);
  std::string notes = diags.Render();
  FUZZ_CHECK(!diags.has_errors() && diags.warning_count() == 0, "a cache gives more than a note:\n" + notes);
  if (!diags.Sorted().empty()) {
    FUZZ_CHECK(Empty(cache), "a cache that cannot be used is not empty:\n" + notes);
    return;
  }
  cache.Save(again);
  Diagnostics diags2;
  BuildCache reloaded = BuildCache::Load(again, diags2);
  FUZZ_CHECK(diags2.Sorted().empty(), "a saved cache does not load again:\n" + diags2.Render());
  FUZZ_CHECK(SameCache(cache, reloaded), "a cache changes through a save and a load");
}

void CheckManifest(std::string_view bytes) {
  // <scratch>/out holds .tandem/manifest and two files the manifest may name, 16 bytes each
  // and modified at 1700000000 s (mtime_ns 1700000000000000000), so that a manifest can match.
  static const std::string out = [] {
    std::string o = fuzz::ScratchDir::Path() + "/out";
    for (const char* name : {"/index.html", "/en/index.html"}) {
      fuzz::WriteOrDie(o + name, "<!DOCTYPE html>\n");
      struct timespec times[2] = {{1700000000, 0}, {1700000000, 0}};
      utimensat(AT_FDCWD, (o + name).c_str(), times, 0);
    }
    return o;
  }();
  fuzz::WriteOrDie(out + "/.tandem/manifest", bytes);
  OutputWriter writer(out);
  if (!writer.IsUpToDate(1)) return;
  StateFile file = DecodeStateFile(bytes, "manifest", 2);
  FUZZ_CHECK(file.usable(), "IsUpToDate trusts a manifest that does not decode: " + file.problem);
  for (size_t i = 1; i < file.records.size(); ++i) {
    const std::string& rel = file.records[i].size() > 1 ? file.records[i][1] : "";
    FUZZ_CHECK(IsPlainRelativePath(rel) && !StartsWith(rel, ".tandem/") && rel != ".tandem",
               "IsUpToDate trusts a manifest naming " + EscapeStateField(rel));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > tandem::fuzz::kMaxInput) return -1;
  std::string_view bytes = tandem::fuzz::AsText(data, size);
  CheckField(bytes);
  CheckDecode(bytes, "cache", 3);
  CheckDecode(bytes, "manifest", 2);
  CheckDecode(bytes, "journal", 1);
  CheckCache(bytes);
  CheckManifest(bytes);
  return 0;
}

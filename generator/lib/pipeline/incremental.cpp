#include "pipeline/incremental.hpp"

#include <cmark-gfm.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>

#include "output/state_file.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr const char* kKind = "cache";
constexpr int kVersion = 4;

// The files under `dir`, as `prefix` + their path below it, each folder's entries in name order.
// Folders are told apart by the type readdir gives, without a stat; links are not followed into.
void ListFiles(const std::string& dir, const std::string& prefix, std::vector<std::string>& out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return;
  std::vector<std::pair<std::string, bool>> entries;  // name, is a folder
  while (const dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = lstat((dir + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    }
    entries.emplace_back(std::move(name), is_dir);
  }
  closedir(d);
  std::sort(entries.begin(), entries.end());
  for (const auto& [name, is_dir] : entries) {
    if (is_dir)
      ListFiles(dir + "/" + name, prefix + name + "/", out);
    else
      out.push_back(prefix + name);
  }
}

// Size, modification time and inode: a file edited, replaced or touched changes one of them.
// `path` is relative to the folder open as `dir_fd` (or AT_FDCWD).
std::array<int64_t, 4> StatFields(int dir_fd, const std::string& path) {
  struct stat st;
  if (fstatat(dir_fd, path.c_str(), &st, 0) != 0) return {-1, -1, -1, -1};
  return {static_cast<int64_t>(st.st_size), static_cast<int64_t>(st.st_mtim.tv_sec),
          static_cast<int64_t>(st.st_mtim.tv_nsec), static_cast<int64_t>(st.st_ino)};
}

StateRecord DiagnosticFields(std::string type, const Diagnostic& d) {
  return {std::move(type), d.pos.path, std::to_string(d.pos.line), std::to_string(d.pos.column), d.message,
          d.source_line,   d.code};
}

// A warning from fields [at, at + 6) of a record: path, line, column, message, source line, code.
std::optional<Diagnostic> WarningOf(const StateRecord& r, size_t at) {
  if (r.size() != at + 6) return std::nullopt;
  auto line = ParseDecimalField(r[at + 1]), column = ParseDecimalField(r[at + 2]);
  if (!line || !column || *line > 1'000'000'000 || *column > 1'000'000'000) return std::nullopt;
  return Diagnostic{Severity::kWarning,
                    {r[at], static_cast<int>(*line), static_cast<int>(*column)},
                    r[at + 3],
                    r[at + 4],
                    r[at + 5]};
}

// Reads one record into `cache`; false if it is malformed.
bool ReadRecord(const StateRecord& r, BuildCache& cache) {
  const std::string& type = r[0];
  if (type == "inputs" && r.size() == 2) {
    auto inputs = ParseHexField(r[1]);
    cache.inputs = inputs.value_or(0);
    return inputs.has_value();
  }
  if (type == "next_change" && r.size() == 2) {
    auto ms = ParseDecimalField(r[1]);
    cache.next_change_ms = static_cast<int64_t>(ms.value_or(0));
    return ms.has_value();
  }
  if (type == "language" && r.size() == 3) {
    auto n = ParseDecimalField(r[2]);
    if (n) cache.pages_per_language.emplace_back(r[1], *n);
    return n.has_value();
  }
  if (type == "page" && r.size() >= 3) {
    auto key = ParseHexField(r[2]);
    if (!key) return false;
    CachedPage& page = cache.pages[r[1]];
    page.key = *key;
    page.files.assign(r.begin() + 3, r.end());
    return true;
  }
  if (type == "dependency" && r.size() == 4) {
    auto hash = ParseHexField(r[3]);
    if (hash) cache.pages[r[1]].dependencies.push_back({r[2], *hash});
    return hash.has_value();
  }
  if ((type == "page_ids" || type == "page_links" || type == "page_language_links") && r.size() >= 2) {
    PageLinks& links = cache.pages[r[1]].links;
    auto& list = type == "page_ids" ? links.ids : type == "page_links" ? links.links : links.language_links;
    list.assign(r.begin() + 2, r.end());
    return true;
  }
  if (type == "page_warning") {
    auto warning = r.size() > 2 ? WarningOf(r, 2) : std::nullopt;
    if (warning) cache.pages[r[1]].warnings.push_back(std::move(*warning));
    return warning.has_value();
  }
  if (type == "warning") {
    auto warning = WarningOf(r, 1);
    if (warning) cache.warnings.push_back(std::move(*warning));
    return warning.has_value();
  }
  return false;
}

// A page's ids and links, each list on one line: "page_ids <source> <id>...".
void SaveLinks(const std::string& source, const PageLinks& links, std::vector<StateRecord>& records) {
  for (const auto& [type, list] : {std::pair{"page_ids", &links.ids}, std::pair{"page_links", &links.links},
                                   std::pair{"page_language_links", &links.language_links}}) {
    if (list->empty()) continue;
    StateRecord r = {type, source};
    r.insert(r.end(), list->begin(), list->end());
    records.push_back(std::move(r));
  }
}

}  // namespace

uint64_t InputSignature(const std::string& source_dir, const std::vector<std::string>& paths,
                        const std::string& extra, unsigned jobs) {
  // Every file's name first (cheap: directory reads), then their stat data on all threads,
  // since a no-op build of 20,000 pages is mostly these calls.
  // Files are stated relative to their root folder, opened once: the kernel then walks only
  // the path below it, not the whole path from / each time.
  struct File {
    std::string shown;  // the name hashed: the path as given, then the path below it
    int dir_fd;
    std::string path;  // relative to dir_fd
  };
  std::vector<File> files;
  std::vector<int> root_fds;
  for (const std::string& p : paths) {
    fs::path root = fs::path(p).is_absolute() ? fs::path(p) : fs::path(source_dir) / p;
    int fd = open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      files.push_back({p, AT_FDCWD, root.string()});
      continue;
    }
    root_fds.push_back(fd);
    std::vector<std::string> names;
    ListFiles(root.string(), "", names);
    for (std::string& name : names) files.push_back({p + "/" + name, fd, std::move(name)});
  }
  std::vector<std::array<int64_t, 4>> stats(files.size());
  ParallelFor(files.size(), jobs,
              [&](size_t i, unsigned) { stats[i] = StatFields(files[i].dir_fd, files[i].path); });
  for (int fd : root_fds) close(fd);
  Hasher hasher;
  hasher.Add(extra);
  for (size_t i = 0; i < files.size(); ++i) {
    hasher.Add(files[i].shown);
    hasher.Add(std::string_view(reinterpret_cast<const char*>(stats[i].data()), sizeof stats[i]));
  }
  uint64_t hash = hasher.Digest();
  return hash == 0 ? 1 : hash;
}

std::string ProgramIdentity() {
  return std::string("tandem ") + TANDEM_VERSION + "; ICU " + U_ICU_VERSION + "; cmark-gfm " +
         cmark_version_string();
}

namespace {

// A build that wrote one file for two pages failed, and left no cache: a cache that says so was
// edited, and trusting it would make a page's file another's, an error in every later build.
std::string SharedFileProblem(const BuildCache& cache) {
  std::map<std::string_view, std::string_view> owner;
  for (const auto& [source, page] : cache.pages)
    for (const std::string& file : page.files)
      if (auto [it, fresh] = owner.emplace(file, source); !fresh)
        return "it gives " + file + " to both " + std::string(it->second) + " and " + source;
  return "";
}

}  // namespace

BuildCache BuildCache::Load(const std::string& path, Diagnostics& diags) {
  BuildCache cache;
  StateFile file = ReadStateFile(path, kKind, kVersion);
  std::string problem = file.problem;
  for (const StateRecord& r : file.records)
    if (problem.empty() && !ReadRecord(r, cache)) problem = "a \"" + r[0] + "\" line is malformed";
  if (problem.empty()) problem = SharedFileProblem(cache);
  if (problem.empty()) return cache;
  diags.Note({path}, "the build cache cannot be used (" + problem + "); every page is rendered again");
  return BuildCache{};
}

void BuildCache::Save(const std::string& path) const {
  std::vector<StateRecord> records;
  records.push_back({"inputs", HexField(inputs)});
  if (next_change_ms > 0) records.push_back({"next_change", std::to_string(next_change_ms)});
  for (const auto& [lang, n] : pages_per_language) records.push_back({"language", lang, std::to_string(n)});
  for (const auto& [source, page] : pages) {
    StateRecord r = {"page", source, HexField(page.key)};
    r.insert(r.end(), page.files.begin(), page.files.end());
    records.push_back(std::move(r));
    for (const Dependency& d : page.dependencies)
      records.push_back({"dependency", source, d.name, HexField(d.hash)});
    SaveLinks(source, page.links, records);
    for (const Diagnostic& d : page.warnings) {
      StateRecord w = DiagnosticFields("page_warning", d);
      w.insert(w.begin() + 1, source);
      records.push_back(std::move(w));
    }
  }
  for (const Diagnostic& d : warnings) records.push_back(DiagnosticFields("warning", d));
  WriteFileAtomically(path, EncodeStateFile(kKind, kVersion, records));
}

bool StillValid(const CachedPage& cached, uint64_t key,
                const std::function<std::optional<uint64_t>(const std::string&)>& current) {
  if (cached.key != key || cached.files.empty()) return false;
  return std::all_of(cached.dependencies.begin(), cached.dependencies.end(), [&](const Dependency& d) {
    auto now = current(d.name);
    return now && *now == d.hash;
  });
}

}  // namespace tandem

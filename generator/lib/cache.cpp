#include "cache.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "output.hpp"
#include "parallel.hpp"
#include "text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr const char* kHeader = "tandem-cache 2";

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

// Tabs and newlines in messages are escaped so that one diagnostic is one line.
std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
  }
  return out;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// A warning as tab-separated fields from f[at]: path, line, column, message, source line.
Diagnostic WarningOf(const std::vector<std::string>& f, size_t at) {
  return {Severity::kWarning,
          {Unescape(f[at]), std::stoi(f[at + 1]), std::stoi(f[at + 2])},
          Unescape(f[at + 3]),
          Unescape(f[at + 4])};
}

std::string WarningFields(const Diagnostic& d) {
  return Escape(d.pos.path) + "\t" + std::to_string(d.pos.line) + "\t" + std::to_string(d.pos.column) + "\t" +
         Escape(d.message) + "\t" + Escape(d.source_line) + "\n";
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
  std::string all = extra;
  for (size_t i = 0; i < files.size(); ++i) {
    all.append(files[i].shown).push_back('\0');
    all.append(reinterpret_cast<const char*>(stats[i].data()), sizeof stats[i]);
  }
  uint64_t hash = HashBytes(all);
  return hash == 0 ? 1 : hash;
}

BuildCache BuildCache::Load(const std::string& path, bool with_pages) {
  BuildCache cache;
  std::ifstream in(path);
  std::string line;
  if (!std::getline(in, line) || line != kHeader) return cache;
  while (std::getline(in, line)) {
    if (!with_pages && StartsWith(line, "page")) continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f.empty()) continue;
    if (f[0] == "inputs" && f.size() == 2) {
      cache.inputs = std::stoull(f[1], nullptr, 16);
    } else if (f[0] == "language" && f.size() == 3) {
      cache.pages_per_language.emplace_back(f[1], std::stoul(f[2]));
    } else if (f[0] == "page" && f.size() >= 3) {
      CachedPage& page = cache.pages[Unescape(f[1])];
      page.key = std::stoull(f[2], nullptr, 16);
      for (size_t i = 3; i < f.size(); ++i) page.files.push_back(Unescape(f[i]));
    } else if (f[0] == "warning" && f.size() == 6) {
      cache.warnings.push_back(WarningOf(f, 1));
    } else if (f[0] == "page_warning" && f.size() == 7) {
      cache.pages[Unescape(f[1])].warnings.push_back(WarningOf(f, 2));
    }
  }
  return cache;
}

void BuildCache::Save(const std::string& path) const {
  std::ostringstream out;
  out << kHeader << "\n" << std::hex << "inputs\t" << inputs << std::dec << "\n";
  for (const auto& [lang, n] : pages_per_language) out << "language\t" << lang << "\t" << n << "\n";
  for (const auto& [source, page] : pages) {
    out << "page\t" << Escape(source) << "\t" << std::hex << page.key << std::dec;
    for (const std::string& file : page.files) out << "\t" << Escape(file);
    out << "\n";
    for (const Diagnostic& d : page.warnings)
      out << "page_warning\t" << Escape(source) << "\t" << WarningFields(d);
  }
  for (const Diagnostic& d : warnings) out << "warning\t" << WarningFields(d);
  std::string tmp = path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file << out.str();
  }
  fs::rename(tmp, path);
}

}  // namespace tandem

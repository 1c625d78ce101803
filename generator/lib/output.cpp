#include "output.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <vector>

#include "content.hpp"
#include "parallel.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr const char* kManifestHeader = "tandem-manifest 1";
constexpr const char* kIncompleteHeader = "tandem-manifest 1 incomplete";

void WriteWhole(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// Writes through a temporary name so a reader never sees half a file.
void WriteAtomically(const fs::path& path, std::string_view bytes) {
  fs::path tmp = path;
  tmp += ".tmp";
  WriteWhole(tmp, bytes);
  fs::rename(tmp, path);
}

bool IsEmptyDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

// Removes now-empty folders above a deleted file, up to the output root.
void PruneEmptyParents(fs::path dir, const fs::path& root) {
  std::error_code ec;
  while (dir != root && dir.string().size() > root.string().size() && IsEmptyDir(dir)) {
    fs::remove(dir, ec);
    dir = dir.parent_path();
  }
}

// Whether the file at `path` (relative to the folder open as `dir_fd`, or to AT_FDCWD) is there
// at `size`: how tandem tells that an output file it wrote is still intact.
bool HasSize(int dir_fd, const std::string& path, uint64_t size) {
  struct stat st;
  return fstatat(dir_fd, path.c_str(), &st, 0) == 0 && static_cast<uint64_t>(st.st_size) == size;
}

}  // namespace

// The standard library's own 64-bit hash (MurmurHash-based in libstdc++): fast, no dependency,
// and stable for as long as the tandem program is, which is as long as the cache lives.
uint64_t HashBytes(std::string_view bytes) {
  return std::hash<std::string_view>{}(bytes);
}

OutputWriter::OutputWriter(std::string dir) : dir_(std::move(dir)) {}

OutputWriter::~OutputWriter() {
  if (lock_fd_ >= 0) close(lock_fd_);
}

bool OutputWriter::Lock(Diagnostics& diags) {
  std::error_code ec;
  if (lock_fd_ >= 0 || !fs::is_directory(StatePath(""), ec)) return true;
  int fd = open(StatePath("lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return true;  // a folder tandem cannot write to fails later, with its own message
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    lock_refused_ = true;
    diags.Error({dir_},
                "another tandem build is writing to this output folder; wait for it to finish, or "
                "choose another --output");
    return false;
  }
  lock_fd_ = fd;
  return true;
}

std::string OutputWriter::StatePath(const std::string& name) const {
  return dir_ + "/" + kStateDir + (name.empty() ? "" : "/" + name);
}

OutputWriter::Manifest OutputWriter::ReadManifest(const std::string& path, bool* complete) const {
  Manifest manifest;
  std::ifstream in(path);
  std::string line;
  bool ok = std::getline(in, line) && line == kManifestHeader;
  if (complete) *complete = ok;
  if (!ok) return manifest;
  // Each line: the hash in hex, the size, the path.
  while (std::getline(in, line)) {
    char* end = nullptr;
    Entry e;
    e.hash = std::strtoull(line.c_str(), &end, 16);
    e.size = std::strtoull(end, &end, 10);
    if (*end != ' ' || end[1] == '\0') continue;
    manifest.emplace_hint(manifest.end(), std::string(end + 1), e);
  }
  return manifest;
}

void OutputWriter::WriteManifest(const std::string& path, const Manifest& manifest) const {
  std::ostringstream out;
  out << kManifestHeader << "\n";
  for (const auto& [rel, e] : manifest)
    out << std::hex << e.hash << std::dec << ' ' << e.size << ' ' << rel << "\n";
  WriteAtomically(path, out.str());
}

bool OutputWriter::Prepare(bool force, Diagnostics& diags) {
  std::error_code ec;
  fs::path root(dir_);
  if (!Lock(diags)) return false;
  if (fs::exists(StatePath("journal"), ec)) FinishCommit(StatePath("journal"));
  bool made_by_tandem = fs::exists(StatePath("manifest"), ec);
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
    diags.Error({dir_}, "the output path exists and is not a folder; choose another --output");
    return false;
  }
  if (fs::exists(root, ec) && !made_by_tandem && !IsEmptyDir(root) && !force) {
    diags.Error({dir_},
                "the output folder is not empty and was not made by tandem; tandem will not write over "
                "files it did not create. Empty it, choose another --output, or pass --force");
    return false;
  }
  created_dir_ = !fs::exists(root, ec);
  bool complete = false;
  previous_ = ReadManifest(StatePath("manifest"), &complete);
  // An interrupted build into an empty folder left only its own partial files.
  if (made_by_tandem && !complete) RemoveContents();
  direct_ = created_dir_ || IsEmptyDir(root) || (made_by_tandem && !complete);
  fs::remove_all(StatePath("stage"), ec);
  fs::create_directories(direct_ ? StatePath("") : StatePath("stage"), ec);
  if (ec) {
    diags.Error({dir_}, "cannot create the output folder: " + ec.message());
    return false;
  }
  if (!Lock(diags)) return false;
  if (direct_) WriteAtomically(StatePath("manifest"), std::string(kIncompleteHeader) + "\n");
  return true;
}

void OutputWriter::RemoveContents() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec))
    if (entry.path().filename() != kStateDir) fs::remove_all(entry.path(), ec);
}

// Creates each folder once, however many files go into it.
void OutputWriter::WriteFileAt(const std::string& path, std::string_view bytes) {
  std::string parent = fs::path(path).parent_path().string();
  bool known;
  {
    std::lock_guard lock(mutex_);
    known = !made_dirs_.insert(parent).second;
  }
  if (!known) fs::create_directories(parent);
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  while (!bytes.empty()) {
    ssize_t n = write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      close(fd);
      throw std::runtime_error("cannot write " + path + ": " + std::strerror(error));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  if (close(fd) != 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
}

bool OutputWriter::IsUpToDate(unsigned jobs, size_t* files) const {
  std::error_code ec;
  if (fs::exists(StatePath("journal"), ec)) return false;
  bool complete = false;
  Manifest manifest = ReadManifest(StatePath("manifest"), &complete);
  if (!complete) return false;
  std::vector<const Manifest::value_type*> entries;
  entries.reserve(manifest.size());
  for (const auto& entry : manifest) entries.push_back(&entry);
  int dir_fd = open(dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);  // paths below it are walked faster
  if (dir_fd < 0) return false;
  std::atomic<bool> intact = true;
  ParallelFor(entries.size(), jobs, [&](size_t i, unsigned) {
    if (intact && !HasSize(dir_fd, entries[i]->first, entries[i]->second.size)) intact = false;
  });
  close(dir_fd);
  if (files) *files = manifest.size();
  return intact;
}

bool OutputWriter::CanKeep(const std::string& rel_path) const {
  auto old = previous_.find(rel_path);
  return !direct_ && old != previous_.end() && HasSize(AT_FDCWD, dir_ + "/" + rel_path, old->second.size);
}

bool OutputWriter::Keep(const std::string& rel_path) {
  auto old = previous_.find(rel_path);
  if (old == previous_.end()) return false;
  std::lock_guard lock(mutex_);
  if (!next_.emplace(rel_path, old->second).second) return false;
  ++stats_.unchanged;
  return true;
}

bool OutputWriter::Stage(const std::string& rel_path, std::string_view bytes, bool* changed) {
  Entry entry{HashBytes(bytes), bytes.size()};
  {
    std::lock_guard lock(mutex_);
    if (!next_.emplace(rel_path, entry).second) return false;
  }
  auto old = previous_.find(rel_path);
  *changed = direct_ || old == previous_.end() || old->second.hash != entry.hash ||
             !HasSize(AT_FDCWD, dir_ + "/" + rel_path, entry.size);
  if (*changed) WriteFileAt((direct_ ? dir_ : StatePath("stage")) + "/" + rel_path, bytes);
  std::lock_guard lock(mutex_);
  ++(*changed ? stats_.written : stats_.unchanged);
  return true;
}

bool OutputWriter::Write(const std::string& rel_path, std::string_view bytes) {
  bool changed = false;
  return Stage(rel_path, bytes, &changed);
}

bool OutputWriter::CopyFrom(const std::string& rel_path, const std::string& source_file) {
  return Write(rel_path, ReadFile(source_file));
}

bool OutputWriter::Commit(Diagnostics& diags) {
  try {
    if (direct_) {
      WriteManifest(StatePath("manifest"), next_);
      return true;
    }
    // The journal lists what to delete; once it exists the build counts as done
    // and an interrupted commit is finished by the next run.
    std::ostringstream journal;
    for (const auto& [rel, e] : previous_)
      if (!next_.count(rel)) journal << rel << "\n";
    WriteManifest(StatePath("manifest.next"), next_);
    WriteAtomically(StatePath("journal"), journal.str());
    FinishCommit(StatePath("journal"));
    return true;
  } catch (const std::exception& e) {
    diags.Error({dir_}, std::string("cannot write the output: ") + e.what());
    return false;
  }
}

void OutputWriter::FinishCommit(const std::string& journal_path) {
  fs::path root(dir_), stage(StatePath("stage"));
  std::error_code ec;
  std::vector<fs::path> staged;
  for (auto it = fs::recursive_directory_iterator(stage, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file()) staged.push_back(it->path());
  for (const fs::path& from : staged) {
    fs::path to = root / from.lexically_relative(stage);
    fs::create_directories(to.parent_path());
    fs::rename(from, to);
  }
  std::ifstream journal(journal_path);
  for (std::string rel; std::getline(journal, rel);) {
    if (rel.empty()) continue;
    if (fs::remove(root / rel, ec)) ++stats_.removed;
    PruneEmptyParents((root / rel).parent_path(), root);
  }
  fs::rename(StatePath("manifest.next"), StatePath("manifest"), ec);
  fs::remove(journal_path, ec);
  fs::remove_all(stage, ec);
}

void OutputWriter::Abort() {
  if (lock_refused_) return;
  std::error_code ec;
  if (direct_) {
    // The folder was empty before this build: make it so again.
    if (created_dir_)
      fs::remove_all(dir_, ec);
    else
      RemoveContents(), fs::remove_all(StatePath(""), ec);
    return;
  }
  fs::remove_all(StatePath("stage"), ec);
  if (created_dir_)
    fs::remove_all(dir_, ec);
  else if (!fs::exists(StatePath("manifest"), ec))  // this build made .tandem/: only its lock is left
    fs::remove_all(StatePath(""), ec);
}

}  // namespace tandem

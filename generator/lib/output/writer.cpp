#include "output/writer.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "output/state_file.hpp"
#include "support/fault.hpp"
#include "support/files.hpp"
#include "support/parallel.hpp"
#include "support/text.hpp"

namespace fs = std::filesystem;

namespace tandem {

namespace {

constexpr const char* kManifest = "manifest";
constexpr int kManifestVersion = 2;
constexpr const char* kJournal = "journal";
constexpr int kJournalVersion = 1;
// Where a commit keeps the files it replaces or deletes until every move is made.
constexpr const char* kSetAside = "old";

bool IsEmptyDir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::directory_iterator(dir, ec) == fs::directory_iterator();
}

// Something (a file, a folder, a link, even a dangling one) is at `path`.
bool Lexists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

// A path tandem may write: plain, and not in its own state folder.
bool IsOutputPath(const std::string& rel) {
  return IsPlainRelativePath(rel) && rel != OutputWriter::kStateDir &&
         !StartsWith(rel, std::string(OutputWriter::kStateDir) + "/");
}

bool HoldsOnlyStateDir(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename() != OutputWriter::kStateDir) return false;
  return !ec;
}

int64_t MtimeNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string Reason(int error) {
  return WriteFailure(error);
}

}  // namespace

OutputWriter::OutputWriter(std::string dir) : dir_(std::move(dir)) {}

OutputWriter::~OutputWriter() {
  if (lock_fd_ >= 0) close(lock_fd_);
}

std::string OutputWriter::StatePath(const std::string& name) const {
  return dir_ + "/" + kStateDir + (name.empty() ? "" : "/" + name);
}

bool OutputWriter::Lock(Diagnostics& diags) {
  struct stat st;
  if (lock_fd_ >= 0 || lstat(StatePath("").c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return true;
  int fd = open(StatePath("lock").c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (errno == EACCES || errno == EROFS)
      return true;  // a read-only folder fails later, with its own message
    lock_refused_ = true;
    diags.Error({StatePath("lock")}, "cannot lock the output folder: " + std::string(std::strerror(errno)) +
                                         "; remove " + StatePath("lock"));
    return false;
  }
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

void OutputWriter::ReadPreviousManifest(Diagnostics& diags) {
  previous_.clear();
  StateFile file = ReadStateFile(StatePath(kManifest), kManifest, kManifestVersion);
  if (file.missing) return;
  std::string problem = file.problem;
  for (const StateRecord& r : file.records) {
    if (!problem.empty()) break;
    if (r[0] == "status" && r.size() == 2 && (r[1] == "complete" || r[1] == "incomplete")) continue;
    auto hash = r.size() == 5 ? ParseHexField(r[2]) : std::nullopt;
    auto size = r.size() == 5 ? ParseDecimalField(r[3]) : std::nullopt;
    auto mtime = r.size() == 5 ? ParseDecimalField(r[4]) : std::nullopt;
    if (r[0] != "file" || !hash || !size || !mtime || !IsOutputPath(r[1]))
      problem = "an entry is not a file of the output folder";
    else
      previous_[r[1]] = {*hash, *size, static_cast<int64_t>(*mtime)};
  }
  if (problem.empty()) return;
  previous_.clear();
  diags.Note({StatePath(kManifest)},
             "the list of files the last build wrote cannot be used (" + problem +
                 "); tandem writes every file again and deletes none it wrote before");
}

std::optional<Diagnostic> OutputWriter::Refusal(const std::string& dir, bool force) {
  auto refuse = [](const std::string& path, std::string message) {
    Diagnostic d;
    d.pos.path = path;
    d.message = std::move(message);
    return d;
  };
  std::string state = dir + "/" + kStateDir;
  struct stat st;
  if (lstat(state.c_str(), &st) == 0 && !S_ISDIR(st.st_mode))
    return refuse(state, "this is not tandem's state folder (it is a file or a link); move it away");
  if (lstat(dir.c_str(), &st) != 0) return std::nullopt;  // made new
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    return refuse(dir, "the output path exists and is not a folder; choose another --output");
  bool made_by_tandem = Lexists(state + "/" + kManifest) || Lexists(state + "/" + kJournal);
  // A first build killed before its manifest leaves only .tandem/: the folder is as good as empty.
  if (made_by_tandem || force || IsEmptyDir(dir) || HoldsOnlyStateDir(dir)) return std::nullopt;
  return refuse(dir,
                "the output folder is not empty and was not made by tandem; tandem will not write over "
                "files it did not create. Empty it, choose another --output, or pass --force");
}

bool OutputWriter::Prepare(bool force, Diagnostics& diags) {
  std::error_code ec;
  fs::path root(dir_);
  if (!Lock(diags)) return false;
  if (auto refusal = Refusal(dir_, force)) {
    lock_refused_ = true;
    diags.Add(std::move(*refusal));
    return false;
  }
  if (Lexists(StatePath(kJournal)) && !ReplayJournal(diags)) {
    committing_ = true;  // what is staged belongs to the interrupted build: keep it for the next run
    return false;
  }
  bool made_by_tandem = Lexists(StatePath(kManifest));
  RemoveTemporaryFiles();
  bool empty = IsEmptyDir(root) || (!made_by_tandem && HoldsOnlyStateDir(dir_));
  created_dir_ = !Lexists(dir_);
  // An interrupted first build's manifest ("status incomplete") lists no file: what it wrote is
  // written again, and no file a manifest does not list is deleted (CNAME and .git/ stay).
  ReadPreviousManifest(diags);
  direct_ = created_dir_ || empty;
  fs::remove_all(StatePath("stage"), ec);
  fs::create_directories(direct_ ? StatePath("") : StatePath("stage"), ec);
  if (ec) {
    diags.Error({dir_}, "cannot create the output folder: " + ec.message());
    return false;
  }
  if (!Lock(diags)) return false;
  FaultPoint("prepare");
  if (direct_) WriteManifest(StatePath(kManifest), {}, false);
  return true;
}

// What a write killed half way left: "manifest.tmp1234".
void OutputWriter::RemoveTemporaryFiles() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(StatePath(""), ec))
    if (entry.path().filename().string().find(".tmp") != std::string::npos && entry.is_regular_file(ec))
      fs::remove(entry.path(), ec);
}

void OutputWriter::RemoveContents() const {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec))
    if (entry.path().filename() != kStateDir) fs::remove_all(entry.path(), ec);
}

void OutputWriter::WriteManifest(const std::string& path, const Manifest& manifest, bool complete) const {
  std::vector<StateRecord> records;
  records.reserve(manifest.size() + 1);
  records.push_back({"status", complete ? "complete" : "incomplete"});
  for (const auto& [rel, e] : manifest)
    records.push_back({"file", rel, HexField(e.hash), std::to_string(e.size), std::to_string(e.mtime_ns)});
  WriteFileAtomically(path, EncodeStateFile(kManifest, kManifestVersion, records));
}

bool OutputWriter::Intact(int dir_fd, const std::string& rel, const Entry& entry) const {
  struct stat st;
  return fstatat(dir_fd, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
         static_cast<uint64_t>(st.st_size) == entry.size && MtimeNs(st) == entry.mtime_ns;
}

bool OutputWriter::IsUpToDate(unsigned jobs, size_t* files) const {
  if (Lexists(StatePath(kJournal))) return false;
  StateFile file = ReadStateFile(StatePath(kManifest), kManifest, kManifestVersion);
  if (!file.usable() || file.records.empty() || file.records[0] != StateRecord{"status", "complete"})
    return false;
  DirFd root = OpenDir(dir_);  // paths below it are walked faster
  if (!root.ok()) return false;
  std::atomic<bool> intact = true;
  ParallelFor(file.records.size() - 1, jobs, [&](size_t i, unsigned) {
    const StateRecord& r = file.records[i + 1];
    auto size = r.size() == 5 ? ParseDecimalField(r[3]) : std::nullopt;
    auto mtime = r.size() == 5 ? ParseDecimalField(r[4]) : std::nullopt;
    if (!intact || !size || !mtime || !IsOutputPath(r[1]) ||
        !Intact(root.get(), r[1], {0, *size, static_cast<int64_t>(*mtime)}))
      intact = false;
  });
  if (files) *files = file.records.size() - 1;
  return intact;
}

bool OutputWriter::CanKeep(const std::string& rel_path) const {
  auto old = previous_.find(rel_path);
  return !direct_ && old != previous_.end() && Intact(AT_FDCWD, dir_ + "/" + rel_path, old->second);
}

OutputWriter::Claim OutputWriter::Keep(const std::string& rel_path) {
  auto old = previous_.find(rel_path);
  if (old == previous_.end() || !IsOutputPath(rel_path)) return Claim::kReserved;
  std::lock_guard lock(mutex_);
  if (!next_.emplace(rel_path, old->second).second) return Claim::kTaken;
  ++stats_.unchanged;
  return Claim::kOk;
}

// Creates each folder once, however many files go into it. `fill` writes the bytes through the
// function it is given, in one piece or in blocks.
OutputWriter::Entry OutputWriter::WriteStaged(const std::string& rel_path, uint64_t hash,
                                              const Filler& fill) {
  FaultPoint("write");
  std::string path = (direct_ ? dir_ : StatePath("stage")) + "/" + rel_path;
  std::string parent = path.substr(0, path.rfind('/'));
  bool known;
  {
    std::lock_guard lock(mutex_);
    known = !made_dirs_.insert(parent).second;
  }
  // One mkdir for a page's own folder; the folders above it only when that one fails.
  std::error_code ec;
  if (!known && mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) fs::create_directories(parent, ec);
  if (ec) throw IoError(parent, "cannot create the folder: " + ec.message());
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError(path, "cannot write: " + Reason(errno));
  auto write_block = [&](std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw IoError(path, "cannot write: " + Reason(n < 0 ? errno : EIO));
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  };
  try {
    fill(write_block);
  } catch (...) {
    close(fd);
    throw;
  }
  struct stat st;
  bool stated = fstat(fd, &st) == 0;
  if (close(fd) != 0 || !stated) throw IoError(path, "cannot write: " + Reason(errno));
  return {hash, static_cast<uint64_t>(st.st_size), MtimeNs(st)};
}

// Claims `rel_path` for `entry` (its hash and size); true when its bytes must be staged, false when
// the last build's file is there as it left it.
bool OutputWriter::ClaimChanged(const std::string& rel_path, const Entry& entry, Claim& claim) {
  {
    std::lock_guard lock(mutex_);
    if (!next_.emplace(rel_path, entry).second) {
      claim = Claim::kTaken;
      return false;
    }
  }
  claim = Claim::kOk;
  auto old = previous_.find(rel_path);
  bool changed = direct_ || old == previous_.end() || old->second.hash != entry.hash ||
                 old->second.size != entry.size || !Intact(AT_FDCWD, dir_ + "/" + rel_path, old->second);
  if (!changed) Record(rel_path, old->second, false);
  return changed;
}

void OutputWriter::Record(const std::string& rel_path, const Entry& entry, bool written) {
  std::lock_guard lock(mutex_);
  next_[rel_path] = entry;
  ++(written ? stats_.written : stats_.unchanged);
}

OutputWriter::Claim OutputWriter::Write(const std::string& rel_path, std::string_view bytes) {
  if (!IsOutputPath(rel_path)) return Claim::kReserved;
  Entry entry{HashBytes(bytes), bytes.size(), 0};
  Claim claim;
  if (ClaimChanged(rel_path, entry, claim))
    Record(rel_path, WriteStaged(rel_path, entry.hash, [&](const BlockWriter& write) { write(bytes); }),
           true);
  return claim;
}

// Streamed: a bundle file is read in blocks, once to hash it and, when it changed, once to copy it.
OutputWriter::Claim OutputWriter::CopyFrom(const std::string& rel_path, const std::string& source_file) {
  if (!IsOutputPath(rel_path)) return Claim::kReserved;
  InputFile in(source_file);
  Entry entry{in.Hash(), in.size(), 0};
  Claim claim;
  if (ClaimChanged(rel_path, entry, claim))
    Record(rel_path,
           WriteStaged(rel_path, entry.hash, [&](const BlockWriter& write) { in.ForEachBlock(write); }),
           true);
  return claim;
}

namespace {

// There is nothing at the place: no file, or a file where a folder of its path should be.
bool NoSuchFile(int error) {
  return error == ENOENT || error == ENOTDIR;
}

bool ExistsBeneath(const DirFd& root, const std::string& rel) {
  size_t slash = rel.rfind('/');
  DirFd parent = OpenDirBeneath(root, slash == std::string::npos ? "" : rel.substr(0, slash), false);
  struct stat st;
  return parent.ok() && fstatat(parent.get(), rel.substr(slash + 1).c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

}  // namespace

bool OutputWriter::Commit(Diagnostics& diags) {
  if (direct_) {
    WriteManifest(StatePath(kManifest), next_, true);
    committing_ = true;  // the site is complete: nothing may undo it now
    return true;
  }
  // The journal lists every move and deletion; once it exists, a build killed while moving is
  // finished by the next run. A move that fails is undone here instead (MoveIntoPlace).
  std::vector<StateRecord> journal;
  for (const auto& [rel, e] : next_) {
    auto old = previous_.find(rel);
    bool unchanged =
        old != previous_.end() && old->second.mtime_ns == e.mtime_ns && old->second.hash == e.hash;
    if (!unchanged) journal.push_back({"move", rel});
  }
  for (const auto& [rel, e] : previous_)
    if (!next_.count(rel)) journal.push_back({"remove", rel});
  WriteManifest(StatePath("manifest.next"), next_, true);
  FaultPoint("journal");
  std::error_code ec;
  fs::remove_all(StatePath(kSetAside), ec);
  WriteFileAtomically(StatePath(kJournal), EncodeStateFile(kJournal, kJournalVersion, journal));
  committing_ = true;
  return ReplayJournal(diags, true);
}

// `undoable`: each file replaced or deleted is first set aside in .tandem/old/, and a move that
// fails (a full disk, a file made read-only) is undone in reverse order, so a build with errors
// leaves the folder as it was. Without it (a journal left by a killed build), every move is
// made and what is set aside is dropped.
bool OutputWriter::ReplayJournal(Diagnostics& diags, bool undoable) {
  std::error_code ec;
  StateFile journal = ReadStateFile(StatePath(kJournal), kJournal, kJournalVersion);
  for (const StateRecord& r : journal.records)
    if (r.size() != 2 || (r[0] != "move" && r[0] != "remove") || !IsOutputPath(r[1]))
      journal.problem = "an entry is not a file of the output folder";
  if (!journal.usable()) {
    diags.Note({StatePath(kJournal)}, "the journal of an interrupted build cannot be used (" +
                                          journal.problem +
                                          "); its unfinished changes are dropped and this build redoes them");
    fs::remove(StatePath("manifest.next"), ec);
    fs::remove(StatePath(kJournal), ec);
    fs::remove_all(StatePath("stage"), ec);
    fs::remove_all(StatePath(kSetAside), ec);
    return true;
  }
  DirFd root = OpenDir(dir_);
  DirFd stage = OpenDirBeneath(root, std::string(kStateDir) + "/stage", false);
  DirFd set_aside = undoable ? OpenDirBeneath(root, std::string(kStateDir) + "/" + kSetAside, true) : DirFd();
  if (undoable && !set_aside.ok()) {
    diags.Error({StatePath(kSetAside)},
                "cannot make the folder that keeps replaced files until the build is "
                "done: " +
                    Reason(errno) + ". Fix that, then build again");
    return UndoMoves(root, stage, set_aside, {}, true, diags);
  }
  std::vector<const StateRecord*> done;  // in order, for an undo
  bool undo_complete = true;             // every file replaced has a second name in set_aside
  try {
    for (const StateRecord& r : journal.records) {
      const std::string& rel = r[1];
      struct stat st;
      if (r[0] == "move") {
        // Moved already when an earlier run was interrupted after it.
        DirFd parent = OpenDirBeneath(
            stage, rel.substr(0, rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/')), false);
        std::string name = rel.substr(rel.rfind('/') + 1);
        if (!parent.ok() || fstatat(parent.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        // tandem stages only files of its own: a link, a device or a second name of another file
        // (a hard link) was planted, and is dropped rather than moved into the site.
        if (!S_ISREG(st.st_mode) || st.st_nlink != 1) {
          unlinkat(parent.get(), name.c_str(), S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
          diags.Error({StatePath("stage/" + rel)},
                      "this staged file is not one tandem wrote (it is a symbolic link, a folder, a "
                      "device or a hard link); it was dropped, not moved into the output folder. "
                      "Build again");
          continue;
        }
        FaultPoint("commit-move");
        // The old file keeps a second name until the end: the new one replaces it in one rename,
        // so a visitor never finds the place empty.
        if (undoable && !LinkBeneath(root, set_aside, rel) && !NoSuchFile(errno)) undo_complete = false;
        done.push_back(&r);
        if (!MoveBeneath(stage, root, rel)) {
          if (!undoable) {
            diags.Error({dir_ + "/" + rel},
                        "cannot move the new file into place: " + Reason(errno) +
                            ". Fix that, then build again: the next build finishes this one");
            return false;
          }
          diags.Error({dir_ + "/" + rel},
                      "cannot move the new file into place: " + Reason(errno) +
                          "; the output folder is left as it was. Fix that, then build again");
          return UndoMoves(root, stage, set_aside, done, undo_complete, diags);
        }
      } else {
        done.push_back(&r);
        if (undoable ? MoveBeneath(root, set_aside, rel) : RemoveFileBeneath(root, rel)) ++stats_.removed;
        FaultPoint("commit-remove");
        // Also when the file was gone already: a run interrupted here deleted it.
        PruneEmptyDirsBeneath(root, rel);
      }
    }
  } catch (const IoError&) {
    if (undoable) UndoMoves(root, stage, set_aside, done, undo_complete, diags);
    throw;
  }
  fs::rename(StatePath("manifest.next"), StatePath(kManifest), ec);
  fs::remove(StatePath(kJournal), ec);
  fs::remove_all(StatePath("stage"), ec);
  fs::remove_all(StatePath(kSetAside), ec);
  return true;
}

// Puts back, last first, what the moves in `done` changed: each new file goes back to the stage
// (a second name there, then the old file renamed over it in place, or the new file moved when
// there was none) and each deleted file back to its place, so the journal still describes what
// is left to do. When all is back, the build ends as one that never committed (Abort() then
// clears the stage); when a file cannot be put back, the journal stays, and the next build
// finishes the commit.
bool OutputWriter::UndoMoves(const DirFd& root, const DirFd& stage, const DirFd& set_aside,
                             const std::vector<const StateRecord*>& done, bool complete, Diagnostics& diags) {
  bool all_back = complete;
  for (auto it = done.rbegin(); it != done.rend(); ++it) {
    const std::string& rel = (**it)[1];
    if ((**it)[0] == "move") {
      if (!set_aside.ok() || !ExistsBeneath(set_aside, rel)) {
        if (!MoveBeneath(root, stage, rel) && !NoSuchFile(errno)) all_back = false;
      } else if (!LinkBeneath(root, stage, rel) || !MoveBeneath(set_aside, root, rel)) {
        all_back = false;
      }
    } else if (set_aside.ok() && !MoveBeneath(set_aside, root, rel) && !NoSuchFile(errno)) {
      all_back = false;
    }
    PruneEmptyDirsBeneath(root, rel);
  }
  if (!all_back) {
    diags.Error({StatePath(kJournal)},
                "some files could not be put back as they were; the next build finishes this one");
    return false;
  }
  std::error_code ec;
  fs::remove(StatePath("manifest.next"), ec);
  fs::remove(StatePath(kJournal), ec);
  fs::remove_all(StatePath(kSetAside), ec);
  stats_.removed = 0;
  committing_ = false;
  return false;
}

void OutputWriter::Abort() {
  if (lock_refused_ || committing_) return;
  std::error_code ec;
  if (direct_) {
    // The folder was empty before this build: make it so again.
    if (created_dir_) {
      fs::remove_all(dir_, ec);
    } else {
      RemoveContents();
      fs::remove_all(StatePath(""), ec);
    }
    return;
  }
  fs::remove_all(StatePath("stage"), ec);
  if (created_dir_)
    fs::remove_all(dir_, ec);
  else if (!Lexists(StatePath(kManifest)))  // this build made .tandem/: only its lock is left
    fs::remove_all(StatePath(""), ec);
}

}  // namespace tandem

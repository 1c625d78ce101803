// Writing the output folder so that nothing is lost. Files are staged in
// <output>/.tandem/stage while the build runs and moved into place only when
// it succeeded; into an empty or new folder, where there is nothing to lose,
// they go straight to their place under a manifest marked incomplete until
// the build succeeds (a failed build empties the folder again). A build killed
// before its commit leaves every visible file as it was; one killed while
// moving files is finished by the next run, from a journal written first; a
// move that fails is undone, from the files set aside in .tandem/old.
// Files whose bytes did not change are not rewritten, so their modification
// times stay and rsync-style deploys send nothing. Only files tandem wrote
// before (listed in .tandem/manifest) are ever deleted, and only inside the
// folder (output/beneath.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "output/beneath.hpp"
#include "output/state_file.hpp"
#include "support/diagnostics.hpp"

namespace tandem {

struct OutputStats {
  size_t written = 0;
  size_t unchanged = 0;
  size_t removed = 0;
};

class OutputWriter {
 public:
  static constexpr const char* kStateDir = ".tandem";

  explicit OutputWriter(std::string dir);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Takes .tandem/lock, so that two builds never write into one output folder at once; the
  // kernel lets go of it when the process ends, however it ends. A folder without .tandem/
  // yet is locked by Prepare once it has one. False, with an error, when another build holds it.
  bool Lock(Diagnostics& diags);

  // Why tandem may not write into the folder `dir`, as an error at a path: a file or a link
  // where it or its .tandem/ should be, or (unless `force`) a non-empty folder tandem did not
  // make. nullopt when it may. Prepare refuses by it; `tandem serve` too, before it serves.
  static std::optional<Diagnostic> Refusal(const std::string& dir, bool force);

  // Refuses what Refusal refuses, finishes or discards an
  // interrupted earlier build, and opens a fresh stage. A damaged manifest is a note: the
  // build then rewrites everything and deletes nothing.
  bool Prepare(bool force, Diagnostics& diags);

  // True when the last build finished and every file it wrote is still there, as it left it.
  bool IsUpToDate(unsigned jobs, size_t* files = nullptr) const;
  // Whether `rel_path` can be carried over from the last build untouched.
  bool CanKeep(const std::string& rel_path) const;

  enum class Claim { kOk, kTaken, kReserved };
  // Thread-safe. Carries `rel_path` over from the last build.
  Claim Keep(const std::string& rel_path);
  // Thread-safe. kTaken when another output already claimed `rel_path`, kReserved when it
  // lies in .tandem/ or is not a plain relative path. Throws IoError when the disk refuses.
  Claim Write(const std::string& rel_path, std::string_view bytes);
  Claim CopyFrom(const std::string& rel_path, const std::string& source_file);

  // Moves staged files into place and removes what the previous build made but this one did not.
  bool Commit(Diagnostics& diags);
  // Forgets the staged files; the output folder stays as it was. Does nothing once Commit began.
  void Abort();

  const OutputStats& stats() const { return stats_; }
  const std::string& dir() const { return dir_; }
  std::string StatePath(const std::string& name) const;

 private:
  struct Entry {
    uint64_t hash = 0;
    uint64_t size = 0;
    int64_t mtime_ns = 0;  // as written: a hand edit of the same size still changes it
  };
  using Manifest = std::map<std::string, Entry>;

  bool PrepareFolder(bool force, Diagnostics& diags);
  void ReadPreviousManifest(Diagnostics& diags);
  bool Intact(int dir_fd, const std::string& rel, const Entry& entry) const;
  using BlockWriter = std::function<void(std::string_view)>;
  using Filler = std::function<void(const BlockWriter&)>;
  Entry WriteStaged(const std::string& rel_path, uint64_t hash, const Filler& fill);
  bool ClaimChanged(const std::string& rel_path, const Entry& entry, Claim& claim);
  void Record(const std::string& rel_path, const Entry& entry, bool written);
  void WriteManifest(const std::string& path, const Manifest& manifest, bool complete) const;
  bool ReplayJournal(Diagnostics& diags, bool undoable = false);
  bool UndoMoves(const DirFd& root, const DirFd& stage, const DirFd& set_aside,
                 const std::vector<const StateRecord*>& done, bool complete, Diagnostics& diags);
  void RemoveContents() const;
  void RemoveTemporaryFiles() const;

  std::string dir_;
  int lock_fd_ = -1;
  bool lock_refused_ = false;  // another build holds the folder: touch nothing
  bool created_dir_ = false;
  bool direct_ = false;      // the folder was empty: write in place, no stage
  bool committing_ = false;  // the journal is written: only the next run may undo or finish
  std::set<std::string> made_dirs_;
  Manifest previous_;
  Manifest next_;
  std::mutex mutex_;
  OutputStats stats_;
};

}  // namespace tandem

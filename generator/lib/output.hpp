// Writing the output folder so that nothing is lost: files are staged in
// <output>/.tandem/stage while the build runs and moved into place only when
// it succeeded. (Into an empty or new folder, where there is nothing to lose,
// files go straight to their place, under a manifest marked incomplete until
// the build succeeds; a failed build empties the folder again.) A build killed before that leaves every
// visible file as it was; one killed while moving files is finished by the next run (the list of moves is
// journaled first). Files whose bytes did not change are not rewritten, so their modification times stay and
// rsync-style deploys send nothing. Only files tandem wrote before (listed in .tandem/manifest) are ever
// deleted.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "diagnostics.hpp"

namespace tandem {

struct OutputStats {
  size_t written = 0;
  size_t unchanged = 0;
  size_t removed = 0;
};

class OutputWriter {
 public:
  explicit OutputWriter(std::string dir);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  // Takes .tandem/lock, so that two builds never write into one output folder at once; the
  // kernel lets go of it when the process ends, however it ends. A folder without .tandem/
  // yet is locked by Prepare once it has one. False, with an error, when another build holds it.
  bool Lock(Diagnostics& diags);

  // Refuses a non-empty folder tandem did not make (unless `force`), finishes
  // or discards an interrupted earlier build, and opens a fresh stage.
  bool Prepare(bool force, Diagnostics& diags);

  // True when the last build finished and every file it wrote is still there, at its size.
  bool IsUpToDate(unsigned jobs, size_t* files = nullptr) const;
  // Whether `rel_path` can be carried over from the last build untouched (it is there, at its size).
  bool CanKeep(const std::string& rel_path) const;
  // Thread-safe. Carries `rel_path` over; false if another output claimed it.
  bool Keep(const std::string& rel_path);
  size_t previous_count() const { return previous_.size(); }
  std::string StatePath(const std::string& name) const;

  // Thread-safe. Returns false if another output already claimed `rel_path`.
  bool Write(const std::string& rel_path, std::string_view bytes);
  bool CopyFrom(const std::string& rel_path, const std::string& source_file);

  // Moves staged files into place and removes what the previous build made but this one did not.
  bool Commit(Diagnostics& diags);
  // Forgets the staged files; the output folder stays as it was.
  void Abort();

  const OutputStats& stats() const { return stats_; }
  const std::string& dir() const { return dir_; }

  static constexpr const char* kStateDir = ".tandem";

 private:
  struct Entry {
    uint64_t hash = 0;
    uint64_t size = 0;
  };
  using Manifest = std::map<std::string, Entry>;

  bool Stage(const std::string& rel_path, std::string_view bytes, bool* changed);
  void WriteFileAt(const std::string& path, std::string_view bytes);
  Manifest ReadManifest(const std::string& path, bool* complete = nullptr) const;
  void RemoveContents() const;
  void WriteManifest(const std::string& path, const Manifest& manifest) const;
  void FinishCommit(const std::string& journal);

  std::string dir_;
  int lock_fd_ = -1;
  bool lock_refused_ = false;  // another build holds the folder: touch nothing
  bool created_dir_ = false;
  bool direct_ = false;  // the folder was empty: write in place, no stage
  std::set<std::string> made_dirs_;
  Manifest previous_;
  Manifest next_;
  std::mutex mutex_;
  OutputStats stats_;
};

uint64_t HashBytes(std::string_view bytes);

}  // namespace tandem

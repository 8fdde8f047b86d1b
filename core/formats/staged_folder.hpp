// A set of files that appears whole or not at all: every file is written into a hidden
// folder beside the target ("<dir>/.staging-<pid>-<n>"), and commit() moves them into
// the target only once all are written. A failure before commit() (or in it) leaves the
// target as it was: no half set of feature maps (issue 17's `features` run that left 6
// PNGs of 7).
#pragma once

#include <string>
#include <vector>

namespace convscope {

class StagedFolder {
  public:
    // Creates `target` if missing and the staging folder inside it; InputError naming the
    // folder when either cannot be created.
    explicit StagedFolder(const std::string& target);
    // Removes the staging folder and whatever is still in it.
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    // Where to write the file `name` now; it lands at target/name on commit().
    std::string path(const std::string& name);
    // Moves every file named through path() into the target. A target name taken by a
    // folder, or a failed move, throws InputError and takes back the files already moved.
    void commit();

    const std::string& staging() const { return staging_; }

  private:
    std::string target_, staging_;
    std::vector<std::string> names_;
};

}  // namespace convscope

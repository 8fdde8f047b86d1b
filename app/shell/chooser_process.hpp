// The desktop's file chooser (zenity, kdialog) as a child process: started with
// posix_spawnp, its standard output read through a non-blocking pipe, polled once per
// frame, so the window keeps drawing while the chooser is open.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace convscope {

class ChooserProcess {
  public:
    ChooserProcess() = default;
    // A chooser still open when the window closes is ended (SIGTERM) and reaped.
    ~ChooserProcess();
    ChooserProcess(const ChooserProcess&) = delete;
    ChooserProcess& operator=(const ChooserProcess&) = delete;

    // Starts `argv` (program looked up on PATH). False, with `error` set, when it could
    // not start (no such program, no pipe) or one is already running.
    bool start(const std::vector<std::string>& argv, std::string* error);
    bool running() const { return pid_ > 0; }

    struct Result {
        int exit_code = 0;  // 128 + the signal when killed
        std::string output;
    };
    // Never waits: what the pipe holds is kept; once the child has exited, its result.
    std::optional<Result> poll();

  private:
    void read_available();
    void close_pipe();

    pid_t pid_ = -1;
    int pipe_ = -1;  // the read end
    std::string output_;
};

}  // namespace convscope

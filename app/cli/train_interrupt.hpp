// Ctrl+C during `convscope train`: the first SIGINT only raises a flag, which the
// training loop reads between batches to stop cleanly and save a checkpoint; a second
// one ends the process at once (the default action comes back with the first).
#pragma once

namespace convscope {

class InterruptCatcher {
  public:
    InterruptCatcher();   // installs the handler
    ~InterruptCatcher();  // puts back the handler that was there before
    InterruptCatcher(const InterruptCatcher&) = delete;
    InterruptCatcher& operator=(const InterruptCatcher&) = delete;

    bool interrupted() const;
};

// The exit status of a run stopped by Ctrl+C: 128 + SIGINT, as shells report it.
constexpr int kInterruptedExitCode = 130;

}  // namespace convscope

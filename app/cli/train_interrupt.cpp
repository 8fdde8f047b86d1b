#include "app/cli/train_interrupt.hpp"

#include <csignal>

namespace convscope {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_previous;

extern "C" void on_interrupt(int) {
    g_interrupted = 1;
    std::signal(SIGINT, SIG_DFL);  // async-signal-safe; a second Ctrl+C stops at once
}

}  // namespace

InterruptCatcher::InterruptCatcher() {
    g_interrupted = 0;
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // file reads and writes go on undisturbed
    sigaction(SIGINT, &action, &g_previous);
}

InterruptCatcher::~InterruptCatcher() {
    sigaction(SIGINT, &g_previous, nullptr);
}

bool InterruptCatcher::interrupted() const {
    return g_interrupted != 0;
}

}  // namespace convscope

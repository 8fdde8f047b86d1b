#include "app/shell/chooser_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace convscope {

ChooserProcess::~ChooserProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    close_pipe();
}

bool ChooserProcess::start(const std::vector<std::string>& argv, std::string* error) {
    if (running() || argv.empty()) {
        *error = running() ? "a file chooser is already open" : "no chooser command";
        return false;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        *error = std::string("cannot make a pipe: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int failed = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (failed != 0) {
        close(fds[0]);
        *error = argv[0] + ": " + std::strerror(failed);
        return false;
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    pid_ = pid;
    pipe_ = fds[0];
    output_.clear();
    return true;
}

void ChooserProcess::read_available() {
    char buffer[4096];
    while (pipe_ >= 0) {
        const ssize_t got = read(pipe_, buffer, sizeof buffer);
        if (got > 0) {
            output_.append(buffer, static_cast<std::size_t>(got));
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            if (got == 0) close_pipe();  // end of file: the child closed its output
            return;                      // EAGAIN: nothing more for now
        }
    }
}

void ChooserProcess::close_pipe() {
    if (pipe_ >= 0) close(pipe_);
    pipe_ = -1;
}

std::optional<ChooserProcess::Result> ChooserProcess::poll() {
    if (pid_ <= 0) return std::nullopt;
    read_available();
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == 0) return std::nullopt;
    // Exited: what it wrote last is in the pipe already (a grandchild holding the pipe
    // open would block a blocking read, so the non-blocking read is the last).
    read_available();
    close_pipe();
    pid_ = -1;
    Result result;
    result.output = std::move(output_);
    output_.clear();
    if (done < 0) {
        result.exit_code = 127;
    } else if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else {
        result.exit_code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
    }
    return result;
}

}  // namespace convscope

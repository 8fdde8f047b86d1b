// convscope: with a subcommand (shape, conv, pool) a CLI on the core alone; without
// one, the window.
#include <cstdio>
#include <string>

#include "app/cli/commands.hpp"
#include "app/version.hpp"
#ifdef CONVSCOPE_HAS_GUI
#include "app/shell/gui_main.hpp"
#endif

int main(int argc, char** argv) {
    using namespace convscope;
    if (argc >= 2) {
        std::string first = argv[1];
        if (first == "--help" || first == "-h" || first == "help") {
            print_usage(stdout);
            return 0;
        }
        if (first == "--version") {
            std::printf("convscope %s\n", kConvscopeVersion);
            return 0;
        }
        if (Command command = find_command(first)) {
            return command(Arguments(argv + 2, argv + argc));
        }
        if (first.empty() || first[0] != '-') {
            std::fprintf(stderr, "convscope: unknown command '%s'\n\n", first.c_str());
            print_usage(stderr);
            return 2;
        }
    }
#ifdef CONVSCOPE_HAS_GUI
    return run_gui(argc - 1, argv + 1);
#else
    std::fprintf(stderr, "convscope: this build has no window (CONVSCOPE_BUILD_GUI=OFF)\n");
    return 2;
#endif
}

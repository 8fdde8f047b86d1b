// The settings file: its text round-trips; a corrupt, truncated or newer file is set
// aside beside itself with one line on stderr and the window starts with defaults; the
// language file of earlier versions is read once when there is no settings file.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/model/settings_state.hpp"
#include "app/model/settings_store.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

Settings changed_settings() {
    Settings s;
    s.language = Language::Chinese;
    s.text_scale = 1.3f;
    s.theme = Theme::Dark;
    s.mode = Mode::Network;
    s.lesson = "padding-same";
    s.step = 7;
    s.show_lessons = false;
    s.show_controls = false;
    s.window = WindowPlacement{-20, 45, 1600, 900};
    s.last_folders = {{"images", "/home/me/My Pictures"}, {"weights", "/srv/nets"}};
    return s;
}

// What `action` printed on stderr.
template <typename Action>
std::string stderr_of(Action&& action) {
    std::fflush(stderr);
    TempFolder folder;
    const std::string path = folder.file("stderr");
    const int saved = dup(fileno(stderr));
    REQUIRE(std::freopen(path.c_str(), "w", stderr) != nullptr);
    action();
    std::fflush(stderr);
    dup2(saved, fileno(stderr));
    close(saved);
    return read_text(path);
}

// The names in `folder` that start with `prefix`.
std::vector<std::string> files_starting(const std::string& folder, const std::string& prefix) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0) names.push_back(name);
    }
    return names;
}

}  // namespace

TEST_CASE("settings text: every field round-trips; defaults are what a fresh window has") {
    const Settings changed = changed_settings();
    const std::string text = settings_text(changed);
    CHECK(text.rfind("convscope-settings 1\n", 0) == 0);
    CHECK(parse_settings(text) == changed);
    CHECK(parse_settings(settings_text(Settings{})) == Settings{});
    CHECK(parse_settings("convscope-settings 1\n") == Settings{});
    CHECK(text.find("last_folder.images = /home/me/My Pictures\n") != std::string::npos);
    CHECK(text.find("text_scale = 1.3\n") != std::string::npos);
}

TEST_CASE("settings text: unknown keys, comments and blank lines are ignored") {
    const Settings read = parse_settings(
        "convscope-settings 1\n# a note\n\nfuture_key = whatever\ntheme = dark\n"
        "  text_scale=1.5  \n");
    CHECK(read.theme == Theme::Dark);
    CHECK(read.text_scale == doctest::Approx(1.5f));
    CHECK(read.mode == Mode::Convolution);
}

TEST_CASE("settings text: bad files are refused with their reason") {
    const auto reason = [](const std::string& text) {
        return input_error_of([&] { parse_settings(text); });
    };
    CHECK(reason("") != "");
    CHECK(reason("[Window][Debug]\n").find("first line") != std::string::npos);
    CHECK(reason("convscope-settings 2\n").find("version 2 is newer") != std::string::npos);
    CHECK(reason("convscope-settings x\n").find("version") != std::string::npos);
    CHECK(reason("convscope-settings 1\ntheme = purple\n").find("line 2: theme 'purple'") !=
          std::string::npos);
    CHECK(reason("convscope-settings 1\ntext_scale = 9\n") != "");
    CHECK(reason("convscope-settings 1\nstep = -1\n") != "");
    CHECK(reason("convscope-settings 1\nwindow_size = 10\n") != "");
    CHECK(reason("convscope-settings 1\nno equals sign\n").find("line 2") != std::string::npos);
    CHECK(reason(std::string(kMaxSettingsBytes + 1, '\n')).find("larger") != std::string::npos);
    // Truncated: every cut of a full file that ends mid-line is refused.
    const std::string full = settings_text(changed_settings());
    for (size_t cut = 1; cut < full.size(); ++cut) {
        if (full[cut - 1] == '\n') continue;
        CHECK_MESSAGE(reason(full.substr(0, cut)) != "", "cut at " << cut);
    }
}

TEST_CASE("settings text: a folder with a line break is left out, never written broken") {
    Settings s;
    s.last_folders = {{"images", "/a\nlesson = evil"}, {"weights", "/ok"}};
    const Settings read = parse_settings(settings_text(s));
    CHECK(read.lesson.empty());
    CHECK(read.last_folders == std::map<std::string, std::string>{{"weights", "/ok"}});
}

TEST_CASE("settings file: saved atomically, loaded back; the folder is made") {
    TempFolder temp;
    const std::string folder = temp.file("config/convscope");
    CHECK(save_settings(folder, changed_settings()) == "");
    CHECK(load_settings(folder) == changed_settings());
    CHECK(files_starting(folder, "settings") == std::vector<std::string>{"settings"});
    CHECK(load_settings(temp.file("nothing-here")) == Settings{});
}

TEST_CASE("settings file: corrupt, truncated or newer is set aside with one stderr line") {
    const std::string full = settings_text(changed_settings());
    for (const std::string& bad :
         {std::string("\x01\x02garbage\n"), full.substr(0, full.size() - 3),
          std::string("convscope-settings 9\ntheme = dark\n"), std::string()}) {
        TempFolder temp;
        write_text(temp.file("settings"), bad);
        Settings loaded;
        const std::string said = stderr_of([&] { loaded = load_settings(temp.path()); });
        CHECK(loaded == Settings{});
        CHECK(std::count(said.begin(), said.end(), '\n') == 1);
        CHECK(said.find("settings file '" + temp.file("settings") + "'") != std::string::npos);
        CHECK(said.find("starting with defaults") != std::string::npos);
        const auto aside = files_starting(temp.path(), "settings.bad-");
        REQUIRE(aside.size() == 1);
        CHECK(read_text(temp.file(aside[0])) == bad);  // kept as it was, for a look
        CHECK_FALSE(std::filesystem::exists(temp.file("settings")));
        CHECK(save_settings(temp.path(), changed_settings()) == "");  // the next save works
        CHECK(load_settings(temp.path()) == changed_settings());
    }
}

TEST_CASE("settings file: a folder in its place is set aside too, never a crash") {
    TempFolder temp;
    std::filesystem::create_directory(temp.file("settings"));
    Settings loaded;
    const std::string said = stderr_of([&] { loaded = load_settings(temp.path()); });
    CHECK(loaded == Settings{});
    CHECK(said.find("is not a file") != std::string::npos);
}

TEST_CASE("settings file: the language file of earlier versions is read when no settings") {
    TempFolder temp;
    write_text(temp.file("language"), "zh\n");
    CHECK(load_settings(temp.path()).language == Language::Chinese);
    Settings english;
    english.language = Language::English;
    CHECK(save_settings(temp.path(), english) == "");
    CHECK(load_settings(temp.path()).language == Language::English);  // settings win
}

TEST_CASE("settings folder: XDG_CONFIG_HOME, else HOME/.config; a relative XDG is ignored") {
    setenv("XDG_CONFIG_HOME", "/tmp/xdg", 1);
    setenv("HOME", "/home/me", 1);
    CHECK(settings_folder() == "/tmp/xdg/convscope");
    setenv("XDG_CONFIG_HOME", "relative", 1);
    CHECK(settings_folder() == "/home/me/.config/convscope");
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    CHECK(settings_folder() == "");
    CHECK(save_settings("", Settings{}) != "");
}

TEST_CASE("settings and the window's state: what is saved is what is restored") {
    AppState state;
    state.text_scale = 1.4f;
    state.theme = Theme::Dark;
    state.mode = Mode::Draw;
    state.show_controls = false;
    state.scene = "stride";
    state.playback.step = 3;
    state.last_folders["images"] = "/pictures";
    const Settings saved = settings_of(state, WindowPlacement{1, 2, 800, 600});
    CHECK(saved.lesson == "stride");
    CHECK(saved.step == 3);
    AppState restored;
    restore_settings(parse_settings(settings_text(saved)), restored);
    CHECK(restored.text_scale == doctest::Approx(1.4f));
    CHECK(restored.theme == Theme::Dark);
    CHECK(restored.mode == Mode::Draw);
    CHECK(restored.show_lessons);
    CHECK_FALSE(restored.show_controls);
    CHECK(restored.last_folders == state.last_folders);
}

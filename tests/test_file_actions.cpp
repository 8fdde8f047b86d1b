// Opening files the desktop way, the pure parts: what kind a path is (content before
// extension), the in-app browser's listing, the zenity / kdialog command lines, and what
// the reducer does with a chosen, requested or dropped file.
#include <doctest/doctest.h>

#include <fstream>

#include "app/model/file_actions.hpp"
#include "app_model_fixture.hpp"
#include "core/formats/npy_file.hpp"
#include "core/formats/weights_file.hpp"
#include "core/lessons/lesson_file.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using convscope::testing::AppModel;
using convscope::testing::TempFolder;

namespace {

void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);

}  // namespace

// ---- kinds -----------------------------------------------------------------------------

TEST_CASE("a file's kind comes from its first bytes before its extension") {
    CHECK(sniff_file_kind("photo.png", kPng) == FileKind::Image);
    CHECK(sniff_file_kind("photo.bin", kPng) == FileKind::Image);  // signature wins
    CHECK(sniff_file_kind("photo.png", "just text") == FileKind::Unknown);
    CHECK(sniff_file_kind("x.jpg", "\xff\xd8\xff\xe0") == FileKind::Image);
    CHECK(sniff_file_kind("x", "GIF89a...") == FileKind::Image);
    CHECK(sniff_file_kind("net.weights", "CSWEIGHT\1\0\0\0") == FileKind::Weights);
    CHECK(sniff_file_kind("net.bin", "CSWEIGHT") == FileKind::Weights);
    CHECK(sniff_file_kind("a.npy", "\x93NUMPY\1\0") == FileKind::Npy);
    CHECK(sniff_file_kind("train-images-idx3-ubyte", std::string("\0\0\x08\x03", 4)) ==
          FileKind::IdxData);
    CHECK(sniff_file_kind("labels", std::string("\0\0\x08\x01", 4)) == FileKind::IdxData);
    CHECK(sniff_file_kind("t10k-images-idx3-ubyte.gz", "\x1f\x8b\x08") == FileKind::IdxData);
    CHECK(sniff_file_kind("archive.gz", "\x1f\x8b\x08") == FileKind::Unknown);
    CHECK(sniff_file_kind("talk.json", "{\n  \"format\": \"convscope-lesson\",") ==
          FileKind::Lesson);
    CHECK(sniff_file_kind("other.json", "{\"format\": \"something\"}") == FileKind::Unknown);
    CHECK(sniff_file_kind("model.onnx", "\x08\x07\x12\x07pytorch") == FileKind::Onnx);
    CHECK(sniff_file_kind("model.onnx", "") == FileKind::Unknown);  // an empty file
    CHECK(sniff_file_kind("notes.txt", "hello") == FileKind::Unknown);
}

TEST_CASE("detect_file_kind reads the file; an MNIST folder is IDX data, other folders not") {
    TempFolder folder;
    write(folder.file("picture.dat"), kPng);
    CHECK(detect_file_kind(folder.file("picture.dat")) == FileKind::Image);
    CHECK(detect_file_kind(folder.file("missing.png")) == FileKind::Unknown);
    CHECK(detect_file_kind(folder.path()) == FileKind::Unknown);
    for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte"})
        write(folder.file(name), std::string("\0\0\x08\x01", 4));
    CHECK(is_idx_folder(folder.path()));
    CHECK(detect_file_kind(folder.path()) == FileKind::IdxData);
}

TEST_CASE("extensions match without regard to case") {
    CHECK(has_kind_extension(FileKind::Image, "A.PNG"));
    CHECK(has_kind_extension(FileKind::Export, "talk.svg"));
    CHECK_FALSE(has_kind_extension(FileKind::Image, "a.svg"));
    CHECK(has_kind_extension(FileKind::IdxData, "train-images-idx3-ubyte.gz"));
    CHECK(std::string(file_kind_id(FileKind::Weights)) == "weights");
}

// ---- the browser -----------------------------------------------------------------------

TEST_CASE("the browser lists folders first, then matching files, by name ignoring case") {
    TempFolder folder;
    std::filesystem::create_directory(folder.file("zeta"));
    std::filesystem::create_directory(folder.file("Alpha"));
    std::filesystem::create_directory(folder.file(".hidden"));
    for (const char* name : {"b.png", "A.jpg", "c.txt", ".secret.png", "a.png"})
        write(folder.file(name), "x");
    std::string error;
    const std::vector<BrowserEntry> images = list_folder(folder.path(), FileKind::Image, &error);
    CHECK(error.empty());
    const std::vector<BrowserEntry> expected = {
        {"Alpha", true}, {"zeta", true}, {"A.jpg", false}, {"a.png", false}, {"b.png", false}};
    CHECK(images == expected);
    const std::vector<BrowserEntry> all = list_folder(folder.path(), FileKind::Unknown, &error);
    CHECK(all.size() == 6);  // c.txt too, hidden ones still not
    CHECK(all.back().name == "c.txt");

    list_folder(folder.file("nowhere"), FileKind::Image, &error);
    CHECK_FALSE(error.empty());
}

TEST_CASE("the way up and typed paths") {
    CHECK(parent_folder("/a/b") == "/a");
    CHECK(parent_folder("/a/b/") == "/a");
    CHECK(parent_folder("/") == "/");
    CHECK(resolve_typed_path("/data", "x.png") == "/data/x.png");
    CHECK(resolve_typed_path("/data", "/etc/y") == "/etc/y");
    CHECK(resolve_typed_path("/data/sub", "../z.json") == "/data/z.json");
    CHECK(resolve_typed_path("/data", "sub/") == "/data/sub");
}

// ---- the desktop's chooser ------------------------------------------------------------

TEST_CASE("which chooser: the override, then KDE's own on KDE, then zenity, then kdialog") {
    const auto both = [](const std::string&) { return true; };
    const auto only_kdialog = [](const std::string& name) { return name == "kdialog"; };
    const auto none = [](const std::string&) { return false; };
    CHECK(pick_chooser_tool("", "GNOME", both) == ChooserTool::Zenity);
    CHECK(pick_chooser_tool("", "KDE", both) == ChooserTool::KDialog);
    CHECK(pick_chooser_tool("", "GNOME", only_kdialog) == ChooserTool::KDialog);
    CHECK(pick_chooser_tool("", "", none) == ChooserTool::None);
    CHECK(pick_chooser_tool("none", "", both) == ChooserTool::None);
    CHECK(pick_chooser_tool("zenity", "", none) == ChooserTool::Zenity);
    CHECK(program_on_path("sh", "/nowhere:/bin:/usr/bin"));
    CHECK_FALSE(program_on_path("sh", "/nowhere"));
}

TEST_CASE("zenity and kdialog command lines for open, save and folder choosers") {
    ChooserCall open{FilePurpose::OpenImage, "Open a picture", "/home/me/pics", "", "Pictures"};
    const std::vector<std::string> zenity = chooser_command(ChooserTool::Zenity, open);
    REQUIRE(zenity.size() == 6);
    CHECK(zenity[0] == "zenity");
    CHECK(zenity[1] == "--file-selection");
    CHECK(zenity[2] == "--title=Open a picture");
    CHECK(zenity[3] == "--filename=/home/me/pics/");
    CHECK(zenity[4].rfind("--file-filter=Pictures | *.png *.PNG *.jpg", 0) == 0);
    CHECK(zenity[5] == "--file-filter=* | *");

    ChooserCall save{FilePurpose::SaveWeights, "Save", "/w", "convscope.weights", "Weights"};
    const std::vector<std::string> zenity_save = chooser_command(ChooserTool::Zenity, save);
    CHECK(std::find(zenity_save.begin(), zenity_save.end(), "--save") != zenity_save.end());
    CHECK(std::find(zenity_save.begin(), zenity_save.end(), "--filename=/w/convscope.weights") !=
          zenity_save.end());
    const std::vector<std::string> kdialog_save = chooser_command(ChooserTool::KDialog, save);
    const std::vector<std::string> expected_kdialog = {
        "kdialog",
        "--title",
        "Save",
        "--getsavefilename",
        "/w/convscope.weights",
        "*.weights *.WEIGHTS *.bin *.BIN *.safetensors "
        "*.SAFETENSORS|Weights"};
    CHECK(kdialog_save == expected_kdialog);

    ChooserCall data{FilePurpose::ChooseData, "Data", "/d", "", "IDX"};
    const std::vector<std::string> zenity_folder = chooser_command(ChooserTool::Zenity, data);
    CHECK(std::find(zenity_folder.begin(), zenity_folder.end(), "--directory") !=
          zenity_folder.end());
    CHECK(chooser_command(ChooserTool::KDialog, data) ==
          std::vector<std::string>{"kdialog", "--title", "Data", "--getexistingdirectory", "/d"});
    CHECK(chooser_command(ChooserTool::None, data).empty());
}

TEST_CASE("the chooser's answer: a path on exit 0, nothing on Cancel") {
    CHECK(chosen_path(0, "/a/b c.png\n") == std::optional<std::string>("/a/b c.png"));
    CHECK(chosen_path(0, "/a\n/b\n") == std::optional<std::string>("/a"));
    CHECK_FALSE(chosen_path(1, ""));
    CHECK_FALSE(chosen_path(0, "\n"));
    CHECK_FALSE(chosen_path(255, "/a\n"));
}

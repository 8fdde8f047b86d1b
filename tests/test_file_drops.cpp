// What the reducer does with files: a "..." button opens the desktop's chooser or the
// in-app browser, a chosen or dropped path does what its kind and purpose ask, its
// folder is remembered per kind, and anything else gets one clear notice.
#include <doctest/doctest.h>

#include <fstream>

#include "app/model/file_actions.hpp"
#include "app_model_fixture.hpp"
#include "core/formats/npy_file.hpp"
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

Actions drop(const std::string& path) {
    Actions actions;
    actions.dropped_file = path;
    return actions;
}

Actions choose(FilePurpose purpose, const std::string& path) {
    Actions actions;
    actions.chosen_file = ChosenFile{purpose, path};
    return actions;
}

}  // namespace

TEST_CASE("a '...' button opens the in-app browser where the desktop has no chooser") {
    AppModel app;
    TempFolder folder;
    app.state.last_folders["lesson"] = folder.path();
    Actions ask;
    ask.request_file = FilePurpose::SaveLesson;
    const WindowRequests requests = app.apply(ask);
    CHECK_FALSE(requests.ask_desktop);
    const FileBrowserState& browser = app.state.files.browser;
    REQUIRE(browser.open);
    CHECK(browser.folder == folder.path());  // the kind's last folder
    CHECK(browser.name == "lesson.json");
    CHECK(browser.filter == FileKind::Lesson);

    Actions cancel;
    cancel.close_browser = true;
    app.apply(cancel);
    CHECK_FALSE(app.state.files.browser.open);
}

TEST_CASE("with zenity the reducer asks the shell to run it, one chooser at a time") {
    AppModel app;
    app.state.files.desktop_tool = ChooserTool::Zenity;
    Actions ask;
    ask.request_file = FilePurpose::LoadWeights;
    const WindowRequests first = app.apply(ask);
    REQUIRE(first.ask_desktop);
    CHECK(first.ask_desktop->purpose == FilePurpose::LoadWeights);
    CHECK(app.state.files.waiting == FilePurpose::LoadWeights);
    CHECK_FALSE(app.apply(ask).ask_desktop);  // still open: no second one

    // The chooser could not run: the in-app browser takes the request over.
    fall_back_to_browser(app.state);
    CHECK_FALSE(app.state.files.waiting);
    CHECK(app.state.files.browser.open);
    CHECK(app.state.files.browser.purpose == FilePurpose::LoadWeights);
}

TEST_CASE("a lesson saved and opened through the chooser, its folder remembered") {
    AppModel app("padding", 2);
    TempFolder folder;
    const std::string path = folder.file("talk.json");
    app.apply(choose(FilePurpose::SaveLesson, path));
    CHECK_FALSE(app.state.lesson_file.failed);
    CHECK(load_lesson_state(path).lesson_id == "padding");
    CHECK(app.state.last_folders["lesson"] == folder.path());

    AppModel other("conv-basic");
    other.apply(choose(FilePurpose::OpenLesson, path));
    CHECK(other.state.scene == "padding");
    CHECK(other.state.playback.step == 2);
    CHECK(other.state.lesson_file.path == path);
}

TEST_CASE("each dropped kind does its own thing") {
    AppModel app;
    TempFolder folder;
    app.state.mode = Mode::Network;

    // A lesson file opens the lesson, in Convolution mode.
    save_lesson_state(folder.file("saved.lesson"), {"stride", 1, open_lesson("stride").draft});
    app.apply(drop(folder.file("saved.lesson")));
    CHECK(app.state.mode == Mode::Convolution);
    CHECK(app.state.scene == "stride");
    CHECK(app.state.playback.step == 1);

    // A picture opens in Images mode (LiveModes opens it: the request carries the path).
    write(folder.file("p.png"), std::string("\x89PNG\r\n\x1a\n", 8));
    const WindowRequests image = app.apply(drop(folder.file("p.png")));
    CHECK(app.state.mode == Mode::Images);
    CHECK(image.live.open_image == folder.file("p.png"));
    CHECK(app.state.last_folders["image"] == folder.path());

    // Weights load into the Network mode's net.
    write(folder.file("w.bin"), "CSWEIGHT");
    const WindowRequests weights = app.apply(drop(folder.file("w.bin")));
    CHECK(app.state.mode == Mode::Network);
    CHECK(weights.live.load_weights == folder.file("w.bin"));

    // An IDX file sets the training data to its folder.
    write(folder.file("train-images-idx3-ubyte"), std::string("\0\0\x08\x03", 4));
    const WindowRequests data = app.apply(drop(folder.file("train-images-idx3-ubyte")));
    CHECK(data.live.load_data == folder.path());
    CHECK(app.state.network.data_folder == folder.path());
    CHECK(app.state.files.notice.empty());
}

TEST_CASE("ONNX, unknown and missing files get one clear line naming them") {
    AppModel app;
    TempFolder folder;
    write(folder.file("resnet.onnx"), "\x08\x07\x12\x07pytorch");
    WindowRequests requests = app.apply(drop(folder.file("resnet.onnx")));
    CHECK(app.state.files.notice_failed);
    CHECK(app.state.files.notice.find("resnet.onnx") != std::string::npos);
    CHECK(app.state.files.notice.find("ONNX") != std::string::npos);
    CHECK(app.state.files.notice.find('\n') == std::string::npos);
    CHECK(app.state.mode == Mode::Convolution);
    CHECK_FALSE(requests.live.load_weights);

    write(folder.file("notes.txt"), "hello");
    app.apply(drop(folder.file("notes.txt")));
    CHECK(app.state.files.notice.find("notes.txt is not a file convscope opens") == 0);
    CHECK(app.state.files.notice.find("lesson files") != std::string::npos);

    app.apply(drop(folder.file("gone.png")));
    CHECK(app.state.files.notice.find("was not found") != std::string::npos);

    Actions dismiss;
    dismiss.dismiss_notice = true;
    app.apply(dismiss);
    CHECK(app.state.files.notice.empty());
}

TEST_CASE("a dropped .npy becomes the lesson's input when its shape fits, else says why") {
    AppModel app("conv-basic");  // a 5x5 input, (1, 1, 5, 5)
    TempFolder folder;
    std::vector<float> values(25);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i) - 12;
    write_npy(folder.file("fits.npy"), Tensor({5, 5}, values));
    app.state.mode = Mode::Images;
    app.apply(drop(folder.file("fits.npy")));
    CHECK(app.state.mode == Mode::Convolution);
    CHECK_FALSE(app.state.files.notice_failed);
    CHECK(app.scene.playground.input.values() == values);

    write_npy(folder.file("wide.npy"), Tensor({4, 6}, std::vector<float>(24, 1.0f)));
    app.apply(drop(folder.file("wide.npy")));
    CHECK(app.state.files.notice_failed);
    CHECK(app.state.files.notice.find("(4, 6)") != std::string::npos);
    CHECK(app.state.files.notice.find("(1, 1, 5, 5)") != std::string::npos);
    CHECK(app.scene.playground.input.values() == values);  // unchanged

    write(folder.file("broken.npy"), "\x93NUMPY garbage");
    app.apply(drop(folder.file("broken.npy")));
    CHECK(app.state.files.notice_failed);
    CHECK(app.state.files.notice.find("broken.npy") != std::string::npos);
}

TEST_CASE("chosen save targets: weights, .npy files and the export file") {
    AppModel app;
    WindowRequests requests = app.apply(choose(FilePurpose::SaveWeights, "/tmp/x/net.weights"));
    CHECK(requests.live.save_weights == std::string("/tmp/x/net.weights"));
    CHECK(app.state.last_folders["weights"] == "/tmp/x");

    requests = app.apply(choose(FilePurpose::SaveMapsNpy, "/tmp/maps.npy"));
    CHECK(requests.live.save_maps_npy);
    CHECK(app.state.network.maps_npy_path == "/tmp/maps.npy");

    app.apply(choose(FilePurpose::ExportTarget, "/tmp/out/step.svg"));
    CHECK(app.state.export_choices.path == "/tmp/out/step.svg");
    CHECK(app.state.export_choices.request.format == ExportFormat::Svg);

    requests = app.apply(choose(FilePurpose::ChooseData, "/data/mnist"));
    CHECK(requests.live.load_data == std::string("/data/mnist"));
    CHECK(app.state.last_folders["idx"] == "/data");
}

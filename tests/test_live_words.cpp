// The live modes' words that core writes in English (app/model/live_words.hpp): core's
// kernels are all in the list the catalogue is checked against, and in Chinese the layer
// descriptions, training states, kernels and the "Save as .npy" line come out translated
// with core's numbers in place, while English stays exactly what core writes.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "app/model/live_words.hpp"
#include "app/model/network_export.hpp"
#include "app/model/translate.hpp"
#include "temp_folder.hpp"

using namespace convscope;

namespace {

const std::string kSourceDir = CONVSCOPE_SOURCE_DIR;

// The shipped Chinese catalogue for the length of a test case; English afterwards.
struct InChinese {
    InChinese() {
        use_catalogue(Language::Chinese, load_catalogue_folder(kSourceDir + "/assets/lang/zh"));
    }
    ~InChinese() { use_catalogue(Language::English, Catalogue{}); }
};

bool has_ascii_letter(const std::string& text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::vector<LayerSummary> preset_layers() {
    std::vector<LayerSummary> all;
    for (const std::string& name : network_preset_names()) {
        const std::vector<LayerSummary> rows = layer_summaries(network_preset(name));
        all.insert(all.end(), rows.begin(), rows.end());
    }
    return all;
}

}  // namespace

TEST_CASE("every classic kernel's title and description is listed for the catalogue") {
    const std::vector<std::string>& listed = core_live_texts();
    const std::set<std::string> texts(listed.begin(), listed.end());
    for (const ImageKernel& kernel : classic_kernels()) {
        INFO(kernel.name);
        CHECK(texts.count(kernel.title) == 1);
        CHECK(texts.count(kernel.description) == 1);
    }
    CHECK(texts.count(custom_kernel(Tensor({3, 3})).description) == 1);
}

TEST_CASE("in English the live words are core's own") {
    use_catalogue(Language::English, Catalogue{});
    for (const LayerSummary& layer : preset_layers())
        CHECK(layer_description(layer) == layer.short_text);
    CHECK(std::string(training_state_text(TrainingState::Diverged)) == "diverged");
    CHECK(std::string(kernel_title(classic_kernel("sobel-x"))) == "Sobel x");
}

TEST_CASE("in Chinese every text core writes for the live modes is translated") {
    const InChinese chinese;
    for (const std::string& english : core_live_texts()) {
        INFO(english);
        CHECK(live_text(english) != english);
    }
    for (const TrainingState state :
         {TrainingState::Paused, TrainingState::Running, TrainingState::Diverged}) {
        CHECK(std::string(training_state_text(state)) != training_state_name(state));
    }
}

TEST_CASE("in Chinese a layer's kind is translated and its settings kept") {
    const InChinese chinese;
    for (const LayerSummary& layer : preset_layers()) {
        INFO(layer.short_text);
        const std::string shown = layer_description(layer);
        if (layer.kind == LayerKind::Relu) {
            CHECK(shown == layer.short_text);
            continue;
        }
        // The kind's word is gone; the notation after it ("30@5x5", "2x2 s2") stays.
        const std::size_t space = layer.short_text.find(' ');
        const std::string kind = layer.short_text.substr(0, space);
        CHECK(shown.find(kind) == std::string::npos);
        if (space != std::string::npos) {
            const std::string settings = layer.short_text.substr(space + 1);
            CHECK(shown.size() > settings.size());
            CHECK(shown.compare(shown.size() - settings.size(), settings.size(), settings) == 0);
        } else {
            CHECK_FALSE(has_ascii_letter(shown));
        }
    }
}

TEST_CASE("in Chinese the Save as .npy line names the layer, the shape and the file") {
    testing::TempFolder folder;
    TrainingSnapshot snapshot;
    ConvFilters filters;
    filters.layer = 0;
    filters.name = "conv1";
    filters.shape = {2, 1, 3, 3};
    filters.weights.assign(18, 0.5f);
    snapshot.conv_layers = {filters};
    const InChinese chinese;
    const std::string line = save_filters_npy(snapshot, -1, folder.file("f.npy"));
    CHECK(line == "已将conv1的滤波器(2, 1, 3, 3)保存到" + folder.file("f.npy"));
    try {
        save_filters_npy(snapshot, -1, folder.file("f.txt"));
        FAIL("a name without .npy was accepted");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()) ==
              "“" + folder.file("f.txt") + "”不以.npy结尾：NumPy会找不到它");
    }
}

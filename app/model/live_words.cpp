#include "app/model/live_words.hpp"

#include <cstdio>

#include "app/model/translate.hpp"

namespace convscope {

std::string layer_description(const LayerSummary& layer) {
    const std::string& text = layer.short_text;
    const std::size_t space = text.find(' ');
    const std::string settings = space == std::string::npos ? "" : text.substr(space + 1);
    switch (layer.kind) {
        case LayerKind::Convolution:
            return trf("conv {settings}", {{"settings", settings}});
        case LayerKind::MaxPool:
            return trf("maxpool {settings}", {{"settings", settings}});
        case LayerKind::AveragePool:
            return trf("avgpool {settings}", {{"settings", settings}});
        case LayerKind::Affine:
            return trf("affine {units}", {{"units", settings}});
        case LayerKind::Flatten:
            return tr("flatten");
        case LayerKind::Relu:
            break;  // "relu": the function's name in both languages
    }
    return text;
}

const char* training_state_text(TrainingState state) {
    switch (state) {
        case TrainingState::Paused:
            return tr("paused");
        case TrainingState::Running:
            return tr("running");
        case TrainingState::Diverged:
            return tr("diverged");
    }
    return training_state_name(state);
}

const std::string& live_text(const std::string& english) {
    return tr(english);
}

const char* kernel_title(const ImageKernel& kernel) {
    return tr(kernel.title.c_str());
}

const char* kernel_description(const ImageKernel& kernel) {
    return tr(kernel.description.c_str());
}

const std::vector<std::string>& core_live_texts() {
    static const std::vector<std::string> texts = {
        // core/nn/training_worker.cpp
        N_("training diverged (the loss is not finite): reset, perhaps with a "
           "smaller learning rate"),
        // core/images/image_kernels.cpp: titles, then descriptions
        N_("Identity"),
        N_("Box blur"),
        N_("Gaussian blur"),
        N_("Sharpen"),
        N_("Sobel x"),
        N_("Sobel y"),
        N_("Laplacian"),
        N_("Emboss"),
        N_("Outline"),
        N_("Copies each pixel: the centre weight is 1, the rest 0."),
        N_("The mean of the 3x3 neighbourhood: every weight is 1/9, so detail smears evenly."),
        N_("A weighted mean that trusts near pixels more (binomial 1 4 6 4 1, about a "
           "Gaussian with sigma 1): a softer blur without the box's blockiness."),
        N_("The pixel plus its difference from its four neighbours: edges get steeper, "
           "flat areas stay the same."),
        N_("Right minus left, smoothed vertically: responds to vertical edges, positive "
           "where it gets brighter to the right."),
        N_("Below minus above, smoothed horizontally: responds to horizontal edges, "
           "positive where it gets brighter downwards."),
        N_("Four neighbours minus four times the centre: zero on flat areas and even "
           "on steady gradients, large on thin lines and corners."),
        N_("Bottom-right minus top-left plus the pixel itself: edges look raised, lit "
           "from the top left."),
        N_("Eight times the pixel minus its eight neighbours: only the outlines of "
           "shapes remain."),
        N_("Your own weights."),
    };
    return texts;
}

std::string format_number(const char* format, double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

}  // namespace convscope

// Sections: the scene table, building a view from core, the lookup functions.
#include "app/gui/scenes.hpp"

#include <algorithm>

#include "core/check.hpp"
#include "core/conv_geometry.hpp"
#include "core/reference_ops.hpp"
#include "core/window_map.hpp"

namespace convscope {

namespace {

// ---- the scene table -------------------------------------------------------------

// The values a scene starts from; everything else is computed by core.
struct SceneSource {
    SceneInfo info;
    const char* explanation;
    Tensor input;   // (H, W)
    Tensor kernel;  // (KH, KW)
    int padding;
};

const std::vector<SceneSource>& scene_sources() {
    static const std::vector<SceneSource> sources = {
        // conv_arithmetic's numerical example (the seed's figure for 2.2).
        {{"conv-basic", "2.2", "Convolution"},
         "Slide the kernel over the input. At each position multiply the overlapping cells "
         "and add the products: the sum is one output cell.",
         Tensor({5, 5},
                {3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1}),
         Tensor({3, 3}, {0, 1, 2, 2, 2, 0, 0, 1, 2}),
         0},
        // The seed's 2.3 figure: a 4x4 input padded by 1 to 6x6 keeps a 4x4 output.
        {{"conv-padding", "2.3", "Padding"},
         "Padding surrounds the input with a ring of zeros (hatched), so the kernel also "
         "visits the border cells and the output keeps the input's size.",
         Tensor({4, 4}, {1, 2, 3, 0, 0, 1, 2, 3, 3, 0, 1, 2, 2, 3, 0, 1}),
         Tensor({3, 3}, {2, 0, 1, 0, 1, 2, 1, 0, 2}),
         1},
    };
    return sources;
}

// ---- building a view from core ---------------------------------------------------

std::string size_text(int rows, int cols) {
    return std::to_string(rows) + "\u00d7" + std::to_string(cols);
}

GridView plain_grid(GridRole role, const std::string& name, const Tensor& values) {
    const Tensor grid = values.as_rank4();
    GridView view;
    view.role = role;
    view.rows = grid.dim(2);
    view.cols = grid.dim(3);
    view.title = name + " " + size_text(view.rows, view.cols);
    view.values = grid.values();
    view.padded.assign(view.values.size(), false);
    return view;
}

// The input as the kernel sees it: the real cells inside a ring of padding.
GridView padded_input_grid(const Tensor& input, const ConvGeometry& geometry) {
    const Tensor grid = input.as_rank4();
    GridView view;
    view.role = GridRole::Input;
    view.rows = geometry.h.padded_input();
    view.cols = geometry.w.padded_input();
    view.title = "Input " + size_text(geometry.h.input, geometry.w.input);
    if (view.rows != geometry.h.input || view.cols != geometry.w.input) {
        view.title += ", padded to " + size_text(view.rows, view.cols);
    }
    view.values.assign(static_cast<size_t>(view.rows * view.cols), 0.0f);
    view.padded.assign(view.values.size(), true);
    for (int y = 0; y < geometry.h.input; ++y) {
        for (int x = 0; x < geometry.w.input; ++x) {
            const size_t cell = static_cast<size_t>((y + geometry.h.pad_before) * view.cols + x +
                                                    geometry.w.pad_before);
            view.values[cell] = grid.at(0, 0, y, x);
            view.padded[cell] = false;
        }
    }
    return view;
}

// The bounding box of the taps, in padded-grid coordinates.
CellSpan window_of(const std::vector<Tap>& taps, const ConvGeometry& geometry) {
    CS_CHECK(!taps.empty());
    int top = taps[0].in_y, bottom = taps[0].in_y, left = taps[0].in_x, right = taps[0].in_x;
    for (const Tap& tap : taps) {
        top = std::min(top, tap.in_y);
        bottom = std::max(bottom, tap.in_y);
        left = std::min(left, tap.in_x);
        right = std::max(right, tap.in_x);
    }
    return {top + geometry.h.pad_before, left + geometry.w.pad_before, bottom - top + 1,
            right - left + 1};
}

ConvSceneView build_view(const SceneSource& source) {
    const Tensor input = source.input.as_rank4();
    const Tensor kernel = source.kernel.as_rank4();
    const Options2d options = Options2d::uniform(1, Padding::of(source.padding));
    const ConvGeometry geometry =
        resolve_geometry(OpKind::Conv, axis_params(input.dim(2), kernel.dim(2), options.h),
                         axis_params(input.dim(3), kernel.dim(3), options.w));
    const Tensor output = conv2d(input, kernel, {}, options);

    ConvSceneView view;
    view.name = source.info.name;
    view.lesson = source.info.lesson;
    view.title = source.info.title;
    view.explanation = source.explanation;
    const std::string formula_h = formula_text(OpKind::Conv, geometry.h);
    const std::string formula_w = formula_text(OpKind::Conv, geometry.w);
    view.formula =
        formula_h == formula_w ? formula_h : "height: " + formula_h + "    width: " + formula_w;
    view.input = padded_input_grid(source.input, geometry);
    view.kernel = plain_grid(GridRole::Kernel, "Kernel", source.kernel);
    view.output = plain_grid(GridRole::Output, "Output", output);

    // The first window and its output cell.
    const std::vector<Tap> taps = output_taps(geometry, 0, 0);
    view.input.highlight = window_of(taps, geometry);
    view.output.highlight = {0, 0, 1, 1};
    for (const Tap& tap : taps) {
        ProductTerm term;
        term.kernel = kernel.at(0, 0, tap.k_y, tap.k_x);
        term.padded = tap.padded;
        term.input = tap.padded ? 0.0f : input.at(0, 0, tap.in_y, tap.in_x);
        view.terms.push_back(term);
    }
    view.result = output.at(0, 0, 0, 0);
    return view;
}

}  // namespace

// ---- the lookup functions --------------------------------------------------------

const std::vector<SceneInfo>& scene_list() {
    static const std::vector<SceneInfo> list = [] {
        std::vector<SceneInfo> infos;
        for (const SceneSource& source : scene_sources()) infos.push_back(source.info);
        return infos;
    }();
    return list;
}

const SceneInfo* find_scene(const std::string& name) {
    for (const SceneInfo& info : scene_list()) {
        if (name == info.name) return &info;
    }
    return nullptr;
}

std::string scene_names(const char* separator) {
    std::string names;
    for (const SceneInfo& info : scene_list()) {
        if (!names.empty()) names += separator;
        names += info.name;
    }
    return names;
}

ConvSceneView build_scene(const std::string& name) {
    for (const SceneSource& source : scene_sources()) {
        if (name == source.info.name) return build_view(source);
    }
    throw InputError("unknown scene '" + name + "'; scenes are: " + scene_names(", "));
}

}  // namespace convscope

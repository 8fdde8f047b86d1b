// Images mode: open a picture (a path, a list of the bundled and nearby pictures, or
// drag and drop), choose a classic kernel or edit a custom 3x3 one, and see the picture
// beside its response and its feature maps through the pretrained network.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/model/live_words.hpp"
#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"
#include "app/panels/live_panels.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/path_field.hpp"
#include "app/widgets/text_wrap.hpp"
#include "app/widgets/tile_grid.hpp"
#include "core/images/image_kernels.hpp"

namespace convscope {

namespace {

const ImVec4 kErrorText(0.75f, 0.09f, 0.16f, 1.0f);

void open_controls(const ImageStudy& study, const AppState& state, const UiMetrics& metrics,
                   Actions& actions) {
    panel_heading(tr("Picture"), metrics);
    const PathFieldResult field = path_field(
        "##path", state.images.path_field, tr("a PNG, JPEG, BMP or GIF file"),
        ImGui::GetContentRegionAvail().x - metrics.px(64), FilePurpose::OpenImage, state, actions);
    if (field.edited) actions.live.path_field = field.edited;
    const std::string path = field.edited.value_or(state.images.path_field);
    ImGui::SameLine();
    if ((ImGui::Button(tr("Open")) || field.entered) && !path.empty())
        actions.live.open_image = path;
    ImGui::TextDisabled("%s", tr("or drop a picture on the window"));
    if (!study.error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
        wrapped_text(shown_text(study.error_message()));
        ImGui::PopStyleColor();
    }
    const float list_height = ImGui::GetTextLineHeightWithSpacing() * 5.5f;
    if (ImGui::BeginChild("##files", ImVec2(0, list_height), true)) {
        for (const std::string& file : study.files()) {
            const std::string name = std::filesystem::path(file).filename().string();
            if (ImGui::Selectable(name.c_str(), name == study.name()))
                actions.live.open_image = file;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", file.c_str());
        }
    }
    ImGui::EndChild();
    if (ImGui::SmallButton(tr("Rescan folders"))) actions.live.rescan_images = true;
}

void kernel_controls(const ImageStudy& study, const AppState& state, const UiMetrics& metrics,
                     Actions& actions) {
    panel_heading(tr("Kernel"), metrics);
    const std::vector<ImageKernel>& kernels = classic_kernels();
    const int custom = static_cast<int>(kernels.size());
    const std::string side = std::to_string(kCustomKernelSide);
    const std::string custom_title = trf("Custom {n}x{n}", {{"n", side}});
    for (int i = 0; i <= custom; ++i) {
        const char* title =
            i < custom ? kernel_title(kernels[std::size_t(i)]) : custom_title.c_str();
        // The index keeps a radio button's id when the language changes its title.
        const std::string label = std::string(title) + "###kernel" + std::to_string(i);
        if (ImGui::RadioButton(label.c_str(), state.images.kernel == i))
            actions.live.select_kernel = i;
        if (i < custom && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", kernel_description(kernels[std::size_t(i)]));
        }
        if (i % 2 == 0 && i < custom) ImGui::SameLine(metrics.px(150));
    }
    // The kernel in use, editable when custom.
    const Tensor& weights = study.kernel().weights;
    const bool editable = state.images.kernel == custom;
    CustomKernelValues values = state.images.custom;
    bool changed = false;
    const int rows = editable ? kCustomKernelSide : weights.dim(0);
    const int cols = editable ? kCustomKernelSide : weights.dim(1);
    if (!editable) ImGui::BeginDisabled();
    const float cell = metrics.px(58);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < cols; ++x) {
            if (x > 0) ImGui::SameLine();
            ImGui::PushID(y * 16 + x);
            ImGui::SetNextItemWidth(cell);
            float value = editable ? values[std::size_t(y * kCustomKernelSide + x)]
                                   : weights.values()[std::size_t(y * cols + x)];
            if (ImGui::DragFloat("##w", &value, 0.05f, -50.0f, 50.0f, "%.3g") && editable) {
                values[std::size_t(y * kCustomKernelSide + x)] = value;
                changed = true;
            }
            ImGui::PopID();
        }
    }
    if (!editable) ImGui::EndDisabled();
    if (changed) actions.live.custom_kernel = values;
    wrapped_text(study.kernel().description.empty() ? tr("Drag a number to change it.")
                                                    : kernel_description(study.kernel()));
}

// A picture fitted into a box with its caption above.
void picture(ImDrawList* list, const TileSheet& sheet, const char* caption, ImVec2 at, ImVec2 box) {
    const float text = ImGui::GetFontSize();
    list->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), caption);
    if (sheet.empty()) return;
    const TileLayout layout =
        fit_tiles(1, ImVec2(float(sheet.tile_width()), float(sheet.tile_height())),
                  ImVec2(at.x, at.y + text * 1.3f), ImVec2(box.x, box.y - text * 1.3f), 0, 4.0f);
    draw_tiles(list, sheet, layout, false);
}

}  // namespace

Actions draw_images_panel(const ImageStudy& study, const ImageStudyTextures& textures,
                          const ExplainedPicture& explained, const AppState& state,
                          const UiMetrics& metrics, ImVec2 position, ImVec2 size) {
    Actions actions;
    const float side = std::min(metrics.px(330), size.x * 0.28f);
    if (begin_panel("##image_controls", position, ImVec2(side, size.y), metrics, true)) {
        open_controls(study, state, metrics, actions);
        ImGui::Separator();
        explain_controls(explained, state.explain, metrics, actions);
        ImGui::Separator();
        kernel_controls(study, state, metrics, actions);
    }
    ImGui::End();

    const ImVec2 area(position.x + side, position.y);
    if (begin_panel("##image_view", area, ImVec2(size.x - side, size.y), metrics)) {
        ImDrawList* list = ImGui::GetWindowDrawList();
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const ImVec2 room = ImGui::GetContentRegionAvail();
        const float text = ImGui::GetFontSize();
        char caption[256];
        std::snprintf(caption, sizeof caption, "%s  (%dx%d)", study.name().c_str(),
                      study.original_width(), study.original_height());
        const float top = room.y * 0.48f;
        const float half = (room.x - text) * 0.5f;
        const bool overlaid =
            state.explain.overlay != ExplainOverlay::None && !textures.explained.empty();
        const std::string explained_caption =
            overlaid ? trf("{name}: {method} of {digit}, read as a 28x28 digit",
                           {{"name", study.name()},
                            {"method", state.explain.overlay == ExplainOverlay::Saliency
                                           ? tr("Saliency")
                                           : tr("Grad-CAM")},
                            {"digit", std::to_string(explained.predicted_class())}})
                     : caption;
        picture(list, overlaid ? textures.explained : textures.photo, explained_caption.c_str(), at,
                ImVec2(half, top));
        // The custom kernel's title is composed here: "your 3x3 kernel".
        const std::string response =
            state.images.kernel == static_cast<int>(classic_kernels().size())
                ? trf("through your {n}x{n} kernel", {{"n", std::to_string(kCustomKernelSide)}})
                : trf("through {kernel}", {{"kernel", kernel_title(study.kernel())}});
        picture(list, textures.filtered, response.c_str(), ImVec2(at.x + half + text, at.y),
                ImVec2(half, top));

        // The network's convolutional layers on the picture.
        const float y = at.y + top + text * 0.5f;
        ImGui::SetCursorScreenPos(ImVec2(at.x, y));
        const int layers = study.feature_layer_count();
        if (!study.network_error().empty()) {
            wrapped_text(trf("The network cannot read this picture: {reason}",
                             {{"reason", shown_text(study.network_error_message())}})
                             .c_str());
        } else if (layers > 0) {
            const int chosen = std::clamp(state.images.feature_layer, 0, layers - 1);
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(tr("Through the trained network:"));
            for (int i = 0; i < layers; ++i) {
                ImGui::SameLine();
                if (ImGui::RadioButton(study.feature_name(i).c_str(), i == chosen)) {
                    actions.live.feature_layer = i;
                }
            }
            const Shape shape = study.feature_shape(chosen);
            ImGui::SameLine();
            const std::string n = std::to_string(shape.channels), h = std::to_string(shape.height),
                              w = std::to_string(shape.width);
            ImGui::TextDisabled("%s",
                                study.feature_full_size(chosen)
                                    ? trf("  {n} maps of {h}x{w} (the grey photo at full size)",
                                          {{"n", n}, {"h", h}, {"w", w}})
                                          .c_str()
                                    : trf("  {n} maps of {h}x{w} (grey input of at most {side} px)",
                                          {{"n", n},
                                           {"h", h},
                                           {"w", w},
                                           {"side", std::to_string(kNetworkStudySide)}})
                                          .c_str());
            if (study.full_size_running()) {  // the background job's maps filling in
                ImGui::SameLine();
                const int percent = static_cast<int>(study.full_size_progress() * 100.0f);
                ImGui::ProgressBar(
                    study.full_size_progress(), ImVec2(text * 10.0f, 0.0f),
                    trf("full size {percent}%", {{"percent", std::to_string(percent)}}).c_str());
            }
            const ImVec2 tiles_at = ImGui::GetCursorScreenPos();
            const float tiles_height = at.y + room.y - tiles_at.y;
            const TileSheet& sheet = textures.features[static_cast<std::size_t>(chosen)];
            // Full-size maps come as shrunk tiles: lay out the texels there are.
            const ImVec2 texels =
                study.feature_full_size(chosen)
                    ? ImVec2(float(sheet.tile_width()), float(sheet.tile_height()))
                    : ImVec2(float(shape.width), float(shape.height));
            const TileLayout layout = fit_tiles(sheet.count(), texels, tiles_at,
                                                ImVec2(room.x, tiles_height), metrics.px(3), 4.0f);
            const TileHover hover = draw_tiles(list, sheet, layout, ImGui::IsWindowHovered());
            if (hover.tile >= 0) {
                ImGui::SetTooltip("%s", trf("{layer} channel {channel}",
                                            {{"layer", study.feature_name(chosen)},
                                             {"channel", std::to_string(hover.tile)}})
                                            .c_str());
            }
        }
    }
    ImGui::End();
    return actions;
}

}  // namespace convscope

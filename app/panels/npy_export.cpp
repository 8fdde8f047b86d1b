// "Save as .npy" in Network mode: a path field and a button for the conv filters
// (FN, C, KH, KW) and for the probe's maps of the shown layer (C, H, W), and a line
// saying where the files went or, in red, why not. Until the file chooser comes, the
// paths are typed; relative ones land in the working folder. LiveModes does the saving.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/model/network_export.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/path_field.hpp"

namespace convscope {

namespace {

const ImVec4 kErrorText(0.75f, 0.09f, 0.16f, 1.0f);

// A path field with its "..." `width` wide; returns the edited text, if any, and
// whether Enter was hit.
bool npy_field(const char* id, const std::string& value, float width, FilePurpose purpose,
               const AppState& state, Actions& actions, std::optional<std::string>& edited) {
    const PathFieldResult field =
        path_field(id, value, tr("name.npy"), width, purpose, state, actions);
    if (field.edited) edited = field.edited;
    return field.entered;
}

// `text` with its middle cut to "..." until it fits `width`: the start says what was
// saved, the end names the file. The whole text is in the tooltip.
std::string fit_width(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::size_t keep = text.size();
    std::string shown;
    // Cuts fall between UTF-8 characters, never inside one (Chinese takes 3 bytes).
    const auto inside_character = [&](std::size_t at) {
        return at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    };
    do {
        keep = keep * 9 / 10;
        std::size_t head = keep / 2;
        std::size_t tail = text.size() - (keep - head);
        while (inside_character(head)) --head;
        while (inside_character(tail)) ++tail;
        shown = text.substr(0, head) + "..." + text.substr(tail);
    } while (keep > 8 && ImGui::CalcTextSize(shown.c_str()).x > width);
    return shown;
}

std::string working_folder() {
    std::error_code error;
    const std::string folder = std::filesystem::current_path(error).string();
    return error ? tr("the working folder") : folder;
}

}  // namespace

Actions draw_npy_export(const NetworkModeView& view, const AppState& state,
                        const UiMetrics& metrics) {
    Actions actions;
    const NetworkViewState& network = state.network;
    const ConvFilters* filters = filters_to_save(view.snapshot, network.open_layer);
    const int maps = maps_layer_to_save(view.snapshot, network.open_layer);
    // "###": the buttons keep their ids whatever layer and language they name.
    const std::string filters_label =
        (filters ? trf("Save {layer} filters", {{"layer", filters->name}})
                 : std::string(tr("Save filters"))) +
        "###save_filters_npy";
    const std::string maps_label =
        (maps >= 0
             ? trf("Save maps of {layer}",
                   {{"layer", view.snapshot.probe.layers[static_cast<std::size_t>(maps)].name}})
             : std::string(tr("Save maps of a layer"))) +
        "###save_maps_npy";

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Save as .npy"));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons = ImGui::CalcTextSize(filters_label.c_str(), nullptr, true).x +
                          ImGui::CalcTextSize(maps_label.c_str(), nullptr, true).x +
                          4 * style.FramePadding.x;
    const float spacing = 4 * style.ItemSpacing.x + metrics.px(12);
    const float field = std::clamp(
        (ImGui::GetContentRegionAvail().x - ImGui::GetItemRectSize().x - buttons - spacing) / 2,
        metrics.px(80), metrics.px(320));

    ImGui::SameLine();
    const bool filters_entered =
        npy_field("##filters_npy", network.filters_npy_path, field, FilePurpose::SaveFiltersNpy,
                  state, actions, actions.live.filters_npy_field);
    ImGui::SameLine();
    ImGui::BeginDisabled(filters == nullptr);
    if (ImGui::Button(filters_label.c_str()) || (filters_entered && filters != nullptr)) {
        actions.live.save_filters_npy = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine(0, style.ItemSpacing.x + metrics.px(12));
    const bool maps_entered =
        npy_field("##maps_npy", network.maps_npy_path, field, FilePurpose::SaveMapsNpy, state,
                  actions, actions.live.maps_npy_field);
    ImGui::SameLine();
    ImGui::BeginDisabled(maps < 0);
    if (ImGui::Button(maps_label.c_str()) || (maps_entered && maps >= 0)) {
        actions.live.save_maps_npy = true;
    }
    ImGui::EndDisabled();

    if (network.npy_status.empty()) {
        ImGui::TextDisabled("%s",
                            trf("float32, for np.load; a name without a folder goes to {folder}",
                                {{"folder", working_folder()}})
                                .c_str());
    } else {
        const std::string shown = fit_width(network.npy_status, ImGui::GetContentRegionAvail().x);
        if (network.npy_failed) ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
        ImGui::TextUnformatted(shown.c_str());
        if (network.npy_failed) ImGui::PopStyleColor();
        if (shown != network.npy_status && ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", network.npy_status.c_str());
        }
    }
    return actions;
}

}  // namespace convscope

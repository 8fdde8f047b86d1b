// Network mode's layout: the layer stack and seed 1's FC network across the top; the
// training panel and curves on the left; kernels and feature maps filling the rest.
#include <algorithm>
#include <cstdio>

#include "app/panels/network_panels.hpp"
#include "app/widgets/panel_window.hpp"

namespace convscope {

std::string grouped_count(std::size_t count) {
    std::string digits = std::to_string(count), text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

Actions draw_network_mode(const NetworkModeView& view, const AppState& state,
                          const UiMetrics& metrics, ImVec2 position, ImVec2 size) {
    Actions actions;
    // A deep stack (DeepConvNet) draws its layers in two rows: a taller band.
    const bool deep = view.layers.size() > 12;
    const float top = deep ? std::min(metrics.px(260), size.y * 0.36f)
                           : std::min(metrics.px(150), size.y * 0.24f);
    const float left = std::min(metrics.px(390), size.x * 0.3f);
    // Narrow windows give the layer stack more of the top band so its labels stay
    // readable; the FC comparison wraps its text into what is left.
    const float stack = size.x * (deep || size.x < metrics.px(1500) ? 0.7f : 0.66f);
    const ImVec2 body(position.x, position.y + top);
    const float body_height = size.y - top;

    if (begin_panel("##layer_stack", position, ImVec2(stack, top), metrics)) {
        actions.merge(draw_layer_stack(view, state, metrics, ImGui::GetContentRegionAvail()));
    }
    ImGui::End();
    if (begin_panel("##fc_comparison", ImVec2(position.x + stack, position.y),
                    ImVec2(size.x - stack, top), metrics)) {
        draw_fc_comparison(view, metrics, ImGui::GetContentRegionAvail());
    }
    ImGui::End();

    // Under a deep stack's taller band the curves keep their room; the panel scrolls.
    const float training = std::min(metrics.px(400), body_height * (deep ? 0.45f : 0.55f));
    if (begin_panel("##training", body, ImVec2(left, training), metrics, /*scrollable=*/true)) {
        actions.merge(draw_training_panel(view, state, metrics));
    }
    ImGui::End();
    if (begin_panel("##curves", ImVec2(body.x, body.y + training),
                    ImVec2(left, body_height - training), metrics)) {
        draw_curves(view.snapshot, metrics, ImGui::GetContentRegionAvail());
    }
    ImGui::End();

    const NetworkViewState& network = state.network;
    if (network.pace.mode != PaceMode::Full && !network.replay &&
        view.batch_pictures.batch() != nullptr) {
        // One batch at a time: that batch, its gradients and one weight's terms.
        actions.merge(draw_batch_view(view, state, metrics, ImVec2(body.x + left, body.y),
                                      ImVec2(size.x - left, body_height)));
        return actions;
    }
    const float kernels = body_height * 0.22f;
    if (begin_panel("##kernels", ImVec2(body.x + left, body.y), ImVec2(size.x - left, kernels),
                    metrics)) {
        actions.merge(draw_kernel_tiles(view, state, metrics, ImGui::GetContentRegionAvail()));
    }
    ImGui::End();
    // "Save as .npy" between the filters and the maps it saves: a row and a status line.
    const float save =
        ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeight() + metrics.px(14);
    if (begin_panel("##npy_export", ImVec2(body.x + left, body.y + kernels),
                    ImVec2(size.x - left, save), metrics)) {
        // Replaying, the timeline takes this strip: the pictures around it are its.
        actions.merge(network.replay ? draw_replay_strip(view, state, metrics)
                                     : draw_npy_export(view, state, metrics));
    }
    ImGui::End();
    const float maps_top = kernels + save;
    // Scrolls when a deep network's rows would be shorter than their labels.
    if (begin_panel("##feature_maps", ImVec2(body.x + left, body.y + maps_top),
                    ImVec2(size.x - left, body_height - maps_top), metrics,
                    /*scrollable=*/deep)) {
        actions.merge(draw_feature_maps(view, state, metrics, ImGui::GetContentRegionAvail()));
    }
    ImGui::End();
    return actions;
}

}  // namespace convscope

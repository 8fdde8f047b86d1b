#include "app/widgets/grid_layer.hpp"

#include <algorithm>
#include <cmath>

namespace convscope {

void GridLayer::add(ImDrawList* list, std::vector<gl::CellInstance> cells, float hatch_period) {
    if (cells.empty()) return;
    batches_.push_back({this, std::move(cells), hatch_period});
    list->AddCallback(&GridLayer::draw_batch, &batches_.back());
    // Our draw changed GL state; ImGui must set its own again before its next command.
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void GridLayer::draw_batch(const ImDrawList* /*list*/, const ImDrawCmd* command) {
    const Batch& batch = *static_cast<const Batch*>(command->UserCallbackData);
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 scale = data->FramebufferScale;
    const int framebuffer_width = static_cast<int>(data->DisplaySize.x * scale.x);
    const int framebuffer_height = static_cast<int>(data->DisplaySize.y * scale.y);
    // The clip rectangle of the window that queued the batch, in framebuffer pixels.
    const float left = std::floor((command->ClipRect.x - data->DisplayPos.x) * scale.x);
    const float top = std::floor((command->ClipRect.y - data->DisplayPos.y) * scale.y);
    const float right = std::ceil((command->ClipRect.z - data->DisplayPos.x) * scale.x);
    const float bottom = std::ceil((command->ClipRect.w - data->DisplayPos.y) * scale.y);
    gl::PixelRect clip{static_cast<int>(left), static_cast<int>(top),
                       static_cast<int>(std::max(0.0f, right - left)),
                       static_cast<int>(std::max(0.0f, bottom - top))};
    batch.layer->renderer_.draw(batch.cells, framebuffer_width, framebuffer_height, clip,
                                batch.hatch_period);
}

}  // namespace convscope

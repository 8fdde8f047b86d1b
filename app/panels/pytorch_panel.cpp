#include "app/panels/pytorch_panel.hpp"

#include <algorithm>
#include <string>

#include "app/model/translate.hpp"
#include "app/widgets/panel_window.hpp"
#include "core/lessons/pytorch_code.hpp"
#include "imgui.h"

namespace convscope {

namespace {

// The box fits the code up to most of the window; longer code scrolls inside it.
ImVec2 code_box_size(const std::string& code, const UiMetrics& metrics) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 text = ImGui::CalcTextSize(code.c_str());
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = std::clamp(text.x + 2 * style.FramePadding.x + style.ScrollbarSize,
                                   metrics.px(320), viewport->WorkSize.x * 0.7f);
    const float height = std::min(
        text.y + 2 * style.FramePadding.y + style.ScrollbarSize + ImGui::GetTextLineHeight(),
        viewport->WorkSize.y * 0.6f);
    return ImVec2(width, height);
}

}  // namespace

Actions draw_pytorch_panel(const LessonScene& scene, const AppState& state,
                           const UiMetrics& metrics) {
    Actions actions;
    if (!state.show_pytorch) return actions;
    bool open = true;
    const std::string title = std::string(tr("PyTorch code")) + "###pytorch";
    if (begin_floating_panel(title.c_str(), &open, metrics, ImGuiCond_Appearing)) {
        const PytorchRequest request = pytorch_request(scene.playground, scene.figure);
        const std::string code = pytorch_code(request);
        ImGui::TextUnformatted(
            request.backward()
                ? tr("The same backward pass with autograd, the lesson's numbers and its dL/dY:")
                : tr("The same operation with the lesson's current numbers:"));
        // Read-only: ImGui never writes to the buffer, so the string's own storage serves.
        ImGui::InputTextMultiline("##code", const_cast<char*>(code.c_str()), code.size() + 1,
                                  code_box_size(code, metrics), ImGuiInputTextFlags_ReadOnly);
        if (ImGui::Button((std::string(tr("Copy")) + "###copy_pytorch").c_str())) {
            ImGui::SetClipboardText(code.c_str());
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", tr("Copy the code, to paste into Python"));
        }
    }
    end_floating_panel();
    if (!open) actions.toggle_pytorch = true;
    return actions;
}

}  // namespace convscope

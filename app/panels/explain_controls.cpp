// The Images and Draw modes' "What the network looks at": a switch between no overlay,
// saliency and Grad-CAM, its opacity, and a sentence saying what the colours mean.
#include <string>

#include "app/model/translate.hpp"
#include "app/panels/live_panels.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

void explain_controls(const ExplainedPicture& explained, const ExplainViewState& view,
                      const UiMetrics& metrics, Actions& actions) {
    panel_heading(tr("What the network looks at"), metrics);
    ExplainViewState next = view;
    const char* names[] = {tr("None"), tr("Saliency"), tr("Grad-CAM")};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine();
        const std::string label = std::string(names[i]) + "###overlay" + std::to_string(i);
        if (ImGui::RadioButton(label.c_str(), static_cast<int>(view.overlay) == i))
            next.overlay = static_cast<ExplainOverlay>(i);
    }
    const bool off = view.overlay == ExplainOverlay::None;
    if (off) ImGui::BeginDisabled();
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
    ImGui::SliderFloat((std::string(tr("Opacity")) + "###overlay_opacity").c_str(), &next.opacity,
                       0.0f, 1.0f, "%.2f");
    if (off) ImGui::EndDisabled();
    if (next != view) actions.live.explain_view = next;

    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const std::string digit = std::to_string(explained.predicted_class());
    if (off) {
        wrapped_text(tr("Light up the pixels the network's answer depends on."));
    } else if (!explained.ready()) {
        wrapped_text(tr("No pretrained network (assets/weights) was found."));
    } else if (view.overlay == ExplainOverlay::Saliency) {
        wrapped_text(
            trf("Bright pixels change the score of {digit} most: the gradient of the "
                "score with respect to each pixel.",
                {{"digit", digit}}));
    } else if (view.overlay == ExplainOverlay::GradCam) {
        wrapped_text(
            trf("Bright areas are where the last conv layer finds evidence for {digit}: "
                "its maps weighted by their mean gradient (Grad-CAM).",
                {{"digit", digit}}));
    }
    ImGui::PopStyleColor();
}

}  // namespace convscope

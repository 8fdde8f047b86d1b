#include "app/widgets/path_field.hpp"

#include <algorithm>
#include <cstdio>

#include "app/model/translate.hpp"
#include "imgui.h"

namespace convscope {

PathFieldResult path_field(const char* id, const std::string& value, const char* hint, float width,
                           FilePurpose purpose, const AppState& state, Actions& actions) {
    PathFieldResult result;
    ImGui::PushID(id);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize("...").x + 2 * style.FramePadding.x;
    const float total = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    char text[1024];
    std::snprintf(text, sizeof text, "%s", value.c_str());
    ImGui::SetNextItemWidth(std::max(1.0f, total - button - style.ItemInnerSpacing.x));
    result.entered = ImGui::InputTextWithHint("##path", hint, text, sizeof text,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) result.edited = std::string(text);
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    const bool busy = state.files.waiting.has_value() || state.files.browser.open;
    ImGui::BeginDisabled(busy);
    if (ImGui::Button("...###browse")) actions.request_file = purpose;
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", tr(purpose_title(purpose)));
    ImGui::PopID();
    return result;
}

}  // namespace convscope

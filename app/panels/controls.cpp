// Sections: widgets, the settings, the cell editor, the panel.
#include "app/panels/controls.hpp"

#include <algorithm>
#include <string>

#include "app/widgets/panel_window.hpp"

namespace convscope {

namespace {

// ---- widgets ---------------------------------------------------------------------------

// A labelled integer with - and + buttons; true when changed.
bool int_field(const char* label, int* value, int low, int high) {
    ImGui::PushID(label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.48f);
    ImGui::SetNextItemWidth(-1);
    // The playground checks the bounds and explains; the field only stops silly typing.
    const int before = *value;
    ImGui::InputInt("##value", value, 1, 1);
    *value = std::max(low, std::min(high, *value));
    ImGui::PopID();
    return *value != before;
}

const char* op_name(TracedOp op) {
    switch (op) {
        case TracedOp::Conv:
            return "Convolution";
        case TracedOp::TransposedConv:
            return "Transposed convolution";
        case TracedOp::MaxPool:
            return "Max pooling";
        case TracedOp::AveragePool:
            return "Average pooling";
    }
    return "";
}

// ---- the settings ------------------------------------------------------------------------

// Edits `s` in place; true when anything changed.
bool settings(PlaygroundSetup& s) {
    bool changed = false;
    group_label("OPERATION");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##op", op_name(s.op))) {
        for (TracedOp op :
             {TracedOp::Conv, TracedOp::TransposedConv, TracedOp::MaxPool, TracedOp::AveragePool}) {
            if (ImGui::Selectable(op_name(op), op == s.op) && op != s.op) {
                s.op = op;
                s.kernel_values.clear();  // a kernel's layout depends on the operation
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    const bool pooling = is_pooling(s.op);

    group_label("SIZES");
    changed |= int_field("Input H", &s.input_h, 1, 99);
    changed |= int_field("Input W", &s.input_w, 1, 99);
    changed |= int_field(pooling ? "Window H" : "Kernel H", &s.kernel_h, 1, 99);
    changed |= int_field(pooling ? "Window W" : "Kernel W", &s.kernel_w, 1, 99);

    group_label("GEOMETRY");
    // One value for both axes: the lessons are square.
    Padding padding = s.options.h.padding;
    const char* modes[] = {"number", "valid", "same", "full"};
    int mode = static_cast<int>(padding.mode);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Padding");
    ImGui::SameLine(ImGui::GetContentRegionAvail().x * 0.48f);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##padding_mode", &mode, modes, 4)) {
        padding.mode = static_cast<Padding::Mode>(mode);
        changed = true;
    }
    if (padding.mode == Padding::Mode::Explicit) {
        changed |= int_field("  amount", &padding.amount, -9, 99);
    }
    int stride = s.options.h.stride, dilation = s.options.h.dilation;
    int output_padding = s.options.h.output_padding;
    changed |= int_field("Stride", &stride, -9, 99);
    if (!pooling) changed |= int_field("Dilation", &dilation, -9, 99);
    if (s.op == TracedOp::TransposedConv) {
        changed |= int_field("Output pad", &output_padding, -9, 99);
    }
    for (AxisOptions* axis : {&s.options.h, &s.options.w}) {
        axis->padding = padding;
        axis->stride = stride;
        axis->dilation = dilation;
        axis->output_padding = output_padding;
    }

    group_label("TENSORS");
    changed |= int_field("Channels C", &s.channels, 1, 99);
    if (!pooling) changed |= int_field("Filters FN", &s.filters, 1, 99);
    changed |= int_field("Batch N", &s.batch, 1, 99);
    if (!pooling) changed |= ImGui::Checkbox("Bias", &s.has_bias);
    return changed;
}

// ---- the cell editor ------------------------------------------------------------------------

void cell_editor(const LessonScene& scene, const AppState& state, Actions& actions) {
    group_label("EDIT A CELL");
    const CellRef& cell = state.selected_cell;
    const Playground& pg = scene.playground;
    if (!holds_cell(pg, cell)) {
        ImGui::TextWrapped("Click an input or kernel cell, then type its value here.");
        return;
    }
    const bool input = cell.tensor == CellRef::Tensor::Input;
    const KernelLayout layout = kernel_layout(pg.trace.op());
    const std::string where =
        input ? "Input n=" + std::to_string(cell.i0) + " c=" + std::to_string(cell.i1)
              : "Kernel " + std::string(layout.axis_name(0)) + "=" + std::to_string(cell.i0) + " " +
                    layout.axis_name(1) + "=" + std::to_string(cell.i1);
    ImGui::TextWrapped("%s, row %d, column %d", where.c_str(), cell.y, cell.x);
    float value = cell_value(pg, cell);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputFloat("##cell_value", &value, 1.0f, 1.0f, "%g")) {
        actions.edit_setup = with_cell_value(pg, cell, value);
    }
}

}  // namespace

// ---- the panel ---------------------------------------------------------------------------

float controls_width(const UiMetrics& metrics) {
    return metrics.px(250) * metrics.text_scale;
}

Actions draw_controls(const LessonScene& scene, const AppState& state, const UiMetrics& metrics,
                      ImVec2 position, ImVec2 size) {
    Actions actions;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(metrics.px(6), metrics.px(5)));
    if (begin_side_panel("##controls", position, size, ImVec2(metrics.px(14), metrics.px(12)))) {
        PlaygroundSetup draft = scene.draft;
        if (settings(draft)) actions.edit_setup = draft;
        if (!scene.error.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.09f, 0.16f, 1.0f));
            ImGui::TextWrapped("%s. The last valid scene stays.", scene.error.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        const std::string shape = "Output " + shape_text(scene.playground.trace.output_shape()) +
                                  ", " + std::to_string(scene.step_count()) + " steps";
        ImGui::TextWrapped("%s", shape.c_str());
        group_label("VALUES");
        if (ImGui::Button("New random values")) actions.new_random_values = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Draw new small integers (new seed)");
        ImGui::SameLine();
        if (ImGui::Button("Reset")) actions.reset_lesson = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the lesson's own settings");
        cell_editor(scene, state, actions);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace convscope

// Sections: widgets, the settings, the cell editor, the lesson file, the panel.
#include "app/panels/controls.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"
#include "app/panels/quiz_controls.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/path_field.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

namespace {

// ---- widgets ---------------------------------------------------------------------------

const ImVec4 kErrorText(0.75f, 0.09f, 0.16f, 1.0f);
const ImVec4 kNoteText(0.30f, 0.33f, 0.38f, 1.0f);

// A row's label on the left, then the cursor where its field starts: just past the
// middle, or past the label when a narrow panel (large text, a scrollbar) needs it.
void row_label(const char* label) {
    const float past_label =
        ImGui::GetCursorPosX() + ImGui::CalcTextSize(label).x + ImGui::GetStyle().ItemSpacing.x;
    const float column = std::max(ImGui::GetContentRegionAvail().x * 0.48f, past_label);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(column);
}

// A labelled integer with - and + buttons; true when changed. `id` is the same in every
// language, so a field being typed in keeps its text when the language changes.
bool int_field(const char* id, const char* label, int* value, int low, int high) {
    ImGui::PushID(id);
    row_label(label);
    ImGui::SetNextItemWidth(-1);
    // The playground checks the bounds and explains; the field only stops silly typing.
    const int before = *value;
    ImGui::InputInt("##value", value, 1, 1);
    *value = std::max(low, std::min(high, *value));
    ImGui::PopID();
    return *value != before;
}

// SameLine when a button labelled `next` fits beside the last item, else a new line.
void same_line_if_fits(const char* next) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float needed =
        style.ItemSpacing.x + ImGui::CalcTextSize(next).x + 2 * style.FramePadding.x;
    if (ImGui::GetItemRectMax().x + needed <= right) ImGui::SameLine();
}

const char* op_name(TracedOp op) {
    switch (op) {
        case TracedOp::Conv:
            return tr("Convolution");
        case TracedOp::TransposedConv:
            return tr("Transposed convolution");
        case TracedOp::MaxPool:
            return tr("Max pooling");
        case TracedOp::AveragePool:
            return tr("Average pooling");
    }
    return "";
}

// ---- the settings ------------------------------------------------------------------------

// Edits `s` in place; true when anything changed.
bool settings(PlaygroundSetup& s) {
    bool changed = false;
    group_label(tr("OPERATION"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##op", op_name(s.op))) {
        for (TracedOp op :
             {TracedOp::Conv, TracedOp::TransposedConv, TracedOp::MaxPool, TracedOp::AveragePool}) {
            if (ImGui::Selectable(op_name(op), op == s.op) && op != s.op) {
                s.op = op;
                s.kernel_values.clear();  // a kernel's layout depends on the operation
                if (op != TracedOp::Conv) s.groups = 1;  // groups are a convolution's
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    const bool pooling = is_pooling(s.op);

    group_label(tr("SIZES"));
    // 1-D: one row, so only the length and the kernel's width are set.
    if (ImGui::Checkbox((std::string(tr("1-D (a signal)")) + "###one_d").c_str(), &s.one_d)) {
        s.input_values.clear();
        s.kernel_values.clear();
        changed = true;
    }
    if (!s.one_d) changed |= int_field("input_h", tr("Input H"), &s.input_h, 1, 99);
    changed |= int_field("input_w", s.one_d ? tr("Length L") : tr("Input W"), &s.input_w, 1, 99);
    if (!s.one_d) {
        changed |=
            int_field("kernel_h", pooling ? tr("Window H") : tr("Kernel H"), &s.kernel_h, 1, 99);
    }
    changed |= int_field("kernel_w", pooling ? tr("Window W") : tr("Kernel W"), &s.kernel_w, 1, 99);

    group_label(tr("GEOMETRY"));
    // One value for both axes: the lessons are square.
    Padding padding = s.options.h.padding;
    const char* modes[] = {tr("number"), "valid", "same", "full"};
    int mode = static_cast<int>(padding.mode);
    row_label(tr("Padding"));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::Combo("##padding_mode", &mode, modes, 4)) {
        padding.mode = static_cast<Padding::Mode>(mode);
        changed = true;
    }
    if (padding.mode == Padding::Mode::Explicit) {
        changed |= int_field("amount", tr("  amount"), &padding.amount, -9, 99);
    }
    int stride = s.options.h.stride, dilation = s.options.h.dilation;
    int output_padding = s.options.h.output_padding;
    changed |= int_field("stride", tr("Stride"), &stride, -9, 99);
    if (!pooling) changed |= int_field("dilation", tr("Dilation"), &dilation, -9, 99);
    if (s.op == TracedOp::TransposedConv) {
        changed |= int_field("output_padding", tr("Output pad"), &output_padding, -9, 99);
    }
    for (AxisOptions* axis : {&s.options.h, &s.options.w}) {
        axis->padding = padding;
        axis->stride = stride;
        axis->dilation = dilation;
        axis->output_padding = output_padding;
    }

    group_label(tr("TENSORS"));
    changed |= int_field("channels", tr("Channels C"), &s.channels, 1, 99);
    if (!pooling) changed |= int_field("filters", tr("Filters FN"), &s.filters, 1, 99);
    if (s.op == TracedOp::Conv) changed |= int_field("groups", tr("Groups G"), &s.groups, 1, 99);
    changed |= int_field("batch", tr("Batch N"), &s.batch, 1, 99);
    if (!pooling)
        changed |= ImGui::Checkbox((std::string(tr("Bias")) + "###bias").c_str(), &s.has_bias);
    return changed;
}

// The matrix lessons' switches (issue 11): a transposed conv's scatter or direct view,
// and the kernel as it is (cross-correlation) or turned 180° (convolution).
void view_switches(const LessonScene& scene, const AppState& state, Actions& actions) {
    const TracedOp op = scene.playground.trace.op();
    const bool switchable =
        scene.view == LessonView::Steps || scene.view == LessonView::TransposedDirect;
    if (op == TracedOp::TransposedConv && switchable) {
        bool direct = scene.view == LessonView::TransposedDirect;
        const std::string label = std::string(tr("As a direct convolution")) + "###direct_view";
        if (ImGui::Checkbox(label.c_str(), &direct)) actions.toggle_direct_view = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Zeros between the input cells, padding, the kernel turned "
                                       "180°, stride 1"));
    }
    if (op == TracedOp::Conv && scene.view == LessonView::CorrelationConvolution) {
        bool turned = state.kernel_turned;
        const std::string label = std::string(tr("Kernel turned 180°")) + "###kernel_turned";
        if (ImGui::Checkbox(label.c_str(), &turned)) actions.toggle_kernel_turned = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Convolution as mathematics defines it; off: "
                                       "cross-correlation, as PyTorch computes it"));
    }
}

// ---- the cell editor ------------------------------------------------------------------------

// A dL/dY cell of the backward lessons: the upstream gradient is the student's to set.
void grad_cell_editor(const LessonScene& scene, const CellRef& cell, Actions& actions) {
    group_label(tr("EDIT A CELL"));
    const std::string where =
        trf("dL/dY n={n} f={f}, row {y}, column {x}", {{"n", std::to_string(cell.i0)},
                                                       {"f", std::to_string(cell.i1)},
                                                       {"y", std::to_string(cell.y)},
                                                       {"x", std::to_string(cell.x)}});
    ImGui::TextWrapped("%s", where.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteText);
    ImGui::TextWrapped("%s", tr("Or type a number: Enter sets it, Tab moves on."));
    ImGui::PopStyleColor();
    const Tensor& grad_output = *shown_grad_output(scene);
    float value = grad_output.at(cell.i0, cell.i1, cell.y, cell.x);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputFloat("##grad_cell_value", &value, 1.0f, 1.0f, "%g"))
        actions.grad_cell_value = value;
}

void cell_editor(const LessonScene& scene, const AppState& state, Actions& actions) {
    const CellRef& cell = state.selected_cell;
    const Playground& pg = scene.playground;
    if (holds_grad_cell(scene, cell)) {
        grad_cell_editor(scene, cell, actions);
        return;
    }
    if (!holds_cell(pg, cell)) {
        // One line: at 1280x720 the lesson file row below must still fit.
        ImGui::PushStyleColor(ImGuiCol_Text, kNoteText);
        ImGui::TextWrapped("%s", tr("Click a cell to edit it."));
        ImGui::PopStyleColor();
        return;
    }
    group_label(tr("EDIT A CELL"));
    const bool input = cell.tensor == CellRef::Tensor::Input;
    const KernelLayout layout = kernel_layout(pg.trace.op());
    const TextArgs args = {{"i", std::to_string(cell.i0)}, {"j", std::to_string(cell.i1)},
                           {"a", layout.axis_name(0)},     {"b", layout.axis_name(1)},
                           {"y", std::to_string(cell.y)},  {"x", std::to_string(cell.x)}};
    const std::string where = input ? trf("Input n={i} c={j}, row {y}, column {x}", args)
                                    : trf("Kernel {a}={i} {b}={j}, row {y}, column {x}", args);
    ImGui::TextWrapped("%s", where.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, kNoteText);
    ImGui::TextWrapped("%s", tr("Or type a number: Enter sets it, Tab moves on."));
    ImGui::PopStyleColor();
    float value = cell_value(pg, cell);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputFloat("##cell_value", &value, 1.0f, 1.0f, "%g")) {
        actions.edit_setup = with_cell_value(pg, cell, value);
    }
}

// ---- the lesson file ----------------------------------------------------------------------

// A path, Save and Open: the reducer reads and writes the file and fills the message.
void lesson_file_row(const AppState& state, Actions& actions) {
    ImGui::Spacing();
    row_label(tr("Lesson file"));
    // Typed, or "..." for the chooser (which opens the chosen file at once).
    const PathFieldResult field = path_field("##lesson_path", state.lesson_file.path, "lesson.json",
                                             -1, FilePurpose::OpenLesson, state, actions);
    if (field.edited) actions.lesson_path_field = field.edited;
    const std::string path = field.edited.value_or(state.lesson_file.path);

    // "###" ids: the same buttons in every language.
    const std::string save = std::string(tr(u8"Save lesson\u2026")) + "###save_lesson";
    const std::string open = std::string(tr(u8"Open lesson\u2026")) + "###open_lesson";
    // Side by side when both fit (narrower padding helps), else one above the other.
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(padding.x / 2, padding.y));
    const ImGuiStyle& style = ImGui::GetStyle();  // with the narrower padding
    const float widest = std::max(ImGui::CalcTextSize(save.c_str(), nullptr, true).x,
                                  ImGui::CalcTextSize(open.c_str(), nullptr, true).x) +
                         2 * style.FramePadding.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool side_by_side = 2 * widest + style.ItemSpacing.x <= avail;
    const float width = side_by_side ? (avail - style.ItemSpacing.x) / 2 : avail;
    ImGui::BeginDisabled(path.empty());
    // Save lesson... asks where (the chooser); Open lesson... opens the typed path.
    if (ImGui::Button(save.c_str(), ImVec2(width, 0)))
        actions.request_file = FilePurpose::SaveLesson;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("This lesson's settings, values and step"));
    if (side_by_side) ImGui::SameLine();
    if (ImGui::Button(open.c_str(), ImVec2(width, 0))) actions.open_lesson_file = path;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("A lesson saved with Save lesson"));
    ImGui::EndDisabled();
    ImGui::PopStyleVar();
    if (!state.lesson_file.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, state.lesson_file.failed ? kErrorText : kNoteText);
        wrapped_text(state.lesson_file.failed ? shown_text(state.lesson_file.error_message)
                                              : state.lesson_file.message);
        ImGui::PopStyleColor();
        // A new message below the fold (a short window) scrolls into view. It may take a
        // few frames: the scrollbar it brings narrows the text, which then wraps longer.
        if (state.lesson_file.reveal) {
            const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
            const bool hidden = ImGui::GetItemRectMax().y > bottom;
            // A message taller than half the panel is shown from its start instead.
            const bool too_tall = ImGui::GetItemRectSize().y > ImGui::GetWindowHeight() / 2;
            if (hidden && !too_tall) {
                ImGui::SetScrollHereY(1.0f);
            } else {
                actions.lesson_message_revealed = true;
            }
        }
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
    // Scrolls when the window is short or the text large (the lesson file row is last),
    // with a thin scrollbar that takes little of the rows' width.
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, metrics.px(6));
    const bool visible = begin_side_panel(
        "##controls", position, size, ImVec2(metrics.px(14), metrics.px(12)), /*scrollbar=*/true);
    ImGui::PopStyleVar();
    if (visible) {
        quiz_controls(scene, state, actions);  // on top while a quiz runs
        PlaygroundSetup draft = scene.draft;
        if (settings(draft)) actions.edit_setup = draft;
        view_switches(scene, state, actions);
        if (!scene.error.empty()) {
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
            wrapped_text(trf("{reason}. The last valid scene stays.",
                             {{"reason", shown_text(scene.error_message)}}));
            ImGui::PopStyleColor();
        }
        ImGui::Spacing();
        const int steps = scene.step_count();
        std::vector<int> output_shape = scene.playground.trace.output_shape();
        if (scene.playground.setup.one_d) output_shape.erase(output_shape.begin() + 2);  // (N,F,L)
        const TextArgs shape_args = {{"shape", shape_text(output_shape)},
                                     {"n", std::to_string(steps)}};
        const std::string shape = steps == 1 ? trf("Output {shape}, {n} step", shape_args)
                                             : trf("Output {shape}, {n} steps", shape_args);
        // The output's shape answers the quiz's size question: hidden until answered.
        const bool size_asked = state.quiz.active &&
                                state.quiz.question == QuizQuestion::OutputSize &&
                                !state.quiz.verdict;
        if (!size_asked) ImGui::TextWrapped("%s", shape.c_str());
        if (ImGui::Button(tr("Random values"))) actions.new_random_values = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Draw new small integers (new seed)"));
        same_line_if_fits(tr("Reset"));
        if (ImGui::Button(tr("Reset"))) actions.reset_lesson = true;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Back to the lesson's own settings"));
        if (shown_grad_output(scene) != nullptr) {
            same_line_if_fits(tr("New dL/dY"));
            if (ImGui::Button(tr("New dL/dY"))) actions.new_grad_output = true;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", tr("Draw a new upstream gradient of small integers"));
        }
        if (!state.quiz.active && offers_quiz(scene)) {
            same_line_if_fits(tr("Quiz me"));
            quiz_button(scene, actions);
        }
        same_line_if_fits(tr("PyTorch code"));
        if (ImGui::Button((std::string(tr("PyTorch code")) + "###pytorch_button").c_str())) {
            actions.toggle_pytorch = true;
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", tr("The PyTorch lines that compute this lesson's output"));
        }
        if (!state.quiz.active) cell_editor(scene, state, actions);
        lesson_file_row(state, actions);
    }
    ImGui::End();
    ImGui::PopStyleVar();
    return actions;
}

}  // namespace convscope

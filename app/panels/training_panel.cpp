// Start, pause, resume, reset; progress and speed; the settings (editable while
// paused) and the data set. Every control returns an action; nothing here trains.
#include <cstdio>
#include <cstring>

#include "app/model/live_words.hpp"
#include "app/model/message_text.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/path_field.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

namespace {

const ImVec4 kErrorText(0.75f, 0.09f, 0.16f, 1.0f);

const char* state_text(const NetworkModeView& view) {
    if (view.pretrained) return tr("pretrained, not trained here");
    return training_state_text(view.snapshot.state);
}

void buttons(const NetworkModeView& view, const AppState& state, Actions& actions) {
    const bool running = view.snapshot.state == TrainingState::Running;
    if (state.network.pace.mode == PaceMode::OneStep) {
        // One batch per press: the button says which key does the same.
        if (ImGui::Button((std::string(tr("One batch (B)")) + "###one_batch").c_str()))
            actions.live.training = TrainingCommand::Step;
        if (view.pretrained) return;
    } else if (view.pretrained) {
        if (ImGui::Button(tr("Start training from scratch")))
            actions.live.training = TrainingCommand::Start;
        return;
    }
    if (state.network.pace.mode == PaceMode::OneStep) {
        // No Start or Pause: the key (or the button) takes each batch.
    } else if (running) {
        if (ImGui::Button(tr("Pause"))) actions.live.training = TrainingCommand::Pause;
    } else {
        const bool fresh = view.snapshot.total_batches == 0;
        if (ImGui::Button(fresh ? tr("Start") : tr("Resume")))
            actions.live.training = TrainingCommand::Start;
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Reset"))) actions.live.training = TrainingCommand::Reset;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tr("New random weights; the curves start over"));
}

void progress(const TrainingSnapshot& s) {
    const std::string label = s.batches_per_epoch > 0
                                  ? trf("epoch {epoch}  batch {batch} / {batches}",
                                        {{"epoch", std::to_string(s.epoch + 1)},
                                         {"batch", std::to_string(s.batch_in_epoch)},
                                         {"batches", std::to_string(s.batches_per_epoch)}})
                                  : std::string(tr("not trained yet"));
    ImGui::ProgressBar(static_cast<float>(s.epoch_progress), ImVec2(-1, 0), label.c_str());
    const float loss = s.loss_history.empty() ? 0.0f : s.loss_history.back();
    ImGui::TextUnformatted(trf("{rate} img/s   {seen} images seen",
                               {{"rate", format_number("%.0f", s.images_per_second)},
                                {"seen", grouped_count(static_cast<std::size_t>(s.images_seen))}})
                               .c_str());
    if (!s.loss_history.empty()) {
        ImGui::TextUnformatted(trf("loss {loss}", {{"loss", format_number("%.4f", loss)}}).c_str());
        if (!s.accuracy_history.empty()) {
            const AccuracyPoint& a = s.accuracy_history.back();
            const std::string accuracy = trf("accuracy train {train}%  test {test}%",
                                             {{"train", format_number("%.1f", a.train * 100.0)},
                                              {"test", format_number("%.1f", a.test * 100.0)}});
            // Beside the loss when it fits, else on a line of its own.
            ImGui::SameLine(0, ImGui::CalcTextSize("  ").x);
            if (ImGui::CalcTextSize(accuracy.c_str()).x > ImGui::GetContentRegionAvail().x)
                ImGui::NewLine();
            ImGui::TextUnformatted(accuracy.c_str());
        }
    }
}

bool settings_fields(TrainingSettings& s, const UiMetrics& metrics) {
    bool changed = false;
    const float label = metrics.px(130);
    // `name` is English, marked where the row is made.
    auto row = [&](const char* name) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(name));
        ImGui::SameLine(label);
        ImGui::SetNextItemWidth(-1);
    };
    row(N_("Network"));
    if (ImGui::BeginCombo("##network", s.network.c_str())) {
        for (const std::string& name : network_preset_names()) {
            if (ImGui::Selectable(name.c_str(), name == s.network)) {
                s.network = name;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    row(N_("Optimizer"));
    if (ImGui::BeginCombo("##optimizer", optimizer_name(s.optimizer))) {
        for (const OptimizerKind kind :
             {OptimizerKind::Sgd, OptimizerKind::Momentum, OptimizerKind::Adam}) {
            if (ImGui::Selectable(optimizer_name(kind), kind == s.optimizer)) {
                s.optimizer = kind;
                s.learning_rate = default_learning_rate(kind);
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    row(N_("Learning rate"));
    float rate = s.learning_rate;
    if (ImGui::InputFloat("##rate", &rate, 0.0f, 0.0f, "%.5g",
                          ImGuiInputTextFlags_EnterReturnsTrue) &&
        rate > 0) {
        s.learning_rate = rate;
        changed = true;
    }
    row(N_("Batch size"));
    int batch = s.batch;
    if (ImGui::InputInt("##batch", &batch, 10, 100, ImGuiInputTextFlags_EnterReturnsTrue) &&
        batch > 0) {
        s.batch = batch;
        changed = true;
    }
    return changed;
}

void data_fields(const NetworkModeView& view, const AppState& state, const UiMetrics& metrics,
                 Actions& actions) {
    if (view.snapshot.train_images > 0) {
        ImGui::TextUnformatted(
            trf("Data: {name} ({train} train, {test} test)",
                {{"name", live_text(view.data_name)},
                 {"train", grouped_count(static_cast<std::size_t>(view.snapshot.train_images))},
                 {"test", grouped_count(static_cast<std::size_t>(view.snapshot.test_images))}})
                .c_str());
    } else {
        ImGui::TextUnformatted(trf("Data: {name}", {{"name", live_text(view.data_name)}}).c_str());
    }
    const PathFieldResult folder =
        path_field("##folder", state.network.data_folder, tr("an MNIST IDX folder"),
                   ImGui::GetContentRegionAvail().x - metrics.px(130), FilePurpose::ChooseData,
                   state, actions);
    if (folder.edited) actions.live.data_folder_field = folder.edited;
    ImGui::SameLine();
    if (ImGui::Button(tr("Load")))
        actions.live.load_data = folder.edited.value_or(state.network.data_folder);
    ImGui::SameLine();
    if (ImGui::Button(tr("Bundled"))) actions.live.load_data = std::string();
}

// Save weights... / Load weights... (the chooser), and what the last one did.
void weights_buttons(const AppState& state, Actions& actions) {
    const bool busy = state.files.waiting.has_value() || state.files.browser.open;
    ImGui::BeginDisabled(busy);
    if (ImGui::Button((std::string(tr(u8"Save weights\u2026")) + "###save_weights").c_str()))
        actions.request_file = FilePurpose::SaveWeights;
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(u8"Load weights\u2026")) + "###load_weights").c_str()))
        actions.request_file = FilePurpose::LoadWeights;
    ImGui::EndDisabled();
    const NetworkViewState& network = state.network;
    if (network.weights_status.empty()) return;
    if (network.weights_failed) ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
    wrapped_text(network.weights_status);
    if (network.weights_failed) ImGui::PopStyleColor();
}

}  // namespace

Actions draw_training_panel(const NetworkModeView& view, const AppState& state,
                            const UiMetrics& metrics) {
    Actions actions;
    panel_heading(tr("Training"), metrics);
    ImGui::SameLine();
    ImGui::TextDisabled("%s", trf("({state})", {{"state", state_text(view)}}).c_str());
    buttons(view, state, actions);
    actions.merge(draw_pace_controls(view, state, metrics));
    // Near the top, so they are in view at 1280x720 without scrolling.
    weights_buttons(state, actions);
    const TrainingSnapshot& s = view.snapshot;
    if (!view.pretrained) progress(s);
    if (!s.message.empty()) wrapped_text(live_text(s.message).c_str());
    ImGui::Separator();

    const bool running = !view.pretrained && s.state == TrainingState::Running;
    if (running) ImGui::BeginDisabled();
    TrainingSettings settings = state.network.settings;
    if (settings_fields(settings, metrics)) actions.live.training_settings = settings;
    if (running) ImGui::EndDisabled();
    if (running) ImGui::TextDisabled("%s", tr("Pause to change the settings."));
    ImGui::Separator();
    if (running) ImGui::BeginDisabled();
    data_fields(view, state, metrics, actions);
    if (running) ImGui::EndDisabled();
    if (!state.network.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
        wrapped_text(state.network.error_message.empty() ? state.network.message
                                                         : shown_text(state.network.error_message));
        ImGui::PopStyleColor();
    }
    return actions;
}

}  // namespace convscope

// Live loss and accuracy curves (train and test) against epochs, drawn as polylines.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/model/live_words.hpp"
#include "app/model/translate.hpp"
#include "app/panels/network_panels.hpp"
#include "app/widgets/palette_colours.hpp"
#include "app/widgets/panel_window.hpp"
#include "app/widgets/text_wrap.hpp"

namespace convscope {

namespace {

struct Plot {
    ImVec2 min, max;  // the plotting area
    float x_high = 1, y_low = 0, y_high = 1;
    ImVec2 at(float x, float y) const {
        const float tx = x / x_high;
        const float ty = (y - y_low) / (y_high - y_low);
        return ImVec2(min.x + tx * (max.x - min.x),
                      max.y - std::clamp(ty, 0.0f, 1.0f) * (max.y - min.y));
    }
};

// The frame, y labels at both ends and the x label; returns the plotting area.
Plot plot_frame(ImDrawList* list, ImVec2 origin, ImVec2 size, float x_high, float y_low,
                float y_high, const char* y_format) {
    const float text = ImGui::GetFontSize();
    char low[32], high[32];
    std::snprintf(low, sizeof low, y_format, y_low);
    std::snprintf(high, sizeof high, y_format, y_high);
    const float label = std::max(ImGui::CalcTextSize(low).x, ImGui::CalcTextSize(high).x) + 6;
    Plot plot;
    plot.min = ImVec2(origin.x + label, origin.y + text * 0.5f);
    plot.max = ImVec2(origin.x + size.x - 4, origin.y + size.y - text * 1.4f);
    plot.x_high = x_high;
    plot.y_low = y_low;
    plot.y_high = y_high;
    list->AddRectFilled(plot.min, plot.max, to_imgui(ui_palette().plot));
    for (int i = 1; i < 4; ++i) {
        const float y = plot.min.y + (plot.max.y - plot.min.y) * static_cast<float>(i) / 4;
        list->AddLine(ImVec2(plot.min.x, y), ImVec2(plot.max.x, y),
                      to_imgui(ui_palette().plot_grid));
    }
    list->AddRect(plot.min, plot.max, to_imgui(ui_palette().frame));
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    list->AddText(ImVec2(origin.x, plot.min.y - text * 0.5f), ink, high);
    list->AddText(ImVec2(origin.x, plot.max.y - text * 0.5f), ink, low);
    const std::string right = trf("{n} epochs", {{"n", format_number("%.2g", x_high)}});
    list->AddText(ImVec2(plot.max.x - ImGui::CalcTextSize(right.c_str()).x, plot.max.y + 2), ink,
                  right.c_str());
    list->AddText(ImVec2(plot.min.x, plot.max.y + 2), ink, "0");
    return plot;
}

void legend(ImDrawList* list, ImVec2 at, ImU32 colour, const char* name) {
    const float text = ImGui::GetFontSize();
    list->AddRectFilled(ImVec2(at.x, at.y + text * 0.4f), ImVec2(at.x + text, at.y + text * 0.6f),
                        colour);
    list->AddText(ImVec2(at.x + text * 1.3f, at.y), ImGui::GetColorU32(ImGuiCol_Text), name);
}

void loss_curve(ImDrawList* list, const TrainingSnapshot& s, const Plot& plot) {
    const int count = static_cast<int>(s.loss_history.size());
    // At most one vertex per pixel column.
    const int stride = std::max(1, count / std::max(1, static_cast<int>(plot.max.x - plot.min.x)));
    std::vector<ImVec2> points;
    for (int i = 0; i < count; i += stride) {
        points.push_back(
            plot.at(static_cast<float>(s.loss_point_epoch(i)), s.loss_history[std::size_t(i)]));
    }
    list->AddPolyline(points.data(), static_cast<int>(points.size()), to_imgui(ui_palette().loss),
                      0, 2.0f);
}

void accuracy_curves(ImDrawList* list, const TrainingSnapshot& s, const Plot& plot) {
    std::vector<ImVec2> train, test;
    for (const AccuracyPoint& a : s.accuracy_history) {
        train.push_back(plot.at(static_cast<float>(a.epoch), a.train));
        test.push_back(plot.at(static_cast<float>(a.epoch), a.test));
    }
    list->AddPolyline(train.data(), static_cast<int>(train.size()), to_imgui(ui_palette().train), 0,
                      2.0f);
    list->AddPolyline(test.data(), static_cast<int>(test.size()), to_imgui(ui_palette().test), 0,
                      2.0f);
    for (const ImVec2& p : test) list->AddCircleFilled(p, 2.5f, to_imgui(ui_palette().test));
}

}  // namespace

void draw_curves(const TrainingSnapshot& s, const UiMetrics& metrics, ImVec2 size) {
    panel_heading(tr("Loss and accuracy"), metrics);
    if (s.loss_history.empty() || s.batches_per_epoch <= 0) {
        wrapped_text(tr("The curves grow here while the network trains."));
        return;
    }
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float text = ImGui::GetFontSize();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float available = size.y - ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    const float each = std::max(text * 3.5f, (available - text * 2.6f) / 2);
    const float x_high = std::max(0.05f, static_cast<float>(s.epochs_trained()));

    const float loss_high =
        std::max(0.1f, *std::max_element(s.loss_history.begin(), s.loss_history.end()));
    legend(list, origin, to_imgui(ui_palette().loss), tr("training loss"));
    origin.y += text * 1.3f;
    loss_curve(list, s,
               plot_frame(list, origin, ImVec2(size.x, each), x_high, 0, loss_high, "%.2f"));
    origin.y += each;

    legend(list, origin, to_imgui(ui_palette().train), tr("train accuracy"));
    legend(list, ImVec2(origin.x + size.x * 0.5f, origin.y), to_imgui(ui_palette().test),
           tr("test accuracy"));
    origin.y += text * 1.3f;
    float low = 1.0f;
    for (const AccuracyPoint& a : s.accuracy_history) low = std::min({low, a.train, a.test});
    // Zoom in on the last stretch of learning once accuracy is high, in steps of 10%.
    low = std::clamp(std::floor(low * 10.0f) / 10.0f, 0.0f, 0.9f);
    accuracy_curves(list, s,
                    plot_frame(list, origin, ImVec2(size.x, each), x_high, low, 1.0f, "%.1f"));
    ImGui::Dummy(ImVec2(size.x, each * 2 + text * 2.6f));
}

}  // namespace convscope

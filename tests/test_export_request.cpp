// What an export asks for (app/model/export_request.hpp) and how the reducer takes the
// Export window's actions: the format from the file name, the checks on size, speed and
// steps, and one start at a time.
#include <doctest/doctest.h>

#include "app/model/export_request.hpp"
#include "app/model/reducer.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

TEST_CASE("the export format comes from the extension, in any case") {
    CHECK(export_format_of("a/b/conv.gif") == ExportFormat::Gif);
    CHECK(export_format_of("STEP.PNG") == ExportFormat::Png);
    CHECK(export_format_of("x.y.Svg") == ExportFormat::Svg);
    CHECK_THROWS_AS(export_format_of("conv.jpg"), InputError);
    CHECK_THROWS_AS(export_format_of("gif"), InputError);
    CHECK_THROWS_AS(export_format_of("folder.gif/"), InputError);
    CHECK(export_format_named("STEP.PNG") == ExportFormat::Png);
    CHECK_FALSE(export_format_named("conv.jpg").has_value());  // the window says why itself
    CHECK(std::string(export_extension(ExportFormat::Svg)) == "svg");
}

TEST_CASE("GIF delays follow the rate, never under two hundredths") {
    CHECK(gif_delay_centiseconds(2) == 50);
    CHECK(gif_delay_centiseconds(4) == 25);
    CHECK(gif_delay_centiseconds(0.25f) == 400);
    CHECK(gif_delay_centiseconds(50) == 2);
    CHECK(gif_delay_centiseconds(3) == 33);
}

TEST_CASE("an export request is checked against the lesson's trace and the limits") {
    const LessonScene scene = open_lesson("conv-basic");  // 9 steps
    ExportRequest request;
    request.first_step = 0;
    request.last_step = 8;
    CHECK_NOTHROW(check_export_request(request, scene));
    request.last_step = 9;
    CHECK_THROWS_AS(check_export_request(request, scene), InputError);
    request.first_step = 5;
    request.last_step = 4;
    CHECK_THROWS_AS(check_export_request(request, scene), InputError);
    request.first_step = request.last_step = 3;
    request.width = kMinExportSide - 1;
    CHECK_THROWS_AS(check_export_request(request, scene), InputError);
    request.width = kMaxExportSide;
    request.height = kMaxExportSide + 1;
    CHECK_THROWS_AS(check_export_request(request, scene), InputError);
    request.height = 600;
    request.fps = 0.1f;
    CHECK_THROWS_AS(check_export_request(request, scene), InputError);
    request.fps = 0.25f;
    CHECK_NOTHROW(check_export_request(request, scene));
}

TEST_CASE("the reducer opens the Export window, keeps its choices, starts one export") {
    AppState state;
    LessonScene scene;
    show_lesson("conv-basic", 0, state, scene);
    Actions toggle;
    toggle.toggle_export = true;
    apply_actions(toggle, state, scene);
    CHECK(state.show_export);

    Actions edit;
    ExportChoices choices;
    choices.path = "slides/padding.svg";
    choices.request.format = ExportFormat::Svg;
    choices.request.width = 1280;
    edit.edit_export = choices;
    edit.start_export = true;
    const WindowRequests first = apply_actions(edit, state, scene);
    CHECK(state.export_choices.path == "slides/padding.svg");
    CHECK(state.export_choices.request.width == 1280);
    CHECK(first.start_export);

    // While one runs, a second start is not passed on.
    state.export_progress.running = true;
    Actions again;
    again.start_export = true;
    CHECK_FALSE(apply_actions(again, state, scene).start_export);

    apply_actions(toggle, state, scene);
    CHECK_FALSE(state.show_export);
}

// Sections: shared helpers, the equation line, one slice, several channels or
// filters or items.
#include <algorithm>
#include <array>
#include <string>

#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

// ---- shared helpers ------------------------------------------------------------------

namespace {

std::pair<float, float> range_of(const Tensor& tensor) {
    if (tensor.size() == 0) return {0.0f, 0.0f};
    const auto [low, high] = std::minmax_element(tensor.values().begin(), tensor.values().end());
    return {*low, *high};
}

void share_range(GridView& grid, const Tensor& tensor) {
    const auto [low, high] = range_of(tensor);
    grid.set_range(low, high);
}

const char* times_sign(const UiMetrics& metrics) {
    return metrics.fonts->has_math_glyphs() ? "\u00d7" : "x";
}

const char* conv_sign(const UiMetrics& metrics) {
    return metrics.fonts->has_math_glyphs() ? "\u2217" : "*";
}

}  // namespace

ClickTarget input_target(const Playground& playground, int n, int c) {
    ClickTarget target;
    target.kind = ClickTarget::Kind::InputCell;
    target.i0 = n;
    target.i1 = c;
    const PaddingRing ring = input_padding_ring(playground);
    target.row_offset = ring.h.before;
    target.col_offset = ring.w.before;
    return target;
}

ClickTarget kernel_target(const Playground& playground, int f, int c) {
    ClickTarget target;
    target.kind = ClickTarget::Kind::KernelCell;
    // The kernel tensor's own indices: the cell editor writes into the tensor.
    const std::array<int, 2> slice = kernel_layout(playground.trace.op()).index(f, c);
    target.i0 = slice[0];
    target.i1 = slice[1];
    return target;
}

GridView tensor_grid(GridRole role, std::string title, const Tensor& tensor, int n, int c) {
    std::vector<float> values;
    for (int y = 0; y < tensor.dim(2); ++y)
        for (int x = 0; x < tensor.dim(3); ++x) values.push_back(tensor.at(n, c, y, x));
    return GridView::of(role, std::move(title), tensor.dim(2), tensor.dim(3), std::move(values));
}

// ---- the equation line ---------------------------------------------------------------

TextLine step_equation_line(const ViewContext& context) {
    const TraceStep& step = context.step;
    const TracedOp op = context.playground.trace.op();
    const UiMetrics& metrics = context.metrics;
    const ImU32 kernel_ink = role_ink(GridRole::Kernel);
    const ImU32 input_ink = role_ink(GridRole::Input);
    const ImU32 output_ink = role_ink(GridRole::Output);
    const TextLine value = {{value_text(step.value, metrics), output_ink}};
    TextLine line;  // the terms
    if (is_pooling(op)) {
        for (size_t i = 0; i < step.terms.size(); ++i) {
            const TraceTerm& term = step.terms[i];
            if (i > 0) line.push_back({", ", kMutedInk});
            const bool pad = term.tap.padded;
            const bool winner = static_cast<int>(i) == step.winner;
            line.push_back(
                {pad && op == TracedOp::MaxPool ? tr("pad") : value_text(term.input_value, metrics),
                 pad      ? kPaddingInk
                 : winner ? highlight_ink()
                          : input_ink});
        }
        return spans_line(
            op == TracedOp::MaxPool ? tr("max({terms}) = {value}") : tr("mean({terms}) = {value}"),
            {}, {{"terms", line}, {"value", value}}, kMutedInk);
    }
    if (step.channel_sums.size() > 1) {
        // Several channels: each channel's sum (shown under its slices), then the bias.
        // A grouped filter's sums are over its group's channels, named as in the input.
        const int first = context.playground.trace.group_channels(step.f).first;
        for (size_t c = 0; c < step.channel_sums.size(); ++c) {
            if (c > 0) line.push_back({" + ", kMutedInk});
            line.push_back(
                {"\u03a3c" + std::to_string(first + static_cast<int>(c)) + " ", kMutedInk});
            line.push_back({value_text(step.channel_sums[c], metrics), kInk});
        }
    } else {
        // "0×3 + 1×3 + ...": kernel values in the kernel's colour, input values in the
        // input's, so each number points back to its grid.
        for (size_t i = 0; i < step.terms.size(); ++i) {
            const TraceTerm& term = step.terms[i];
            if (i > 0) line.push_back({" + ", kMutedInk});
            line.push_back({value_text(term.kernel_value, metrics), kernel_ink});
            line.push_back({times_sign(metrics), kMutedInk});
            line.push_back(
                {value_text(term.input_value, metrics), term.tap.padded ? kPaddingInk : input_ink});
        }
        if (step.terms.empty()) line.push_back({tr("no input cell reaches here: 0"), kMutedInk});
    }
    if (!context.playground.bias.empty()) {
        return spans_line(tr("{terms} + bias {bias} = {value}"), {},
                          {{"terms", line},
                           {"bias", {{value_text(step.bias, metrics), kernel_ink}}},
                           {"value", value}},
                          kMutedInk);
    }
    line.push_back({" = ", kMutedInk});
    line.insert(line.end(), value.begin(), value.end());
    return line;
}

// ---- one slice -------------------------------------------------------------------------

float add_single_slice_steps(const ViewContext& context, Board& board, float min_gap) {
    const Playground& pg = context.playground;
    const TraceStep& step = context.step;
    const TracedOp op = pg.trace.op();
    const ConvGeometry& g = pg.trace.geometry();
    const bool transposed = op == TracedOp::TransposedConv;
    const int n = step.n, f = step.f, c = is_pooling(op) ? step.f : 0;

    const std::string input_size = size_text(g.h.input, g.w.input);
    const std::string output_size = size_text(g.h.output, g.w.output);
    const PaddingRing ring = input_padding_ring(pg);
    std::string input_title = trf("Input {size}", {{"size", input_size}});
    // "(small)" only where it is: a transposed conv with padding can shrink (6×6 → 5×5).
    const bool grows = g.h.input * g.w.input < g.h.output * g.w.output;
    if (transposed && grows) {
        input_title = trf("Input {size} (small)", {{"size", input_size}});
    } else if (ring.h.size() != g.h.input || ring.w.size() != g.w.input) {
        input_title =
            trf("Input {size}, padded to {padded}",
                {{"size", input_size}, {"padded", size_text(ring.h.size(), ring.w.size())}});
    }
    GridView input = input_slice(pg, n, c, step, input_title);
    GridView output = output_map(pg, n, f, context.step_index, step,
                                 trf("Output {size}", {{"size", output_size}}));
    const float tallest = static_cast<float>(std::max(
        {input.rows, output.rows, is_pooling(op) ? 0 : static_cast<int>(pg.kernel.dim(2))}));
    const float middle = tallest * 0.5f;
    float x = 0;
    auto centred_y = [&](const GridView& grid) { return middle - grid.rows * 0.5f; };
    // Words between grids ("max 2×2 →") shrink to keep a little air from the grids
    // rather than touch them (Chinese runs wider than English).
    auto add_operator = [&](std::string text, float width, TextStyle style) {
        width = std::max(width, min_gap);
        const float room = style == TextStyle::Operator ? width : width - kOperatorMargin;
        board.add_text({{std::move(text), kMutedInk}}, x + width * 0.5f, middle, room, style);
        x += width;
    };

    const float input_width = static_cast<float>(input.cols), input_y = centred_y(input);
    board.add_grid(std::move(input), x, input_y, input_target(pg, n, c));
    x += input_width;
    if (is_pooling(op)) {
        const TextArgs window = {{"size", size_text(g.h.kernel, g.w.kernel)}};
        add_operator(op == TracedOp::MaxPool ? trf("max {size} \u2192", window)
                                             : trf("mean {size} \u2192", window),
                     4.5f, TextStyle::Heading);
    } else {
        add_operator(transposed ? times_sign(context.metrics) : conv_sign(context.metrics), 1.3f,
                     TextStyle::Operator);
        GridView kernel = kernel_slice(
            pg, f, 0, step,
            trf("Kernel {size}", {{"size", size_text(pg.kernel.dim(2), pg.kernel.dim(3))}}));
        const float kernel_width = static_cast<float>(kernel.cols), kernel_y = centred_y(kernel);
        board.add_grid(std::move(kernel), x, kernel_y, kernel_target(pg, f, 0), true);
        x += kernel_width;
        if (!pg.bias.empty()) {
            add_operator("+", 1.1f, TextStyle::Operator);
            GridView bias = GridView::of(GridRole::Kernel, tr("Bias"), 1, 1, {pg.bias[f]});
            board.add_grid(std::move(bias), x, middle - 0.5f);
            x += 1.0f;
        }
        add_operator(transposed ? "\u2192" : "=", 1.3f, TextStyle::Operator);
    }
    const float output_width = static_cast<float>(output.cols), output_y = centred_y(output);
    board.add_grid(std::move(output), x, output_y, {}, true);
    x += output_width;
    if (transposed) {
        // conv_arithmetic's users mistook which grid is which: say it in words.
        // Two lines: on one it shrank to fit the grids' width and became hard to read.
        const TextArgs sizes = {{"input", input_size}, {"output", output_size}};
        board.add_text({{grows ? trf("Input {input} (small) \u2192 Output {output}:", sizes)
                               : trf("Input {input} \u2192 Output {output}:", sizes),
                         kInk}},
                       x * 0.5f, -kLabelHeight - 1.9f, x, TextStyle::Heading);
        board.add_text({{tr("each input cell scatters the kernel, scaled by its value"), kInk}},
                       x * 0.5f, -kLabelHeight - 1.0f, x, TextStyle::Heading);
    }
    return x;
}

// ---- several channels, filters or items ------------------------------------------------

namespace {

// `beside`: each kernel to the right of its input (wide rooms, presentation mode);
// otherwise beneath it (narrow rooms, side panels open).
void add_multi_slice_steps(const ViewContext& context, Board& board, bool beside) {
    const Playground& pg = context.playground;
    const TraceStep& step = context.step;
    const TracedOp op = pg.trace.op();
    const bool pooling = is_pooling(op);
    const std::vector<int> out_shape = pg.trace.output_shape();
    const int items = out_shape[0], maps = out_shape[1];
    const int channels = pg.input.dim(1);
    const int n = step.n, f = step.f;
    // A grouped filter reads only its group's channels; the others get no kernel slice.
    const OperationTrace::ChannelRange group = pg.trace.group_channels(f);

    // Columns: input slice c over kernel slice (f, c) over the channel's sum. Gaps are
    // tight and the "∗" sits left of its kernel, not on a row of its own: every cell
    // of height saved makes the numbers larger.
    std::vector<GridView> inputs;
    for (int c = 0; c < channels; ++c) {
        const TextArgs slice = {{"c", std::to_string(c)}, {"n", std::to_string(n)}};
        inputs.push_back(
            input_slice(pg, n, c, step,
                        items > 1 ? trf("Input c={c}, n={n}", slice) : trf("Input c={c}", slice)));
        share_range(inputs.back(), pg.input);
    }
    const float input_rows = static_cast<float>(inputs[0].rows);
    const int kernel_rows = pooling ? 0 : pg.kernel.dim(2),
              kernel_cols = pooling ? 0 : pg.kernel.dim(3);
    // A column is at least 4.4 cells wide: titles keep the explanation's text size
    // however small the cells get, and "Kernel f=0 c=0" needs about that much.
    const float kernel_gap = 1.4f;  // input to kernel, beside: room for the "∗"
    const float input_cols = static_cast<float>(inputs[0].cols);
    const float column =
        beside ? input_cols + (pooling ? 0.0f : kernel_gap + std::max(kernel_cols, 3))
               : std::max(static_cast<float>(std::max(inputs[0].cols, kernel_cols)), 4.4f);
    const float gap = beside ? 1.6f : 1.1f;
    const float kernel_top = beside ? std::max(0.0f, (input_rows - kernel_rows) * 0.5f)
                                    : input_rows + 0.45f + kLabelHeight;
    // The last kernel carries the legend when the kernel has negative values.
    const bool kernel_legend = !pooling && range_of(pg.kernel).first < 0;
    const float sum_y =
        std::max(beside ? input_rows : 0.0f,
                 kernel_top + kernel_rows + (kernel_legend ? kLegendHeight : 0.0f)) +
        0.7f;
    const float bottom = pooling ? input_rows : sum_y + 0.4f;
    for (int c = 0; c < channels; ++c) {
        const float left = c * (column + gap);
        GridView& input = inputs[static_cast<size_t>(c)];
        const float input_left = beside ? left : left + (column - input.cols) * 0.5f;
        board.add_grid(std::move(input), input_left, 0, input_target(pg, n, c));
        if (pooling) continue;
        const float centre = left + column * 0.5f;
        if (c < group.first || c >= group.first + group.count) {
            board.add_text({{trf("not read by f={f}", {{"f", std::to_string(f)}}), kMutedInk}},
                           centre, kernel_top + kernel_rows * 0.5f, column, TextStyle::Small);
            continue;
        }
        const int k = c - group.first;  // the kernel's channel index within the group
        const float kernel_left =
            beside ? left + input_cols + kernel_gap : centre - kernel_cols * 0.5f;
        const float sign_x = beside ? kernel_left - kernel_gap * 0.5f : kernel_left - 0.5f;
        board.add_text({{conv_sign(context.metrics), kMutedInk}}, sign_x,
                       kernel_top + kernel_rows * 0.5f, 0.9f, TextStyle::Operator);
        GridView kernel = kernel_slice(
            pg, f, k, step,
            trf("Kernel f={f} c={c}", {{"f", std::to_string(f)}, {"c", std::to_string(c)}}));
        share_range(kernel, pg.kernel);
        board.add_grid(std::move(kernel), kernel_left, kernel_top, kernel_target(pg, f, k),
                       k == group.count - 1);
        const float sum = step.channel_sums[static_cast<size_t>(k)];
        board.add_text({{"\u03a3c" + std::to_string(c) + " = ", kMutedInk},
                        {value_text(sum, context.metrics), kInk}},
                       centre, sum_y, column + gap * 0.8f);
        if (k > 0) {
            board.add_text({{"+", kMutedInk}}, left - gap * 0.5f, sum_y, gap, TextStyle::Operator);
        }
    }

    // The outputs: N rows of FN maps; the step's map is outlined where it is written.
    // A batch heads each row with its own input, small (C slices), so the N rows read
    // as N items; the one being computed is outlined and drawn large on the left.
    const float map_rows = static_cast<float>(out_shape[2]),
                map_cols = static_cast<float>(out_shape[3]);
    const bool batch = items > 1;
    const float thumb_scale = 0.3f, thumb_gap = 0.25f;
    const float thumb_cols = pg.input.dim(3) * thumb_scale,
                thumb_rows = pg.input.dim(2) * thumb_scale;
    const float thumbs_width = channels * (thumb_cols + thumb_gap) - thumb_gap;
    const float maps_width = maps * (map_cols + 1.0f) - 1.0f;
    const float block_width = batch ? std::max(maps_width, thumbs_width) : maps_width;
    const float block_left = channels * (column + gap) - gap + 2.0f;
    const float maps_offset = batch ? thumb_rows + 0.35f + kLabelHeight : 0.0f;
    const float row_pitch = maps_offset + map_rows + kLabelHeight + 0.5f;
    const float block_height = items * row_pitch - 0.5f;
    const float block_top =
        std::max(kLabelHeight + 0.8f, (bottom - block_height) * 0.5f + kLabelHeight);
    board.add_text({{"\u2192", kMutedInk}}, block_left - 1.0f, bottom * 0.5f, 1.4f,
                   TextStyle::Operator);
    board.add_text(
        {{trf("Output {size}", {{"size", shape_text(out_shape)}}), role_ink(GridRole::Output)}},
        block_left + block_width * 0.5f, block_top - kLabelHeight - 0.55f,
        std::max(block_width, 6.0f), TextStyle::Small);
    const float maps_left = block_left + (block_width - maps_width) * 0.5f;
    const float thumbs_left = block_left + (block_width - thumbs_width) * 0.5f;
    for (int i = 0; i < items; ++i) {
        const float row_top = block_top + i * row_pitch;
        for (int c = 0; batch && c < channels; ++c) {
            GridView thumb =
                tensor_grid(GridRole::Input,
                            c == channels / 2 ? trf("item n={n}", {{"n", std::to_string(i)}}) : "",
                            pg.input, i, c);
            share_range(thumb, pg.input);
            if (i == n) thumb.outlines.push_back({0, 0, thumb.rows, thumb.cols});
            board.add_thumbnail(std::move(thumb), thumbs_left + c * (thumb_cols + thumb_gap),
                                row_top, thumb_scale);
        }
        for (int m = 0; m < maps; ++m) {
            // In a batch the row's item is named once, over its thumbnails.
            const std::string title = (pooling ? "c=" : "f=") + std::to_string(m);
            GridView map = output_map(pg, i, m, context.step_index, step, title);
            share_range(map, pg.output);
            board.add_grid(std::move(map), maps_left + m * (map_cols + 1.0f), row_top + maps_offset,
                           {}, i == items - 1 && m == maps - 1);
        }
    }
}

// The cell size `board` would get in `area` (draw_board's fit, before rounding).
float fitted_cell(const Board& board, ImVec2 area) {
    const float width = std::max(board.right() - board.left(), 1.0f);
    const float height = std::max(board.bottom() - board.top(), 1.0f);
    return std::min(area.x / width, area.y / height);
}

}  // namespace

LessonBoard steps_board(const ViewContext& context) {
    LessonBoard result;
    const Playground& pg = context.playground;
    const std::vector<int> out_shape = pg.trace.output_shape();
    const bool single = pg.input.dim(0) == 1 && pg.input.dim(1) == 1 && out_shape[1] == 1;
    if (single) {
        add_single_slice_steps(context, result.board);
    } else {
        // Kernels beneath their inputs or beside them: whichever gives larger cells in
        // this room (beside wins on wide screens and in presentation mode).
        Board beside;
        add_multi_slice_steps(context, result.board, false);
        add_multi_slice_steps(context, beside, true);
        if (fitted_cell(beside, context.area) > fitted_cell(result.board, context.area))
            result.board = std::move(beside);
    }
    result.lines.push_back(step_equation_line(context));
    result.lines.push_back({{output_formula(pg), kMutedInk}});
    return result;
}

}  // namespace convscope

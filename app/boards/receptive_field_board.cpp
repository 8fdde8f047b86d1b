// ReceptiveField (seed 2.7.1): the lesson's convolution applied twice. Click a unit of
// the second layer: the cells it depends on light up in layer 1 and in the input.
#include "app/boards/board_text.hpp"
#include "app/boards/lesson_boards.hpp"
#include "app/boards/step_grids.hpp"

namespace convscope {

namespace {

// One outline around the field (padding included where it reaches into the ring).
void outline_region(GridView& grid, const FieldRegion& region, int row_offset, int col_offset) {
    const bool padded = row_offset > 0 || col_offset > 0;
    const CellRange& rows = padded ? region.rows : region.clipped_rows;
    const CellRange& cols = padded ? region.cols : region.clipped_cols;
    grid.outlines.push_back(
        {rows.first + row_offset, cols.first + col_offset, rows.size(), cols.size()});
}

}  // namespace

LessonBoard receptive_field_board(const ViewContext& context) {
    LessonBoard result;
    const auto* figure = std::get_if<ReceptiveFieldFigure>(&context.figure);
    if (figure == nullptr) return steps_board(context);
    if (!figure->fits()) {
        result = steps_board(context);
        // Core says why in numbers; the sentence is the window's, in its language.
        const ConvGeometry& g = figure->first;
        const std::string why =
            figure->kernel_too_large()
                ? trf("A second layer does not fit: layer 1 with its padding is {padded}, too "
                      "small for the kernel ({kernel}); pad more or use a smaller kernel.",
                      {{"padded", size_text(figure->padded_h, figure->padded_w)},
                       {"kernel", size_text(g.h.effective_kernel(), g.w.effective_kernel())}})
                : trf("A second layer does not fit: {reason}", {{"reason", figure->error}});
        result.lines.insert(result.lines.begin(), {{why, kErrorInk}});
        return result;
    }
    const Playground& pg = context.playground;
    const ConvGeometry& first = figure->first;
    const ConvGeometry& second = figure->second;
    const Tensor& layer1 = figure->layer1;
    const Tensor& layer2 = figure->layer2;
    const TraceStep& step = context.step;
    const UnitRef& unit = context.state.field_unit;
    const bool clicked =
        unit.y >= 0 && unit.y < second.h.output && unit.x >= 0 && unit.x < second.w.output;
    // Unless a unit was clicked, the animation walks over layer 2's units.
    const GridCell walked = figure->walked_unit(context.step_index);
    const int uy = clicked ? unit.y : walked.y;
    const int ux = clicked ? unit.x : walked.x;
    const std::vector<FieldRegion> regions = unit_field(*figure, uy, ux);

    GridView input = input_slice(
        pg, 0, 0, step, trf("Input {size}", {{"size", size_text(first.h.input, first.w.input)}}));
    input.marked.clear();
    input.outlines.clear();
    const PaddingRing ring = input_padding_ring(pg);
    outline_region(input, regions[0], ring.h.before, ring.w.before);
    GridView middle = tensor_grid(
        GridRole::Output,
        trf("Layer 1 {size}", {{"size", size_text(layer1.dim(2), layer1.dim(3))}}), layer1, 0, 0);
    outline_region(middle, regions[1], 0, 0);
    GridView top = tensor_grid(
        GridRole::Output,
        trf("Layer 2 {size}", {{"size", size_text(layer2.dim(2), layer2.dim(3))}}), layer2, 0, 0);
    top.outlines.push_back({uy, ux, 1, 1});

    Board& board = result.board;
    const float rows[] = {static_cast<float>(input.rows), static_cast<float>(middle.rows),
                          static_cast<float>(top.rows)};
    const float tallest = rows[0];
    const float gap = 3.0f;
    float x = 0;
    const float input_cols = static_cast<float>(input.cols),
                middle_cols = static_cast<float>(middle.cols);
    board.add_grid(std::move(input), x, 0, input_target(pg, 0, 0));
    x += input_cols + gap;
    const char* conv = tr("conv \u2192");
    board.add_text({{conv, kMutedInk}}, x - gap * 0.5f, tallest * 0.5f, gap);
    board.add_grid(std::move(middle), x, (tallest - rows[1]) * 0.5f);
    x += middle_cols + gap;
    board.add_text({{conv, kMutedInk}}, x - gap * 0.5f, tallest * 0.5f, gap);
    ClickTarget unit_target;
    unit_target.kind = ClickTarget::Kind::FieldUnit;
    const float top_cols = static_cast<float>(top.cols);
    board.add_grid(std::move(top), x, (tallest - rows[2]) * 0.5f, unit_target);
    // Beneath rather than in the title: there it ran past the window's right edge.
    board.add_text({{tr("click a unit"), kMutedInk}}, x + top_cols * 0.5f,
                   (tallest + rows[2]) * 0.5f + 0.7f, top_cols + 2.0f, TextStyle::Small);

    const FieldRegion& field = regions[0];
    const FieldRegion& below = regions[1];
    result.lines.push_back(
        {{trf("Unit ({y}, {x}) of layer 2 reads {below} cells of layer 1 and {field} of the "
              "input: its receptive field is {field}.",
              {{"y", std::to_string(uy)},
               {"x", std::to_string(ux)},
               {"below", size_text(below.rows.size(), below.cols.size())},
               {"field", size_text(field.rows.size(), field.cols.size())}}),
          kInk}});
    result.lines.push_back(
        {{clicked ? tr("Click another unit of layer 2, or the same one to let go.")
                  : tr("Play walks over the units of layer 2; click one to keep it."),
          kMutedInk}});
    return result;
}

}  // namespace convscope

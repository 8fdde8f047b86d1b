// The backward lessons' dL/dY edited in the window: a value typed into a dL/dY cell
// (Enter, or Tab, which moves on and wraps) reaches core's backward figure, whose
// gradients then equal core's backward trace of that dL/dY and, for dL/dX and dL/dW,
// the change of sum(dL/dY * Y) when x or w moves by one (the conv is linear in each).
// "New dL/dY" keeps the shape and small integers; Reset restores the lesson's.
#include <doctest/doctest.h>

#include <cmath>

#include "app/model/cell_typing.hpp"
#include "core/lessons/pytorch_code.hpp"
#include "core/ops/reference_ops.hpp"
#include "tests/app_model_fixture.hpp"

using namespace convscope;
using convscope::testing::AppModel;

namespace {

Actions keys(std::string typed, bool set = false, bool next = false) {
    Actions actions;
    actions.typing.type = std::move(typed);
    actions.typing.set = set;
    actions.typing.next = next;
    return actions;
}

CellRef grad_cell(int n, int f, int y, int x) {
    CellRef cell;
    cell.tensor = CellRef::Tensor::GradOutput;
    cell.i0 = n;
    cell.i1 = f;
    cell.y = y;
    cell.x = x;
    return cell;
}

void select(AppModel& model, const CellRef& cell) {
    Actions actions;
    actions.select_cell = cell;
    model.apply(actions);
}

const BackwardFigure& figure_of(const AppModel& model) {
    const auto* figure = std::get_if<BackwardFigure>(&model.scene.figure);
    REQUIRE(figure != nullptr);
    return *figure;
}

// sum(dL/dY * conv(x, w)), the loss whose gradients the figure shows.
float loss(const Tensor& input, const Tensor& kernel, const std::vector<float>& bias,
           const Tensor& grad_output, const Options2d& options) {
    const Tensor y = conv2d(input, kernel, bias, options);
    float sum = 0;
    for (std::size_t k = 0; k < y.size(); ++k) sum += y.values()[k] * grad_output.values()[k];
    return sum;
}

}  // namespace

TEST_CASE("a value typed into a dL/dY cell gives core's backward of that dL/dY") {
    AppModel model("backward");
    const Tensor before = figure_of(model).trace.grad_output();
    const float old_value = before.at(0, 0, 1, 1);
    const float typed = old_value == 7.0f ? -5.0f : 7.0f;
    select(model, grad_cell(0, 0, 1, 1));
    model.apply(keys(typed == 7.0f ? "7" : "-5"));
    CHECK(figure_of(model).trace.grad_output().values() == before.values());  // not yet
    model.apply(keys("", true));
    CHECK(model.state.cell_typing.empty());

    Tensor expected = before;
    expected.at(0, 0, 1, 1) = typed;
    const Playground& pg = model.scene.playground;
    const BackwardFigure& figure = figure_of(model);
    CHECK(figure.trace.grad_output().values() == expected.values());
    const BackwardTrace core =
        BackwardTrace::conv(pg.input, pg.kernel, !pg.bias.empty(), expected, pg.setup.options);
    CHECK(figure.grad_input.values() == core.grad_input().values());
    CHECK(figure.grad_weight.values() == core.grad_weight().values());
    CHECK(figure.grad_bias == core.grad_bias());
    // Independently of the trace: nudging x or w by one moves the loss by the gradient.
    const float base = loss(pg.input, pg.kernel, pg.bias, expected, pg.setup.options);
    for (std::size_t i = 0; i < pg.input.size(); ++i) {
        Tensor nudged = pg.input;
        nudged.data()[i] += 1.0f;
        CHECK(loss(nudged, pg.kernel, pg.bias, expected, pg.setup.options) - base ==
              figure.grad_input.values()[i]);
    }
    for (std::size_t i = 0; i < pg.kernel.size(); ++i) {
        Tensor nudged = pg.kernel;
        nudged.data()[i] += 1.0f;
        CHECK(loss(pg.input, nudged, pg.bias, expected, pg.setup.options) - base ==
              figure.grad_weight.values()[i]);
    }
    // The PyTorch code prints the edited dL/dY.
    CHECK(pytorch_request(pg, model.scene.figure).grad_output.values() == expected.values());
}

TEST_CASE("Tab sets a dL/dY cell and moves on, wrapping to the first cell") {
    AppModel model("backward");
    const Tensor& shown = figure_of(model).trace.grad_output();
    const int rows = shown.dim(2), cols = shown.dim(3);
    select(model, grad_cell(0, 0, 0, cols - 1));
    model.apply(keys("3", false, true));
    CHECK(figure_of(model).trace.grad_output().at(0, 0, 0, cols - 1) == 3.0f);
    CHECK(model.state.selected_cell == grad_cell(0, 0, 1, 0));
    select(model, grad_cell(0, 0, rows - 1, cols - 1));
    model.apply(keys("-2", false, true));
    CHECK(figure_of(model).trace.grad_output().at(0, 0, rows - 1, cols - 1) == -2.0f);
    CHECK(model.state.selected_cell == grad_cell(0, 0, 0, 0));
    const float kept = figure_of(model).trace.grad_output().at(0, 0, 0, 0);
    model.apply(keys("", false, true));  // Tab with nothing typed only moves
    CHECK(model.state.selected_cell == grad_cell(0, 0, 0, 1));
    CHECK(figure_of(model).trace.grad_output().at(0, 0, 0, 0) == kept);
}

TEST_CASE("backward-pool: a typed dL/dY reaches core's pooling backward") {
    AppModel model("backward-pool");
    Tensor expected = figure_of(model).trace.grad_output();
    const float typed = expected.at(0, 0, 0, 0) == 9.0f ? 8.0f : 9.0f;
    expected.at(0, 0, 0, 0) = typed;
    select(model, grad_cell(0, 0, 0, 0));
    model.apply(keys(typed == 9.0f ? "9" : "8", true));
    const Playground& pg = model.scene.playground;
    const BackwardTrace core = BackwardTrace::pool(pg.trace.op(), pg.input, pg.setup.kernel_h,
                                                   pg.setup.kernel_w, expected, pg.setup.options);
    CHECK(figure_of(model).grad_input.values() == core.grad_input().values());
}

TEST_CASE("New dL/dY draws small integers of the same shape, and Reset restores the lesson's") {
    AppModel model("backward");
    const Tensor lesson_grad = figure_of(model).trace.grad_output();
    Actions fresh;
    fresh.new_grad_output = true;
    model.apply(fresh);
    const Tensor drawn = figure_of(model).trace.grad_output();
    CHECK(drawn.shape() == lesson_grad.shape());
    CHECK(drawn.values() != lesson_grad.values());
    for (float v : drawn.values()) {
        CHECK(v == std::round(v));
        CHECK(std::abs(v) <= 2.0f);
    }
    const Playground& pg = model.scene.playground;
    const BackwardTrace core =
        BackwardTrace::conv(pg.input, pg.kernel, !pg.bias.empty(), drawn, pg.setup.options);
    CHECK(figure_of(model).grad_weight.values() == core.grad_weight().values());
    Actions reset;
    reset.reset_lesson = true;
    model.apply(reset);
    CHECK(figure_of(model).trace.grad_output().values() == lesson_grad.values());
}

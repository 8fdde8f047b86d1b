// Typing into the selected cell: digits collect, Enter writes the value through the
// reducer (core rebuilds the trace), Tab writes and moves to the next cell, wrapping;
// nothing is written for text that is not a number, nor without a selected cell.
#include <doctest/doctest.h>

#include "app/model/cell_typing.hpp"
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

CellRef kernel_cell(int y, int x) {
    CellRef cell;
    cell.tensor = CellRef::Tensor::Kernel;
    cell.y = y;
    cell.x = x;
    return cell;
}

}  // namespace

TEST_CASE("digits typed into a kernel cell: Enter sets it and the output follows") {
    AppModel model;  // conv-basic: kernel [[0,1,2],[2,2,0],[0,1,2]], first output 12
    Actions select;
    select.select_cell = kernel_cell(0, 0);
    model.apply(select);
    model.apply(keys("1"));
    model.apply(keys("0"));
    CHECK(model.state.cell_typing == "10");
    CHECK(cell_value(model.scene.playground, kernel_cell(0, 0)) == 0.0f);  // not yet
    model.apply(keys("", true));
    CHECK(cell_value(model.scene.playground, kernel_cell(0, 0)) == 10.0f);
    CHECK(model.state.cell_typing.empty());
    // The first window's input under kernel cell (0, 0) is 3: 12 + 10*3.
    CHECK(model.scene.playground.output.at(0, 0, 0, 0) == 42.0f);
}

TEST_CASE("Tab sets the value and moves on, row by row, wrapping") {
    AppModel model;
    Actions select;
    select.select_cell = kernel_cell(0, 2);
    model.apply(select);
    model.apply(keys("-4", false, true));
    CHECK(cell_value(model.scene.playground, kernel_cell(0, 2)) == -4.0f);
    CHECK(model.state.selected_cell == kernel_cell(1, 0));
    CHECK(next_cell(model.scene.playground, kernel_cell(2, 2)) == kernel_cell(0, 0));
    model.apply(keys("", false, true));  // Tab with nothing typed only moves
    CHECK(model.state.selected_cell == kernel_cell(1, 1));
    CHECK(cell_value(model.scene.playground, kernel_cell(1, 0)) == 2.0f);
}

TEST_CASE("text that is not a number, or no selected cell, writes nothing") {
    AppModel model;
    const std::vector<float> before = model.scene.playground.kernel.values();
    model.apply(keys("5", true));  // nothing selected
    CHECK(model.scene.playground.kernel.values() == before);
    CHECK(model.state.cell_typing.empty());
    Actions select;
    select.select_cell = kernel_cell(1, 1);
    model.apply(select);
    model.apply(keys("-", true));
    CHECK(model.scene.playground.kernel.values() == before);
    model.apply(keys("7"));
    model.apply(select);  // clicking the cell again lets it go, and the typed text
    CHECK(model.state.cell_typing.empty());
}

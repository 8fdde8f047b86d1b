// The read-only picture of one grid that panels draw: every number in it comes from
// core (the playground's tensors, its trace, the chapter's helpers). Panels only draw it.
#pragma once

#include <string>
#include <vector>

namespace convscope {

// Which hue a grid's values take (DESIGN "Screens": input, kernel and output each their own).
enum class GridRole { Input, Kernel, Output };

// How a grid's values map to colour.
enum class GridShading {
    Role,  // sequential on the role's hue; a grid with negative values turns diverging
    Heat,  // sequential heatmap (visit counts), independent of the role
    Flat,  // one mid shade for every value (a dense weight matrix: "a weight here")
};

// What one cell is.
enum class CellState {
    Value,    // a number, coloured by its value
    Padding,  // outside the real input: grey, hatched
    Pending,  // an output the animation has not written yet: blank, no number
    Empty,    // no connection (a zero of a sparse matrix): blank, no number
};

// A rectangle of cells, in the grid's own row and column indices.
struct CellSpan {
    int row = 0, col = 0, rows = 0, cols = 0;
    bool empty() const { return rows <= 0 || cols <= 0; }
};

struct GridView {
    GridRole role = GridRole::Input;
    GridShading shading = GridShading::Role;
    std::string title;  // "Input 5×5", drawn above the grid
    int rows = 0;       // as drawn: a padded input includes its ring
    int cols = 0;
    std::vector<float> values;       // row-major, rows * cols
    std::vector<CellState> states;   // row-major
    std::vector<CellSpan> outlines;  // the window, the written cell; one per cell when scattered
    std::vector<bool> marked;        // lit cells (winner, field, shared weight); empty for none
    bool show_numbers = true;
    // Slices of one tensor share its colour range, so equal values look equal.
    bool fixed_range = false;
    float range_low = 0, range_high = 0;

    float value(int row, int col) const { return values[index(row, col)]; }
    CellState state(int row, int col) const { return states[index(row, col)]; }
    bool is_marked(int row, int col) const { return !marked.empty() && marked[index(row, col)]; }
    size_t index(int row, int col) const { return static_cast<size_t>(row * cols + col); }

    // A grid of plain values, every cell CellState::Value.
    static GridView of(GridRole role, std::string title, int rows, int cols,
                       std::vector<float> values) {
        GridView grid;
        grid.role = role;
        grid.title = std::move(title);
        grid.rows = rows;
        grid.cols = cols;
        grid.values = std::move(values);
        grid.states.assign(grid.values.size(), CellState::Value);
        return grid;
    }
    void set_range(float low, float high) {
        fixed_range = true;
        range_low = low;
        range_high = high;
    }
    void mark(int row, int col) {
        if (marked.empty()) marked.assign(values.size(), false);
        marked[index(row, col)] = true;
    }
};

}  // namespace convscope

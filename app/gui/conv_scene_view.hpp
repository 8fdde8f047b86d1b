// The read-only view a convolution scene hands to the panels: every number in it
// comes from core (conv2d, the geometry, output_taps). Panels only draw it.
#pragma once

#include <string>
#include <vector>

namespace convscope {

enum class GridRole { Input, Kernel, Output };

// A rectangle of cells, in the grid's own row and column indices.
struct CellSpan {
    int row = 0, col = 0, rows = 0, cols = 0;
    bool empty() const { return rows <= 0 || cols <= 0; }
};

struct GridView {
    GridRole role = GridRole::Input;
    std::string title;  // "Input 5×5"
    int rows = 0;       // as drawn: a padded input includes its ring
    int cols = 0;
    std::vector<float> values;  // row-major, rows * cols; padded cells hold 0
    std::vector<bool> padded;   // row-major: outside the real input
    CellSpan highlight;         // the outlined window or cell; empty for none

    float value(int row, int col) const { return values[static_cast<size_t>(row * cols + col)]; }
    bool is_padded(int row, int col) const { return padded[static_cast<size_t>(row * cols + col)]; }
};

// One product of the highlighted output cell's sum, kernel value first ("0×3").
struct ProductTerm {
    float kernel = 0;
    float input = 0;
    bool padded = false;  // the input cell is padding
};

struct ConvSceneView {
    std::string name;         // "conv-basic"
    std::string lesson;       // "2.2"
    std::string title;        // "Convolution"
    std::string explanation;  // one or two sentences under the title
    std::string formula;      // core's output-size formula with today's values
    GridView input;
    GridView kernel;
    GridView output;
    std::vector<ProductTerm> terms;  // of the highlighted output cell
    float result = 0;                // that output cell, from conv2d
};

}  // namespace convscope

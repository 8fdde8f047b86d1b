// Receptive fields and FLOPs of an imported model's layers, in one pass in layer order.
#include <algorithm>
#include <cmath>

#include "core/onnx/onnx_context.hpp"

namespace convscope {
namespace onnx_import {

namespace {

// What a layer's output cells see: field and jump per axis, and the grid of cells the
// field slides over (kept through Flatten, so a Dense layer sees the whole grid).
struct Field {
    double field_h = 1, field_w = 1, jump_h = 1, jump_w = 1;
    int grid_h = 1, grid_w = 1;
};

Field widest(const std::vector<Field>& fields, const OnnxLayer& layer) {
    Field out = fields.at(static_cast<std::size_t>(layer.inputs.at(0) + 1));
    for (int source : layer.inputs) {
        const Field& f = fields.at(static_cast<std::size_t>(source + 1));
        out.field_h = std::max(out.field_h, f.field_h);
        out.field_w = std::max(out.field_w, f.field_w);
        out.jump_h = std::max(out.jump_h, f.jump_h);
        out.jump_w = std::max(out.jump_w, f.jump_w);
    }
    return out;
}

}  // namespace

void measure_layers(OnnxModel& model) {
    std::vector<Field> fields(model.layers.size() + 1);  // [0]: the model's input
    fields[0].grid_h = model.input.height;
    fields[0].grid_w = model.input.width;
    for (std::size_t i = 0; i < model.layers.size(); ++i) {
        OnnxLayer& layer = model.layers[i];
        Field f = widest(fields, layer);
        const double out_cells = layer.output.size();
        const double kernel = double(layer.kernel_h) * layer.kernel_w;
        const double in_channels = layer.input.channels;
        const int kh = (layer.kernel_h - 1) * layer.options.h.dilation + 1;
        const int kw = (layer.kernel_w - 1) * layer.options.w.dilation + 1;
        switch (layer.kind) {
            case OnnxOp::Conv:
            case OnnxOp::MaxPool:
            case OnnxOp::AveragePool:
            case OnnxOp::GlobalAveragePool:
                f.field_h += (kh - 1) * f.jump_h;
                f.field_w += (kw - 1) * f.jump_w;
                f.jump_h *= layer.options.h.stride;
                f.jump_w *= layer.options.w.stride;
                layer.flops = layer.kind == OnnxOp::Conv
                                  ? 2.0 * out_cells * (in_channels / layer.groups) * kernel
                                  : out_cells * kernel;
                break;
            case OnnxOp::ConvTranspose: {
                // An output cell gathers ceil(k_eff / s) input cells per axis.
                const int sh = layer.options.h.stride, sw = layer.options.w.stride;
                f.field_h += ((kh + sh - 1) / sh - 1) * f.jump_h;
                f.field_w += ((kw + sw - 1) / sw - 1) * f.jump_w;
                f.jump_h /= sh;
                f.jump_w /= sw;
                layer.flops =
                    2.0 * layer.input.size() * (layer.output.channels / layer.groups) * kernel;
                break;
            }
            case OnnxOp::Dense:
                f.field_h += (f.grid_h - 1) * f.jump_h;
                f.field_w += (f.grid_w - 1) * f.jump_w;
                layer.flops = 2.0 * layer.input.size() * layer.output.channels;
                break;
            case OnnxOp::Flatten:
            case OnnxOp::Reshape:
            case OnnxOp::Concat:
            case OnnxOp::Pad:
                layer.flops = 0;
                break;
            case OnnxOp::BatchNorm:
                layer.flops = layer.folded ? 0 : 2 * out_cells;
                break;
            default:  // activations, Add, Softmax: one operation per value
                layer.flops = out_cells;
                break;
        }
        if (layer.kind != OnnxOp::Flatten && layer.kind != OnnxOp::Reshape) {
            f.grid_h = layer.output.height;
            f.grid_w = layer.output.width;
        }
        fields[i + 1] = f;
        layer.field_h = static_cast<int>(std::lround(f.field_h));
        layer.field_w = static_cast<int>(std::lround(f.field_w));
        layer.jump_h = f.jump_h;
        layer.jump_w = f.jump_w;
    }
}

}  // namespace onnx_import
}  // namespace convscope

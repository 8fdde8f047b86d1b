// Reads an ONNX file (what torch.onnx.export writes, opsets 7 and later) into an
// OnnxModel: the graph checked op by op, shapes inferred, BatchNormalization folded into
// the conv before it. Refuses, with one line naming the problem and the fix (InputError):
// a file that cannot be read or parsed, an op or attribute it does not run (naming the
// op, the node and the supported ops), an image input whose C, H or W is dynamic, more
// than 100 M parameters. Never crashes on a broken file.
#pragma once

#include <string>

#include "core/onnx/onnx_model.hpp"

namespace convscope {

OnnxModel load_onnx(const std::string& path);

}  // namespace convscope

// GLSL sources from shaders/, compiled into the binary at build time.
#pragma once

namespace convscope {

// The source of shaders/<name> ("grid.vert"), or nullptr if there is no such file.
const char* embedded_shader(const char* name);

}  // namespace convscope

// The scenes the window can show (`--scene NAME`, `--list-scenes`) and how each
// builds its view from core.
#pragma once

#include <string>
#include <vector>

#include "app/gui/conv_scene_view.hpp"

namespace convscope {

struct SceneInfo {
    const char* name;    // "conv-basic"
    const char* lesson;  // "2.2"
    const char* title;   // "Convolution"
};

// Every scene, in lesson order; the first is the one the window opens on.
const std::vector<SceneInfo>& scene_list();
const SceneInfo* find_scene(const std::string& name);
std::string scene_names(const char* separator);  // "conv-basic, conv-padding"

// Runs core on the scene's values. Throws InputError for an unknown name.
ConvSceneView build_scene(const std::string& name);

}  // namespace convscope

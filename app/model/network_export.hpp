// Network mode's "Save as .npy": the conv filters and the probe image's feature maps of
// the shown snapshot, written as NumPy files (core/formats/npy_file.hpp) for np.load.
//
// Which layer: the layer stack's selection (NetworkViewState::open_layer) when there is
// one. Its maps are saved, and the filters of the conv layer that made them (the last
// conv at or before it); with nothing selected, the first conv layer's maps and filters.
#pragma once

#include <string>

#include "app/model/live_state.hpp"
#include "core/nn/training_session.hpp"

namespace convscope {

// The filters saved for `open_layer`; null when the network has no conv layer.
const ConvFilters* filters_to_save(const TrainingSnapshot& snapshot, int open_layer);
// The index in snapshot.probe.layers whose maps are saved; -1 when there is none.
int maps_layer_to_save(const TrainingSnapshot& snapshot, int open_layer);

// Write the filters (FN, C, KH, KW) or the maps (C, H, W) to `path` (which must end in
// .npy) and return the line the panel shows, in the window's language: "saved conv1
// filters (30, 1, 5, 5) to /abs/path.npy". InputError when there is nothing to save or
// the file cannot be written.
std::string save_filters_npy(const TrainingSnapshot& snapshot, int open_layer,
                             const std::string& path);
std::string save_maps_npy(const TrainingSnapshot& snapshot, int open_layer,
                          const std::string& path);

// The save requests of one frame's `actions` on `snapshot` (null: none shown yet), with
// the paths in `view`; sets view.npy_status to where the files went or why not.
void apply_npy_saves(const LiveActions& actions, const TrainingSnapshot* snapshot,
                     NetworkViewState& view);

}  // namespace convscope

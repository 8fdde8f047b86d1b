// A picture's feature maps written as PNG files in bounded memory: every conv layer of the
// network's convolutional part (before the first flatten or affine layer) is computed a
// band of output rows at a time (ConvBands) and each map is coloured and encoded row by
// row (PngRowWriter) on the thread pool, one map per task. A pass first finds each map's
// largest magnitude (the diverging map's scale), then a second recomputes the bands and
// writes them: the conv costs far less than the PNG encoding, and nothing the size of the
// image's maps is ever held.
//
// Files (in a StagedFolder, so the set appears whole or not at all):
//   <layer>_<map>.png  each map, blue negative, white zero, red positive (render_map's colours)
//   <layer>_sheet.png  all of the layer's maps in a grid; tiles larger than sheet_tile_side
//                      are shrunk by a whole factor (box mean), smaller than small_tile_side
//                      enlarged (nearest), as before for digits
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/formats/staged_folder.hpp"
#include "core/nn/network_spec.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

class ThreadPool;

// What stream_conv_maps hands out.
struct MapRowSink {
    // Row `row` of map `map`, coloured (OW * 3 bytes). Called on the pool's threads, one
    // map per task, so the calls for one map never overlap; a throw is rethrown by
    // stream_conv_maps on its own thread.
    std::function<void(int map, int row, const std::uint8_t* rgb)> row;
    // After each band of either pass, on the calling thread: `done` of `total` steps.
    // Returning false stops the stream (a closed window, another picture).
    std::function<bool(int done, int total)> progress;
};

// One conv layer's maps on `input` (C, H, W), a band of rows at a time within
// `band_budget` bytes (ConvBands), each map's rows coloured on the diverging map scaled by
// its largest magnitude over the whole map (a first pass finds it). parameters: the
// layer's weights then biases. False when progress() stopped it.
bool stream_conv_maps(const LayerSpec& conv, Shape input_shape, const float* input,
                      const float* parameters, std::size_t band_budget, ThreadPool& pool,
                      const MapRowSink& sink);

// The conv layer's output shape on an input of this shape (InputError if it does not fit).
Shape conv_output_shape(const LayerSpec& conv, Shape input);

struct FeatureFileOptions {
    int threads = 2;                      // maps encoded at once
    std::size_t band_budget = 48u << 20;  // bytes for one band's conv (ConvBands)
    int sheet_tile_side = 256;
    int small_tile_side = 96;
};

struct WrittenLayer {
    int layer = 0;
    std::string name;  // "conv1"
    Shape shape;       // its output (F, OH, OW)
};

// "conv1_07.png"
std::string map_file_name(const std::string& layer, int map);

// Writes every conv layer's maps of `image` (C, H, W) into `folder` (not committed).
// parameters: the whole network's buffer. InputError when the image does not fit the
// network (a kernel larger than the image, a wrong channel count) or a file cannot be
// written. A later conv layer reads the whole output of the layers before it, computed
// at once: only the first conv layer's input is the image itself.
std::vector<WrittenLayer> write_feature_map_files(const NetworkSpec& spec, const float* parameters,
                                                  const Tensor& image, StagedFolder& folder,
                                                  const FeatureFileOptions& options = {});

// An upper bound of the bytes write_feature_map_files holds for the FIRST conv layer of an
// image of this shape besides the image itself: the band, the rows being coloured, the
// sheet's tiles and the encoders. It grows with the image width (one band's rows), never
// with its height. InputError like write_feature_map_files.
std::size_t feature_files_working_bytes(const NetworkSpec& spec, Shape image,
                                        const FeatureFileOptions& options = {});

}  // namespace convscope

#include "core/formats/feature_map_files.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>

#include "core/formats/image_file.hpp"
#include "core/formats/map_tile.hpp"
#include "core/formats/png_rows.hpp"
#include "core/nn/conv_bands.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/thread_pool.hpp"

namespace convscope {

namespace {

// spng's and zlib's state of one open writer (deflate at level 1 takes about 256 KB),
// rounded up generously, plus its row buffers (a few rows of the map).
std::size_t encoder_bytes(int width) {
    return (1u << 20) + 4 * static_cast<std::size_t>(width) * 3;
}

int sheet_factor(Shape maps, const FeatureFileOptions& options) {
    return MapTile::factor_to_fit(maps.height, maps.width, options.sheet_tile_side);
}

// Writes one conv layer's maps and sheet; returns its output shape.
Shape write_conv_layer(const LayerSpec& conv, const std::string& name, Shape input_shape,
                       const float* input, const float* parameters, StagedFolder& folder,
                       const FeatureFileOptions& options, ThreadPool& pool) {
    const Shape out = conv_output_shape(conv, input_shape);
    const int factor = sheet_factor(out, options);
    std::vector<std::unique_ptr<PngRowWriter>> writers;
    std::vector<MapTile> tiles;
    for (int f = 0; f < out.channels; ++f) {
        writers.push_back(std::make_unique<PngRowWriter>(folder.path(map_file_name(name, f)),
                                                         out.width, out.height));
        tiles.emplace_back(out.height, out.width, factor);
    }
    MapRowSink sink;
    sink.row = [&](int map, int row, const std::uint8_t* rgb) {
        writers[static_cast<std::size_t>(map)]->write_row(rgb);
        tiles[static_cast<std::size_t>(map)].add_row(row, rgb);
    };
    stream_conv_maps(conv, input_shape, input, parameters, options.band_budget, pool, sink);
    for (auto& writer : writers) writer->finish();

    std::vector<RgbImage> sheet_tiles;
    const int enlarge =
        factor > 1 ? 1 : std::max(1, options.small_tile_side / std::max(out.height, out.width));
    for (const MapTile& tile : tiles) sheet_tiles.push_back(scaled_nearest(tile.image(), enlarge));
    write_png_rows(folder.path(name + "_sheet.png"), contact_sheet(sheet_tiles));
    return out;
}

// Where each layer's parameters start in the network's buffer.
std::vector<std::size_t> parameter_offsets(const NetworkSpec& spec) {
    std::vector<std::size_t> offsets;
    std::size_t offset = 0;
    for (const LayerSummary& row : layer_summaries(spec)) {
        offsets.push_back(offset);
        offset += row.parameters;
    }
    return offsets;
}

bool is_classifier(LayerKind kind) {
    return kind == LayerKind::Flatten || kind == LayerKind::Affine;
}

void check_channels(const NetworkSpec& spec, Shape image) {
    if (image.channels != spec.input.channels) {
        throw InputError("the network reads " + std::to_string(spec.input.channels) +
                         "-channel images, this one has " + std::to_string(image.channels));
    }
}

}  // namespace

Shape conv_output_shape(const LayerSpec& conv, Shape input) {
    return ConvBands(conv, input, 1).output_shape();
}

bool stream_conv_maps(const LayerSpec& conv, Shape input_shape, const float* input,
                      const float* parameters, std::size_t band_budget, ThreadPool& pool,
                      const MapRowSink& sink) {
    ConvBands bands(conv, input_shape, ConvBands::rows_for_budget(conv, input_shape, band_budget));
    const Shape out = bands.output_shape();
    const std::size_t plane = static_cast<std::size_t>(bands.band_rows()) * out.width;
    const int steps = 2 * bands.band_count();
    std::vector<float> band(bands.band_size());
    // Pass 1: each map's largest magnitude, the diverging map's scale.
    std::vector<float> largest(static_cast<std::size_t>(out.channels), 0.0f);
    for (int b = 0; b < bands.band_count(); ++b) {
        bands.compute(parameters, input, b, band.data());
        const std::size_t cells = static_cast<std::size_t>(bands.rows_in_band(b)) * out.width;
        for (int f = 0; f < out.channels; ++f) {
            const float* values = band.data() + f * plane;
            for (std::size_t i = 0; i < cells; ++i)
                largest[f] = std::max(largest[f], std::abs(values[i]));
        }
        if (sink.progress && !sink.progress(b + 1, steps)) return false;
    }
    // Pass 2: the same bands again, coloured row by row, one map per task.
    std::vector<std::vector<std::uint8_t>> rgb(static_cast<std::size_t>(out.channels),
                                               std::vector<std::uint8_t>(out.width * 3u));
    std::vector<std::exception_ptr> failures(static_cast<std::size_t>(out.channels));
    for (int b = 0; b < bands.band_count(); ++b) {
        bands.compute(parameters, input, b, band.data());
        const int first = bands.first_row(b), rows = bands.rows_in_band(b);
        pool.run(out.channels, [&](int f) {
            if (failures[f]) return;
            try {
                for (int r = 0; r < rows; ++r) {
                    colour_diverging(
                        band.data() + f * plane + static_cast<std::size_t>(r) * out.width,
                        static_cast<std::size_t>(out.width), largest[f], rgb[f].data());
                    sink.row(f, first + r, rgb[f].data());
                }
            } catch (...) {  // a task must not throw: rethrown below on this thread
                failures[f] = std::current_exception();
            }
        });
        for (const std::exception_ptr& failure : failures)
            if (failure) std::rethrow_exception(failure);
        if (sink.progress && !sink.progress(bands.band_count() + b + 1, steps)) return false;
    }
    return true;
}

std::string map_file_name(const std::string& layer, int map) {
    char number[16];
    std::snprintf(number, sizeof number, "%02d", map);
    return layer + "_" + number + ".png";
}

std::vector<WrittenLayer> write_feature_map_files(const NetworkSpec& spec, const float* parameters,
                                                  const Tensor& image, StagedFolder& folder,
                                                  const FeatureFileOptions& options) {
    CS_CHECK(image.rank() == 3);
    const Shape image_shape{image.dim(0), image.dim(1), image.dim(2)};
    check_channels(spec, image_shape);
    const std::vector<std::size_t> offsets = parameter_offsets(spec);
    ThreadPool pool(options.threads);
    std::vector<WrittenLayer> written;
    for (int i = 0; i < static_cast<int>(spec.layers.size()); ++i) {
        const LayerSpec& layer = spec.layers[static_cast<std::size_t>(i)];
        if (is_classifier(layer.kind)) break;
        if (layer.kind != LayerKind::Convolution) continue;
        const std::string name = layer_name(spec, i);
        Shape maps;
        if (i == 0) {
            maps = write_conv_layer(layer, name, image_shape, image.data(), parameters, folder,
                                    options, pool);
        } else {
            // The layers before this one, whole (see the header): their last output.
            NetworkSpec before = spec;
            before.layers.resize(static_cast<std::size_t>(i));
            const LayerActivation input = convolutional_features(before, parameters, image).back();
            maps = write_conv_layer(layer, name, input.shape, input.values.data(),
                                    parameters + offsets[static_cast<std::size_t>(i)], folder,
                                    options, pool);
        }
        written.push_back({i, name, maps});
    }
    return written;
}

std::size_t feature_files_working_bytes(const NetworkSpec& spec, Shape image,
                                        const FeatureFileOptions& options) {
    check_channels(spec, image);
    if (spec.layers.empty() || spec.layers[0].kind != LayerKind::Convolution) return 0;
    const LayerSpec& conv = spec.layers[0];
    const ConvBands bands(conv, image,
                          ConvBands::rows_for_budget(conv, image, options.band_budget));
    const Shape out = bands.output_shape();
    const std::size_t per_map = encoder_bytes(out.width) + out.width * 3u +
                                MapTile::bytes(out.height, out.width, sheet_factor(out, options));
    return bands.working_bytes() + out.channels * per_map;
}

}  // namespace convscope

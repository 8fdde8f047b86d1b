#include "core/nn/feature_tiles_job.hpp"

#include <chrono>

#include "core/formats/feature_map_files.hpp"
#include "core/formats/map_tile.hpp"
#include "core/nn/network_probe.hpp"
#include "core/tensor/check.hpp"
#include "core/tensor/thread_pool.hpp"

namespace convscope {

namespace {

// Publishing copies the tiles: a few times a second is enough to watch them fill in.
constexpr std::int64_t kPublishEveryMs = 200;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool is_classifier(LayerKind kind) {
    return kind == LayerKind::Flatten || kind == LayerKind::Affine;
}

}  // namespace

FeatureTilesJob::FeatureTilesJob(Request request) : request_(std::move(request)) {
    thread_ = std::thread([this] { run(); });
}

FeatureTilesJob::~FeatureTilesJob() {
    stop_ = true;
    thread_.join();
}

std::optional<FeatureTilesSnapshot> FeatureTilesJob::newer_than(std::uint64_t seen) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (published_.version <= seen) return std::nullopt;
    return published_;
}

void FeatureTilesJob::publish(bool force) {
    const std::int64_t now = now_ms();
    if (!force && now - last_publish_ms_ < kPublishEveryMs) return;
    last_publish_ms_ = now;
    ++working_.version;
    std::lock_guard<std::mutex> lock(mutex_);
    published_ = working_;
}

void FeatureTilesJob::run() {
    Tensor grey;
    try {
        const Tensor loaded = request_.load();
        working_.original_height = loaded.dim(1);
        working_.original_width = loaded.dim(2);
        working_.picture = downscale_to_fit(loaded, request_.picture_side);
        grey = to_grey(downscale_to_fit(loaded, request_.network_side));
        working_.loaded = true;
    } catch (const InputError& problem) {
        working_.failed = true;
        working_.error = problem.message();
        working_.done = true;
        publish(true);
        return;
    }
    publish(true);
    if (!request_.parameters.empty()) {
        try {
            compute_layers(grey);
        } catch (const InputError& problem) {
            working_.network_error = problem.message();
            working_.layers.clear();
        }
    }
    working_.done = !stop_;
    publish(true);
}

void FeatureTilesJob::compute_layers(const Tensor& grey) {
    const NetworkSpec& spec = request_.spec;
    const Shape image{grey.dim(0), grey.dim(1), grey.dim(2)};
    if (image.channels != spec.input.channels) {
        throw InputError("the network reads " + std::to_string(spec.input.channels) +
                         "-channel images, this one has " + std::to_string(image.channels));
    }
    std::vector<int> convs;  // the conv layers of the convolutional part
    for (int i = 0; i < static_cast<int>(spec.layers.size()); ++i) {
        if (is_classifier(spec.layers[static_cast<std::size_t>(i)].kind)) break;
        if (spec.layers[static_cast<std::size_t>(i)].kind == LayerKind::Convolution)
            convs.push_back(i);
    }
    std::vector<std::size_t> offsets;
    std::size_t offset = 0;
    for (const LayerSummary& row : layer_summaries(spec)) {
        offsets.push_back(offset);
        offset += row.parameters;
    }
    ThreadPool pool(request_.threads);
    const float* parameters = request_.parameters.data();
    for (std::size_t k = 0; k < convs.size() && !stop_; ++k) {
        const int i = convs[k];
        const LayerSpec& conv = spec.layers[static_cast<std::size_t>(i)];
        // Only the first conv layer reads the photo itself; a later one the whole output
        // of the layers before it (see feature_map_files.hpp).
        LayerActivation before;
        if (i == 0) {
            before.shape = image;
        } else {
            NetworkSpec prefix = spec;
            prefix.layers.resize(static_cast<std::size_t>(i));
            before = convolutional_features(prefix, parameters, grey).back();
        }
        const float* input = i == 0 ? grey.data() : before.values.data();
        const Shape maps = conv_output_shape(conv, before.shape);
        const int factor = MapTile::factor_to_fit(maps.height, maps.width, request_.tile_side);
        std::vector<MapTile> tiles(static_cast<std::size_t>(maps.channels),
                                   MapTile(maps.height, maps.width, factor));
        working_.layers.push_back({i, layer_name(spec, i), maps, {}});
        MapRowSink sink;
        sink.row = [&](int map, int row, const std::uint8_t* rgb) {
            tiles[static_cast<std::size_t>(map)].add_row(row, rgb);
        };
        sink.progress = [&](int done, int total) {
            working_.progress = (k + float(done) / total) / convs.size();
            if (done > total / 2 || done == total) {  // the second pass: tiles to show
                FeatureTileLayer& shown = working_.layers.back();
                const std::int64_t now = now_ms();
                if (done == total || now - last_publish_ms_ >= kPublishEveryMs) {
                    shown.tiles.clear();
                    for (const MapTile& tile : tiles) shown.tiles.push_back(tile.image());
                }
            }
            publish(done == total);
            return !stop_.load();
        };
        stream_conv_maps(conv, before.shape, input,
                         parameters + offsets[static_cast<std::size_t>(i)], request_.band_budget,
                         pool, sink);
    }
}

}  // namespace convscope

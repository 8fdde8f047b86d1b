// A big photo's feature maps for the window, computed on a thread of their own so no
// frame waits for them: the picture is decoded there, then every conv layer of the
// network's convolutional part runs on the grey photo at its own size (up to
// network_side) a band of rows at a time (stream_conv_maps), and each map becomes a tile
// of at most tile_side pixels (MapTile, the mean colour of each block). The state is
// published under a short lock a few times a second: the tiles fill in from the top as
// bands are done, with the progress. The window's thread copies the state (newer_than)
// and only uploads the tiles it gets.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/formats/image_file.hpp"
#include "core/nn/network_spec.hpp"
#include "core/tensor/message.hpp"
#include "core/tensor/tensor.hpp"

namespace convscope {

struct FeatureTileLayer {
    int layer = 0;     // index in the spec
    std::string name;  // "conv1"
    Shape shape;       // the maps at full size (F, OH, OW)
    std::vector<RgbImage> tiles;
};

struct FeatureTilesSnapshot {
    std::uint64_t version = 0;  // grows with every publish
    bool loaded = false;        // picture and the original size are set
    Tensor picture;             // (C, H, W) as decoded, at most picture_side per side
    int original_width = 0, original_height = 0;
    bool failed = false;  // the picture could not be read: error names it
    Message error;
    Message network_error;  // the network cannot read the picture (too small, ...)
    std::vector<FeatureTileLayer> layers;
    float progress = 0;  // 0 .. 1 over every band of every conv layer
    bool done = false;
};

class FeatureTilesJob {
  public:
    struct Request {
        // Runs on the worker: the picture (C, H, W) in [0, 1]; InputError for a bad file.
        std::function<Tensor()> load;
        NetworkSpec spec;
        std::vector<float> parameters;  // the whole network's; empty: no maps
        int picture_side = 512;         // the copy the window shows and filters
        int network_side = 4096;        // the grey photo the maps are computed on
        int tile_side = 256;
        int threads = 1;  // the other core draws the window
        std::size_t band_budget = 48u << 20;
    };

    explicit FeatureTilesJob(Request request);  // starts the thread
    // Stops at the next band and joins.
    ~FeatureTilesJob();
    FeatureTilesJob(const FeatureTilesJob&) = delete;
    FeatureTilesJob& operator=(const FeatureTilesJob&) = delete;

    // A copy of the published state when its version is newer than `seen`.
    std::optional<FeatureTilesSnapshot> newer_than(std::uint64_t seen) const;

  private:
    void run();
    void compute_layers(const Tensor& grey);
    void publish(bool force);

    Request request_;
    FeatureTilesSnapshot working_;  // the worker's own state
    mutable std::mutex mutex_;
    FeatureTilesSnapshot published_;  // guarded by mutex_
    std::atomic<bool> stop_{false};
    std::int64_t last_publish_ms_ = 0;
    std::thread thread_;
};

}  // namespace convscope

// One-batch mode's textures: the batch's first images, and the first convolution's
// filters each beside its gradient (tiles interleaved: weights of slice 0, its dL/dW,
// weights of slice 1, ...). Rebuilt only when the batch changes.
#pragma once

#include <memory>

#include "app/widgets/tile_sheet.hpp"
#include "core/nn/batch_gradients.hpp"

namespace convscope {

constexpr int kShownBatchImages = 24;

class BatchPictures {
  public:
    void update(const std::shared_ptr<const BatchInspection>& batch);
    const BatchInspection* batch() const { return built_.get(); }
    const TileSheet& images() const { return images_; }
    const TileSheet& filters() const { return filters_; }

  private:
    std::shared_ptr<const BatchInspection> built_;
    TileSheet images_;
    TileSheet filters_;
};

}  // namespace convscope

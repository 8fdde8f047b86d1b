#include "app/model/tile_pictures.hpp"

#include <atomic>

namespace convscope {

namespace {

std::uint64_t next_version() {
    static std::atomic<std::uint64_t> last{0};
    return ++last;
}

}  // namespace

void TilePictures::set(std::vector<RgbImage> tiles) {
    tiles_ = std::move(tiles);
    version_ = next_version();
}

}  // namespace convscope

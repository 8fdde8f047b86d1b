// A small deterministic random generator (SplitMix64) with uniform, normal and
// shuffle helpers written out here, so a seed gives the same numbers with every
// compiler and standard library (std::normal_distribution does not promise that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace convscope {

class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next_u64();
    double uniform();                          // [0, 1)
    std::uint32_t below(std::uint32_t bound);  // [0, bound), bound > 0
    double normal();                           // mean 0, standard deviation 1 (Box-Muller)

    // Fisher-Yates shuffle of indices.
    void shuffle(std::vector<int>& values);

    // The whole generator, for training checkpoints: set_state(state()) goes on with the
    // same numbers.
    std::uint64_t state() const { return state_; }
    void set_state(std::uint64_t state) { state_ = state; }

  private:
    std::uint64_t state_;
};

}  // namespace convscope

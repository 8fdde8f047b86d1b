// MNIST in the IDX format (LeCun's four files), raw or gzip-compressed.
//
// An IDX file is a big-endian header (magic 0x00000803 for images with count, rows,
// cols; 0x00000801 for labels with count) followed by unsigned bytes. Every problem
// is an InputError naming the file and what is wrong: a missing folder or file, a
// wrong magic number, a truncated file, counts that disagree, images not 28x28,
// labels that are not digits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace convscope {

struct Dataset {
    int count = 0;
    int rows = 0;
    int cols = 0;
    std::vector<std::uint8_t> pixels;  // (count, rows, cols), 0 = background, 255 = ink
    std::vector<std::uint8_t> labels;  // (count), 0..9

    int image_size() const { return rows * cols; }
    // Image `index` as floats in [0, 1] (the network's input scale).
    void image_as_floats(int index, float* out) const;
};

struct MnistData {
    std::string folder;
    Dataset train;
    Dataset test;
};

// The file names looked for in a folder; each may also end in ".gz".
extern const char* const kMnistTrainImages;  // "train-images-idx3-ubyte"
extern const char* const kMnistTrainLabels;  // "train-labels-idx1-ubyte"
extern const char* const kMnistTestImages;   // "t10k-images-idx3-ubyte"
extern const char* const kMnistTestLabels;   // "t10k-labels-idx1-ubyte"

// Images (count, rows, cols) of an IDX3 file; each must be required_rows x required_cols.
Dataset read_idx_images(const std::string& path, int required_rows = 28, int required_cols = 28);
// Labels of an IDX1 file, each 0..9.
std::vector<std::uint8_t> read_idx_labels(const std::string& path);
// An images file and its labels file, checked to hold the same count.
Dataset read_idx_pair(const std::string& images_path, const std::string& labels_path);
// The four files of `folder`, raw or .gz.
MnistData load_mnist(const std::string& folder);

}  // namespace convscope

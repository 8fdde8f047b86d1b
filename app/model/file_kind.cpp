#include "app/model/file_kind.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "app/model/translate.hpp"
#include "core/formats/mnist_idx.hpp"

namespace convscope {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// IDX: two zero bytes, the type 0x08 (unsigned bytes), then 1 to 3 dimensions.
bool idx_signature(const std::string& head) {
    return head.size() >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] >= 1 &&
           head[3] <= 3;
}

// gzip's magic: the IDX files are often kept compressed.
bool gzip_signature(const std::string& head) {
    return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
           static_cast<unsigned char>(head[1]) == 0x8b;
}

bool image_signature(const std::string& head) {
    static const std::array<std::string, 5> signatures = {std::string("\x89PNG\r\n\x1a\n", 8),
                                                          std::string("\xff\xd8\xff", 3), "GIF87a",
                                                          "GIF89a", "BM"};
    return std::any_of(signatures.begin(), signatures.end(),
                       [&](const std::string& s) { return starts_with(head, s); });
}

// A JSON object whose first field names the lesson format (as encode_lesson_state writes it).
bool lesson_signature(const std::string& head) {
    const std::size_t brace = head.find_first_not_of(" \t\r\n");
    return brace != std::string::npos && head[brace] == '{' &&
           head.find("\"convscope-lesson\"") != std::string::npos;
}

}  // namespace

const char* file_kind_id(FileKind kind) {
    switch (kind) {
        case FileKind::Image:
            return "image";
        case FileKind::IdxData:
            return "idx";
        case FileKind::Weights:
            return "weights";
        case FileKind::Onnx:
            return "onnx";
        case FileKind::Lesson:
            return "lesson";
        case FileKind::Npy:
            return "npy";
        case FileKind::Export:
            return "export";
        case FileKind::Unknown:
            break;
    }
    return "unknown";
}

const char* file_kind_name(FileKind kind) {
    switch (kind) {
        case FileKind::Image:
            return N_("Pictures");
        case FileKind::IdxData:
            return N_("MNIST IDX data");
        case FileKind::Weights:
            return N_("Network weights");
        case FileKind::Onnx:
            return N_("ONNX models");
        case FileKind::Lesson:
            return N_("Lesson files");
        case FileKind::Npy:
            return N_("NumPy arrays");
        case FileKind::Export:
            return N_("GIF, PNG or SVG");
        case FileKind::Unknown:
            break;
    }
    return N_("All files");
}

const std::vector<std::string>& file_kind_extensions(FileKind kind) {
    static const std::vector<std::string> image = {".png", ".jpg", ".jpeg", ".bmp",
                                                   ".gif", ".tga", ".pgm",  ".ppm"};
    static const std::vector<std::string> idx = {"-ubyte", "-ubyte.gz", ".idx"};
    static const std::vector<std::string> weights = {".weights", ".bin", ".safetensors"};
    static const std::vector<std::string> onnx = {".onnx"};
    static const std::vector<std::string> lesson = {".json"};
    static const std::vector<std::string> npy = {".npy"};
    static const std::vector<std::string> exported = {".gif", ".png", ".svg"};
    static const std::vector<std::string> none;
    switch (kind) {
        case FileKind::Image:
            return image;
        case FileKind::IdxData:
            return idx;
        case FileKind::Weights:
            return weights;
        case FileKind::Onnx:
            return onnx;
        case FileKind::Lesson:
            return lesson;
        case FileKind::Npy:
            return npy;
        case FileKind::Export:
            return exported;
        case FileKind::Unknown:
            break;
    }
    return none;
}

bool has_kind_extension(FileKind kind, const std::string& name) {
    const std::string lowered = lower(name);
    const std::vector<std::string>& extensions = file_kind_extensions(kind);
    return std::any_of(extensions.begin(), extensions.end(),
                       [&](const std::string& e) { return ends_with(lowered, e); });
}

FileKind sniff_file_kind(const std::string& name, const std::string& head) {
    if (starts_with(head, "CSWEIGHT")) return FileKind::Weights;
    if (starts_with(head, "\x93NUMPY")) return FileKind::Npy;
    if (image_signature(head)) return FileKind::Image;
    if (idx_signature(head)) return FileKind::IdxData;
    if (gzip_signature(head) && has_kind_extension(FileKind::IdxData, name))
        return FileKind::IdxData;
    if (lesson_signature(head)) return FileKind::Lesson;
    // ONNX is a protobuf: no magic bytes, so its extension decides (with some content).
    if (!head.empty() && has_kind_extension(FileKind::Onnx, name)) return FileKind::Onnx;
    return FileKind::Unknown;
}

bool is_idx_folder(const std::string& folder) {
    std::error_code error;
    for (const char* name :
         {kMnistTrainImages, kMnistTrainLabels, kMnistTestImages, kMnistTestLabels}) {
        const std::filesystem::path path = std::filesystem::path(folder) / name;
        if (!std::filesystem::is_regular_file(path, error) &&
            !std::filesystem::is_regular_file(path.string() + ".gz", error))
            return false;
    }
    return true;
}

FileKind detect_file_kind(const std::string& path) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        return is_idx_folder(path) ? FileKind::IdxData : FileKind::Unknown;
    std::ifstream in(path, std::ios::binary);
    if (!in) return FileKind::Unknown;
    std::string head(kSniffBytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return sniff_file_kind(std::filesystem::path(path).filename().string(), head);
}

}  // namespace convscope

#include "app/shell/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace convscope {

namespace {

bool readable(const std::string& path) {
    return std::ifstream(path).good();
}

// The first readable file named `file` in the usual font folders.
std::string find_font(const char* file) {
    std::vector<std::string> folders;
    if (const char* dir = std::getenv("CONVSCOPE_FONT_DIR")) folders.push_back(dir);
    folders.push_back("/usr/share/fonts/truetype/dejavu");
    folders.push_back("/usr/share/fonts/truetype/wqy");
    folders.push_back("/usr/share/fonts/TTF");
    folders.push_back("/usr/share/fonts/dejavu");
    folders.push_back("/usr/local/share/fonts");
    folders.push_back("/Library/Fonts");
    if (const char* home = std::getenv("HOME")) {
        folders.push_back(std::string(home) + "/.local/share/fonts");
        folders.push_back(std::string(home) + "/Library/Fonts");
    }
    for (const std::string& folder : folders) {
        const std::string path = folder + "/" + file;
        if (readable(path)) return path;
    }
    return {};
}

// Numbers need digits, signs, the decimal point and the operators between grids
// (= ∗ × → Σ) only: a small atlas even at 4K.
const ImWchar kNumberRanges[] = {0x0020, 0x003F, 0x0065, 0x0065, 0x00D7, 0x00D7, 0x03A3, 0x03A3,
                                 0x2192, 0x2192, 0x2212, 0x2212, 0x2217, 0x2217, 0};

}  // namespace

float quantize_font_size(float size) {
    return std::max(8.0f, std::round(size / 2.0f) * 2.0f);
}

Fonts::Fonts()
    : regular_path_(find_font("DejaVuSans.ttf")),
      bold_path_(find_font("DejaVuSans-Bold.ttf")),
      cjk_path_(find_font("wqy-microhei.ttc")) {
    if (bold_path_.empty()) bold_path_ = regular_path_;
    // Latin-1 plus the maths signs the lessons print: × ∗ − → ⌊ ⌋ · ≤ ≥ … Σ ▶ ◀ ❚.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
    builder.AddText(
        u8"\u00d7\u2217\u2212\u2192\u230a\u230b\u00b7\u2264\u2265\u2026\u03a3\u25b6\u25c0"
        u8"\u275a");
    builder.BuildRanges(&text_ranges_);
}

namespace {

// The glyph ranges of the characters beyond Latin in `text`: CJK, full-width forms and
// general punctuation (“”). Glyphs DejaVu already has stay DejaVu's (a merged font
// never replaces one). Returns how many characters.
int extra_ranges_of(const std::string& text, ImVector<ImWchar>& ranges) {
    ImFontGlyphRangesBuilder builder;
    for (std::size_t i = 0; i < text.size();) {
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, text.c_str() + i, text.c_str() + text.size());
        if (length <= 0) break;
        i += static_cast<std::size_t>(length);
        if (c >= 0x2000 && c <= 0xFFFF) builder.AddChar(static_cast<ImWchar>(c));
    }
    builder.BuildRanges(&ranges);
    int count = 0;
    for (int i = 0; i + 1 < ranges.Size; i += 2) count += ranges[i + 1] - ranges[i] + 1;
    return count;
}

}  // namespace

void Fonts::set_extra_text(const std::string& text, const std::string& title_text) {
    // Only the characters the texts use: a whole CJK range would bake ~20,000 glyphs per
    // size and make the first frame slow. The title font draws lesson titles only.
    extra_glyphs_ = extra_ranges_of(text, extra_ranges_);
    extra_ranges_of(title_text, title_ranges_);
    ui_ = nullptr;  // rebuild at the next build()
}

const std::vector<char>& Fonts::file_data(const std::string& path) {
    // Read once: ImGui would read the file again for every font size (the CJK file is
    // 5 MB), which shows in the first frame.
    std::vector<char>& data = file_data_[path];
    if (data.empty()) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        const std::streamsize size = in ? static_cast<std::streamsize>(in.tellg()) : 0;
        if (size > 0) {
            data.resize(static_cast<std::size_t>(size));
            in.seekg(0);
            if (!in.read(data.data(), size)) data.clear();
        }
    }
    return data;
}

void Fonts::build(const FontSizes& sizes, float pixel_ratio, bool renderer_ready) {
    if (sizes == sizes_ && pixel_ratio == pixel_ratio_ && ui_ != nullptr) return;
    sizes_ = sizes;
    pixel_ratio_ = pixel_ratio;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    // Bake at framebuffer pixels; FontGlobalScale brings sizes back to logical pixels.
    auto add = [&](const std::string& path, float size, const ImWchar* ranges) -> ImFont* {
        ImFontConfig config;
        config.SizePixels = size * pixel_ratio;
        config.OversampleH = 2;
        config.OversampleV = 1;
        config.PixelSnapH = false;
        config.FontDataOwnedByAtlas = false;  // file_data keeps the bytes
        if (!path.empty()) {
            const std::vector<char>& data = file_data(path);
            if (!data.empty()) {
                return io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()),
                                                      static_cast<int>(data.size()),
                                                      config.SizePixels, &config, ranges);
            }
        }
        config.FontDataOwnedByAtlas = true;
        return io.Fonts->AddFontDefault(&config);
    };
    // The CJK characters in use merged into each text font, at the same size.
    auto add_text_font = [&](const std::string& path, float size,
                             const ImVector<ImWchar>& extra) -> ImFont* {
        ImFont* font = add(path, size, text_ranges_.Data);
        if (!has_cjk() || extra.Size <= 1) return font;
        const std::vector<char>& cjk = file_data(cjk_path_);
        if (!cjk.empty()) {
            ImFontConfig config;
            config.MergeMode = true;
            config.FontDataOwnedByAtlas = false;
            config.SizePixels = size * pixel_ratio;
            config.OversampleH = 1;  // CJK strokes are dense enough; halves the atlas
            config.OversampleV = 1;
            io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(cjk.data()),
                                           static_cast<int>(cjk.size()), config.SizePixels, &config,
                                           extra.Data);
        }
        return font;
    };
    ui_ = add_text_font(regular_path_, sizes.ui, extra_ranges_);
    title_ = add_text_font(bold_path_, sizes.title, title_ranges_);
    body_ = add_text_font(regular_path_, sizes.body, extra_ranges_);
    heading_ = add_text_font(regular_path_, sizes.heading, extra_ranges_);
    number_ = add(bold_path_, sizes.number, bold_path_.empty() ? nullptr : kNumberRanges);
    io.FontDefault = ui_;
    io.FontGlobalScale = 1.0f / pixel_ratio;

    if (renderer_ready) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

}  // namespace convscope

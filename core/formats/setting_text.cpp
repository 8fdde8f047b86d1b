#include "core/formats/setting_text.hpp"

#include <cerrno>
#include <cstdlib>

#include "core/tensor/check.hpp"

namespace convscope {

int parse_int(const std::string& text, const std::string& what, int min, int max) {
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE) {
        throw InputError(
            Message("{what}: '{text}' is not a whole number", {{"what", what}, {"text", text}}));
    }
    if (value < min || value > max) {
        throw InputError(Message("{what}={text} is out of range: it must be from {min} to {max}",
                                 {{"what", what}, {"text", text}, {"min", min}, {"max", max}}));
    }
    return static_cast<int>(value);
}

std::pair<std::string, std::string> split_axes(const std::string& text) {
    const std::size_t x = text.find('x');
    if (x == std::string::npos) return {text, text};
    return {text.substr(0, x), text.substr(x + 1)};
}

std::pair<int, int> parse_int_pair(const std::string& text, const std::string& what, int min,
                                   int max) {
    auto [h, w] = split_axes(text);
    return {parse_int(h, what, min, max), parse_int(w, what, min, max)};
}

std::pair<Padding, Padding> parse_padding_pair(const std::string& text) {
    auto [h, w] = split_axes(text);
    return {Padding::parse(h), Padding::parse(w)};
}

}  // namespace convscope

#include "app/cli/argument_parser.hpp"

#include <cerrno>
#include <cstdlib>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

const OptionSpec* find_spec(const std::vector<OptionSpec>& specs, const std::string& token) {
    for (const OptionSpec& spec : specs) {
        if (token == "--" + spec.long_name) return &spec;
        if (!spec.short_name.empty() && token == "-" + spec.short_name) return &spec;
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> ParsedArguments::value(const std::string& long_name) const {
    auto found = values_.find(long_name);
    if (found == values_.end()) return std::nullopt;
    return found->second;
}

std::string ParsedArguments::required(const std::string& long_name) const {
    auto found = values_.find(long_name);
    if (found == values_.end()) throw InputError("--" + long_name + " is required");
    return found->second;
}

ParsedArguments parse_arguments(const std::vector<std::string>& args,
                                const std::vector<OptionSpec>& specs) {
    ParsedArguments parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string token = args[i];
        std::optional<std::string> inline_value;
        const std::size_t equals = token.find('=');
        if (token.rfind("--", 0) == 0 && equals != std::string::npos) {
            inline_value = token.substr(equals + 1);
            token = token.substr(0, equals);
        }
        const OptionSpec* spec = find_spec(specs, token);
        if (!spec) throw InputError("unknown option '" + args[i] + "'");
        if (!spec->takes_value) {
            if (inline_value) throw InputError(token + " takes no value");
            parsed.values_[spec->long_name] = "";
            continue;
        }
        if (inline_value) {
            parsed.values_[spec->long_name] = *inline_value;
        } else if (i + 1 < args.size()) {
            parsed.values_[spec->long_name] = args[++i];
        } else {
            throw InputError(token + " needs a value");
        }
    }
    return parsed;
}

int parse_int(const std::string& text, const std::string& what, int min, int max) {
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE) {
        throw InputError(what + ": '" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
        throw InputError(what + "=" + text + " is out of range: it must be from " +
                         std::to_string(min) + " to " + std::to_string(max));
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

}  // namespace convscope

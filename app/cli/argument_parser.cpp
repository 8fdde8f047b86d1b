#include "app/cli/argument_parser.hpp"

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
                                const std::vector<OptionSpec>& specs, bool allow_positional) {
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
        if (!spec && allow_positional && (token.empty() || token[0] != '-')) {
            parsed.positionals_.push_back(args[i]);
            continue;
        }
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

}  // namespace convscope

// A small command-line parser for the subcommands: `--name value`, `--name=value`,
// `-n value` and flags. Unknown options and missing values throw InputError. The values
// themselves are read by core/formats/setting_text.hpp, which the window shares.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/formats/setting_text.hpp"  // parse_int, split_axes: the CLI's too

namespace convscope {

struct OptionSpec {
    std::string long_name;   // "input"
    std::string short_name;  // "i", or empty
    bool takes_value = true;
};

class ParsedArguments {
  public:
    bool has(const std::string& long_name) const { return values_.count(long_name) != 0; }
    std::optional<std::string> value(const std::string& long_name) const;
    // The value of a required option; throws InputError naming it when absent.
    std::string required(const std::string& long_name) const;

    // Arguments that are not options, in order (only when the parse allows them).
    const std::vector<std::string>& positionals() const { return positionals_; }

  private:
    friend ParsedArguments parse_arguments(const std::vector<std::string>&,
                                           const std::vector<OptionSpec>&, bool);
    std::map<std::string, std::string> values_;  // flags map to ""
    std::vector<std::string> positionals_;
};

// `allow_positional`: a token that is not an option (no leading '-') is kept in
// positionals() instead of refused as an unknown option.
ParsedArguments parse_arguments(const std::vector<std::string>& args,
                                const std::vector<OptionSpec>& specs,
                                bool allow_positional = false);

}  // namespace convscope

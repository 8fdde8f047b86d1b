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

  private:
    friend ParsedArguments parse_arguments(const std::vector<std::string>&,
                                           const std::vector<OptionSpec>&);
    std::map<std::string, std::string> values_;  // flags map to ""
};

ParsedArguments parse_arguments(const std::vector<std::string>& args,
                                const std::vector<OptionSpec>& specs);

}  // namespace convscope

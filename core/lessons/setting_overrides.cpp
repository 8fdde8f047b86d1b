// Sections: the keys, splitting the text, applying each key.
#include "core/lessons/setting_overrides.hpp"

#include <climits>
#include <map>

#include "core/formats/nested_array.hpp"
#include "core/formats/setting_text.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// ---- the keys ----------------------------------------------------------------------

struct KeySpec {
    const char* key;
    Message takes;  // what a bad value's message says the key takes; empty: it says already
};

const std::vector<KeySpec>& key_specs() {
    static const std::vector<KeySpec> specs = [] {
        const Message::Values size = {{"max", kPlaygroundMaxSize}};
        const Message::Values count = {{"max", kPlaygroundMaxChannels}};
        const auto sizes = Message("N or HxW from 1 to {max}", size);
        const auto counts = Message("a count from 1 to {max}", count);
        return std::vector<KeySpec>{
            {"op", Message()},  // parse_op_setting's message lists the names
            {"input", sizes},
            {"kernel", sizes},
            {"padding", Message("N or HxW from 0 to {max}, or valid, same, full", size)},
            {"stride", sizes},
            {"dilation", sizes},
            {"output_padding", Message("N or HxW from 0 to {max}", size)},
            {"channels", counts},
            {"filters", counts},
            {"batch", counts},
            {"groups", counts},
            {"bias",
             Message("on, off, one number for every filter, or [V1,V2,...] (one per filter)")},
            {"seed",
             Message("a whole number from 0 (the values drawn from it replace explicit ones)")},
            {"input_values", Message("a JSON array of N*C*H*W finite numbers, like [[1,2],[3,4]]")},
            {"kernel_values",
             Message("a JSON array of FN*C*KH*KW finite numbers, like [[1,0],[0,1]]")},
        };
    }();
    return specs;
}

std::string keys_text() {
    std::string text;
    for (const std::string& key : setting_keys()) text += (text.empty() ? "" : ", ") + key;
    return text;
}

const KeySpec* find_key(const std::string& key) {
    for (const KeySpec& spec : key_specs())
        if (key == spec.key) return &spec;
    return nullptr;
}

// ---- splitting the text ------------------------------------------------------------

std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// "a=1,b=[1,2]" -> "a=1", "b=[1,2]": commas inside brackets belong to a value.
std::vector<std::string> split_entries(const std::string& text) {
    std::vector<std::string> entries;
    std::string current;
    int depth = 0;
    for (const char c : text) {
        if (c == '[') ++depth;
        if (c == ']' && --depth < 0) break;
        if (c == ',' && depth == 0) {
            entries.push_back(trimmed(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (depth != 0) {
        throw InputError(
            Message("settings '{text}' have unbalanced brackets [ ]", {{"text", text}}));
    }
    entries.push_back(trimmed(current));
    return entries;
}

// key -> value, each key once, every key known.
std::map<std::string, std::string> parse_entries(const std::string& text) {
    std::map<std::string, std::string> values;
    for (const std::string& entry : split_entries(text)) {
        const std::size_t equals = entry.find('=');
        if (entry.empty() || equals == std::string::npos || equals == 0) {
            throw InputError(Message(
                "setting '{entry}' is not KEY=VALUE (like input=7x7,stride=2); the keys are {keys}",
                {{"entry", entry}, {"keys", keys_text()}}));
        }
        const std::string key = trimmed(entry.substr(0, equals));
        const std::string value = trimmed(entry.substr(equals + 1));
        if (find_key(key) == nullptr) {
            throw InputError(Message("unknown setting '{key}'; the keys are {keys}",
                                     {{"key", key}, {"keys", keys_text()}}));
        }
        if (values.count(key) != 0) {
            throw InputError(Message("setting '{key}' is given twice", {{"key", key}}));
        }
        values[key] = value;
    }
    return values;
}

// ---- applying each key -------------------------------------------------------------

using AxisField = int AxisOptions::*;

void set_axes(Options2d& options, AxisField field, std::pair<int, int> values) {
    options.h.*field = values.first;
    options.w.*field = values.second;
}

// `tensor` names what takes the values, as a translatable word.
std::vector<float> values_of(const std::string& text, const std::string& key, std::size_t count,
                             const Message& tensor) {
    const Tensor parsed = parse_nested_array(text, key);
    if (parsed.size() != count) {
        throw InputError(Message(
            "{key} has {count} numbers but the {tensor} takes {needed}",
            {{"key", key}, {"count", parsed.size()}, {"tensor", tensor}, {"needed", count}}));
    }
    return parsed.values();  // finite: parse_nested_array refuses what a float cannot hold
}

// The bias: on, off, a number for every filter, or a list; values apply after the shapes.
void apply_bias(PlaygroundSetup& setup, const std::string& text) {
    if (text == "on" || text == "off") {
        setup.has_bias = text == "on";
        return;
    }
    const std::size_t count = value_counts(setup).bias;
    if (!text.empty() && text[0] == '[') {
        setup.bias_values = values_of(text, "bias", count, Message("filter count FN"));
    } else {
        // One number in brackets always counts 1: this message cannot show.
        const float value = values_of("[" + text + "]", "bias", 1, Message::verbatim("bias"))[0];
        setup.bias_values.assign(count, value);
    }
    setup.has_bias = true;
}

void apply_shape_key(PlaygroundSetup& s, const std::string& key, const std::string& value) {
    const int max_size = kPlaygroundMaxSize, max_count = kPlaygroundMaxChannels;
    if (key == "op") {
        const TracedOp op = parse_op_setting(value);
        if (op != s.op) s.kernel_values.clear();  // a kernel's layout depends on the op
        s.op = op;
    } else if (key == "input") {
        std::tie(s.input_h, s.input_w) = parse_int_pair(value, key, 1, max_size);
    } else if (key == "kernel") {
        std::tie(s.kernel_h, s.kernel_w) = parse_int_pair(value, key, 1, max_size);
    } else if (key == "padding") {
        const auto [h, w] = parse_padding_pair(value);
        for (const Padding& padding : {h, w}) {
            if (padding.mode == Padding::Mode::Explicit && padding.amount > max_size) {
                throw InputError(Message("padding={value} is out of range", {{"value", value}}));
            }
        }
        s.options.h.padding = h;
        s.options.w.padding = w;
    } else if (key == "stride") {
        set_axes(s.options, &AxisOptions::stride, parse_int_pair(value, key, 1, max_size));
    } else if (key == "dilation") {
        set_axes(s.options, &AxisOptions::dilation, parse_int_pair(value, key, 1, max_size));
    } else if (key == "output_padding") {
        set_axes(s.options, &AxisOptions::output_padding, parse_int_pair(value, key, 0, max_size));
    } else if (key == "channels") {
        s.channels = parse_int(value, key, 1, max_count);
    } else if (key == "filters") {
        s.filters = parse_int(value, key, 1, max_count);
    } else if (key == "batch") {
        s.batch = parse_int(value, key, 1, max_count);
    } else if (key == "groups") {
        s.groups = parse_int(value, key, 1, max_count);
    } else if (key == "seed") {
        s.seed = static_cast<std::uint32_t>(parse_int(value, key, 0, INT_MAX));
        s.input_values.clear();
        s.kernel_values.clear();
        s.bias_values.clear();
    }
}

void apply_value_key(PlaygroundSetup& s, const std::string& key, const std::string& value) {
    const PlaygroundValueCounts counts = value_counts(s);
    if (key == "bias") {
        apply_bias(s, value);
    } else if (key == "input_values") {
        s.input_values = values_of(value, key, counts.input, Message("input (N*C*H*W)"));
    } else if (key == "kernel_values") {
        s.kernel_values = values_of(value, key, counts.kernel, Message("kernel (FN*C*KH*KW)"));
    }
}

bool is_value_key(const std::string& key) {
    return key == "bias" || key == "input_values" || key == "kernel_values";
}

}  // namespace

const std::vector<std::string>& setting_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> all;
        for (const KeySpec& spec : key_specs()) all.push_back(spec.key);
        return all;
    }();
    return keys;
}

PlaygroundSetup apply_setting_overrides(PlaygroundSetup setup, const std::string& overrides) {
    const std::map<std::string, std::string> entries = parse_entries(overrides);
    // Shapes first, in the keys' own order, so the text's order does not matter.
    for (const bool values : {false, true}) {
        for (const KeySpec& spec : key_specs()) {
            const auto entry = entries.find(spec.key);
            if (entry == entries.end() || is_value_key(spec.key) != values) continue;
            try {
                if (values) {
                    apply_value_key(setup, entry->first, entry->second);
                } else {
                    apply_shape_key(setup, entry->first, entry->second);
                }
            } catch (const InputError& error) {
                if (spec.takes.empty()) throw;
                throw InputError(Message(
                    "{reason}; {key} takes {takes}",
                    {{"reason", error.message()}, {"key", spec.key}, {"takes", spec.takes}}));
            }
        }
        if (!values) setup = without_values_that_no_longer_fit(std::move(setup));
    }
    return setup;
}

const char* op_setting_name(TracedOp op) {
    switch (op) {
        case TracedOp::Conv:
            return "conv";
        case TracedOp::TransposedConv:
            return "transposed";
        case TracedOp::MaxPool:
            return "max-pool";
        case TracedOp::AveragePool:
            return "avg-pool";
    }
    return "conv";
}

TracedOp parse_op_setting(const std::string& text) {
    for (const TracedOp op :
         {TracedOp::Conv, TracedOp::TransposedConv, TracedOp::MaxPool, TracedOp::AveragePool}) {
        if (text == op_setting_name(op)) return op;
    }
    throw InputError(
        Message("op '{text}' is none of conv, transposed, max-pool, avg-pool", {{"text", text}}));
}

}  // namespace convscope

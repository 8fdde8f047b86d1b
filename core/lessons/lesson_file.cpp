// Sections: checking a state, encoding, reading JSON fields, decoding, files.
#include "core/lessons/lesson_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/formats/atomic_file.hpp"
#include "core/formats/nested_array.hpp"
#include "core/lessons/lesson_figures.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

namespace convscope {

namespace {

using json = nlohmann::json;

// ---- checking a state ---------------------------------------------------------------

void require_finite(const std::vector<float>& values, const char* what) {
    for (const float value : values) {
        if (!std::isfinite(value))
            throw InputError(Message("{field} holds a non-finite number", {{"field", what}}));
    }
}

// What the window needs to open `state`; InputError with the problem otherwise.
void check_state(const LessonState& state) {
    const Lesson* lesson = find_lesson(state.lesson_id);
    if (lesson == nullptr) {
        std::string ids;
        for (const Lesson& known : lessons()) ids += (ids.empty() ? "" : ", ") + known.id;
        throw InputError(Message("lesson '{id}' is not one of this convscope's: {ids}",
                                 {{"id", state.lesson_id}, {"ids", ids}}));
    }
    require_finite(state.setup.input_values, "input_values");
    require_finite(state.setup.kernel_values, "kernel_values");
    require_finite(state.setup.bias_values, "bias_values");
    const PlaygroundValueCounts counts = value_counts(state.setup);
    const auto require_count = [](const std::vector<float>& values, std::size_t count,
                                  const char* what) {
        if (!values.empty() && values.size() != count) {
            throw InputError(
                Message("{field} has {count} numbers but the setup's shape takes {needed}",
                        {{"field", what}, {"count", values.size()}, {"needed", count}}));
        }
    };
    require_count(state.setup.input_values, counts.input, "input_values");
    require_count(state.setup.kernel_values, counts.kernel, "kernel_values");
    require_count(state.setup.bias_values, counts.bias, "bias_values");
    const Playground playground = build_playground(state.setup);
    // Some views refuse settings (stride 2); a backward lesson steps through its own trace.
    const int steps = lesson_step_count(build_lesson_figure(lesson->view, playground), playground);
    if (state.step < 0 || state.step >= steps) {
        throw InputError(
            Message("step {step} is out of range: the setup has {steps} steps (0 to {last})",
                    {{"step", state.step}, {"steps", steps}, {"last", steps - 1}}));
    }
}

// ---- encoding -----------------------------------------------------------------------

std::string pair_text(int h, int w) {
    return "[" + std::to_string(h) + ", " + std::to_string(w) + "]";
}

std::string padding_text(const Padding& padding) {
    const std::string text = padding.text();
    return padding.mode == Padding::Mode::Explicit ? text : "\"" + text + "\"";
}

std::string numbers_text(const float* values, std::size_t count) {
    std::string text = "[";
    for (std::size_t i = 0; i < count; ++i) text += (i ? ", " : "") + number_text(values[i]);
    return text + "]";
}

// One row of `width` numbers per line, so the file shows the grids.
std::string rows_text(const std::vector<float>& values, int width) {
    std::string text = "[\n";
    const std::size_t row = static_cast<std::size_t>(width);
    for (std::size_t start = 0; start < values.size(); start += row) {
        text += "      " + numbers_text(values.data() + start, row);
        text += start + row < values.size() ? ",\n" : "\n";
    }
    return text + "    ]";
}

// ---- reading JSON fields ----------------------------------------------------------------

const json& field(const json& object, const std::string& key, const std::string& where) {
    const auto found = object.find(key);
    if (found == object.end()) {
        throw InputError(Message("{field} is missing", {{"field", where + key}}));
    }
    return *found;
}

// `what`: a field's name (verbatim) or a translatable word ("the file").
void require_object(const json& value, const Message& what, const std::vector<std::string>& keys) {
    if (!value.is_object()) {
        throw InputError(Message("{what} must be a JSON object { ... }", {{"what", what}}));
    }
    for (const auto& item : value.items()) {
        if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
            std::string known;
            for (const std::string& key : keys) known += (known.empty() ? "" : ", ") + key;
            throw InputError(
                Message("{what} has an unknown field \"{field}\" (its fields are {fields})",
                        {{"what", what}, {"field", item.key()}, {"fields", known}}));
        }
    }
}

long long whole_number(const json& value, const std::string& what, long long min, long long max) {
    if (!value.is_number_integer()) {
        throw InputError(Message("{field} must be a whole number", {{"field", what}}));
    }
    const long long number =
        value.is_number_unsigned()
            ? static_cast<long long>(std::min<std::uint64_t>(value.get<std::uint64_t>(),
                                                             static_cast<std::uint64_t>(max) + 1))
            : value.get<long long>();
    if (number < min || number > max) {
        throw InputError(
            Message("{field}={value} is out of range: {min} to {max}",
                    {{"field", what}, {"value", value.dump()}, {"min", min}, {"max", max}}));
    }
    return number;
}

// Far beyond the playground's bounds, which build_playground checks with their reasons.
constexpr long long kIntLimit = 1 << 20;

int small_int(const json& value, const std::string& what) {
    return static_cast<int>(whole_number(value, what, -kIntLimit, kIntLimit));
}

// N or [H, W].
template <typename Item, typename Read>
std::pair<Item, Item> per_axis(const json& value, const std::string& what, Read read) {
    if (!value.is_array()) return {read(value, what), read(value, what)};
    if (value.size() != 2) {
        throw InputError(Message("{field} must be one value or [H, W]", {{"field", what}}));
    }
    return {read(value[0], what + "[0]"), read(value[1], what + "[1]")};
}

std::pair<int, int> int_pair(const json& value, const std::string& what) {
    return per_axis<int>(value, what, small_int);
}

Padding padding_of(const json& value, const std::string& what) {
    if (value.is_string()) return Padding::parse(value.get<std::string>());
    return Padding::of(static_cast<int>(whole_number(value, what, 0, kIntLimit)));
}

float finite_number(const json& value, const std::string& what) {
    if (!value.is_number()) {
        throw InputError(Message("{field} must be a number, not {value}",
                                 {{"field", what}, {"value", value.dump()}}));
    }
    const double number = value.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > FLT_MAX) {
        throw InputError(Message("{field} is too large for a float", {{"field", what}}));
    }
    return static_cast<float>(number);
}

std::vector<float> numbers(const json& value, const std::string& what) {
    if (!value.is_array()) {
        throw InputError(Message("{field} must be a list of numbers [ ... ]", {{"field", what}}));
    }
    std::vector<float> out;
    for (std::size_t i = 0; i < value.size(); ++i)
        out.push_back(finite_number(value[i], what + "[" + std::to_string(i) + "]"));
    return out;
}

// Rows of `width` numbers, one after another.
std::vector<float> rows(const json& value, const std::string& what, int width) {
    if (!value.is_array()) {
        throw InputError(
            Message("{field} must be a list of rows [[...], [...]]", {{"field", what}}));
    }
    std::vector<float> out;
    for (std::size_t r = 0; r < value.size(); ++r) {
        const std::string row_name = what + "[" + std::to_string(r) + "]";
        const std::vector<float> row = numbers(value[r], row_name);
        if (static_cast<int>(row.size()) != width) {
            throw InputError(Message("{row} has {count} numbers; the rows are {width} wide",
                                     {{"row", row_name}, {"count", row.size()}, {"width", width}}));
        }
        out.insert(out.end(), row.begin(), row.end());
    }
    return out;
}

// ---- decoding -----------------------------------------------------------------------

PlaygroundSetup decode_setup(const json& value) {
    require_object(value, Message::verbatim("setup"),
                   {"op", "batch", "channels", "filters", "input", "kernel", "padding", "stride",
                    "dilation", "output_padding", "bias", "seed", "input_values", "kernel_values",
                    "bias_values", "groups", "one_d"});
    const std::string at = "setup.";
    PlaygroundSetup s;
    const json& op = field(value, "op", at);
    if (!op.is_string()) throw InputError(Message("setup.op must be a string like \"conv\""));
    s.op = parse_op_setting(op.get<std::string>());
    s.batch = small_int(field(value, "batch", at), "setup.batch");
    s.channels = small_int(field(value, "channels", at), "setup.channels");
    s.filters = small_int(field(value, "filters", at), "setup.filters");
    std::tie(s.input_h, s.input_w) = int_pair(field(value, "input", at), "setup.input");
    std::tie(s.kernel_h, s.kernel_w) = int_pair(field(value, "kernel", at), "setup.kernel");
    std::tie(s.options.h.padding, s.options.w.padding) =
        per_axis<Padding>(field(value, "padding", at), "setup.padding", padding_of);
    std::tie(s.options.h.stride, s.options.w.stride) =
        int_pair(field(value, "stride", at), "setup.stride");
    std::tie(s.options.h.dilation, s.options.w.dilation) =
        int_pair(field(value, "dilation", at), "setup.dilation");
    std::tie(s.options.h.output_padding, s.options.w.output_padding) =
        int_pair(field(value, "output_padding", at), "setup.output_padding");
    const json& bias = field(value, "bias", at);
    if (!bias.is_boolean()) throw InputError(Message("setup.bias must be true or false"));
    s.has_bias = bias.get<bool>();
    s.seed = static_cast<std::uint32_t>(
        whole_number(field(value, "seed", at), "setup.seed", 0, UINT32_MAX));
    if (value.contains("input_values"))
        s.input_values = rows(value["input_values"], "setup.input_values", s.input_w);
    if (value.contains("kernel_values"))
        s.kernel_values = rows(value["kernel_values"], "setup.kernel_values", s.kernel_w);
    if (value.contains("bias_values"))
        s.bias_values = numbers(value["bias_values"], "setup.bias_values");
    // Optional, so files written before groups and 1-D still open.
    if (value.contains("groups")) s.groups = small_int(value["groups"], "setup.groups");
    if (value.contains("one_d")) {
        if (!value["one_d"].is_boolean())
            throw InputError(Message("setup.one_d must be true or false"));
        s.one_d = value["one_d"].get<bool>();
    }
    return s;
}

LessonState decode_state(const std::string& text) {
    if (text.size() > kMaxLessonFileBytes) {
        throw InputError(Message("it is {size} bytes; a lesson file is at most {max} bytes",
                                 {{"size", text.size()}, {"max", kMaxLessonFileBytes}}));
    }
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& error) {
        throw InputError(Message("it is not valid JSON (at byte {byte})", {{"byte", error.byte}}));
    } catch (const json::exception&) {
        throw InputError(Message("it holds a number too large for a float"));  // 1e999
    }
    if (!root.is_object() || !root.contains("format") ||
        root["format"] != json(kLessonFileFormat)) {
        throw InputError(Message("it is not a lesson file (no \"format\": \"{format}\")",
                                 {{"format", kLessonFileFormat}}));
    }
    const long long version = whole_number(field(root, "version", ""), "version", 0, INT32_MAX);
    if (version != kLessonFileVersion) {
        throw InputError(
            Message("version {version} is not supported; this convscope reads version {supported}",
                    {{"version", version}, {"supported", kLessonFileVersion}}));
    }
    require_object(root, Message("the file"), {"format", "version", "lesson", "step", "setup"});
    LessonState state;
    const json& lesson = field(root, "lesson", "");
    if (!lesson.is_string()) {
        throw InputError(Message("lesson must be a lesson id like \"conv-basic\""));
    }
    state.lesson_id = lesson.get<std::string>();
    state.step = small_int(field(root, "step", ""), "step");
    state.setup = decode_setup(field(root, "setup", ""));
    check_state(state);
    return state;
}

}  // namespace

std::string encode_lesson_state(const LessonState& state) {
    check_state(state);
    const PlaygroundSetup& s = state.setup;
    const Options2d& o = s.options;
    std::string text = "{\n";
    text += std::string("  \"format\": \"") + kLessonFileFormat + "\",\n";
    text += "  \"version\": " + std::to_string(kLessonFileVersion) + ",\n";
    text += "  \"lesson\": " + json(state.lesson_id).dump() + ",\n";
    text += "  \"step\": " + std::to_string(state.step) + ",\n";
    text += "  \"setup\": {\n";
    std::vector<std::pair<std::string, std::string>> fields = {
        {"op", std::string("\"") + op_setting_name(s.op) + "\""},
        {"batch", std::to_string(s.batch)},
        {"channels", std::to_string(s.channels)},
        {"filters", std::to_string(s.filters)},
        {"input", pair_text(s.input_h, s.input_w)},
        {"kernel", pair_text(s.kernel_h, s.kernel_w)},
        {"padding", "[" + padding_text(o.h.padding) + ", " + padding_text(o.w.padding) + "]"},
        {"stride", pair_text(o.h.stride, o.w.stride)},
        {"dilation", pair_text(o.h.dilation, o.w.dilation)},
        {"output_padding", pair_text(o.h.output_padding, o.w.output_padding)},
        {"bias", s.has_bias ? "true" : "false"},
        {"seed", std::to_string(s.seed)},
    };
    if (s.groups != 1) fields.push_back({"groups", std::to_string(s.groups)});
    if (s.one_d) fields.push_back({"one_d", "true"});
    if (!s.input_values.empty())
        fields.push_back({"input_values", rows_text(s.input_values, s.input_w)});
    if (!s.kernel_values.empty())
        fields.push_back({"kernel_values", rows_text(s.kernel_values, s.kernel_w)});
    if (!s.bias_values.empty())
        fields.push_back({"bias_values", numbers_text(s.bias_values.data(), s.bias_values.size())});
    for (std::size_t i = 0; i < fields.size(); ++i) {
        text += "    \"" + fields[i].first + "\": " + fields[i].second;
        text += i + 1 < fields.size() ? ",\n" : "\n";
    }
    return text + "  }\n}\n";
}

LessonState decode_lesson_state(const std::string& text, const std::string& name) {
    try {
        return decode_state(text);
    } catch (const InputError& error) {
        throw InputError(Message("lesson file '{name}': {reason}",
                                 {{"name", name}, {"reason", error.message()}}));
    }
}

void save_lesson_state(const std::string& path, const LessonState& state) {
    std::string text;
    try {
        text = encode_lesson_state(state);
    } catch (const InputError& error) {
        throw InputError(Message("cannot save lesson file '{path}': {reason}",
                                 {{"path", path}, {"reason", error.message()}}));
    }
    write_file_atomically(path, text, Message("lesson file"));
}

LessonState load_lesson_state(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) {
        throw InputError(Message("lesson file '{path}' does not exist", {{"path", path}}));
    }
    if (fs::is_directory(status)) {
        throw InputError(Message("lesson file '{path}' is a folder, not a file", {{"path", path}}));
    }
    const auto cannot_read = [&path](const std::string& reason) {
        return InputError(Message("cannot read lesson file '{path}': {reason}",
                                  {{"path", path}, {"reason", reason}}));
    };
    const std::uintmax_t size = fs::file_size(path, error);
    if (error) throw cannot_read(error.message());
    if (size > kMaxLessonFileBytes) {
        throw InputError(
            Message("lesson file '{path}' is {size} bytes; a lesson file is at most {max} bytes",
                    {{"path", path}, {"size", size}, {"max", kMaxLessonFileBytes}}));
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!in || !in.read(text.data(), static_cast<std::streamsize>(size))) {
        throw cannot_read(std::strerror(errno));
    }
    return decode_lesson_state(text, path);
}

}  // namespace convscope

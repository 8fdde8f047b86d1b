#include "core/formats/npy_header.hpp"

#include <optional>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

// Larger than any dimension a file we accept can have; stops the digits overflowing.
constexpr std::int64_t kDimensionCeiling = std::int64_t(1) << 53;

// numpy leaves room for the first axis to grow to this many digits (format.py).
constexpr int kGrowthAxisMaxDigits = 21;

class HeaderParser {
  public:
    HeaderParser(const std::string& text, const std::string& name) : text_(text), name_(name) {}

    NpyHeader parse() {
        NpyHeader header;
        bool has_descr = false, has_order = false, has_shape = false;
        expect('{', "the header to start with '{'");
        while (true) {
            skip_space();
            if (peek() == '}') break;
            const std::string key = string_literal("a quoted key");
            expect(':', "':' after '" + key + "'");
            if (key == "descr") {
                skip_space();
                if (peek() == '[') {
                    fail(
                        "structured arrays (a list of fields as dtype) are not supported: "
                        "save a plain numeric array");
                }
                header.descr = string_literal("the dtype as a quoted string");
                has_descr = true;
            } else if (key == "fortran_order") {
                header.fortran_order = boolean("True or False for fortran_order");
                has_order = true;
            } else if (key == "shape") {
                header.shape = shape();
                has_shape = true;
            } else {
                fail("the header has an unknown key '" + key +
                     "' (a .npy header has descr, fortran_order and shape)");
            }
            skip_space();
            if (peek() == ',') {
                ++position_;
            } else if (peek() != '}') {
                fail_at("',' or '}' after the value of '" + key + "'");
            }
        }
        ++position_;  // '}'
        skip_space();
        if (position_ != text_.size()) fail_at("nothing but padding after the header's '}'");
        if (!has_descr || !has_order || !has_shape) {
            fail(std::string("the header lacks ") + (!has_descr   ? "'descr'"
                                                     : !has_order ? "'fortran_order'"
                                                                  : "'shape'"));
        }
        return header;
    }

  private:
    [[noreturn]] void fail(const std::string& problem) const {
        throw InputError(name_ + ": " + problem);
    }
    [[noreturn]] void fail_at(const std::string& expected) const {
        fail("the header is not a dict numpy writes: expected " + expected + " at character " +
             std::to_string(position_) + " of \"" + excerpt() + "\"");
    }
    // The header on one line: control characters shown as '?', the padding cut off.
    std::string excerpt() const {
        std::string shown = text_.substr(0, 80);
        for (char& c : shown)
            if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126) c = '?';
        while (!shown.empty() && (shown.back() == ' ' || shown.back() == '?')) shown.pop_back();
        return shown;
    }
    char peek() const { return position_ < text_.size() ? text_[position_] : '\0'; }
    void skip_space() {
        while (position_ < text_.size() && (text_[position_] == ' ' || text_[position_] == '\t' ||
                                            text_[position_] == '\n' || text_[position_] == '\r'))
            ++position_;
    }
    void expect(char c, const std::string& what) {
        skip_space();
        if (peek() != c) fail_at(what);
        ++position_;
    }

    // 'text' or "text", without escapes (repr() of a dtype or key has none).
    std::string string_literal(const std::string& what) {
        skip_space();
        const char quote = peek();
        if (quote != '\'' && quote != '"') fail_at(what);
        const std::size_t end = text_.find(quote, position_ + 1);
        if (end == std::string::npos) fail_at("a closing quote");
        std::string value = text_.substr(position_ + 1, end - position_ - 1);
        // repr() of a key or dtype is short printable ASCII; anything else is not numpy's,
        // and would break the one-line messages that quote it.
        for (char c : value)
            if (static_cast<unsigned char>(c) < 32 || static_cast<unsigned char>(c) > 126)
                fail_at("printable characters in the string");
        if (value.size() > 40) fail_at("a key or dtype of at most 40 characters");
        position_ = end + 1;
        return value;
    }

    bool boolean(const std::string& what) {
        skip_space();
        for (const auto& [word, value] :
             {std::pair<const char*, bool>{"True", true}, {"False", false}}) {
            const std::string w = word;
            if (text_.compare(position_, w.size(), w) == 0) {
                position_ += w.size();
                return value;
            }
        }
        fail_at(what);
    }

    // A non-negative integer, with Python 2's 'L' suffix allowed; nullopt if none here.
    std::optional<std::int64_t> integer() {
        skip_space();
        if (peek() == '-') fail("the shape has a negative dimension");
        if (peek() < '0' || peek() > '9') return std::nullopt;
        std::int64_t value = 0;
        while (peek() >= '0' && peek() <= '9') {
            value = value * 10 + (peek() - '0');
            if (value > kDimensionCeiling) fail("the shape has an absurdly large dimension");
            ++position_;
        }
        if (peek() == 'L') ++position_;
        return value;
    }

    // (), (5,), (2, 3) and (2, 3,) as Python reads them.
    std::vector<std::int64_t> shape() {
        expect('(', "the shape as a tuple such as (2, 3)");
        std::vector<std::int64_t> dims;
        while (true) {
            skip_space();
            if (peek() == ')') break;
            const std::optional<std::int64_t> dim = integer();
            if (!dim) fail_at("a dimension (a whole number) in the shape");
            dims.push_back(*dim);
            skip_space();
            if (peek() == ',') {
                ++position_;
            } else if (peek() != ')') {
                fail_at("',' or ')' in the shape");
            }
        }
        ++position_;  // ')'
        return dims;
    }

    const std::string& text_;
    const std::string& name_;
    std::size_t position_ = 0;
};

}  // namespace

NpyHeader parse_npy_header(const std::string& text, const std::string& name) {
    return HeaderParser(text, name).parse();
}

std::string npy_header_dict(const std::vector<int>& shape) {
    CS_CHECK(!shape.empty());
    // Python's repr() of a tuple: "(5,)" for one element, "(2, 3)" for more.
    std::string tuple = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i) tuple += ", ";
        tuple += std::to_string(shape[i]);
    }
    tuple += shape.size() == 1 ? ",)" : ")";
    std::string dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
    const int first_digits = static_cast<int>(std::to_string(shape.front()).size());
    return dict + std::string(static_cast<std::size_t>(kGrowthAxisMaxDigits - first_digits), ' ');
}

}  // namespace convscope

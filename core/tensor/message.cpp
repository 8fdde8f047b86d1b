#include "core/tensor/message.hpp"

namespace convscope {

Message::Message(std::string english_template, Values values)
    : template_(std::move(english_template)), values_(std::move(values)) {}

Message Message::verbatim(std::string text) {
    Message message(std::move(text));
    message.translatable_ = false;
    return message;
}

const Message* Message::value(const std::string& name) const {
    for (const Value& value : values_) {
        if (value.name == name) return &value.message;
    }
    return nullptr;
}

std::string Message::text(const Translate& translate) const {
    if (!translatable_) return template_;
    const std::string pattern = translate(template_);
    // One pass: a value's text is never searched for placeholders itself.
    std::string out;
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        const std::size_t close =
            open == std::string::npos ? std::string::npos : pattern.find('}', open + 1);
        if (close == std::string::npos) break;
        const Message* filled = value(pattern.substr(open + 1, close - open - 1));
        out.append(pattern, at, open - at);
        if (filled != nullptr) {
            out += filled->text(translate);
            at = close + 1;
        } else {
            out += '{';
            at = open + 1;
        }
    }
    out.append(pattern, at, std::string::npos);
    return out;
}

std::string Message::english() const {
    return text([](const std::string& english_template) { return english_template; });
}

}  // namespace convscope

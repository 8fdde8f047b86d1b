// A user-facing text in a form a window can translate: the English template with {name}
// placeholders, and the values that fill them. Core stays English-only: english() is
// what the CLI prints; the app hands its own translate function to text().
//
// A value is literal text (a number, a path, what the user typed: never translated) or
// another Message, translated with the template: a word such as "stride" that a sentence
// names, or a whole reason wrapped in "height: {reason}".
#pragma once

#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace convscope {

class Message {
  public:
    struct Value;
    using Values = std::vector<Value>;
    // English template in, the text to show out; identity gives English.
    using Translate = std::function<std::string(const std::string&)>;

    Message() = default;  // empty: no message
    explicit Message(std::string english_template, Values values = {});
    // A text that is never translated (an error raised with a plain string).
    static Message verbatim(std::string text);

    const std::string& english_template() const { return template_; }
    const Values& values() const { return values_; }
    // The value named `name`; null when there is none.
    const Message* value(const std::string& name) const;
    bool translatable() const { return translatable_; }
    bool empty() const { return template_.empty(); }

    // The template through `translate` (verbatim texts skip it), each {name} replaced by
    // its value's own text. A {name} without a value stays as written.
    std::string text(const Translate& translate) const;
    std::string english() const;

  private:
    std::string template_;
    Values values_;
    bool translatable_ = true;
};

struct Message::Value {
    Value(std::string value_name, std::string text)
        : name(std::move(value_name)), message(Message::verbatim(std::move(text))) {}
    Value(std::string value_name, Message value_message)
        : name(std::move(value_name)), message(std::move(value_message)) {}
    // Whole numbers as std::to_string writes them (bool and char excluded: say what they mean).
    template <typename Integer,
              std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool> &&
                                   !std::is_same_v<Integer, char>,
                               int> = 0>
    Value(std::string value_name, Integer number)
        : Value(std::move(value_name), std::to_string(number)) {}

    std::string name;
    Message message;
};

}  // namespace convscope

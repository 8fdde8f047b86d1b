#include "app/model/message_text.hpp"

#include "app/model/translate.hpp"

namespace convscope {

std::string shown_text(const Message& message) {
    return message.text([](const std::string& english) { return tr(english); });
}

}  // namespace convscope

// The English texts the window's code hands to tr(), trf() and N_(), and the templates
// of Message("..."): every string literal right after one of them (adjacent literals
// joined, C escapes and \uXXXX decoded), found by reading the sources, as xgettext would.
#pragma once

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace convscope::testing {

inline void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// The value of one C++ string literal's body (between the quotes).
inline std::string decode_literal(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 >= body.size()) {
            out += body[i];
            continue;
        }
        const char c = body[++i];
        if (c == 'n')
            out += '\n';
        else if (c == 't')
            out += '\t';
        else if (c == 'u' && i + 4 < body.size()) {
            append_utf8(out, static_cast<unsigned>(std::stoul(body.substr(i + 1, 4), nullptr, 16)));
            i += 4;
        } else
            out += c;  // \" \\ \'
    }
    return out;
}

// `source` with its // and /* */ comments blanked out (string and character literals
// kept), so an example in a comment is not taken for a marked text.
inline std::string without_comments(const std::string& source) {
    std::string out = source;
    enum { Code, Line, Block, String, Char } state = Code;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = out[i], next = i + 1 < out.size() ? out[i + 1] : '\0';
        switch (state) {
            case Code:
                if (c == '/' && next == '/')
                    state = Line, out[i] = ' ';
                else if (c == '/' && next == '*')
                    state = Block, out[i] = ' ';
                else if (c == '"')
                    state = String;
                else if (c == '\'')
                    state = Char;
                break;
            case Line:
                if (c == '\n')
                    state = Code;
                else
                    out[i] = ' ';
                break;
            case Block:
                if (c == '*' && next == '/')
                    state = Code, out[i] = out[i + 1] = ' ', ++i;
                else if (c != '\n')
                    out[i] = ' ';
                break;
            case String:
            case Char:
                if (c == '\\')
                    ++i;
                else if ((state == String && c == '"') || (state == Char && c == '\''))
                    state = Code;
                break;
        }
    }
    return out;
}

// The joined literals right after each match of `call` (whose group 1 holds them) in
// the .cpp and .hpp files under `folder`.
inline std::set<std::string> literals_after(const std::filesystem::path& folder,
                                            const std::regex& call) {
    static const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
    std::set<std::string> texts;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        const std::string extension = entry.path().extension().string();
        if (extension != ".cpp" && extension != ".hpp") continue;
        std::ifstream in(entry.path());
        std::stringstream source;
        source << in.rdbuf();
        const std::string text = without_comments(source.str());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), call);
             it != std::sregex_iterator(); ++it) {
            const std::string literals = (*it)[1];
            std::string joined;
            for (auto part = std::sregex_iterator(literals.begin(), literals.end(), literal);
                 part != std::sregex_iterator(); ++part) {
                joined += decode_literal((*part)[1]);
            }
            texts.insert(joined);
        }
    }
    return texts;
}

// Every text marked in the .cpp and .hpp files under `folder`.
inline std::set<std::string> marked_texts(const std::filesystem::path& folder) {
    static const std::regex call(
        R"re(\b(?:tr|trf|N_)\(\s*((?:u8)?"(?:[^"\\]|\\.)*"(?:\s*(?:u8)?"(?:[^"\\]|\\.)*")*))re");
    return literals_after(folder, call);
}

// The English templates of the Message("...") under `folder` (core's translatable
// errors, core/tensor/message.hpp), and the words they take as values.
inline std::set<std::string> message_templates(const std::filesystem::path& folder) {
    static const std::regex call(
        R"re(\bMessage\(\s*((?:u8)?"(?:[^"\\]|\\.)*"(?:\s*(?:u8)?"(?:[^"\\]|\\.)*")*))re");
    return literals_after(folder, call);
}

}  // namespace convscope::testing

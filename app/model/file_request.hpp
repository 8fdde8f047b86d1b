// What a "..." button asks for (a FilePurpose: the kind of file, open or save, and what
// the chosen path is for), and the command line that asks the desktop's own chooser
// (zenity or kdialog) for it. Pure: the shell runs the command (app/shell/chooser_process).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/model/file_kind.hpp"

namespace convscope {

enum class FilePurpose {
    OpenAny,  // Ctrl+O: any kind the window takes, handled as if dropped
    OpenImage,
    OpenLesson,
    SaveLesson,
    ChooseData,  // an MNIST IDX folder
    LoadWeights,
    SaveWeights,
    SaveFiltersNpy,
    SaveMapsNpy,
    ExportTarget,
};

FileKind purpose_kind(FilePurpose purpose);  // OpenAny: Unknown (every kind)
bool purpose_saves(FilePurpose purpose);
bool purpose_wants_folder(FilePurpose purpose);  // ChooseData
// The chooser's title in English (N_-marked; translate where shown).
const char* purpose_title(FilePurpose purpose);

enum class ChooserTool { None, Zenity, KDialog };

// Which chooser to run: `override_name` ("zenity", "kdialog", "none", from
// CONVSCOPE_FILE_CHOOSER) wins; otherwise the first of zenity, kdialog that `on_path`
// finds (KDE's own first on a KDE desktop: `desktop` is XDG_CURRENT_DESKTOP).
ChooserTool pick_chooser_tool(const std::string& override_name, const std::string& desktop,
                              const std::function<bool(const std::string&)>& on_path);
// Whether `name` is an executable file in one of PATH's folders.
bool program_on_path(const std::string& name, const std::string& path_variable);

struct ChooserCall {
    FilePurpose purpose = FilePurpose::OpenAny;
    std::string title;         // in the window's language
    std::string start_folder;  // absolute; empty: the tool's default
    std::string file_name;     // save: the suggested name
    std::string filter_name;   // the kind's name in the window's language
};

// The argv (program first) asking `tool` for `call`.
std::vector<std::string> chooser_command(ChooserTool tool, const ChooserCall& call);

// What the chooser answered: the chosen path, or nullopt when cancelled or failed.
// Both tools print the path and a newline and exit 0; 1 is Cancel.
std::optional<std::string> chosen_path(int exit_code, const std::string& output);

// The file name a save starts with ("lesson.json", ...); empty for an open.
std::string suggested_file_name(FilePurpose purpose);

}  // namespace convscope

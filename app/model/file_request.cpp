#include "app/model/file_request.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "app/model/translate.hpp"

namespace convscope {

FileKind purpose_kind(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::OpenAny:
            return FileKind::Unknown;
        case FilePurpose::OpenImage:
            return FileKind::Image;
        case FilePurpose::OpenLesson:
        case FilePurpose::SaveLesson:
            return FileKind::Lesson;
        case FilePurpose::ChooseData:
            return FileKind::IdxData;
        case FilePurpose::LoadWeights:
        case FilePurpose::SaveWeights:
            return FileKind::Weights;
        case FilePurpose::SaveFiltersNpy:
        case FilePurpose::SaveMapsNpy:
            return FileKind::Npy;
        case FilePurpose::ExportTarget:
            return FileKind::Export;
    }
    return FileKind::Unknown;
}

bool purpose_saves(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::SaveLesson:
        case FilePurpose::SaveWeights:
        case FilePurpose::SaveFiltersNpy:
        case FilePurpose::SaveMapsNpy:
        case FilePurpose::ExportTarget:
            return true;
        default:
            return false;
    }
}

bool purpose_wants_folder(FilePurpose purpose) {
    return purpose == FilePurpose::ChooseData;
}

const char* purpose_title(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::OpenAny:
            return N_("Open a file");
        case FilePurpose::OpenImage:
            return N_("Open a picture");
        case FilePurpose::OpenLesson:
            return N_("Open a lesson file");
        case FilePurpose::SaveLesson:
            return N_("Save the lesson as");
        case FilePurpose::ChooseData:
            return N_("Choose an MNIST IDX folder");
        case FilePurpose::LoadWeights:
            return N_("Load network weights");
        case FilePurpose::SaveWeights:
            return N_("Save network weights as");
        case FilePurpose::SaveFiltersNpy:
            return N_("Save the filters as .npy");
        case FilePurpose::SaveMapsNpy:
            return N_("Save the feature maps as .npy");
        case FilePurpose::ExportTarget:
            return N_("Export to");
    }
    return "";
}

std::string suggested_file_name(FilePurpose purpose) {
    switch (purpose) {
        case FilePurpose::SaveLesson:
            return "lesson.json";
        case FilePurpose::SaveWeights:
            return "convscope.weights";
        case FilePurpose::SaveFiltersNpy:
            return "convscope-filters.npy";
        case FilePurpose::SaveMapsNpy:
            return "convscope-maps.npy";
        case FilePurpose::ExportTarget:
            return "convscope-export.gif";
        default:
            return "";
    }
}

bool program_on_path(const std::string& name, const std::string& path_variable) {
    std::stringstream folders(path_variable);
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        if (folder.empty()) continue;
        const std::string candidate = folder + "/" + name;
        struct stat info {};
        if (stat(candidate.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            access(candidate.c_str(), X_OK) == 0)
            return true;
    }
    return false;
}

ChooserTool pick_chooser_tool(const std::string& override_name, const std::string& desktop,
                              const std::function<bool(const std::string&)>& on_path) {
    if (override_name == "none") return ChooserTool::None;
    if (override_name == "zenity") return ChooserTool::Zenity;
    if (override_name == "kdialog") return ChooserTool::KDialog;
    const bool kde = desktop.find("KDE") != std::string::npos;
    if (kde && on_path("kdialog")) return ChooserTool::KDialog;
    if (on_path("zenity")) return ChooserTool::Zenity;
    if (on_path("kdialog")) return ChooserTool::KDialog;
    return ChooserTool::None;
}

namespace {

// "*.png *.PNG *.jpg ...": both cases, since the tools' patterns are case-sensitive.
std::string glob_patterns(FileKind kind) {
    std::string patterns;
    for (const std::string& extension : file_kind_extensions(kind)) {
        std::string upper = extension;
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        for (const std::string& e : {extension, upper}) {
            if (!patterns.empty()) patterns += ' ';
            patterns += "*" + e;
        }
    }
    return patterns;
}

// "folder/name"; "folder/" (a trailing slash opens the folder rather than selecting it).
std::string start_path(const ChooserCall& call) {
    if (call.start_folder.empty()) return call.file_name;
    return call.start_folder + "/" + call.file_name;
}

}  // namespace

std::vector<std::string> chooser_command(ChooserTool tool, const ChooserCall& call) {
    const FileKind kind = purpose_kind(call.purpose);
    const std::string patterns = glob_patterns(kind);
    std::vector<std::string> argv;
    if (tool == ChooserTool::Zenity) {
        argv = {"zenity", "--file-selection", "--title=" + call.title};
        if (purpose_saves(call.purpose)) argv.push_back("--save");
        if (purpose_wants_folder(call.purpose)) argv.push_back("--directory");
        argv.push_back("--filename=" + start_path(call));
        if (!patterns.empty() && !purpose_wants_folder(call.purpose)) {
            argv.push_back("--file-filter=" + call.filter_name + " | " + patterns);
            argv.push_back("--file-filter=* | *");
        }
    } else if (tool == ChooserTool::KDialog) {
        argv = {"kdialog", "--title", call.title};
        if (purpose_wants_folder(call.purpose)) {
            argv.insert(argv.end(), {"--getexistingdirectory", call.start_folder});
        } else {
            argv.push_back(purpose_saves(call.purpose) ? "--getsavefilename" : "--getopenfilename");
            argv.push_back(call.file_name.empty() ? call.start_folder : start_path(call));
            if (!patterns.empty()) argv.push_back(patterns + "|" + call.filter_name);
        }
    }
    return argv;
}

std::optional<std::string> chosen_path(int exit_code, const std::string& output) {
    if (exit_code != 0) return std::nullopt;
    std::string path = output;
    while (!path.empty() && (path.back() == '\n' || path.back() == '\r')) path.pop_back();
    // One path per line when a tool returns several: the first is ours.
    path = path.substr(0, path.find('\n'));
    if (path.empty()) return std::nullopt;
    return path;
}

}  // namespace convscope

// The subcommand table, the top-level usage text and the error boundary: every
// InputError a command throws becomes a message on stderr and exit code 2.
#include "app/cli/commands.hpp"

#include <cstdio>
#include <cstring>

#include "core/tensor/check.hpp"

namespace convscope {

namespace {

struct CommandEntry {
    const char* name;
    Command run;
    const char* summary;
};

template <Command run>
int guarded(const Arguments& args, const char* name) {
    try {
        return run(args);
    } catch (const InputError& error) {
        std::fprintf(stderr, "convscope %s: %s\n(run 'convscope %s --help' for usage)\n", name,
                     error.what(), name);
        return 2;
    }
}

int shape_entry(const Arguments& args) {
    return guarded<run_shape_command>(args, "shape");
}
int conv_entry(const Arguments& args) {
    return guarded<run_conv_command>(args, "conv");
}
int pool_entry(const Arguments& args) {
    return guarded<run_pool_command>(args, "pool");
}
int pytorch_entry(const Arguments& args) {
    return guarded<run_pytorch_command>(args, "pytorch");
}
int train_entry(const Arguments& args) {
    return guarded<run_train_command>(args, "train");
}
int eval_entry(const Arguments& args) {
    return guarded<run_eval_command>(args, "eval");
}
int features_entry(const Arguments& args) {
    return guarded<run_features_command>(args, "features");
}
int info_entry(const Arguments& args) {
    return guarded<run_info_command>(args, "info");
}
int predict_entry(const Arguments& args) {
    return guarded<run_predict_command>(args, "predict");
}
int explain_entry(const Arguments& args) {
    return guarded<run_explain_command>(args, "explain");
}

#ifdef CONVSCOPE_HAS_GUI
int export_entry(const Arguments& args) {
    return guarded<run_export_command>(args, "export");
}
#else
int export_entry(const Arguments&) {
    std::fprintf(stderr,
                 "convscope export: this build has no window (CONVSCOPE_BUILD_GUI=OFF); "
                 "export renders with it\n");
    return 2;
}
#endif

const CommandEntry kCommands[] = {
    {"shape", shape_entry, "output size of a conv, transposed conv or pool, formula filled in"},
    {"conv", conv_entry, "compute a convolution of JSON nested arrays or .npy files"},
    {"pool", pool_entry, "compute max or average pooling of JSON nested arrays or .npy"},
    {"pytorch", pytorch_entry, "a lesson's operation as PyTorch code, with its numbers"},
    {"train", train_entry, "train a CNN on MNIST (progress, accuracy, img/s)"},
    {"eval", eval_entry, "test accuracy of a saved weights file"},
    {"features", features_entry,
     "feature maps of an image through the trained conv layers, as PNG"},
    {"info", info_entry, "an ONNX model's layers: shapes, parameters, FLOPs, receptive fields"},
    {"predict", predict_entry, "an ONNX model's output and top classes for a picture"},
    {"explain", explain_entry, "saliency or Grad-CAM: which pixels made the network's answer"},
    {"export", export_entry, "a lesson as GIF, or one step as PNG or SVG (--all: every lesson)"},
};

}  // namespace

Command find_command(const std::string& name) {
    for (const CommandEntry& entry : kCommands)
        if (name == entry.name) return entry.run;
    return nullptr;
}

void print_usage(std::FILE* out) {
    std::fprintf(
        out,
        "usage: convscope [--lang en|zh]        open the window (in English or Chinese)\n"
        "       convscope [--scene NAME | --open LESSON.json] [--set K=V,...] [--step T]\n"
        "                 [--presentation] [--screenshot FILE.png [--size WxH]]\n"
        "       convscope --list-scenes\n"
        "       convscope --version             print the version (and git commit)\n"
        "       convscope COMMAND [options]     (COMMAND --help for its options)\n\n"
        "window:\n"
        "  --open FILE   a lesson file saved by the window: its lesson, step, settings, values\n"
        "  --set K=V,... a lesson's settings: op, input, kernel (N or HxW), padding (N, HxW,\n"
        "                valid, same, full), stride, dilation, output_padding, channels,\n"
        "                filters, batch, bias (on, off, V or [V,...]), seed, input_values,\n"
        "                kernel_values (JSON arrays); e.g. --set input=7x7,kernel=3,padding=same\n"
        "  --theme light|dark  the look (dark suits a projector in a dark room)\n"
        "  --no-settings start with defaults; neither read nor write the settings\n"
        "                ($XDG_CONFIG_HOME/convscope/settings, else ~/.config/convscope;\n"
        "                only an interactive window uses them, never --screenshot)\n"
        "\ncommands:\n");
    for (const CommandEntry& entry : kCommands)
        std::fprintf(out, "  %-8s %s\n", entry.name, entry.summary);
    std::fprintf(out,
                 "\nexit status: 0 success, 1 failure (no window, an OpenGL or file error),\n"
                 "2 bad usage (an unknown option or a value out of range),\n"
                 "130 train stopped by Ctrl+C (its checkpoint resumes it)\n");
}

}  // namespace convscope

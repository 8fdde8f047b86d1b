#include "app/cli/geometry_options.hpp"

#include "core/tensor/check.hpp"

namespace convscope {

std::vector<OptionSpec> geometry_option_specs() {
    return {{"stride", "s", true},
            {"dilation", "d", true},
            {"padding", "p", true},
            {"output-padding", "a", true}};
}

Options2d parse_geometry_options(const ParsedArguments& args, OpKind kind, int window_h,
                                 int window_w) {
    Options2d options;
    if (kind == OpKind::Pool) {
        options.h.stride = window_h;
        options.w.stride = window_w;
    }
    if (auto stride = args.value("stride")) {
        std::tie(options.h.stride, options.w.stride) =
            parse_int_pair(*stride, "stride -s", -kMaxCliValue, kMaxCliValue);
    }
    if (auto dilation = args.value("dilation")) {
        std::tie(options.h.dilation, options.w.dilation) =
            parse_int_pair(*dilation, "dilation -d", -kMaxCliValue, kMaxCliValue);
    }
    if (auto padding = args.value("padding")) {
        std::tie(options.h.padding, options.w.padding) = parse_padding_pair(*padding);
    }
    if (auto output_padding = args.value("output-padding")) {
        if (kind != OpKind::TransposedConv) {
            throw InputError("--output-padding applies only with --transposed");
        }
        std::tie(options.h.output_padding, options.w.output_padding) =
            parse_int_pair(*output_padding, "output padding -a", -kMaxCliValue, kMaxCliValue);
    }
    return options;
}

}  // namespace convscope

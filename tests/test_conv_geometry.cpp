// Conv arithmetic: every example of the chapter (seed 2.2-2.4) and every case of the
// conv_arithmetic guide, plus the errors a user can provoke.
#include <doctest/doctest.h>

#include "core/ops/conv_geometry.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

AxisParams axis(int input, int kernel, int stride = 1, Padding padding = Padding::of(0),
                int dilation = 1, int output_padding = 0) {
    AxisParams params;
    params.input = input;
    params.kernel = kernel;
    params.stride = stride;
    params.padding = padding;
    params.dilation = dilation;
    params.output_padding = output_padding;
    return params;
}

int conv_out(AxisParams params) {
    return resolve_axis(OpKind::Conv, params).output;
}
int transposed_out(AxisParams params) {
    return resolve_axis(OpKind::TransposedConv, params).output;
}

}  // namespace

TEST_CASE("seed 2.2: o = i - k + 1") {
    CHECK(conv_out(axis(5, 3)) == 3);
}

TEST_CASE("seed 2.3: padding") {
    CHECK(conv_out(axis(4, 3, 1, Padding::of(1))) == 4);  // (4,4) padded to (6,6) gives (4,4)
    const AxisGeometry g = resolve_axis(OpKind::Conv, axis(4, 3, 1, Padding::of(1)));
    CHECK(g.padded_input() == 6);
    CHECK(conv_out(axis(5, 4, 1, Padding::of(2))) == 6);
}

TEST_CASE("seed 2.3: same padding keeps the size; full padding gives i + k - 1") {
    const AxisGeometry same = resolve_axis(OpKind::Conv, axis(5, 3, 1, Padding::parse("same")));
    CHECK(same.pad_before == 1);
    CHECK(same.pad_after == 1);
    CHECK(same.output == 5);
    // The seed says 6 here; i + k - 1 = 7 is right.
    const AxisGeometry full = resolve_axis(OpKind::Conv, axis(5, 3, 1, Padding::parse("full")));
    CHECK(full.pad_before == 2);
    CHECK(full.output == 7);
}

TEST_CASE("same padding with an even kernel pads more after; as PyTorch") {
    const AxisGeometry g = resolve_axis(OpKind::Conv, axis(6, 4, 1, Padding::parse("same")));
    CHECK(g.pad_before == 1);
    CHECK(g.pad_after == 2);
    CHECK(g.output == 6);
    const AxisGeometry dilated =
        resolve_axis(OpKind::Conv, axis(6, 2, 1, Padding::parse("same"), 3));
    CHECK(dilated.effective_kernel() == 4);
    CHECK(dilated.pad_before == 1);
    CHECK(dilated.pad_after == 2);
    CHECK(dilated.output == 6);
}

TEST_CASE("same padding with stride s gives ceil(i / s)") {
    for (int i = 1; i <= 12; ++i)
        for (int s = 1; s <= 4; ++s) {
            CAPTURE(i);
            CAPTURE(s);
            CHECK(conv_out(axis(i, 3, s, Padding::parse("same"))) == (i + s - 1) / s);
        }
}

TEST_CASE("seed 2.4: stride uses floor and never demands exact division") {
    CHECK(conv_out(axis(5, 3, 2, Padding::of(1))) == 3);
    CHECK(conv_out(axis(4, 3, 2, Padding::of(1))) == 2);  // (4 + 2 - 3) / 2 = 1.5 -> 1, + 1
    CHECK(conv_out(axis(6, 3, 2, Padding::of(1))) == 3);
}

TEST_CASE("conv_arithmetic: the convolution animations") {
    CHECK(conv_out(axis(4, 3)) == 2);                             // no padding, no strides
    CHECK(conv_out(axis(5, 4, 1, Padding::of(2))) == 6);          // arbitrary padding
    CHECK(conv_out(axis(5, 3, 1, Padding::parse("same"))) == 5);  // half padding
    CHECK(conv_out(axis(5, 3, 1, Padding::parse("full"))) == 7);  // full padding
    CHECK(conv_out(axis(5, 3, 2)) == 2);                          // no padding, strides
    CHECK(conv_out(axis(5, 3, 2, Padding::of(1))) == 3);          // padding, strides
    CHECK(conv_out(axis(6, 3, 2, Padding::of(1))) == 3);          // padding, strides, odd
    CHECK(conv_out(axis(7, 3, 1, Padding::of(0), 2)) == 3);       // dilation
}

TEST_CASE("conv_arithmetic: the transposed animations undo the forward shapes") {
    CHECK(transposed_out(axis(2, 3)) == 4);                             // no padding, no strides
    CHECK(transposed_out(axis(6, 4, 1, Padding::of(2))) == 5);          // arbitrary padding
    CHECK(transposed_out(axis(5, 3, 1, Padding::parse("same"))) == 5);  // half padding
    CHECK(transposed_out(axis(7, 3, 1, Padding::parse("full"))) == 5);  // full padding
    CHECK(transposed_out(axis(2, 3, 2)) == 5);                          // no padding, strides
    CHECK(transposed_out(axis(3, 3, 2, Padding::of(1))) == 5);          // padding, strides
    CHECK(transposed_out(axis(3, 3, 2, Padding::of(1), 1, 1)) == 6);    // padding, strides, odd
}

TEST_CASE("pooling: the conv formula; stride set by the caller") {
    CHECK(resolve_axis(OpKind::Pool, axis(4, 2, 2)).output == 2);
    CHECK(resolve_axis(OpKind::Pool, axis(5, 2, 2)).output == 2);
    CHECK(resolve_axis(OpKind::Pool, axis(5, 3, 1)).output == 3);
    CHECK(resolve_axis(OpKind::Pool, axis(5, 3, 2, Padding::of(1))).output == 3);
}

TEST_CASE("invalid settings name the value and the bound") {
    auto message = [](OpKind kind, AxisParams params) -> std::string {
        try {
            resolve_axis(kind, params);
        } catch (const InputError& error) {
            return error.what();
        }
        return "no error";
    };
    CHECK(message(OpKind::Conv, axis(5, 3, 0)) == "stride s=0 must be at least 1");
    CHECK(message(OpKind::Conv, axis(5, 3, 1, Padding::of(0), 0)) ==
          "dilation d=0 must be at least 1");
    CHECK(message(OpKind::Conv, axis(5, 3, 1, Padding::of(-1))) ==
          "padding p=-1 must be at least 0");
    CHECK(message(OpKind::Conv, axis(3, 5)) ==
          "kernel k=5 is larger than the padded input i+p=3+0=3; pad more or use a smaller kernel");
    CHECK(message(OpKind::Conv, axis(5, 3, 1, Padding::of(0), 3)).find("effective 7") !=
          std::string::npos);
    CHECK(message(OpKind::Pool, axis(5, 2, 2, Padding::of(2))) ==
          "pool padding p=2 must be at most half the window (k/2=1)");
    CHECK(message(OpKind::TransposedConv, axis(3, 3, 2, Padding::of(0), 1, 2)) ==
          "output padding a=2 must be smaller than the stride or the dilation (max(s,d)=2)");
    CHECK(message(OpKind::Conv, axis(5, 3, 1, Padding::of(0), 1, 1)) ==
          "output padding a=1 applies only to transposed convolutions");
    CHECK(message(OpKind::TransposedConv, axis(1, 1, 1, Padding::of(1))).find("too large") !=
          std::string::npos);
    CHECK(message(OpKind::TransposedConv, axis(5, 4, 1, Padding::parse("same"))).find("odd") !=
          std::string::npos);
}

TEST_CASE("a 2-D geometry names the axis that is wrong") {
    try {
        resolve_geometry(OpKind::Conv, axis(5, 3), axis(2, 3));
        FAIL("expected an error");
    } catch (const InputError& error) {
        CHECK(std::string(error.what()).rfind("width: ", 0) == 0);
    }
    const ConvGeometry g =
        resolve_geometry(OpKind::Conv, axis(4, 3), axis(6, 3, 2, Padding::of(1)));
    CHECK(g.h.output == 2);
    CHECK(g.w.output == 3);
}

TEST_CASE("padding text round-trips and rejects nonsense") {
    for (const char* text : {"0", "3", "valid", "same", "full"}) {
        CHECK(Padding::parse(text).text() == text);
    }
    CHECK_THROWS_AS(Padding::parse("half"), InputError);
    CHECK_THROWS_AS(Padding::parse("-1"), InputError);
    CHECK_THROWS_AS(Padding::parse("1.5"), InputError);
    CHECK_THROWS_AS(Padding::parse(""), InputError);
}

TEST_CASE("formula text fills in today's values") {
    CHECK(formula_text(OpKind::Conv, resolve_axis(OpKind::Conv, axis(5, 3, 2, Padding::of(1)))) ==
          "o = floor((i + 2p - k)/s) + 1 = floor((5 + 2*1 - 3)/2) + 1 = 3");
    CHECK(formula_text(OpKind::Conv, resolve_axis(OpKind::Conv, axis(5, 3))) ==
          "o = (i + 2p - k) + 1 = (5 + 2*0 - 3) + 1 = 3");
    CHECK(formula_text(OpKind::TransposedConv,
                       resolve_axis(OpKind::TransposedConv, axis(3, 3, 2, Padding::of(1), 1, 1))) ==
          "o = s(i-1) + a + k - 2p = 2*(3-1) + 1 + 3 - 2*1 = 6");
    CHECK(
        formula_text(OpKind::Conv, resolve_axis(OpKind::Conv, axis(7, 3, 1, Padding::of(0), 2))) ==
        "k_eff = (k-1)d+1 = (3-1)*2+1 = 5; o = (i + 2p - k_eff) + 1 = (7 + 2*0 - 5) + 1 = 3");
}

TEST_CASE("options with sizes resolve each axis on its own") {
    Options2d options = Options2d::uniform(2, Padding::of(1));
    options.w.stride = 1;
    const ConvGeometry g = resolve_geometry(OpKind::Conv, 5, 6, 3, 2, options);
    CHECK(g.kind == OpKind::Conv);
    CHECK(g.h.output == 3);  // floor((5 + 2 - 3) / 2) + 1
    CHECK(g.w.output == 7);  // (6 + 2 - 2) + 1
    CHECK(g.w.kernel == 2);

    // A (N,C,H,W) tensor gives its H and W.
    const Tensor input({2, 3, 5, 6});
    const ConvGeometry from_tensor = geometry_of_input(OpKind::Conv, input, 3, 2, options);
    CHECK(from_tensor.h.output == g.h.output);
    CHECK(from_tensor.w.output == g.w.output);
    CHECK_THROWS_AS(resolve_geometry(OpKind::Conv, 2, 6, 5, 2, options), InputError);
}

TEST_CASE("pool options stride by the window") {
    const Options2d options = pool_options(2, 3);
    CHECK(options.h.stride == 2);
    CHECK(options.w.stride == 3);
    const ConvGeometry g = resolve_geometry(OpKind::Pool, 4, 6, 2, 3, options);
    CHECK(g.h.output == 2);
    CHECK(g.w.output == 2);
}

TEST_CASE("only real input cells are input cells; the padding ring is not") {
    const ConvGeometry g =
        resolve_geometry(OpKind::Conv, 3, 4, 3, 3, Options2d::uniform(1, Padding::of(1)));
    CHECK(g.is_input_cell(0, 0));
    CHECK(g.is_input_cell(2, 3));
    CHECK_FALSE(g.is_input_cell(-1, 0));
    CHECK_FALSE(g.is_input_cell(0, -1));
    CHECK_FALSE(g.is_input_cell(3, 0));
    CHECK_FALSE(g.is_input_cell(0, 4));
}

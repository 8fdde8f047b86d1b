// --set: each key sets its field, a changed shape drops the values that no longer fit
// (and keeps the ones that do), and a bad key or value is refused with the keys listed.
#include <doctest/doctest.h>

#include "core/lessons/lesson_file.hpp"
#include "core/lessons/lessons.hpp"
#include "lesson_setup_equal.hpp"
#include "temp_folder.hpp"

using namespace convscope;
using namespace convscope::testing;

namespace {

const PlaygroundSetup& basic() {
    return find_lesson("conv-basic")->setup;  // 5x5, 3x3, explicit values
}

PlaygroundSetup set(const std::string& overrides) {
    return apply_setting_overrides(basic(), overrides);
}

std::string set_error(const std::string& overrides) {
    return input_error_of([&] { apply_setting_overrides(basic(), overrides); });
}

}  // namespace

TEST_CASE("the issue's example builds the playground it describes") {
    const PlaygroundSetup s = set("input=7x7,kernel=3,padding=same,stride=2,channels=2");
    CHECK(s.input_h == 7);
    CHECK(s.input_w == 7);
    CHECK(s.channels == 2);
    CHECK(s.options.h.padding == Padding::parse("same"));
    CHECK(s.options.w.stride == 2);
    CHECK(s.input_values.empty());   // 25 values do not fit 2x7x7: the seed fills them
    CHECK(s.kernel_values.empty());  // nor 9 a 2-channel kernel
    const Playground p = build_playground(s);
    CHECK(p.output.shape() == std::vector<int>{1, 1, 4, 4});  // ceil(7 / 2)
}

TEST_CASE("each size and option key sets both axes, or each with HxW") {
    CHECK(set("input=6").input_h == 6);
    CHECK(set("input=6x4").input_w == 4);
    CHECK(set("kernel=2x3").kernel_h == 2);
    CHECK(set("kernel=2x3").kernel_w == 3);
    CHECK(set("padding=full").options.w.padding == Padding::parse("full"));
    CHECK(set("padding=valid").options.h.padding == Padding::parse("valid"));
    CHECK(set("padding=1x2").options.h.padding == Padding::of(1));
    CHECK(set("padding=1x2").options.w.padding == Padding::of(2));
    CHECK(set("stride=2x1").options.h.stride == 2);
    CHECK(set("stride=2x1").options.w.stride == 1);
    CHECK(set("dilation=2").options.w.dilation == 2);
    CHECK(set("op=transposed,stride=2,output_padding=1").options.h.output_padding == 1);
    CHECK(set("channels=3").channels == 3);
    CHECK(set("filters=2").filters == 2);
    CHECK(set("batch=4").batch == 4);
    CHECK(set("op=max-pool").op == TracedOp::MaxPool);
    CHECK(set("op=avg-pool").op == TracedOp::AveragePool);
    CHECK(set(" stride = 2 , dilation=1 ").options.h.stride == 2);  // spaces are forgiven
}

TEST_CASE("a key that keeps the shapes keeps the values, one that changes them drops only those") {
    const PlaygroundSetup strided = set("stride=2,padding=1");
    CHECK(strided.input_values == basic().input_values);
    CHECK(strided.kernel_values == basic().kernel_values);
    const PlaygroundSetup wider = set("input=6");
    CHECK(wider.input_values.empty());
    CHECK(wider.kernel_values == basic().kernel_values);
    const PlaygroundSetup two_filters = set("filters=2");
    CHECK(two_filters.input_values == basic().input_values);
    CHECK(two_filters.kernel_values.empty());
    // A transposed kernel has another layout: the op change drops it even at equal counts.
    CHECK(set("op=transposed").kernel_values.empty());
    CHECK(set("op=transposed").input_values == basic().input_values);
    // The order of the keys does not matter.
    CHECK(same_setup(set("stride=2,input=7,seed=3"), set("seed=3,input=7,stride=2")));
}

TEST_CASE("bias, seed and values") {
    CHECK(set("bias=on").has_bias);
    CHECK(!apply_setting_overrides(set("bias=on"), "bias=off").has_bias);
    const PlaygroundSetup every = set("filters=3,bias=-2");
    CHECK(every.has_bias);
    CHECK(every.bias_values == std::vector<float>{-2, -2, -2});
    CHECK(set("filters=2,bias=[1.5,-1]").bias_values == std::vector<float>{1.5f, -1});
    const PlaygroundSetup seeded = set("seed=42");
    CHECK(seeded.seed == 42u);
    CHECK(seeded.input_values.empty());
    CHECK(seeded.kernel_values.empty());
    CHECK(build_playground(seeded).input.values() !=
          build_playground(set("seed=43")).input.values());
    const PlaygroundSetup values = set("kernel=2,kernel_values=[[1,0],[0,-1]],seed=5");
    CHECK(values.kernel_values == std::vector<float>{1, 0, 0, -1});
    CHECK(values.input_values.empty());
    CHECK(set("input=2,input_values=[1,2,3,4]").input_values == std::vector<float>{1, 2, 3, 4});
}

TEST_CASE("bad keys and values are refused, naming the key and what it takes") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"strides=2",
         "unknown setting 'strides'; the keys are op, input, kernel, padding, "
         "stride, dilation, output_padding, channels, filters, batch, groups, bias, seed, "
         "input_values, kernel_values"},
        {"", "setting '' is not KEY=VALUE"},
        {"stride", "setting 'stride' is not KEY=VALUE (like input=7x7,stride=2); the keys are op"},
        {"input=5,", "setting '' is not KEY=VALUE"},
        {"=3", "is not KEY=VALUE"},
        {"stride=2,stride=3", "setting 'stride' is given twice"},
        {"stride=two", "stride: 'two' is not a whole number; stride takes N or HxW from 1 to 16"},
        {"stride=0", "stride=0 is out of range: it must be from 1 to 16"},
        {"input=17", "input=17 is out of range: it must be from 1 to 16"},
        {"input=5x", "input: '' is not a whole number"},
        {"channels=5", "channels=5 is out of range: it must be from 1 to 4"},
        {"padding=half", "padding 'half' is not a number"},
        {"padding=17", "padding=17 is out of range; padding takes N or HxW from 0 to 16"},
        {"op=deconv", "op 'deconv' is none of conv, transposed, max-pool, avg-pool"},
        {"seed=-1", "seed=-1 is out of range"},
        {"bias=maybe", "bias takes on, off, one number for every filter, or [V1,V2,...]"},
        {"bias=[1,2]", "bias has 2 numbers but the filter count FN takes 1"},
        {"bias=1e39", "bias: 1e+39 is too large for a float"},
        {"input_values=[1,2]", "input_values has 2 numbers but the input (N*C*H*W) takes 25"},
        {"kernel_values=[[1,2]", "unbalanced brackets"},
        {"kernel_values=1]", "unbalanced brackets"},
    };
    for (const auto& [overrides, problem] : cases) {
        INFO(overrides);
        const std::string message = set_error(overrides);
        CHECK(message.find(problem) != std::string::npos);
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("what --set makes, a lesson file keeps") {
    const LessonState state{"padding", 0,
                            apply_setting_overrides(find_lesson("padding")->setup,
                                                    "input=6x5,padding=2x1,filters=2,bias=on")};
    const LessonState back = decode_lesson_state(encode_lesson_state(state), "set");
    CHECK(same_setup(back.setup, state.setup));
}

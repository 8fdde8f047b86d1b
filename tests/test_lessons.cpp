// Every lesson builds, its trace replays to the reference op, and it shows the
// chapter's numbers (corrected where the chapter slips).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/formats/nested_array.hpp"
#include "core/lessons/lessons.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

namespace {

Playground build(const std::string& id) {
    const Lesson* lesson = find_lesson(id);
    REQUIRE_MESSAGE(lesson != nullptr, id);
    return build_playground(lesson->setup);
}

std::vector<int> spatial(const Playground& p) {
    return {p.output.dim(2), p.output.dim(3)};
}

}  // namespace

TEST_CASE("every lesson builds and its trace replays to the reference op") {
    std::set<std::string> ids;
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        CHECK(ids.insert(lesson.id).second);
        CHECK_FALSE(lesson.title.empty());
        CHECK_FALSE(lesson.explanation.empty());
        const Playground p = build_playground(lesson.setup);
        CHECK(p.trace.replay().values() == p.output.values());
        CHECK(p.trace.output_shape() == p.output.shape());
        // The output formula the window shows is the one of the trace's geometry kind.
        const TracedOp op = lesson.setup.op;
        CHECK(p.trace.geometry().kind == (op == TracedOp::Conv             ? OpKind::Conv
                                          : op == TracedOp::TransposedConv ? OpKind::TransposedConv
                                                                           : OpKind::Pool));
    }
    CHECK(ids.size() >= 30);
}

TEST_CASE("the chapter's examples show the chapter's numbers") {
    CHECK(build("conv-basic").output.values() ==
          std::vector<float>{12, 12, 17, 10, 17, 19, 9, 6, 14});
    CHECK(build("conv-bias").output.values() ==
          std::vector<float>{15, 15, 20, 13, 20, 22, 12, 9, 17});
    CHECK(build("padding").output.values() ==
          std::vector<float>{7, 12, 10, 2, 4, 15, 16, 10, 10, 6, 15, 6, 8, 10, 4, 3});
    CHECK(spatial(build("padding-arbitrary")) == std::vector<int>{6, 6});
    CHECK(spatial(build("same")) == std::vector<int>{5, 5});
    CHECK(spatial(build("full")) == std::vector<int>{7, 7});  // the chapter says 6
    CHECK(spatial(build("stride")) == std::vector<int>{3, 3});
    CHECK(build("channels").output.shape() ==
          std::vector<int>{1, 1, 3, 3});  // the chapter says (2,2)
    CHECK(build("filters-bias").output.shape() == std::vector<int>{1, 2, 3, 3});
    CHECK(build("batch").output.shape() == std::vector<int>{2, 2, 2, 2});
    CHECK(build("max-pool").output.values() == std::vector<float>{2, 3, 4, 2});
    CHECK(build("avg-pool").output.values() == std::vector<float>{1, 1.5f, 2.25f, 1});
    CHECK(spatial(build("dilated")) == std::vector<int>{3, 3});
    CHECK(spatial(build("transposed")) == std::vector<int>{5, 5});
}

// The number a lesson's text gives for o: the last "= N" of its first "o = ..." clause.
int stated_output_size(const std::string& text) {
    const std::size_t start = text.find("o = ");
    const std::size_t end = text.find_first_of(";.", start);
    const std::string clause = text.substr(start, end - start);
    return std::stoi(clause.substr(clause.rfind(' ') + 1));
}

TEST_CASE("what each lesson's text says to expect is what the lesson computes") {
    int arrays = 0, sizes = 0;
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id << ": " << lesson.expected);
        const Playground p = build_playground(lesson.setup);
        const std::size_t last_array = lesson.expected.rfind("[[");
        if (last_array != std::string::npos) {  // the last nested array is the output
            const std::size_t end = lesson.expected.find("]]", last_array) + 2;
            const Tensor stated =
                parse_nested_array(lesson.expected.substr(last_array, end - last_array), lesson.id);
            CHECK(stated.values() == p.output.values());
            ++arrays;
        }
        if (lesson.expected.find("o = ") != std::string::npos) {
            CHECK(stated_output_size(lesson.expected) == p.output.dim(2));
            ++sizes;
        }
    }
    CHECK(arrays >= 4);
    CHECK(sizes >= 5);
}

TEST_CASE("the lessons that correct the chapter say so") {
    CHECK(find_lesson("full")->erratum.find("7") != std::string::npos);
    CHECK(find_lesson("channels")->erratum.find("(1,3,3)") != std::string::npos);
}

TEST_CASE("every conv_arithmetic animation is a lesson with the guide's output size") {
    const std::pair<const char*, int> cases[] = {
        {"ca-no-padding-no-strides", 2},
        {"ca-arbitrary-padding", 6},
        {"ca-same-padding", 5},
        {"ca-full-padding", 7},
        {"ca-no-padding-strides", 2},
        {"ca-padding-strides", 3},
        {"ca-padding-strides-odd", 3},
        {"ca-dilation", 3},
        {"ca-no-padding-no-strides-transposed", 4},
        {"ca-arbitrary-padding-transposed", 5},
        {"ca-same-padding-transposed", 5},
        {"ca-full-padding-transposed", 5},
        {"ca-no-padding-strides-transposed", 5},
        {"ca-padding-strides-transposed", 5},
        {"ca-padding-strides-odd-transposed", 6},
    };
    for (const auto& [id, size] : cases) {
        INFO(id);
        CHECK(spatial(build(id)) == std::vector<int>{size, size});
    }
}

TEST_CASE("the lesson list's groups: the chapter, beyond it, the guide, its transposed cases") {
    int count[4] = {0, 0, 0, 0};
    LessonGroup previous = LessonGroup::Chapter;
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        const LessonGroup group = lesson_group(lesson);
        // The list writes each heading once, where its group starts.
        CHECK(static_cast<int>(group) >= static_cast<int>(previous));
        previous = group;
        ++count[static_cast<int>(group)];
        const std::string title = title_in_group(lesson);
        CHECK_FALSE(title.empty());
        if (group == LessonGroup::Chapter || group == LessonGroup::Beyond) {
            CHECK(title == lesson.title);
            CHECK((group == LessonGroup::Beyond) == (lesson.section == "B"));
            continue;
        }
        CHECK(lesson.section == "A");
        // Under the transposed heading the prefix would repeat it; elsewhere it stays.
        const bool transposed = lesson.setup.op == TracedOp::TransposedConv;
        CHECK((group == LessonGroup::GuideTransposed) == transposed);
        CHECK((lesson.title.rfind("Transposed: ", 0) == 0) == transposed);
        CHECK(title.find("Transposed") == std::string::npos);
    }
    // The chapter's own transposed lesson stays in the chapter, with its title.
    CHECK(lesson_group(*find_lesson("transposed")) == LessonGroup::Chapter);
    CHECK(count[0] > 0);
    CHECK(count[1] == 10);  // beyond: correlation, im2col, 1-D x3, grouped x3, backward x2
    CHECK(count[2] == 8);   // the guide's convolution animations
    CHECK(count[3] == 7);   // and its transposed ones
}

TEST_CASE("playground settings out of range are rejected with the setting named") {
    PlaygroundSetup setup;
    setup.input_h = 40;
    CHECK_THROWS_WITH_AS(build_playground(setup),
                         "input height=40 is out of range: 1 to 16 in the playground", InputError);
    setup = PlaygroundSetup();
    setup.channels = 0;
    CHECK_THROWS_AS(build_playground(setup), InputError);
    setup = PlaygroundSetup();
    setup.input_values = {1, 2, 3};
    CHECK_THROWS_WITH_AS(build_playground(setup),
                         "input has 3 values but its shape (1, 1, 5, 5) needs 25", InputError);
    setup = PlaygroundSetup();
    setup.kernel_h = 7;
    CHECK_THROWS_AS(build_playground(setup), InputError);  // larger than the padded input
    // Options a file could ask for beyond what the playground shows.
    setup = PlaygroundSetup();
    setup.options.w.stride = 17;
    CHECK_THROWS_WITH_AS(build_playground(setup),
                         "stride=17 is out of range: at most 16 in the playground", InputError);
    setup = PlaygroundSetup();
    setup.options.h.padding = Padding::of(1000000);
    CHECK_THROWS_WITH_AS(build_playground(setup),
                         "padding=1000000 is out of range: at most 16 in the playground",
                         InputError);
    setup = PlaygroundSetup();
    setup.op = TracedOp::TransposedConv;
    setup.options.h.dilation = 40;
    CHECK_THROWS_AS(build_playground(setup), InputError);
}

TEST_CASE("with_explicit_values writes out the seeded values, and rebuilds the same numbers") {
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        PlaygroundSetup setup = lesson.setup;
        setup.has_bias = !is_pooling(setup.op);
        const Playground seeded = build_playground(setup);
        const PlaygroundSetup explicit_setup = with_explicit_values(seeded);
        CHECK(explicit_setup.input_values == seeded.input.values());
        CHECK(explicit_setup.kernel_values == seeded.kernel.values());
        CHECK(explicit_setup.bias_values == seeded.bias);
        CHECK(explicit_setup.seed == setup.seed);
        PlaygroundSetup reseeded = explicit_setup;
        reseeded.seed += 99;  // explicit values no longer depend on the seed
        CHECK(build_playground(reseeded).output.values() == seeded.output.values());
    }
}

TEST_CASE("seeded values are reproducible and in range") {
    const std::vector<float> a = seeded_values(100, 7, -1, 2);
    CHECK(a == seeded_values(100, 7, -1, 2));
    CHECK(a != seeded_values(100, 8, -1, 2));
    std::set<float> distinct(a.begin(), a.end());
    CHECK(distinct == std::set<float>{-1, 0, 1, 2});
}

TEST_CASE("value counts are the sizes of the tensors a setup builds") {
    for (const Lesson& lesson : lessons()) {
        INFO(lesson.id);
        PlaygroundSetup setup = lesson.setup;
        setup.has_bias = true;  // the bias count holds whether or not it is on
        const PlaygroundValueCounts counts = value_counts(setup);
        const Playground p = build_playground(setup);
        CHECK(counts.input == p.input.size());
        if (setup.op == TracedOp::Conv || setup.op == TracedOp::TransposedConv) {
            CHECK(counts.kernel == p.kernel.size());
            CHECK(counts.bias == p.bias.size());
        }
    }
    PlaygroundSetup setup;
    setup.batch = 2;
    setup.channels = 3;
    setup.filters = 4;
    setup.input_h = 6;
    setup.input_w = 5;
    setup.kernel_h = 3;
    setup.kernel_w = 2;
    setup.op = TracedOp::MaxPool;  // pooling keeps the kernel's count for a switch back
    const PlaygroundValueCounts counts = value_counts(setup);
    CHECK(counts.input == 2 * 3 * 6 * 5);
    CHECK(counts.kernel == 4 * 3 * 3 * 2);
    CHECK(counts.bias == 4);
    setup.batch = -1;  // an invalid draft counts no values rather than wrapping around
    CHECK(value_counts(setup).input == 0);
}

TEST_CASE("a shape edit drops exactly the values that no longer fit") {
    PlaygroundSetup setup = find_lesson("conv-bias")->setup;
    CHECK(without_values_that_no_longer_fit(setup).input_values == setup.input_values);

    PlaygroundSetup taller = setup;
    taller.input_h = 6;
    const PlaygroundSetup kept = without_values_that_no_longer_fit(taller);
    CHECK(kept.input_values.empty());
    CHECK(kept.kernel_values == setup.kernel_values);
    CHECK(kept.bias_values == setup.bias_values);
    CHECK(build_playground(kept).input.shape() == std::vector<int>{1, 1, 6, 5});
    CHECK_THROWS_AS(build_playground(taller), InputError);  // why they must go

    PlaygroundSetup more_filters = setup;
    more_filters.filters = 2;
    const PlaygroundSetup refilled = without_values_that_no_longer_fit(more_filters);
    CHECK(refilled.input_values == setup.input_values);
    CHECK(refilled.kernel_values.empty());
    CHECK(refilled.bias_values.empty());
    CHECK(build_playground(refilled).output.shape() == std::vector<int>{1, 2, 3, 3});
}

TEST_CASE("the padding ring holds every cell a step reads; a transposed conv's has none") {
    // Same padding with an even kernel pads 1 before and 2 after: the sides differ (a
    // transposed conv refuses it, ConvTranspose2d pads both sides alike).
    const std::pair<TracedOp, const char*> cases[] = {
        {TracedOp::Conv, "0"},    {TracedOp::Conv, "1"},           {TracedOp::Conv, "same"},
        {TracedOp::Conv, "full"}, {TracedOp::TransposedConv, "0"}, {TracedOp::TransposedConv, "1"},
        {TracedOp::MaxPool, "1"}, {TracedOp::MaxPool, "same"},     {TracedOp::AveragePool, "1"}};
    for (const auto& [op, padding] : cases) {
        INFO("op " << static_cast<int>(op) << ", padding " << std::string(padding));
        PlaygroundSetup setup;
        setup.op = op;
        setup.input_h = 5;
        setup.input_w = 6;
        setup.kernel_h = 3;
        setup.kernel_w = 4;
        setup.options = Options2d::uniform(1, Padding::parse(padding));
        const Playground p = build_playground(setup);
        const PaddingRing ring = input_padding_ring(p);
        CHECK(ring.h.input == 5);
        CHECK(ring.w.input == 6);
        int top = 0, left = 0, bottom = 0, right = 0;  // the taps' extent
        for (int t = 0; t < p.trace.step_count(); ++t) {
            for (const TraceTerm& term : p.trace.step(t).terms) {
                top = std::min(top, term.tap.in_y);
                left = std::min(left, term.tap.in_x);
                bottom = std::max(bottom, term.tap.in_y);
                right = std::max(right, term.tap.in_x);
            }
        }
        // The first window starts at the ring's corner; no tap falls outside it.
        CHECK(top == -ring.h.before);
        CHECK(left == -ring.w.before);
        CHECK(bottom < ring.h.input + ring.h.after);
        CHECK(right < ring.w.input + ring.w.after);
        CHECK(ring.h.size() == ring.h.before + 5 + ring.h.after);
        if (op == TracedOp::TransposedConv) {
            // Its padding crops the output: every tap is a real input cell.
            CHECK(ring.h.before + ring.h.after + ring.w.before + ring.w.after == 0);
        } else {
            const ConvGeometry& g = p.trace.geometry();
            CHECK(ring.h.before == g.h.pad_before);
            CHECK(ring.h.after == g.h.pad_after);
            CHECK(ring.w.before == g.w.pad_before);
            CHECK(ring.w.after == g.w.pad_after);
        }
    }
}

// JSON nested arrays in and out, and the messages for malformed ones.
#include <doctest/doctest.h>

#include "core/formats/nested_array.hpp"
#include "core/tensor/check.hpp"

using namespace convscope;

TEST_CASE("ranks 1 to 4 parse to their shapes") {
    CHECK(parse_nested_array("[1,2,3]", "x").shape() == std::vector<int>{3});
    CHECK(parse_nested_array("[[1,2],[3,4],[5,6]]", "x").shape() == std::vector<int>{3, 2});
    CHECK(parse_nested_array("[[[1]],[[2]]]", "x").shape() == std::vector<int>{2, 1, 1});
    const Tensor t = parse_nested_array("[[[[1, 2.5]], [[-3, 4e1]]]]", "x");
    CHECK(t.shape() == std::vector<int>{1, 2, 1, 2});
    CHECK(t.values() == std::vector<float>{1, 2.5f, -3, 40});
}

TEST_CASE("printing round-trips; whole numbers without a decimal point") {
    const std::string text = "[[12,12,17],[10,17,19],[9,6,14]]";
    CHECK(to_nested_array(parse_nested_array(text, "x")) == text);
    CHECK(to_nested_array(parse_nested_array("[[0.5,-1.25],[0.1,-0]]", "x")) ==
          "[[0.5,-1.25],[0.1,0]]");
    CHECK(number_text(1.0f / 3.0f) == "0.33333334");
    CHECK(number_text(1e8f) == "1e+08");
}

TEST_CASE("malformed arrays get messages naming the option and the problem") {
    CHECK_THROWS_WITH_AS(parse_nested_array("[[1,2],[3]]", "--input"),
                         "--input: rows differ in length (ragged array); every row at depth 2 "
                         "needs 2 elements",
                         InputError);
    CHECK_THROWS_WITH_AS(parse_nested_array("[[1,\"a\"]]", "--kernel"),
                         "--kernel: '\"a\"' is not a number", InputError);
    CHECK_THROWS_WITH_AS(parse_nested_array("[]", "--input"),
                         "--input: an empty array has no values", InputError);
    CHECK_THROWS_WITH_AS(parse_nested_array("[[[[[1]]]]]", "--input"),
                         "--input: more than 4 levels of nesting", InputError);
    CHECK_THROWS_AS(parse_nested_array("[[1,2]", "--input"), InputError);
    CHECK_THROWS_AS(parse_nested_array("5", "--input"), InputError);
    CHECK_THROWS_AS(parse_nested_array("[[1],[[2]]]", "--input"), InputError);
    CHECK_THROWS_AS(parse_nested_array("[true]", "--input"), InputError);
    CHECK_THROWS_WITH_AS(parse_nested_array("[1, 1e39]", "--input"),
                         "--input: 1e+39 is too large for a float", InputError);
    CHECK(parse_nested_array("[-3.4e38]", "--input").values()[0] == -3.4e38f);
}

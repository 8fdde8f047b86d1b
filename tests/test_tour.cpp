// The tour at the top of core/convscope.hpp, compiled and run so it cannot rot. The
// first test case is the tour's code line for line, with the outputs its comments state
// checked between the lines; the second checks that every line of the header's tour
// is a line of this file, so the two cannot drift apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "core/convscope.hpp"

namespace {

const std::string kRepository = CONVSCOPE_FIXTURE_DIR "/../..";

// The tour loads "assets/mnist" as a program started from the repository root would.
class InRepositoryRoot {
  public:
    InRepositoryRoot() : previous_(std::filesystem::current_path()) {
        std::filesystem::current_path(kRepository);
    }
    ~InRepositoryRoot() { std::filesystem::current_path(previous_); }
    InRepositoryRoot(const InRepositoryRoot&) = delete;
    InRepositoryRoot& operator=(const InRepositoryRoot&) = delete;

  private:
    std::filesystem::path previous_;
};

std::string trimmed(const std::string& line) {
    const auto first = line.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return line.substr(first, line.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    REQUIRE_MESSAGE(in, "cannot open " << path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("the tour in core/convscope.hpp runs and computes what its comments say") {
    InRepositoryRoot root;

    using namespace convscope;

    // 1. Arithmetic, one axis (seed 2.4: i=5, k=3, s=2, p=1 gives o=3):
    AxisParams axis;
    axis.input = 5, axis.kernel = 3, axis.stride = 2, axis.padding = Padding::of(1);
    AxisGeometry g = resolve_axis(OpKind::Conv, axis);  // g.output == 3
    CHECK(g.output == 3);
    std::string formula = formula_text(OpKind::Conv, g);
    // "o = floor((i + 2p - k)/s) + 1 = floor((5 + 2*1 - 3)/2) + 1 = 3"
    CHECK(formula == "o = floor((i + 2p - k)/s) + 1 = floor((5 + 2*1 - 3)/2) + 1 = 3");

    // Which input cells an output cell reads, and how often each input cell is read:
    ConvGeometry geometry = resolve_geometry(OpKind::Conv, axis, axis);
    std::vector<Tap> window = output_taps(geometry, 0, 0);  // 9 taps, 5 in the padding
    CHECK(window.size() == 9);
    CHECK(std::count_if(window.begin(), window.end(), [](const Tap& t) { return t.padded; }) == 5);
    std::vector<int> counts = visit_counts(geometry);  // 5x5 row-major: (1,1) is read 4 times
    CHECK(counts.size() == 25);
    CHECK(counts[1 * 5 + 1] == 4);
    CHECK(counts[0] == 1);

    // 2. Values: NCHW tensors, cross-correlation as PyTorch computes it (seed 2.2):
    std::string seed_input = "[[3,3,2,1,0],[0,0,1,3,1],[3,1,2,2,3],[2,0,0,2,2],[2,0,0,0,1]]";
    Tensor input = parse_nested_array(seed_input, "input").as_rank4();
    Tensor kernel = parse_nested_array("[[0,1,2],[2,2,0],[0,1,2]]", "kernel").as_rank4();
    Tensor out = conv2d(input, kernel, /*bias=*/{}, Options2d::uniform(1, Padding::of(0)));
    // out (1,1,3,3): [[12,12,17],[10,17,19],[9,6,14]]
    CHECK(out.shape() == std::vector<int>{1, 1, 3, 3});
    CHECK(out.values() == std::vector<float>{12, 12, 17, 10, 17, 19, 9, 6, 14});

    // 3. A lesson, traced step by step as the window animates it:
    Playground scene = build_playground(find_lesson("conv-basic")->setup);
    TraceStep first = scene.trace.step(0);  // the top-left window
    std::string sum = step_equation(scene.trace.op(), first);
    // "3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12"
    CHECK(sum == "3x0 + 3x1 + 2x2 + 0x2 + 0x2 + 1x0 + 3x0 + 1x1 + 2x2 = 12");
    Tensor replayed = scene.trace.replay();  // every step's value: equals scene.output
    CHECK(replayed.values() == scene.output.values());
    CHECK(scene.output.values() == out.values());

    // 4. Training SimpleConvNet on the bundled MNIST subset (from the repository root):
    MnistData mnist = load_mnist("assets/mnist");
    Network<float> net(simpleconvnet_spec(), /*max_batch=*/50, /*threads=*/1);
    net.initialize(/*seed=*/1);
    Trainer trainer(net, mnist.train, OptimizerKind::Adam, 0.001f, /*seed=*/1);
    float first_loss = trainer.train_batch().loss;  // untrained: above ln 10 = 2.3
    for (int step = 0; step < 40; ++step) trainer.train_batch();
    float loss = trainer.train_batch().loss;               // well below first_loss
    double accuracy = evaluate_accuracy(net, mnist.test);  // far above chance (0.1)
    MESSAGE("first loss " << first_loss << ", loss after 42 batches " << loss << ", accuracy "
                          << accuracy);
    CHECK(first_loss > std::log(10.0f));
    CHECK(loss < 0.5f * first_loss);
    CHECK(accuracy > 0.5);
}

TEST_CASE("every line of the header's tour is a line of this test") {
    const std::vector<std::string> header = lines_of(kRepository + "/core/convscope.hpp");
    const std::vector<std::string> test = lines_of(kRepository + "/tests/test_tour.cpp");
    std::set<std::string> test_lines;
    for (const std::string& line : test) test_lines.insert(trimmed(line));

    // The tour: the header's opening comment lines indented as code ("//   ...").
    int tour_lines = 0;
    for (const std::string& line : header) {
        if (line.rfind("//", 0) != 0) break;  // the opening comment ends
        if (line.rfind("//   ", 0) != 0) continue;
        const std::string code = trimmed(line.substr(2));
        if (code.empty()) continue;
        ++tour_lines;
        CHECK_MESSAGE(test_lines.count(code) == 1, "tour line not in the test: " << code);
    }
    CHECK(tour_lines >= 20);
}

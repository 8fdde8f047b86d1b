// The channel and signal lessons: their presets and text (English here; Chinese in
// assets/lang/zh/channels.po).
#include "core/lessons/lessons_channels.hpp"

#include <cmath>

#include "core/lessons/lesson_parts.hpp"

namespace convscope {

namespace {

constexpr int kSignalLength = 24;

// Beyond the chapter (section B): the convolutions of the next papers.
Lesson make(const char* id, const char* title, const char* explanation, const char* expected,
            PlaygroundSetup setup, LessonView view) {
    return make_lesson(id, "B", title, explanation, expected, std::move(setup), view);
}

PlaygroundSetup signal_setup(std::vector<float> kernel) {
    PlaygroundSetup s;
    s.one_d = true;
    s.input_h = s.kernel_h = 1;
    s.input_w = kSignalLength;
    s.kernel_w = static_cast<int>(kernel.size());
    s.input_values = demo_signal(kSignalLength);
    s.kernel_values = std::move(kernel);
    return s;
}

PlaygroundSetup channels_setup(int channels, int filters, int groups, int kernel) {
    PlaygroundSetup s;
    s.channels = channels;
    s.filters = filters;
    s.groups = groups;
    s.input_h = s.input_w = 4;
    s.kernel_h = s.kernel_w = kernel;
    s.seed = 5;
    return s;
}

}  // namespace

std::vector<float> demo_signal(int length) {
    const std::vector<float> noise = seeded_values(static_cast<std::size_t>(length), 11, -1, 1);
    std::vector<float> signal;
    for (int t = 0; t < length; ++t) {
        const double wave = 2.0 * std::sin(2.0 * 3.14159265358979 * t / 12.0);
        const double step = t >= length * 3 / 5 ? 6.0 : 0.0;
        signal.push_back(static_cast<float>(std::lround(wave + step)) + noise[t]);
    }
    return signal;
}

std::vector<Lesson> channel_lessons() {
    std::vector<Lesson> all;
    all.push_back(
        make("conv1d", "1-D: moving average",
             "A time series is a 1-D grid: the kernel slides along one axis. A moving average "
             "(four weights of 1/4) smooths the noise away and keeps the slow wave and the step.",
             "24 samples, k=4: 24 - 4 + 1 = 21 outputs, each the mean of four neighbours.",
             signal_setup({0.25f, 0.25f, 0.25f, 0.25f}), LessonView::Signal));
    all.push_back(make("conv1d-difference", "1-D: difference",
                       "The kernel [-1, 1] subtracts each sample from the next: the output is "
                       "large where the signal jumps, and near zero where it is flat.",
                       "The largest output is where the step is.", signal_setup({-1, 1}),
                       LessonView::Signal));
    all.push_back(make("conv1d-pattern", "1-D: matched pattern",
                       "A kernel shaped like the pattern it looks for, here a step up "
                       "[-1, -1, 1, 1], gives its largest output where the signal matches it "
                       "best (cross-correlation, as PyTorch computes it).",
                       "The output peaks where the step up lies.", signal_setup({-1, -1, 1, 1}),
                       LessonView::Signal));
    all.push_back(make("grouped", "Grouped convolution",
                       "With groups G the C input channels are split into G groups, and each "
                       "filter reads only its own group: a kernel of C/G channels, G times "
                       "fewer weights. Channels of other groups are not read at all.",
                       "C=4, FN=2, G=2: filter 0 reads channels 0 and 1, filter 1 reads 2 and "
                       "3; 36 weights instead of 72.",
                       channels_setup(4, 2, 2, 3), LessonView::Groups));
    all.push_back(make("depthwise", "Depthwise convolution",
                       "With G = C every group is one channel: each filter convolves one input "
                       "channel alone, and nothing mixes the channels (a depthwise convolution).",
                       "C=FN=G=3: three 3x3 kernels of one channel each, 27 weights instead of 81.",
                       channels_setup(3, 3, 3, 3), LessonView::Groups));
    all.push_back(make("pointwise", "Pointwise (1x1)",
                       "A 1x1 kernel reads one pixel: each output pixel is a weighted sum of the "
                       "C channels at the same place. It mixes channels and leaves space alone; "
                       "after a depthwise convolution it completes a depthwise separable one.",
                       "C=3, FN=2, 1x1 kernels: output (2,4,4), 6 weights.",
                       channels_setup(3, 2, 1, 1), LessonView::Groups));
    return all;
}

}  // namespace convscope

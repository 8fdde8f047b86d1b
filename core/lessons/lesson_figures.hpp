// The figures some lesson views draw besides the step grids, built by core once each
// time the playground changes, so the window only lays them out. One struct per view:
//   ReceptiveField  receptive_field_figure.hpp  the lesson's convolution applied twice
//   Equivariance    equivariance_figure.hpp     conv(shift(x)) against shift(conv(x))
//   PoolRobustness  pool_robustness_figure.hpp  max pooling before and after a shift
//   Sharing         sharing_figure.hpp          every use of each kernel weight
//   VisitCounts     visit_counts_figure.hpp     how often each input cell is read
//   Sparse          sparse_figure.hpp           the conv as a sparse matrix, against dense
//   Backward        backward_figure.hpp         the backward pass, gradient cell by cell
//   Im2col          im2col_figure.hpp           columns times filter rows
//   TransposedDirect transposed_direct_figure.hpp  zeros, padding, a turned kernel
//   CorrelationConvolution correlation_figure.hpp  the kernel turned 180°
//   Groups, Signal  channels_figure.hpp         grouped channels and weights; 1-D signals
// Steps draws from the playground alone.
#pragma once

#include <variant>

#include "core/lessons/backward_figure.hpp"
#include "core/lessons/channels_figure.hpp"
#include "core/lessons/correlation_figure.hpp"
#include "core/lessons/equivariance_figure.hpp"
#include "core/lessons/im2col_figure.hpp"
#include "core/lessons/lessons.hpp"
#include "core/lessons/pool_robustness_figure.hpp"
#include "core/lessons/receptive_field_figure.hpp"
#include "core/lessons/sharing_figure.hpp"
#include "core/lessons/sparse_figure.hpp"
#include "core/lessons/transposed_direct_figure.hpp"
#include "core/lessons/visit_counts_figure.hpp"

namespace convscope {

using LessonFigure =
    std::variant<std::monostate, ReceptiveFieldFigure, EquivarianceFigure, PoolRobustnessFigure,
                 SharingFigure, VisitCountsFigure, SparseFigure, BackwardFigure, Im2colFigure,
                 TransposedDirectFigure, CorrelationFigure, GroupsFigure, SignalFigure>;

// The figure `view` draws for `playground`: std::monostate when the view has none, or
// when the playground's operation is not the one the view explains (the student changed
// it; the window then shows the plain steps). `grad_output`: the backward view's dL/dY
// when the student edited it (ignored when null or not shaped as the forward output).
LessonFigure build_lesson_figure(LessonView view, const Playground& playground,
                                 const Tensor* grad_output = nullptr);

// How many steps the timeline has: the backward trace's for a BackwardFigure, else
// the playground's forward trace's.
int lesson_step_count(const LessonFigure& figure, const Playground& playground);

}  // namespace convscope

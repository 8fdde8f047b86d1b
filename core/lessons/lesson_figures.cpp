#include "core/lessons/lesson_figures.hpp"

namespace convscope {

LessonFigure build_lesson_figure(LessonView view, const Playground& playground,
                                 const Tensor* grad_output) {
    const TracedOp op = playground.trace.op();
    switch (view) {
        case LessonView::ReceptiveField:
            if (op == TracedOp::Conv) return build_receptive_field_figure(playground);
            break;
        case LessonView::Equivariance:
            if (op == TracedOp::Conv) return build_equivariance_figure(playground);
            break;
        case LessonView::PoolRobustness:
            if (op == TracedOp::MaxPool) return build_pool_robustness_figure(playground);
            break;
        case LessonView::Sharing:
            if (op == TracedOp::Conv) return build_sharing_figure(playground);
            break;
        case LessonView::VisitCounts:
            return build_visit_counts_figure(playground);  // every operation reads its input
        case LessonView::Sparse:
            if (op == TracedOp::Conv) return build_sparse_figure(playground);
            break;
        case LessonView::Backward:
            // A grouped conv's backward is not traced (yet): the forward steps stand in.
            if (op != TracedOp::TransposedConv && playground.setup.groups == 1) {
                if (grad_output != nullptr &&
                    grad_output->shape() == expected_grad_output_shape(playground.trace))
                    return build_backward_figure(playground, *grad_output);
                return build_backward_figure(playground);
            }
            break;
        case LessonView::Im2col:
            if (op == TracedOp::Conv) return build_im2col_figure(playground);
            break;
        case LessonView::TransposedDirect:
            if (op == TracedOp::TransposedConv) return build_transposed_direct_figure(playground);
            break;
        case LessonView::CorrelationConvolution:
            if (op == TracedOp::Conv) return build_correlation_figure(playground);
            break;
        case LessonView::Groups:
            if (op == TracedOp::Conv) return build_groups_figure(playground);
            break;
        case LessonView::Signal:
            // Any 1-D operation has a signal in and one out.
            if (playground.setup.one_d) return build_signal_figure(playground);
            break;
        case LessonView::Steps:
            break;
    }
    return std::monostate();
}

int lesson_step_count(const LessonFigure& figure, const Playground& playground) {
    if (const auto* backward = std::get_if<BackwardFigure>(&figure))
        return backward->trace.step_count();
    return playground.trace.step_count();
}

}  // namespace convscope

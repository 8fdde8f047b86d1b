#include "core/lessons/lesson_figures.hpp"

namespace convscope {

LessonFigure build_lesson_figure(LessonView view, const Playground& playground) {
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

}  // namespace convscope

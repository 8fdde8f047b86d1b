// The dispatch: each lesson view's board (one file per view, lesson_boards.hpp lists them).
#include "app/boards/lesson_boards.hpp"

namespace convscope {

LessonBoard lesson_board(LessonView view, const ViewContext& context) {
    switch (view) {
        case LessonView::Steps:
            return steps_board(context);
        case LessonView::VisitCounts:
            return visit_counts_board(context);
        case LessonView::Sparse:
            return sparse_board(context);
        case LessonView::Sharing:
            return sharing_board(context);
        case LessonView::Equivariance:
            return equivariance_board(context);
        case LessonView::PoolRobustness:
            return pool_robustness_board(context);
        case LessonView::ReceptiveField:
            return receptive_field_board(context);
        case LessonView::Backward:
            return backward_board(context);
        case LessonView::Im2col:
            return im2col_board(context);
        case LessonView::TransposedDirect:
            return transposed_direct_board(context);
        case LessonView::CorrelationConvolution:
            return correlation_board(context);
        case LessonView::Groups:
            return groups_board(context);
        case LessonView::Signal:
            return signal_board(context);
    }
    return steps_board(context);
}

}  // namespace convscope

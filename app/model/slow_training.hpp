// Training slow enough to follow (issue 16 section 3), the view side: the pace, the
// picked weight and the replay timeline's state as actions change them, and which
// snapshot the timeline plays next. Pure functions of AppState, tested without a window.
#pragma once

#include <memory>
#include <vector>

#include "app/model/live_state.hpp"
#include "core/nn/training_timeline.hpp"

namespace convscope {

using TimelineEntries = std::vector<std::shared_ptr<const TimelineEntry>>;

// The pace, weight pick and timeline actions applied to the view state. Pressing the
// one-batch key (TrainingCommand::Step) switches the pace to one batch per press.
void apply_slow_training_actions(const LiveActions& actions, NetworkViewState& network);

// The batch a playing timeline moves to after `batch`: the next entry's; the first
// entry's after the last (so it loops) and when `batch` is before all; `batch` itself
// when there are no entries.
long replay_next_batch(const TimelineEntries& entries, long batch);

}  // namespace convscope

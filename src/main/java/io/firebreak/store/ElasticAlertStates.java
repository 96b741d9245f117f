package io.firebreak.store;

import io.firebreak.alert.AlertState;
import io.firebreak.alert.AlertStateStore;
import java.util.Optional;

/** Per-alert notification state (Slack message ts, last sent) in Elasticsearch: restarts never re-post. */
public final class ElasticAlertStates implements AlertStateStore {

    private final StateDocuments state;

    public ElasticAlertStates(StateDocuments state) {
        this.state = state;
    }

    @Override
    public Optional<AlertState> find(String alertId) {
        return state.get("alert-state:" + alertId, AlertState.class);
    }

    @Override
    public void save(AlertState alertState) {
        state.put("alert-state:" + alertState.alertId(), alertState);
    }
}

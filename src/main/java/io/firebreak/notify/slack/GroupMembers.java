package io.firebreak.notify.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The members of Slack user groups ({@code usergroups.users.list}, scope {@code usergroups:read}), kept for
 * a TTL so a burst of button presses costs one call per group. When Slack cannot answer, the last answer
 * is used however old; with none, the group counts as empty (a refusal, never a grant).
 */
public final class GroupMembers {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMembers.class);

    /** How a group's members are fetched; a seam for tests. */
    @FunctionalInterface
    public interface Source {
        Set<String> members(String groupId) throws IOException;
    }

    private record Known(Set<String> users, Instant at) {}

    private final Source source;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Known> cache = new ConcurrentHashMap<>();

    public GroupMembers(Source source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Members through the Web API. */
    public static Source slack(MethodsClient methods) {
        return group -> {
            try {
                var r = methods.usergroupsUsersList(q -> q.usergroup(group));
                if (!r.isOk()) {
                    throw new IOException("usergroups.users.list: " + r.getError());
                }
                return Set.copyOf(r.getUsers());
            } catch (SlackApiException e) {
                throw new IOException("usergroups.users.list: HTTP " + e.getResponse().code());
            }
        };
    }

    /**
     * Whether the user is in the group by the last answer Slack gave, however old, without asking again; null
     * when no answer is known yet. For what must not wait on Slack (a modal's trigger lasts 3 seconds).
     */
    public Boolean knownToContain(String groupId, String user) {
        Known known = cache.get(groupId);
        return known == null ? null : known.users().contains(user);
    }

    public boolean contains(String groupId, String user) {
        Instant now = clock.instant();
        Known known = cache.get(groupId);
        if (known == null || !now.isBefore(known.at().plus(ttl))) {
            try {
                known = new Known(source.members(groupId), now);
                cache.put(groupId, known);
            } catch (IOException | RuntimeException e) {
                LOG.warn("members of user group {} unknown ({}); {}", groupId, e.getMessage(),
                        known == null ? "counted as empty" : "using the answer from " + known.at());
                if (known == null) {
                    return false;
                }
            }
        }
        return known.users().contains(user);
    }
}

package io.firebreak.notify.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolesTest {

    @TempDir
    Path dir;

    private Roles load(String yaml) throws Exception {
        Path file = dir.resolve("roles.yaml");
        Files.writeString(file, yaml);
        return Roles.load(file);
    }

    @Test
    void theShippedFile_loads() {
        Roles roles = Roles.load(Path.of("config/roles.yaml"));
        assertThat(roles.allowed(Permission.resolve)).extracting(Roles.Role::name).containsExactly("comms-lead");
        assertThat(roles.responders()).containsExactly("U0EXAMPLE1", "U0EXAMPLE3");
        assertThat(roles.placeholders()).as("warned about at start with Slack on")
                .containsExactly("S0EXAMPLE1", "U0EXAMPLE1", "U0EXAMPLE2", "U0EXAMPLE3");
    }

    @Test
    void realIds_areNoPlaceholders() throws Exception {
        assertThat(load("roles:\n  lead: {users: [U024BE7LH], groups: [S0614TZR7]}\n").placeholders()).isEmpty();
    }

    @Test
    void everyMistake_isNamedWithFileAndKey_atOnce() {
        assertThatThrownBy(() -> load("""
                roles:
                  lead: {users: [alice], groups: [G123]}
                  empty: {}
                  odd: {users: [U0OK1], teams: [x]}
                permissions:
                  acknowledge: [lead, ghost]
                  delete_everything: [lead]
                responders: [U0OK1, bob]
                extra: 1
                """)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("config/roles.yaml: unknown key 'extra'")
                .hasMessageContaining("config/roles.yaml: roles.lead.users[0]: 'alice' is not a Slack user id (U...)")
                .hasMessageContaining("config/roles.yaml: roles.lead.groups[0]: 'G123' is not a Slack user group id (S...)")
                .hasMessageContaining("config/roles.yaml: roles.empty: names no users and no groups")
                .hasMessageContaining("config/roles.yaml: roles.odd: unknown key 'teams'")
                .hasMessageContaining("config/roles.yaml: permissions.acknowledge: no role 'ghost' under roles")
                .hasMessageContaining("config/roles.yaml: permissions.delete_everything: unknown permission")
                .hasMessageContaining("config/roles.yaml: responders[1]: 'bob' is not a Slack user id (U...)");
    }

    @Test
    void aPermissionNoRoleHas_isRefusedToEveryone_andAMissingFileRefusesAll() throws Exception {
        Roles roles = load("roles: {lead: {users: [U0LEAD1]}}\npermissions: {acknowledge: [lead]}\n");
        RoleCheck check = new RoleCheck(roles, new GroupMembers(g -> Set.of(), Clock.systemUTC(), Duration.ofMinutes(5)));
        assertThat(check.refusal("U0LEAD1", Permission.acknowledge)).isNull();
        assertThat(check.refusal("U0LEAD1", Permission.resolve))
                .isEqualTo("Nobody may resolve this alert from Slack: no role has `resolve` in config/roles.yaml.");
        RoleCheck none = new RoleCheck(Roles.load(dir.resolve("absent.yaml")), new GroupMembers(g -> Set.of(),
                Clock.systemUTC(), Duration.ofMinutes(5)));
        assertThat(none.refusal("U0LEAD1", Permission.acknowledge)).isNotNull();
    }

    @Test
    void groupMembers_areCachedForTheTtl_andAFailedLookUpIsARefusalNotAGrant() {
        AtomicInteger asked = new AtomicInteger();
        var clock = new java.util.concurrent.atomic.AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));
        Clock moving = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return clock.get(); }
        };
        GroupMembers groups = new GroupMembers(g -> {
            if (asked.incrementAndGet() == 3) {
                throw new java.io.IOException("ratelimited");
            }
            return Set.of("U0MEMBER");
        }, moving, Duration.ofMinutes(5));
        assertThat(groups.contains("S0TEAM", "U0MEMBER")).isTrue();
        clock.set(clock.get().plus(Duration.ofMinutes(4)));
        assertThat(groups.contains("S0TEAM", "U0OTHER")).isFalse();
        assertThat(asked).hasValue(1);
        clock.set(clock.get().plus(Duration.ofMinutes(2)));
        assertThat(groups.contains("S0TEAM", "U0MEMBER")).isTrue();
        assertThat(asked).hasValue(2);
        clock.set(clock.get().plus(Duration.ofMinutes(6)));
        assertThat(groups.contains("S0TEAM", "U0MEMBER")).as("Slack failing: the last answer holds").isTrue();
        GroupMembers failing = new GroupMembers(g -> {
            throw new java.io.IOException("down");
        }, moving, Duration.ofMinutes(5));
        assertThat(failing.contains("S0TEAM", "U0MEMBER")).isFalse();
    }

    @Test
    void theCheckBeforeAModal_neverAsksSlack_andRefusesOnlyWhatIsKnown() throws Exception {
        Roles roles = load("roles: {lead: {users: [U0LEAD1], groups: [S0LEADS]}}\npermissions: {resolve: [lead]}\n");
        AtomicInteger asked = new AtomicInteger();
        GroupMembers groups = new GroupMembers(g -> {
            asked.incrementAndGet();
            return Set.of("U0MEMBER");
        }, Clock.systemUTC(), Duration.ofMinutes(5));
        RoleCheck check = new RoleCheck(roles, groups);

        assertThat(check.knownRefusal("U0LEAD1", Permission.resolve)).as("named in the role").isNull();
        assertThat(check.knownRefusal("U0OTHER", Permission.resolve)).as("the group is not known yet: the submission decides")
                .isNull();
        assertThat(asked).as("a modal's trigger lasts 3 s: no call to Slack before it opens").hasValue(0);

        assertThat(check.refusal("U0OTHER", Permission.resolve)).isNotNull();
        assertThat(asked).hasValue(1);
        assertThat(check.knownRefusal("U0OTHER", Permission.resolve)).as("known now: not a member")
                .isEqualTo("You may not resolve this alert: that needs the role `lead`.");
        assertThat(check.knownRefusal("U0MEMBER", Permission.resolve)).isNull();
        assertThat(asked).hasValue(1);
    }
}

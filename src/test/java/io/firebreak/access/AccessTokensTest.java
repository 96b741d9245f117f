package io.firebreak.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is let in with which token, and what a refusal says. */
class AccessTokensTest {

    private static final String API = "api-token-0123456789abcdef";
    private static final String ADMIN = "admin-token-0123456789abcdef";

    private static AccessTokens both() {
        return AccessTokens.fromEnvironment(Map.of(AccessTokens.API_ENV, API, AccessTokens.ADMIN_ENV, ADMIN));
    }

    @Test
    void noTokenSet_everyoneIsLocal() {
        AccessTokens none = AccessTokens.fromEnvironment(Map.of());
        assertThat(none.any()).isFalse();
        assertThat(none.admit(null, Role.ADMIN)).isEqualTo(Caller.LOCAL);
    }

    @Test
    void apiToken_opensApiRoutes_butNotAdminOnesWhenAnAdminTokenIsSet() {
        assertThat(both().admit("Bearer " + API, Role.API).name()).isEqualTo("api-token");
        assertThatThrownBy(() -> both().admit("Bearer " + API, Role.ADMIN))
                .isInstanceOfSatisfying(RequestRefused.class, r -> {
                    assertThat(r.status()).isEqualTo(403);
                    assertThat(r.getMessage()).contains("admin token", AccessTokens.ADMIN_ENV).doesNotContain(API);
                });
    }

    @Test
    void adminToken_opensEverything_andNamesTheCaller() {
        assertThat(both().admit("Bearer " + ADMIN, Role.ADMIN)).isEqualTo(new Caller("admin-token", Role.ADMIN));
        assertThat(both().admit("bearer " + ADMIN, Role.API).name()).isEqualTo("admin-token");
    }

    @Test
    void onlyOneTokenSet_itGuardsBoth() {
        AccessTokens apiOnly = AccessTokens.fromEnvironment(Map.of(AccessTokens.API_ENV, API));
        assertThat(apiOnly.admit("Bearer " + API, Role.ADMIN).name()).isEqualTo("api-token");
        AccessTokens adminOnly = AccessTokens.fromEnvironment(Map.of(AccessTokens.ADMIN_ENV, ADMIN));
        assertThat(adminOnly.admit("Bearer " + ADMIN, Role.API).name()).isEqualTo("admin-token");
        assertThatThrownBy(() -> adminOnly.admit("Bearer " + API, Role.API))
                .isInstanceOfSatisfying(RequestRefused.class, r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void missingMalformedOrWrongToken_is401WithAChallenge_andNeverEchoesTheToken() {
        for (String header : new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer wrong-token-but-long-enough"}) {
            assertThatThrownBy(() -> both().admit(header, Role.API))
                    .isInstanceOfSatisfying(RequestRefused.class, r -> {
                        assertThat(r.status()).isEqualTo(401);
                        assertThat(r.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"firebreak\"");
                        assertThat(r.getMessage()).doesNotContain("wrong-token", API, ADMIN);
                    });
        }
    }

    @Test
    void aTokenThatDiffersOnlyInItsLastCharacter_isRefused() {
        String almost = API.substring(0, API.length() - 1) + "g";
        assertThatThrownBy(() -> both().admit("Bearer " + almost, Role.API)).isInstanceOf(RequestRefused.class);
        assertThatThrownBy(() -> both().admit("Bearer " + API + "x", Role.API)).isInstanceOf(RequestRefused.class);
    }

    @Test
    void aShortToken_stopsTheStart() {
        assertThatThrownBy(() -> AccessTokens.fromEnvironment(Map.of(AccessTokens.API_ENV, "secret")))
                .hasMessageContaining(AccessTokens.API_ENV).hasMessageContaining("16 characters").hasMessageNotContaining("secret\"");
    }

    @Test
    void bindingBeyondLoopbackWithoutAToken_refusesToStart_sayingWhy() {
        AccessTokens none = AccessTokens.fromEnvironment(Map.of());
        none.requireSafeBinding("127.0.0.1");
        none.requireSafeBinding("localhost");
        none.requireSafeBinding("::1");
        assertThatThrownBy(() -> none.requireSafeBinding("0.0.0.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining(AccessTokens.API_ENV).hasMessageContaining("127.0.0.1");
        both().requireSafeBinding("0.0.0.0");
    }

    @Test
    void clientsSendTheTokenForTheirRole() {
        Map<String, String> env = Map.of(AccessTokens.API_ENV, API, AccessTokens.ADMIN_ENV, ADMIN);
        assertThat(AccessTokens.authorizationFor(Role.ADMIN, env)).isEqualTo("Bearer " + ADMIN);
        assertThat(AccessTokens.authorizationFor(Role.API, env)).isEqualTo("Bearer " + API);
        assertThat(AccessTokens.authorizationFor(Role.ADMIN, Map.of(AccessTokens.API_ENV, API))).isEqualTo("Bearer " + API);
        assertThat(AccessTokens.authorizationFor(Role.API, Map.of())).isNull();
        assertThat(both().toString()).doesNotContain(API, ADMIN);
    }
}

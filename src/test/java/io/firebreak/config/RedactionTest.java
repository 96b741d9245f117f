package io.firebreak.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aPasswordInTheUrl_isMasked_theUserAndHostStay() {
        assertThat(Redaction.url("https://firebreak:s3cret@es.internal:9200"))
                .isEqualTo("https://firebreak:****@es.internal:9200");
    }

    @Test
    void aUserAloneMayBeAToken_andIsMaskedWhole() {
        assertThat(Redaction.url("https://tok3n@es.internal:9200/")).isEqualTo("https://****@es.internal:9200/");
    }

    @Test
    void aUrlWithoutCredentials_isShownAsItIs() {
        assertThat(Redaction.url("http://127.0.0.1:9200")).isEqualTo("http://127.0.0.1:9200");
        assertThat(Redaction.url(null)).isNull();
    }

    @Test
    void anUnencodedAtSignInThePassword_doesNotLeaveHalfOfItShown() {
        assertThat(Redaction.url("https://u:p@ss@host:9200")).isEqualTo("https://u:****@host:9200").doesNotContain("ss@");
    }

    @Test
    void anAtSignInThePath_isNotTakenForCredentials() {
        assertThat(Redaction.url("https://host:9200/a@b")).isEqualTo("https://host:9200/a@b");
    }

    @Test
    void everyUrlInAText_isMasked_andMailAddressesStay() {
        String text = "cannot reach https://a:one@x:1 nor HTTP://b:two@y:2/path; ask ops@example.com";
        assertThat(Redaction.text(text))
                .isEqualTo("cannot reach https://a:****@x:1 nor HTTP://b:****@y:2/path; ask ops@example.com")
                .doesNotContain("one").doesNotContain("two");
    }

    @Test
    void aMalformedUrl_stillLosesItsSecret() {
        assertThat(Redaction.url("https://u:se cret@host")).isEqualTo("https://u:****@host");
        assertThat(Redaction.url("firebreak:s3cret@es.internal:9200")).isEqualTo("firebreak:****@es.internal:9200");
    }

    @Test
    void aPercentEncodedPassword_isMaskedWhole() {
        assertThat(Redaction.url("https://u:p%40ss%2Fw@host")).isEqualTo("https://u:****@host");
    }
}

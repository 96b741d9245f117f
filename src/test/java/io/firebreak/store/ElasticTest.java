package io.firebreak.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElasticTest {

    @Test
    void theClientIsGivenTheAddressOnly_neverTheCredentialsInTheUrl() {
        assertThat(Elastic.withoutUserInfo("https://firebreak:s3cret@es.internal:9200")).isEqualTo("https://es.internal:9200");
        assertThat(Elastic.withoutUserInfo("https://firebreak:s3cret@es.internal:9200/prefix/")).isEqualTo("https://es.internal:9200/prefix/");
        assertThat(Elastic.withoutUserInfo("http://127.0.0.1:9200")).isEqualTo("http://127.0.0.1:9200");
    }

    @Test
    void aUrlThatDoesNotParse_isNotQuotedWithItsSecret() {
        assertThatThrownBy(() -> Elastic.withoutUserInfo("https://u:se cret@host"))
                .hasMessageNotContaining("se cret").hasMessageContaining("u:****@host");
    }
}

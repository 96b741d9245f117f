package io.firebreak.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.firebreak.config.Redaction;
import io.firebreak.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Connects the Elasticsearch Java client to the embedded server or to a cluster given by URL. */
public final class Elastic {

    private Elastic() {}

    /** The JSON mapper for documents: ISO dates, no nulls. */
    public static ObjectMapper documentMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * @param url         http(s)://host:port; a user and password in it are sent as credentials
     *                    ({@link Settings.Credentials#forUrl}), never as part of the address
     * @param credentials API key or user/password from the environment; none for the embedded server
     * @param caCert      PEM file of a private CA for https, or null
     */
    public static ElasticsearchClient connect(String url, Settings.Credentials credentials, Path caCert) {
        String address = withoutUserInfo(url);
        return ElasticsearchClient.of(b -> {
            b.host(address).jsonMapper(new JacksonJsonpMapper(documentMapper()));
            if (credentials.apiKey() != null && !credentials.apiKey().isBlank()) {
                b.apiKey(credentials.apiKey());
            } else if (credentials.username() != null && !credentials.username().isBlank()) {
                b.usernameAndPassword(credentials.username(), credentials.password() == null ? "" : credentials.password());
            }
            if (caCert != null) {
                try {
                    b.sslContext(TransportUtils.sslContextFromHttpCaCrt(caCert.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException("elasticsearch.ca_cert: cannot read " + caCert, e);
                }
            }
            return b;
        });
    }

    /** The URL without its user and password: the client and its error messages only ever see the address. */
    static String withoutUserInfo(String url) {
        try {
            URI u = new URI(url);
            if (u.getRawUserInfo() == null) {
                return url;
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), u.getQuery(), u.getFragment()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + Redaction.url(url));
        }
    }
}

package io.firebreak.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Application settings from {@code config/firebreak.yaml}, with environment overrides for what
 * differs per deployment. Read once at start; a wrong key or value stops the start with the file
 * and key named.
 */
public record Settings(Api api, Elasticsearch elasticsearch, Ingest ingest, Access access, Limits limits) {

    /** Where the HTTP API listens. */
    public record Api(String host, int port) {}

    /** Which Elasticsearch to use; secrets are not here but in {@link #apiKey} etc. from the environment. */
    public record Elasticsearch(String url, String caCert, String indexPrefix, int retentionDays, Embedded embedded) {
        public boolean isEmbedded() {
            return url == null || url.isBlank();
        }
    }

    /** The embedded server's own settings. */
    public record Embedded(int httpPort, String heap) {}

    /**
     * Who may call the API besides the bearer tokens (which come from the environment only): webhook
     * bodies signed with HMAC-SHA256, their secret in the environment variable named here.
     *
     * @param signatureSecretEnv the variable holding the shared secret; empty: bodies need no signature
     * @param signatureMaxAgeS   how far a signature's timestamp may be from this server's clock
     */
    public record Access(String signatureSecretEnv, int signatureMaxAgeS) {}

    /**
     * What one request or file may hold before it is refused; text from the internet is hostile, and
     * none of it may cost unbounded memory.
     */
    public record Limits(
            long maxBodyBytes,
            int maxItems,
            int maxNestingDepth,
            int maxStringChars,
            int maxNumberChars,
            int maxNameChars,
            int silenceMaxDays,
            int dropMaxAttempts,
            int dropChunkLines,
            long dropMaxBytes) {

        /**
         * A JSON mapper held to these limits (Jackson's stream constraints) that refuses duplicate keys:
         * a second "text" would otherwise silently win over the first, the one a reviewer read.
         */
        public com.fasterxml.jackson.databind.ObjectMapper jsonMapper() {
            var constraints = com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(maxNestingDepth)
                    .maxStringLength(maxStringChars)
                    .maxNumberLength(maxNumberChars)
                    .maxNameLength(maxNameChars)
                    .maxDocumentLength(maxBodyBytes)
                    .build();
            var factory = com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(constraints)
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build();
            return new ObjectMapper(factory);
        }

        /** The shipped limits (config/firebreak.yaml), for tests and tools that read no settings. */
        public static Limits defaults() {
            return new Limits(16_000_000, 10_000, 32, 100_000, 40, 256, 30, 3, 5_000, 1_000_000_000L);
        }
    }

    /** Ingest limits and bulk batching. */
    public record Ingest(
            String dropDir,
            int maxTextChars,
            int bulkMaxOperations,
            long bulkMaxBytes,
            int bulkConcurrency,
            int requestTimeoutS) {}

    public static Settings load(Home home) {
        return load(home.config("firebreak.yaml"), System.getenv());
    }

    public static Settings load(Path file, Map<String, String> env) {
        var yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Settings read;
        try {
            read = yaml.readValue(Files.readString(file), Settings.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file + ": unknown setting '" + e.getPropertyName() + "' at "
                    + e.getPathReference() + "; known: " + e.getKnownPropertyIds());
        } catch (IOException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        if (read == null || read.api() == null || read.elasticsearch() == null || read.ingest() == null
                || read.elasticsearch().embedded() == null || read.access() == null || read.limits() == null) {
            throw new ConfigException(file + ": the sections api, elasticsearch (with embedded), ingest, access and limits are required");
        }
        return read.withEnvironment(env).validated(file);
    }

    private Settings withEnvironment(Map<String, String> env) {
        Api a = api;
        if (env.containsKey("FIREBREAK_API_PORT")) {
            a = new Api(a.host(), parsePort("FIREBREAK_API_PORT", env.get("FIREBREAK_API_PORT")));
        }
        if (env.containsKey("FIREBREAK_API_HOST")) {
            a = new Api(env.get("FIREBREAK_API_HOST"), a.port());
        }
        Elasticsearch es = elasticsearch;
        if (env.containsKey("FIREBREAK_ES_URL")) {
            es = new Elasticsearch(env.get("FIREBREAK_ES_URL"), es.caCert(), es.indexPrefix(), es.retentionDays(), es.embedded());
        }
        return new Settings(a, es, ingest, access, limits);
    }

    private Settings validated(Path file) {
        var problems = new ArrayList<String>();
        if (api.port() < 0 || api.port() > 65_535) {
            problems.add("api.port: " + api.port() + " is not a port (0-65535)");
        }
        if (api.host() == null || api.host().isBlank()) {
            problems.add("api.host: required (127.0.0.1 keeps the API on this machine)");
        }
        if (!elasticsearch.isEmbedded() && !elasticsearch.url().matches("https?://.+")) {
            problems.add("elasticsearch.url: '" + Redaction.url(elasticsearch.url()) + "' must start with http:// or https://");
        } else if (!elasticsearch.isEmbedded()) {
            try {
                if (new java.net.URI(elasticsearch.url()).getHost() == null) {
                    problems.add("elasticsearch.url: '" + Redaction.url(elasticsearch.url()) + "' names no host");
                }
            } catch (java.net.URISyntaxException e) {
                // the parser's message quotes the whole URL, secret included: say where, not what
                problems.add("elasticsearch.url: '" + Redaction.url(elasticsearch.url()) + "' is not a URL (at character "
                        + e.getIndex() + "); percent-encode reserved characters in a user or password");
            }
        }
        if (elasticsearch.indexPrefix() == null || !elasticsearch.indexPrefix().matches("[a-z0-9][a-z0-9_-]*")) {
            problems.add("elasticsearch.index_prefix: lowercase letters, digits, - and _ only");
        }
        if (elasticsearch.retentionDays() < 0) {
            problems.add("elasticsearch.retention_days: must be 0 (keep all) or more");
        }
        if (ingest.maxTextChars() < 1) {
            problems.add("ingest.max_text_chars: must be at least 1");
        }
        if (ingest.bulkMaxOperations() < 1 || ingest.bulkConcurrency() < 1 || ingest.bulkMaxBytes() < 1) {
            problems.add("ingest.bulk_*: max_operations, max_bytes and concurrency must be at least 1");
        }
        if (ingest.requestTimeoutS() < 1) {
            problems.add("ingest.request_timeout_s: must be at least 1");
        }
        if (access.signatureSecretEnv() != null && !access.signatureSecretEnv().isEmpty()
                && !access.signatureSecretEnv().matches("[A-Z_][A-Z0-9_]*")) {
            // not quoted: what was written there may be the secret itself, pasted by mistake
            problems.add("access.signature_secret_env: is not an environment variable name (A-Z, 0-9, _);"
                    + " it names the variable that holds the secret, never the secret");
        }
        if (access.signatureMaxAgeS() < 1) {
            problems.add("access.signature_max_age_s: must be at least 1");
        }
        if (limits.maxBodyBytes() < 1_000 || limits.maxItems() < 1 || limits.maxNestingDepth() < 3
                || limits.maxStringChars() < ingest.maxTextChars() || limits.maxNumberChars() < 20 || limits.maxNameChars() < 16) {
            problems.add("limits: max_body_bytes >= 1000, max_items >= 1, max_nesting_depth >= 3 (a mention nests 2 deep),"
                    + " max_string_chars >= ingest.max_text_chars, max_number_chars >= 20 (a long), max_name_chars >= 16");
        }
        if (limits.silenceMaxDays() < 1) {
            problems.add("limits.silence_max_days: must be at least 1 (silences always expire)");
        }
        if (limits.dropMaxAttempts() < 1 || limits.dropChunkLines() < 1 || limits.dropMaxBytes() < 1) {
            problems.add("limits.drop_*: max_attempts, chunk_lines and max_bytes must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(file + ": " + String.join("; ", problems));
        }
        return this;
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + ": '" + value + "' is not a port number");
        }
    }

    /** The same settings with the API on a port nobody uses now (demo, bench, tests). */
    public Settings withFreeApiPort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return withApiPort(socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    public Settings withApiPort(int port) {
        return new Settings(new Api(api.host(), port), elasticsearch, ingest, access, limits);
    }

    public Settings withElasticsearchUrl(String url) {
        var es = elasticsearch;
        return new Settings(api, new Elasticsearch(url, es.caCert(), es.indexPrefix(), es.retentionDays(), es.embedded()), ingest,
                access, limits);
    }

    public Settings withIndexPrefix(String prefix) {
        var es = elasticsearch;
        return new Settings(api, new Elasticsearch(es.url(), es.caCert(), prefix, es.retentionDays(), es.embedded()), ingest,
                access, limits);
    }

    public Settings withAccess(Access changed) {
        return new Settings(api, elasticsearch, ingest, changed, limits);
    }

    public Settings withLimits(Limits changed) {
        return new Settings(api, elasticsearch, ingest, access, changed);
    }

    public Path dropDir(Home home) {
        return ingest.dropDir() == null || ingest.dropDir().isBlank()
                ? home.data().resolve("drop")
                : home.root().resolve(ingest.dropDir());
    }

    /**
     * Secrets for an existing cluster, from the environment only: an API key, a user and password, or
     * a user and password written into the URL ({@code https://user:password@host:9200}).
     */
    public record Credentials(String apiKey, String username, String password) {
        /** For the embedded server, which runs without security on loopback. */
        public static final Credentials NONE = new Credentials(null, null, null);

        public static Credentials fromEnvironment(Map<String, String> env) {
            return new Credentials(env.get("FIREBREAK_ES_API_KEY"), env.get("FIREBREAK_ES_USER"), env.get("FIREBREAK_ES_PASSWORD"));
        }

        /**
         * The environment's credentials for this cluster URL: {@code FIREBREAK_ES_API_KEY} first, then
         * {@code FIREBREAK_ES_USER} / {@code FIREBREAK_ES_PASSWORD}, then a user and password in the URL.
         */
        public static Credentials forUrl(String url, Map<String, String> env) {
            Credentials fromEnv = fromEnvironment(env);
            if (fromEnv.present() || url == null) {
                return fromEnv;
            }
            String userInfo;
            try {
                userInfo = new java.net.URI(url).getUserInfo();
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("elasticsearch.url: '" + Redaction.url(url) + "' is not a URL");
            }
            if (userInfo == null || userInfo.isEmpty()) {
                return NONE;
            }
            int colon = userInfo.indexOf(':');
            return colon < 0 ? new Credentials(null, userInfo, "")
                    : new Credentials(null, userInfo.substring(0, colon), userInfo.substring(colon + 1));
        }

        /** Whether any credential is given. */
        public boolean present() {
            return notBlank(apiKey) || notBlank(username);
        }

        /** The HTTP {@code Authorization} header value these stand for, or null for none. */
        public String authorization() {
            if (notBlank(apiKey)) {
                return "ApiKey " + apiKey;
            }
            if (notBlank(username)) {
                String pair = username + ":" + (password == null ? "" : password);
                return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return null;
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }

        /** Never prints the secrets themselves. */
        @Override
        public String toString() {
            return notBlank(apiKey) ? "api-key" : notBlank(username) ? "basic(" + username + ")" : "none";
        }
    }
}

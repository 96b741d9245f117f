package io.firebreak.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local Slack Web API for tests and the benchmark, on the JDK HTTP server bound to 127.0.0.1.
 * Records every request (method, body, form or JSON fields, Authorization header, status sent), answers
 * {@code chat.postMessage}, {@code chat.update}, {@code chat.getPermalink}, {@code conversations.list / history /
 * replies} (with message metadata), {@code auth.test}, the {@code files.*} upload
 * flow, and what the interactivity needs ({@code chat.postEphemeral}, {@code views.open}, {@code conversations.create
 * / invite}, {@code usergroups.users.list}, {@code apps.connections.open}) like Slack does, and can fail on demand: the next N calls with 429 + Retry-After, 500, a
 * dropped connection or a Slack error code, or everything while "down".
 */
public final class SlackStandIn implements AutoCloseable {

    /** One recorded request; {@code status} is the HTTP status the stand-in answered with (0: connection dropped). */
    /** One request as received; {@code receivedNanos} is System.nanoTime() at arrival, for latency measurements. */
    public record Call(String method, String authorization, String contentType, String body, Map<String, String> form, int status,
                       long receivedNanos) {

        public String param(String name) {
            return form.get(name);
        }

        /** A form field holding JSON (e.g. {@code blocks}), parsed. */
        public JsonNode json(String name) {
            try {
                return JSON.readTree(form.get(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean ok() {
            return status == 200;
        }
    }

    /**
     * A failure to inject. {@code SLOW} answers only after {@link #slowMillis} (longer than the client
     * waits, so it times out) and then without doing the call: a request that never reached Slack's
     * back end. (One that did and whose answer was lost is the known limit in docs/alerts.md.)
     */
    public enum Failure { RATE_LIMITED, SERVER_ERROR, DISCONNECT, SLOW }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Deque<String> errors = new ArrayDeque<>();
    private final Map<String, String> channelIds = new HashMap<>();
    private final Map<String, Posted> messages = new LinkedHashMap<>();

    /** A message it holds: where, in which thread (null: top level), and its metadata as sent (JSON or null). */
    private record Posted(String channel, String ts, String threadTs, String text, String metadata) {}
    private final Map<String, List<String>> groups = new HashMap<>();
    private volatile String socketModeUrl;
    private int retryAfterSeconds = 1;
    private volatile long slowMillis = 3_000;
    private int loseAnswers;
    private boolean down;
    private boolean filesSupported = true;
    private long tsCounter = 100;
    private int fileCounter;

    private SlackStandIn(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static SlackStandIn start() {
        // without TCP_NODELAY the JDK server's separate header/body writes meet the client's delayed ACK:
        // ~40 ms per call, which would dominate benchmarks; read once when the first server starts
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "slack-stand-in");
                t.setDaemon(true);
                return t;
            });
            SlackStandIn standIn = new SlackStandIn(server, executor);
            server.createContext("/", standIn::handle);
            server.setExecutor(executor);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("Slack stand-in: " + e.getMessage(), e);
        }
    }

    /** The Web API base URL to give the client ({@code SLACK_API_URL}). */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Every request so far, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Forgets the requests recorded so far (the messages it holds stay). */
    public synchronized void forgetCalls() {
        calls.clear();
    }

    /** The requests for one Web API method, in order. */
    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Fails the next {@code n} calls in the given way. */
    public synchronized SlackStandIn failNext(int n, Failure failure) {
        for (int i = 0; i < n; i++) {
            failures.add(failure);
        }
        return this;
    }

    /** Answers the next {@code n} calls with HTTP 200 and {@code {"ok":false,"error":error}}, e.g. invalid_auth. */
    public synchronized SlackStandIn errorNext(int n, String error) {
        for (int i = 0; i < n; i++) {
            errors.add(error);
        }
        return this;
    }

    /** The Retry-After seconds sent with injected 429s. */
    public synchronized SlackStandIn retryAfterSeconds(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** While down every call gets 503. */
    public synchronized SlackStandIn down(boolean isDown) {
        this.down = isDown;
        return this;
    }

    /** Does the next {@code n} calls but drops the connection instead of answering: Slack did it, the answer was lost. */
    public synchronized SlackStandIn loseNextAnswers(int n) {
        loseAnswers += n;
        return this;
    }

    /** How long a {@link Failure#SLOW} call waits before it answers. */
    public SlackStandIn slowMillis(long millis) {
        this.slowMillis = millis;
        return this;
    }

    /** Without files support {@code files.*} answers {@code unknown_method}, like a minimal stand-in. */
    public synchronized SlackStandIn filesSupported(boolean supported) {
        this.filesSupported = supported;
        return this;
    }

    /** The members {@code usergroups.users.list} answers for a user group. */
    public synchronized SlackStandIn group(String groupId, List<String> members) {
        groups.put(groupId, List.copyOf(members));
        return this;
    }

    /** The WebSocket URL {@code apps.connections.open} hands out (a local Socket Mode stand-in). */
    public SlackStandIn socketModeUrl(String url) {
        this.socketModeUrl = url;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.ISO_8859_1);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String method = path.startsWith("/api/") ? path.substring(5) : path;
            String utf8 = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            Map<String, String> form = contentType == null ? Map.of()
                    : contentType.startsWith("application/x-www-form-urlencoded") ? parseForm(utf8)
                    : contentType.startsWith("application/json") ? parseJsonFields(utf8)
                    : Map.of();
            boolean slow;
            synchronized (this) {
                slow = !down && failures.peek() == Failure.SLOW;
                if (slow) {
                    failures.poll();
                    record(method, auth, contentType, body, form, 504);
                }
            }
            if (slow) {
                try {
                    Thread.sleep(slowMillis); // outside the lock: other calls go on meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(exchange, 504, "{\"ok\":false,\"error\":\"request_timeout\"}", null);
                return;
            }
            synchronized (this) {
                Failure failure = down ? null : failures.poll();
                if (down) {
                    record(method, auth, contentType, body, form, 503);
                    send(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}", null);
                    return;
                }
                if (failure == Failure.DISCONNECT) {
                    record(method, auth, contentType, body, form, 0);
                    // closing without a response: the client sees the connection end mid-request
                    return;
                }
                if (failure == Failure.RATE_LIMITED) {
                    record(method, auth, contentType, body, form, 429);
                    send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}", String.valueOf(retryAfterSeconds));
                    return;
                }
                if (failure == Failure.SERVER_ERROR) {
                    record(method, auth, contentType, body, form, 500);
                    send(exchange, 500, "{\"ok\":false,\"error\":\"internal_error\"}", null);
                    return;
                }
                if (loseAnswers > 0 && !path.startsWith("/upload/")) {
                    // done, but the answer never leaves: the client cannot tell this from a call never made
                    loseAnswers--;
                    record(method, auth, contentType, body, form, 0);
                    answer(method, form);
                    return;
                }
                record(method, auth, contentType, body, form, 200);
                if (path.startsWith("/upload/")) {
                    // the file bytes go to the URL files.getUploadURLExternal handed out; Slack answers in plain text
                    sendText(exchange, "OK - " + body.length());
                    return;
                }
                String error = errors.poll();
                send(exchange, 200, (error != null ? error(error) : answer(method, form)).toString(), null);
            }
        }
    }

    private ObjectNode answer(String method, Map<String, String> form) {
        if (method.startsWith("files.") && !filesSupported) {
            return error("unknown_method");
        }
        return switch (method) {
            case "auth.test" -> JSON.createObjectNode().put("ok", true).put("url", "https://firebreak-standin.slack.invalid/")
                    .put("team", "Firebreak").put("user", "firebreak").put("team_id", "T0STANDIN").put("user_id", "U0STANDIN")
                    .put("bot_id", "B0STANDIN");
            case "chat.postMessage" -> postMessage(form);
            case "chat.update" -> update(form);
            case "chat.postEphemeral" -> form.getOrDefault("user", "").isEmpty() ? error("user_not_in_channel")
                    : JSON.createObjectNode().put("ok", true).put("message_ts", nextTs());
            case "views.open" -> form.getOrDefault("trigger_id", "").isEmpty() ? error("invalid_trigger_id")
                    : JSON.createObjectNode().put("ok", true);
            case "conversations.create" -> createChannel(form.getOrDefault("name", ""));
            case "conversations.invite" -> channelIds.containsValue(form.getOrDefault("channel", ""))
                    ? JSON.createObjectNode().put("ok", true) : error("channel_not_found");
            case "usergroups.users.list" -> {
                List<String> members = groups.get(form.getOrDefault("usergroup", ""));
                if (members == null) {
                    yield error("no_such_subteam");
                }
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                members.forEach(ok.putArray("users")::add);
                yield ok;
            }
            case "apps.connections.open" -> socketModeUrl == null ? error("not_allowed_token_type")
                    : JSON.createObjectNode().put("ok", true).put("url", socketModeUrl);
            case "conversations.list" -> {
                ArrayNode channels = JSON.createArrayNode();
                channelIds.forEach((name, id) -> channels.add(JSON.createObjectNode().put("id", id)
                        .put("name", name.startsWith("#") ? name.substring(1) : name)));
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("channels", channels);
                yield ok;
            }
            case "conversations.history" -> history(channelId(form.getOrDefault("channel", "")), null);
            case "conversations.replies" -> history(channelId(form.getOrDefault("channel", "")), form.get("ts"));
            case "chat.getPermalink" -> {
                String channel = channelId(form.getOrDefault("channel", ""));
                String ts = form.getOrDefault("message_ts", "");
                yield messages.containsKey(channel + "/" + ts)
                        ? JSON.createObjectNode().put("ok", true).put("channel", channel).put("permalink",
                                "https://firebreak-standin.slack.invalid/archives/" + channel + "/p" + ts.replace(".", ""))
                        : error("message_not_found");
            }
            case "files.getUploadURLExternal" -> {
                String id = "F0STANDIN" + (++fileCounter);
                yield JSON.createObjectNode().put("ok", true).put("file_id", id)
                        .put("upload_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/upload/" + id);
            }
            case "files.completeUploadExternal" -> {
                ArrayNode files = JSON.createArrayNode();
                try {
                    JSON.readTree(form.getOrDefault("files", "[]")).forEach(f -> files.add(JSON.createObjectNode()
                            .put("id", f.path("id").asText()).put("title", f.path("title").asText())));
                } catch (IOException e) {
                    yield error("invalid_arguments");
                }
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("files", files);
                yield ok;
            }
            case "files.info" -> {
                ObjectNode ok = JSON.createObjectNode().put("ok", true);
                ok.set("file", JSON.createObjectNode().put("id", form.getOrDefault("file", "")).put("name", "chart.png"));
                yield ok;
            }
            default -> error("unknown_method");
        };
    }

    private ObjectNode postMessage(Map<String, String> form) {
        String channel = form.get("channel");
        if (channel == null || channel.isBlank()) {
            return error("channel_not_found");
        }
        String ts = nextTs();
        String channelId = channelId(channel);
        messages.put(channelId + "/" + ts, new Posted(channelId, ts, form.get("thread_ts"), form.getOrDefault("text", ""),
                form.get("metadata")));
        ObjectNode ok = JSON.createObjectNode().put("ok", true).put("channel", channelId).put("ts", ts);
        ok.set("message", JSON.createObjectNode().put("type", "message").put("text", form.getOrDefault("text", "")).put("ts", ts));
        return ok;
    }

    private ObjectNode update(Map<String, String> form) {
        String key = channelId(form.getOrDefault("channel", "")) + "/" + form.get("ts");
        if (!messages.containsKey(key)) {
            return error("message_not_found");
        }
        Posted was = messages.get(key);
        messages.put(key, new Posted(was.channel(), was.ts(), was.threadTs(), form.getOrDefault("text", ""), was.metadata()));
        return JSON.createObjectNode().put("ok", true).put("channel", channelId(form.get("channel")))
                .put("ts", form.get("ts")).put("text", form.getOrDefault("text", ""));
    }

    private ObjectNode createChannel(String name) {
        if (!name.matches("[a-z0-9_-]{1,80}")) {
            return error("invalid_name_specials");
        }
        if (channelIds.containsKey("#" + name)) {
            return error("name_taken");
        }
        String id = channelId("#" + name);
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("channel", JSON.createObjectNode().put("id", id).put("name", name));
        return ok;
    }

    /** The name a channel id was given for (as posted to), or the argument itself. */
    public synchronized String channelName(String idOrName) {
        return channelIds.entrySet().stream().filter(e -> e.getValue().equals(idOrName)).map(Map.Entry::getKey)
                .findFirst().orElse(idOrName);
    }

    /** A channel's top-level messages, or one thread's replies, newest first, with their metadata. */
    private ObjectNode history(String channel, String threadTs) {
        ArrayNode out = JSON.createArrayNode();
        List<Posted> all = new ArrayList<>(messages.values());
        java.util.Collections.reverse(all);
        for (Posted p : all) {
            boolean wanted = p.channel().equals(channel) && (threadTs == null ? p.threadTs() == null
                    : threadTs.equals(p.threadTs()) || threadTs.equals(p.ts()));
            if (wanted) {
                ObjectNode m = JSON.createObjectNode().put("type", "message").put("ts", p.ts()).put("text", p.text());
                if (p.threadTs() != null) {
                    m.put("thread_ts", p.threadTs());
                }
                if (p.metadata() != null) {
                    try {
                        m.set("metadata", JSON.readTree(p.metadata()));
                    } catch (IOException e) {
                        // metadata that is not JSON is left out, as Slack would refuse it
                    }
                }
                out.add(m);
            }
        }
        ObjectNode ok = JSON.createObjectNode().put("ok", true);
        ok.set("messages", out);
        return ok;
    }

    /** Names like {@code #crisis} get a stable id, as Slack answers with ids. */
    private String channelId(String channel) {
        if (channel.matches("[CGD][A-Z0-9]{8,}")) {
            return channel;
        }
        return channelIds.computeIfAbsent(channel, c -> String.format(Locale.ROOT, "C%08d", channelIds.size() + 1));
    }

    private String nextTs() {
        tsCounter++;
        return "1767225600." + String.format(Locale.ROOT, "%06d", tsCounter);
    }

    private void record(String method, String auth, String contentType, String body, Map<String, String> form, int status) {
        calls.add(new Call(method, auth, contentType, body, Map.copyOf(form), status, System.nanoTime()));
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code);
    }

    private static void send(HttpExchange exchange, int status, String json, String retryAfter) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendText(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    /** Top-level fields of a JSON body, nested values as JSON text, so {@link Call#param} works for both encodings. */
    private static Map<String, String> parseJsonFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.isObject()) {
                root.fields().forEachRemaining(f -> fields.put(f.getKey(),
                        f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
            }
        } catch (IOException e) {
            // not JSON after all: the raw body is still recorded
        }
        return fields;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }
}

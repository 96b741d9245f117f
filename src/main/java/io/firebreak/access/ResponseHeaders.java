package io.firebreak.access;

import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * The headers an HTTP answer may carry: only those Firebreak sets on purpose. Camel's platform-http would
 * otherwise send back every header of the request (a signature, an origin, and for a form post each of
 * its fields, which Vert.x then refuses as header names, failing the answer with a 500). What comes in
 * is filtered as Camel's HTTP default does (no {@code Camel*} header can be set by a caller).
 */
public final class ResponseHeaders extends HttpHeaderFilterStrategy {

    static final Set<String> ALLOWED = Set.of("content-type", "retry-after", "www-authenticate", "cache-control", "location");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !ALLOWED.contains(headerName.toLowerCase(Locale.ROOT)) || super.applyFilterToCamelHeaders(headerName, headerValue, exchange);
    }
}

package nl.spil.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An HTTP request as API Gateway's payload format 2.0 hands it to a function: headers lowercased
 * (repeated ones joined with commas, cookies apart), query parameters decoded, path parameters,
 * the authorizer's claims, requestContext, the body as text or base64.
 */
final class PayloadV2 {

    private static final String API_ID = "local";

    private PayloadV2() {
    }

    static String request(HttpExchange x, HttpApi.Route route, Map<String, String> pathParams, String rawPath, byte[] body,
                          JwtAuthorizer.Verified identity, int port) {
        ObjectNode e = Json.object();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", rawPath);
        String rawQuery = x.getRequestURI().getRawQuery();
        e.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = e.putObject("headers");
        List<String> cookies = new ArrayList<>();
        x.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String v : values) {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.trim());
                        }
                    }
                }
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", x.getRemoteAddress().getAddress().getHostAddress());
        headers.put("x-forwarded-port", Integer.toString(port));
        headers.put("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            cookies.forEach(e.putArray("cookies")::add);
        }
        if (rawQuery != null && !rawQuery.isEmpty()) {
            Map<String, List<String>> q = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                q.computeIfAbsent(k, z -> new ArrayList<>()).add(v);
            }
            ObjectNode qs = e.putObject("queryStringParameters");
            q.forEach((k, v) -> qs.put(k, String.join(",", v)));
        }
        if (!pathParams.isEmpty()) {
            ObjectNode pp = e.putObject("pathParameters");
            pathParams.forEach(pp::put);
        }
        ObjectNode rc = e.putObject("requestContext");
        rc.put("accountId", "123456789012");
        rc.put("apiId", API_ID);
        if (identity != null) {
            ObjectNode jwt = rc.putObject("authorizer").putObject("jwt");
            ObjectNode claims = jwt.putObject("claims");
            identity.claims().forEach(claims::put);
            if (identity.scopes() == null) {
                jwt.putNull("scopes");
            } else {
                identity.scopes().forEach(jwt.putArray("scopes")::add);
            }
        }
        String host = x.getRequestHeaders().getFirst("Host");
        rc.put("domainName", host == null ? "127.0.0.1:" + port : host);
        rc.put("domainPrefix", host == null ? "127" : host.split("[.:]")[0]);
        ObjectNode http = rc.putObject("http");
        http.put("method", x.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", x.getRequestURI().getPath());
        http.put("protocol", x.getProtocol());
        http.put("sourceIp", x.getRemoteAddress().getAddress().getHostAddress());
        String ua = x.getRequestHeaders().getFirst("User-Agent");
        http.put("userAgent", ua == null ? "" : ua);
        rc.put("requestId", UUID.randomUUID().toString());
        rc.put("routeKey", route.routeKey());
        rc.put("stage", "$default");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        rc.put("time", DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).format(now));
        rc.put("timeEpoch", now.toInstant().toEpochMilli());
        if (body.length > 0) {
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (isText(type)) {
                e.put("body", new String(body, StandardCharsets.UTF_8));
                e.put("isBase64Encoded", false);
            } else {
                e.put("body", Base64.getEncoder().encodeToString(body));
                e.put("isBase64Encoded", true);
            }
        } else {
            e.put("isBase64Encoded", false);
        }
        return Json.write(e);
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.contains("x-www-form-urlencoded") || t.contains("csv") || t.contains("yaml");
    }
}

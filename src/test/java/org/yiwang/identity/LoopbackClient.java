package org.yiwang.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over plain HTTP/1.0 that connects from a chosen loopback address (127.0.0.N), so that tests of
 * per-address limits do not disturb each other. Keeps the session cookie and the last page's CSRF token. Citizens'
 * and staff logins use it.
 */
public final class LoopbackClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String location() {
            return headers.getOrDefault("location", List.of("")).get(0);
        }
    }

    private final int port;
    private final String localAddress;
    private String userAgent = "YiwangTest/1.0";
    private String session;
    private String csrf;

    public LoopbackClient(int port, String localAddress) {
        this.port = port;
        this.localAddress = localAddress;
    }

    public LoopbackClient userAgent(String agent) {
        this.userAgent = agent;
        return this;
    }

    public String session() {
        return session;
    }

    public int port() {
        return port;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** Posts a form with the CSRF token of the last page seen (fetching the login page first if none). */
    public Response post(String path, Map<String, String> form) {
        return postForm(path, form, Map.of());
    }

    /** Posts as htmx does, e.g. the "获取验证码" button. */
    public Response postHtmx(String path, Map<String, String> form) {
        return postForm(path, form, Map.of("HX-Request", "true"));
    }

    /** Posts a multipart form (fields, and files as name → file name and bytes) with the CSRF token. */
    public Response postMultipart(String path, Map<String, String> form, Map<String, Map.Entry<String, byte[]>> files) {
        String boundary = "----yiwang" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        fields.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        files.forEach((k, f) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                    + f.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return sendBytes("POST", path, body.toByteArray(),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    private Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        if (csrf == null) {
            get("/account/login");
        }
        Map<String, String> fields = new LinkedHashMap<>(form);
        fields.put("_csrf", csrf);
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return send("POST", path, body, all);
    }

    private Response send(String method, String path, String body, Map<String, String> extra) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), extra);
    }

    private Response sendBytes(String method, String path, byte[] body, Map<String, String> extra) {
        byte[] content = body == null ? new byte[0] : body;
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("User-Agent: ").append(userAgent).append("\r\n")
                .append("Accept: text/html\r\nAccept-Language: zh-CN\r\n");
        if (session != null) {
            request.append("Cookie: YIWANG_SESSION=").append(session).append("\r\n");
        }
        extra.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response parse(String raw) {
        int split = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            if (cookie.startsWith("YIWANG_SESSION=")) {
                String value = cookie.substring("YIWANG_SESSION=".length(), cookie.indexOf(';'));
                session = value.isEmpty() || cookie.contains("Max-Age=0") ? null : value;
            }
        }
        String body = raw.substring(split + 4);
        Matcher m = CSRF.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
        return new Response(status, headers, body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

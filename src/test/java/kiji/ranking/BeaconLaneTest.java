package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kiji.app.Json;
import org.junit.jupiter.api.Test;

/**
 * The beacon's lane reads bodies without blocking Jetty's selector: bodies that arrive in
 * pieces, clients that stall, bodies over the limit, several beacons on one connection, and
 * the fallback to a pool thread when the rules need the database. Bytes are sent by hand
 * over a socket, so the server sees exactly the packets written here.
 */
class BeaconLaneTest extends OneArticleSite {

    @Test
    void a_body_split_across_packets_is_read_when_the_rest_arrives() throws Exception {
        var body = "{\"articleId\": " + id + "}";
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            out.write(head(body.length(), Views.CHROME).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.substring(0, 5).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(300); // the server has read the first part and is waiting for the rest
            out.write(body.substring(5).getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readAnswer(socket.getInputStream()).status).isEqualTo(204);
        }
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(1);
    }

    @Test
    void a_stalled_client_does_not_hold_up_other_readers() throws Exception {
        var body = "{\"articleId\": " + id + "}";
        var stalled = new ArrayList<Socket>();
        try {
            // more stalled bodies than the machine has selector threads and cores
            for (int i = 0; i < 8; i++) {
                var socket = connect();
                socket.getOutputStream().write((head(body.length(), Views.reader(i)) + "{\"art")
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            var others = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < 20; i++) {
                var ua = Views.reader(100 + i);
                others.add(CompletableFuture.supplyAsync(() -> Views.beacon(app, id, ua).statusCode()));
            }
            for (var f : others) assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(204);
            for (var socket : stalled) {
                socket.getOutputStream().write(("icleId\": " + id + "}").getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                assertThat(readAnswer(socket.getInputStream()).status).isEqualTo(204);
            }
        } finally {
            for (var s : stalled) s.close();
        }
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(28);
    }

    @Test
    void a_body_over_the_limit_is_refused_whether_its_length_is_declared_or_chunked() throws Exception {
        var large = "{\"articleId\": " + id + ", \"pad\": \"" + "x".repeat(Beacon.MAX_BODY_BYTES) + "\"}";
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            out.write(head(large.length(), Views.CHROME).getBytes(StandardCharsets.ISO_8859_1));
            out.write(large.getBytes(StandardCharsets.UTF_8));
            out.flush();
            var answer = readAnswer(socket.getInputStream());
            assertThat(answer.status).isEqualTo(400);
            assertThat(answer.body).contains("body too large");
        }
        try (var socket = connect()) {
            var out = socket.getOutputStream();
            out.write(("POST /api/views HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + Views.CHROME
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int at = 0; at < large.length(); at += 300) {
                var piece = large.substring(at, Math.min(large.length(), at + 300));
                out.write((Integer.toHexString(piece.length()) + "\r\n" + piece + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(20);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            var answer = readAnswer(socket.getInputStream());
            assertThat(answer.status).isEqualTo(400);
            assertThat(answer.body).contains("body too large");
        }
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isZero();
    }

    @Test
    void a_chunked_body_within_the_limit_is_counted() throws Exception {
        var body = "{\"articleId\": " + id + "}";
        try (var socket = connect()) {
            socket.getOutputStream().write(("POST /api/views HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: " + Views.CHROME
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(4) + "\r\n" + body.substring(0, 4)
                    + "\r\n" + Integer.toHexString(body.length() - 4) + "\r\n" + body.substring(4) + "\r\n0\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(readAnswer(socket.getInputStream()).status).isEqualTo(204);
        }
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(1);
    }

    @Test
    void beacons_pipelined_on_one_connection_are_each_answered_in_order() throws Exception {
        var requests = new StringBuilder();
        var bodies = List.of("{\"articleId\": " + id + "}", "{\"articleId\": 999999}", "nope",
                "{\"articleId\": " + id + "}");
        for (int i = 0; i < bodies.size(); i++) {
            requests.append(head(bodies.get(i).length(), Views.reader(i))).append(bodies.get(i));
        }
        try (var socket = connect()) {
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            var in = socket.getInputStream();
            var statuses = new ArrayList<Integer>();
            for (int i = 0; i < bodies.size(); i++) statuses.add(readAnswer(in).status);
            assertThat(statuses).containsExactly(204, 404, 400, 204);
        }
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(2);
    }

    @Test
    void bodies_are_judged_as_jacksons_tree_judged_them() throws Exception {
        var mapper = Json.mapper();
        var bodies = List.of("{\"articleId\": " + id + "}", " {\"articleId\":" + id + "} ", "{\"x\": [1, {\"y\": 2}], \"articleId\": " + id + "}",
                "{\"articleId\": " + id + ", \"articleId\": " + id + "}", "{\"articleId\": " + id + "} {}",
                "{\"articleId\": " + id + "} x", "{\"articleId\": " + id + ",}", "{\"articleId\": " + id + ", \"x\": }",
                "{\"articleId\": 0}", "{\"articleId\": -5}", "{\"articleId\": 9223372036854775807}",
                "{\"articleId\": 9223372036854775808}", "{\"articleId\": 1e2}", "{\"articleId\": 2.0}",
                "{\"articleId\": null}", "{\"articleId\": true}", "{\"\\u0061rticleId\": " + id + "}",
                "{\"a\": {\"articleId\": " + id + "}}", "[" + id + "]", "\"articleId\"", id + "", "null", "", " ", "{",
                "{\"articleId\": " + id + "", "\u00ff\u00fe");
        int reader = 0;
        for (var body : bodies) {
            int expected = judgedByTree(mapper, body);
            var answer = Views.post(app, body, Views.reader(reader++));
            assertThat(answer.statusCode()).as(body).isEqualTo(expected);
        }
    }

    /** The rule as the tree-building parser applied it before the lane streamed the body. */
    private int judgedByTree(ObjectMapper mapper, String body) {
        try {
            var node = mapper.readTree(body.getBytes(StandardCharsets.UTF_8));
            var v = node == null ? null : node.get("articleId");
            if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) return 400;
            return v.asLong() == id ? 204 : 404;
        } catch (IOException e) {
            return 400;
        }
    }

    @Test
    void without_the_database_the_rules_wait_for_nothing_and_count_nothing() {
        var counting = app.kiji.ranking.counting();
        var reader = new Reader("192.0.2.1", Views.CHROME, false);
        // just published: the lookup forgot the article, so the rules would read the database
        assertThat(counting.countWithoutWaiting(id, reader)).isEqualTo(ViewCounting.Attempt.WOULD_WAIT);
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isZero();
        // a beacon answered on a pool thread loads it; the next is answered from memory
        assertThat(Views.beacon(app, id, Views.IPHONE).statusCode()).isEqualTo(204);
        assertThat(counting.countWithoutWaiting(id, reader)).isEqualTo(ViewCounting.Attempt.DONE);
        assertThat(counting.countWithoutWaiting(999_999, reader)).isEqualTo(ViewCounting.Attempt.WOULD_WAIT);
        Views.beacon(app, 999_999, Views.IPHONE);
        assertThat(counting.countWithoutWaiting(999_999, reader)).isEqualTo(ViewCounting.Attempt.UNKNOWN_ARTICLE);
        assertThat(Rankings.viewsOf(app, "?window=1h", id)).isEqualTo(2);
    }

    @Test
    void a_new_days_salt_not_yet_in_memory_sends_the_beacon_to_the_pool_and_it_still_counts() {
        clock.advance(java.time.Duration.ofHours(11).plusMinutes(49).plusSeconds(58)); // 23:59:58 in Tokyo
        Views.beacon(app, id, Views.IPHONE); // the article is now cached, the day's salt loaded
        clock.advance(java.time.Duration.ofSeconds(3)); // 00:00:01: a new day, the article still cached
        var reader = new Reader("192.0.2.1", Views.CHROME, false);
        assertThat(counting().countWithoutWaiting(id, reader)).isEqualTo(ViewCounting.Attempt.WOULD_WAIT);
        assertThat(Views.beacon(app, id, Views.reader(1)).statusCode()).isEqualTo(204); // loads the salt
        assertThat(counting().countWithoutWaiting(id, reader)).isEqualTo(ViewCounting.Attempt.DONE);
        assertThat(Rankings.viewsOf(app, "?window=24h", id)).isEqualTo(3);
    }

    private ViewCounting counting() {
        return app.kiji.ranking.counting();
    }

    private Socket connect() throws IOException {
        var socket = new Socket("127.0.0.1", app.kiji.port());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static String head(int length, String userAgent) {
        return "POST /api/views HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nUser-Agent: "
                + userAgent + "\r\nContent-Length: " + length + "\r\n\r\n";
    }

    private record Answer(int status, String body) {}

    /** One HTTP/1.1 answer with a Content-Length (or none, for a 204). */
    private static Answer readAnswer(InputStream in) {
        try {
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) throw new IOException("connection closed after: " + head);
                head.write(b);
            }
            var lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            int length = 0;
            for (var line : lines) {
                if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
            }
            return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

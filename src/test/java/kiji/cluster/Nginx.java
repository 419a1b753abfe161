package kiji.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx as the cluster's balancer, in a folder of its own: round robin over the given
 * ports, with {@code proxy_next_upstream} and {@code client_max_body_size} as docs/operations.md
 * shows them.
 */
final class Nginx implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private final Process process;
    final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    static Nginx start(Path dir, List<Integer> upstreamPorts) throws IOException, InterruptedException {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var upstreams = new StringBuilder();
        for (var p : upstreamPorts) upstreams.append("    server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=5s;\n");
        var conf = dir.resolve("nginx.conf");
        Files.writeString(conf, (System.getProperty("user.name").equals("root") ? "user root;\n" : "") + """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream kiji {
                %2$s        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        client_max_body_size 16m;
                        location / {
                            proxy_pass http://kiji;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_next_upstream error timeout http_502 http_503;
                        }
                    }
                }
                """.formatted(dir, upstreams, port));
        var process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        var nginx = new Nginx(process, port);
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            assertThat(process.isAlive()).as("nginx runs: " + Files.readString(dir.resolve("nginx.out"))).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(nginx.url("/healthz")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return nginx;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("nginx listens within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}

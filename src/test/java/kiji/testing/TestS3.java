package kiji.testing;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import kiji.media.MediaSettings;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3 server for tests: S3Proxy on a loopback port with its in-memory backend, started once
 * per test JVM (its jar carries its own Jetty, shaded under org.gaul.shaded, so it runs beside
 * Javalin's Jetty 12 in this JVM), checking
 * AWS v4 signatures with {@link #ACCESS_KEY}/{@link #SECRET_KEY}. Kiji finds those credentials
 * the way an operator's would: through the AWS SDK's default chain (here its system properties;
 * a child JVM gets them as AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, see {@link #environment()}).
 */
public final class TestS3 {
    public static final String ACCESS_KEY = "kiji-test-access";
    public static final String SECRET_KEY = "kiji-test-secret-key";
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3Proxy server;
    private static BlobStore blobs;

    private TestS3() {}

    /** The server's endpoint, {@code http://127.0.0.1:PORT}. */
    public static synchronized URI endpoint() {
        if (server == null) {
            try {
                blobs = new TransientNio2BlobStore();
                var proxy = S3Proxy.builder().blobStore(blobs).endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
                proxy.start();
                while (!proxy.getState().equals("STARTED")) Thread.sleep(10);
                server = proxy;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start S3Proxy", e);
            }
            System.setProperty("aws.accessKeyId", ACCESS_KEY);
            System.setProperty("aws.secretAccessKey", SECRET_KEY);
        }
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    /** A new, empty bucket on the shared server. */
    public static String freshBucket() {
        endpoint();
        var name = "kiji-media-" + BUCKETS.incrementAndGet();
        blobs.createContainer(name);
        return name;
    }

    /** Media settings for {@code s3://BUCKET/PREFIX} on this server. */
    public static MediaSettings media(String bucket, String prefix) {
        return MediaSettings.parse(Optional.of("s3://" + bucket + "/" + prefix), Optional.of(endpoint().toString()),
                Optional.empty());
    }

    /** The environment a child JVM needs to reach this server with the SDK's default chain. */
    public static java.util.Map<String, String> environment() {
        return java.util.Map.of("KIJI_S3_ENDPOINT", endpoint().toString(), "AWS_ACCESS_KEY_ID", ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    }
}

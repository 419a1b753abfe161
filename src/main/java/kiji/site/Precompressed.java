package kiji.site;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A cached answer's bytes compressed once, on first demand, instead of on every request: a
 * brotli and a gzip copy beside the plain bytes. When a client takes neither, nothing is
 * compressed. (Javalin leaves an answer alone once it carries Content-Encoding.) Used by the
 * render cache and by the ranking API.
 */
public final class Precompressed {
    public enum Coding { BR, GZIP }

    private static final HttpField BR = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

    public static final int MIN_SIZE = 1500; // below one packet compression buys nothing

    private final byte[] plain;
    private final AtomicReference<byte[]> brotli = new AtomicReference<>();
    private final AtomicReference<byte[]> gzip = new AtomicReference<>();

    public Precompressed(byte[] plain) {
        this.plain = plain;
    }

    /** The coding to answer with for this Accept-Encoding, if any (brotli first). */
    public static Optional<Coding> choose(String acceptEncoding, int size) {
        if (acceptEncoding == null || size < MIN_SIZE) return Optional.empty();
        boolean br = false;
        boolean gz = false;
        for (var part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            var fields = part.strip().split(";");
            var name = fields[0].strip();
            boolean refused = fields.length > 1 && fields[1].replace(" ", "").matches("q=0(\\.0*)?");
            if (refused) continue;
            if (name.equals("br")) br = true;
            if (name.equals("gzip")) gz = true;
        }
        if (br && Brotli4jLoader.isAvailable()) return Optional.of(Coding.BR);
        return gz ? Optional.of(Coding.GZIP) : Optional.empty();
    }

    /** The compressed copy if it is already made (compressing costs a millisecond of CPU). */
    public Optional<byte[]> made(Coding coding) {
        return Optional.ofNullable((coding == Coding.BR ? brotli : gzip).get());
    }

    /**
     * Answers 200 with the plain bytes or, for {@code coding}, the copy in it (with its
     * Content-Encoding), and the length, in one write: what both fast lanes send for a kept answer.
     */
    public void send(Response response, Callback callback, Optional<Coding> coding) {
        byte[] body = plain;
        if (coding.isPresent()) {
            response.getHeaders().add(coding.get() == Coding.BR ? BR : GZIP);
            body = bytes(coding.get());
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * The same for a Javalin route: the plain bytes or, when the request's Accept-Encoding takes
     * one, the brotli or gzip copy with its Content-Encoding (Javalin leaves that answer alone).
     */
    public void result(io.javalin.http.Context ctx) {
        var coding = choose(ctx.header("Accept-Encoding"), plain.length);
        if (coding.isPresent()) {
            ctx.header("Content-Encoding", coding.get() == Coding.BR ? "br" : "gzip");
            ctx.result(bytes(coding.get()));
        } else {
            ctx.result(plain);
        }
    }

    /** The plain bytes in {@code coding}, compressed on the first call. */
    public byte[] bytes(Coding coding) {
        var holder = coding == Coding.BR ? brotli : gzip;
        var done = holder.get();
        if (done != null) return done;
        var made = coding == Coding.BR ? brotli(plain) : gzip(plain);
        holder.compareAndSet(null, made);
        return holder.get();
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(6));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

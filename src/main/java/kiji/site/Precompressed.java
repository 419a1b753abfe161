package kiji.site;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

/**
 * A cached answer's bytes compressed once, on first demand, instead of on every request: a
 * brotli and a gzip copy beside the plain bytes. When a client takes neither, nothing is
 * compressed. (Javalin leaves an answer alone once it carries Content-Encoding.) Used by the
 * render cache and by the ranking API.
 */
public final class Precompressed {
    public enum Coding { BR, GZIP }

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

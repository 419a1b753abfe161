package kiji.site;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** ETags, HTTP dates and the RFC 9110 rules for answering a revalidation with 304. */
final class HttpValidators {
    private HttpValidators() {}

    /** A strong ETag from the content: 16 bytes of SHA-256, base64url. */
    static String etagOf(byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String httpDate(long epochMillis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    /**
     * If-None-Match wins when present (a list, {@code *}, or weak forms compared weakly, as a GET
     * may); If-Modified-Since is used only without it, at one-second precision.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, long lastModifiedMillis) {
        if (ifNoneMatch != null) {
            for (var candidate : ifNoneMatch.split(",")) {
                var c = candidate.strip();
                if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) return true;
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                var since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return lastModifiedMillis / 1000 <= since.getEpochSecond();
            } catch (DateTimeParseException e) {
                return false; // an unreadable date is ignored, as RFC 9110 says
            }
        }
        return false;
    }
}

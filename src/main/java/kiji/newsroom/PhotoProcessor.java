package kiji.newsroom;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Checks an upload and makes the sizes the site serves. The type is read from the first bytes,
 * never the file name; the pixel count is read from the header before anything is decoded, so
 * a small file that would expand to gigabytes (a decompression bomb) is refused cheaply. Every
 * variant is re-encoded from pixels, which drops all metadata: EXIF (camera, GPS location),
 * XMP, comments.
 */
final class PhotoProcessor {
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 12_000;
    static final int[] WIDTHS = {480, 960, 1600};

    /** A refused upload, with the Japanese reason and the HTTP status to answer. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The decoded photo and its variants by width (ascending). */
    record Result(String format, int width, int height, Map<Integer, byte[]> variants) {}

    Result process(byte[] bytes) {
        if (bytes.length > MAX_BYTES) throw new Refused(413, "ファイルが大きすぎます（10MBまで）。");
        var format = sniff(bytes);
        if (format == null) throw new Refused(415, "JPEG または PNG の画像を選んでください（ファイルの中身が画像ではありません）。");
        checkDimensions(bytes, format);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) throw new Refused(415, "画像を読み込めませんでした。壊れているか、対応していない形式です。");
        Map<Integer, byte[]> variants = new LinkedHashMap<>();
        for (int w : WIDTHS) {
            if (w >= image.getWidth()) {
                variants.put(image.getWidth(), encode(image, format));
                break;
            }
            variants.put(w, encode(scale(image, w), format));
        }
        return new Result(format, image.getWidth(), image.getHeight(), variants);
    }

    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return "jpg";
        if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) return "png";
        return null;
    }

    private static void checkDimensions(byte[] bytes, String format) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReadersBySuffix(format);
            if (!readers.hasNext()) throw new Refused(415, "この形式には対応していません。");
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0), h = reader.getHeight(0);
                if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
                    throw new Refused(413, "画像の画素数が大きすぎます（" + w + "×" + h
                            + "）。一辺 12000 ピクセル・合計 4000 万画素までにしてください。");
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refused r) throw r;
            throw new Refused(415, "画像を読み込めませんでした。壊れているか、対応していない形式です。");
        }
    }

    private static BufferedImage scale(BufferedImage source, int width) {
        // Halving steps, then one bilinear step: a single big bicubic jump aliases badly.
        var current = source;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
        }
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        int type = source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        var out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (format.equals("png")) {
                ImageIO.write(image, "png", out);
            } else {
                var rgb = image;
                if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
                    rgb = draw(image, image.getWidth(), image.getHeight());
                }
                var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                var params = writer.getDefaultWriteParam();
                params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                params.setCompressionQuality(0.85f);
                try (var ios = ImageIO.createImageOutputStream(out)) {
                    writer.setOutput(ios);
                    writer.write(null, new IIOImage(rgb, null, null), params);
                } finally {
                    writer.dispose();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

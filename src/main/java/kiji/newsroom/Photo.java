package kiji.newsroom;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** An uploaded photo: its size, the widths stored for {@code srcset}, caption and credit (写真:防衛省). */
public record Photo(long id, String format, int width, int height, List<Integer> variants, String caption,
                    String credit, String uploadedBy, Instant createdAt) {

    public String url(int variantWidth) {
        return "/media/" + id + "/" + variantWidth + "." + format;
    }

    /** The variant an article body uses: the largest up to 960 pixels wide. */
    public String bodyUrl() {
        return url(variants.stream().filter(w -> w <= 960).reduce((a, b) -> b).orElse(variants.get(0)));
    }

    /** {@code /media/12/480.jpg 480w, /media/12/960.jpg 960w, …} */
    public String srcset() {
        return variants.stream().map(w -> url(w) + " " + w + "w").collect(Collectors.joining(", "));
    }

    /** The Markdown an editor pastes into the body: the image, then its caption line with the credit. */
    public String markdown() {
        var alt = caption.replaceAll("[\\[\\]\\\\]", "");
        var creditText = credit.isBlank() ? "" : "（写真:" + credit + "）";
        return "![" + alt + "](" + bodyUrl() + ")\n\n" + caption + creditText;
    }
}

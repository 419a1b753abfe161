package kiji.newsroom;

import java.time.Instant;
import java.util.List;
import kiji.article.ArticlePhoto;
import kiji.article.PhotoUrls;

/**
 * An uploaded photo: its size, the widths stored for {@code srcset}, caption and credit
 * (写真:防衛省), and where browsers load its files from ({@code urls}).
 */
public record Photo(long id, String format, int width, int height, List<Integer> variants, String caption,
                    String credit, String uploadedBy, Instant createdAt, PhotoUrls urls) {

    /** The photo as articles show it; {@code bytes} is the size of its largest variant. */
    public ArticlePhoto shown(long bytes) {
        return new ArticlePhoto(id, format, width, height, variants, caption, credit, bytes, urls);
    }

    /** Where a browser loads a variant from: {@code /media/12/480.jpg}, or the CDN's URL of it. */
    public String url(int variantWidth) {
        return shown(0).url(variantWidth);
    }

    /**
     * The variant an article body uses: the largest up to 960 pixels wide, always as Kiji's own
     * {@code /media/} path, since it is stored in the Markdown: the renderer finds the photo by it
     * and gives the page the URLs of the day (a CDN's when one is set).
     */
    public String bodyUrl() {
        var shown = shown(0);
        return PhotoUrls.SITE.of(shown.key(shown.pageWidth()));
    }

    /** {@code /media/12/480.jpg 480w, /media/12/960.jpg 960w, …} (or the CDN's URLs) */
    public String srcset() {
        return shown(0).srcset();
    }

    /** {@code 防衛装備展の会場（写真:防衛省）}: how pickers and lists name the photo. */
    public String label() {
        var text = caption.isBlank() ? "（キャプションなし）" : caption;
        return credit.isBlank() ? text : text + "（写真:" + credit + "）";
    }

    /** The Markdown an editor pastes into the body: the image, then its caption line with the credit. */
    public String markdown() {
        var alt = caption.replaceAll("[\\[\\]\\\\]", "");
        var creditText = credit.isBlank() ? "" : "（写真:" + credit + "）";
        return "![" + alt + "](" + bodyUrl() + ")\n\n" + caption + creditText;
    }
}

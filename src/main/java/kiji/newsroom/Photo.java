package kiji.newsroom;

import java.time.Instant;
import java.util.List;
import kiji.article.ArticlePhoto;

/** An uploaded photo: its size, the widths stored for {@code srcset}, caption and credit (写真:防衛省). */
public record Photo(long id, String format, int width, int height, List<Integer> variants, String caption,
                    String credit, String uploadedBy, Instant createdAt) {

    /** The photo as articles show it; {@code bytes} is the size of its largest variant. */
    public ArticlePhoto shown(long bytes) {
        return new ArticlePhoto(id, format, width, height, variants, caption, credit, bytes);
    }

    public String url(int variantWidth) {
        return shown(0).url(variantWidth);
    }

    /** The variant an article body uses: the largest up to 960 pixels wide. */
    public String bodyUrl() {
        var shown = shown(0);
        return shown.url(shown.pageWidth());
    }

    /** {@code /media/12/480.jpg 480w, /media/12/960.jpg 960w, …} */
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

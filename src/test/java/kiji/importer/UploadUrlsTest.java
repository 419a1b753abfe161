package kiji.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kiji.article.ArticlePhoto;
import org.junit.jupiter.api.Test;

/** Old uploads' addresses in a body become the variants of the photos made of them. */
class UploadUrlsTest {
    static final ArticlePhoto HANABI = new ArticlePhoto(7, "jpg", 2000, 1000, List.of(480, 960, 1600), "", "", 0);
    static final ArticlePhoto CHIZU = new ArticlePhoto(8, "png", 600, 400, List.of(480, 600), "", "", 0);
    static final Map<String, ArticlePhoto> FILES = Map.of(
            "2024/10/hanabi.jpg", HANABI, "2024/10/chizu.png", CHIZU, "2023/01/富士山.jpg", HANABI);
    static final UploadUrls URLS = new UploadUrls(f -> Optional.ofNullable(FILES.get(f)),
            Set.of("kiji-times.example"), List.of("kiji.files.wordpress.example/"));

    @Test
    void a_wordpress_size_becomes_the_smallest_variant_at_least_as_wide() {
        assertThat(URLS.rewrite("<img src=\"https://kiji-times.example/wp-content/uploads/2024/10/hanabi-300x150.jpg\">"))
                .isEqualTo("<img src=\"/media/7/480.jpg\">");
        assertThat(URLS.rewrite("<img src=\"http://kiji-times.example/wp-content/uploads/2024/10/hanabi-1024x512.jpg\">"))
                .isEqualTo("<img src=\"/media/7/1600.jpg\">");
        assertThat(URLS.rewrite("<img src='//kiji-times.example/wp-content/uploads/2024/10/hanabi-2048x1024.jpg'>"))
                .isEqualTo("<img src='/media/7/1600.jpg'>");
    }

    @Test
    void the_original_is_the_page_variant_and_a_link_to_it_the_largest() {
        assertThat(URLS.rewrite("<a href=\"/wp-content/uploads/2024/10/hanabi.jpg\"><img src=\"/wp-content/uploads/2024/10/hanabi.jpg\"></a>"))
                .isEqualTo("<a href=\"/media/7/1600.jpg\"><img src=\"/media/7/960.jpg\"></a>");
    }

    @Test
    void a_srcset_of_one_photo_becomes_its_own_and_a_mixed_one_is_rewritten_address_by_address() {
        var base = "https://kiji-times.example/wp-content/uploads/2024/10/";
        assertThat(URLS.rewrite("<img srcset=\"" + base + "hanabi-300x150.jpg 300w, " + base + "hanabi.jpg 2000w\">"))
                .isEqualTo("<img srcset=\"/media/7/480.jpg 480w, /media/7/960.jpg 960w, /media/7/1600.jpg 1600w\">");
        assertThat(URLS.rewrite("<img srcset=\"" + base + "hanabi-300x150.jpg 300w, https://cdn.example/x.jpg 2x\">"))
                .isEqualTo("<img srcset=\"/media/7/480.jpg 300w, https://cdn.example/x.jpg 2x\">");
    }

    @Test
    void another_site_an_unknown_file_and_text_stay_as_they_were() {
        var html = "<p>https://kiji-times.example/wp-content/uploads/2024/10/hanabi.jpg</p>"
                + "<img src=\"https://other.example/wp-content/uploads/2024/10/hanabi.jpg\">"
                + "<img src=\"https://kiji-times.example/wp-content/uploads/2024/10/unknown.jpg\">"
                + "<img src=\"https://kiji-times.example/wp-content/uploads/2024/10/hanabi-scaled-x.jpg\">";
        assertThat(URLS.rewrite(html)).isEqualTo(html);
    }

    @Test
    void an_image_cdn_in_front_of_the_old_host_a_query_escapes_and_a_wordpress_com_folder_are_followed() {
        assertThat(URLS.rewrite("<img src=\"https://i0.wp.com/kiji-times.example/wp-content/uploads/2024/10/chizu.png?w=300&amp;ssl=1\">"))
                .isEqualTo("<img src=\"/media/8/600.png\">");
        assertThat(URLS.rewrite("<img src=\"https://kiji-times.example/wp-content/uploads/2023/01/%E5%AF%8C%E5%A3%AB%E5%B1%B1.jpg\">"))
                .isEqualTo("<img src=\"/media/7/960.jpg\">");
        assertThat(URLS.rewrite("<img SRC=\"https://kiji.files.wordpress.example/2024/10/chizu-300x200.png\">"))
                .isEqualTo("<img SRC=\"/media/8/480.png\">");
    }

    @Test
    void an_attachment_names_its_file_by_meta_else_by_its_address() {
        assertThat(Attachment.file("2024/10/a.jpg", "https://x.example/wp-content/uploads/2024/10/b.jpg")).contains("2024/10/a.jpg");
        assertThat(Attachment.file("/home/site/wp-content/uploads/2009/01/old.jpg", "")).contains("2009/01/old.jpg");
        assertThat(Attachment.file("", "https://x.example/wp-content/uploads/2024/10/%E5%9C%B0%E5%9B%B3.png"))
                .contains("2024/10/地図.png");
        assertThat(Attachment.file("", "https://kiji.files.wordpress.example/2024/10/c.jpg")).contains("2024/10/c.jpg");
        assertThat(Attachment.file("", "")).isEmpty();
        assertThat(UploadUrls.baseOf("https://Kiji.files.wordpress.example/2024/10/c.jpg", "2024/10/c.jpg"))
                .contains("kiji.files.wordpress.example/");
        assertThat(UploadUrls.baseOf("https://x.example/wp-content/uploads/2024/10/c.jpg", "2024/10/c.jpg")).isEmpty();
        assertThat(UploadUrls.hostOf("https://Kiji-Times.example:8080/a")).contains("kiji-times.example:8080");
    }
}

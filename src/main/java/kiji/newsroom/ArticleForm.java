package kiji.newsroom;

import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.Article;
import kiji.article.ArticleDraft;
import kiji.article.Status;
import kiji.article.TokyoTime;
import kiji.article.ValidationException;

/**
 * The editor form as typed, kept as text so a refused save shows exactly what was entered. The
 * publish time is entered and shown in Japan time ({@code 2024-10-21T10:58}).
 */
public record ArticleForm(String title, String lead, String category, String tags, String authors, String body,
                          String status, String publishedAt, String featuredPhoto) {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Map<String, String> LABELS = Map.of("title", "タイトル", "lead", "リード", "body", "本文",
            "category", "カテゴリー", "tags", "タグ", "authors", "筆者", "status", "状態", "publishedAt", "公開日時",
            "featuredPhoto", "トップ写真");

    static ArticleForm blank(String category) {
        return new ArticleForm("", "", category, "", "", "", "draft", "", "");
    }

    static ArticleForm of(Article a) {
        return new ArticleForm(a.title(), a.lead(), a.category().slug(), String.join("、", a.tags()),
                String.join("、", a.authors()), a.body(), a.status().key(),
                a.publishedAt().map(t -> LOCAL.format(t.atZone(TokyoTime.ZONE))).orElse(""),
                a.featuredPhotoId().map(String::valueOf).orElse(""));
    }

    static ArticleForm from(Context ctx) {
        return new ArticleForm(NewsroomParams.form(ctx, "title"), NewsroomParams.form(ctx, "lead"),
                NewsroomParams.form(ctx, "category"), NewsroomParams.form(ctx, "tags"),
                NewsroomParams.form(ctx, "authors"), NewsroomParams.form(ctx, "body").replace("\r\n", "\n"),
                NewsroomParams.form(ctx, "status"), NewsroomParams.form(ctx, "publishedAt"),
                NewsroomParams.form(ctx, "featuredPhoto"));
    }

    /** The draft to save; field errors (in Japanese) when the text cannot be read. */
    ArticleDraft toDraft() {
        Map<String, String> errors = new LinkedHashMap<>();
        var parsedStatus = Status.parse(status);
        if (parsedStatus.isEmpty()) errors.put("status", "状態を選んでください");
        Optional<java.time.Instant> time = Optional.empty();
        if (!publishedAt.isBlank()) {
            try {
                time = Optional.of(LocalDateTime.parse(publishedAt.strip()).atZone(TokyoTime.ZONE).toInstant());
            } catch (DateTimeParseException e) {
                errors.put("publishedAt", "日時は 2024-10-21T10:58 の形で入力してください（日本時間）");
            }
        }
        Optional<Long> photo = Optional.empty();
        if (!featuredPhoto.isBlank()) {
            if (featuredPhoto.strip().matches("[1-9][0-9]{0,17}")) photo = Optional.of(Long.parseLong(featuredPhoto.strip()));
            else errors.put("featuredPhoto", "トップ写真を一覧から選び直してください");
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new ArticleDraft(Optional.empty(), title, lead, body, category, names(tags), names(authors),
                parsedStatus.get(), time, photo);
    }

    /** ArticleService's field messages, said in Japanese with the field's label. */
    static Map<String, String> japanese(Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((field, message) -> {
            var label = LABELS.getOrDefault(field, field);
            String text;
            if (!message.matches("[\\x20-\\x7e]+")) text = message;
            else if (message.startsWith("required")) text = label + "を入力してください";
            else if (message.startsWith("at most")) text = label + "は" + message.replaceAll("\\D+", "") + "文字（件）以内にしてください";
            else if (message.startsWith("unknown category")) text = "カテゴリーが見つかりません";
            else if (message.startsWith("unknown photo")) text = "トップ写真に選んだ写真が見つかりません。一覧から選び直してください";
            else if (message.startsWith("contains control")) text = label + "に使えない制御文字が含まれています";
            else if (message.startsWith("each entry")) text = label + "は1件100文字以内、「/」は使えません";
            else text = label + "が正しくありません（" + message + "）";
            out.put(field, text);
        });
        return out;
    }

    private static List<String> names(String text) {
        return Arrays.stream(text.split("[,、，\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}

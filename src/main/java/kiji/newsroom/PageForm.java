package kiji.newsroom;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import kiji.page.FixedPage;
import kiji.page.FixedPageDraft;
import kiji.page.PageFormat;
import kiji.page.PageStatus;

/** The fixed-page editor's fields as typed, and their Japanese error messages. */
public record PageForm(String path, String title, String format, String body, String status) {

    static PageForm blank() {
        return new PageForm("/", "", PageFormat.MARKDOWN.key(), "", PageStatus.DRAFT.key());
    }

    static PageForm of(FixedPage p) {
        return new PageForm(p.path(), p.title(), p.format().key(), p.body(), p.status().key());
    }

    static PageForm from(Context ctx) {
        return new PageForm(NewsroomParams.form(ctx, "path"), NewsroomParams.form(ctx, "title"),
                NewsroomParams.form(ctx, "format"), NewsroomParams.form(ctx, "body"),
                NewsroomParams.form(ctx, "status"));
    }

    FixedPageDraft toDraft() {
        return new FixedPageDraft(path, title, PageFormat.parse(format).orElse(null), body,
                PageStatus.parse(status).orElse(null));
    }

    public boolean isHtml() {
        return PageFormat.HTML.key().equals(format);
    }

    /** The service's field messages (English, as the API gives them) as editors read them. */
    static Map<String, String> japanese(Map<String, String> errors) {
        var out = new LinkedHashMap<String, String>();
        errors.forEach((field, message) -> out.put(field, switch (field) {
            case "path" -> message.startsWith("required") ? "パスを入力してください（例: /about/）。"
                    : message.startsWith("taken") ? "このパスはサイト自身のページが使っています。別のパスにしてください。"
                    : "パスは /about/ のように、文字・数字・「-」「_」「.」を「/」で区切って書いてください（200字以内）。";
            case "title" -> "タイトルを入力してください（1行、300字以内）。";
            case "body" -> "本文を入力してください（20万字以内）。";
            case "format" -> "本文の形式を選んでください。";
            case "status" -> "状態を選んでください。";
            default -> field + ": " + message;
        }));
        return out;
    }
}

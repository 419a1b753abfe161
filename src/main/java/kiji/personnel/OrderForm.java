package kiji.personnel;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kiji.article.Status;
import kiji.article.TokyoTime;

/** The newsroom's 人事発令 form as typed: the publication time in Japan time ({@code datetime-local}). */
public record OrderForm(String text, String kind, String status, String publishedAt, boolean eraYear, String title,
                        String lead, String notes) {

    static OrderForm blank(Instant now) {
        var local = LocalDateTime.ofInstant(now, TokyoTime.ZONE).withSecond(0).withNano(0);
        return new OrderForm("", "1佐職人事", "draft", local.toString(), false, "", "", "");
    }

    /** The form of a saved order, to edit it again. */
    static OrderForm of(PersonnelService.Saved saved) {
        var a = saved.article();
        var o = saved.order();
        var at = a.publishedAt().map(t -> LocalDateTime.ofInstant(t, TokyoTime.ZONE).withSecond(0).withNano(0).toString())
                .orElse("");
        return new OrderForm(o.source(), o.kind(), a.status().key(), at, o.eraYear(), o.customTitle().orElse(""),
                a.lead(), o.notes());
    }

    static OrderForm from(Context ctx) {
        return new OrderForm(value(ctx, "text"), value(ctx, "kind"), value(ctx, "status"), value(ctx, "publishedAt"),
                ctx.formParam("eraYear") != null, value(ctx, "title"), value(ctx, "lead"), value(ctx, "notes"));
    }

    /** The request the service takes, or the fields in error (Japanese messages). */
    OrderRequest toRequest(Map<String, String> errors) {
        if (text.isBlank()) errors.put("text", "発令の一覧を貼り付けてください");
        if (!OrderTitle.KINDS.contains(kind)) errors.put("kind", "種別を選んでください");
        var st = Status.parse(status);
        if (st.isEmpty()) errors.put("status", "状態を選んでください");
        var at = time();
        if (at.isEmpty() && !publishedAt.isBlank()) errors.put("publishedAt", "公開日時が読めません");
        return new OrderRequest(text, kind, st.orElse(Status.DRAFT), at, eraYear,
                title.isBlank() ? Optional.empty() : Optional.of(title.strip()), lead, notes);
    }

    Optional<Instant> time() {
        try {
            return publishedAt.isBlank() ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(publishedAt).atZone(TokyoTime.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean selected(String k) {
        return kind.equals(k);
    }

    static Map<String, String> errors() {
        return new LinkedHashMap<>();
    }

    private static String value(Context ctx, String name) {
        var v = ctx.formParam(name);
        return v == null ? "" : v.replace("\r\n", "\n"); // browsers send a textarea's lines with CRLF
    }
}

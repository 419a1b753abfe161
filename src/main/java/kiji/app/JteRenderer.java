package kiji.app;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the precompiled jte templates (built by the jte Maven plugin from src/main/jte).
 * Javalin 7 has no jte module, so this is the small bridge.
 */
final class JteRenderer implements FileRenderer {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    @Override
    public String render(String filePath, Map<String, ?> model, Context ctx) {
        var output = new StringOutput(8192);
        // jte wants a Map<String, Object> it may read freely; Javalin hands over a read-only view.
        engine.render(filePath, new HashMap<String, Object>(model), output);
        return output.toString();
    }
}

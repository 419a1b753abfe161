package kiji.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process on a page's
 * HTML with the checker's default HTML schema. Loading the schema takes seconds, so one
 * checker is built per test class and reused; {@link #errors} returns errors only (not
 * warnings), each as "line N: message".
 */
public final class HtmlChecker {
    private final List<String> found = new ArrayList<>();
    private final ErrorHandler collector = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings (such as "consider adding lang") are advice, not invalid HTML
        }

        @Override
        public void error(SAXParseException e) {
            found.add("line " + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            found.add("line " + e.getLineNumber() + " (fatal): " + e.getMessage());
        }
    };
    private final SimpleDocumentValidator validator;

    public HtmlChecker() {
        try {
            validator = new SimpleDocumentValidator(true, false, false);
            validator.setUpMainSchema(EmbeddedValidator.SCHEMA_URL, collector);
        } catch (Exception e) {
            throw new IllegalStateException("the HTML checker could not load its schema", e);
        }
    }

    public synchronized List<String> errors(String html) {
        found.clear();
        try {
            validator.setUpValidatorAndParsers(collector, true, false);
            var source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            source.setEncoding("UTF-8");
            validator.checkHtmlInputSource(source);
        } catch (Exception e) {
            found.add("checker stopped: " + e);
        }
        return List.copyOf(found);
    }
}

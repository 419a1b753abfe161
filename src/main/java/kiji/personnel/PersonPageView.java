package kiji.personnel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiji.article.ReiwaDate;
import kiji.feed.JsonLd;

/** What the person page shows: the officer, the career oldest first, and the JSON-LD {@code Person}. */
public record PersonPageView(Person person, List<Step> steps, JsonLd jsonLd) {

    /** One line of the timeline. */
    public record Step(String date, String isoDate, String rank, String post, Optional<String> postUrl,
                       List<String> concurrentPosts, String previousPost, boolean retired, boolean promoted,
                       String articleUrl, String articleTitle) {}

    static PersonPageView of(Person person, List<CareerStep> career, String baseUrl) {
        var steps = career.stream().map(s -> new Step(ReiwaDate.formatWithoutWeekday(s.effectiveDate()),
                s.effectiveDate().toString(), s.rank(), s.post(), s.postId().map(id -> new Post(id, s.post()).url()),
                s.concurrentPosts(), s.previousPost(), s.retired(), s.promoted(), s.articleUrl(), s.articleTitle()))
                .toList();
        return new PersonPageView(person, steps, JsonLd.of(jsonLd(person, career, baseUrl)));
    }

    /** The latest rank, as the page's heading shows it. */
    public String latestRank() {
        return steps.isEmpty() ? "" : steps.getLast().rank();
    }

    /** schema.org Person: jobTitle is the latest post (the last one held, for a retired officer). */
    private static Map<String, Object> jsonLd(Person person, List<CareerStep> career, String baseUrl) {
        var m = new LinkedHashMap<String, Object>();
        m.put("@context", "https://schema.org");
        m.put("@type", "Person");
        m.put("name", person.name());
        m.put("url", baseUrl + person.url());
        if (!career.isEmpty()) {
            var last = career.getLast();
            m.put("jobTitle", last.retired() ? last.previousPost() : last.post());
        }
        m.put("worksFor", Map.of("@type", "GovernmentOrganization", "name", person.service().fullName()));
        return m;
    }
}

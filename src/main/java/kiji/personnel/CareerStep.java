package kiji.personnel;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One entry of a person's career, with the public order (article) that announced it. */
public record CareerStep(long entryId, LocalDate effectiveDate, String rank, String post, Optional<Long> postId,
                         List<String> concurrentPosts, String previousPost, boolean retired, boolean promoted,
                         long articleId, String articleUrl, String articleTitle) {
    public CareerStep {
        concurrentPosts = List.copyOf(concurrentPosts);
    }
}

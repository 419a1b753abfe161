package kiji.personnel;

import java.time.LocalDate;

/** A person taking a post (or holding it concurrently, 兼) from a date, by a public order. */
public record Holding(Person person, LocalDate effectiveDate, String rank, boolean concurrent, long articleId,
                      String articleUrl) {}

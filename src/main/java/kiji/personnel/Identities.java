package kiji.personnel;

import java.util.Map;
import java.util.Optional;

/** The person and post ids an order's entries resolve to: persons by service and name key, posts by key. */
record Identities(Map<String, Long> persons, Map<String, Long> posts) {
    Identities {
        persons = Map.copyOf(persons);
        posts = Map.copyOf(posts);
    }

    static String personKey(Service service, String name) {
        return service.key() + "/" + PersonName.key(name);
    }

    long person(OrderEntry e) {
        return persons.get(personKey(e.service(), e.name()));
    }

    /** The post's id; none for 退職, which is no post. */
    Optional<Long> post(String name) {
        return Optional.ofNullable(posts.get(Post.key(name)));
    }
}

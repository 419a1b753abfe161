package kiji.personnel;

/** One officer (or official) across orders: the name as first listed, within a service. */
public record Person(long id, Service service, String name) {
    public String url() {
        return "/jinji/person/" + id;
    }
}

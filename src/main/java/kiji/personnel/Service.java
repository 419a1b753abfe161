package kiji.personnel;

import java.util.Optional;

/**
 * Whom an order's rows belong to: the three services, the Joint Staff and the ministry's civilians. The
 * short name is what a generated title counts ({@code 陸自12名}).
 */
public enum Service {
    GSDF("陸上自衛隊", "陸自", "陸"),
    MSDF("海上自衛隊", "海自", "海"),
    ASDF("航空自衛隊", "空自", "空"),
    JOINT("統合幕僚監部", "統幕", ""),
    MOD("防衛省", "事務官", "");

    private final String fullName;
    private final String shortName;
    private final String rankLetter;

    Service(String fullName, String shortName, String rankLetter) {
        this.fullName = fullName;
        this.shortName = shortName;
        this.rankLetter = rankLetter;
    }

    public String fullName() {
        return fullName;
    }

    public String shortName() {
        return shortName;
    }

    /** 陸, 海 or 空: the letter a rank such as {@code 2佐} takes in this service; empty when there is none. */
    String rankLetter() {
        return rankLetter;
    }

    /** The key stored in the database and used in JSON. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Service> ofKey(String key) {
        for (var s : values()) if (s.key().equals(key)) return Optional.of(s);
        return Optional.empty();
    }

    /** The service a header line names ({@code 陸上自衛隊}), the line already normalized. */
    static Optional<Service> ofHeader(String line) {
        for (var s : values()) if (s.fullName.equals(line)) return Optional.of(s);
        return Optional.empty();
    }
}

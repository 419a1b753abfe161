package kiji.ranking;

/**
 * Operator settings of the ranking.
 *
 * @param trustedProxies proxies whose X-Forwarded-For is believed ({@code --trusted-proxies}, KIJI_TRUSTED_PROXIES)
 * @param countOnRender also count a view when the server renders an article page
 *     ({@code --count-on-render}, KIJI_COUNT_ON_RENDER); off by default because a page cache
 *     or CDN in front hides most renders — the beacon is what counts behind caches
 */
public record RankingSettings(TrustedProxies trustedProxies, boolean countOnRender) {
    public static RankingSettings defaults() {
        return new RankingSettings(TrustedProxies.none(), false);
    }
}

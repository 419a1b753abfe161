package kiji.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeferredBotFilterTest {
    @Test
    void every_caller_gets_the_one_standard_filter_however_many_ask_at_once() throws Exception {
        var deferred = new DeferredBotFilter();
        var results = new ArrayList<Future<BotFilter>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            Callable<BotFilter> ask = deferred::get;
            for (int i = 0; i < 32; i++) results.add(pool.submit(ask));
        }
        var first = results.getFirst().get();
        for (var result : results) assertThat(result.get()).isSameAs(first);
        assertThat(deferred.get()).isSameAs(first);
        assertThat(first.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).isTrue();
        assertThat(first.isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1")).isFalse();
    }
}

package nl.spil.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTest {

    @Test
    void decidesAgainAfterAConcurrentChange() {
        AtomicInteger tries = new AtomicInteger();
        String result = Retrying.onConcurrentChange(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new ConcurrentChange();
            }
            return "written";
        });
        assertThat(result).isEqualTo("written");
        assertThat(tries).hasValue(3);
    }

    @Test
    void givesUpWithA409AfterTenTries() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> Retrying.onConcurrentChange(() -> {
            tries.incrementAndGet();
            throw new ConcurrentChange();
        })).isInstanceOfSatisfying(ConcurrentChange.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(tries).hasValue(Retrying.TRIES);
    }
}

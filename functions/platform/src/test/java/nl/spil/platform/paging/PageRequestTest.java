package nl.spil.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import nl.spil.platform.problem.FieldError;
import nl.spil.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noLimitMeansFifty(String limit) {
        assertThat(PageRequest.of(limit, null).limit()).isEqualTo(50).isEqualTo(PageRequest.DEFAULT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "199", "200", " 25 ", "007"})
    void acceptsALimitFromOneTo200(String limit) {
        assertThat(PageRequest.of(limit, null).limit()).isEqualTo(Integer.parseInt(limit.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "201", "1000", "2147483647", "-2147483648", "99999999999", "abc", "1.5",
        "1e2", "0x10", "10 20", "NaN", "50;DROP"})
    void refusesAnyOtherLimitAsBadRequest(String limit) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> PageRequest.of(limit, null));

        assertThat(e).as("limit %s", limit).isNotNull();
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().errors()).containsExactly(
                new FieldError("limit", "must be a whole number from 1 to 200"));
    }

    @Test
    void keepsTheCursorTrimmedAndTreatsBlankAsNone() {
        assertThat(PageRequest.of(null, " abc.def ").cursor()).isEqualTo("abc.def");
        assertThat(PageRequest.of(null, "   ").cursor()).isNull();
        assertThat(PageRequest.of(null, null).cursor()).isNull();
    }
}
